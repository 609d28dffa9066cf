import type { CalendarSeries, CalendarSession, Enrolment, LocalisedText, SeriesKind } from '../api/series.ts';
import type { TextRef } from '../i18n/dom.ts';
import { HELSINKI, dateTimeFormat, foldForSearch, helsinkiDate } from '../i18n/formats.ts';

/** Groups are held in Finland: dates and times are shown in Helsinki time. */
export const SERIES_TIME_ZONE = HELSINKI;

/** How far ahead the calendar looks. */
export const CALENDAR_DAYS_AHEAD = 365;

/** A calendar day in Helsinki, as YYYY-MM-DD. */
export { helsinkiDate };

/** The dates the calendar asks for: from today (Helsinki) to `days` days ahead. */
export function calendarRange(now: Date, days: number = CALENDAR_DAYS_AHEAD): { from: string; to: string } {
  const later = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  return { from: helsinkiDate(now), to: helsinkiDate(later) };
}

/** The sessions of a series in the order they are held. */
export function sortedSessions<T extends { position: number; startsAt: string }>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.position - b.position);
}

export function firstSession(series: CalendarSeries): CalendarSession | undefined {
  return sortedSessions(series.sessions)[0];
}

export type MonthGroup = {
  /** YYYY-MM in Helsinki time. */
  month: string;
  series: CalendarSeries[];
};

/**
 * Series grouped by the month (Helsinki time) of their first session, months and series in
 * time order. Series without sessions are left out: they have no place in a calendar.
 */
export function groupByMonth(list: readonly CalendarSeries[]): MonthGroup[] {
  const dated = list.flatMap((series) => {
    const first = firstSession(series);
    return first === undefined ? [] : [{ series, startsAt: first.startsAt }];
  });
  dated.sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  const groups: MonthGroup[] = [];
  for (const { series, startsAt } of dated) {
    const month = helsinkiDate(new Date(startsAt)).slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) {
      last.series.push(series);
    } else {
      groups.push({ month, series: [series] });
    }
  }
  return groups;
}

/** "marraskuu 2026" / "November 2026" for a YYYY-MM month. */
export function monthLabel(month: string, intlLocale: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (year === undefined || monthNumber === undefined || Number.isNaN(year) || Number.isNaN(monthNumber)) {
    return month;
  }
  // Noon UTC on the 15th is in the same month in Helsinki whatever the offset.
  const date = new Date(Date.UTC(year, monthNumber - 1, 15, 12));
  return dateTimeFormat(intlLocale, { month: 'long', year: 'numeric' }).format(date);
}

/** The date and time of a session in Helsinki time, e.g. "ti 1.12.2026 18.00–19.30". */
export function sessionTime(startsAt: string, endsAt: string, intlLocale: string): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return '';
  const day = dateTimeFormat(intlLocale, {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(start);
  const clock = dateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit' });
  const end = new Date(endsAt);
  const hours = Number.isNaN(end.getTime()) ? clock.format(start) : `${clock.format(start)}–${clock.format(end)}`;
  return `${day} ${hours}`;
}

/** "3 paikkaa vapaana", "1 paikka vapaana" or "Täynnä – jonoon voi ilmoittautua"; null for open groups. */
export function seatText(series: Pick<CalendarSeries, 'kind' | 'seatsLeft'>): TextRef | null {
  // Absent or null: the server has no figure (an open group); never shown as a number.
  const seats = series.seatsLeft ?? null;
  if (series.kind !== 'CLOSED' || seats === null) return null;
  if (seats <= 0) return { keys: ['calendar.seats.full'] };
  if (seats === 1) return { keys: ['calendar.seats.one'] };
  return { keys: ['calendar.seats.many'], params: { count: seats } };
}

/** The age range the group is meant for; null when it has none. */
export function ageText(series: { ageMin: number | null; ageMax: number | null }): TextRef | null {
  // Absent and null alike mean "no bound": a missing range never shows as a raw "{min}–{max}".
  const ageMin = series.ageMin ?? null;
  const ageMax = series.ageMax ?? null;
  if (ageMin !== null && ageMax !== null) return { keys: ['calendar.age.range'], params: { min: ageMin, max: ageMax } };
  if (ageMin !== null) return { keys: ['calendar.age.min'], params: { min: ageMin } };
  if (ageMax !== null) return { keys: ['calendar.age.max'], params: { max: ageMax } };
  return null;
}

export type KindFilter = 'ALL' | SeriesKind;

export type CalendarFilter = {
  text: string;
  kind: KindFilter;
};

/** The series whose audience note or title contains the text, of the chosen kind (case folded in the interface language). */
export function filterSeries(list: readonly CalendarSeries[], filter: CalendarFilter, intlLocale = 'fi-FI'): CalendarSeries[] {
  const fold = (text: string): string => foldForSearch(text, intlLocale);
  const needle = fold(filter.text);
  return list.filter((series) => {
    if (filter.kind !== 'ALL' && series.kind !== filter.kind) return false;
    if (needle === '') return true;
    return fold(`${series.audienceNote ?? ''} ${series.title}`).includes(needle);
  });
}

/** A theme in the interface language; Finnish when there is no text in it. */
export function localised(text: LocalisedText | null | undefined, language: string): string {
  if (text === null || text === undefined) return '';
  const chosen = (text as Readonly<Record<string, string | undefined>>)[language];
  return chosen?.trim() ? chosen : (text.fi ?? '');
}

/**
 * A theme sent as separate fields (`themeFi`, `themeSv`, `themeEn`, as in notices and feedback), in
 * the interface language; Finnish when there is no text in it.
 */
export function themeIn(fields: Readonly<Record<string, string | null | undefined>>, language: string): string {
  const own = fields[`theme${language.charAt(0).toUpperCase()}${language.slice(1)}`];
  return own?.trim() ? own : (fields['themeFi'] ?? '');
}

/** Whether a session's room is open to walk into now. */
export function joinable(session: { state: string; roomId?: unknown }): boolean {
  return (session.state === 'LOBBY' || session.state === 'LIVE') && session.roomId !== null && session.roomId !== undefined;
}

/** "Olet mukana ryhmässä", "Olet jonossa sijalla 3"; null when not enrolled. */
export function enrolmentText(enrolment: Pick<Enrolment, 'status' | 'waitlistPosition'> | null): TextRef | null {
  if (enrolment === null || enrolment.status === 'WITHDRAWN') return null;
  if (enrolment.status === 'ENROLLED') return { keys: ['series.enrolment.enrolled'] };
  const position = enrolment.waitlistPosition ?? null;
  if (position === null) return { keys: ['series.enrolment.waitlisted'] };
  return { keys: ['series.enrolment.waitlistedAt'], params: { position } };
}
