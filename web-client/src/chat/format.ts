import { HELSINKI, dateTimeFormat, helsinkiDate } from '../i18n/formats.ts';

export const CHAT_TIME_ZONE = HELSINKI;

function dayOf(date: Date): string {
  return helsinkiDate(date);
}

/**
 * A message's time as people read it in Finland: only the clock time for today (Helsinki
 * time), the date too for earlier days, and the year for earlier years.
 */
export function formatMessageTime(iso: string, intlLocale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = dayOf(date) === dayOf(now);
  const sameYear = dayOf(date).slice(0, 4) === dayOf(now).slice(0, 4);
  const options: Intl.DateTimeFormatOptions = { timeZone: CHAT_TIME_ZONE, hour: '2-digit', minute: '2-digit' };
  if (!sameDay) {
    options.day = 'numeric';
    options.month = 'numeric';
    if (!sameYear) options.year = 'numeric';
  }
  return dateTimeFormat(intlLocale, options).format(date);
}

/** The full date and time, for a tooltip. */
export function formatFullTime(iso: string, intlLocale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(intlLocale, { dateStyle: 'full', timeStyle: 'short' }).format(date);
}
