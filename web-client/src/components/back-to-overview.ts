import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';

/** The link at the top of each coordinators' screen back to their overview (`#/coordinator`). */
export function backToOverview(): HTMLParagraphElement {
  return h('p', { class: 'chat-back' }, translated(locale, 'a', 'coordinator.backToOverview', { href: hashOf('coordinator') }));
}
