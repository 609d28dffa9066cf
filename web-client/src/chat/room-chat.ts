import type { ApiClient } from '../api/api-client.ts';
import type { Power } from '../api/moderation.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import {
  type ChatMessage,
  type MessageRevision,
  type PresentMember,
  type Room,
  type RoomGuide,
  acceptHouseRules,
  fetchGuide,
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
  FloorChangedEvent,
  ModerationChangedEvent,
  type ModerationStateEvent,
  PresenceChangedEvent,
  QuestionsChangedEvent,
  RoomChangedEvent,
  type RoomChatEventMap,
  RoomNoticeEvent,
  type SendRefusedEvent,
  TypingChangedEvent,
} from './events.ts';
import type { ModerationState } from './moderation.ts';
import type { Outgoing } from './outbox.ts';
import type { PresenceEntry } from './presence.ts';
import { type ChatProblem, type LiveMessage, type SendAck, sameId } from './protocol.ts';
import { RoomHistory } from './room-history.ts';
import { RoomModeration } from './room-moderation.ts';
import { RoomPresence } from './room-presence.ts';
import { RoomSender } from './room-sender.ts';
import { RoomTyping } from './room-typing.ts';
import { RoomFloor } from './room-floor.ts';
import type { HostQuestionEvent, OwnQuestion } from './questions.ts';
import { RoomQuestions } from './room-questions.ts';

export { CATCH_UP_PAGE_SIZE, HISTORY_PAGE_SIZE } from './room-history.ts';
export { ACK_TIMEOUT_MS } from './room-sender.ts';

