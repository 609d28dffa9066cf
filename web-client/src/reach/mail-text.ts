/** A piece of a plain-text message: text as is, or a web link to make clickable. */
export type MailSegment = { readonly text: string } | { readonly text: string; readonly href: string };

/** http(s) links up to white space or an angle bracket, as mail programs find them. */
const LINK = /https?:\/\/[^\s<>"]+/gi;

/** Punctuation that ends a sentence rather than a link ("open https://…/x."). */
const TRAILING = /[.,;:!?)\]}'»”]+$/;

/**
 * Splits a plain-text message into text and links. Only `http:` and `https:` addresses become
 * links (never `javascript:` or `data:`); the caller builds text nodes and anchors from the
 * pieces, so nothing in a message can become markup.
 */
export function mailSegments(text: string): MailSegment[] {
  const segments: MailSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    const link = match[0].replace(TRAILING, '');
    if (!isWebLink(link)) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: link, href: link });
    at = start + link.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

function isWebLink(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}
