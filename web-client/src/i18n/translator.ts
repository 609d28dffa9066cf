import type { MessageKey, Translation } from './languages.ts';

export type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; unknown placeholders stay as they are. */
export function interpolate(template: string, params?: Params): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** Looks texts up in one language, falling back to another (Finnish). */
export class Translator {
  readonly #messages: Translation;
  readonly #fallback: Translation;

  constructor(messages: Translation, fallback: Translation) {
    this.#messages = messages;
    this.#fallback = fallback;
  }

  /** A text that is known to exist. */
  t(key: MessageKey, params?: Params): string {
    return this.lookup(key, params) ?? key;
  }

  /** A text whose key is computed (e.g. from a server error code); undefined when unknown. */
  lookup(key: string, params?: Params): string | undefined {
    const template = this.#messages[key as MessageKey] ?? this.#fallback[key as MessageKey];
    return template === undefined ? undefined : interpolate(template, params);
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
