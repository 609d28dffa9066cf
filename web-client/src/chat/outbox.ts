/**
 * Why a message is not sent yet. Only `rejected` needs the person to act; `wait` goes again by
 * itself once the server's wait (slow mode, flood limit) is over.
 */
export type FailReason = 'offline' | 'timeout' | 'rejected' | 'wait';

export type OutgoingState = 'pending' | 'failed';

/** A message written here that the server has not acknowledged yet. */
export type Outgoing = {
  readonly clientId: string;
  readonly body: string;
  /** Marked as sensitive (a content note); every send of it carries the same mark. */
  readonly sensitive: boolean;
  readonly createdAt: number;
  readonly state: OutgoingState;
  readonly reason: FailReason | null;
  /** The server's error code when it refused the message. */
  readonly errorCode: string | null;
  /** Counts sends, so that a late timer of an earlier attempt changes nothing. */
  readonly attempt: number;
  /** While pending: when the acknowledgement is overdue. */
  readonly deadline: number | null;
  /** While waiting: when it may go again. */
  readonly retryAt: number | null;
};

/**
 * Messages on their way, by client id: pending (sent, waiting for the server's ack) or failed
 * (refused, unconfirmed in time, or written while disconnected). Every send of one message
 * carries the same client id, so the server stores it once however often it is retried.
 */
export class Outbox {
  readonly #entries = new Map<string, Outgoing>();
  readonly #timeoutMs: number;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /** In the order they were written. */
  get entries(): readonly Outgoing[] {
    return [...this.#entries.values()];
  }

  get size(): number {
    return this.#entries.size;
  }

  get(clientId: string): Outgoing | undefined {
    return this.#entries.get(clientId);
  }

  /** A new message, pending until it goes out (`sent`) or cannot (`unsent`); `sensitive` marks it with a content note. */
  add(clientId: string, body: string, now: number, sensitive = false): Outgoing {
    const entry: Outgoing = {
      clientId,
      body,
      sensitive,
      createdAt: now,
      state: 'pending',
      reason: null,
      errorCode: null,
      attempt: 0,
      deadline: null,
      retryAt: null,
    };
    this.#entries.set(clientId, entry);
    return entry;
  }

  /** The message went out (again): pending until acknowledged or overdue. */
  sent(clientId: string, now: number): Outgoing | undefined {
    return this.#update(clientId, (entry) => ({
      ...entry,
      state: 'pending',
      reason: null,
      errorCode: null,
      attempt: entry.attempt + 1,
      deadline: now + this.#timeoutMs,
      retryAt: null,
    }));
  }

  /** It could not go out because the connection is down. */
  unsent(clientId: string): Outgoing | undefined {
    return this.#update(clientId, (entry) => failed(entry, 'offline', null));
  }

  /** The server stored it: it leaves the outbox and becomes an ordinary message. */
  ack(clientId: string): Outgoing | undefined {
    const entry = this.#entries.get(clientId);
    this.#entries.delete(clientId);
    return entry;
  }

  /** The server refused it with an error code. */
  reject(clientId: string, code: string): Outgoing | undefined {
    return this.#update(clientId, (entry) => failed(entry, 'rejected', code));
  }

  /** The server asked to wait before this one goes again (`code` says why); it keeps its place. */
  postpone(clientId: string, code: string, retryAt: number): Outgoing | undefined {
    return this.#update(clientId, (entry) => ({ ...failed(entry, 'wait', code), retryAt }));
  }

  /** Waiting messages whose wait is over, in the order written. */
  due(now: number): Outgoing[] {
    return this.entries.filter((entry) => entry.reason === 'wait' && entry.retryAt !== null && entry.retryAt <= now);
  }

  /** The earliest moment a waiting message may go again. */
  nextRetry(): number | null {
    let next: number | null = null;
    for (const entry of this.#entries.values()) {
      if (entry.reason === 'wait' && entry.retryAt !== null && (next === null || entry.retryAt < next)) {
        next = entry.retryAt;
      }
    }
    return next;
  }

  /** Pending messages whose acknowledgement is overdue become failed; returns them. */
  expire(now: number): Outgoing[] {
    const expired: Outgoing[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.state === 'pending' && entry.deadline !== null && entry.deadline <= now) {
        expired.push(this.#update(entry.clientId, (current) => failed(current, 'timeout', null)) ?? entry);
      }
    }
    return expired;
  }

  /** The connection dropped: nothing pending can be acknowledged on it any more. */
  disconnected(): Outgoing[] {
    const changed: Outgoing[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.state === 'pending') {
        changed.push(this.#update(entry.clientId, (current) => failed(current, 'offline', null)) ?? entry);
      }
    }
    return changed;
  }

  /**
   * What to send again by itself after a reconnect: all but what the server refused, and what
   * waits for its time (that goes when the wait is over).
   */
  resendable(): Outgoing[] {
    return this.entries.filter((entry) => entry.state === 'failed' && (entry.reason === 'offline' || entry.reason === 'timeout'));
  }

  /** The earliest moment a pending message becomes overdue. */
  nextDeadline(): number | null {
    let next: number | null = null;
    for (const entry of this.#entries.values()) {
      if (entry.state === 'pending' && entry.deadline !== null && (next === null || entry.deadline < next)) {
        next = entry.deadline;
      }
    }
    return next;
  }

  #update(clientId: string, change: (entry: Outgoing) => Outgoing): Outgoing | undefined {
    const entry = this.#entries.get(clientId);
    if (entry === undefined) return undefined;
    const next = change(entry);
    this.#entries.set(clientId, next);
    return next;
  }
}

function failed(entry: Outgoing, reason: FailReason, errorCode: string | null): Outgoing {
  return { ...entry, state: 'failed', reason, errorCode, deadline: null, retryAt: null };
}
