import { TypedEventTarget } from '../state/typed-event-target.ts';
import { MessagesChangedEvent, RoomChangedEvent, SendRefusedEvent } from './events.ts';
import { Outbox, type Outgoing } from './outbox.ts';
import type { ChatProblem, SendAck } from './protocol.ts';

/** How long a sent message waits for the server's acknowledgement before it counts as failed. */
export const ACK_TIMEOUT_MS = 10_000;
/** Refusals that name a wait: the message goes again by itself once it is over. */
const WAIT_CODES: ReadonlySet<string> = new Set([
  'moderation.slow_mode',
  'rate_limited',
  'server.busy',
  'server.restarting',
  'server.unavailable',
]);
/** Waits the server asks for when it cannot take a message now; shown as "busy". */
const BUSY_CODES: ReadonlySet<string> = new Set(['server.busy', 'server.restarting']);

/**
 * What the sender tells its room: the outbox changed (`own`: a new message, `outbox`: a state),
 * a wait began or ended, or the server refused a message for a reason the room must heed.
 */
export type RoomSenderEventMap = {
  'messages-changed': MessagesChangedEvent;
  'room-changed': RoomChangedEvent;
  'send-refused': SendRefusedEvent;
};

export type RoomSenderOptions = {
  roomId: string;
  /** Puts a message on the connection (`sensitive`: with a content note); false when it is down. */
  transmit: (roomId: string, clientId: string, body: string, sensitive: boolean) => boolean;
  now: () => number;
  newClientId: () => string;
  /**
   * The code a message due to go again would be refused with now (the room is closed to this
   * person, or muted), or null when it may go.
   */
  refusalNow: () => string | null;
};

/**
 * Messages written in one room until the server has them: each goes with its own client id,
 * waits for an ack (or its copy on the room's topic carrying that id) for `ACK_TIMEOUT_MS`,
 * fails when the connection drops or the server refuses it, goes again with the same id after a
 * reconnect or a retry, and waits out slow mode and flood limits by itself.
 */
