import type { ModerationNotice } from '../chat/moderation.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { hashOf, roomRoute } from '../routes.ts';

/**
 * Notices about the room for this person, each until closed: a facilitator opened a private talk
 * (with the way there), a report was handled, and confirmations of what they did here (a report
 * sent, a member hidden). New notices are read out politely.
 */
class RoomNotices extends Component {
  readonly #list = h('ul', { class: 'chat-notices', 'aria-live': 'polite', 'data-testid': 'room-notices' });
  /** This screen's own confirmation, at most one at a time. */
  #local: TextRef | null = null;
  #chat: RoomChat | null = null;

  protected render(): void {
    this.append(this.#list);
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('moderation-changed', () => this.#update(), { signal });
    this.#update();
  }

  /** Shows a confirmation of something done here, in place of the previous one. */
  say(text: TextRef): void {
    this.#local = text;
    this.#list.querySelector('[data-notice="local"]')?.remove();
    this.#update();
  }

  #update(): void {
    const chat = this.#chat;
    const notices = chat?.moderation.notices ?? [];
    const wanted = new Set<string>(notices.map((notice) => notice.id));
    if (this.#local !== null) wanted.add('local');
    for (const item of [...this.#list.children] as HTMLElement[]) {
      if (!wanted.has(item.dataset['notice'] ?? '')) item.remove();
    }
    const shown = new Set([...this.#list.children].map((item) => (item as HTMLElement).dataset['notice']));
    for (const notice of notices) {
      if (!shown.has(notice.id)) this.#list.append(this.#item(notice.id, this.#content(notice)));
    }
    if (this.#local !== null && !shown.has('local')) {
      const text = h('span');
      setText(locale, text, this.#local);
      this.#list.append(this.#item('local', [text]));
    }
  }

  #content(notice: ModerationNotice): Node[] {
    const text = h('span');
    if (notice.kind === 'report-handled') {
      setText(locale, text, ref('chat.notice.reportHandled'));
      return [text];
    }
    setText(locale, text, ref('chat.notice.privateTalk', { name: notice.facilitatorName }));
    const link = translated(locale, 'a', 'chat.notice.privateTalkLink', {
      href: hashOf(roomRoute(notice.roomId)),
      'data-testid': 'private-talk-link',
    });
    return [text, document.createTextNode(' '), link];
  }

  #item(id: string, content: Node[]): HTMLLIElement {
    // A small "×" beside the text; its name says what it closes.
    const close = h(
      'button',
      { type: 'button', class: 'chat-notice-close', 'data-testid': 'room-notice-close' },
      h('span', { 'aria-hidden': 'true' }, '\u00D7'),
      translated(locale, 'span', 'chat.notice.close', { class: 'visually-hidden' }),
    );
    const item = h('li', { class: 'chat-notice', 'data-notice': id, 'data-testid': 'room-notice' }, h('p', {}, ...content), close);
    close.addEventListener('click', () => {
      const next = item.nextElementSibling ?? item.previousElementSibling;
      if (id === 'local') {
        this.#local = null;
        item.remove();
      } else {
        this.#chat?.dismissNotice(id);
      }
      // Focus stays among the notices, or goes to the messages when none is left.
      const target = next?.querySelector('button') ?? document.querySelector<HTMLElement>('.chat-scroll');
      target?.focus();
    });
    return item;
  }
}

define('tp-room-notices', RoomNotices);

declare global {
  interface HTMLElementTagNameMap {
    'tp-room-notices': RoomNotices;
  }
}
