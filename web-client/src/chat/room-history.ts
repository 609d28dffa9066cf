import type { ApiClient } from '../api/api-client.ts';
import { problemOf } from '../api/problem.ts';
import { type ChatMessage, type MessagePage, type MessageRevision, fetchMessages } from '../api/rooms.ts';
import { problemText } from '../forms/problem-text.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import type { TextLimits } from '../text/text-limits.ts';
import { MessagesChangedEvent, RoomChangedEvent, RoomNoticeEvent } from './events.ts';
import { toChatMessage } from './protocol.ts';
import { Timeline, highestSeq } from './timeline.ts';

/** Messages asked for when opening a room and for each step back into its history. */
export const HISTORY_PAGE_SIZE = 50;
/** Messages asked for in each page of a catch-up. */
export const CATCH_UP_PAGE_SIZE = 200;

/** What the history tells its room: the list changed, loading earlier started or ended, or it could not. */
export type RoomHistoryEventMap = {
  'messages-changed': MessagesChangedEvent;
  'room-changed': RoomChangedEvent;
  'room-notice': RoomNoticeEvent;
};

export type RoomHistoryOptions = {
  api: ApiClient;
  roomId: string;
  /** Seqs of the messages a facilitator removed, shown without their text wherever they turn up. */
  removedSeqs: () => ReadonlySet<number>;
  /** The server's limits: its largest history page caps the pages asked for. */
  limits: TextLimits;
};

function validMessages(page: MessagePage | undefined): ChatMessage[] {
  const list: unknown[] = Array.isArray(page?.messages) ? page.messages : [];
  return list.map(toChatMessage).filter((message): message is ChatMessage => message !== null);
}

