import type { KeyValueStorage } from '../api/token-store.ts';
import { LocaleChangedEvent, type LocaleEventMap } from '../state/events.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { formatNumber } from './formats.ts';
import { type Language, type MessageKey, defaultLanguage, preferredLanguage } from './languages.ts';
import { type Params, Translator } from './translator.ts';

const LOCALE_KEY = 'tukipiiri.locale';

/**
 * The interface language: the one the person chose in the language switch (remembered across
 * visits), or on a first visit the first of the browser's languages that is offered, or Finnish.
 * Only a choice made in the switch is remembered.
 */
export class LocaleStore extends TypedEventTarget<LocaleEventMap> {
  readonly languages: readonly Language[];
  readonly #storage: KeyValueStorage;
  #locale: string;
  #translator: Translator;

  constructor(languages: readonly Language[], storage: KeyValueStorage, browserLanguages: readonly string[] = []) {
    super();
    this.languages = languages;
    this.#storage = storage;
    const saved = this.#read();
    this.#locale = this.#find(saved) ? (saved as string) : preferredLanguage(browserLanguages, languages);
    this.#translator = this.#translatorFor(this.#locale);
  }

  get locale(): string {
    return this.#locale;
  }

  /** The locale every date, time and number is formatted in (`i18n/formats.ts`), e.g. `fi-FI`, `sv-FI`. */
  get intlLocale(): string {
    return this.#intlLocaleOf(this.#locale);
  }

  setLocale(code: string): void {
    if (code === this.#locale || !this.#find(code)) return;
    this.#locale = code;
    this.#translator = this.#translatorFor(code);
    try {
      this.#storage.setItem(LOCALE_KEY, code);
    } catch {
      // Not remembered when storage is unavailable.
    }
    this.emit(new LocaleChangedEvent(code));
  }

  t(key: MessageKey, params?: Params): string {
    return this.#translator.t(key, params);
  }

  lookup(key: string, params?: Params): string | undefined {
    return this.#translator.lookup(key, params);
  }

  first(keys: readonly string[], params?: Params): string | undefined {
    return this.#translator.first(keys, params);
  }

  /** A text in the given language regardless of the current one (for the language switch). */
  nameOf(code: string): string {
    return this.#find(code)?.messages['language.name'] ?? code;
  }

  #read(): string | null {
    try {
      return this.#storage.getItem(LOCALE_KEY);
    } catch {
      return null;
    }
  }

  #find(code: string | null): Language | undefined {
    return this.languages.find((language) => language.code === code);
  }

  #intlLocaleOf(code: string): string {
    return this.#find(code)?.messages['language.intlLocale'] ?? this.#find(defaultLanguage)?.messages['language.intlLocale'] ?? 'fi-FI';
  }

  #translatorFor(code: string): Translator {
    const fallback = this.#find(defaultLanguage)?.messages ?? {};
    const intlLocale = this.#intlLocaleOf(code);
    return new Translator(this.#find(code)?.messages ?? fallback, fallback, (value) => formatNumber(value, intlLocale));
  }
}
