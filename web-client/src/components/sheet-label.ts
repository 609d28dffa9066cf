import { locale } from '../context.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { translated } from '../i18n/dom.ts';

/**
 * The label of a room side panel's toggle: the full name on wide screens and a short one in the
 * row of toggles on a phone (the stylesheet shows one of the two, so the name read out is the one
 * seen).
 */
export function sheetLabel(full: MessageKey, short: MessageKey): HTMLElement[] {
  return [translated(locale, 'span', full, { class: 'label-wide' }), translated(locale, 'span', short, { class: 'label-short' })];
}
