import { Client, type IFrame, type IMessage, type IStompSocket, ReconnectionTimeMode, type StompSubscription } from '@stomp/stompjs';
import { type AppNotification, toNotification } from '../api/notifications.ts';
import { ApiError } from '../api/problem.ts';
import type { MessageRevision, RoomId } from '../api/rooms.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import {
  AckEvent,
  type ChatConnectionEventMap,
  ChatProblemEvent,
  ConnectedEvent,
  type ConnectionStatus,
  ConnectionStatusEvent,
  ModerationQueueEvent,
  OwnQuestionQueueEvent,
} from './events.ts';
import { type HostQuestionEvent, toHostQuestionEvent, toOwnQuestionEvent } from './questions.ts';
import { type RoomModerationEvent, toPersonalModerationEvent, toRoomModerationEvent } from './moderation.ts';
import {
  type LiveMessage,
  type PresenceChange,
  type TypingNotice,
  destinations,
  readJson,
  toChatProblem,
  toLiveMessage,
  toRevision,
  toPresenceChange,
  toSendAck,
  toTypingNotice,
} from './protocol.ts';
import { type FloorEvent, toFloorEvent } from './floor.ts';

/** What a room view wants to hear about its room. */
export type RoomListener = {
  message(message: LiveMessage): void;
  /** A writer edited or removed a stored message. */
  revision(revision: MessageRevision): void;
  /** A hand went up or down, a turn was given, someone passed. */
  floor(event: FloorEvent): void;
  presence(change: PresenceChange): void;
  typing(notice: TypingNotice): void;
  moderation(event: RoomModerationEvent): void;
  /**
   * The server now delivers this room's events to this connection (its RECEIPT for the
   * message topic's SUBSCRIBE, sent after the room's other topics): what happened before is
   * fetched from here on, never earlier, or an event between the fetch and the subscription
   * would be lost. Once per connection; also after a refused subscription (its problem arrives too).
   */
  subscribed(): void;
};

export type ChatConnectionOptions = {
  /** The STOMP endpoint, e.g. `wss://tukipiiri.example/ws`. */
  brokerURL: () => string;
  /** A usable access token; `forceRefresh` after the server rejected the last one. */
  accessToken: (forceRefresh: boolean) => Promise<string>;
  /**
   * When (epoch ms, this device's clock) the token last handed out by `accessToken` expires. The
   * connection is renewed on the server with a fresh token before then; without it, the server ends
   * the connection at expiry and it is made again.
   */
  accessTokenExpiresAt?: () => number | null;
  /** Replaces the browser's WebSocket (tests). */
  webSocketFactory?: () => IStompSocket;
  /** Milliseconds before each reconnect attempt is allowed to start (spreads a crowd of clients). */
  jitterMs?: number;
};

type WatchedRoom = {
  listeners: Set<RoomListener>;
  subscriptions: StompSubscription[];
};

/** An information session's question topic, followed by its hosts. */
type WatchedQueue = {
  listeners: Set<(event: HostQuestionEvent) => void>;
  subscription: StompSubscription | null;
};

const HEARTBEAT_MS = 10_000;
const FIRST_RECONNECT_DELAY_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 30_000;
const CONNECT_TIMEOUT_MS = 15_000;
/** A connection that lasted this long without an ERROR frame ends a run of refused ones. */
const STABLE_AFTER_MS = 20_000;
/** The ERROR frame's message when the person already holds as many connections as allowed. */
const TOO_MANY_CONNECTIONS = 'connections.too_many';
/** The ERROR frame's message when the server cannot check the token now (a passing outage). */
const SERVER_UNAVAILABLE = 'server.unavailable';
/**
 * ERROR frames by which the server asks the tab to connect again, to it or another node, after the
 * pause in their `reconnect-after-ms` header: nothing is wrong, the token stays good.
 */
const PLANNED_RECONNECT: ReadonlySet<string> = new Set(['server.restarting', 'server.rebalancing']);
/** The longest pause a server's reconnect hint is taken for. */
const MAX_RECONNECT_HINT_MS = 10_000;
/** Renew at most this long before the token expires… */
const RENEW_BEFORE_MS = 60_000;
/** …and never sooner than this after the last renewal or connect. */
const MIN_RENEW_DELAY_MS = 1_000;

