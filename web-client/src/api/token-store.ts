import type { TokenResponse } from './types.ts';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const REFRESH_TOKEN_KEY = 'tukipiiri.refreshToken';

/** Seconds before expiry at which an access token is treated as already expired. */
const EXPIRY_MARGIN_SECONDS = 20;

/**
 * The access token lives only in memory; the refresh token in sessionStorage, so a reload
 * keeps the user signed in but closing the tab ends the session.
 */
export class TokenStore {
  #accessToken: string | null = null;
  #expiresAt = 0;
  #expiresExactlyAt = 0;
  readonly #storage: KeyValueStorage;
  readonly #now: () => number;

  constructor(storage: KeyValueStorage, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
  }

  /** The access token if it is still comfortably valid, otherwise null. */
  get accessToken(): string | null {
    if (this.#accessToken === null) return null;
    return this.#now() < this.#expiresAt ? this.#accessToken : null;
  }

  /**
   * When (epoch milliseconds, this device's clock) the current access token expires, without the
   * safety margin; null when there is none.
   */
  get accessTokenExpiresAt(): number | null {
    return this.#accessToken === null ? null : this.#expiresExactlyAt;
  }

  get refreshToken(): string | null {
    try {
      return this.#storage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  save(tokens: TokenResponse): void {
    this.#accessToken = tokens.accessToken;
    const lifetime = Math.max(0, tokens.expiresIn - EXPIRY_MARGIN_SECONDS);
    this.#expiresAt = this.#now() + lifetime * 1000;
    this.#expiresExactlyAt = this.#now() + Math.max(0, tokens.expiresIn) * 1000;
    try {
      this.#storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    } catch {
      // Storage may be unavailable (private mode quotas); the session then lasts until reload.
    }
  }

  /**
   * Takes tokens another tab got for the refresh token `from`, if this tab still holds that one
   * (it is a copy of that tab's session); tabs of other sessions keep theirs.
   */
  adopt(from: string, tokens: TokenResponse): boolean {
    if (this.refreshToken !== from) return false;
    this.save(tokens);
    return true;
  }

  clear(): void {
    this.#accessToken = null;
    this.#expiresAt = 0;
    this.#expiresExactlyAt = 0;
    try {
      this.#storage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // Nothing to remove when storage is unavailable.
    }
  }
}