/** The part of the chat connection a room needs (a fake in tests). */
export type ChatChannel = {
  readonly status: ConnectionStatus;
  on: TypedEventTarget<ChatConnectionEventMap>['on'];
  start(): void;
  watchRoom(roomId: string, listener: RoomListener): () => void;
  sendMessage(roomId: string, clientId: string, body: string, sensitive: boolean): boolean;
  sendTyping(roomId: string): boolean;
  /** Follows an information session's question queue, for its hosts (absent: never followed). */
  watchQuestions?(roomId: string, listener: (event: HostQuestionEvent) => void): () => void;
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

/**
 * One open room: joins it, shows its history, follows it live over the shared connection, and
 * keeps its parts in step: the history with its gap fill by seq (`RoomHistory`), the messages on
 * their way (`RoomSender`), the room's moderation (`RoomModeration`), who is here
 * (`RoomPresence`) and who is typing (`RoomTyping`). Views listen to this one store.
 */
export class RoomChat extends TypedEventTarget<RoomChatEventMap> {
  readonly roomId: string;
  readonly self: ChatSelf;
  readonly #api: ApiClient;
  readonly #channel: ChatChannel;
  readonly #now: () => number;
  readonly #limits: TextLimits;
  readonly #history: RoomHistory;
  readonly #sender: RoomSender;
  readonly #moderation: RoomModeration;
  readonly #presence: RoomPresence;
  readonly #typing: RoomTyping;

  #phase: RoomPhase = 'loading';
  #failure: Problem | null = null;
  #room: Room | null = null;
  #guide: RoomGuide | null = null;
  /** Raised hands and turns (the floor). */
  readonly floor: RoomFloor;
  /** An information session's questions: one's own, or for its hosts the whole queue. */
  readonly questions: RoomQuestions;
  #unwatchQuestions: (() => void) | null = null;
  readonly #newClientId: () => string;
  #closed = false;
  #listening = false;
  readonly #abort = new AbortController();
  #unwatch: (() => void) | null = null;

  constructor(options: RoomChatOptions) {
    super();
    this.roomId = options.roomId;
    this.self = options.self;
    this.#api = options.api;
    this.#channel = options.channel;
    this.#now = options.now ?? Date.now;
    this.#limits = options.limits ?? textLimits;
    const { api, roomId } = options;
    this.#moderation = new RoomModeration({ api, roomId, selfId: this.self.id, now: this.#now });
    this.#history = new RoomHistory({ api, roomId, limits: this.#limits, removedSeqs: () => this.#moderation.state.removedSeqs });
    this.#sender = new RoomSender({
      roomId,
      transmit: (room, clientId, body, sensitive) => this.#channel.sendMessage(room, clientId, body, sensitive),
      now: this.#now,
      newClientId: options.newClientId ?? (() => newClientId()),
      refusalNow: () => this.#refusalNow(),
    });
    this.#presence = new RoomPresence({ api, roomId });
    this.floor = new RoomFloor(api, roomId, (turnTo) => this.emit(new FloorChangedEvent(turnTo)));
    this.questions = new RoomQuestions(api, roomId, (change) => {
      if (!this.#closed) this.emit(new QuestionsChangedEvent(change.own));
    });
    this.#newClientId = options.newClientId ?? (() => newClientId());
    this.#typing = new RoomTyping(this.#now);
    this.#forward();
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
    return this.#history.messages;
  }

  /** Messages written here and not yet acknowledged, in the order written. */
  get outgoing(): readonly Outgoing[] {
    return this.#sender.outgoing;
  }

  /** The client id a shown message was sent with from this tab, if it was. */
  sentHere(seq: number): string | undefined {
    return this.#sender.sentHere(seq);
  }

  get hasEarlier(): boolean {
    return this.#history.hasEarlier;
  }

  get loadingEarlier(): boolean {
    return this.#history.loadingEarlier;
  }

  get writeBlock(): WriteBlock {
    if (this.#room?.state === 'ARCHIVED') return 'archived';
    if (this.#room?.state === 'READ_ONLY') return this.#moderation.state.lockedLive ? 'locked' : 'read-only';
    if (this.muted) return 'muted';
    return null;
  }

  /** The room's house rules and, for staff, ready-made messages; null until read (or when they could not be). */
  get guide(): RoomGuide | null {
    return this.#guide;
  }

  /** The person must accept the house rules before writing. */
  get rulesDue(): boolean {
    return this.#guide !== null && this.#guide.acceptance !== 'NONE' && !this.#guide.accepted;
  }

  /** Accepts the house rules; a failure is thrown for the caller to show. */
  async acceptRules(): Promise<void> {
    this.#guide = await acceptHouseRules(this.#api, this.roomId);
    this.emit(new RoomChangedEvent());
    // What was refused for want of the acceptance goes now, as written.
    if (this.canSend) this.#sender.retryRefused('rooms.rules_not_accepted');
  }

  get canSend(): boolean {
    return this.#phase === 'ready' && this.#room !== null && this.writeBlock === null;
  }

  /** The room's moderation as this person knows it: powers, mute, pinned announcement, and so on. */
  get moderation(): ModerationState {
    return this.#moderation.state;
  }

  /** A facilitator has muted this person, and the mute is in force now. */
  get muted(): boolean {
    return this.#moderation.muted;
  }

  may(power: Power): boolean {
    return this.#moderation.may(power);
  }

  /** Whole seconds until the next message may go (slow mode, flood limit); 0 when it may now. */
  get sendWaitSeconds(): number {
    return this.#sender.waitSeconds;
  }

  /** While there is a wait: `slow-mode`, `limit` for the flood limit, or `busy` when the server shed the message. */
  get sendWaitReason(): 'slow-mode' | 'limit' | 'busy' | 'unavailable' | null {
    return this.#sender.waitReason;
  }

  /** The person closed a notice (a link to a private talk, a handled report). */
  dismissNotice(id: string): void {
    this.#moderation.dismissNotice(id);
    this.emit(new ModerationChangedEvent(null));
  }

  /** The person closed the help card offered after they wrote about self-harm or violence. */
  dismissHelpCard(): void {
    this.#moderation.dismissHelpCard();
    this.emit(new ModerationChangedEvent(null));
  }

  /** A facilitator answered (or set aside) a participant's request for a one-to-one talk. */
  answerTalkRequest(accountId: UserId): void {
    this.#moderation.answerTalkRequest(accountId);
    this.emit(new ModerationChangedEvent(null));
  }

  /**
   * This screen edited or deleted one of its own messages (the server said so): shown at once,
   * whether or not the room's event about it arrives.
   */
  noteRevision(revision: MessageRevision): void {
    if (this.#phase === 'ready') this.#history.revise(revision);
  }

  /**
   * This screen removed a message (the server said so): shown removed at once, whether or not
   * the room's event about it arrives.
   */
  noteRemoved(seq: number): void {
    this.#moderation.apply({ type: 'message-removed', roomId: this.roomId, messageId: null, seq });
  }

  /** Reads the room's moderation from the server again (after a facilitator acted here, say). */
  refreshModeration(): Promise<void> {
    return this.#moderation.load();
  }

  /** The room is a live information session: its hosts write, participants ask questions. */
  get infoSession(): boolean {
    return this.#room?.format === 'INFO_SESSION';
  }

  /** In an information session, this person asks the hosts instead of writing in the stream. */
  get asksQuestions(): boolean {
    return this.infoSession && this.selfRole === 'PARTICIPANT';
  }

  /** In an information session, this person is one of its hosts: they read and handle the question queue. */
  get hostsQuestions(): boolean {
    return this.infoSession && (this.selfRole === 'FACILITATOR' || this.selfRole === 'PEER_SUPPORTER');
  }

  /**
   * Asks the hosts, the text folded as the server stores it; `empty`, `too_long` or `invalid` when
   * the text would be refused, `closed` when nothing can be asked now. A server refusal (a mute,
   * slow mode, too many waiting) is thrown as a problem.
   */
  async ask(text: string): Promise<'sent' | 'empty' | 'too_long' | 'invalid' | 'closed'> {
    const check = this.#limits.check('question', text);
    const body = check === null ? text.trim() : check.text;
    if (body === '' || (check !== null && !check.ok && check.code === 'not_blank')) return 'empty';
    if (check !== null && !check.ok) return check.code === 'size' ? 'too_long' : 'invalid';
    if (!this.canSend || !this.asksQuestions) return 'closed';
    await this.questions.ask(this.#newClientId(), body);
    return 'sent';
  }

  /** One's own question that is published in the stream at this seq, if any. */
  ownQuestionAt(seq: number): OwnQuestion | undefined {
    return this.questions.mine.find((question) => question.messageSeq === seq);
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
    return this.#presence.list(this.self.id, self, locale);
  }

  /** "Anna kirjoittaa…" and the like, or null when nobody else is typing. */
  get typingLine(): TextRef | null {
    return this.#typing.line;
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
      const [page, guide] = await Promise.all([
        this.#history.latestPage(),
        // Without the guide the room still opens; the server refuses a first message if the rules are due.
        fetchGuide(this.#api, this.roomId).catch(() => null),
        this.#moderation.load(),
      ]);
      if (this.#closed || this.#phase === 'excluded') return;
      this.#guide = guide;
      this.#history.begin(page);
    } catch (error) {
      if (this.#closed) return;
      this.#failure = problemOf(error);
      this.#setPhase('failed');
      return;
    }
    this.#setPhase('ready');
    this.#changed('initial');
    // Presence, the floor and what arrived after the history are read once the subscription is confirmed.
    this.#unwatch = this.#channel.watchRoom(this.roomId, this.#listener);
    this.#channel.start();
    this.#followQuestions();
  }

  /** Leaves the view: stops following the room (the others then see you leave). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    this.#unwatch?.();
    this.#unwatch = null;
    this.#unwatchQuestions?.();
    this.#unwatchQuestions = null;
    this.#history.close();
    this.#sender.close();
    this.#moderation.close();
    this.#presence.close();
    this.#typing.close();
  }

  /** Loads the page of messages before the oldest one shown. */
  loadEarlier(): Promise<void> {
    return this.#history.loadEarlier();
  }

  /**
   * Sends a message folded as the server stores it (the text policy: trimmed, invisible characters
   * removed, NFC), so the pending copy reads as the stored one; shown at once as pending. Lengths
   * are counted in code points against the server's limit. `sensitive` marks it with a content
   * note: the others see a short note and reveal the text themselves.
   */
  send(text: string, sensitive = false): SendResult {
    const check = this.#limits.check('message', text);
    const body = check === null ? text.trim() : check.text;
    if (body === '' || (check !== null && !check.ok && check.code === 'not_blank')) return 'empty';
    if (check !== null && !check.ok) return check.code === 'size' ? 'too_long' : 'invalid';
    if (!this.canSend) return 'closed';
    if (this.sendWaitSeconds > 0) return 'wait';
    // The others drop our typing line when the message arrives; typing again should show anew.
    this.#typing.sent();
    this.#sender.send(body, sensitive);
    return 'sent';
  }

  /** Sends a failed message again, with the same client id (the server keeps it once). */
  retry(clientId: string): void {
    if (this.canSend) this.#sender.retry(clientId);
  }

  /** The person typed in the composer (a question is nobody's business but the hosts': never told). */
  typed(): void {
    if (!this.canSend || this.asksQuestions || this.#channel.status !== 'online') return;
    if (this.#typing.mayNotify()) {
      this.#channel.sendTyping(this.roomId);
    }
  }

  readonly #listener: RoomListener = {
    message: (message) => this.#onMessage(message),
    floor: (event) => {
      if (this.#phase === 'ready' && sameId(event.roomId, this.roomId)) this.floor.apply(event);
    },
    revision: (revision) => {
      if (this.#phase === 'ready' && sameId(revision.roomId, this.roomId)) this.#history.revise(revision);
    },
    presence: (change) => {
      if (!sameId(change.roomId, this.roomId)) return;
      if (change.type === 'left') this.#typing.stopped(String(change.member.accountId));
      this.#presence.apply(change);
    },
    typing: (notice) => {
      if (!sameId(notice.roomId, this.roomId) || this.isOwn(notice.accountId)) return;
      this.#typing.noted(String(notice.accountId), notice.displayName);
    },
    moderation: (event) => {
      if (event.type !== 'rules-changed') {
        this.#moderation.apply(event);
      } else if (this.#phase === 'ready' && sameId(event.roomId, this.roomId)) {
        // asked again at once, with the rules as they are now
        void this.#reloadGuide();
      }
    },
    subscribed: () => this.#onSubscribed(),
  };

  /** The parts' events reach this room's listeners; the moderation state and refusals first bring the room in line. */
  #forward(): void {
    const changed = (event: MessagesChangedEvent) => this.emit(new MessagesChangedEvent(event.change));
    const roomChanged = () => this.emit(new RoomChangedEvent());
    this.#history.on('messages-changed', changed);
    this.#history.on('room-changed', roomChanged);
    this.#history.on('room-notice', (event) => this.emit(new RoomNoticeEvent(event.text)));
    this.#sender.on('messages-changed', changed);
    this.#sender.on('room-changed', roomChanged);
    this.#sender.on('send-refused', (event) => this.#onRefused(event));
    this.#moderation.on('moderation-state', (event) => this.#afterModeration(event));
    this.#moderation.on('mute-ended', () => {
      this.emit(new RoomChangedEvent());
      this.emit(new ModerationChangedEvent(null));
    });
    this.#presence.on('presence-changed', () => this.emit(new PresenceChangedEvent()));
    this.#typing.on('typing-changed', () => this.emit(new TypingChangedEvent()));
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    const signal = this.#abort.signal;
    this.#channel.on('status-changed', (event) => this.#onStatus(event.status), { signal });
    this.#channel.on('connected', () => this.#onConnected(), { signal });
    this.#channel.on('ack', (event) => this.#onAck(event.ack), { signal });
    this.#channel.on('chat-problem', (event) => this.#onProblem(event.problem), { signal });
    this.#channel.on('moderation-queue', (event) => this.#moderation.apply(event.event), { signal });
    this.#channel.on(
      'own-question',
      (event) => {
        if (this.#phase === 'ready') this.questions.applyOwn(event.event);
      },
      { signal },
    );
  }

  #onStatus(status: ConnectionStatus): void {
    if (this.#phase !== 'ready') return;
    if (status !== 'online') {
      this.#sender.disconnected();
      this.#typing.clear(true);
    }
    this.emit(new PresenceChangedEvent());
    this.emit(new RoomChangedEvent());
  }

  /** (Re)connected: the questions are read again and what waited is sent (its acks come on the personal queue). */
  #onConnected(): void {
    if (this.#phase !== 'ready' || this.#closed) return;
    if (this.infoSession) void this.questions.load(this.hostsQuestions);
    if (this.canSend) this.#sender.resend();
  }

  /**
   * The server delivers the room's events to this connection from now on: read what happened
   * before — messages after the newest one shown, who is here, the raised hands, and the
   * moderation view (its events travel at most once, so what happened while away is read).
   */
  #onSubscribed(): void {
    if (this.#phase !== 'ready' || this.#closed) return;
    void this.#history.catchUp();
    void this.#presence.load();
    void this.floor.load();
    void this.#moderation.load();
  }

  #onMessage(live: LiveMessage): void {
    if (this.#phase !== 'ready' || !sameId(live.roomId, this.roomId)) return;
    const { clientId, ...message } = live;
    this.#sender.settled(clientId, message.seq);
    if (message.authorId !== null) this.#typing.stopped(String(message.authorId));
    this.#history.receive(message);
  }

  #onAck(ack: SendAck): void {
    if (!sameId(ack.roomId, this.roomId)) return;
    const entry = this.#sender.acknowledged(ack);
    if (entry === undefined) return;
    this.#history.receive({
      seq: ack.seq,
      id: ack.messageId,
      roomId: this.#room?.id ?? this.roomId,
      authorId: this.self.id,
      authorDisplayName: this.self.displayName,
      authorRole: this.#room?.myRole ?? null,
      body: entry.body,
      sentAt: ack.sentAt,
      removed: false,
      sensitive: entry.sensitive,
    });
  }

  #onProblem(problem: ChatProblem): void {
    if (problem.clientId !== null) {
      this.#sender.refused(problem);
      return;
    }
    if (problem.roomId !== null && !sameId(problem.roomId, this.roomId)) return;
    if (problem.code === 'rooms.read_only') this.#markReadOnly();
    const text: Problem = { status: 0, code: problem.code };
    if (problem.retryAfterSeconds !== null) text.retryAfterSeconds = problem.retryAfterSeconds;
    this.#notice(problemText(text));
  }

  /** A message of ours was refused for good: a read-only room or a mute the room did not know of yet. */
  #onRefused(event: SendRefusedEvent): void {
    if (event.code === 'rooms.read_only') this.#markReadOnly();
    if (event.code === 'rooms.rules_not_accepted' && this.#guide !== null) {
      // A new day in open chats, or rules changed meanwhile: the rules are asked again, as they are now.
      this.#guide = { ...this.#guide, accepted: false };
      this.emit(new RoomChangedEvent());
      void this.#reloadGuide();
    }
    if (event.code === 'moderation.muted') this.#moderation.mutedAfterAll(event.until);
  }

  /** Reads the room's guide again (after its rules were edited here); a failure keeps the one there is. */
  reloadGuide(): Promise<void> {
    return this.#reloadGuide();
  }

  /** Reads the room's guide again (the rules may have changed); a failure keeps the one there is. */
  async #reloadGuide(): Promise<void> {
    try {
      const guide = await fetchGuide(this.#api, this.roomId);
      if (this.#closed) return;
      this.#guide = guide;
      this.emit(new RoomChangedEvent());
    } catch {
      // the rules already shown stay; accepting them answers the guide as it is now
    }
  }

  /** The code a message due to go again would be refused with now; null when it may go. */
  #refusalNow(): string | null {
    const block = this.writeBlock;
    if (block === null && this.#phase === 'ready') return null;
    return block === 'muted' ? 'moderation.muted' : 'rooms.read_only';
  }

  /** Brings the room and the messages in line with a changed moderation state, then tells the views. */
  #afterModeration({ before, event }: ModerationStateEvent): void {
    const state = this.#moderation.state;
    if (state.roomState !== before.roomState && state.roomState !== null && this.#room !== null) {
      this.#room = { ...this.#room, state: state.roomState };
    }
    if (state.removedSeqs !== before.removedSeqs) this.#history.showRemovals();
    if (state.exclusion !== null && before.exclusion === null) this.#exclude();
    if (this.#closed) return;
    this.emit(new ModerationChangedEvent(event));
    this.emit(new RoomChangedEvent());
  }

  /**
   * In an information session: one's own questions, or for its hosts the queue, read now and
   * followed live.
   */
  #followQuestions(): void {
    if (!this.infoSession) return;
    void this.questions.load(this.hostsQuestions);
    if (this.hostsQuestions && this.#unwatchQuestions === null && this.#channel.watchQuestions !== undefined) {
      this.#unwatchQuestions = this.#channel.watchQuestions(this.roomId, (event) => {
        if (this.#phase === 'ready') this.questions.applyHost(event);
      });
    }
  }

  /** Removed or banned: the room closes for this person; nothing more is followed or sent. */
  #exclude(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#unwatchQuestions?.();
    this.#unwatchQuestions = null;
    this.#sender.stop();
    this.#moderation.stop();
    this.#typing.stop();
    this.#typing.clear(false);
    this.#setPhase('excluded');
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
