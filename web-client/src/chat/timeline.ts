import type { ChatMessage } from '../api/rooms.ts';

/** What a live message did to the timeline. */
export type Arrival = {
  /** The message was new (not a repeat of one already shown). */
  added: boolean;
  /** Messages before it are missing: fetch them. */
  gap: boolean;
};

/**
 * The messages of one room, always in seq order and never twice, with the highest seq up to
 * which nothing is missing (`last`). Live messages that skip ahead of `last` reveal a gap;
 * history fetched after `last` fills it, and `settle` records that it is filled.
 */
export class Timeline {
  #messages: ChatMessage[] = [];
  readonly #seqs = new Set<number>();
  #last = 0;

  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  /** The highest seq up to which every message is known. */
  get last(): number {
    return this.#last;
  }

  get oldestSeq(): number | null {
    return this.#messages[0]?.seq ?? null;
  }

  get newestSeq(): number | null {
    return this.#messages.at(-1)?.seq ?? null;
  }

  has(seq: number): boolean {
    return this.#seqs.has(seq);
  }

  /**
   * Adds the messages whose seq is not shown yet, and takes a writer's later edit or removal of
   * one that is; returns how many were new.
   */
  merge(messages: readonly ChatMessage[]): number {
    let added = 0;
    for (const message of messages) {
      if (this.#seqs.has(message.seq)) {
        if (message.removed) this.markRemoved(message.seq, message.removedByWriter === true);
        else if (message.editedAt) this.markEdited(message.seq, message.body, message.editedAt);
        continue;
      }
      this.#seqs.add(message.seq);
      this.#insert(message);
      added += 1;
    }
    return added;
  }

  /**
   * Records that the server has nothing missing up to `seq` (after a complete fetch, or the
   * newest page of history), then moves past any messages that follow without a gap.
   */
  settle(seq: number): void {
    if (seq > this.#last) this.#last = seq;
    this.#advance();
  }

  /**
   * The message was removed (by a facilitator, or by its writer: `byWriter`): it keeps its place
   * but loses its text. False when it is not here (yet) or was removed already.
   */
  markRemoved(seq: number, byWriter = false): boolean {
    const index = this.#indexOf(seq);
    const message = this.#messages[index];
    if (message === undefined || message.removed) return false;
    this.#messages[index] = { ...message, body: '', removed: true, removedByWriter: byWriter, editedAt: null };
    return true;
  }

  /**
   * Its writer edited the message: the new text, unless an edit as late or later is shown
   * already (a live edit and a page of history may arrive in either order). False when nothing
   * changed.
   */
  markEdited(seq: number, body: string, editedAt: string): boolean {
    const index = this.#indexOf(seq);
    const message = this.#messages[index];
    if (message === undefined || message.removed || !later(editedAt, message.editedAt)) return false;
    this.#messages[index] = { ...message, body, editedAt };
    return true;
  }

  #indexOf(seq: number): number {
    return this.#seqs.has(seq) ? this.#messages.findIndex((message) => message.seq === seq) : -1;
  }

  /** A message that arrived live. */
  receive(message: ChatMessage): Arrival {
    const added = this.merge([message]) > 0;
    this.#advance();
    return { added, gap: message.seq > this.#last };
  }

  #advance(): void {
    while (this.#seqs.has(this.#last + 1)) {
      this.#last += 1;
    }
  }

  /** Binary insertion: messages mostly arrive at the end, older pages at the start. */
  #insert(message: ChatMessage): void {
    const list = this.#messages;
    const newest = list.at(-1);
    if (newest === undefined || newest.seq < message.seq) {
      list.push(message);
      return;
    }
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((list[middle]?.seq ?? 0) < message.seq) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    list.splice(low, 0, message);
  }
}

/** Whether the instant `candidate` comes after `current` (no instant at all comes before any). */
function later(candidate: string, current: string | null | undefined): boolean {
  if (current === null || current === undefined) return true;
  return Date.parse(candidate) > Date.parse(current);
}

/** The newest seq in a page, or null for an empty page. */
export function highestSeq(messages: readonly ChatMessage[]): number | null {
  let highest: number | null = null;
  for (const message of messages) {
    if (highest === null || message.seq > highest) highest = message.seq;
  }
  return highest;
}
