import { describe, expect, it } from 'vitest';
import { eraseMyAccount } from '../api/accounts.ts';
import { ApiClient } from '../api/api-client.ts';
import { TokenStore } from '../api/token-store.ts';
import { FakeServer, MemoryStorage, json, problem, tokens } from '../testing/fakes.ts';
import type { SessionStatus } from './events.ts';
import { SessionStore } from './session-store.ts';

const maija = { id: 1, username: 'maija', displayName: 'Maija', roles: ['PARENT'], guest: false };

function setup(refreshToken: string | null = null) {
  const storage = new MemoryStorage();
  if (refreshToken !== null) storage.setItem('tukipiiri.refreshToken', refreshToken);
  const tokenStore = new TokenStore(storage);
  const server = new FakeServer();
  const api = new ApiClient(tokenStore, server.fetch);
  const session = new SessionStore(api, tokenStore);
  const statuses: SessionStatus[] = [];
  session.on('session-changed', (event) => statuses.push(event.status));
  return { storage, server, api, session, statuses };
}

describe('session store', () => {
  it('is signed out at start without a stored refresh token', async () => {
    const { session, server } = setup();
    await session.restore();
    expect(session.status).toBe('signed-out');
    expect(server.requests).toHaveLength(0);
  });

  it('continues a stored session after a reload', async () => {
    const { session, server } = setup('r0');
    server.on('POST /api/auth/refresh', () => tokens('1')).on('GET /api/me', () => json(200, maija));
    await session.restore();
    expect(session.status).toBe('signed-in');
    expect(session.user?.displayName).toBe('Maija');
  });

  it('signs in, then loads the user', async () => {
    const { session, server, storage, statuses } = setup();
    server.on('POST /api/auth/login', () => tokens('1')).on('GET /api/me', () => json(200, maija));
    await session.login({ username: 'maija', password: 'salasana123' });
    expect(statuses).toEqual(['signed-in']);
    expect(storage.getItem('tukipiiri.refreshToken')).toBe('refresh-1');
    expect(server.requests[1]?.headers['Authorization']).toBe('Bearer access-1');
  });

  it('keeps a new account signed out until its recovery codes were seen', async () => {
    const { session, server, storage, statuses } = setup();
    const codes = ['7KQ2-M9XD-R4TW-HB3N', 'A1B2-C3D4-E5F6-G7H8'];
    server
      .on('POST /api/auth/register', async () => {
        const answer = (await tokens('r').json()) as Record<string, unknown>;
        return json(201, { ...answer, recoveryCodes: codes });
      })
      .on('GET /api/me', () => json(200, maija));
    expect(await session.register({ username: 'maija', password: 'salasana123', displayName: 'Maija' })).toEqual(codes);
    expect(statuses).toEqual([]);
    expect(storage.getItem('tukipiiri.refreshToken')).toBe('refresh-r');
    await session.finishRegistration();
    expect(statuses).toEqual(['signed-in']);
    expect(session.user?.displayName).toBe('Maija');
  });

  it('signs in with a recovery code and a new password', async () => {
    const { session, server, statuses } = setup();
    server.on('POST /api/auth/recover', () => tokens('x')).on('GET /api/me', () => json(200, maija));
    await session.recover({ username: 'maija', recoveryCode: '7kq2 m9xd r4tw hb3n', newPassword: 'uusi salasana' });
    expect(server.requests[0]?.body).toEqual({ username: 'maija', recoveryCode: '7kq2 m9xd r4tw hb3n', newPassword: 'uusi salasana' });
    expect(server.requests[0]?.headers['Authorization']).toBeUndefined();
    expect(statuses).toEqual(['signed-in']);
  });

  it('passes a rejected sign-in on to the form', async () => {
    const { session, server } = setup();
    server.on('POST /api/auth/login', () => problem(401, 'auth.invalid_credentials'));
    await expect(session.login({ username: 'maija', password: 'wrong' })).rejects.toMatchObject({
      code: 'auth.invalid_credentials',
    });
    expect(session.status).toBe('restoring');
  });

  it('revokes the refresh token on sign-out and leaves a notice', async () => {
    const { session, server, storage } = setup();
    server
      .on('POST /api/auth/guest', () => tokens('g'))
      .on('GET /api/me', () => json(200, { ...maija, username: null, guest: true }))
      .on('POST /api/auth/logout', () => new Response(null, { status: 204 }));
    await session.joinAsGuest({ nickname: 'Maija' });
    await session.signOut();
    expect(server.requests.at(-1)?.body).toEqual({ refreshToken: 'refresh-g' });
    expect(storage.getItem('tukipiiri.refreshToken')).toBeNull();
    expect(session.status).toBe('signed-out');
    expect(session.takeNotice()).toBe('signed-out');
    expect(session.takeNotice()).toBeNull();
  });

  it('signs out with a notice when the server ends the session', async () => {
    const { session, server } = setup();
    server
      .on('POST /api/auth/login', () => tokens('1'))
      .on('GET /api/me', () => json(200, maija))
      .on('GET /api/me', () => problem(401, 'auth.unauthenticated'))
      .on('POST /api/auth/refresh', () => problem(401, 'auth.invalid_refresh_token'));
    await session.login({ username: 'maija', password: 'salasana123' });
    await expect(session.reloadUser()).rejects.toBeDefined();
    expect(session.status).toBe('signed-out');
    expect(session.takeNotice()).toBe('session-expired');
  });

  it('after erasing the account forgets the session without asking the server to sign out', async () => {
    const { api, session, server, storage, statuses } = setup();
    server
      .on('POST /api/auth/login', () => tokens('1'))
      .on('GET /api/me', () => json(200, maija))
      .on('POST /api/me/erasure', () => new Response(null, { status: 204 }));
    await session.login({ username: 'maija', password: 'salasana123' });
    await eraseMyAccount(api, 'salasana123');
    session.accountErased();
    expect(server.requests.at(-1)?.body).toEqual({ password: 'salasana123' });
    expect(server.count('POST /api/auth/logout')).toBe(0);
    expect(storage.getItem('tukipiiri.refreshToken')).toBeNull();
    expect(statuses).toEqual(['signed-in', 'signed-out']);
    expect(session.user).toBeNull();
    expect(session.takeNotice()).toBe('account-erased');
  });
});
