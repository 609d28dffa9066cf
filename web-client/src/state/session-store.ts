import * as accounts from '../api/accounts.ts';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/problem.ts';
import type { TokenStore } from '../api/token-store.ts';
import type { CurrentUser, GuestRequest, LoginRequest, RecoverRequest, RegisterRequest, TokenResponse } from '../api/types.ts';
import { type SessionEventMap, SessionChangedEvent, type SessionStatus } from './events.ts';
import { TypedEventTarget } from './typed-event-target.ts';

/** A one-off message for the sign-in page explaining why the user is there. */
export type SessionNotice = 'session-expired' | 'signed-out' | 'unreachable' | 'account-erased';

/** Who is signed in, and the actions that change it. */
export class SessionStore extends TypedEventTarget<SessionEventMap> {
  readonly #api: ApiClient;
  readonly #tokens: TokenStore;
  #status: SessionStatus = 'restoring';
  #user: CurrentUser | null = null;
  #notice: SessionNotice | null = null;

  constructor(api: ApiClient, tokens: TokenStore) {
    super();
    this.#api = api;
    this.#tokens = tokens;
    api.on('session-lost', () => {
      if (this.#status !== 'signed-out') {
        this.#notice = 'session-expired';
      }
      this.#set('signed-out', null);
    });
  }

  get status(): SessionStatus {
    return this.#status;
  }

  get user(): CurrentUser | null {
    return this.#user;
  }

  /** Returns the pending notice once, then forgets it. */
  takeNotice(): SessionNotice | null {
    const notice = this.#notice;
    this.#notice = null;
    return notice;
  }

  /**
   * Continues a session kept in sessionStorage (after a reload). A network failure leaves the
   * refresh token in place so that a later reload can try again.
   */
  async restore(): Promise<void> {
    if (this.#tokens.refreshToken === null) {
      this.#set('signed-out', null);
      return;
    }
    try {
      await this.#loadUser();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (this.#status !== 'signed-out') {
        this.#notice = 'unreachable';
        this.#set('signed-out', null);
      }
    }
  }

  /**
   * Creates the account and keeps its sign-in, but stays signed out until `finishRegistration`,
   * so the page can show the recovery codes (returned here, the only time they are given) before
   * the app moves on.
   */
  async register(request: RegisterRequest): Promise<readonly string[]> {
    const registered = await accounts.register(this.#api, request);
    this.#tokens.save(registered);
    this.#notice = null;
    return registered.recoveryCodes;
  }

  /** The person has seen their recovery codes: the new account's session begins. */
  async finishRegistration(): Promise<void> {
    await this.#loadUser();
  }

  /** A new password with a recovery code; the account's other sign-ins have ended, this one begins. */
  async recover(request: RecoverRequest): Promise<void> {
    await this.#begin(accounts.recover(this.#api, request));
  }

  async login(request: LoginRequest): Promise<void> {
    await this.#begin(accounts.login(this.#api, request));
  }

  async joinAsGuest(request: GuestRequest): Promise<void> {
    await this.#begin(accounts.joinAsGuest(this.#api, request));
  }

  /** Re-reads the signed-in user, e.g. after roles changed. */
  async reloadUser(): Promise<void> {
    await this.#loadUser();
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  async signOut(): Promise<void> {
    const refreshToken = this.#tokens.refreshToken;
    this.#tokens.clear();
    this.#notice = 'signed-out';
    this.#set('signed-out', null);
    if (refreshToken !== null) {
      try {
        await accounts.logout(this.#api, refreshToken);
      } catch {
        // The session is already gone locally; the server token expires on its own.
      }
    }
  }

  /**
   * Ends the session after the person deleted their account: the server has already revoked
   * every token, so there is nothing to sign out of, only the local session to forget.
   */
  accountErased(): void {
    this.#tokens.clear();
    this.#notice = 'account-erased';
    this.#set('signed-out', null);
  }

  /** Forgets the session at once for the quick exit; the revoke request outlives the page. */
  abandon(): void {
    const refreshToken = this.#tokens.refreshToken;
    this.#tokens.clear();
    if (refreshToken !== null) {
      accounts.logout(this.#api, refreshToken, true).catch(() => undefined);
    }
  }

  async #begin(tokens: Promise<TokenResponse>): Promise<void> {
    this.#tokens.save(await tokens);
    this.#notice = null;
    await this.#loadUser();
  }

  async #loadUser(): Promise<void> {
    const user = await accounts.fetchCurrentUser(this.#api);
    this.#set('signed-in', user);
  }

  #set(status: SessionStatus, user: CurrentUser | null): void {
    this.#status = status;
    this.#user = user;
    this.emit(new SessionChangedEvent(status, user));
  }
}