function lastSeqOf(page: MessagePage | undefined): number {
  const value = page?.lastSeq;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * One room's messages as this screen has them: the newest page of history, earlier pages on
 * request, live messages, and the catch-up that fills any gap in seqs from the server's history
 * (after a skipped seq, or a reconnect).
 */
export class RoomHistory extends TypedEventTarget<RoomHistoryEventMap> {
  readonly #api: ApiClient;
  readonly #roomId: string;
  readonly #removedSeqs: () => ReadonlySet<number>;
  readonly #limits: TextLimits;
  readonly #timeline = new Timeline();
  #hasEarlier = false;
  #loadingEarlier = false;
  #catchingUp = false;
  #catchUpAgain = false;
  #closed = false;

  constructor(options: RoomHistoryOptions) {
    super();
    this.#api = options.api;
    this.#roomId = options.roomId;
    this.#removedSeqs = options.removedSeqs;
    this.#limits = options.limits;
  }

  /** In seq order, each once. */
  get messages(): readonly ChatMessage[] {
    return this.#timeline.messages;
  }

  get hasEarlier(): boolean {
    return this.#hasEarlier;
  }

  get loadingEarlier(): boolean {
    return this.#loadingEarlier;
  }

  /** Asks for the newest page; `begin` shows it. */
  latestPage(): Promise<MessagePage> {
    return fetchMessages(this.#api, this.#roomId, { limit: this.#pageSize(HISTORY_PAGE_SIZE) });
  }

  /** Shows the newest page: nothing is missing up to the room's last seq it tells. */
  begin(page: MessagePage): void {
    const messages = validMessages(page);
    this.#timeline.merge(messages);
    this.#applyRemovals();
    this.#timeline.settle(Math.max(highestSeq(messages) ?? 0, lastSeqOf(page)));
    this.#hasEarlier = messages.length >= this.#pageSize(HISTORY_PAGE_SIZE) && (this.#timeline.oldestSeq ?? 1) > 1;
  }

  /** Loads the page before the oldest message shown; a failure is told as a room notice. */
  async loadEarlier(): Promise<void> {
    const oldest = this.#timeline.oldestSeq;
    if (this.#loadingEarlier || !this.#hasEarlier || oldest === null || this.#closed) return;
    this.#loadingEarlier = true;
    this.emit(new RoomChangedEvent());
    try {
      const size = this.#pageSize(HISTORY_PAGE_SIZE);
      const page = await fetchMessages(this.#api, this.#roomId, { beforeSeq: oldest, limit: size });
      if (this.#closed) return;
      const messages = validMessages(page);
      this.#timeline.merge(messages);
      this.#applyRemovals();
      const reached = this.#timeline.oldestSeq ?? oldest;
      this.#hasEarlier = messages.length >= size && reached < oldest && reached > 1;
      this.#changed('earlier');
    } catch (error) {
      if (!this.#closed) this.emit(new RoomNoticeEvent(problemText(problemOf(error))));
    } finally {
      this.#loadingEarlier = false;
      if (!this.#closed) this.emit(new RoomChangedEvent());
    }
  }

  /**
   * A message that arrived live (or an acknowledged one of our own). Always tells of a change:
   * the message may have left the outbox even when it was shown already. A skipped seq starts a
   * catch-up.
   */
  receive(message: ChatMessage): void {
    const arrival = this.#timeline.receive(message);
    if (this.#removedSeqs().has(message.seq)) this.#timeline.markRemoved(message.seq);
    this.#changed('live');
    if (arrival.gap) void this.catchUp();
  }

  /** A writer edited or removed a message: shown at once if it is here; history brings it otherwise. */
  revise(revision: MessageRevision): void {
    const changed =
      revision.type === 'deleted'
        ? this.#timeline.markRemoved(revision.seq, true)
        : this.#timeline.markEdited(revision.seq, revision.body, revision.editedAt);
    if (changed) this.#changed(revision.type === 'deleted' ? 'removed' : 'live');
  }

  /** Shows every removed message without its text; tells of a change when any was shown. */
  showRemovals(): void {
    if (this.#applyRemovals()) this.#changed('removed');
  }

  /**
   * Fetches everything after the last seq known without gaps, a page at a time until a page
   * comes back short. A request for another round while one runs is remembered, not doubled.
   * A failure loses nothing: the next gap or reconnect asks again.
   */
  async catchUp(): Promise<void> {
    if (this.#catchingUp) {
      this.#catchUpAgain = true;
      return;
    }
    this.#catchingUp = true;
    try {
      do {
        this.#catchUpAgain = false;
        if (!(await this.#catchUpRound())) return;
      } while (this.#catchUpAgain && !this.#closed);
    } catch {
      // Nothing lost: the next gap or reconnect asks again.
    } finally {
      this.#catchingUp = false;
    }
  }

  /** Stops: nothing more is told. */
  close(): void {
    this.#closed = true;
  }

  /** Pages after the last seq known without gaps until one comes back short; false when closed meanwhile. */
  async #catchUpRound(): Promise<boolean> {
    const size = this.#pageSize(CATCH_UP_PAGE_SIZE);
    for (;;) {
      const after = this.#timeline.last;
      const page = await fetchMessages(this.#api, this.#roomId, { afterSeq: after, limit: size });
      if (this.#closed) return false;
      const messages = validMessages(page);
      const added = this.#timeline.merge(messages);
      if (added > 0) this.#applyRemovals();
      const highest = highestSeq(messages) ?? after;
      const full = messages.length >= size;
      this.#timeline.settle(full ? highest : Math.max(highest, lastSeqOf(page)));
      if (added > 0) this.#changed('catch-up');
      if (!full || highest <= after) return true;
    }
  }

  /**
   * The page to ask for: `wanted`, or fewer when the server's pages hold fewer. A page that
   * comes back this full may have more behind it; a shorter one is the end.
   */
  #pageSize(wanted: number): number {
    const most = this.#limits.count('historyPage');
    return most === null ? wanted : Math.max(1, Math.min(wanted, most));
  }

  /** Marks every removed message that is shown; true when any changed. */
  #applyRemovals(): boolean {
    let changed = false;
    for (const seq of this.#removedSeqs()) {
      if (this.#timeline.markRemoved(seq)) changed = true;
    }
    return changed;
  }

  #changed(change: MessagesChangedEvent['change']): void {
    if (!this.#closed) this.emit(new MessagesChangedEvent(change));
  }
}
