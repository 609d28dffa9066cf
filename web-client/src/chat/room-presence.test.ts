import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/api-client.ts';
import { TokenStore } from '../api/token-store.ts';
import { FakeServer, MemoryStorage, json, settle } from '../testing/fakes.ts';
import { RoomPresence } from './room-presence.ts';

function presence(server: FakeServer): RoomPresence {
  const tokens = new TokenStore(new MemoryStorage());
  tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  return new RoomPresence({ api: new ApiClient(tokens, server.fetch), roomId: '5' });
}

const names = (store: RoomPresence) => store.list(7, null, 'fi-FI').map((entry) => entry.displayName);

describe('room presence', () => {
  it('takes the snapshot with the changes that came while it was read', async () => {
    let answer: (response: Response) => void = () => undefined;
    const server = new FakeServer().on('GET /api/rooms/5/presence', () => new Promise<Response>((resolve) => (answer = resolve)));
    const store = presence(server);
    let told = 0;
    store.on('presence-changed', () => told++);
    const loading = store.load();
    store.apply({ type: 'joined', roomId: 5, member: { accountId: 9, displayName: 'Sanna', role: null } });
    await settle();
    answer(json(200, [{ accountId: 8, displayName: 'Matti', role: 'PARTICIPANT' }]));
    await loading;
    expect(names(store)).toEqual(['Matti', 'Sanna']);
    expect(told).toBe(2);
  });

  it('keeps the list and applies held changes when the snapshot fails, and drops snapshots after closing', async () => {
    const server = new FakeServer();
    const store = presence(server);
    const loading = store.load();
    store.apply({ type: 'joined', roomId: 5, member: { accountId: 9, displayName: 'Sanna', role: null } });
    await loading;
    expect(names(store)).toEqual(['Sanna']);
    server.on('GET /api/rooms/5/presence', () => json(200, []));
    store.close();
    await store.load();
    expect(names(store)).toEqual(['Sanna']);
  });
});
