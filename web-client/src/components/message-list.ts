import type { ChatMessage } from '../api/rooms.ts';
import type { Outgoing } from '../chat/outbox.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { roleBadge } from './role-badge.ts';

/** What the list shows: the room's messages and the ones on their way. */
export type MessageSource = Pick<RoomChat, 'messages' | 'outgoing' | 'sentHere' | 'isOwn' | 'self' | 'selfRole'>;

function failureText(entry: Outgoing): TextRef {
  if (entry.reason === 'rejected' && entry.errorCode !== null) {
    return problemText({ status: 0, code: entry.errorCode });
  }
  return ref(entry.reason === 'offline' ? 'chat.failed.offline' : 'chat.failed.timeout');
}

function setTime(element: HTMLTimeElement, iso: string): void {
  element.dateTime = iso;
  element.textContent = formatMessageTime(iso, locale.intlLocale);
  element.title = formatFullTime(iso, locale.intlLocale);
}

/**
 * The conversation as a live log: stored messages in seq order, then one's own messages still
 * on their way. Elements are kept and moved rather than rebuilt, and a message of one's own
 * keeps its element when acknowledged, so screen readers announce each message once.
 */
class MessageList extends Component {
  readonly #list = h('ol', { class: 'message-list' });
  /** `m:<seq>` for stored messages, `p:<clientId>` for those on their way. */
  readonly #items = new Map<string, HTMLLIElement>();
  /** Called with a client id when "Retry" is pressed. */
  onRetry: (clientId: string) => void = () => undefined;

  protected render(): void {
    const log = h(
      'div',
      { class: 'message-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'data-testid': 'message-log' },
      this.#list,
    );
    this.append(log);
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.refreshTimes(), { signal });
  }

  get size(): number {
    return this.#items.size;
  }

  /** Brings the list in line with the source. */
  update(source: MessageSource): void {
    const wanted: HTMLLIElement[] = [];
    const keep = new Set<string>();
    for (const message of source.messages) {
      const key = `m:${message.seq}`;
      let item = this.#items.get(key);
      if (item === undefined) {
        item = this.#adopt(message, source) ?? this.#messageItem(message, source.isOwn(message.authorId));
        this.#items.set(key, item);
      }
      keep.add(key);
      wanted.push(item);
    }
    for (const entry of source.outgoing) {
      const key = `p:${entry.clientId}`;
      let item = this.#items.get(key);
      if (item === undefined) {
        item = this.#outgoingItem(entry, source);
        this.#items.set(key, item);
      }
      this.#showState(item, entry);
      keep.add(key);
      wanted.push(item);
    }
    for (const [key, item] of this.#items) {
      if (!keep.has(key)) {
        item.remove();
        this.#items.delete(key);
      }
    }
    let previous: Element | null = null;
    for (const item of wanted) {
      const next: Element | null = previous === null ? this.#list.firstElementChild : previous.nextElementSibling;
      if (next !== item) this.#list.insertBefore(item, next);
      previous = item;
    }
  }

  /** Re-formats every time, e.g. after the language changed or at midnight. */
  refreshTimes(): void {
    for (const time of this.#list.querySelectorAll<HTMLTimeElement>('time[datetime]')) {
      setTime(time, time.dateTime);
    }
  }

