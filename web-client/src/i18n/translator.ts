import type { MessageKey, Translation } from './languages.ts';

export type Params = Readonly<Record<string, string | number>>;

/** Writes a number for people to read; the locale store gives the language's own format. */
export type NumberWriter = (value: number) => string;

/**
 * Replaces `{name}` placeholders; unknown placeholders stay as they are. Numbers are written with
 * `writeNumber` ("1 500" in Finnish and Swedish, "1,500" in English); strings as they are.
 */
export function interpolate(template: string, params?: Params, writeNumber: NumberWriter = String): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? writeNumber(value) : value;
  });
}

/** Looks texts up in one language, falling back to another (Finnish). */
export class Translator {
  readonly #messages: Translation;
  readonly #fallback: Translation;
  readonly #writeNumber: NumberWriter;

  constructor(messages: Translation, fallback: Translation, writeNumber: NumberWriter = String) {
    this.#messages = messages;
    this.#fallback = fallback;
    this.#writeNumber = writeNumber;
  }

  /** A text that is known to exist. */
  t(key: MessageKey, params?: Params): string {
    return this.lookup(key, params) ?? key;
  }

  /** A text whose key is computed (e.g. from a server error code); undefined when unknown. */
  lookup(key: string, params?: Params): string | undefined {
    const template = this.#messages[key as MessageKey] ?? this.#fallback[key as MessageKey];
    return template === undefined ? undefined : interpolate(template, params, this.#writeNumber);
  }

  /** The first of several candidate keys that has a text. */
  first(keys: readonly string[], params?: Params): string | undefined {
    for (const key of keys) {
      const text = this.lookup(key, params);
      if (text !== undefined) return text;
    }
    return undefined;
  }
}
