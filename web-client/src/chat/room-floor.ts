import type { ApiClient } from '../api/api-client.ts';
import type { RoomId } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';
import { type FloorEvent, type RaisedHand, applyFloorEvent, toRaisedHand } from './floor.ts';

/**
 * One room's raised hands as this screen knows them: read from the server when the room opens
 * and after each reconnect, kept in step by the floor topic, and the person's own actions (raise,
 * lower, pass) and a facilitator's (give the turn, start a new round).
 */
export class RoomFloor {
  readonly #api: ApiClient;
  readonly #path: string;
  readonly #changed: (turnTo: UserId | null) => void;
  #queue: RaisedHand[] = [];

  constructor(api: ApiClient, roomId: RoomId, changed: (turnTo: UserId | null) => void) {
    this.#api = api;
    this.#path = `/api/rooms/${encodeURIComponent(String(roomId))}`;
    this.#changed = changed;
  }

  /** Hands in the order they went up. */
  get queue(): readonly RaisedHand[] {
    return this.#queue;
  }

  /** The person's place in the queue, from 1; null when their hand is down. */
  placeOf(accountId: UserId): number | null {
    const index = this.#queue.findIndex((hand) => String(hand.accountId) === String(accountId));
    return index < 0 ? null : index + 1;
  }

  /** Reads the queue again; a failure keeps what is shown (the next reconnect asks again). */
  async load(): Promise<void> {
    try {
      const list = await this.#api.get<unknown[]>(`${this.#path}/hands`);
      this.#queue = (Array.isArray(list) ? list : []).map(toRaisedHand).filter((hand): hand is RaisedHand => hand !== null);
      this.#changed(null);
    } catch {
      // Shown as it was; the floor topic and the next reconnect bring it up to date.
    }
  }

  apply(event: FloorEvent): void {
    this.#queue = applyFloorEvent(this.#queue, event);
    this.#changed(event.type === 'turn-given' ? event.accountId : null);
  }

  async raise(): Promise<void> {
    const hand = toRaisedHand(await this.#api.post<unknown>(`${this.#path}/hand`, {}));
    if (hand !== null) this.#queue = applyFloorEvent(this.#queue, { type: 'hand-raised', roomId: '', hand });
    this.#changed(null);
  }

  async lower(accountId: UserId): Promise<void> {
    await this.#api.request<void>('DELETE', `${this.#path}/hand`);
    this.apply({ type: 'hand-lowered', roomId: '', accountId });
  }

  async pass(accountId: UserId, displayName: string): Promise<void> {
    await this.#api.post<void>(`${this.#path}/pass`, {});
    this.apply({ type: 'passed', roomId: '', accountId, displayName });
  }

  async giveTurn(accountId: UserId): Promise<void> {
    await this.#api.post<void>(`${this.#path}/hands/${encodeURIComponent(String(accountId))}/turn`, {});
  }

  async clear(): Promise<void> {
    await this.#api.request<void>('DELETE', `${this.#path}/hands`);
    this.apply({ type: 'hands-cleared', roomId: '' });
  }
}
