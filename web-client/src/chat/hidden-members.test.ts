import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/api-client.ts';
import { TokenStore } from '../api/token-store.ts';
import { FakeServer, MemoryStorage, json, problem } from '../testing/fakes.ts';
import { HiddenMembers } from './hidden-members.ts';

function setup() {
  const tokens = new TokenStore(new MemoryStorage());
  tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  const server = new FakeServer();
  const hidden = new HiddenMembers();
  let changes = 0;
  hidden.on('hidden-members-changed', () => {
    changes += 1;
  });
  return { server, hidden, api: new ApiClient(tokens, server.fetch), changes: () => changes };
}

describe('hidden members', () => {
  it('loads the list once, even when asked twice at the same time', async () => {
    const { server, hidden, api } = setup();
    server.on('GET /api/me/hidden-members', () => json(200, [{ accountId: 'p1', displayName: 'Matti' }, { nope: true }]));
    await Promise.all([hidden.load(api), hidden.load(api)]);
    await hidden.load(api);
    expect(server.count('GET /api/me/hidden-members')).toBe(1);
    expect(hidden.list).toEqual([{ accountId: 'p1', displayName: 'Matti' }]);
    expect(hidden.has('p1')).toBe(true);
    expect(hidden.has('p2')).toBe(false);
  });

  it('hides and unhides through the server, and says so', async () => {
    const { server, hidden, api, changes } = setup();
    server
      .on('PUT /api/me/hidden-members/p2', () => json(200, { accountId: 'p2', displayName: 'Ville' }))
      .on('DELETE /api/me/hidden-members/p2', () => new Response(null, { status: 204 }));
    await hidden.hide(api, { accountId: 'p2', displayName: 'Ville' });
    expect(hidden.has('p2')).toBe(true);
    await hidden.unhide(api, 'p2');
    expect(hidden.has('p2')).toBe(false);
    expect(changes()).toBe(2);
  });

  it('changes nothing when the server refuses', async () => {
    const { server, hidden, api } = setup();
    server.on('PUT /api/me/hidden-members/me', () => problem(400, 'moderation.self'));
    await expect(hidden.hide(api, { accountId: 'me', displayName: 'Anna' })).rejects.toMatchObject({ code: 'moderation.self' });
    expect(hidden.list).toEqual([]);
  });

  it('tries to load again after a failure, and forgets everything on clear', async () => {
    const { server, hidden, api } = setup();
    server
      .on('GET /api/me/hidden-members', () => problem(500, 'server.error'))
      .on('GET /api/me/hidden-members', () => json(200, [{ accountId: 'p1', displayName: 'Matti' }]));
    await expect(hidden.load(api)).rejects.toMatchObject({ code: 'server.error' });
    await hidden.load(api);
    expect(hidden.has('p1')).toBe(true);
    hidden.clear();
    expect(hidden.list).toEqual([]);
    await hidden.load(api);
    expect(server.count('GET /api/me/hidden-members')).toBe(3);
  });
});
