import type { ApiClient } from '../api/api-client.ts';
import { type Power, type RoomModerationView, fetchModerationView } from '../api/moderation.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import {
  type ChatMessage,
  type MessagePage,
  type PresentMember,
  type Room,
  fetchMessages,
  fetchPresence,
  joinRoom,
} from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';
import { problemText } from '../forms/problem-text.ts';
import type { TextRef } from '../i18n/dom.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { type TextLimits, textLimits } from '../text/text-limits.ts';
import type { RoomListener } from './chat-connection.ts';
import { newClientId } from './client-id.ts';
import {
  type ChatConnectionEventMap,
  type ConnectionStatus,
  type MessagesChange,
  MessagesChangedEvent,
  ModerationChangedEvent,
  PresenceChangedEvent,
  RoomChangedEvent,
  type RoomChatEventMap,
  RoomNoticeEvent,
  TypingChangedEvent,
} from './events.ts';
import {
  type ModerationEvent,
  type ModerationState,
  initialModeration,
  isMuted,
  muteEndsAt,
  reduceModeration,
  withMuteRefusal,
  withView,
  withoutHelpCard,
  withoutNotice,
  withoutTalkRequest,
} from './moderation.ts';
import { Outbox, type Outgoing } from './outbox.ts';
import { type PresenceEntry, PresenceRoster } from './presence.ts';
import {
  type ChatProblem,
  type LiveMessage,
  type PresenceChange,
  type SendAck,
  type TypingNotice,
  sameId,
  toChatMessage,
  toPresentMember,
} from './protocol.ts';
import { Timeline, highestSeq } from './timeline.ts';
import { TypingThrottle, TypingTracker, typingLine } from './typing.ts';

export const HISTORY_PAGE_SIZE = 50;
export const CATCH_UP_PAGE_SIZE = 200;
export const ACK_TIMEOUT_MS = 10_000;
/** Refusals that name a wait: the message goes again by itself once it is over. */
const WAIT_CODES: ReadonlySet<string> = new Set(['moderation.slow_mode', 'rate_limited']);
/** Reading the moderation view again because events arrived meanwhile stops after this many rounds. */
const VIEW_ROUNDS = 3;

/** The part of the chat connection a room needs (a fake in tests). */
export type ChatChannel = {
  readonly status: ConnectionStatus;
  on: TypedEventTarget<ChatConnectionEventMap>['on'];
  start(): void;
  watchRoom(roomId: string, listener: RoomListener): () => void;
  sendMessage(roomId: string, clientId: string, body: string): boolean;
  sendTyping(roomId: string): boolean;
};

export type ChatSelf = {
  id: UserId;
  displayName: string;
};

export type RoomChatOptions = {
  api: ApiClient;
  channel: ChatChannel;
  roomId: string;
  self: ChatSelf;
  now?: () => number;
  newClientId?: () => string;
  /** The server's text limits; the app's own store unless a test gives another. */
  limits?: TextLimits;
};

/** `excluded`: a facilitator removed or banned this person; the room has closed for them. */
export type RoomPhase = 'loading' | 'ready' | 'failed' | 'excluded';

/**
 * `wait`: slow mode or a flood limit asks to wait; the text was not taken. `invalid`: the text
 * holds what the server refuses (a control character, a stack of accents).
 */
export type SendResult = 'sent' | 'empty' | 'too_long' | 'invalid' | 'closed' | 'wait';

/**
 * Why nothing can be written here, if so: the room is read-only, archived or was locked by a
 * facilitator just now, or this person is muted.
 */
export type WriteBlock = 'read-only' | 'archived' | 'locked' | 'muted' | null;


function validMessages(page: MessagePage | undefined): ChatMessage[] {
  const list: unknown[] = Array.isArray(page?.messages) ? page.messages : [];
  return list.map(toChatMessage).filter((message): message is ChatMessage => message !== null);
}

