import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/api-client.ts';
import type { ChatMessage } from '../api/rooms.ts';
import { TokenStore } from '../api/token-store.ts';
import { FakeServer, MemoryStorage, SERVER_LIMITS, json, problem, settle } from '../testing/fakes.ts';
import { TextLimits, readLimits } from '../text/text-limits.ts';
import { RoomHistory } from './room-history.ts';

function msg(seq: number): ChatMessage {
  return {
    seq,
    id: `m${seq}`,
    roomId: 5,
    authorId: 8,
    authorDisplayName: 'Matti',
    authorRole: 'PARTICIPANT',
    body: `viesti ${seq}`,
    sentAt: '2026-11-23T16:00:00Z',
    removed: false,
  };
}

function range(from: number, to: number): ChatMessage[] {
  return Array.from({ length: to - from + 1 }, (_, index) => msg(from + index));
}

function limitsWithPage(historyPage: number | null): TextLimits {
  const store = new TextLimits();
  const answer = historyPage === null ? { ...SERVER_LIMITS, counts: {} } : { ...SERVER_LIMITS, counts: { historyPage } };
  const limits = readLimits(answer);
  if (limits === null) throw new Error('unreadable');
  store.use(limits);
  return store;
}

function history(server: FakeServer, options: { limits?: TextLimits; removed?: Set<number> } = {}) {
  const tokens = new TokenStore(new MemoryStorage());
  tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  const removed = options.removed ?? new Set<number>();
  const store = new RoomHistory({
    api: new ApiClient(tokens, server.fetch),
    roomId: '5',
    removedSeqs: () => removed,
    limits: options.limits ?? new TextLimits(),
  });
  const changes: string[] = [];
  store.on('messages-changed', (event) => changes.push(event.change));
  return { store, changes, removed };
}

const seqs = (store: RoomHistory) => store.messages.map((message) => message.seq);

describe('room history', () => {
  it('shows the newest page, knows whether there are earlier ones, and shows removed messages without text', async () => {
    const server = new FakeServer().on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: range(51, 100), lastSeq: 100 }));
    const { store } = history(server, { removed: new Set([60]) });
    store.begin(await store.latestPage());
    expect(seqs(store)).toEqual(range(51, 100).map((message) => message.seq));
    expect(store.hasEarlier).toBe(true);
    expect(store.messages[9]).toMatchObject({ seq: 60, removed: true, body: '' });
  });

  it('catches up after a skipped seq, and a second gap while catching up asks once more', async () => {
    const server = new FakeServer()
      .on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: range(1, 3), lastSeq: 3 }))
      .on('GET /api/rooms/5/messages?afterSeq=3&limit=200', () => json(200, { messages: range(4, 5), lastSeq: 5 }))
      .on('GET /api/rooms/5/messages?afterSeq=5&limit=200', () => json(200, { messages: range(6, 8), lastSeq: 8 }));
    const { store, changes } = history(server);
    store.begin(await store.latestPage());
    store.receive(msg(5));
    store.receive(msg(8));
    await settle();
    expect(seqs(store)).toEqual(range(1, 8).map((message) => message.seq));
    expect(server.count('GET /api/rooms/5/messages?afterSeq=3&limit=200')).toBe(1);
    expect(server.count('GET /api/rooms/5/messages?afterSeq=5&limit=200')).toBe(1);
    expect(changes).toEqual(['live', 'live', 'catch-up', 'catch-up']);
  });

  it('asks for no more than the server pages hold, and goes on after a page that full', async () => {
    const server = new FakeServer()
      .on('GET /api/rooms/5/messages?limit=30', () => json(200, { messages: range(1, 3), lastSeq: 3 }))
      .on('GET /api/rooms/5/messages?afterSeq=3&limit=30', () => json(200, { messages: range(4, 33), lastSeq: 40 }))
      .on('GET /api/rooms/5/messages?afterSeq=33&limit=30', () => json(200, { messages: range(34, 40), lastSeq: 40 }));
    const { store } = history(server, { limits: limitsWithPage(30) });
    store.begin(await store.latestPage());
    store.receive(msg(40));
    await settle();
    expect(seqs(store)).toEqual(range(1, 40).map((message) => message.seq));
  });

  it('asks for its own page sizes when the server names no largest page', async () => {
    const server = new FakeServer().on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: range(1, 3), lastSeq: 3 }));
    const { store } = history(server, { limits: limitsWithPage(null) });
    store.begin(await store.latestPage());
    expect(server.count('GET /api/rooms/5/messages?limit=50')).toBe(1);
  });

  it('tells a failure to load earlier messages as a notice, and ends loading either way', async () => {
    const server = new FakeServer()
      .on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: range(51, 100), lastSeq: 100 }))
      .on('GET /api/rooms/5/messages?beforeSeq=51&limit=50', () => problem(500, 'server.error'));
    const { store } = history(server);
    store.begin(await store.latestPage());
    const notices: (string | undefined)[] = [];
    store.on('room-notice', (event) => notices.push(event.text?.keys[0]));
    await store.loadEarlier();
    expect(notices).toEqual(['error.server.error']);
    expect(store.loadingEarlier).toBe(false);
    expect(store.hasEarlier).toBe(true);
  });

  it('marks removals that come after the message, and tells of them only when one was shown', async () => {
    const server = new FakeServer().on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: range(1, 3), lastSeq: 3 }));
    const { store, changes, removed } = history(server);
    store.begin(await store.latestPage());
    removed.add(9);
    store.showRemovals();
    expect(changes).toEqual([]);
    removed.add(2);
    store.showRemovals();
    expect(changes).toEqual(['removed']);
    expect(store.messages[1]?.removed).toBe(true);
  });

  it('tells nothing after closing', async () => {
    const server = new FakeServer().on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: range(1, 3), lastSeq: 3 }));
    const { store, changes } = history(server);
    store.begin(await store.latestPage());
    store.close();
    store.receive(msg(4));
    expect(changes).toEqual([]);
  });
});
