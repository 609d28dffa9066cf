import { problemOf } from '../api/problem.ts';
import { requestPrivateTalk } from '../api/moderation.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { api, hiddenMembers, locale } from '../context.ts';
import { sheetLabel } from './sheet-label.ts';
import { Component, define } from '../dom/component.ts';
import { isWideScreen } from '../dom/media.ts';
import { h } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { problemText } from '../forms/problem-text.ts';
import { FormAlert } from './form-alert.ts';

/**
 * A participant's own tools in the room: ask the facilitators for a one-to-one talk, and the
 * members whose messages they have hidden, each of whom can be shown again. Also where to find
 * the crisis numbers.
 */
class RoomSafety extends Component {
  readonly #details = h('details', { class: 'room-safety', 'data-testid': 'room-safety' });
  readonly #talk = h('div', { class: 'room-safety-part' });
  readonly #ask = translated(locale, 'button', 'chat.safety.askTalk', {
    type: 'button',
    class: 'button-secondary button-small',
    'data-testid': 'ask-private-talk',
  });
  readonly #asked = translated(locale, 'p', 'chat.safety.asked', { class: 'field-hint', hidden: '' });
  readonly #askError = new FormAlert('error', 'ask-talk-error');
  readonly #hiddenHeading = h('h3', { class: 'room-safety-heading', tabindex: '-1' });
  readonly #hiddenList = h('ul', { class: 'mod-list', 'data-testid': 'hidden-members' });
  readonly #noneHidden = translated(locale, 'p', 'chat.safety.noneHidden', { class: 'field-hint' });
  readonly #hiddenError = new FormAlert('error', 'hidden-error');
  #chat: RoomChat | null = null;
  /** Called once the facilitators have been asked for a private talk. */
  onAsked: () => void = () => undefined;

  protected render(): void {
    this.#details.open = isWideScreen();
    this.#talk.append(
      translated(locale, 'p', 'chat.safety.talkIntro', { class: 'field-hint' }),
      this.#ask,
      this.#asked,
      this.#askError.element,
    );
    this.#details.append(
      h('summary', { 'data-testid': 'room-safety-toggle' }, ...sheetLabel('chat.safety.heading', 'chat.safety.short')),
      h(
        'div',
        { class: 'room-safety-body' },
        this.#talk,
        h('div', { class: 'room-safety-part' }, this.#hiddenHeading, this.#noneHidden, this.#hiddenList, this.#hiddenError.element),
        translated(locale, 'p', 'chat.safety.help', { class: 'field-hint' }),
      ),
    );
    this.append(this.#details);
    this.#ask.addEventListener('click', () => void this.#askForTalk());
  }

  protected override connected(signal: AbortSignal): void {
    hiddenMembers.on('hidden-members-changed', () => this.#renderHidden(), { signal });
    this.#renderHidden();
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('room-changed', () => this.#renderTalk(), { signal });
    chat.on('moderation-changed', () => this.#renderTalk(), { signal });
    this.#renderTalk();
  }

  /** Only a participant of a group (not of a private talk already) asks for a private talk. */
  #renderTalk(): void {
    const chat = this.#chat;
    this.#talk.hidden = !(chat !== null && chat.selfRole === 'PARTICIPANT' && chat.room?.kind !== 'PRIVATE' && chat.may('REPORT'));
  }

  async #askForTalk(): Promise<void> {
    const chat = this.#chat;
    if (chat === null || this.#ask.getAttribute('aria-disabled') === 'true') return;
    this.#ask.setAttribute('aria-disabled', 'true');
    this.#askError.clear();
    try {
      await requestPrivateTalk(api, chat.roomId);
      // Asked once is enough: the facilitators were told, and the button would only repeat it.
      // The section closes to give the messages their room back; the room's notices confirm it.
      this.#asked.hidden = false;
      this.#ask.hidden = true;
      this.#details.open = false;
      this.#details.querySelector('summary')?.focus();
      this.onAsked();
    } catch (error) {
      this.#askError.show(problemText(problemOf(error)));
    } finally {
      this.#ask.removeAttribute('aria-disabled');
    }
  }

  #renderHidden(): void {
    const members = hiddenMembers.list;
    setText(locale, this.#hiddenHeading, ref('chat.safety.hiddenHeading', { count: members.length }));
    this.#noneHidden.hidden = members.length > 0;
    this.#hiddenList.replaceChildren(
      ...members.map((member) => {
        // "Show messages", and for screen readers whose: the visible text stays short.
        const whose = h('span', { class: 'visually-hidden' });
        setText(locale, whose, ref('chat.safety.unhideWhom', { name: member.displayName }));
        const show = h(
          'button',
          { type: 'button', class: 'button-quiet button-small', 'data-testid': 'unhide-member' },
          translated(locale, 'span', 'chat.safety.unhide'),
          whose,
        );
        show.addEventListener('click', () => {
          this.#hiddenError.clear();
          hiddenMembers.unhide(api, member.accountId).then(
            () => this.#hiddenHeading.focus(),
            (error: unknown) => this.#hiddenError.show(problemText(problemOf(error))),
          );
        });
        return h(
          'li',
          { class: 'mod-item mod-hidden-member', 'data-testid': 'hidden-member' },
          h('span', {}, member.displayName),
          ' ',
          show,
        );
      }),
    );
  }
}

define('tp-room-safety', RoomSafety);

declare global {
  interface HTMLElementTagNameMap {
    'tp-room-safety': RoomSafety;
  }
}
