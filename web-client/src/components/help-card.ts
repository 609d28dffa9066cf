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

/** The emergency number, shown first and on its own. */
const EMERGENCY = '112';

/** Where there is room for the other numbers to be shown at once rather than a tap away. */
const ROOMY = '(min-width: 40rem) and (min-height: 36rem)';

/**
 * Help offered, privately and at once, to someone who wrote about self-harm or violence: the
 * emergency number, the other crisis numbers and, in a group, a way to ask for a one-to-one talk.
 * Only this person sees it, in their own interface language; nothing they wrote was blocked. It
 * stays until they close it, and does not take the focus from what they are writing. On a phone
 * it starts folded to one line (about a sixteenth of the screen): the heading, the emergency number,
 * "Lisää apua" and a cross to close. "Lisää apua" (a disclosure, `aria-expanded`) unfolds the lead, the
 * request for a private talk and the other numbers, so the conversation and the composer stay in view
 * with the on-screen keyboard open. The lead is folded only for the eye: the polite live region reads
 * it whole when the card appears.
 */
class HelpCard extends Component {
  readonly #section = h('section', { class: 'help-card', 'data-testid': 'help-card', hidden: '' });
  readonly #more = h(
    'div',
    { class: 'help-card-more', id: uniqueId('help-card-more'), hidden: '' },
    translated(locale, 'p', 'chat.helpCard.intro'),
    h('ul', { class: 'help-lines' }, ...crisisLines.filter((line) => line.number !== 'help.emergency.number').map(crisisLine)),
  );
  readonly #moreToggle = translated(locale, 'button', 'chat.helpCard.more', {
    type: 'button',
    class: 'button-secondary button-small',
    'aria-expanded': 'false',
    'data-testid': 'help-card-more',
  });
  readonly #ask = translated(locale, 'button', 'chat.helpCard.askTalk', {
    type: 'button',
    class: 'button-primary button-small',
    'data-testid': 'help-card-ask-talk',
  });
  readonly #asked = translated(locale, 'p', 'chat.safety.asked', { class: 'field-hint', role: 'status', tabindex: '-1', hidden: '' });
  readonly #error = new FormAlert('error', 'help-card-error');
  #chat: RoomChat | null = null;

  protected render(): void {
    const headingId = uniqueId('help-card');
    // On a folded phone card only a cross shows; the word stays the button's name.
    const close = h(
      'button',
      { type: 'button', class: 'button-quiet button-small help-card-close', 'data-testid': 'help-card-close' },
      translated(locale, 'span', 'chat.helpCard.close', { class: 'help-card-close-label' }),
    );
    this.#moreToggle.setAttribute('aria-controls', this.#more.id);
    this.#moreToggle.addEventListener('click', () => this.#showMore(this.#more.hidden));
    this.#section.setAttribute('aria-labelledby', headingId);
    this.#section.append(
      h(
        'div',
        { class: 'help-card-top' },
        translated(locale, 'h2', 'chat.helpCard.heading', { id: headingId, class: 'help-card-heading' }),
        h(
          'p',
          { class: 'help-card-lead' },
          translated(locale, 'span', 'chat.helpCard.lead', { class: 'help-card-lead-text' }),
          ' ',
          h('a', { class: 'help-line-number', href: `tel:${EMERGENCY}` }, EMERGENCY),
        ),
        this.#moreToggle,
        close,
      ),
      h('div', { class: 'actions' }, this.#ask),
      this.#more,
      this.#asked,
      this.#error.element,
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
      this.#showMore(window.matchMedia(ROOMY).matches);
      this.#asked.hidden = true;
      this.#ask.hidden = false;
      this.#error.clear();
    }
    // A participant of a group asks its facilitators; in a private talk one already has one.
    this.#ask.hidden ||= !(chat.selfRole === 'PARTICIPANT' && chat.room?.kind !== 'PRIVATE' && chat.may('REPORT'));
  }

  #showMore(shown: boolean): void {
    this.#more.hidden = !shown;
    this.#section.classList.toggle('is-folded', !shown);
    this.#moreToggle.setAttribute('aria-expanded', String(shown));
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
      // the button just pressed is gone: the confirmation takes its focus, and comes into view with it
      this.#asked.focus();
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