  /** Turns the element of a message on its way into the stored message it became. */
  #adopt(message: ChatMessage, source: MessageSource): HTMLLIElement | undefined {
    const clientId = source.sentHere(message.seq);
    const item = clientId === undefined ? undefined : this.#items.get(`p:${clientId}`);
    if (clientId === undefined || item === undefined) return undefined;
    this.#items.delete(`p:${clientId}`);
    item.classList.remove('is-pending', 'is-failed');
    item.dataset['seq'] = String(message.seq);
    delete item.dataset['clientId'];
    delete item.dataset['state'];
    item.removeAttribute('aria-busy');
    item.querySelector('.message-state')?.remove();
    const time = item.querySelector<HTMLTimeElement>('time');
    if (time !== null) {
      setTime(time, message.sentAt);
      time.hidden = false;
    }
    return item;
  }

  #messageItem(message: ChatMessage, own: boolean): HTMLLIElement {
    const time = h('time', { class: 'message-time' });
    setTime(time, message.sentAt);
    const item = this.#item({
      own,
      // A writer who deleted their account has no name left: "Deleted user".
      author: message.authorDisplayName ?? ref('chat.deletedUser'),
      role: message.authorRole,
      body: message.removed ? ref('chat.removedMessage') : message.body,
      time,
      attributes: { 'data-seq': message.seq },
    });
    item.classList.toggle('is-removed', message.removed);
    item.classList.toggle('is-orphaned', message.authorId === null);
    return item;
  }

  #outgoingItem(entry: Outgoing, source: MessageSource): HTMLLIElement {
    const time = h('time', { class: 'message-time', hidden: true });
    const item = this.#item({
      own: true,
      author: source.self.displayName,
      role: source.selfRole,
      body: entry.body,
      time,
      attributes: { 'data-client-id': entry.clientId },
    });
    return item;
  }

  #item(parts: {
    own: boolean;
    /** The writer's name as they chose it, or a translated stand-in when they are gone. */
    author: string | TextRef;
    role: string | null;
    /** The writer's text, or a translated note in its place when the message was removed. */
    body: string | TextRef;
    time: HTMLTimeElement;
    attributes: Record<string, string | number>;
  }): HTMLLIElement {
    const bodyId = uniqueId('message-body');
    const classes = ['message'];
    if (parts.own) classes.push('is-own');
    if (parts.role === 'FACILITATOR') classes.push('is-facilitator');
    if (parts.role === 'PEER_SUPPORTER') classes.push('is-peer-supporter');
    // The body is the writer's own text: set as text, never parsed as markup.
    const body = h('p', { class: 'message-body', id: bodyId, 'data-testid': 'message-body' });
    if (typeof parts.body === 'string') body.textContent = parts.body;
    else setText(locale, body, parts.body);
    const author = h('span', { class: 'message-author', 'data-testid': 'message-author' });
    if (typeof parts.author === 'string') author.textContent = parts.author;
    else setText(locale, author, parts.author);
    return h(
      'li',
      { class: classes.join(' '), 'data-testid': 'chat-message', ...parts.attributes },
      h(
        'p',
        { class: 'message-meta' },
        author,
        parts.own ? translated(locale, 'span', 'chat.you', { class: 'message-self' }) : null,
        roleBadge(parts.role),
        parts.time,
      ),
      body,
    );
  }

  /** Pending: "Sending…". Failed: why, and a Retry button. Only rebuilt when it changed. */
  #showState(item: HTMLLIElement, entry: Outgoing): void {
    const signature = `${entry.state}:${entry.reason ?? ''}:${entry.errorCode ?? ''}:${entry.attempt}`;
    if (item.dataset['state'] === signature) return;
    item.dataset['state'] = signature;
    item.classList.toggle('is-pending', entry.state === 'pending');
    item.classList.toggle('is-failed', entry.state === 'failed');
    item.querySelector('.message-state')?.remove();
    if (entry.state === 'pending') {
      item.setAttribute('aria-busy', 'true');
      item.append(translated(locale, 'p', 'chat.sending', { class: 'message-state', 'data-testid': 'message-pending' }));
      return;
    }
    item.removeAttribute('aria-busy');
    const reason = h('span', { class: 'message-error' });
    setText(locale, reason, failureText(entry));
    const bodyId = item.querySelector('.message-body')?.id ?? '';
    const retry = translated(locale, 'button', 'chat.retry', {
      type: 'button',
      class: 'button-quiet button-small',
      'data-testid': 'message-retry',
      'aria-describedby': `${bodyId}`,
    });
    retry.addEventListener('click', () => this.onRetry(entry.clientId));
    item.append(h('div', { class: 'message-state', 'data-testid': 'message-failed' }, reason, retry));
  }
}

define('tp-message-list', MessageList);

declare global {
  interface HTMLElementTagNameMap {
    'tp-message-list': MessageList;
  }
}
