import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/api-client.ts';
import { TokenStore } from '../api/token-store.ts';
import { FakeServer, MemoryStorage, json, settle } from '../testing/fakes.ts';
import { RoomModeration } from './room-moderation.ts';

const VIEW = {
  roomId: 5,
  state: 'OPEN',
  slowModeSeconds: 0,
  pinned: null,
  powers: ['REPORT'],
  muted: false,
  mutedUntil: null,
  sanctions: [],
};

function moderation(server: FakeServer) {
  const tokens = new TokenStore(new MemoryStorage());
  tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  const store = new RoomModeration({ api: new ApiClient(tokens, server.fetch), roomId: '5', selfId: 7, now: () => Date.now() });
  const told: (string | null)[] = [];
  store.on('moderation-state', (event) => told.push(event.event?.type ?? null));
  return { store, told };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('room moderation', () => {
  it('tells each change with the state before it, and ignores other rooms', () => {
    const { store, told } = moderation(new FakeServer());
    const befores: boolean[] = [];
    store.on('moderation-state', (event) => befores.push(event.before.lockedLive));
    store.apply({ type: 'room-locked', roomId: 5 });
    store.apply({ type: 'room-locked', roomId: 6 });
    store.apply({ type: 'room-unlocked', roomId: 5, state: 'OPEN' });
    expect(told).toEqual(['room-locked', 'room-unlocked']);
    expect(befores).toEqual([false, true]);
  });

  it('tells when a timed mute ends by itself, and not after being stopped', () => {
    const { store } = moderation(new FakeServer());
    let ended = 0;
    store.on('mute-ended', () => ended++);
    store.apply({ type: 'muted', roomId: 5, until: new Date(Date.now() + 60_000).toISOString(), reason: null });
    expect(store.muted).toBe(true);
    vi.advanceTimersByTime(60_001);
    expect(ended).toBe(1);
    expect(store.muted).toBe(false);
    store.apply({ type: 'muted', roomId: 5, until: new Date(Date.now() + 60_000).toISOString(), reason: null });
    store.stop();
    vi.advanceTimersByTime(60_001);
    expect(ended).toBe(1);
  });

  it('is muted at once on a refusal, then reads how long from the view', async () => {
    const until = '2030-01-01T00:00:00Z';
    const server = new FakeServer().on('GET /api/moderation/rooms/5', () => json(200, { ...VIEW, muted: true, mutedUntil: until }));
    const { store, told } = moderation(server);
    store.mutedAfterAll(null);
    expect(store.state.mute).toEqual({ until: null, reason: null });
    await settle();
    expect(store.state.mute?.until).toBe(until);
    expect(told).toEqual([null, null]);
  });

  it('asks for the view again when a ban arrives for someone who reviews the room', async () => {
    const server = new FakeServer().on('GET /api/moderation/rooms/5', () => json(200, { ...VIEW, powers: ['REVIEW'] }));
    const { store } = moderation(server);
    await store.load();
    store.apply({ type: 'member-banned', roomId: 5, accountId: 8, scope: 'ROOM' });
    await settle();
    expect(server.count('GET /api/moderation/rooms/5')).toBe(2);
  });

  it('keeps what is known when the view cannot be read, and changes nothing after closing', async () => {
    const { store, told } = moderation(new FakeServer());
    await store.load();
    expect(store.state.loaded).toBe(false);
    store.close();
    store.apply({ type: 'room-locked', roomId: 5 });
    expect(told).toEqual([]);
  });
});
