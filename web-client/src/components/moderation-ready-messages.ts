import { type ReadyMessageKind, inLanguage } from '../api/rooms.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { HOUSE_RULES_CHANGED } from './house-rules-editor.ts';
import type { PanelContext } from './panel-feedback.ts';

const kindLabel: Record<ReadyMessageKind, MessageKey> = {
  WELCOME: 'mod.ready.WELCOME',
  CHECK_IN: 'mod.ready.CHECK_IN',
  BREAK: 'mod.ready.BREAK',
  CLOSING: 'mod.ready.CLOSING',
  CRISIS: 'mod.ready.CRISIS',
};

/** The name of the event a ready-made message is offered with; its detail is the text. */
export const INSERT_TEXT = 'tp-insert-text';

/**
 * The facilitator's ready-made messages, from the room's programme template, in the
 * facilitator's language: one tap puts one in the composer, to edit or send. The house rules
 * are posted to the room with one tap, and the room's facilitators edit them here (the room's own,
 * or in a series' session room the series' own), opened on request.
 */
class ModerationReadyMessages extends Component {
  readonly #list = h('ul', { class: 'mod-ready-list', 'data-testid': 'ready-messages' });
  readonly #postRules = translated(locale, 'button', 'mod.ready.postRules', {
    type: 'button',
    class: 'button-secondary button-small',
    'data-testid': 'post-house-rules',
  });
  readonly #editRules = h('details', { class: 'mod-rules-edit', 'data-testid': 'edit-house-rules', hidden: true });
  #context: PanelContext | null = null;

  protected render(): void {
    const headingId = uniqueId('mod-ready');
    this.hidden = true;
    this.append(
      h(
        'section',
        { class: 'mod-section', 'aria-labelledby': headingId },
        translated(locale, 'h3', 'mod.ready.heading', { id: headingId, class: 'mod-heading' }),
        translated(locale, 'p', 'mod.ready.hint', { class: 'field-hint' }),
        this.#list,
        this.#postRules,
        this.#editRules,
      ),
    );
    this.#postRules.addEventListener('click', () => this.#sendRules());
    this.#editRules.append(translated(locale, 'summary', 'mod.ready.editRules'));
    this.#editRules.addEventListener('toggle', () => this.#openEditor());
    this.#editRules.addEventListener(HOUSE_RULES_CHANGED, () => void this.#context?.chat.reloadGuide());
  }

  /** The editor is made, and the rules read, when first opened. */
  #openEditor(): void {
    const chat = this.#context?.chat;
    if (!this.#editRules.open || chat === undefined || this.#editRules.querySelector('tp-house-rules-editor') !== null) return;
    const editor = h('tp-house-rules-editor', { 'data-owner': 'ROOM', 'data-level': '4', 'data-follow-series': '' });
    this.#editRules.append(editor);
    void editor.load('ROOM', String(chat.roomId));
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    context.chat.on('room-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const guide = this.#context?.chat.guide ?? null;
    const messages = guide?.messages ?? [];
    const rules = guide === null ? null : inLanguage(guide.houseRules, locale.locale);
    // Only a room's facilitators may change its rules (coordinators have the staffing and series pages).
    const edits = this.#context?.chat.room?.myRole === 'FACILITATOR';
    this.hidden = messages.length === 0 && rules === null && !edits;
    this.#postRules.hidden = rules === null;
    this.#editRules.hidden = !edits;
    this.#list.replaceChildren(
      ...messages.map((message) => {
        const text = inLanguage(message.text, locale.locale);
        const button = translated(locale, 'button', kindLabel[message.kind], {
          type: 'button',
          class: 'button-quiet button-small mod-ready-item',
          'data-testid': `ready-${message.kind}`,
        });
        button.disabled = text === null;
        button.addEventListener('click', () => {
          if (text !== null) this.dispatchEvent(new CustomEvent<string>(INSERT_TEXT, { detail: text, bubbles: true }));
        });
        return h('li', {}, button);
      }),
    );
  }

  /** Posts the house rules as a message of one's own. */
  #sendRules(): void {
    const context = this.#context;
    const guide = context?.chat.guide ?? null;
    if (context === null || guide === null) return;
    const rules = inLanguage(guide.houseRules, locale.locale);
    if (rules === null) return;
    const result = context.chat.send(`${locale.t('mod.ready.rulesTitle')}\n${rules}`);
    if (result === 'sent') context.feedback.done(ref('mod.ready.rulesPosted'));
    else context.feedback.refused(ref('mod.ready.rulesNotPosted'));
  }
}

define('tp-mod-ready-messages', ModerationReadyMessages);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-ready-messages': ModerationReadyMessages;
  }
}
