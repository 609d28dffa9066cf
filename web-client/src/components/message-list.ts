import { type ChatMessage, messageText } from '../api/rooms.ts';
import { Reveals, contentNoteView } from '../chat/content-note.ts';
import type { MessageAction } from '../chat/message-actions.ts';
import type { Outgoing } from '../chat/outbox.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { splitPhoneNumbers } from '../safety/phone-numbers.ts';
import { contentNoteTag, unveil, veil } from './content-note.ts';
import { roleBadge } from './role-badge.ts';

/** What the list shows: the room's messages and the ones on their way. */
export type MessageSource = Pick<RoomChat, 'messages' | 'outgoing' | 'sentHere' | 'isOwn' | 'self' | 'selfRole'> &
  Partial<Pick<RoomChat, 'ownQuestionAt'>>;

const actionText: Record<MessageAction, MessageKey> = {
  report: 'chat.menu.report',
  worry: 'chat.menu.worry',
  hide: 'chat.menu.hide',
  remove: 'chat.menu.remove',
  edit: 'chat.menu.edit',
  delete: 'chat.menu.delete',
};

function failureText(entry: Outgoing): TextRef {
  if (entry.reason === 'rejected' && entry.errorCode !== null) {
    return problemText({ status: 0, code: entry.errorCode });
  }
  if (entry.reason === 'wait') {
    // The composer counts the seconds down; here only why, and that nothing needs doing.
    if (entry.errorCode === 'server.busy') return ref('chat.waiting.busy');
    if (entry.errorCode === 'server.unavailable') return ref('chat.waiting.unavailable');
    return ref(entry.errorCode === 'moderation.slow_mode' ? 'chat.waiting.slowMode' : 'chat.waiting.limit');
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
/** What stands in a removed message's place: a facilitator or its writer removed it, or its writer left the service. */
function removalNote(message: ChatMessage): TextRef {
  if (message.kind === 'QUESTION') return ref('chat.question.removed');
  if (message.authorId === null) return ref('chat.removedMessage');
  return ref(message.removedByWriter === true ? 'chat.removedByWriter' : 'chat.removed');
}

/**
 * The crisis message is the service's own configured text, so its telephone numbers are offered
 * as tel: links that a phone dials with one tap; a number never breaks across lines.
 */
function fillCrisisText(body: HTMLElement, text: string): void {
  body.replaceChildren(
    ...splitPhoneNumbers(text).map((run) =>
      run.dial === null ? document.createTextNode(run.text) : h('a', { href: `tel:${run.dial}`, class: 'tel-link' }, run.text),
    ),
  );
}

/** A reviewer's mark on a message: it raised a risk flag, or it has an open report. */
export type MessageMark = 'flagged' | 'reported';

class MessageList extends Component {
  readonly #list = h('ol', { class: 'message-list' });
  /** `m:<seq>` for stored messages, `p:<clientId>` for those on their way. */
  readonly #items = new Map<string, HTMLLIElement>();
  /** Called with a client id when "Retry" is pressed. */
  onRetry: (clientId: string) => void = () => undefined;
  /** Whether the person hides this author's messages (never their own). */
  isHidden: (authorId: ChatMessage['authorId']) => boolean = () => false;
  /** What each stored message's menu offers (none: no menu). */
  actionsFor: (message: ChatMessage) => readonly MessageAction[] = () => [];
  /**
   * What reviewers should see marked on a message: a risk flag (`flagged`) or an open report
   * (`reported`); empty for everyone else.
   */
  marksFor: (message: ChatMessage) => readonly MessageMark[] = () => [];
  /** Called when an action is chosen from a message's menu. */
  onAction: (action: MessageAction, message: ChatMessage) => void = () => undefined;
  /** The message whose menu is open, if any. */
  #openMenu: HTMLElement | null = null;
  /** Crisis messages shown, each with its translations, to show again in another language. */
  readonly #crisis = new Map<HTMLLIElement, ChatMessage>();
  /** The newest crisis message added since the last look, which the room brings into view. */
  #freshCrisis: HTMLLIElement | null = null;
  /** Others' marked messages this reader has revealed (a content note), kept while the room is open. */
  readonly #reveals = new Reveals();
  /** The text of each marked message shown behind a content note, as it is now (an edit changes it). */
  readonly #veiledTexts = new WeakMap<HTMLLIElement, string>();

  protected render(): void {
    const log = h(
      'div',
      { class: 'message-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'data-testid': 'message-log' },
      this.#list,
    );
    this.append(log);
  }

  protected override connected(signal: AbortSignal): void {
    locale.on(
      'locale-changed',
      () => {
        this.refreshTimes();
        for (const [item, message] of this.#crisis) {
          const body = item.querySelector<HTMLElement>('.message-body');
          if (body !== null && !message.removed) fillCrisisText(body, messageText(message, locale.locale));
        }
      },
      { signal },
    );
    // A menu closes when focus or a click goes elsewhere.
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (this.#openMenu !== null && !(event.target instanceof Node && this.#openMenu.contains(event.target))) {
          this.#closeMenu(false);
        }
      },
      { signal },
    );
  }

  get size(): number {
    return this.#items.size;
  }

  /**
   * The newest crisis message added since the last call, if any: a crisis message is never left
   * behind the "new messages" button, so the room scrolls it into view.
   */
  takeFreshCrisis(): HTMLLIElement | null {
    const fresh = this.#freshCrisis;
    this.#freshCrisis = null;
    return fresh;
  }

  /** Brings the list in line with the source. */
  update(source: MessageSource): void {
    const wanted: HTMLLIElement[] = [];
    const keep = new Set<string>();
    for (const message of source.messages) {
      const own = source.isOwn(message.authorId);
      if (!own && this.isHidden(message.authorId)) continue;
      const key = `m:${message.seq}`;
      let item = this.#items.get(key);
      if (item === undefined) {
        item = this.#adopt(message, source) ?? this.#messageItem(message, own, source);
        this.#items.set(key, item);
      }
      this.#syncMessage(item, message);
      if (message.kind === 'QUESTION') this.#syncOwnQuestion(item, source.ownQuestionAt?.(message.seq) !== undefined);
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
        if (this.#openMenu !== null && item.contains(this.#openMenu)) this.#openMenu = null;
        this.#crisis.delete(item);
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

  /** Shows a removal or an edit, and the menu of what may be done with the message now. */
  #syncMessage(item: HTMLLIElement, message: ChatMessage): void {
    if (message.removed && item.dataset['removed'] !== 'true') {
      item.dataset['removed'] = 'true';
      item.classList.add('is-removed');
      const body = item.querySelector<HTMLElement>('.message-body');
      if (body !== null) {
        unveil(body);
        setText(locale, body, removalNote(message));
      }
      item.querySelector('.content-note-tag')?.remove();
      item.classList.remove('is-sensitive');
      item.querySelector('.message-edited')?.remove();
      this.#crisis.delete(item);
      this.#veiledTexts.delete(item);
    }
    const editedAt = message.removed ? null : (message.editedAt ?? null);
    if (editedAt !== null && item.dataset['editedAt'] !== editedAt) {
      item.dataset['editedAt'] = editedAt;
      const body = item.querySelector<HTMLElement>('.message-body');
      if (this.#veiledTexts.has(item)) this.#veiledTexts.set(item, message.body);
      // The writer's own text: set as text, never parsed as markup; behind a content note, only once revealed.
      if (body !== null && body.dataset['veiled'] !== 'true') body.textContent = message.body;
      let marker = item.querySelector<HTMLElement>('.message-edited');
      if (marker === null) {
        marker = translated(locale, 'span', 'chat.edited', { class: 'message-edited', 'data-testid': 'message-edited' });
        item.querySelector('.message-time')?.after(marker);
      }
      marker.title = formatFullTime(editedAt, locale.intlLocale);
    }
    this.#syncMarks(item, message);
    const actions = this.actionsFor(message);
    const signature = actions.join(' ');
    if (item.dataset['actions'] === signature) return;
    item.dataset['actions'] = signature;
    const existing = item.querySelector<HTMLElement>('.message-actions');
    if (existing !== null && existing === this.#openMenu) this.#openMenu = null;
    existing?.remove();
    item.classList.toggle('has-actions', actions.length > 0);
    if (actions.length > 0) {
      item.querySelector('.message-meta')?.append(this.#menu(item, message, actions));
    }
  }

  /**
   * "(your question)" beside a published question, for its asker alone: their own list says which
   * it is (it may arrive after the message).
   */
  #syncOwnQuestion(item: HTMLLIElement, own: boolean): void {
    if ((item.dataset['ownQuestion'] === 'true') === own) return;
    item.dataset['ownQuestion'] = String(own);
    item.querySelector('.message-own-question')?.remove();
    if (own) {
      item.querySelector('.message-author')?.after(
        translated(locale, 'span', 'chat.question.yours', {
          class: 'message-self message-own-question',
          'data-testid': 'own-question-mark',
        }),
      );
    }
  }

  /** The reviewer's marks beside the writer's name, kept while they hold. */
  #syncMarks(item: HTMLLIElement, message: ChatMessage): void {
    const marks = message.removed ? [] : this.marksFor(message);
    const signature = marks.join(' ');
    if ((item.dataset['marks'] ?? '') === signature) return;
    item.dataset['marks'] = signature;
    item.querySelector('.message-marks')?.remove();
    item.classList.toggle('is-marked', marks.length > 0);
    if (marks.length === 0) return;
    const badges = h(
      'span',
      { class: 'message-marks', 'data-testid': 'message-marks' },
      ...marks.map((mark) => translated(locale, 'span', `chat.mark.${mark}`, { class: `message-mark is-${mark}` })),
    );
    item.querySelector('.message-author')?.after(badges);
  }

  /**
   * A small disclosure menu: the button shows or hides a list of buttons, one per action. Escape
   * closes it and returns to the button.
   */
  #menu(item: HTMLLIElement, message: ChatMessage, actions: readonly MessageAction[]): HTMLElement {
    const menuId = uniqueId('message-menu');
    const authorId = item.querySelector('.message-author')?.id ?? '';
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'message-menu-toggle',
        'aria-expanded': 'false',
        'aria-controls': menuId,
        'aria-describedby': authorId,
        'data-testid': 'message-menu-toggle',
      },
      h('span', { 'aria-hidden': 'true' }, '\u22EF'),
      translated(locale, 'span', 'chat.menu.label', { class: 'visually-hidden' }),
    );
    const list = h(
      'ul',
      { class: 'message-menu', id: menuId, hidden: true, 'data-testid': 'message-menu' },
      ...actions.map((action) => {
        const button = translated(locale, 'button', actionText[action], {
          type: 'button',
          class: action === 'remove' ? 'message-menu-item is-danger' : 'message-menu-item',
          'data-action': action,
          'data-testid': `message-action-${action}`,
        });
        button.addEventListener('click', () => {
          // Back to the menu's button first, so a dialog opened now returns focus there.
          this.#closeMenu(true);
          this.onAction(action, message);
        });
        return h('li', {}, button);
      }),
    );
    const wrapper = h('div', { class: 'message-actions' }, toggle, list);
    toggle.addEventListener('click', () => {
      if (this.#openMenu === wrapper) {
        this.#closeMenu(true);
      } else {
        this.#closeMenu(false);
        this.#openMenu = wrapper;
        list.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
        list.querySelector('button')?.focus();
      }
    });
    wrapper.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#openMenu === wrapper) {
        event.preventDefault();
        this.#closeMenu(true);
      }
    });
    wrapper.addEventListener('focusout', (event) => {
      // Tabbing out closes it (a click elsewhere is handled on the document).
      const next = event.relatedTarget;
      if (this.#openMenu === wrapper && next instanceof Node && !wrapper.contains(next)) this.#closeMenu(false);
    });
    return wrapper;
  }

  #closeMenu(returnFocus: boolean): void {
    const open = this.#openMenu;
    if (open === null) return;
    this.#openMenu = null;
    const toggle = open.querySelector<HTMLButtonElement>('.message-menu-toggle');
    const list = open.querySelector<HTMLElement>('.message-menu');
    if (list !== null) list.hidden = true;
    toggle?.setAttribute('aria-expanded', 'false');
    if (returnFocus) toggle?.focus();
  }

  #messageItem(message: ChatMessage, own: boolean, source: MessageSource): HTMLLIElement {
    const time = h('time', { class: 'message-time' });
    setTime(time, message.sentAt);
    const crisis = message.kind === 'CRISIS' && !message.removed;
    const question = message.kind === 'QUESTION';
    const item = this.#item({
      own,
      // A published question names nobody; a writer who deleted their account has no name left.
      author: question ? ref('chat.question.fromParticipant') : (message.authorDisplayName ?? ref('chat.deletedUser')),
      role: question ? null : message.authorRole,
      body: message.removed ? removalNote(message) : messageText(message, locale.locale),
      time,
      attributes: { 'data-seq': message.seq },
    });
    item.classList.toggle('is-removed', message.removed);
    item.classList.toggle('is-orphaned', message.authorId === null && !question);
    if (question) {
      item.classList.add('is-question');
      item.dataset['kind'] = 'QUESTION';
    }
    if (message.kind === 'ANSWER') {
      item.classList.add('is-answer');
      item.dataset['kind'] = 'ANSWER';
      item.querySelector('.message-body')?.before(this.#answered(message, source));
    }
    if (crisis) {
      item.classList.add('is-crisis');
      item.dataset['testid'] = 'crisis-message';
      const body = item.querySelector<HTMLElement>('.message-body');
      body?.before(translated(locale, 'p', 'chat.crisis.label', { class: 'message-crisis-label' }));
      if (body !== null) fillCrisisText(body, messageText(message, locale.locale));
      this.#crisis.set(item, message);
      this.#freshCrisis = item;
    }
    this.#showContentNote(item, message, own);
    return item;
  }

  /**
   * A message marked with a content note: the writer's own carries a small tag; anyone else's (a
   * reviewer's too) shows a short note and the text only once the reader asks for it.
   */
  #showContentNote(item: HTMLLIElement, message: ChatMessage, own: boolean): void {
    const view = contentNoteView(message, own, this.#reveals.has(message.seq));
    if (view === 'plain') return;
    item.classList.add('is-sensitive');
    const body = item.querySelector<HTMLElement>('.message-body');
    if (body === null) return;
    if (view === 'tagged') {
      body.before(contentNoteTag());
      return;
    }
    this.#veiledTexts.set(item, message.body);
    body.textContent = '';
    body.before(
      veil(body, {
        revealed: view === 'revealed',
        describedBy: item.querySelector('.message-author')?.id ?? '',
        // The writer's own text: set as text, never parsed as markup.
        fill: (text) => {
          text.textContent = this.#veiledTexts.get(item) ?? '';
        },
        onToggle: () => this.#reveals.toggle(message.seq),
      }),
    );
  }

  /** "Answer" and the question it answers, quoted when it is loaded, above an answer's text. */
  #answered(message: ChatMessage, source: MessageSource): HTMLElement {
    const asked = source.messages.find((entry) => entry.seq === message.answersSeq && entry.kind === 'QUESTION' && !entry.removed);
    const quote = h('blockquote', { class: 'message-quote', 'data-testid': 'answered-question' });
    setText(locale, quote, asked === undefined ? ref('chat.answer.toEarlier') : ref('chat.answer.quote', { question: asked.body }));
    return h('div', { class: 'message-answered' }, translated(locale, 'p', 'chat.answer.label', { class: 'message-answer-label' }), quote);
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
    if (entry.sensitive) {
      item.classList.add('is-sensitive');
      item.querySelector('.message-body')?.before(contentNoteTag());
    }
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
    const authorId = uniqueId('message-author');
    const classes = ['message'];
    if (parts.own) classes.push('is-own');
    if (parts.role === 'FACILITATOR') classes.push('is-facilitator');
    if (parts.role === 'PEER_SUPPORTER') classes.push('is-peer-supporter');
    // The body is the writer's own text: set as text, never parsed as markup.
    const body = h('p', { class: 'message-body', id: bodyId, 'data-testid': 'message-body' });
    if (typeof parts.body === 'string') body.textContent = parts.body;
    else setText(locale, body, parts.body);
    const author = h('span', { class: 'message-author', id: authorId, 'data-testid': 'message-author' });
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

  /**
   * Pending: "Sending…". Waiting (slow mode): why, and that it goes by itself. Failed: why, and
   * a Retry button. Only rebuilt when it changed.
   */
  #showState(item: HTMLLIElement, entry: Outgoing): void {
    const signature = `${entry.state}:${entry.reason ?? ''}:${entry.errorCode ?? ''}:${entry.attempt}`;
    if (item.dataset['state'] === signature) return;
    item.dataset['state'] = signature;
    item.classList.remove('is-waiting');
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
    if (entry.reason === 'wait') {
      // It goes again by itself: no button, only why and when.
      item.classList.replace('is-failed', 'is-waiting');
      item.append(h('div', { class: 'message-state', 'data-testid': 'message-waiting' }, reason));
      return;
    }
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
