/** Defensive readers for JSON from the server: anything of the wrong shape reads as null. */

export type Json = Record<string, unknown>;

export function record(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/** An id as the server sends it (a UUID string, or a number in older payloads). */
export function idOf(value: unknown): string | number | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A non-empty text, or null. */
export function filled(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** An instant as an ISO-8601 text; epoch seconds (with a fraction) are converted. */
export function instant(value: unknown): string | null {
  if (typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value))) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
  return null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The items of a list that read as something, in order. */
export function listOf<T>(value: unknown, read: (item: unknown) => T | null): T[] {
  return list(value).flatMap((item) => {
    const result = read(item);
    return result === null ? [] : [result];
  });
}
