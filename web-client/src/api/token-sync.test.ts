import { describe, expect, it } from 'vitest';
import { FakeServer, MemoryStorage, json, problem, settle, tokens } from '../testing/fakes.ts';
import { ApiClient } from './api-client.ts';
import { TokenStore } from './token-store.ts';
import { type ExclusiveLocks, type TabChannel, TokenSync } from './token-sync.ts';

/** The tabs of one browser: a channel that reaches every other tab, and one lock at a time. */
class FakeBrowser implements ExclusiveLocks {
  readonly #listeners = new Map<TabChannel, ((event: MessageEvent) => void)[]>();
  #held: Promise<unknown> = Promise.resolve();

  channel(): TabChannel {
    const channel: TabChannel = {
      postMessage: (message) => {
        for (const [other, listeners] of this.#listeners) {
          if (other === channel) continue;
          // structured clone, delivered later, as a BroadcastChannel does
          const data: unknown = JSON.parse(JSON.stringify(message));
          queueMicrotask(() => listeners.forEach((listener) => listener(new MessageEvent('message', { data }))));
        }
      },
      addEventListener: (_type, listener) => {
        this.#listeners.set(channel, [...(this.#listeners.get(channel) ?? []), listener]);
      },
    };
    this.#listeners.set(channel, []);
    return channel;
  }

  request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
    const turn = this.#held.then(callback, callback);
    this.#held = turn.catch(() => undefined);
    return turn;
  }
}

/** A refresh endpoint that rotates tokens and, like the server, refuses a token presented a second time. */
function rotatingServer(): FakeServer {
  const server = new FakeServer();
  const used = new Set<string>();
  let next = 2;
  server.on('POST /api/auth/refresh', (request) => {
    const presented = (request.body as { refreshToken: string }).refreshToken;
    if (used.has(presented)) return problem(401, 'auth.invalid_refresh_token');
    used.add(presented);
    return tokens(String(next++));
  });
  server.on('GET /api/me', () => json(200, {}));
  return server;
}

function tab(browser: FakeBrowser, server: FakeServer, refreshToken: string) {
  const storage = new MemoryStorage();
  storage.setItem('tukipiiri.refreshToken', refreshToken);
  const store = new TokenStore(storage);
  const api = new ApiClient(store, server.fetch, new TokenSync(store, browser.channel(), browser));
  const lost: number[] = [];
  api.on('session-lost', () => lost.push(1));
  return { store, api, lost };
}

describe('tabs sharing a session', () => {
  it('keeps a duplicated tab and its original on one chain of tokens, so neither signs the other out', async () => {
    const browser = new FakeBrowser();
    const server = rotatingServer();
    const original = tab(browser, server, 'r1');
    const duplicate = tab(browser, server, 'r1');
    const stranger = tab(browser, server, 'someone-else');

    await duplicate.api.get('/api/me');
    await settle();
    expect(duplicate.store.refreshToken).toBe('refresh-2');
    expect(original.store.refreshToken).toBe('refresh-2');
    expect(original.store.accessToken).toBe('access-2');
    expect(stranger.store.refreshToken).toBe('someone-else');

    // both decide to renew at once: one asks the server, the other takes what it got
    const renewed = await Promise.all([original.api.refresh(), duplicate.api.refresh()]);
    expect(renewed).toEqual([true, true]);
    expect(original.store.refreshToken).toBe('refresh-3');
    expect(duplicate.store.refreshToken).toBe('refresh-3');
    expect(server.requests.filter((request) => request.path === '/api/auth/refresh')).toHaveLength(2);
    await original.api.get('/api/me');
    expect(original.lost).toEqual([]);
    expect(duplicate.lost).toEqual([]);
  });

  it('without the browser APIs a tab refreshes alone, as before', async () => {
    const server = rotatingServer();
    const storage = new MemoryStorage();
    storage.setItem('tukipiiri.refreshToken', 'r1');
    const store = new TokenStore(storage);
    const api = new ApiClient(store, server.fetch, new TokenSync(store, null, null));
    expect(await api.refresh()).toBe(true);
    expect(store.refreshToken).toBe('refresh-2');
  });

  it('ignores messages that are not a rotation', async () => {
    const browser = new FakeBrowser();
    const server = rotatingServer();
    const listening = tab(browser, server, 'r1');
    const sender = browser.channel();
    for (const message of [null, 'rotated', { type: 'rotated', from: 'r1' }, { type: 'rotated', from: 'r1', tokens: { accessToken: 1 } }]) {
      sender.postMessage(message);
    }
    await settle();
    expect(listening.store.refreshToken).toBe('r1');
  });
});
