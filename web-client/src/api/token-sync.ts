import type { TokenStore } from './token-store.ts';
import type { TokenResponse } from './types.ts';

/** What one tab tells the others after it has rotated a refresh token. */
type Rotation = { type: 'rotated'; from: string; tokens: TokenResponse };

/** The part of the Web Locks API used here (`navigator.locks`). */
export type ExclusiveLocks = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

/** The part of a BroadcastChannel used here. */
export type TabChannel = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

const LOCK = 'tukipiiri.token-refresh';

/**
 * How long a tab that rotated the refresh token keeps the others from refreshing: long enough for
 * its message to reach them (same browser, same origin), so none presents the token just used.
 */
const HAND_OVER_MS = 100;

function isRotation(value: unknown): value is Rotation {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<Rotation>;
  const tokens = message.tokens as Partial<TokenResponse> | undefined;
  return (
    message.type === 'rotated' &&
    typeof message.from === 'string' &&
    typeof tokens?.accessToken === 'string' &&
    typeof tokens.refreshToken === 'string' &&
    typeof tokens.expiresIn === 'number'
  );
}

/**
 * Keeps the tabs of one browser that hold the same refresh token (a duplicated tab starts with a
 * copy of the other's session storage) on one chain of tokens. Refresh tokens rotate and the
 * server ends the whole session when a used one is presented again (reuse detection), so the
 * tabs refresh one at a time (a Web Lock) and each rotation is told to the others
 * (a BroadcastChannel), which take the new tokens if they held the old one. Tabs of other
 * sessions ignore it. Without these APIs each tab refreshes alone, as before.
 */
export class TokenSync {
  readonly #tokens: TokenStore;
  readonly #channel: TabChannel | null;
  readonly #locks: ExclusiveLocks | null;

  constructor(tokens: TokenStore, channel: TabChannel | null, locks: ExclusiveLocks | null) {
    this.#tokens = tokens;
    this.#channel = channel;
    this.#locks = locks;
    channel?.addEventListener('message', (event) => {
      if (isRotation(event.data)) this.#tokens.adopt(event.data.from, event.data.tokens);
    });
  }

  /** The browser's own channel and locks, where it has them. */
  static forBrowser(tokens: TokenStore): TokenSync {
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('tukipiiri.tokens') : null;
    const locks = (globalThis.navigator as { locks?: ExclusiveLocks } | undefined)?.locks ?? null;
    return new TokenSync(tokens, channel, locks);
  }

  /** Runs `work` while no other tab of this browser refreshes. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#locks === null ? work() : this.#locks.request(LOCK, work);
  }

  /** Tells the other tabs that `from` was exchanged for `tokens`, and gives them time to hear it. */
  async rotated(from: string, tokens: TokenResponse): Promise<void> {
    if (this.#channel === null) return;
    this.#channel.postMessage({ type: 'rotated', from, tokens } satisfies Rotation);
    if (this.#locks !== null) await new Promise((resolve) => setTimeout(resolve, HAND_OVER_MS));
  }
}
