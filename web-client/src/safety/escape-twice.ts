/** Two presses of Escape within this many milliseconds leave the service. */
export const ESCAPE_TWICE_WINDOW_MS = 1000;

/**
 * Recognises the quick-exit shortcut: Escape pressed twice in a row, the second press within
 * a second of the first. Any other key in between starts over, and holding Escape down (the
 * browser's key repeat) counts as one press, so a single long press never leaves. An Escape that
 * closed something (a dialog, a menu, a panel) is not a press toward leaving: it starts over too.
 */
export class EscapeTwice {
  readonly #windowMs: number;
  #last: number | null = null;

  constructor(windowMs = ESCAPE_TWICE_WINDOW_MS) {
    this.#windowMs = windowMs;
  }

  /**
   * Takes one key press (`time` in ms, any monotonic clock; `closedSomething`: the press closed a
   * dialog, menu or panel); true when it completes the pair.
   */
  press(key: string, time: number, repeat = false, closedSomething = false): boolean {
    if (key !== 'Escape' || closedSomething) {
      this.#last = null;
      return false;
    }
    if (repeat) return false;
    if (this.#last !== null && time - this.#last <= this.#windowMs) {
      this.#last = null;
      return true;
    }
    this.#last = time;
    return false;
  }
}
