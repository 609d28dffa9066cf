/**
 * What a push message carries and how the service worker reads it. Only the service worker
 * imports this (and the unit tests): a module shared with the page would become a chunk of its
 * own, which a classic service worker cannot import.
 */

/** The server's payload: `PushMessage` as JSON. */
export type PushPayload = {
  title: string;
  body: string;
  /** A path of this service to open on a tap. */
  url: string;
  /** Notifications with the same tag replace each other. */
  tag: string;
};

/** Shown when a message cannot be read: still discreet, still leads to the service. */
export const fallbackPayload: PushPayload = { title: 'Tukipiiri', body: '', url: '/', tag: 'tukipiiri' };

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' ? value.slice(0, max) : null;
}

/** Reads a message's text; anything unreadable gives the fallback's fields. */
export function readPayload(data: string | null): PushPayload {
  if (data === null) return fallbackPayload;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return fallbackPayload;
  }
  if (typeof json !== 'object' || json === null) return fallbackPayload;
  const fields = json as Record<string, unknown>;
  const title = text(fields['title'], 100);
  return {
    title: title === null || title.trim() === '' ? fallbackPayload.title : title,
    body: text(fields['body'], 300) ?? '',
    url: text(fields['url'], 2000) ?? '/',
    tag: text(fields['tag'], 64) || fallbackPayload.tag,
  };
}

/**
 * The address a tap opens: the message's path resolved against this service's origin; a path
 * that would lead anywhere else opens the service's front page instead.
 */
export function openTarget(url: string, origin: string): string {
  try {
    const target = new URL(url, origin);
    if (target.origin === origin && url.startsWith('/') && !url.startsWith('//')) return target.href;
  } catch {
    // not a URL at all
  }
  return new URL('/', origin).href;
}
