import { problemOf } from '../api/problem.ts';
import { requestPrivateTalk } from '../api/moderation.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { translated } from '../i18n/dom.ts';
import { FormAlert } from './form-alert.ts';
import { crisisLine, crisisLines } from './help-panel.ts';


/**
 * Help offered, privately and at once, to someone who wrote about self-harm or violence: the
 * crisis numbers and, in a group, a way to ask the facilitators for a one-to-one talk. Only this
 * person sees it, in their own interface language; nothing they wrote was blocked. It stays until
 * they close it, and does not take the focus from what they are writing.
 */
class HelpCard extends Component {
  readonly #section = h('section', { class: 'help-card', 'data-testid': 'help-card', hidden: '' });
  readonly #ask = translated(locale, 'button', 'chat.helpCard.askTalk', {
    type: 'button',
    class: 'button-primary button-small',
    'data-testid': 'help-card-ask-talk',
  });
  readonly #asked = translated(locale, 'p', 'chat.safety.asked', { class: 'field-hint', role: 'status', hidden: '' });
  readonly #error = new FormAlert('error', 'help-card-error');
  #chat: RoomChat | null = null;

  protected render(): void {
    const headingId = uniqueId('help-card');
    const close = translated(locale, 'button', 'chat.helpCard.close', {
      type: 'button',
      class: 'button-quiet button-small',
      'data-testid': 'help-card-close',
    });
    this.#section.setAttribute('aria-labelledby', headingId);
    this.#section.append(
      translated(locale, 'h2', 'chat.helpCard.heading', { id: headingId, class: 'help-card-heading' }),
      translated(locale, 'p', 'chat.helpCard.intro'),
      h('ul', { class: 'help-lines' }, ...crisisLines.map(crisisLine)),
      this.#ask,
      this.#asked,
      this.#error.element,
      h('div', { class: 'actions' }, close),
    );
    this.append(h('div', { 'aria-live': 'polite' }, this.#section));
    this.#ask.addEventListener('click', () => void this.#askForTalk());
    close.addEventListener('click', () => {
      this.#chat?.dismissHelpCard();
      document.querySelector<HTMLElement>('.chat-scroll')?.focus();
    });
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('moderation-changed', () => this.#update(), { signal });
    chat.on('room-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const chat = this.#chat;
    const card = chat?.moderation.helpCard ?? null;
    const wasHidden = this.#section.hidden;
    this.#section.hidden = card === null;
    if (card === null || chat === null) return;
    if (wasHidden) {
      this.#asked.hidden = true;
      this.#ask.hidden = false;
      this.#error.clear();
    }
    // A participant of a group asks its facilitators; in a private talk one already has one.
    this.#ask.hidden ||= !(chat.selfRole === 'PARTICIPANT' && chat.room?.kind !== 'PRIVATE' && chat.may('REPORT'));
  }

  async #askForTalk(): Promise<void> {
    const chat = this.#chat;
    if (chat === null || this.#ask.getAttribute('aria-disabled') === 'true') return;
    this.#ask.setAttribute('aria-disabled', 'true');
    this.#error.clear();
    try {
      await requestPrivateTalk(api, chat.roomId);
      this.#ask.hidden = true;
      this.#asked.hidden = false;
    } catch (error) {
      this.#error.show(problemText(problemOf(error)));
    } finally {
      this.#ask.removeAttribute('aria-disabled');
    }
  }
}

define('tp-help-card', HelpCard);

declare global {
  interface HTMLElementTagNameMap {
    'tp-help-card': HelpCard;
  }
}
