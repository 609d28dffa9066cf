import type { ApiClient } from '../api/api-client.ts';
import { type PresentMember, fetchPresence } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { PresenceChangedEvent } from './events.ts';
import { type PresenceEntry, PresenceRoster } from './presence.ts';
import { type PresenceChange, toPresentMember } from './protocol.ts';

/** What the presence store tells its room: the "here now" list changed. */
export type RoomPresenceEventMap = {
  'presence-changed': PresenceChangedEvent;
};

export type RoomPresenceOptions = {
  api: ApiClient;
  roomId: string;
};

/**
 * Who has one room open: the server's snapshot, read after each (re)connect, with the joined and
 * left events applied on top. Only the newest snapshot asked for counts.
 */
export class RoomPresence extends TypedEventTarget<RoomPresenceEventMap> {
  readonly #api: ApiClient;
  readonly #roomId: string;
  readonly #roster = new PresenceRoster();
  #round = 0;
  #closed = false;

  constructor(options: RoomPresenceOptions) {
    super();
    this.#api = options.api;
    this.#roomId = options.roomId;
  }

  /** The list to show; `self` (you, while connected) is added when given. */
  list(selfId: UserId, self: PresentMember | null, locale: string): PresenceEntry[] {
    return this.#roster.list(selfId, self, locale);
  }

  /** Reads the snapshot; changes that arrive meanwhile are applied on top of it. */
  async load(): Promise<void> {
    const round = ++this.#round;
    this.#roster.hold();
    try {
      const members = await fetchPresence(this.#api, this.#roomId);
      if (this.#closed || round !== this.#round) return;
      const list: unknown[] = Array.isArray(members) ? members : [];
      this.#roster.replace(list.map(toPresentMember).filter((member): member is PresentMember => member !== null));
    } catch {
      if (round !== this.#round) return;
      this.#roster.release();
    }
    if (!this.#closed) this.emit(new PresenceChangedEvent());
  }

  /** Someone joined or left (the room is checked by the caller). */
  apply(change: PresenceChange): void {
    this.#roster.apply(change);
    this.emit(new PresenceChangedEvent());
  }

  /** Stops: snapshots that arrive later are dropped. */
  close(): void {
    this.#closed = true;
  }
}