export class RoomSender extends TypedEventTarget<RoomSenderEventMap> {
  readonly #roomId: string;
  readonly #transmit: RoomSenderOptions['transmit'];
  readonly #now: () => number;
  readonly #newClientId: () => string;
  readonly #refusalNow: () => string | null;
  readonly #outbox = new Outbox(ACK_TIMEOUT_MS);
  /** Messages acknowledged to this tab: seq → the client id they were sent with. */
  readonly #sentHere = new Map<number, string>();
  /** Nothing may be sent before this moment (ms since the epoch): the server asked to wait. */
  #waitUntil = 0;
  /** Why: the refusal code that asked for the wait. */
  #waitCode: string | null = null;
  #ackTimer: ReturnType<typeof setTimeout> | undefined;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: RoomSenderOptions) {
    super();
    this.#roomId = options.roomId;
    this.#transmit = options.transmit;
    this.#now = options.now;
    this.#newClientId = options.newClientId;
    this.#refusalNow = options.refusalNow;
  }

  /** Messages written here and not yet acknowledged, in the order written. */
  get outgoing(): readonly Outgoing[] {
    return this.#outbox.entries;
  }

  /** The client id a shown message was sent with from this tab, if it was. */
  sentHere(seq: number): string | undefined {
    return this.#sentHere.get(seq);
  }

  /** Whole seconds until the next message may go (slow mode, flood limit); 0 when it may now. */
  get waitSeconds(): number {
    const left = this.#waitUntil - this.#now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /**
   * While there is a wait: `slow-mode`, `limit` for the flood limit, `busy` when the server shed
   * the message, `unavailable` when it could not take it now (a passing outage).
   */
  get waitReason(): 'slow-mode' | 'limit' | 'busy' | 'unavailable' | null {
    if (this.waitSeconds === 0) return null;
    if (this.#waitCode !== null && BUSY_CODES.has(this.#waitCode)) return 'busy';
    if (this.#waitCode === 'server.unavailable') return 'unavailable';
    return this.#waitCode === 'moderation.slow_mode' ? 'slow-mode' : 'limit';
  }

  /**
   * Sends a checked, folded body under a new client id, marked with a content note when
   * `sensitive`; false while the server asks to wait.
   */
  send(body: string, sensitive = false): boolean {
    if (this.waitSeconds > 0) return false;
    const clientId = this.#newClientId();
    this.#outbox.add(clientId, body, this.#now(), sensitive);
    this.#send(clientId);
    this.#changed('own');
    return true;
  }

  /** Sends a failed message again, with the same client id (the server keeps it once). */
  retry(clientId: string): void {
    const entry = this.#outbox.get(clientId);
    if (entry === undefined || entry.state !== 'failed' || this.waitSeconds > 0) return;
    this.#send(clientId);
    this.#changed('outbox');
  }

  /** What the server refused with `code` goes again, in order: its reason is gone (the house rules were accepted). */
  retryRefused(code: string): void {
    const refused = this.#outbox.entries.filter(
      (entry) => entry.state === 'failed' && entry.reason === 'rejected' && entry.errorCode === code,
    );
    if (refused.length === 0 || this.waitSeconds > 0) return;
    for (const entry of refused) this.#send(entry.clientId);
    this.#changed('outbox');
  }

  /** Connected again: what failed for the connection or for want of an ack goes again. */
  resend(): void {
    const waiting = this.#outbox.resendable();
    if (waiting.length === 0) return;
    for (const entry of waiting) this.#send(entry.clientId);
    this.#changed('outbox');
  }

  /** The connection dropped: nothing pending can be acknowledged on it any more. */
  disconnected(): void {
    const failed = this.#outbox.disconnected();
    clearTimeout(this.#ackTimer);
    if (failed.length > 0) this.#changed('outbox');
  }

  /**
   * A message of ours came back on the room's topic with its client id (perhaps before the ack):
   * it is settled. False when the id is not one waiting here.
   */
  settled(clientId: string | null, seq: number): boolean {
    if (clientId === null || this.#outbox.get(clientId) === undefined) return false;
    this.#outbox.ack(clientId);
    this.#sentHere.set(seq, clientId);
    this.#scheduleAckTimer();
    return true;
  }

  /** The server stored a message of ours: returns it as written, or undefined when it was not waiting here. */
  acknowledged(ack: SendAck): Outgoing | undefined {
    const entry = this.#outbox.ack(ack.clientId);
    if (entry === undefined) return undefined;
    this.#sentHere.set(ack.seq, ack.clientId);
    this.#scheduleAckTimer();
    return entry;
  }

  /**
   * The server refused a message of ours: it waits (slow mode, flood limit) or fails with the
   * code. False when the problem concerns no message waiting here.
   */
  refused(problem: ChatProblem): boolean {
    if (problem.clientId === null || this.#outbox.get(problem.clientId) === undefined) return false;
    if (WAIT_CODES.has(problem.code) && problem.retryAfterSeconds !== null) {
      this.#postpone(problem.clientId, problem.code, problem.retryAfterSeconds);
    } else {
      this.#outbox.reject(problem.clientId, problem.code);
      this.emit(new SendRefusedEvent(problem.code, problem.until));
    }
    this.#scheduleAckTimer();
    this.#changed('outbox');
    return true;
  }

  /** Stops the timers; later sends and events may start them again. */
  stop(): void {
    clearTimeout(this.#ackTimer);
    clearTimeout(this.#waitTimer);
  }

  /** Stops for good: no timer starts again and nothing more is told. */
  close(): void {
    this.#closed = true;
    this.stop();
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
      const refusal = this.#refusalNow();
      for (const entry of due) {
        if (refusal === null) {
          this.#send(entry.clientId);
        } else {
          this.#outbox.reject(entry.clientId, refusal);
        }
      }
      this.#scheduleAckTimer();
      this.#changed('outbox');
    }
    this.emit(new RoomChangedEvent());
    this.#scheduleWaitTimer();
  }

  #send(clientId: string): void {
    const entry = this.#outbox.get(clientId);
    if (entry === undefined) return;
    if (this.#transmit(this.#roomId, clientId, entry.body, entry.sensitive)) {
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
    this.#ackTimer = setTimeout(
      () => {
        if (this.#outbox.expire(this.#now()).length > 0) this.#changed('outbox');
        this.#scheduleAckTimer();
      },
      Math.max(0, next - this.#now()),
    );
  }

  #changed(change: MessagesChangedEvent['change']): void {
    if (!this.#closed) this.emit(new MessagesChangedEvent(change));
  }
}
