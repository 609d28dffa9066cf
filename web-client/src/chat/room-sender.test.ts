import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACK_TIMEOUT_MS, RoomSender } from './room-sender.ts';
import type { ChatProblem } from './protocol.ts';

function problemFor(clientId: string, code: string, retryAfterSeconds: number | null = null, until: string | null = null): ChatProblem {
  return { code, message: null, clientId, roomId: 5, retryAfterSeconds, until };
}

function sender(options: { online?: () => boolean; refusal?: () => string | null } = {}) {
  const sent: string[] = [];
  /** The client ids that went with a content note. */
  const marked: string[] = [];
  let ids = 0;
  const store = new RoomSender({
    roomId: '5',
    transmit: (_roomId, clientId, _body, sensitive) => {
      if (options.online !== undefined && !options.online()) return false;
      sent.push(clientId);
      if (sensitive) marked.push(clientId);
      return true;
    },
    now: () => Date.now(),
    newClientId: () => `c${++ids}`,
    refusalNow: options.refusal ?? (() => null),
  });
  const changes: string[] = [];
  store.on('messages-changed', (event) => changes.push(event.change));
  return { store, sent, marked, changes };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('room sender', () => {
  it('sends under a new client id and settles on the ack or on the copy carrying that id', () => {
    const { store, sent, changes } = sender();
    store.send('Hei');
    store.send('Taas');
    expect(sent).toEqual(['c1', 'c2']);
    expect(changes).toEqual(['own', 'own']);
    expect(store.acknowledged({ clientId: 'c1', roomId: 5, seq: 4, messageId: 'm4', sentAt: 'x' })?.body).toBe('Hei');
    expect(store.settled('c2', 5)).toBe(true);
    expect(store.settled('c2', 5)).toBe(false);
    expect(store.settled(null, 6)).toBe(false);
    expect(store.outgoing).toEqual([]);
    expect([store.sentHere(4), store.sentHere(5)]).toEqual(['c1', 'c2']);
  });

  it('sends a message with a content note marked, and marked again when it waits out slow mode', () => {
    const { store, sent, marked } = sender();
    store.send('Raskas asia', true);
    store.send('Hei');
    store.refused(problemFor('c1', 'moderation.slow_mode', 3));
    vi.advanceTimersByTime(3_000);
    expect(sent).toEqual(['c1', 'c2', 'c1']);
    expect(marked).toEqual(['c1', 'c1']);
    expect(store.acknowledged({ clientId: 'c1', roomId: 5, seq: 4, messageId: 'm4', sentAt: 'x' })?.sensitive).toBe(true);
  });

  it('fails a message without an ack in time, and not one acknowledged before', () => {
    const { store } = sender();
    store.send('Hei');
    store.send('Taas');
    store.settled('c2', 4);
    vi.advanceTimersByTime(ACK_TIMEOUT_MS);
    expect(store.outgoing).toMatchObject([{ clientId: 'c1', state: 'failed', reason: 'timeout' }]);
  });

  it('tells of a refusal the room must heed, and not of a wait', () => {
    const { store } = sender();
    const refusals: [string, string | null][] = [];
    store.on('send-refused', (event) => refusals.push([event.code, event.until]));
    store.send('Hei');
    store.send('Taas');
    expect(store.refused(problemFor('c1', 'moderation.slow_mode', 10))).toBe(true);
    expect(store.refused(problemFor('c2', 'moderation.muted', null, '2026-11-23T17:00:00Z'))).toBe(true);
    expect(store.refused(problemFor('c9', 'moderation.muted'))).toBe(false);
    expect(refusals).toEqual([['moderation.muted', '2026-11-23T17:00:00Z']]);
    expect(store.waitReason).toBe('slow-mode');
  });

  it('sends a waiting message when the wait is over, or fails it with the refusal that holds then', () => {
    let refusal: string | null = null;
    const { store, sent } = sender({ refusal: () => refusal });
    store.send('Hei');
    store.send('Taas');
    store.refused(problemFor('c1', 'rate_limited', 2));
    store.refused(problemFor('c2', 'rate_limited', 4));
    expect(store.send('Kolmas')).toBe(false);
    expect(store.waitSeconds).toBe(4);
    expect(store.waitReason).toBe('limit');
    vi.advanceTimersByTime(2_000);
    expect(sent).toEqual(['c1', 'c2', 'c1']);
    refusal = 'rooms.read_only';
    vi.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(3);
    expect(store.outgoing.find((entry) => entry.clientId === 'c2')).toMatchObject({ reason: 'rejected', errorCode: 'rooms.read_only' });
  });

  it('sends a message the busy server shed again, with the same id, after the wait it names', () => {
    const { store, sent } = sender();
    store.send('Hei');
    expect(store.refused(problemFor('c1', 'server.busy', 1))).toBe(true);
    expect(store.waitReason).toBe('busy');
    expect(store.outgoing[0]).toMatchObject({ reason: 'wait', errorCode: 'server.busy' });
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual(['c1', 'c1']);
  });

  it('keeps a message the server could not take now and sends it again, with the same id, after the wait it names', () => {
    const { store, sent } = sender();
    store.send('Hei');
    expect(store.refused(problemFor('c1', 'server.unavailable', 5))).toBe(true);
    expect(store.waitReason).toBe('unavailable');
    expect(store.waitSeconds).toBe(5);
    expect(store.outgoing[0]).toMatchObject({ body: 'Hei', reason: 'wait', errorCode: 'server.unavailable' });
    vi.advanceTimersByTime(4_999);
    expect(sent).toEqual(['c1']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['c1', 'c1']);
    expect(store.waitReason).toBeNull();
  });

  it('keeps a message a restarting server did not take and sends it again, with the same id, on the next connection', () => {
    let online = true;
    const { store, sent } = sender({ online: () => online });
    store.send('Hei');
    expect(store.refused(problemFor('c1', 'server.restarting', 1))).toBe(true);
    expect(store.waitReason).toBe('busy');
    online = false;
    store.disconnected();
    vi.advanceTimersByTime(1_000);
    expect(store.outgoing[0]).toMatchObject({ state: 'failed', reason: 'offline' });
    online = true;
    store.resend();
    expect(sent).toEqual(['c1', 'c1']);
  });

  it('keeps what could not go while offline and resends it, with the same id, once connected', () => {
    let online = false;
    const { store, sent } = sender({ online: () => online });
    store.send('Hei');
    expect(store.outgoing[0]).toMatchObject({ state: 'failed', reason: 'offline' });
    online = true;
    store.resend();
    expect(sent).toEqual(['c1']);
    store.disconnected();
    expect(store.outgoing[0]).toMatchObject({ state: 'failed', reason: 'offline' });
  });

  it('starts no timer and tells nothing after closing', () => {
    const { store, changes } = sender();
    store.send('Hei');
    store.close();
    store.refused(problemFor('c1', 'rate_limited', 1));
    vi.advanceTimersByTime(ACK_TIMEOUT_MS);
    expect(changes).toEqual(['own']);
    expect(store.outgoing[0]).toMatchObject({ reason: 'wait' });
  });
});
