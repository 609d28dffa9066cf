import { problemOf } from '../api/problem.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';

/**
 * A participant's hand: raise it to ask for the turn (and lower it again), or say "I pass" in a
 * round; the place in the queue is shown while the hand is up. Facilitators give turns from their
 * tools, so they have no hand here.
 */
class FloorBar extends Component {
  // A toggle keeps its name; aria-pressed (and the look) says whether the hand is up (WAI-ARIA APG, button).
  readonly #raise = translated(locale, 'button', 'chat.floor.raise', {
    type: 'button',
    class: 'button-quiet button-small floor-raise',
    'aria-pressed': 'false',
    'data-testid': 'raise-hand',
  });
  readonly #pass = translated(locale, 'button', 'chat.floor.pass', {
    type: 'button',
    class: 'button-quiet button-small',
    'data-testid': 'pass-turn',
  });
  readonly #place = h('span', { class: 'floor-place', role: 'status', 'data-testid': 'hand-place' });
  readonly #error = h('span', { class: 'field-error', role: 'alert', hidden: true });
  #chat: RoomChat | null = null;

  protected render(): void {
    this.hidden = true;
    this.append(h('div', { class: 'floor-bar' }, this.#raise, this.#pass, this.#place, this.#error));
    this.#raise.addEventListener('click', () => void this.#toggle());
    this.#pass.addEventListener(
      'click',
      () => void this.#run(() => this.#chat?.floor.pass(this.#chat.self.id, this.#chat.self.displayName)),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('floor-changed', () => this.#update(), { signal });
    chat.on('room-changed', () => this.#update(), { signal });
    chat.on('moderation-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const chat = this.#chat;
    const role = chat?.selfRole ?? null;
    // An information session has no floor to give: participants ask questions instead.
    const shown =
      chat !== null && chat.canSend && !chat.rulesDue && role !== 'FACILITATOR' && chat.room?.kind !== 'PRIVATE' && !chat.infoSession;
    this.hidden = !shown;
    if (!shown) return;
    const place = chat.floor.placeOf(chat.self.id);
    this.#raise.setAttribute('aria-pressed', String(place !== null));
    setText(locale, this.#place, place === null ? null : ref('chat.floor.place', { place }));
  }

  async #toggle(): Promise<void> {
    const chat = this.#chat;
    if (chat === null) return;
    const raised = chat.floor.placeOf(chat.self.id) !== null;
    await this.#run(() => (raised ? chat.floor.lower(chat.self.id) : chat.floor.raise()));
  }

  async #run(work: () => Promise<void> | undefined): Promise<void> {
    this.#error.hidden = true;
    try {
      await work();
    } catch (error) {
      setText(locale, this.#error, problemText(problemOf(error)));
      this.#error.hidden = false;
    }
  }
}

define('tp-floor-bar', FloorBar);

declare global {
  interface HTMLElementTagNameMap {
    'tp-floor-bar': FloorBar;
  }
}
