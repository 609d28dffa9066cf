import type { ChatMessage } from '../api/rooms.ts';
import type { SendResult } from './room-chat.ts';

/**
 * How a message marked with a content note (`sensitive`) shows to one reader:
 * - `plain`: not marked, removed, or the service's own crisis message: the text as usual;
 * - `tagged`: the reader's own marked message: the text, with a small "content note" tag;
 * - `veiled`: someone else's marked message: a short note and a button, and no text until asked;
 * - `revealed`: the same after the reader asked to see it: the note, the text, and a button to
 *   hide it again.
 * Reviewers and facilitators read the room the same way; their tools act on the message as usual.
 */
export type ContentNoteView = 'plain' | 'tagged' | 'veiled' | 'revealed';

export function contentNoteView(
  message: Pick<ChatMessage, 'sensitive' | 'removed' | 'kind'>,
  own: boolean,
  revealed: boolean,
): ContentNoteView {
  if (message.sensitive !== true || message.removed || message.kind === 'CRISIS') return 'plain';
  if (own) return 'tagged';
  return revealed ? 'revealed' : 'veiled';
}

/**
 * Whether the composer's content-note toggle stays on after a send: it goes off once the text
 * was taken (the next message starts unmarked), and stays on while the text stays in the composer
 * (a wait, or a text the composer refused), so the text goes marked when it goes.
 */
export function contentNoteAfterSend(result: SendResult, marked: boolean): boolean {
  return marked && result !== 'sent';
}

/**
 * The marked messages one reader has revealed in an open room, by seq: a revealed message stays
 * revealed while the room is open (also when the list redraws it), and veiled again next time.
 */
export class Reveals {
  readonly #seqs = new Set<number>();

  has(seq: number): boolean {
    return this.#seqs.has(seq);
  }

  /** Reveals a veiled message, or veils a revealed one again; returns whether it is revealed now. */
  toggle(seq: number): boolean {
    if (this.#seqs.delete(seq)) return false;
    this.#seqs.add(seq);
    return true;
  }
}