function lastSeqOf(page: MessagePage | undefined): number {
  const value = page?.lastSeq;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * One open room: joins it, shows its history, follows it live over the shared connection,
 * fills any gap from the server by seq, sends messages with a client id each and tracks them
 * until acknowledged, and keeps the "here now" list and the typing line.
 */
export class RoomChat extends TypedEventTarget<RoomChatEventMap> {
  readonly roomId: string;
  readonly self: ChatSelf;
  readonly #api: ApiClient;
  readonly #channel: ChatChannel;
  readonly #now: () => number;
  readonly #newClientId: () => string;
  readonly #limits: TextLimits;

  readonly #timeline = new Timeline();
  readonly #outbox = new Outbox(ACK_TIMEOUT_MS);
  readonly #roster = new PresenceRoster();
  readonly #typing = new TypingTracker();
  readonly #throttle = new TypingThrottle();
  /** Messages acknowledged to this tab: seq → the client id they were sent with. */
  readonly #sentHere = new Map<number, string>();

  #phase: RoomPhase = 'loading';
  #failure: Problem | null = null;
  #room: Room | null = null;
  #hasEarlier = false;
  #loadingEarlier = false;
  #closed = false;
  #listening = false;
  readonly #abort = new AbortController();
  #unwatch: (() => void) | null = null;
  #catchingUp = false;
  #catchUpAgain = false;
  #presenceRound = 0;
  #ackTimer: ReturnType<typeof setTimeout> | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #moderation: ModerationState = initialModeration;
  #viewLoading = false;
  #viewAgain = false;
  /** Nothing may be sent before this moment (ms since the epoch): the server asked to wait. */
  #waitUntil = 0;
  /** Why: the refusal code that asked for the wait. */
  #waitCode: string | null = null;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  #muteTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RoomChatOptions) {
    super();
    this.roomId = options.roomId;
    this.self = options.self;
    this.#api = options.api;
    this.#channel = options.channel;
    this.#now = options.now ?? Date.now;
    this.#newClientId = options.newClientId ?? (() => newClientId());
    this.#limits = options.limits ?? textLimits;
  }

  get phase(): RoomPhase {
    return this.#phase;
  }

  /** Why the room could not be opened. */
  get failure(): Problem | null {
    return this.#failure;
  }

  get room(): Room | null {
    return this.#room;
  }

  get connection(): ConnectionStatus {
    return this.#channel.status;
  }

  get messages(): readonly ChatMessage[] {
    return this.#timeline.messages;
  }

  /** Messages written here and not yet acknowledged, in the order written. */
  get outgoing(): readonly Outgoing[] {
    return this.#outbox.entries;
  }

  /** The client id a shown message was sent with from this tab, if it was. */
  sentHere(seq: number): string | undefined {
    return this.#sentHere.get(seq);
  }

  get hasEarlier(): boolean {
    return this.#hasEarlier;
  }

  get loadingEarlier(): boolean {
    return this.#loadingEarlier;
  }

  get writeBlock(): WriteBlock {
    if (this.#room?.state === 'ARCHIVED') return 'archived';
    if (this.#room?.state === 'READ_ONLY') return this.#moderation.lockedLive ? 'locked' : 'read-only';
    if (this.muted) return 'muted';
    return null;
  }

  get canSend(): boolean {
    return this.#phase === 'ready' && this.#room !== null && this.writeBlock === null;
  }

  /** The room's moderation as this person knows it: powers, mute, pinned announcement, and so on. */
  get moderation(): ModerationState {
    return this.#moderation;
  }

  /** A facilitator has muted this person, and the mute is in force now. */
  get muted(): boolean {
    return isMuted(this.#moderation, this.#now());
  }

  may(power: Power): boolean {
    return this.#moderation.powers.has(power);
  }

  /** Whole seconds until the next message may go (slow mode, flood limit); 0 when it may now. */
  get sendWaitSeconds(): number {
    const left = this.#waitUntil - this.#now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** While there is a wait: `slow-mode`, or `limit` for the flood limit. */
  get sendWaitReason(): 'slow-mode' | 'limit' | null {
    if (this.sendWaitSeconds === 0) return null;
    return this.#waitCode === 'moderation.slow_mode' ? 'slow-mode' : 'limit';
  }

  /** The person closed a notice (a link to a private talk, a handled report). */
  dismissNotice(id: string): void {
    this.#moderation = withoutNotice(this.#moderation, id);
    this.emit(new ModerationChangedEvent(null));
  }

  /** The person closed the help card offered after they wrote about self-harm or violence. */
  dismissHelpCard(): void {
    this.#moderation = withoutHelpCard(this.#moderation);
    this.emit(new ModerationChangedEvent(null));
  }

  /** A facilitator answered (or set aside) a participant's request for a one-to-one talk. */
  answerTalkRequest(accountId: UserId): void {
    this.#moderation = withoutTalkRequest(this.#moderation, accountId);
    this.emit(new ModerationChangedEvent(null));
  }

  /**
   * This screen removed a message (the server said so): shown removed at once, whether or not
   * the room's event about it arrives.
   */
  noteRemoved(seq: number): void {
    this.#onModeration({ type: 'message-removed', roomId: this.roomId, messageId: null, seq });
  }

  /** Reads the room's moderation from the server again (after a facilitator acted here, say). */
  refreshModeration(): Promise<void> {
    return this.#loadModeration();
  }

  /** Your part in this room, as shown beside your own messages. */
  get selfRole(): string | null {
    return this.#room?.myRole ?? null;
  }

  /** Whether a message is one's own; a message without an author (its writer left) never is. */
  isOwn(authorId: UserId | null): boolean {
    return sameId(authorId, this.self.id);
  }

  /** Who is here now; you are in the list while connected. */
  presence(locale: string): PresenceEntry[] {
    const here = this.#phase === 'ready' && this.#channel.status === 'online';
    const self: PresentMember | null = here
      ? { accountId: this.self.id, displayName: this.self.displayName, role: this.#room?.myRole ?? null }
      : null;
    return this.#roster.list(this.self.id, self, locale);
  }

  /** "Anna kirjoittaa…" and the like, or null when nobody else is typing. */
  get typingLine(): TextRef | null {
    return typingLine(this.#typing.names(this.#now()));
  }

  /** Joins the room and loads its newest messages, then follows it live. Again after a failure. */
  async open(): Promise<void> {
    if (this.#closed || this.#phase === 'ready') return;
    this.#listen();
    this.#failure = null;
    this.#setPhase('loading');
    try {
      const room = await joinRoom(this.#api, this.roomId);
      if (this.#closed) return;
      this.#room = room;
      // The moderation view (never failing the room) and the history together: the composer
      // then opens already knowing about a mute.
      const [page] = await Promise.all([
        fetchMessages(this.#api, this.roomId, { limit: HISTORY_PAGE_SIZE }),
        this.#loadModeration(),
      ]);
      if (this.#closed || this.#phase === 'excluded') return;
      const messages = validMessages(page);
      this.#timeline.merge(messages);
      this.#applyRemovals();
      this.#timeline.settle(Math.max(highestSeq(messages) ?? 0, lastSeqOf(page)));
      this.#hasEarlier = messages.length >= HISTORY_PAGE_SIZE && (this.#timeline.oldestSeq ?? 1) > 1;
    } catch (error) {
      if (this.#closed) return;
      this.#failure = problemOf(error);
      this.#setPhase('failed');
      return;
    }
    this.#setPhase('ready');
    this.#changed('initial');
    this.#unwatch = this.#channel.watchRoom(this.roomId, this.#listener);
    this.#channel.start();
    void this.#loadPresence();
    if (this.#channel.status === 'online') {
      // Subscribed just now: fetch whatever arrived between the history and the subscription.
      void this.#catchUp();
    }
  }

  /** Leaves the view: stops following the room (the others then see you leave). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    this.#unwatch?.();
    this.#unwatch = null;
    this.#stopTimers();
  }

  async loadEarlier(): Promise<void> {
    const oldest = this.#timeline.oldestSeq;
    if (this.#loadingEarlier || !this.#hasEarlier || oldest === null || this.#closed) return;
    this.#loadingEarlier = true;
    this.emit(new RoomChangedEvent());
    try {
      const page = await fetchMessages(this.#api, this.roomId, { beforeSeq: oldest, limit: HISTORY_PAGE_SIZE });
      if (this.#closed) return;
      const messages = validMessages(page);
      this.#timeline.merge(messages);
      this.#applyRemovals();
      const reached = this.#timeline.oldestSeq ?? oldest;
      this.#hasEarlier = messages.length >= HISTORY_PAGE_SIZE && reached < oldest && reached > 1;
      this.#changed('earlier');
    } catch (error) {
      this.#notice(problemText(problemOf(error)));
    } finally {
      this.#loadingEarlier = false;
      if (!this.#closed) this.emit(new RoomChangedEvent());
    }
  }

  /**
   * Sends a message folded as the server stores it (the text policy: trimmed, invisible characters
   * removed, NFC), so the pending copy reads as the stored one; shown at once as pending. Lengths
   * are counted in code points against the server's limit.
   */
  send(text: string): SendResult {
    const check = this.#limits.check('message', text);
    const body = check === null ? text.trim() : check.text;
    if (body === '' || (check !== null && !check.ok && check.code === 'not_blank')) return 'empty';
    if (check !== null && !check.ok) return check.code === 'size' ? 'too_long' : 'invalid';
    if (!this.canSend) return 'closed';
    if (this.sendWaitSeconds > 0) return 'wait';
    const clientId = this.#newClientId();
    this.#outbox.add(clientId, body, this.#now());
    this.#transmit(clientId);
    // The others drop our typing line when the message arrives; typing again should show anew.
    this.#throttle.reset();
    this.#changed('own');
    return 'sent';
  }

  /** Sends a failed message again, with the same client id (the server keeps it once). */
  retry(clientId: string): void {
    const entry = this.#outbox.get(clientId);
    if (entry === undefined || entry.state !== 'failed' || !this.canSend || this.sendWaitSeconds > 0) return;
    this.#transmit(clientId);
    this.#changed('outbox');
  }

  /** The person typed in the composer. */
  typed(): void {
    if (!this.canSend || this.#channel.status !== 'online') return;
    if (this.#throttle.take(this.#now())) {
      this.#channel.sendTyping(this.roomId);
    }
  }

  readonly #listener: RoomListener = {
    message: (message) => this.#onMessage(message),
    presence: (change) => this.#onPresence(change),
    typing: (notice) => this.#onTyping(notice),
    moderation: (event) => this.#onModeration(event),
  };

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    const signal = this.#abort.signal;
    this.#channel.on('status-changed', (event) => this.#onStatus(event.status), { signal });
    this.#channel.on('connected', () => this.#onConnected(), { signal });
    this.#channel.on('ack', (event) => this.#onAck(event.ack), { signal });
    this.#channel.on('chat-problem', (event) => this.#onProblem(event.problem), { signal });
    this.#channel.on('moderation-queue', (event) => this.#onModeration(event.event), { signal });
  }

  #onStatus(status: ConnectionStatus): void {
    if (this.#phase !== 'ready') return;
    if (status !== 'online') {
      const failed = this.#outbox.disconnected();
      clearTimeout(this.#ackTimer);
      if (failed.length > 0) this.#changed('outbox');
      this.#typing.clear();
      this.emit(new TypingChangedEvent());
    }
    this.emit(new PresenceChangedEvent());
    this.emit(new RoomChangedEvent());
  }

  /** (Re)connected and subscribed: catch up on messages and presence, send what waited. */
  #onConnected(): void {
    if (this.#phase !== 'ready' || this.#closed) return;
    void this.#catchUp();
    void this.#loadPresence();
    // Moderation events travel at most once: what happened while away is read from the view.
    void this.#loadModeration();
    const waiting = this.#outbox.resendable();
    if (waiting.length > 0 && this.canSend) {
      for (const entry of waiting) this.#transmit(entry.clientId);
      this.#changed('outbox');
    }
  }

  #onMessage(live: LiveMessage): void {
    if (this.#phase !== 'ready' || !sameId(live.roomId, this.roomId)) return;
    const { clientId, ...message } = live;
    if (clientId !== null && this.#outbox.get(clientId) !== undefined) {
      this.#outbox.ack(clientId);
      this.#sentHere.set(message.seq, clientId);
      this.#scheduleAckTimer();
    }
    if (message.authorId !== null && this.#typing.remove(String(message.authorId))) {
      this.emit(new TypingChangedEvent());
    }
    this.#arrive(message);
  }

  #onAck(ack: SendAck): void {
    if (!sameId(ack.roomId, this.roomId)) return;
    const entry = this.#outbox.ack(ack.clientId);
    if (entry === undefined) return;
    this.#sentHere.set(ack.seq, ack.clientId);
    this.#scheduleAckTimer();
    this.#arrive({
      seq: ack.seq,
      id: ack.messageId,
      roomId: this.#room?.id ?? this.roomId,
      authorId: this.self.id,
      authorDisplayName: this.self.displayName,
      authorRole: this.#room?.myRole ?? null,
      body: entry.body,
      sentAt: ack.sentAt,
      removed: false,
    });
  }

  #arrive(message: ChatMessage): void {
    const arrival = this.#timeline.receive(message);
    if (this.#moderation.removedSeqs.has(message.seq)) this.#timeline.markRemoved(message.seq);
    // Also when nothing was added: the message may have left the outbox.
    this.#changed('live');
    if (arrival.gap) void this.#catchUp();
  }

  #onProblem(problem: ChatProblem): void {
    if (problem.clientId !== null) {
      if (this.#outbox.get(problem.clientId) === undefined) return;
      if (WAIT_CODES.has(problem.code) && problem.retryAfterSeconds !== null) {
        this.#postpone(problem.clientId, problem.code, problem.retryAfterSeconds);
      } else {
        this.#outbox.reject(problem.clientId, problem.code);
        if (problem.code === 'rooms.read_only') this.#markReadOnly();
        if (problem.code === 'moderation.muted') this.#mutedAfterAll(problem.until);
      }
      this.#scheduleAckTimer();
      this.#changed('outbox');
      return;
    }
    if (problem.roomId !== null && !sameId(problem.roomId, this.roomId)) return;
    if (problem.code === 'rooms.read_only') this.#markReadOnly();
    const text: Problem = { status: 0, code: problem.code };
    if (problem.retryAfterSeconds !== null) text.retryAfterSeconds = problem.retryAfterSeconds;
    this.#notice(problemText(text));
  }

  /** Slow mode or a flood limit: the message keeps its place and goes again when the wait is over. */
  #postpone(clientId: string, code: string, seconds: number): void {
    const retryAt = this.#now() + seconds * 1000;
    this.#outbox.postpone(clientId, code, retryAt);
    if (retryAt >= this.#waitUntil) {
      this.#waitUntil = retryAt;
      this.#waitCode = code;
    }
    this.#scheduleWaitTimer();
    this.emit(new RoomChangedEvent());
  }

  #scheduleWaitTimer(): void {
    clearTimeout(this.#waitTimer);
    if (this.#closed) return;
    const now = this.#now();
    const moments = [this.#outbox.nextRetry(), this.#waitUntil > now ? this.#waitUntil : null];
    const next = Math.min(...moments.filter((moment): moment is number => moment !== null));
    if (!Number.isFinite(next)) return;
    this.#waitTimer = setTimeout(() => this.#waitOver(), Math.max(0, next - now));
  }

  /** Waiting messages whose time has come go again, in order; if the room is closed to us now, they fail. */
  #waitOver(): void {
    const due = this.#outbox.due(this.#now());
    if (due.length > 0) {
      const block = this.writeBlock;
      for (const entry of due) {
        if (block === null && this.#phase === 'ready') {
          this.#transmit(entry.clientId);
        } else {
          this.#outbox.reject(entry.clientId, block === 'muted' ? 'moderation.muted' : 'rooms.read_only');
        }
      }
      this.#scheduleAckTimer();
      this.#changed('outbox');
    }
    this.emit(new RoomChangedEvent());
    this.#scheduleWaitTimer();
  }

  /** The server says we are muted though no event said so yet: block now, and ask for how long. */
  #mutedAfterAll(until: string | null): void {
    const before = this.#moderation;
    this.#moderation = withMuteRefusal(before, until);
    this.#afterModeration(before, null);
    void this.#loadModeration();
  }

  #onModeration(event: ModerationEvent): void {
    if (this.#closed || !sameId(event.roomId, this.roomId)) return;
    // A view being read now may predate this event: it is read once more.
    if (this.#viewLoading) this.#viewAgain = true;
    const before = this.#moderation;
    this.#moderation = reduceModeration(before, event, this.self.id, this.roomId);
    this.#afterModeration(before, event);
    if (event.type === 'member-banned' && this.may('REVIEW')) {
      // The ban's details (the person's name) come with the view.
      void this.#loadModeration();
    }
  }

  /**
   * Reads the moderation view; events that arrive meanwhile make it read again, so an older view
   * never overwrites a newer event. A failure keeps what is known (the next reconnect asks again).
   */
  async #loadModeration(): Promise<void> {
    if (this.#viewLoading) {
      this.#viewAgain = true;
      return;
    }
    this.#viewLoading = true;
    try {
      let view: RoomModerationView | null = null;
      for (let round = 0; round < VIEW_ROUNDS; round += 1) {
        this.#viewAgain = false;
        view = await fetchModerationView(this.#api, this.roomId);
        if (this.#closed) return;
        if (!this.#viewAgain) break;
      }
      if (view !== null) {
        const before = this.#moderation;
        this.#moderation = withView(before, view);
        this.#afterModeration(before, null);
      }
    } catch {
      // Keep what is known.
    } finally {
      this.#viewLoading = false;
    }
  }

  /** Brings the room, the messages and the timers in line with a changed moderation state. */
  #afterModeration(before: ModerationState, event: ModerationEvent | null): void {
    const state = this.#moderation;
    if (state.roomState !== before.roomState && state.roomState !== null && this.#room !== null) {
      this.#room = { ...this.#room, state: state.roomState };
    }
    if (state.removedSeqs !== before.removedSeqs && this.#applyRemovals()) this.#changed('removed');
    if (state.mute !== before.mute) this.#scheduleMuteExpiry();
    if (state.exclusion !== null && before.exclusion === null) this.#exclude();
    if (this.#closed) return;
    this.emit(new ModerationChangedEvent(event));
    this.emit(new RoomChangedEvent());
  }

  /** Marks every removed message that is shown; true when any changed. */
  #applyRemovals(): boolean {
    let changed = false;
    for (const seq of this.#moderation.removedSeqs) {
      if (this.#timeline.markRemoved(seq)) changed = true;
    }
    return changed;
  }

  /** A timed mute ends by itself: the composer opens again at that moment. */
  #scheduleMuteExpiry(): void {
    clearTimeout(this.#muteTimer);
    const ends = muteEndsAt(this.#moderation);
    if (ends === null || this.#closed) return;
    const left = ends - this.#now();
    if (left <= 0) return;
    this.#muteTimer = setTimeout(() => {
      this.emit(new RoomChangedEvent());
      this.emit(new ModerationChangedEvent(null));
    }, left);
  }

  /** Removed or banned: the room closes for this person; nothing more is followed or sent. */
  #exclude(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#stopTimers();
    this.#typing.clear();
    this.#setPhase('excluded');
  }

  #stopTimers(): void {
    clearTimeout(this.#ackTimer);
    clearTimeout(this.#typingTimer);
    clearTimeout(this.#waitTimer);
    clearTimeout(this.#muteTimer);
  }

  #onPresence(change: PresenceChange): void {
    if (!sameId(change.roomId, this.roomId)) return;
    this.#roster.apply(change);
    if (change.type === 'left' && this.#typing.remove(String(change.member.accountId))) {
      this.emit(new TypingChangedEvent());
    }
    this.emit(new PresenceChangedEvent());
  }

  #onTyping(notice: TypingNotice): void {
    if (!sameId(notice.roomId, this.roomId) || this.isOwn(notice.accountId)) return;
    this.#typing.note(String(notice.accountId), notice.displayName, this.#now());
    this.#scheduleTypingExpiry();
    this.emit(new TypingChangedEvent());
  }

  /**
   * Fetches everything after the last seq known without gaps, a page at a time until a page
   * comes back short. A request for another round while one runs is remembered, not doubled.
   */
  async #catchUp(): Promise<void> {
    if (this.#catchingUp) {
      this.#catchUpAgain = true;
      return;
    }
    this.#catchingUp = true;
    try {
      do {
        this.#catchUpAgain = false;
        for (;;) {
          const after = this.#timeline.last;
          const page = await fetchMessages(this.#api, this.roomId, { afterSeq: after, limit: CATCH_UP_PAGE_SIZE });
          if (this.#closed) return;
          const messages = validMessages(page);
          const added = this.#timeline.merge(messages);
          if (added > 0) this.#applyRemovals();
          const highest = highestSeq(messages) ?? after;
          const full = messages.length >= CATCH_UP_PAGE_SIZE;
          this.#timeline.settle(full ? highest : Math.max(highest, lastSeqOf(page)));
          if (added > 0) this.#changed('catch-up');
          if (!full || highest <= after) break;
        }
      } while (this.#catchUpAgain && !this.#closed);
    } catch {
      // Nothing lost: the next gap or reconnect asks again.
    } finally {
      this.#catchingUp = false;
    }
  }

  async #loadPresence(): Promise<void> {
    const round = ++this.#presenceRound;
    this.#roster.hold();
    try {
      const members = await fetchPresence(this.#api, this.roomId);
      if (this.#closed || round !== this.#presenceRound) return;
      const list: unknown[] = Array.isArray(members) ? members : [];
      this.#roster.replace(list.map(toPresentMember).filter((member): member is PresentMember => member !== null));
    } catch {
      if (round !== this.#presenceRound) return;
      this.#roster.release();
    }
    if (!this.#closed) this.emit(new PresenceChangedEvent());
  }

  #transmit(clientId: string): void {
    const entry = this.#outbox.get(clientId);
    if (entry === undefined) return;
    if (this.#channel.sendMessage(this.roomId, clientId, entry.body)) {
      this.#outbox.sent(clientId, this.#now());
      this.#scheduleAckTimer();
    } else {
      this.#outbox.unsent(clientId);
    }
  }

  #scheduleAckTimer(): void {
    clearTimeout(this.#ackTimer);
    const next = this.#outbox.nextDeadline();
    if (next === null || this.#closed) return;
    this.#ackTimer = setTimeout(() => {
      if (this.#outbox.expire(this.#now()).length > 0) this.#changed('outbox');
      this.#scheduleAckTimer();
    }, Math.max(0, next - this.#now()));
  }

  #scheduleTypingExpiry(): void {
    clearTimeout(this.#typingTimer);
    const next = this.#typing.nextExpiry();
    if (next === null || this.#closed) return;
    this.#typingTimer = setTimeout(() => {
      if (this.#typing.prune(this.#now())) this.emit(new TypingChangedEvent());
      this.#scheduleTypingExpiry();
    }, Math.max(0, next - this.#now()));
  }

  #markReadOnly(): void {
    if (this.#room === null || this.#room.state !== 'OPEN') return;
    this.#room = { ...this.#room, state: 'READ_ONLY' };
    this.emit(new RoomChangedEvent());
  }

  #setPhase(phase: RoomPhase): void {
    this.#phase = phase;
    this.emit(new RoomChangedEvent());
  }

  #changed(change: MessagesChange): void {
    if (!this.#closed) this.emit(new MessagesChangedEvent(change));
  }

  #notice(text: TextRef | null): void {
    if (!this.#closed) this.emit(new RoomNoticeEvent(text));
  }
}
