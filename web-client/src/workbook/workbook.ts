import type { WorkbookEntry } from '../api/workbook.ts';

/** A text's paragraphs: the parts between blank lines, without empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** One series' answers in one's workbook. */
export type SeriesAnswers = {
  seriesId: string;
  seriesTitle: string;
  entries: WorkbookEntry[];
};

/**
 * The workbook's answers grouped by series, in the order the server lists them (the series written
 * in last first), each series' answers by the sessions' places.
 */
export function bySeries(entries: readonly WorkbookEntry[]): SeriesAnswers[] {
  const groups = new Map<string, SeriesAnswers>();
  for (const entry of entries) {
    let group = groups.get(entry.seriesId);
    if (group === undefined) {
      group = { seriesId: entry.seriesId, seriesTitle: entry.seriesTitle, entries: [] };
      groups.set(entry.seriesId, group);
    }
    group.entries.push(entry);
  }
  for (const group of groups.values()) group.entries.sort((a, b) => a.position - b.position);
  return [...groups.values()];
}
