/**
 * Screens at least this wide (832 px at the default text size) show the room's side panels as a
 * column beside the messages, open; narrower ones (phones) show them as a row of toggles that open
 * one sheet at a time over the messages. The stylesheet uses the same width.
 */
export const WIDE_SCREEN = '(min-width: 52rem)';

/** Whether the window is wide enough for the side column (see {@link WIDE_SCREEN}). */
export function isWideScreen(): boolean {
  return window.matchMedia(WIDE_SCREEN).matches;
}
