/**
 * The one place dates, times, numbers, lists and sort orders are formatted for people to read.
 * Each function takes the interface language's formatting locale (`language.intlLocale` of the
 * chosen language file, read through `LocaleStore.intlLocale`: `fi-FI`, `sv-FI`, `en-GB`), so
 * everything shown follows the language switch. Times are Helsinki times whatever the device's
 * zone: the groups are held in Finland.
 */
export const HELSINKI = 'Europe/Helsinki';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.DateTimeFormat` in the locale, in Helsinki time unless the options name another zone. */
export function dateTimeFormat(intlLocale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withZone: Intl.DateTimeFormatOptions = { timeZone: HELSINKI, ...options };
  const key = `${intlLocale}|${JSON.stringify(withZone)}`;
  let format = dateTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(intlLocale, withZone);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** A cached `Intl.NumberFormat` in the locale. */
export function numberFormat(intlLocale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${intlLocale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(intlLocale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A count as the language writes it: "12 345" in Finnish and Swedish, "12,345" in English. Four
 * digits stay together ("4000"), as Finnish and Swedish style allow and counters read best.
 */
export function formatNumber(value: number, intlLocale: string): string {
  return numberFormat(intlLocale, { useGrouping: 'min2' }).format(value);
}

/**
 * A wall-clock time of day ("18:00" or "18:00:00", as a series is planned in its own zone) as the
 * language writes it: "18.00" in Finnish and Swedish, "18:00" in English.
 */
export function formatWallClock(time: string, intlLocale: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (match === null) return time;
  const at = new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2])));
  return dateTimeFormat(intlLocale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "a, b ja c" / "a, b och c" / "a, b and c". */
export function formatList(items: readonly string[], intlLocale: string): string {
  return new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(items);
}

/** Compares names as the language sorts them (å, ä, ö after z in Finnish and Swedish), ignoring case. */
export function nameCollator(intlLocale: string): Intl.Collator {
  return new Intl.Collator(intlLocale, { sensitivity: 'base' });
}

/** Text folded for searching in the language: lower case, NFC, trimmed. */
export function foldForSearch(text: string, intlLocale: string): string {
  return text.toLocaleLowerCase(intlLocale).normalize('NFC').trim();
}

/** A YYYY-MM-DD calendar day in Helsinki, for comparing and grouping (not for people to read). */
export function helsinkiDate(date: Date): string {
  return dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
