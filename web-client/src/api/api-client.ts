import { type ApiEventMap, SessionLostEvent } from '../state/events.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { ApiError, readProblem } from './problem.ts';
import type { TokenStore } from './token-store.ts';
import { TokenSync } from './token-sync.ts';
import type { TokenResponse } from './types.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  /** Send the access token, refreshing it when needed. Defaults to true. */
  auth?: boolean;
  /** Let the request outlive the page (used when leaving in a hurry). */
  keepalive?: boolean;
  /** The Accept header; JSON (and problem JSON) unless said otherwise. */
  accept?: string;
};

/** A file the API sent (a report as CSV, one's own data as JSON) and the name it suggested. */
export type DownloadedFile = {
  blob: Blob;
  filename: string | null;
};

/**
 * The file name in a Content-Disposition header: `filename*` (RFC 5987, UTF-8) when given,
 * otherwise `filename`; only the last path segment, so a name can never point elsewhere.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (header === null) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2] ?? null;
  }
  const base = name?.split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? null : base;
}

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/**
 * JSON over fetch against the service's REST API. Authenticated calls carry the access token;
 * a 401 triggers one refresh (shared by concurrent callers, and taken in turn with the other tabs
 * of this session, since refresh tokens rotate: {@link TokenSync}) and one retry. When the session cannot be renewed, `session-lost` is emitted.
 */
export class ApiClient extends TypedEventTarget<ApiEventMap> {
  readonly #tokens: TokenStore;
  readonly #fetch: FetchFn;
  readonly #sync: TokenSync;
  #refreshing: Promise<boolean> | null = null;

  constructor(
    tokens: TokenStore,
    fetchFn: FetchFn = (input, init) => globalThis.fetch(input, init),
    sync: TokenSync = new TokenSync(tokens, null, null),
  ) {
    super();
    this.#tokens = tokens;
    this.#fetch = fetchFn;
    this.#sync = sync;
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    return this.#parse<T>(await this.#respond(method, path, options));
  }

  /** Fetches a file with the session's token (a plain link cannot carry it). */
  async download(path: string): Promise<DownloadedFile> {
    const response = await this.#respond('GET', path, { accept: '*/*' });
    if (!response.ok) {
      throw new ApiError(await readProblem(response));
    }
    return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
  }

  async #respond(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
    const auth = options.auth ?? true;
    if (!auth) {
      return this.#send(method, path, options, null);
    }
    let token = this.#tokens.accessToken;
    if (token === null) {
      token = await this.#renewOrLose();
    }
    let response = await this.#send(method, path, options, token);
    if (response.status === 401) {
      token = await this.#renewOrLose();
      response = await this.#send(method, path, options, token);
      if (response.status === 401) {
        this.#lose();
      }
    }
    return response;
  }

  /**
   * A usable access token for connections that carry it themselves (the chat's STOMP CONNECT):
   * the current one while it is comfortably valid, otherwise (or when `forceRefresh`, after the
   * server rejected it) a refreshed one. Rejects with 401 and emits `session-lost` when the
   * session cannot be renewed, and with a network error when the server could not be asked.
   */
  async accessToken(forceRefresh = false): Promise<string> {
    const current = forceRefresh ? null : this.#tokens.accessToken;
    return current ?? this.#renewOrLose();
  }

  /** When (epoch ms, this device's clock) the access token last handed out expires; null without one. */
  get accessTokenExpiresAt(): number | null {
    return this.#tokens.accessTokenExpiresAt;
  }

  /**
   * Exchanges the stored refresh token for new tokens. Resolves false when the server refuses
   * the refresh token (the session is over); rejects when the server could not be asked.
   */
  refresh(): Promise<boolean> {
    if (this.#refreshing === null) {
      this.#refreshing = this.#doRefresh().finally(() => {
        this.#refreshing = null;
      });
    }
    return this.#refreshing;
  }

  #doRefresh(): Promise<boolean> {
    const startedWith = this.#tokens.refreshToken;
    return this.#sync.exclusive(async () => {
      const refreshToken = this.#tokens.refreshToken;
      if (refreshToken === null) return false;
      // another tab of this session renewed the tokens while this one waited for its turn
      if (refreshToken !== startedWith && this.#tokens.accessToken !== null) return true;
      return this.#exchange(refreshToken);
    });
  }

  async #exchange(refreshToken: string): Promise<boolean> {
    const response = await this.#send('POST', '/api/auth/refresh', { body: { refreshToken } }, null);
    if (response.ok) {
      const fresh = (await response.json()) as TokenResponse;
      this.#tokens.save(fresh);
      await this.#sync.rotated(refreshToken, fresh);
      return true;
    }
    if (response.status >= 500 || response.status === 429) {
      throw new ApiError(await readProblem(response));
    }
    this.#tokens.clear();
    return false;
  }

  async #renewOrLose(): Promise<string> {
    const renewed = await this.refresh();
    const token = renewed ? this.#tokens.accessToken : null;
    return token ?? this.#lose();
  }

  #lose(): never {
    this.#tokens.clear();
    this.emit(new SessionLostEvent());
    throw new ApiError({ status: 401, code: 'auth.unauthenticated' });
  }

  async #send(method: HttpMethod, path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json, application/problem+json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (token !== null) {
      headers['Authorization'] = `Bearer ${token}`;
    }
    if (options.keepalive) {
      init.keepalive = true;
    }
    try {
      return await this.#fetch(path, init);
    } catch {
      throw ApiError.network();
    }
  }

  async #parse<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw new ApiError(await readProblem(response));
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}
