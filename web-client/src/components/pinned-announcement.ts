import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';

/**
 * The room's pinned announcement, at the top of the room for everyone, updated live. On phones it
 * folds to one line, with a button that shows the whole text (and folds it again).
 */
class PinnedAnnouncement extends Component {
  readonly #text = h('p', { class: 'chat-pinned-text', 'data-testid': 'pinned-text', id: uniqueId('pinned-text') });
  readonly #meta = h('p', { class: 'chat-pinned-meta' });
  readonly #section = h('section', { class: 'chat-pinned', 'data-testid': 'pinned' });
  readonly #unfold = translated(locale, 'button', 'chat.pinned.unfold', {
    type: 'button',
    class: 'chat-pinned-unfold button-quiet button-small',
    'aria-expanded': 'false',
    'data-testid': 'pinned-unfold',
  });
  #chat: RoomChat | null = null;

  protected render(): void {
    const headingId = uniqueId('pinned');
    this.hidden = true;
    this.#section.setAttribute('aria-labelledby', headingId);
    this.#unfold.setAttribute('aria-controls', this.#text.id);
    this.#section.append(
      h(
        'div',
        { class: 'chat-pinned-top' },
        translated(locale, 'h2', 'chat.pinned.heading', { id: headingId, class: 'chat-pinned-heading' }),
        this.#unfold,
      ),
      this.#text,
      this.#meta,
    );
    this.append(this.#section);
    this.#unfold.addEventListener('click', () => this.#fold(this.#unfold.getAttribute('aria-expanded') === 'true'));
  }

  /** Folds the text to one line (`folded`) or shows all of it. */
  #fold(folded: boolean): void {
    this.#section.classList.toggle('is-unfolded', !folded);
    this.#unfold.setAttribute('aria-expanded', String(!folded));
    setText(locale, this.#unfold, ref(folded ? 'chat.pinned.unfold' : 'chat.pinned.fold'));
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('moderation-changed', () => this.#update(), { signal });
    locale.on('locale-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const pinned = this.#chat?.moderation.pinned ?? null;
    // A new announcement starts folded again.
    if (this.#text.textContent !== (pinned?.text ?? '')) this.#fold(true);
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