/**
 * When to renew a connection whose token expires at `expiresAt`: a minute before, or after two
 * thirds of what is left when that is shorter (short-lived tokens).
 */
export function renewalDelay(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  return Math.max(MIN_RENEW_DELAY_MS, left - Math.min(RENEW_BEFORE_MS, left / 3));
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The tab's one STOMP connection for every room it shows. It renews the access token before
 * each (re)connect, reconnects with growing pauses, subscribes the user queues once per
 * connection and each watched room's topics on every connection, and announces `connected`
 * so rooms can fetch what they missed meanwhile.
 */
export class ChatConnection extends TypedEventTarget<ChatConnectionEventMap> {
  readonly #options: ChatConnectionOptions;
  readonly #client: Client;
  readonly #rooms = new Map<string, WatchedRoom>();
  readonly #questionQueues = new Map<string, WatchedQueue>();
  readonly #notificationListeners = new Set<(notification: AppNotification) => void>();
  #notificationSubscription: StompSubscription | null = null;
  #status: ConnectionStatus = 'offline';
  #wasOnline = false;
  #tokenRejected = false;
  #attempts = 0;
  /** Receipt ids given out on this page, so each is unique. */
  #receipts = 0;
  #errorStreak = 0;
  #stableTimer: ReturnType<typeof setTimeout> | undefined;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the token the connection stands on expires (epoch ms), if known. */
  #tokenExpiresAt: number | null = null;
  /** The server asked to connect again, not before this moment (epoch ms). */
  #reconnectAt: number | null = null;
  /** The connection the server asked to leave is being closed. */
  #leaving = false;

  constructor(options: ChatConnectionOptions) {
    super();
    this.#options = options;
    this.#client = new Client({
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      reconnectDelay: FIRST_RECONNECT_DELAY_MS,
      maxReconnectDelay: MAX_RECONNECT_DELAY_MS,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      discardWebsocketOnCommFailure: true,
      debug: () => undefined,
      beforeConnect: (client) => this.#beforeConnect(client),
      onConnect: () => this.#onConnect(),
      onStompError: (frame) => this.#onStompError(frame),
      onWebSocketClose: () => this.#onClose(),
    });
    if (options.webSocketFactory) {
      this.#client.webSocketFactory = options.webSocketFactory;
    }
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Connects unless already connected or connecting. */
  start(): void {
    if (this.#client.active) return;
    this.#wasOnline = false;
    this.#attempts = 0;
    this.#setStatus('connecting');
    this.#client.activate();
  }

  /** Disconnects and stops reconnecting (sign-out). Watched rooms are kept for a later start. */
  stop(): void {
    if (!this.#client.active && this.#status === 'offline') return;
    for (const room of this.#rooms.values()) {
      room.subscriptions = [];
    }
    for (const queue of this.#questionQueues.values()) {
      queue.subscription = null;
    }
    this.#notificationSubscription = null;
    clearTimeout(this.#renewTimer);
    this.#setStatus('offline');
    void this.#client.deactivate();
  }

  /**
   * Follows a room's messages, presence and typing for as long as the returned function is not
   * called; the topics are subscribed now if connected, and again after every reconnect.
   */
  watchRoom(roomId: RoomId, listener: RoomListener): () => void {
    const key = String(roomId);
    let room = this.#rooms.get(key);
    if (room === undefined) {
      room = { listeners: new Set(), subscriptions: [] };
      this.#rooms.set(key, room);
      if (this.#status === 'online') this.#subscribeRoom(key, room);
    }
    room.listeners.add(listener);
    return () => this.#unwatch(key, listener);
  }

  /**
   * Follows an information session's question queue (for its hosts: the server refuses anyone
   * else) for as long as the returned function is not called; subscribed now if connected, and
   * again after every reconnect.
   */
  watchQuestions(roomId: RoomId, listener: (event: HostQuestionEvent) => void): () => void {
    const key = String(roomId);
    let queue = this.#questionQueues.get(key);
    if (queue === undefined) {
      queue = { listeners: new Set(), subscription: null };
      this.#questionQueues.set(key, queue);
      if (this.#status === 'online') this.#subscribeQuestions(key, queue);
    }
    queue.listeners.add(listener);
    return () => {
      const watched = this.#questionQueues.get(key);
      if (watched === undefined) return;
      watched.listeners.delete(listener);
      if (watched.listeners.size > 0) return;
      this.#questionQueues.delete(key);
      try {
        if (this.#client.connected) watched.subscription?.unsubscribe();
      } catch {
        // The connection closed meanwhile; the server dropped the subscription with it.
      }
    };
  }

  #subscribeQuestions(key: string, queue: WatchedQueue): void {
    try {
      queue.subscription = this.#client.subscribe(destinations.questions(key), (frame: IMessage) => {
        const event = toHostQuestionEvent(readJson(frame.body));
        if (event !== null) for (const listener of [...queue.listeners]) listener(event);
      });
    } catch {
      // The connection closed a moment ago; the next connection subscribes again.
      queue.subscription = null;
    }
  }

  /**
   * Hears the signed-in person's notifications for as long as the returned function is not
   * called. The queue is subscribed once per connection, however many listen.
   */
  watchNotifications(listener: (notification: AppNotification) => void): () => void {
    this.#notificationListeners.add(listener);
    if (this.#status === 'online') this.#subscribeNotifications();
    return () => {
      this.#notificationListeners.delete(listener);
    };
  }

  /**
   * Sends a chat message, `sensitive` marking it with a content note (always sent, as a boolean);
   * false when there is no connection to send it on.
   */
  sendMessage(roomId: RoomId, clientId: string, body: string, sensitive = false): boolean {
    return this.#publish(destinations.send(roomId), JSON.stringify({ clientId, body, sensitive }));
  }

  /** Tells the room that we are typing; false when not connected. */
  sendTyping(roomId: RoomId): boolean {
    return this.#publish(destinations.sendTyping(roomId), '{}');
  }

  #publish(destination: string, body: string): boolean {
    if (this.#status !== 'online' || !this.#client.connected) return false;
    try {
      this.#client.publish({ destination, body, headers: { 'content-type': 'application/json' } });
      return true;
    } catch {
      return false;
    }
  }

  async #beforeConnect(client: Client): Promise<void> {
    this.#attempts += 1;
    const jitter = this.#options.jitterMs ?? 1000;
    if (this.#reconnectAt !== null) {
      // The server named the pause (spread out so that its clients do not all arrive at once).
      await wait(Math.max(0, this.#reconnectAt - Date.now()));
      this.#reconnectAt = null;
    } else if (this.#attempts > 1 && jitter > 0) {
      await wait(Math.random() * jitter);
    }
    if (this.#errorStreak > 1) {
      // Refused again and again (not only for the token): wait longer each time.
      await wait(Math.min(MAX_RECONNECT_DELAY_MS, FIRST_RECONNECT_DELAY_MS * 2 ** (this.#errorStreak - 1)));
    }
    client.brokerURL = this.#options.brokerURL();
    const forceRefresh = this.#tokenRejected;
    try {
      const token = await this.#options.accessToken(forceRefresh);
      this.#tokenRejected = false;
      this.#tokenExpiresAt = this.#options.accessTokenExpiresAt?.() ?? null;
      client.connectHeaders = { Authorization: `Bearer ${token}` };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // The session is over; the session store sends the person to sign in.
        this.stop();
      }
      // Otherwise the server could not be reached: the attempt fails and is retried later.
    }
  }

  #onConnect(): void {
    this.#attempts = 0;
    clearTimeout(this.#stableTimer);
    this.#stableTimer = setTimeout(() => {
      this.#errorStreak = 0;
    }, STABLE_AFTER_MS);
    this.#notificationSubscription = null;
    this.#subscribeQueues();
    if (this.#notificationListeners.size > 0) this.#subscribeNotifications();
    for (const [key, room] of this.#rooms) {
      this.#subscribeRoom(key, room);
    }
    for (const [key, queue] of this.#questionQueues) {
      this.#subscribeQuestions(key, queue);
    }
    this.#wasOnline = true;
    this.#setStatus('online');
    this.#scheduleRenewal();
    this.emit(new ConnectedEvent());
  }

  #scheduleRenewal(): void {
    clearTimeout(this.#renewTimer);
    if (this.#tokenExpiresAt === null) return;
    this.#renewTimer = setTimeout(() => void this.#renew(), renewalDelay(this.#tokenExpiresAt, Date.now()));
  }

  /**
   * Gives the server a fresh access token for this connection, so it goes on without a reconnect:
   * no presence flicker, no gap to fill. If this fails, the server ends the connection when the old
   * token expires, and it is made again with a new one.
   */
  async #renew(): Promise<void> {
    let token: string;
    try {
      token = await this.#options.accessToken(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.stop();
      return;
    }
    const expiresAt = this.#options.accessTokenExpiresAt?.() ?? null;
    if (this.#status !== 'online' || !this.#client.connected) return;
    try {
      this.#client.publish({ destination: destinations.renew, body: '{}', headers: { Authorization: `Bearer ${token}` } });
    } catch {
      // The connection closed meanwhile; the next one is made with the fresh token.
    }
    // Renewed again before this token expires. Were the renewal lost, the server's ERROR at expiry
    // makes the connection again.
    this.#tokenExpiresAt = expiresAt;
    this.#scheduleRenewal();
  }

  #onStompError(frame: IFrame): void {
    const code = frame.headers['message'] ?? '';
    if (PLANNED_RECONNECT.has(code)) {
      this.#reconnectSoon(Number(frame.headers['reconnect-after-ms']));
      return;
    }
    if (code === TOO_MANY_CONNECTIONS) {
      // Too many tabs or devices open: say so, and try again later (with growing pauses).
      this.emit(
        new ChatProblemEvent({
          code: TOO_MANY_CONNECTIONS,
          message: null,
          clientId: null,
          roomId: null,
          retryAfterSeconds: null,
          until: null,
        }),
      );
    } else if (code === SERVER_UNAVAILABLE) {
      // The token is fine but cannot be checked now: keep it, and try again with growing pauses.
    } else {
      // The server refused the connection or a frame (e.g. an expired token): renew the token
      // and start over on a new connection.
      this.#tokenRejected = true;
    }
    this.#errorStreak += 1;
    clearTimeout(this.#stableTimer);
    this.#client.forceDisconnect();
  }

  /**
   * The server asked for a new connection after `hintMs`: this one is closed and the next one made
   * after the pause (a random one within `jitterMs` when the hint is missing), with the same token
   * unless it is due for renewal; messages not yet acknowledged go again on it with their own ids.
   */
  #reconnectSoon(hintMs: number): void {
    const pause =
      Number.isFinite(hintMs) && hintMs >= 0 ? Math.min(hintMs, MAX_RECONNECT_HINT_MS) : Math.random() * (this.#options.jitterMs ?? 1000);
    this.#reconnectAt = Date.now() + pause;
    clearTimeout(this.#stableTimer);
    this.#setStatus('moving');
    this.#leaving = true;
    void this.#client.deactivate({ force: true }).then(() => {
      this.#leaving = false;
      if (this.#status === 'moving') {
        this.#attempts = 0;
        this.#client.activate();
      }
    });
  }

  #onClose(): void {
    clearTimeout(this.#stableTimer);
    clearTimeout(this.#renewTimer);
    for (const room of this.#rooms.values()) {
      room.subscriptions = [];
    }
    for (const queue of this.#questionQueues.values()) {
      queue.subscription = null;
    }
    this.#notificationSubscription = null;
    if (this.#status === 'offline' || this.#leaving) return;
    this.#setStatus(this.#client.active ? (this.#wasOnline ? 'reconnecting' : 'connecting') : 'offline');
  }

  #subscribeQueues(): void {
    this.#client.subscribe(destinations.acks, (frame) => {
      const ack = toSendAck(readJson(frame.body));
      if (ack !== null) this.emit(new AckEvent(ack));
    });
    this.#client.subscribe(destinations.errors, (frame) => {
      const problem = toChatProblem(readJson(frame.body));
      if (problem !== null) this.emit(new ChatProblemEvent(problem));
    });
    this.#client.subscribe(destinations.personalModeration, (frame) => {
      const event = toPersonalModerationEvent(readJson(frame.body));
      if (event !== null) this.emit(new ModerationQueueEvent(event));
    });
    this.#client.subscribe(destinations.ownQuestions, (frame) => {
      const event = toOwnQuestionEvent(readJson(frame.body));
      if (event !== null) this.emit(new OwnQuestionQueueEvent(event));
    });
  }

  #subscribeNotifications(): void {
    if (this.#notificationSubscription !== null) return;
    try {
      this.#notificationSubscription = this.#client.subscribe(destinations.notifications, (frame) => {
        const notification = toNotification(readJson(frame.body));
        if (notification === null) return;
        for (const listener of [...this.#notificationListeners]) listener(notification);
      });
    } catch {
      // The connection closed a moment ago; the next connection subscribes again.
      this.#notificationSubscription = null;
    }
  }

  #subscribeRoom(key: string, room: WatchedRoom): void {
    try {
      room.subscriptions = this.#roomSubscriptions(key, room);
    } catch {
      // The connection closed a moment ago; the next connection subscribes again.
      room.subscriptions = [];
    }
  }

  #roomSubscriptions(key: string, room: WatchedRoom): StompSubscription[] {
    // Presence, typing and moderation first, so the message subscription (which marks us
    // present) finds the others already listening.
    return [
      this.#client.subscribe(destinations.presence(key), (frame: IMessage) => {
        const change = toPresenceChange(readJson(frame.body));
        if (change !== null) for (const listener of room.listeners) listener.presence(change);
      }),
      this.#client.subscribe(destinations.typing(key), (frame: IMessage) => {
        const notice = toTypingNotice(readJson(frame.body));
        if (notice !== null) for (const listener of room.listeners) listener.typing(notice);
      }),
      this.#client.subscribe(destinations.floor(key), (frame: IMessage) => {
        const event = toFloorEvent(readJson(frame.body));
        if (event !== null) for (const listener of room.listeners) listener.floor(event);
      }),
      this.#client.subscribe(destinations.moderation(key), (frame: IMessage) => {
        const event = toRoomModerationEvent(readJson(frame.body));
        if (event !== null) for (const listener of room.listeners) listener.moderation(event);
      }),
      this.#client.subscribe(
        destinations.messages(key),
        (frame: IMessage) => {
          const json = readJson(frame.body);
          const message = toLiveMessage(json);
          if (message !== null) for (const listener of room.listeners) listener.message(message);
          const revision = message === null ? toRevision(json) : null;
          if (revision !== null) for (const listener of room.listeners) listener.revision(revision);
        },
        { receipt: this.#receiptFor(room) },
      ),
    ];
  }

  /** A receipt id for the room's message subscription; its RECEIPT tells the room's listeners. */
  #receiptFor(room: WatchedRoom): string {
    this.#receipts += 1;
    const id = `room-${this.#receipts}`;
    this.#client.watchForReceipt(id, () => {
      for (const listener of room.listeners) listener.subscribed();
    });
    return id;
  }

  #unwatch(key: string, listener: RoomListener): void {
    const room = this.#rooms.get(key);
    if (room === undefined) return;
    room.listeners.delete(listener);
    if (room.listeners.size > 0) return;
    this.#rooms.delete(key);
    if (!this.#client.connected) return;
    // The message topic first: leaving it is what makes the others see us go.
    for (const subscription of [...room.subscriptions].reverse()) {
      try {
        subscription.unsubscribe();
      } catch {
        // The connection closed meanwhile; the server dropped the subscription with it.
      }
    }
  }

  #setStatus(status: ConnectionStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.emit(new ConnectionStatusEvent(status));
  }
}

/** The chat endpoint of the page's own server: `ws://host/ws` or `wss://host/ws`. */
export function brokerUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
