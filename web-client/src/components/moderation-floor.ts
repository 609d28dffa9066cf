import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { type PanelContext, act } from './panel-feedback.ts';

/**
 * Raised hands in the order they went up, for the room's facilitators: give the turn to one
 * (they leave the queue and are told), or start a new round (every hand comes down).
 */
class ModerationFloor extends Component {
  readonly #list = h('ol', { class: 'mod-list mod-hands', 'data-testid': 'hands-queue' });
  readonly #empty = translated(locale, 'p', 'mod.floor.empty', { class: 'field-hint' });
  readonly #clear = translated(locale, 'button', 'mod.floor.clear', {
    type: 'button',
    class: 'button-quiet button-small',
    'data-testid': 'clear-hands',
  });
  readonly #heading = h('h3', { class: 'mod-heading', tabindex: '-1' });
  #context: PanelContext | null = null;

  protected render(): void {
    const headingId = uniqueId('mod-floor');
    this.#heading.id = headingId;
    this.hidden = true;
    this.append(h('section', { class: 'mod-section', 'aria-labelledby': headingId }, this.#heading, this.#empty, this.#list, this.#clear));
    this.#clear.addEventListener('click', () => {
      const context = this.#context;
      if (context !== null) void act(context, this.#clear, () => context.chat.floor.clear(), ref('mod.floor.cleared'));
    });
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    context.chat.on('floor-changed', () => this.#update(), { signal });
    context.chat.on('room-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const chat: RoomChat | undefined = this.#context?.chat;
    const context = this.#context;
    this.hidden = chat === undefined || chat.selfRole !== 'FACILITATOR';
    if (chat === undefined || context === null || this.hidden) return;
    const queue = chat.floor.queue;
    setText(locale, this.#heading, ref('mod.floor.heading', { count: queue.length }));
    this.#empty.hidden = queue.length > 0;
    this.#clear.hidden = queue.length === 0;
    // the live event of a turn given may arrive before the answer to giving it: focus must not fall to the page meanwhile
    const hadFocus = this.#list.contains(document.activeElement);
    this.#list.replaceChildren(
      ...queue.map((hand) => {
        const give = translated(locale, 'button', 'mod.floor.give', {
          type: 'button',
          class: 'button-secondary button-small',
          'data-testid': 'give-turn',
        });
        const name = h('span', { class: 'mod-hand-name' }, hand.displayName);
        give.setAttribute('aria-describedby', (name.id = uniqueId('hand')));
        give.addEventListener('click', () => {
          void act(context, give, () => chat.floor.giveTurn(hand.accountId), ref('mod.floor.given', { name: hand.displayName })).then(
            () => {
              // The person's line leaves the queue: focus goes on from the queue, not to the page.
              if (!this.contains(document.activeElement)) this.#moveFocus();
            },
          );
        });
        return h('li', { class: 'mod-item', 'data-testid': 'raised-hand' }, name, give);
      }),
    );
    if (hadFocus && !this.contains(document.activeElement)) this.#moveFocus();
  }

  /** Focus goes on from the queue: to the next hand's button, or to the queue's heading. */
  #moveFocus(): void {
    (this.#list.querySelector<HTMLElement>('[data-testid=give-turn]') ?? this.#heading).focus();
  }
}

define('tp-mod-floor', ModerationFloor);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-floor': ModerationFloor;
  }
}
