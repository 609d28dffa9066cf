import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { sheetLabel } from './sheet-label.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { isWideScreen } from '../dom/media.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { roleBadge } from './role-badge.ts';

/**
 * "Here now": who has the room open, by nickname, with facilitators and peer supporters marked.
 * A disclosure whose summary names the count: open beside the messages on wide screens, closed
 * to one line on phones (and reachable by keyboard there, as every summary is).
 */
class PresenceList extends Component {
  readonly #details = h('details', { class: 'presence', 'data-testid': 'presence' });
  readonly #list = h('ul', { class: 'presence-list', 'data-testid': 'presence-list' });
  readonly #count = h('span', { class: 'presence-count', 'data-testid': 'presence-count' });
  #chat: RoomChat | null = null;

  protected render(): void {
    this.#details.open = isWideScreen();
    this.#details.append(
      h(
        'summary',
        { class: 'presence-heading', 'data-testid': 'presence-toggle' },
        ...sheetLabel('chat.presence.heading', 'chat.presence.short'),
        ' ',
        this.#count,
      ),
      h('div', { class: 'presence-body' }, this.#list),
    );
    this.append(this.#details);
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('presence-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const entries = this.#chat?.presence(locale.intlLocale) ?? [];
    setText(locale, this.#count, entries.length === 0 ? null : ref('chat.presence.count', { count: entries.length }));
    this.#list.replaceChildren(
      ...entries.map((entry) =>
        h(
          'li',
          { class: entry.self ? 'presence-member is-self' : 'presence-member', 'data-testid': 'presence-member' },
          h('span', { class: 'presence-name', 'data-testid': 'presence-name' }, entry.displayName),
          entry.self ? translated(locale, 'span', 'chat.you', { class: 'presence-self' }) : null,
          roleBadge(entry.role),
        ),
      ),
    );
  }
}

define('tp-presence-list', PresenceList);

declare global {
  interface HTMLElementTagNameMap {
    'tp-presence-list': PresenceList;
  }
}
