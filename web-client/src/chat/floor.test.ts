import { describe, expect, it } from 'vitest';
import { applyFloorEvent, toFloorEvent } from './floor.ts';

const hand = (accountId: number, name: string) => ({ accountId, displayName: name, raisedAt: `2026-11-30T18:0${accountId}:00Z` });

describe('the floor: raised hands', () => {
  it('reads each event the server sends, and nothing else', () => {
    expect(toFloorEvent({ type: 'hand-raised', roomId: 1, accountId: 7, displayName: 'Anna', raisedAt: 'x' })).toEqual({
      type: 'hand-raised',
      roomId: 1,
      hand: { accountId: 7, displayName: 'Anna', raisedAt: 'x' },
    });
    expect(toFloorEvent({ type: 'turn-given', roomId: 1, accountId: 7, displayName: 'Anna', by: 2 })?.type).toBe('turn-given');
    expect(toFloorEvent({ type: 'passed', roomId: 1, accountId: 7, displayName: 'Anna' })?.type).toBe('passed');
    expect(toFloorEvent({ type: 'hands-cleared', roomId: 1 })?.type).toBe('hands-cleared');
    expect(toFloorEvent({ type: 'hand-raised', roomId: 1, accountId: 7 })).toBeNull();
    expect(toFloorEvent({ type: 'something', roomId: 1 })).toBeNull();
    expect(toFloorEvent('nonsense')).toBeNull();
  });

  it('keeps the queue in the order hands went up, each person once', () => {
    let queue = applyFloorEvent([], { type: 'hand-raised', roomId: 1, hand: hand(1, 'A') });
    queue = applyFloorEvent(queue, { type: 'hand-raised', roomId: 1, hand: hand(2, 'B') });
    queue = applyFloorEvent(queue, { type: 'hand-raised', roomId: 1, hand: hand(1, 'A') });
    expect(queue.map((entry) => entry.displayName)).toEqual(['A', 'B']);
    queue = applyFloorEvent(queue, { type: 'turn-given', roomId: 1, accountId: 1, displayName: 'A' });
    expect(queue.map((entry) => entry.displayName)).toEqual(['B']);
    queue = applyFloorEvent(queue, { type: 'passed', roomId: 1, accountId: 2, displayName: 'B' });
    expect(queue).toEqual([]);
    queue = applyFloorEvent([hand(3, 'C')], { type: 'hands-cleared', roomId: 1 });
    expect(queue).toEqual([]);
  });
});
