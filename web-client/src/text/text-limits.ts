import type { ApiClient } from '../api/api-client.ts';
import { record, wholeNumber } from '../api/json-read.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { type FieldLimit, type PolicyNumbers, type TextCheck, type TextKind, checkText, foldText } from './text-policy.ts';

/** The names the server gives its text fields in `GET /api/limits`. */
export type TextField =
  | 'username'
  | 'password'
  | 'displayName'
  | 'nickname'
  | 'message'
  | 'roomTitle'
  | 'roomTheme'
  | 'reason'
  | 'pin'
  | 'reportNote'
  | 'handlingNote'
  | 'helped'
  | 'better'
  | 'freeText'
  | 'seriesTitle'
  | 'audienceNote'
  | 'sessionTheme'
  | 'templateTitle'
  | 'templateDescription'
  | 'guideText'
  | 'sessionMaterial'
  | 'sessionExercise'
  | 'workbookAnswer'
  | 'sessionNote'
  | 'appealText'
  | 'appealAnswer'
  | 'question';

/**
 * The names the server gives the numbers other than text lengths in `GET /api/limits` (`counts`):
 * `historyPage`, the most messages one page of a room's history holds; `editWindowSeconds`, how
 * long one's own message can be edited; `questionsWaiting`, how many of one's questions may wait in
 * an information session's queue at once.
 */
export type CountName = 'historyPage' | 'editWindowSeconds' | 'questionsWaiting';

/** `counts`: the other numbers by name, each a positive whole number (absent from older servers). */
export type Limits = PolicyNumbers & { fields: ReadonlyMap<string, FieldLimit>; counts: ReadonlyMap<string, number> };

/** The limits arrived (or changed): counters and rules read them anew. */
export class LimitsChangedEvent extends Event {
  static readonly eventName = 'limits-changed';

  constructor() {
    super(LimitsChangedEvent.eventName);
  }
}

type TextLimitsEventMap = { 'limits-changed': LimitsChangedEvent };

const KINDS: ReadonlySet<string> = new Set<TextKind>(['NAME', 'SINGLE_LINE', 'MULTI_LINE', 'VERBATIM']);

function fieldLimit(value: unknown): FieldLimit | null {
  const json = record(value);
  const kind = typeof json?.['kind'] === 'string' && KINDS.has(json['kind']) ? (json['kind'] as TextKind) : null;
  const min = wholeNumber(json?.['min']);
  const max = wholeNumber(json?.['max']);
  const maxBytes = wholeNumber(json?.['maxBytes']);
  if (kind === null || min === null || max === null) return null;
  return maxBytes === null ? { kind, min, max } : { kind, min, max, maxBytes };
}

/** Reads the server's answer; anything of the wrong shape reads as null. */
export function readLimits(value: unknown): Limits | null {
  const json = record(value);
  const maxMarksPerCharacter = wholeNumber(json?.['maxMarksPerCharacter']);
  const maxBlankLines = wholeNumber(json?.['maxBlankLines']);
  const fields = record(json?.['fields']);
  if (maxMarksPerCharacter === null || maxBlankLines === null || fields === null) return null;
  const limits = new Map<string, FieldLimit>();
  for (const [name, entry] of Object.entries(fields)) {
    const limit = fieldLimit(entry);
    if (limit !== null) limits.set(name, limit);
  }
  const counts = new Map<string, number>();
  for (const [name, entry] of Object.entries(record(json?.['counts']) ?? {})) {
    const count = wholeNumber(entry);
    if (count !== null && count > 0) counts.set(name, count);
  }
  return { maxMarksPerCharacter, maxBlankLines, fields: limits, counts };
}

/**
 * The server's text limits, fetched once when the app starts. Until they arrive nothing is judged
 * here (the server still is): rules answer null and counters stay hidden.
 */
export class TextLimits extends TypedEventTarget<TextLimitsEventMap> {
  #limits: Limits | null = null;
  #loading: Promise<void> | null = null;

  get loaded(): boolean {
    return this.#limits !== null;
  }

  /** Fetches the limits; a failure is retried on the next call. */
  load(api: ApiClient): Promise<void> {
    this.#loading ??= api
      .get<unknown>('/api/limits', { auth: false })
      .then((answer) => {
        const limits = readLimits(answer);
        if (limits !== null) this.use(limits);
      })
      .catch(() => undefined)
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** Takes limits read elsewhere (tests, a later refresh). */
  use(limits: Limits): void {
    this.#limits = limits;
    this.emit(new LimitsChangedEvent());
  }

  field(name: TextField): FieldLimit | null {
    return this.#limits?.fields.get(name) ?? null;
  }

  /** One of the server's other numbers (see `CountName`); null before the limits arrive or when the server names none. */
  count(name: CountName): number | null {
    return this.#limits?.counts.get(name) ?? null;
  }

  /** The server's verdict on a value of this field, as far as the browser can tell; null before the limits arrive. */
  check(name: TextField, raw: string): TextCheck | null {
    const limit = this.field(name);
    return limit === null || this.#limits === null ? null : checkText(raw, limit, this.#limits);
  }

  /** `{min, max, maxBytes}` of the field for texts that state them ("2–40 characters"); null before the limits arrive. */
  params(name: TextField): Record<string, number> | null {
    const limit = this.field(name);
    if (limit === null) return null;
    return limit.maxBytes === undefined ? { min: limit.min, max: limit.max } : { min: limit.min, max: limit.max, maxBytes: limit.maxBytes };
  }

  /** Runs `then` once the limits are known: now, or when they arrive. */
  whenLoaded(then: () => void): void {
    if (this.loaded) {
      then();
    } else {
      this.on(LimitsChangedEvent.eventName, then, { once: true });
    }
  }

  /** The value as the server would store it (for sending and for counting); unchanged before the limits arrive. */
  fold(name: TextField, raw: string): string {
    const limit = this.field(name);
    return limit === null || this.#limits === null ? raw : foldText(limit.kind, raw, this.#limits);
  }
}

/** The app's one copy; `context.ts` loads it. */
export const textLimits = new TextLimits();
