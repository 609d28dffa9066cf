import type { KeyValueStorage } from '../api/token-store.ts';
import { LocaleChangedEvent, type LocaleEventMap } from '../state/events.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { type Language, type MessageKey, defaultLanguage } from './languages.ts';
import { type Params, Translator } from './translator.ts';

const LOCALE_KEY = 'tukipiiri.locale';

/** The chosen interface language, remembered across visits. */
export class LocaleStore extends TypedEventTarget<LocaleEventMap> {
  readonly languages: readonly Language[];
  readonly #storage: KeyValueStorage;
  #locale: string;
  #translator: Translator;

  constructor(languages: readonly Language[], storage: KeyValueStorage) {
    super();
    this.languages = languages;
    this.#storage = storage;
    const saved = this.#read();
    this.#locale = this.#find(saved) ? (saved as string) : defaultLanguage;
    this.#translator = this.#translatorFor(this.#locale);
  }

  get locale(): string {
    return this.#locale;
  }

  /** The locale for Intl formatting (dates, numbers), e.g. `fi-FI`. */
  get intlLocale(): string {
    return this.t('language.intlLocale');
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

  #translatorFor(code: string): Translator {
    const fallback = this.#find(defaultLanguage)?.messages ?? {};
    return new Translator(this.#find(code)?.messages ?? fallback, fallback);
  }
}
