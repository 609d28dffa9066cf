import { TypedEventTarget } from '../state/typed-event-target.ts';
import type { TextRef } from '../i18n/dom.ts';
import { TypingChangedEvent } from './events.ts';
import { TypingThrottle, TypingTracker, typingLine } from './typing.ts';

/** What the typing store tells its room: the typing line changed. */
export type RoomTypingEventMap = {
  'typing-changed': TypingChangedEvent;
};

/**
 * The typing line of one room (who else is typing, each lapsing on their own timer) and the
 * throttle on this person's own typing notices.
 */
export class RoomTyping extends TypedEventTarget<RoomTypingEventMap> {
  readonly #now: () => number;
  readonly #tracker = new TypingTracker();
  readonly #throttle = new TypingThrottle();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  /** `now`: the clock, in ms since the epoch. */
  constructor(now: () => number) {
    super();
    this.#now = now;
  }

  /** "Anna kirjoittaa…" and the like, or null when nobody else is typing. */
  get line(): TextRef | null {
    return typingLine(this.#tracker.names(this.#now()));
  }

  /** Someone else's typing notice arrived. */
  noted(accountId: string, displayName: string): void {
    this.#tracker.note(accountId, displayName, this.#now());
    this.#scheduleExpiry();
    this.emit(new TypingChangedEvent());
  }

  /** Their message arrived, or they left: they no longer type. */
  stopped(accountId: string): void {
    if (this.#tracker.remove(accountId)) this.emit(new TypingChangedEvent());
  }

  /** Nobody types any more (the connection dropped, or the room closed); `tell` says whether to tell of it. */
  clear(tell: boolean): void {
    this.#tracker.clear();
    if (tell) this.emit(new TypingChangedEvent());
  }

  /** Whether a typing notice of our own may go now; records it as gone when so. */
  mayNotify(): boolean {
    return this.#throttle.take(this.#now());
  }

  /** A message of ours went: typing again shows anew at once. */
  sent(): void {
    this.#throttle.reset();
  }

  /** Stops the expiry timer; a later notice may start it again. */
  stop(): void {
    clearTimeout(this.#timer);
  }

  /** Stops for good: no timer starts again. */
  close(): void {
    this.#closed = true;
    this.stop();
  }

  #scheduleExpiry(): void {
    clearTimeout(this.#timer);
    const next = this.#tracker.nextExpiry();
    if (next === null || this.#closed) return;
    this.#timer = setTimeout(
      () => {
        if (this.#tracker.prune(this.#now())) this.emit(new TypingChangedEvent());
        this.#scheduleExpiry();
      },
      Math.max(0, next - this.#now()),
    );
  }
}
