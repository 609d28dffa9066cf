import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';

/** The room's pinned announcement, at the top of the room for everyone, updated live. */
class PinnedAnnouncement extends Component {
  readonly #text = h('p', { class: 'chat-pinned-text', 'data-testid': 'pinned-text' });
  readonly #meta = h('p', { class: 'chat-pinned-meta' });
  #chat: RoomChat | null = null;

  protected render(): void {
    const headingId = uniqueId('pinned');
    this.hidden = true;
    this.append(
      h(
        'section',
        { class: 'chat-pinned', 'aria-labelledby': headingId, 'data-testid': 'pinned' },
        translated(locale, 'h2', 'chat.pinned.heading', { id: headingId, class: 'chat-pinned-heading' }),
        this.#text,
        this.#meta,
      ),
    );
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('moderation-changed', () => this.#update(), { signal });
    locale.on('locale-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const pinned = this.#chat?.moderation.pinned ?? null;
    this.hidden = pinned === null;
    // The announcement is someone's own text: set as text, never as markup.
    this.#text.textContent = pinned?.text ?? '';
    const by = pinned?.pinnedByName ?? null;
    const at = pinned?.pinnedAt ?? null;
    this.#meta.title = at === null ? '' : formatFullTime(at, locale.intlLocale);
    setText(
      locale,
      this.#meta,
      by === null
        ? null
        : ref(at === null ? 'chat.pinned.by' : 'chat.pinned.byAt', {
            name: by,
            time: at === null ? '' : formatMessageTime(at, locale.intlLocale),
          }),
    );
  }
}

define('tp-pinned-announcement', PinnedAnnouncement);

declare global {
  interface HTMLElementTagNameMap {
    'tp-pinned-announcement': PinnedAnnouncement;
  }
}
