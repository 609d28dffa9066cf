import type { KeyValueStorage } from '../api/token-store.ts';
import { readLimits, textLimits } from '../text/text-limits.ts';

/** An in-memory stand-in for localStorage / sessionStorage. */
export class MemoryStorage implements KeyValueStorage {
  readonly values = new Map<string, string>();

  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }

  removeItem(key: string): void {
    this.values.delete(key);
  }
}

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
};

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A fetch that answers from handlers keyed by "METHOD /path" and records every request. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  readonly #handlers = new Map<string, Handler[]>();

  /** Queues one answer; the last queued answer for a route repeats. */
  on(route: string, handler: Handler): this {
    const queue = this.#handlers.get(route) ?? [];
    queue.push(handler);
    this.#handlers.set(route, queue);
    return this;
  }

  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: input,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    this.requests.push(request);
    const queue = this.#handlers.get(`${request.method} ${request.path}`);
    const handler = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!handler) throw new TypeError(`no route for ${request.method} ${request.path}`);
    return handler(request);
  };

  count(route: string): number {
    return this.requests.filter((request) => `${request.method} ${request.path}` === route).length;
  }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export function tokens(name: string, expiresIn = 900): Response {
  return json(200, { accessToken: `access-${name}`, refreshToken: `refresh-${name}`, expiresIn });
}

/** The real timer, kept before any test installs fake ones. */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** Lets pending promise chains (fetch answers, async handlers) run to their end. */
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise((resolve) => realSetTimeout(resolve, 0));
  }
}

/**
 * What `GET /api/limits` answers with the server's default settings, for tests of the parts that
 * read the limits; `useServerLimits` hands it to the app's store.
 */
export const SERVER_LIMITS = {
  maxMarksPerCharacter: 4,
  maxBlankLines: 2,
  fields: {
    username: { kind: 'VERBATIM', min: 3, max: 32 },
    password: { kind: 'VERBATIM', min: 10, max: 128, maxBytes: 72 },
    displayName: { kind: 'NAME', min: 2, max: 40 },
    nickname: { kind: 'NAME', min: 2, max: 40 },
    message: { kind: 'MULTI_LINE', min: 1, max: 4000 },
    roomTitle: { kind: 'SINGLE_LINE', min: 1, max: 120 },
    roomTheme: { kind: 'SINGLE_LINE', min: 0, max: 500 },
    reason: { kind: 'SINGLE_LINE', min: 0, max: 500 },
    pin: { kind: 'SINGLE_LINE', min: 1, max: 1000 },
    reportNote: { kind: 'MULTI_LINE', min: 0, max: 1000 },
    handlingNote: { kind: 'MULTI_LINE', min: 0, max: 1000 },
    helped: { kind: 'MULTI_LINE', min: 0, max: 1000 },
    better: { kind: 'MULTI_LINE', min: 0, max: 1000 },
    freeText: { kind: 'MULTI_LINE', min: 0, max: 2000 },
    seriesTitle: { kind: 'SINGLE_LINE', min: 1, max: 120 },
    audienceNote: { kind: 'SINGLE_LINE', min: 0, max: 300 },
    sessionTheme: { kind: 'SINGLE_LINE', min: 1, max: 120 },
    templateTitle: { kind: 'SINGLE_LINE', min: 1, max: 120 },
    templateDescription: { kind: 'MULTI_LINE', min: 0, max: 1000 },
  },
  counts: { historyPage: 200 },
};

export function useServerLimits(): void {
  const limits = readLimits(SERVER_LIMITS);
  if (limits === null) throw new Error('SERVER_LIMITS do not read as limits');
  textLimits.use(limits);
}
