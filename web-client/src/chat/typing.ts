import type { TextRef } from '../i18n/dom.ts';

/** How long someone counts as typing after their last typing notice. */
export const TYPING_TTL_MS = 5000;
/** At most one typing notice of our own per this interval. */
export const TYPING_INTERVAL_MS = 3000;

type Typist = {
  displayName: string;
  expiresAt: number;
};

/** Who else is typing in a room; each entry lapses on its own. */
export class TypingTracker {
  readonly #typists = new Map<string, Typist>();
  readonly #ttlMs: number;

  constructor(ttlMs = TYPING_TTL_MS) {
    this.#ttlMs = ttlMs;
  }

  /** A typing notice arrived; the newest one sets the expiry. Keeps the order people started in. */
  note(accountId: string, displayName: string, now: number): void {
    const existing = this.#typists.get(accountId);
    if (existing !== undefined && existing.expiresAt > now) {
      existing.displayName = displayName;
      existing.expiresAt = now + this.#ttlMs;
      return;
    }
    this.#typists.delete(accountId);
    this.#typists.set(accountId, { displayName, expiresAt: now + this.#ttlMs });
  }

  /** They sent their message (or left): they are no longer typing. */
  remove(accountId: string): boolean {
    return this.#typists.delete(accountId);
  }

  clear(): void {
    this.#typists.clear();
  }

  /** Drops lapsed entries; says whether any were dropped. */
  prune(now: number): boolean {
    let changed = false;
    for (const [accountId, typist] of this.#typists) {
      if (typist.expiresAt <= now) {
        this.#typists.delete(accountId);
        changed = true;
      }
    }
    return changed;
  }

  /** The names of those typing now, in the order they started. */
  names(now: number): string[] {
    return [...this.#typists.values()].filter((typist) => typist.expiresAt > now).map((typist) => typist.displayName);
  }

  /** When the next entry lapses. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const typist of this.#typists.values()) {
      if (next === null || typist.expiresAt < next) next = typist.expiresAt;
    }
    return next;
  }
}

/** Limits our own typing notices to one per interval; a sent message starts afresh. */
export class TypingThrottle {
  readonly #intervalMs: number;
  #lastSent: number | null = null;

  constructor(intervalMs = TYPING_INTERVAL_MS) {
    this.#intervalMs = intervalMs;
  }

  /** True when a notice may go out now; records it as sent. */
  take(now: number): boolean {
    if (this.#lastSent !== null && now - this.#lastSent < this.#intervalMs) return false;
    this.#lastSent = now;
    return true;
  }

  reset(): void {
    this.#lastSent = null;
  }
}

/** "Anna kirjoittaa…", "Anna ja Matti kirjoittavat…", "Useampi kirjoittaa…", or nothing. */
export function typingLine(names: readonly string[]): TextRef | null {
  const [first, second] = names;
  if (first === undefined) return null;
  if (second === undefined) return { keys: ['chat.typing.one'], params: { name: first } };
  if (names.length === 2) return { keys: ['chat.typing.two'], params: { first, second } };
  return { keys: ['chat.typing.many'] };
}
