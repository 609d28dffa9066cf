import type { ApiClient } from '../api/api-client.ts';
import { ApiError, type Problem } from '../api/problem.ts';
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
import type { RoomListener } from './chat-connection.ts';
import { newClientId } from './client-id.ts';
import {
  type ChatConnectionEventMap,
  type ConnectionStatus,
  type MessagesChange,
  MessagesChangedEvent,
  PresenceChangedEvent,
  RoomChangedEvent,
  type RoomChatEventMap,
  RoomNoticeEvent,
  TypingChangedEvent,
} from './events.ts';
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
export const MAX_MESSAGE_LENGTH = 4000;

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
};

export type RoomPhase = 'loading' | 'ready' | 'failed';

export type SendResult = 'sent' | 'empty' | 'too_long' | 'closed';

/** Why nothing can be written here, if so. */
export type WriteBlock = 'read-only' | 'archived' | null;

function problemOf(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, code: 'unknown' };
}

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

  constructor(options: RoomChatOptions) {
    super();
    this.roomId = options.roomId;
    this.self = options.self;
    this.#api = options.api;
    this.#channel = options.channel;
    this.#now = options.now ?? Date.now;
    this.#newClientId = options.newClientId ?? (() => newClientId());
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
    if (this.#room?.state === 'READ_ONLY') return 'read-only';
    if (this.#room?.state === 'ARCHIVED') return 'archived';
    return null;
  }

  get canSend(): boolean {
    return this.#phase === 'ready' && this.#room !== null && this.writeBlock === null;
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
      const page = await fetchMessages(this.#api, this.roomId, { limit: HISTORY_PAGE_SIZE });
      if (this.#closed) return;
      const messages = validMessages(page);
      this.#timeline.merge(messages);
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
    clearTimeout(this.#ackTimer);
    clearTimeout(this.#typingTimer);
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

  /** Sends a message (trimmed); shown at once as pending. */
  send(text: string): SendResult {
    const body = text.trim();
    if (body === '') return 'empty';
    if (body.length > MAX_MESSAGE_LENGTH) return 'too_long';
    if (!this.canSend) return 'closed';
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
    if (entry === undefined || entry.state !== 'failed' || !this.canSend) return;
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
  };

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    const signal = this.#abort.signal;
    this.#channel.on('status-changed', (event) => this.#onStatus(event.status), { signal });
    this.#channel.on('connected', () => this.#onConnected(), { signal });
    this.#channel.on('ack', (event) => this.#onAck(event.ack), { signal });
    this.#channel.on('chat-problem', (event) => this.#onProblem(event.problem), { signal });
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
    // Also when nothing was added: the message may have left the outbox.
    this.#changed('live');
    if (arrival.gap) void this.#catchUp();
  }

  #onProblem(problem: ChatProblem): void {
    if (problem.clientId !== null) {
      if (this.#outbox.reject(problem.clientId, problem.code) === undefined) return;
      this.#scheduleAckTimer();
      if (problem.code === 'rooms.read_only') this.#markReadOnly();
      this.#changed('outbox');
      return;
    }
    if (problem.roomId !== null && !sameId(problem.roomId, this.roomId)) return;
    if (problem.code === 'rooms.read_only') this.#markReadOnly();
    this.#notice(problemText({ status: 0, code: problem.code }));
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
