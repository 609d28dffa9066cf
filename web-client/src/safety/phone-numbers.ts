/** A run of text, with the number to dial when the run is a telephone number. */
export type TextRun = { text: string; dial: string | null };

/**
 * A telephone number as written in Finnish help texts: "112", "080 005 005", "09 2525 0111",
 * "+358 9 2525 0111": digits in groups separated by single spaces, at least three digits in all,
 * not part of a longer run of digits, letters or a time or date ("24/7", "9.00").
 */
const PHONE = /(?<![\p{L}\p{N}/.:,-])\+?\d+(?: \d+)*(?![\p{L}\p{N}/:-]|[.,]\d)/gu;

/**
 * Splits trusted text (the configured crisis message) into plain runs and telephone numbers, so
 * that a number can be offered as a tel: link (RFC 3966: digits only, a leading + kept).
 */
export function splitPhoneNumbers(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const dial = match[0].replace(/ /g, '');
    if (dial.replace('+', '').length < 3) continue;
    const start = match.index;
    if (start > last) runs.push({ text: text.slice(last, start), dial: null });
    runs.push({ text: match[0], dial });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), dial: null });
  return runs;
}
