import type { RoomId } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';

/** One raised hand, in the order hands went up. */
export type RaisedHand = { accountId: UserId; displayName: string; raisedAt: string };

/** What the room's floor topic tells: hands up and down, a turn given, a pass, a new round. */
export type FloorEvent =
  | { type: 'hand-raised'; roomId: RoomId; hand: RaisedHand }
  | { type: 'hand-lowered'; roomId: RoomId; accountId: UserId }
  | { type: 'turn-given'; roomId: RoomId; accountId: UserId; displayName: string }
  | { type: 'passed'; roomId: RoomId; accountId: UserId; displayName: string }
  | { type: 'hands-cleared'; roomId: RoomId };

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function id(value: unknown): string | number | null {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A raised hand from the server, or null when it does not look like one. */
export function toRaisedHand(value: unknown): RaisedHand | null {
  const json = record(value);
  const accountId = id(json?.['accountId']);
  const displayName = text(json?.['displayName']);
  const raisedAt = text(json?.['raisedAt']);
  return accountId === null || displayName === null || raisedAt === null ? null : { accountId, displayName, raisedAt };
}

/** A floor event from the room's topic, or null for anything else. */
export function toFloorEvent(value: unknown): FloorEvent | null {
  const json = record(value);
  const roomId = id(json?.['roomId']);
  if (json === null || roomId === null) return null;
  const accountId = id(json['accountId']);
  const displayName = text(json['displayName']);
  switch (json['type']) {
    case 'hand-raised': {
      const hand = toRaisedHand(json);
      return hand === null ? null : { type: 'hand-raised', roomId, hand };
    }
    case 'hand-lowered':
      return accountId === null ? null : { type: 'hand-lowered', roomId, accountId };
    case 'turn-given':
    case 'passed':
      return accountId === null || displayName === null ? null : { type: json['type'], roomId, accountId, displayName };
    case 'hands-cleared':
      return { type: 'hands-cleared', roomId };
    default:
      return null;
  }
}

/** The queue after an event: hands in the order raised, each person once. */
export function applyFloorEvent(queue: readonly RaisedHand[], event: FloorEvent): RaisedHand[] {
  switch (event.type) {
    case 'hand-raised':
      return queue.some((hand) => String(hand.accountId) === String(event.hand.accountId)) ? [...queue] : [...queue, event.hand];
    case 'hand-lowered':
    case 'turn-given':
    case 'passed':
      return queue.filter((hand) => String(hand.accountId) !== String(event.accountId));
    case 'hands-cleared':
      return [];
  }
}
