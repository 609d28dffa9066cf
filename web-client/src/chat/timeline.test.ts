import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../api/rooms.ts';
import { Timeline, highestSeq } from './timeline.ts';

function message(seq: number, body = `viesti ${seq}`): ChatMessage {
  return {
    seq,
    id: `m${seq}`,
    roomId: 1,
    authorId: 7,
    authorDisplayName: 'Anna',
    authorRole: 'PARTICIPANT',
    body,
    sentAt: '2026-11-23T16:00:00Z',
    removed: false,
  };
}

const seqs = (timeline: Timeline) => timeline.messages.map((entry) => entry.seq);

describe('timeline', () => {
  it('keeps messages sorted by seq whatever order they come in', () => {
    const timeline = new Timeline();
    timeline.merge([message(5), message(2), message(9)]);
    timeline.merge([message(1), message(7)]);
    timeline.merge([message(10), message(3)]);
    expect(seqs(timeline)).toEqual([1, 2, 3, 5, 7, 9, 10]);
    expect(timeline.oldestSeq).toBe(1);
    expect(timeline.newestSeq).toBe(10);
  });

  it('never shows a seq twice; the first copy stays', () => {
    const timeline = new Timeline();
    expect(timeline.merge([message(1), message(2)])).toBe(2);
    expect(timeline.merge([message(2, 'toinen kopio'), message(3), message(3)])).toBe(1);
    expect(seqs(timeline)).toEqual([1, 2, 3]);
    expect(timeline.messages[1]?.body).toBe('viesti 2');
  });

  it('counts the newest page of history as complete up to its last seq', () => {
    const timeline = new Timeline();
    timeline.merge([message(51), message(52), message(53)]);
    timeline.settle(53);
    expect(timeline.last).toBe(53);
  });

  it('moves on with each live message that follows the last one', () => {
    const timeline = new Timeline();
    timeline.settle(3);
    expect(timeline.receive(message(4))).toEqual({ added: true, gap: false });
    expect(timeline.receive(message(5))).toEqual({ added: true, gap: false });
    expect(timeline.last).toBe(5);
  });

  it('reports a gap when a live message skips ahead, and keeps the last seq where it was', () => {
    const timeline = new Timeline();
    timeline.settle(3);
    expect(timeline.receive(message(6))).toEqual({ added: true, gap: true });
    expect(timeline.last).toBe(3);
    expect(seqs(timeline)).toEqual([6]);
  });

  it('closes the gap when the missing messages are fetched', () => {
    const timeline = new Timeline();
    timeline.settle(3);
    timeline.receive(message(6));
    timeline.merge([message(4), message(5), message(6)]);
    timeline.settle(6);
    expect(timeline.last).toBe(6);
    expect(timeline.receive(message(7)).gap).toBe(false);
  });

  it('moves past messages that had already arrived once the gap before them is filled', () => {
    const timeline = new Timeline();
    timeline.settle(1);
    timeline.receive(message(3));
    timeline.receive(message(4));
    expect(timeline.receive(message(2))).toEqual({ added: true, gap: false });
    expect(timeline.last).toBe(4);
  });

  it('does not treat a repeated or older message as a gap', () => {
    const timeline = new Timeline();
    timeline.merge([message(1), message(2)]);
    timeline.settle(2);
    expect(timeline.receive(message(2))).toEqual({ added: false, gap: false });
    expect(timeline.receive(message(1))).toEqual({ added: false, gap: false });
  });

  it('lets the server say a seq is done even when no message with it is shown', () => {
    const timeline = new Timeline();
    timeline.merge([message(1), message(3)]);
    timeline.settle(3);
    expect(timeline.last).toBe(3);
    expect(timeline.receive(message(4)).gap).toBe(false);
  });

  it("takes a writer's edit once, in whichever order the live edit and a page of history come", () => {
    const timeline = new Timeline();
    timeline.merge([message(1), message(2)]);
    expect(timeline.markEdited(1, 'muokattu kerran', '2026-11-23T16:01:00Z')).toBe(true);
    // A page fetched before that edit does not take it back ...
    timeline.merge([message(1)]);
    expect(timeline.messages[0]?.body).toBe('muokattu kerran');
    // ... a later edit in history is taken, and an older live edit arriving after it is not.
    timeline.merge([{ ...message(1, 'muokattu toisen kerran'), editedAt: '2026-11-23T16:02:00Z' }]);
    expect(timeline.markEdited(1, 'muokattu kerran', '2026-11-23T16:01:00Z')).toBe(false);
    expect(timeline.messages[0]).toMatchObject({ body: 'muokattu toisen kerran', editedAt: '2026-11-23T16:02:00Z' });
    expect(timeline.markEdited(9, 'ei täällä', '2026-11-23T16:03:00Z')).toBe(false);
  });

  it("marks a writer's removal, from live or from history, and edits nothing after it", () => {
    const timeline = new Timeline();
    timeline.merge([message(1), message(2)]);
    expect(timeline.markRemoved(1, true)).toBe(true);
    expect(timeline.messages[0]).toMatchObject({ body: '', removed: true, removedByWriter: true });
    expect(timeline.markEdited(1, 'takaisin', '2026-11-23T16:05:00Z')).toBe(false);
    timeline.merge([{ ...message(2, ''), removed: true, removedByWriter: false }]);
    expect(timeline.messages[1]).toMatchObject({ removed: true, removedByWriter: false });
  });

  it('finds the highest seq of a page', () => {
    expect(highestSeq([message(3), message(9), message(4)])).toBe(9);
    expect(highestSeq([])).toBeNull();
  });
});
