import { closeReport, removeMessage } from '../api/moderation.ts';
import { type ChatMessage, deleteOwnMessage, editMessage } from '../api/rooms.ts';
import '../components/appeal-button.ts';
import '../components/chat-composer.ts';
import { FormAlert } from '../components/form-alert.ts';
import '../components/help-card.ts';
import type { MessageMark } from '../components/message-list.ts';
import '../components/message-list.ts';
import { dialogTextField, openDialog, reasonHint, textProblem } from '../components/modal-dialog.ts';
import '../components/moderation-panel.ts';
import { INSERT_TEXT } from '../components/moderation-ready-messages.ts';
import '../components/pinned-announcement.ts';
import '../components/presence-list.ts';
import '../components/question-panel.ts';
import { openReportDialog, openWorryDialog } from '../components/report-dialog.ts';
import '../components/room-notices.ts';
import '../components/room-material.ts';
import '../components/room-safety.ts';
import { roomTags } from '../components/room-tags.ts';
import type { MessagesChange } from '../chat/events.ts';
import { type MessageAction, messageActions } from '../chat/message-actions.ts';
import { toChatMessage } from '../chat/protocol.ts';
import { RoomChat } from '../chat/room-chat.ts';
import { sessionClockText } from '../chat/session-clock.ts';
import { api, chat as connection, hiddenMembers, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { WIDE_SCREEN, isWideScreen } from '../dom/media.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setAttributeText, setText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import { textLimits } from '../text/text-limits.ts';

/** A message that still has its writer (one whose writer deleted their account has none). */
type AuthoredMessage = ChatMessage & { authorId: NonNullable<ChatMessage['authorId']>; authorDisplayName: string };

function hasAuthor(message: ChatMessage): message is AuthoredMessage {
  return message.authorId !== null && message.authorDisplayName !== null;
}

/** Within this many pixels of the end the list counts as scrolled to the bottom. */
const BOTTOM_SLACK_PX = 48;
/** The session clock counts in minutes; it is brought up to date this often. */
const CLOCK_REFRESH_MS = 15_000;
/** Times are re-formatted now and then, so "today" stays right past midnight. */
const TIME_REFRESH_MS = 5 * 60_000;
/** Opening problems that trying again will not fix. */
const FINAL_FAILURES = new Set(['rooms.not_found', 'rooms.not_member', 'rooms.barred', 'auth.forbidden']);

/**
 * One room's chat: the pinned announcement, messages (each with a menu to report it, hide its
 * writer or, for facilitators, remove it), who is here, who is typing, notices, and the composer;
 * beside them the facilitator's panel (for those with its powers) and one's own safety tools.
 * If a facilitator removes or bans the person, the room closes for them with a notice.
 */
class RoomPage extends Component {
  readonly #title = h('h1', { tabindex: '-1', class: 'chat-title', 'data-testid': 'room-title' });
  readonly #theme = h('p', { class: 'chat-theme', 'data-testid': 'room-theme', hidden: true });
  readonly #tags = h('div', { class: 'chat-tags' });
  /** The session's state and minutes, in a session room. */
  readonly #clock = h('p', { class: 'session-clock', 'data-testid': 'session-clock', hidden: true });
  readonly #loading = translated(locale, 'p', 'chat.loadingRoom', { class: 'loading', role: 'status' });
  readonly #failure = h('section', { class: 'card chat-failure', 'data-testid': 'room-failure', hidden: true });
  readonly #excluded = h('section', { class: 'card chat-excluded', 'data-testid': 'room-excluded', hidden: true });
  readonly #pinned = h('tp-pinned-announcement');
  readonly #notices = h('tp-room-notices');
  readonly #helpCard = h('tp-help-card');
  readonly #panel = h('tp-moderation-panel');
  readonly #safety = h('tp-room-safety');
  /** The session's material and exercise, with one's own answer. */
  readonly #material = h('tp-room-material');
  /** An information session's questions: the hosts' queue, or a participant's own. */
  readonly #questions = h('tp-question-panel');
  readonly #layout = h('div', { class: 'chat-layout', hidden: true });
  /** Whether the newest message was in view when the reader last scrolled or a message arrived. */
  #atNewest = true;
  /** The message area's height when last measured, in CSS pixels. */
  #areaHeight = 0;
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
  readonly #side = h('div', { class: 'chat-side', 'data-testid': 'room-side' });
  #chat: RoomChat | null = null;

  protected render(): void {
    setText(locale, this.#title, ref('chat.heading'));
    // The tab (and the browser's history) says only "Chat", never the room's name.
    setAttributeText(locale, this, 'data-screen-title', 'chat.screenTitle');
    setAttributeText(locale, this.#scroller, 'aria-label', 'chat.messages');
    this.#scroller.append(h('div', { class: 'chat-earlier' }, this.#earlier, this.#start), this.#empty, this.#list);
    const toComposer = translated(locale, 'a', 'chat.skipToComposer', {
      href: '#',
      class: 'chat-skip-link',
      'data-testid': 'skip-to-composer',
    });
    toComposer.addEventListener('click', (event) => {
      event.preventDefault();
      this.#composer.focusInput();
    });
    this.#layout.append(
      this.#side,
      h(
        'div',
        { class: 'chat-main' },
        this.#pinned,
        h('div', { class: 'chat-scroll-wrap' }, this.#scroller, this.#jump),
        this.#typing,
        this.#status,
        this.#notice.element,
        this.#helpCard,
        this.#notices,
        this.#composer,
      ),
    );
    this.#side.append(this.#presence, this.#questions, this.#material, this.#panel, this.#safety);
    const back = h('a', { href: hashOf('rooms'), class: 'room-back', 'data-testid': 'back-to-rooms' });
    back.append(translated(locale, 'span', 'chat.back', { class: 'room-back-text' }));
    this.append(
      h(
        'div',
        { class: 'chat' },
        h('header', { class: 'chat-header' }, back, h('div', { class: 'chat-heading' }, this.#title, this.#theme, this.#tags), this.#clock),
        toComposer,
        this.#loading,
        this.#failure,
        this.#excluded,
        this.#layout,
      ),
    );

    this.#earlier.addEventListener('click', () => void this.#loadEarlier());
    this.#jump.addEventListener('click', () => {
      this.#scrollToBottom();
      this.#scroller.focus();
    });
    this.#scroller.addEventListener('scroll', () => {
      // A scroll that comes with a change of height (the keyboard opening, the browser keeping the
      // content in place) is not the reader's: the resize observer keeps the newest in view.
      if (this.#scroller.clientHeight !== this.#areaHeight) return;
      this.#atNewest = this.#atBottom();
      if (this.#atNewest) this.#jump.hidden = true;
    });
    this.#side.addEventListener('toggle', (event) => this.#sheetToggled(event), true);
    // A ready-made message from the facilitator's tools goes to the composer; on a phone the sheet folds away.
    this.#side.addEventListener(INSERT_TEXT, (event) => {
      if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
      if (!isWideScreen()) {
        for (const open of this.#side.querySelectorAll<HTMLDetailsElement>(':scope > * > details[open]')) open.open = false;
      }
      this.#composer.insert(event.detail);
    });
    this.#side.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || isWideScreen()) return;
      const open = this.#side.querySelector<HTMLDetailsElement>(':scope > * > details[open]');
      if (open === null) return;
      event.preventDefault();
      open.open = false;
      open.querySelector('summary')?.focus();
    });
  }

  /**
   * On a phone the side panels are a row of toggles, each opening a sheet over the messages: one
   * open at a time, so opening one folds the others.
   */
  #sheetToggled(event: Event): void {
    const opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open || isWideScreen()) return;
    if (opened.parentElement?.parentElement !== this.#side) return;
    for (const other of this.#side.querySelectorAll<HTMLDetailsElement>(':scope > * > details[open]')) {
      if (other !== opened) other.open = false;
    }
  }

  protected override connected(signal: AbortSignal): void {
    // A tablet turned upright (or a window narrowed) leaves the column's open panels as sheets over
    // the messages and the composer: they fold, and each opens again one at a time.
    window.matchMedia(WIDE_SCREEN).addEventListener(
      'change',
      (change) => {
        if (change.matches) return;
        for (const open of this.#side.querySelectorAll<HTMLDetailsElement>(':scope > * > details[open]')) open.open = false;
      },
      { signal },
    );
    // Whatever shrinks the message area (the help card, a pinned notice, the on-screen keyboard) keeps the
    // newest message in view for a reader who was reading it.
    const resized = new ResizeObserver(() => {
      this.#areaHeight = this.#scroller.clientHeight;
      if (this.#atNewest) this.#scrollToBottom();
    });
    resized.observe(this.#scroller);
    signal.addEventListener('abort', () => resized.disconnect());
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
    const admin = user.roles.includes('ADMIN');
    this.#list.onRetry = (clientId) => {
      chat.retry(clientId);
      this.#composer.focusInput();
    };
    this.#list.isHidden = (authorId) => authorId !== null && hiddenMembers.has(authorId);
    this.#list.actionsFor = (message) => {
      if (chat.phase !== 'ready') return [];
      const window = textLimits.count('editWindowSeconds');
      const viewer = { powers: chat.moderation.powers, admin, now: Date.now() };
      return messageActions(message, chat.isOwn(message.authorId), window === null ? viewer : { ...viewer, editWindowMs: window * 1000 });
    };
    this.#list.onAction = (action, message) => void this.#act(action, message);
    chat.on('room-changed', () => this.#renderRoom(), { signal });
    chat.on('messages-changed', (event) => this.#renderMessages(event.change), { signal });
    chat.on('typing-changed', () => this.#renderTyping(), { signal });
    chat.on(
      'floor-changed',
      (event) => {
        if (event.turnTo !== null && chat.isOwn(event.turnTo)) this.#notices.say(ref('chat.floor.yourTurn'));
      },
      { signal },
    );
    chat.on('room-notice', (event) => this.#showNotice(event.text), { signal });
    chat.on(
      'questions-changed',
      (event) => {
        // A published question is marked as one's own; its asker hears what became of it.
        this.#list.update(chat);
        const state = event.own?.state;
        if (state === 'PUBLISHED' || state === 'ANSWERED' || state === 'SET_ASIDE') this.#notices.say(ref(`chat.question.notice.${state}`));
      },
      { signal },
    );
    // Powers arrive with the moderation view: the message menus follow them.
    chat.on('moderation-changed', () => this.#list.update(chat), { signal });
    hiddenMembers.on('hidden-members-changed', () => this.#renderMessages('outbox'), { signal });
    // The hide list is read once per session; if that fails, again on the next (re)connection.
    const loadHidden = (): void => void hiddenMembers.load(api).catch(() => undefined);
    connection.on('connected', loadHidden, { signal });
    loadHidden();
    this.#composer.attach(chat, signal);
    this.#presence.attach(chat, signal);
    this.#questions.attach(chat, signal);
    this.#pinned.attach(chat, signal);
    this.#notices.attach(chat, signal);
    this.#helpCard.attach(chat, signal);
    this.#panel.attach(chat, admin, signal);
    // Flags and open reports are marked in the conversation itself, for those who review it.
    const queue = this.#panel.queue;
    if (queue !== null) {
      this.#list.marksFor = (message) => {
        if (!chat.moderation.powers.has('REVIEW')) return [];
        const id = String(message.id);
        const marks: MessageMark[] = [];
        if (queue.flags.some((flag) => String(flag.messageId) === id)) marks.push('flagged');
        if (queue.reports.some((report) => String(report.messageId) === id)) marks.push('reported');
        return marks;
      };
      queue.on('review-changed', () => this.#list.update(chat), { signal });
    }
    this.#safety.attach(chat, signal);
    this.#safety.onAsked = () => this.#notices.say(ref('chat.safety.asked'));
    this.#material.attach(chat, signal);
    this.#material.onShared = () => this.#notices.say(ref('chat.material.shared'));
    const clock = setInterval(() => this.#renderClock(), CLOCK_REFRESH_MS);
    signal.addEventListener('abort', () => clearInterval(clock));
    const timer = setInterval(() => {
      this.#list.refreshTimes();
      // The menus follow the clock too: editing ends when the edit window does.
      this.#list.update(chat);
    }, TIME_REFRESH_MS);
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
    const wasExcluded = !this.#excluded.hidden;
    this.#excluded.hidden = phase !== 'excluded';
    if (phase === 'excluded') this.#renderExcluded(!wasExcluded);

    const room = chat.room;
    if (room !== null) {
      setText(locale, this.#title, null);
      this.#title.textContent = room.title;
      const theme = room.theme?.trim() ?? '';
      this.#theme.textContent = theme;
      this.#theme.hidden = theme === '';
      this.#tags.replaceChildren(roomTags(room));
    }

    this.#renderClock();
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
        : ref(
            status === 'moving' ? 'chat.status.moving' : status === 'reconnecting' ? 'chat.status.reconnecting' : 'chat.status.connecting',
          );
    setText(locale, this.#status, statusText);
    this.#status.classList.toggle('is-active', statusText !== null);
    // A move the server asked for is usually over in a second or two: its note shows only if it is not.
    this.#status.dataset['status'] = status ?? '';
  }

  #renderClock(): void {
    const session = this.#chat?.guide?.session ?? null;
    const text = session === null ? null : sessionClockText(session, Date.now());
    this.#clock.hidden = text === null;
    setText(locale, this.#clock, text);
    if (session !== null) this.#clock.dataset['state'] = session.state;
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

  /** Removed or banned by a facilitator: why (if a reason was given), where to get help, and the way out. */
  #renderExcluded(moveFocus: boolean): void {
    const exclusion = this.#chat?.moderation.exclusion ?? null;
    if (exclusion === null) return;
    const focus = moveFocus || this.#excluded.contains(document.activeElement);
    const heading = translated(locale, 'h2', 'chat.excluded.heading', { tabindex: '-1', class: 'chat-excluded-heading' });
    let key: 'chat.excluded.removed' | 'chat.excluded.bannedRoom' | 'chat.excluded.bannedSeries' = 'chat.excluded.removed';
    if (exclusion.kind === 'banned') key = exclusion.scope === 'SERIES' ? 'chat.excluded.bannedSeries' : 'chat.excluded.bannedRoom';
    const reason = exclusion.reason === null ? null : translated(locale, 'p', ref('chat.excluded.reason', { reason: exclusion.reason }));
    this.#excluded.replaceChildren(
      heading,
      translated(locale, 'p', key, { 'data-testid': 'room-excluded-text' }),
      reason ?? '',
      translated(locale, 'p', 'chat.excluded.help', { class: 'note' }),
      exclusion.kind === 'banned' ? this.#banAppeal() : '',
      h('div', { class: 'actions' }, translated(locale, 'a', 'chat.back', { href: hashOf('rooms'), class: 'button-link' })),
    );
    if (focus) heading.focus();
  }

  /** The way to appeal a ban, once the person's bans are read. */
  #banAppeal(): HTMLElement {
    const button = h('tp-appeal-button');
    const roomId = this.#chat?.roomId;
    if (roomId !== undefined) void button.follow(roomId, 'BAN');
    return button;
  }

  /** A message's menu was used. */
  async #act(action: MessageAction, shown: ChatMessage): Promise<void> {
    const chat = this.#chat;
    // The message as it is now (its menu may have been made before an edit).
    const message = chat?.messages.find((entry) => entry.seq === shown.seq) ?? shown;
    if (chat === null) return;
    if (message.kind === 'QUESTION' && action === 'remove') {
      // A published question names nobody; those who moderate may still take it out.
      if (await this.#confirmRemove(message, ref('chat.remove.questionTitle'))) {
        chat.noteRemoved(message.seq);
        this.#scroller.focus();
      }
      return;
    }
    // A message whose writer deleted their account is already removed and offers no actions.
    if (!hasAuthor(message)) return;
    switch (action) {
      case 'report':
        if (await openReportDialog(this, chat.roomId, message)) {
          this.#notices.say(ref('chat.report.sent'));
        }
        return;
      case 'worry':
        if (await openWorryDialog(this, chat.roomId, { accountId: message.authorId, displayName: message.authorDisplayName })) {
          this.#notices.say(ref('chat.worry.sent', { name: message.authorDisplayName }));
        }
        return;
      case 'hide':
        if (await this.#confirmHide(message)) {
          this.#notices.say(ref('chat.hide.done', { name: message.authorDisplayName }));
          // The message and its menu are gone from view: focus goes back to the messages.
          this.#scroller.focus();
        }
        return;
      case 'remove':
        if (await this.#confirmRemove(message, ref('chat.remove.title', { name: message.authorDisplayName }))) {
          chat.noteRemoved(message.seq);
          this.#scroller.focus();
        }
        return;
      case 'edit':
        await this.#editOwn(chat, message);
        return;
      case 'delete':
        if (await this.#confirmDelete(chat, message)) {
          chat.noteRevision({ type: 'deleted', roomId: chat.roomId, seq: message.seq });
          this.#scroller.focus();
        }
        return;
    }
  }

  /** One's own message in a dialog to change; the room shows the new text as soon as the server has it. */
  async #editOwn(chat: RoomChat, message: AuthoredMessage): Promise<void> {
    const { field, input } = dialogTextField({
      label: 'chat.edit.label',
      hint: (max) => ref('chat.edit.hint', { max }),
      limit: 'message',
      name: 'body',
    });
    input.value = message.body;
    input.rows = 4;
    const answer: { stored: ChatMessage | null } = { stored: null };
    const done = await openDialog(this, {
      title: ref('chat.edit.title'),
      intro: ref('chat.edit.intro'),
      fields: [field],
      submit: 'chat.edit.submit',
      validate: () => textProblem('message', input.value),
      run: async () => {
        answer.stored = toChatMessage(await editMessage(api, chat.roomId, message.id, input.value));
      },
    });
    const edited = answer.stored;
    if (done && edited !== null && edited.editedAt) {
      chat.noteRevision({ type: 'edited', roomId: chat.roomId, seq: edited.seq, body: edited.body, editedAt: edited.editedAt });
    }
  }

  #confirmDelete(chat: RoomChat, message: AuthoredMessage): Promise<boolean> {
    return openDialog(this, {
      title: ref('chat.delete.title'),
      intro: ref('chat.delete.intro'),
      quote: message.body,
      submit: 'chat.delete.submit',
      danger: true,
      run: () => deleteOwnMessage(api, chat.roomId, message.id),
    });
  }

  #confirmHide(message: AuthoredMessage): Promise<boolean> {
    return openDialog(this, {
      title: ref('chat.hide.title', { name: message.authorDisplayName }),
      intro: ref('chat.hide.intro'),
      submit: 'chat.hide.submit',
      run: () => hiddenMembers.hide(api, { accountId: message.authorId, displayName: message.authorDisplayName }),
    });
  }

  /**
   * Removal with its reason; a message with open reports offers to close them in the same step
   * (as handled: something was done).
   */
  #confirmRemove(message: ChatMessage, title: TextRef): Promise<boolean> {
    const { field, input } = dialogTextField({
      label: 'dialog.reason',
      hint: (max) => reasonHint(max, false),
      limit: 'reason',
      name: 'reason',
    });
    const queue = this.#panel.queue;
    const reports = (queue?.reports ?? []).filter((report) => String(report.messageId) === String(message.id));
    const closeId = uniqueId('close-report');
    const close = h('input', { type: 'checkbox', id: closeId, checked: true, 'data-testid': 'close-report-too' });
    const closeField = h('div', { class: 'check' }, close, translated(locale, 'label', 'chat.remove.closeReport', { for: closeId }));
    return openDialog(this, {
      title,
      intro: ref('chat.remove.intro'),
      quote: message.body,
      fields: reports.length > 0 ? [field, closeField] : [field],
      submit: 'chat.remove.submit',
      danger: true,
      run: async () => {
        await removeMessage(api, this.#chat?.roomId ?? '', message.id, input.value);
        if (reports.length === 0 || !close.checked) return;
        for (const report of reports) {
          await closeReport(api, report.id, true);
          queue?.closed(report.id);
        }
      },
    });
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

    const crisis = this.#list.takeFreshCrisis();
    if (change === 'earlier') {
      // Keep the messages that were in view where they were.
      this.#scroller.scrollTop = topBefore + (this.#scroller.scrollHeight - heightBefore);
    } else if (change === 'initial' || change === 'own' || wasAtBottom) {
      this.#scrollToBottom();
    } else if (crisis !== null) {
      // Help is never left behind the "new messages" button: when it is the newest message, there is nothing newer
      // to point to, and the button would cover it.
      crisis.scrollIntoView({ block: 'start' });
      this.#jump.hidden = this.#atBottom() || crisis.nextElementSibling === null;
    } else if (this.#list.size > countBefore) {
      this.#jump.hidden = false;
    }
    this.#atNewest = this.#atBottom();
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
    this.#atNewest = true;
  }
}

define('tp-room-page', RoomPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-room-page': RoomPage;
  }
}
