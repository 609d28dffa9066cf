import type { TextRef } from '../i18n/dom.ts';
import { dateTimeFormat } from '../i18n/formats.ts';

/** How full a series is, as the overview and the fill endpoint tell it. */
export type FillFigures = {
  capacity: number;
  minParticipants: number;
  enrolled: number;
  waitlisted: number;
};

export type FillStatus = 'below-minimum' | 'enough' | 'full';

/** Seats taken as a whole percentage of the capacity, 0–100. */
export function fillPercent(enrolled: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((enrolled / capacity) * 100)));
}

export function fillStatus(fill: FillFigures): FillStatus {
  if (fill.enrolled >= fill.capacity) return 'full';
  return fill.enrolled < fill.minParticipants ? 'below-minimum' : 'enough';
}

/** "5/8 paikkaa (63 %)". */
export function seatsText(fill: FillFigures): TextRef {
  return {
    keys: ['coordinator.fill.seats'],
    params: { enrolled: fill.enrolled, capacity: fill.capacity, percent: fillPercent(fill.enrolled, fill.capacity) },
  };
}

/** Whether the minimum is reached, and if not, how many are still missing. */
export function minimumText(fill: FillFigures): TextRef {
  const missing = fill.minParticipants - fill.enrolled;
  if (missing > 0) {
    return { keys: ['coordinator.fill.missing'], params: { minimum: fill.minParticipants, missing } };
  }
  return { keys: ['coordinator.fill.minimumReached'], params: { minimum: fill.minParticipants } };
}

export function waitlistText(waitlisted: number): TextRef {
  return waitlisted === 0
    ? { keys: ['coordinator.fill.noWaitlist'] }
    : { keys: ['coordinator.fill.waitlist'], params: { count: waitlisted } };
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T12:00:00Z`);
  const end = Date.parse(`${to}T12:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return 0;
  return Math.round((end - start) / 86_400_000);
}

/** A YYYY-MM-DD date as people read it, e.g. "12.3.2027". */
export function formatDate(date: string, intlLocale: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(noon.getTime())) return date;
  return dateTimeFormat(intlLocale, { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(noon);
}

/** When the go/no-go decision falls, relative to today, for a series still being planned. */
export function decisionText(decisionDate: string, today: string, intlLocale: string): TextRef {
  const date = formatDate(decisionDate, intlLocale);
  const days = daysBetween(today, decisionDate);
  if (days > 1) return { keys: ['coordinator.decision.inDays'], params: { date, days } };
  if (days === 1) return { keys: ['coordinator.decision.tomorrow'], params: { date } };
  if (days === 0) return { keys: ['coordinator.decision.today'], params: { date } };
  return { keys: ['coordinator.decision.past'], params: { date } };
}

/** Time present in a session's room, in whole minutes (a started minute counts). */
export function minutesPresent(seconds: number): number {
  return seconds <= 0 ? 0 : Math.ceil(seconds / 60);
}

/** A moment in Helsinki time with its weekday, e.g. "ti 1.12.2026 klo 18.00". */
export function startTime(iso: string, intlLocale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(intlLocale, {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
