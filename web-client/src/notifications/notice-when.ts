import type { Params } from '../i18n/translator.ts';

/** Where the service's meetings are held: their times are said in Helsinki time. */
const TIME_ZONE = 'Europe/Helsinki';

/** Looks up the first of the keys that has a text in the interface language. */
export type Say = (keys: readonly string[], params?: Params) => string | undefined;

/** The calendar day of an instant in Helsinki, as a day number counted from 1970-01-01. */
function helsinkiDay(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    instant,
  );
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
}

/**
 * When a meeting is, as the notices say it: "tänään klo 18.00", "huomenna klo 18.00", or
 * "tiistai 1.12. klo 18.00" (keys `reach.when.today`, `reach.when.tomorrow`, `reach.when.date`),
 * with the time and the day formatted by Intl for the interface language in Helsinki time. Finnish
 * and Finland-Swedish write the day as d.M. (as the server's e-mails do, `reach.format.date`); other
 * languages name the month. An unreadable time is said as empty.
 */
export function meetingWhen(iso: string | undefined, say: Say, intlLocale: string, now: Date = new Date()): string {
  if (iso === undefined) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = new Intl.DateTimeFormat(intlLocale, { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit' }).format(at);
  const days = helsinkiDay(at) - helsinkiDay(now);
  if (days === 0) return say(['reach.when.today'], { time }) ?? time;
  if (days === 1) return say(['reach.when.tomorrow'], { time }) ?? time;
  const weekday = new Intl.DateTimeFormat(intlLocale, { timeZone: TIME_ZONE, weekday: 'long' }).format(at);
  const locale = intlLocale.toLowerCase();
  const numericMonth = locale.startsWith('fi') || locale.endsWith('-fi');
  const day = new Intl.DateTimeFormat(intlLocale, {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: numericMonth ? 'numeric' : 'long',
  }).format(at);
  // Intl writes Finland-Swedish 19.1 without the closing point that both languages use in Finland
  const dayMonth = numericMonth && !day.endsWith('.') ? `${day}.` : day;
  return say(['reach.when.date'], { date: `${weekday} ${dayMonth}`, time }) ?? `${weekday} ${dayMonth} ${time}`;
}
