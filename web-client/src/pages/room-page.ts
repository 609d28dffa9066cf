import '../components/chat-composer.ts';
import { FormAlert } from '../components/form-alert.ts';
import '../components/message-list.ts';
import '../components/presence-list.ts';
import { roomTags } from '../components/room-tags.ts';
import type { MessagesChange } from '../chat/events.ts';
import { RoomChat } from '../chat/room-chat.ts';
import { api, chat as connection, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setAttributeText, setText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';

/** Within this many pixels of the end the list counts as scrolled to the bottom. */
const BOTTOM_SLACK_PX = 48;
/** Times are re-formatted now and then, so "today" stays right past midnight. */
const TIME_REFRESH_MS = 5 * 60_000;
/** Opening problems that trying again will not fix. */
const FINAL_FAILURES = new Set(['rooms.not_found', 'rooms.not_member', 'auth.forbidden']);

/** One room's chat: messages, who is here, who is typing, and the composer. */
class RoomPage extends Component {
  readonly #title = h('h1', { tabindex: '-1', class: 'chat-title', 'data-testid': 'room-title' });
  readonly #theme = h('p', { class: 'chat-theme', 'data-testid': 'room-theme', hidden: true });
  readonly #tags = h('div', { class: 'chat-tags' });
  readonly #loading = translated(locale, 'p', 'chat.loadingRoom', { class: 'loading', role: 'status' });
  readonly #failure = h('section', { class: 'card chat-failure', 'data-testid': 'room-failure', hidden: true });
  readonly #layout = h('div', { class: 'chat-layout', hidden: true });
  readonly #scroller = h('div', { class: 'chat-scroll', tabindex: '0', role: 'region' });
  readonly #earlier = translated(locale, 'button', 'chat.loadEarlier', {
    type: 'button',
    class: 'button-quiet button-small',
    'data-testid': 'load-earlier',
  });
  readonly #start = translated(locale, 'p', 'chat.start', { class: 'chat-start', hidden: '' });
  readonly #empty = translated(locale, 'p', 'chat.empty', { class: 'chat-empty', 'data-testid': 'chat-empty', hidden: '' });
  readonly #list = h('tp-message-list');
  readonly #jump = translated(locale, 'button', 'chat.newMessages', {
    type: 'button',
    class: 'chat-jump button-small',
    hidden: '',
  });
  readonly #typing = h('p', { class: 'chat-typing', 'aria-live': 'polite', 'data-testid': 'typing-line' });
  readonly #status = h('p', { class: 'chat-status', role: 'status', 'data-testid': 'connection-status' });
  readonly #notice = new FormAlert('error', 'chat-notice');
  readonly #composer = h('tp-chat-composer');
  readonly #presence = h('tp-presence-list', { class: 'chat-presence' });
  #chat: RoomChat | null = null;

  protected render(): void {
    setText(locale, this.#title, ref('chat.heading'));
    setAttributeText(locale, this.#scroller, 'aria-label', 'chat.messages');
    this.#scroller.append(h('div', { class: 'chat-earlier' }, this.#earlier, this.#start), this.#empty, this.#list);
    this.#layout.append(
      h(
        'div',
        { class: 'chat-main' },
        h('div', { class: 'chat-scroll-wrap' }, this.#scroller, this.#jump),
        this.#typing,
        this.#status,
        this.#notice.element,
        this.#composer,
      ),
      this.#presence,
    );
    this.append(
      h(
        'div',
        { class: 'chat' },
        h(
          'header',
          { class: 'chat-header' },
          h(
            'p',
            { class: 'chat-back' },
            translated(locale, 'a', 'chat.back', { href: hashOf('rooms'), 'data-testid': 'back-to-rooms' }),
          ),
          this.#title,
          this.#theme,
          this.#tags,
        ),
        this.#loading,
        this.#failure,
        this.#layout,
      ),
    );

    this.#earlier.addEventListener('click', () => void this.#loadEarlier());
    this.#jump.addEventListener('click', () => {
      this.#scrollToBottom();
      this.#scroller.focus();
    });
    this.#scroller.addEventListener('scroll', () => {
      if (this.#atBottom()) this.#jump.hidden = true;
    });
  }

  protected override connected(signal: AbortSignal): void {
    const user = session.user;
    const roomId = this.dataset['roomId'];
    if (user === null || roomId === undefined) return;
    const chat = new RoomChat({
      api,
      channel: connection,
      roomId,
      self: { id: user.id, displayName: user.displayName },
    });
    this.#chat = chat;
    this.#list.onRetry = (clientId) => {
      chat.retry(clientId);
      this.#composer.focusInput();
    };
    chat.on('room-changed', () => this.#renderRoom(), { signal });
    chat.on('messages-changed', (event) => this.#renderMessages(event.change), { signal });
    chat.on('typing-changed', () => this.#renderTyping(), { signal });
    chat.on('room-notice', (event) => this.#showNotice(event.text), { signal });
    this.#composer.attach(chat, signal);
    this.#presence.attach(chat, signal);
    const timer = setInterval(() => this.#list.refreshTimes(), TIME_REFRESH_MS);
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      chat.close();
    });
    this.#renderRoom();
    void chat.open();
  }

  #renderRoom(): void {
    const chat = this.#chat;
    if (chat === null) return;
    const phase = chat.phase;
    this.#loading.hidden = phase !== 'loading';
    this.#layout.hidden = phase !== 'ready';
    this.#failure.hidden = phase !== 'failed';
    if (phase === 'failed') this.#renderFailure();

    const room = chat.room;
    if (room !== null) {
      setText(locale, this.#title, null);
      this.#title.textContent = room.title;
      const theme = room.theme?.trim() ?? '';
      this.#theme.textContent = theme;
      this.#theme.hidden = theme === '';
      this.#tags.replaceChildren(roomTags(room));
    }

    const earlierShown = chat.hasEarlier;
    this.#earlier.hidden = !earlierShown;
    setText(locale, this.#earlier, ref(chat.loadingEarlier ? 'chat.loadingEarlier' : 'chat.loadEarlier'));
    if (chat.loadingEarlier) {
      this.#earlier.setAttribute('aria-disabled', 'true');
    } else {
      this.#earlier.removeAttribute('aria-disabled');
    }
    this.#start.hidden = earlierShown || chat.messages.length === 0;

    const status = phase !== 'ready' ? null : chat.connection;
    const statusText =
      status === null || status === 'online'
        ? null
        : ref(status === 'reconnecting' ? 'chat.status.reconnecting' : 'chat.status.connecting');
    setText(locale, this.#status, statusText);
    this.#status.classList.toggle('is-active', statusText !== null);
  }

  #renderFailure(): void {
    const chat = this.#chat;
    const failure = chat?.failure;
    if (chat === null || failure === null || failure === undefined) return;
    const text = translated(locale, 'p', problemText(failure), { role: 'alert' });
    const actions = h('div', { class: 'actions' });
    if (!FINAL_FAILURES.has(failure.code)) {
      const retry = translated(locale, 'button', 'chat.retryOpen', { type: 'button', class: 'button-secondary' });
      retry.addEventListener('click', () => void chat.open());
      actions.append(retry);
    }
    actions.append(translated(locale, 'a', 'chat.back', { href: hashOf('rooms'), class: 'button-link' }));
    this.#failure.replaceChildren(text, actions);
  }

  #renderMessages(change: MessagesChange): void {
    const chat = this.#chat;
    if (chat === null) return;
    const wasAtBottom = this.#atBottom();
    const heightBefore = this.#scroller.scrollHeight;
    const topBefore = this.#scroller.scrollTop;
    const countBefore = this.#list.size;

    this.#list.update(chat);
    this.#empty.hidden = chat.messages.length > 0 || chat.outgoing.length > 0;
    this.#start.hidden = chat.hasEarlier || chat.messages.length === 0;

    if (change === 'earlier') {
      // Keep the messages that were in view where they were.
      this.#scroller.scrollTop = topBefore + (this.#scroller.scrollHeight - heightBefore);
    } else if (change === 'initial' || change === 'own' || wasAtBottom) {
      this.#scrollToBottom();
    } else if (this.#list.size > countBefore) {
      this.#jump.hidden = false;
    }
  }

  #renderTyping(): void {
    const line = this.#chat?.typingLine ?? null;
    setText(locale, this.#typing, line);
  }

  #showNotice(text: TextRef | null): void {
    if (text === null) {
      this.#notice.clear();
    } else {
      this.#notice.show(text);
    }
  }

  async #loadEarlier(): Promise<void> {
    const chat = this.#chat;
    if (chat === null || chat.loadingEarlier) return;
    const hadFocus = document.activeElement === this.#earlier;
    await chat.loadEarlier();
    if (hadFocus && this.#earlier.hidden) this.#scroller.focus();
  }

  #atBottom(): boolean {
    const scroller = this.#scroller;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK_PX;
  }

  #scrollToBottom(): void {
    this.#scroller.scrollTop = this.#scroller.scrollHeight;
    this.#jump.hidden = true;
  }
}

define('tp-room-page', RoomPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-room-page': RoomPage;
  }
}
