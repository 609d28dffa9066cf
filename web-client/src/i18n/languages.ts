import type finnish from './fi.json';

/** Every text of the interface, keyed as in fi.json (the complete, default language). */
export type Messages = typeof finnish;
export type MessageKey = keyof Messages;

/** A translation may be partial; missing texts fall back to Finnish. */
export type Translation = Partial<Record<MessageKey, string>>;

export type Language = {
  code: string;
  messages: Translation;
};

export const defaultLanguage = 'fi';

/** Finland's two official languages, then English; any other language follows in the order of its code. */
const leading = ['fi', 'sv', 'en'];

/** The language code of a translation file's path, e.g. `./sv.json` → `sv`; null for a name that is not a BCP 47 language subtag. */
export function codeOfFile(path: string): string | null {
  const match = /(?:^|\/)([a-z]{2,3})\.json$/.exec(path);
  return match?.[1] ?? null;
}

/** The order the language switch offers: fi, sv, en (those present), then the others by code. */
export function offeredOrder(codes: readonly string[]): string[] {
  const first = leading.filter((code) => codes.includes(code));
  const rest = codes.filter((code) => !leading.includes(code)).sort();
  return [...first, ...rest];
}

/**
 * The offered languages, one for each translation file. Adding a language is adding its file
 * (e.g. `se.json` for North Sámi) with every key of fi.json, its own name in `language.name` and
 * its formatting locale in `language.intlLocale`.
 */
export function languagesOf(files: Readonly<Record<string, Translation>>): Language[] {
  const byCode = new Map<string, Translation>();
  for (const [path, messages] of Object.entries(files)) {
    const code = codeOfFile(path);
    if (code !== null) byCode.set(code, messages);
  }
  if (!byCode.has(defaultLanguage)) {
    throw new Error(`Missing translation file ${defaultLanguage}.json`);
  }
  return offeredOrder([...byCode.keys()]).map((code) => ({ code, messages: byCode.get(code) ?? {} }));
}

/**
 * The language to start in when the person has not chosen one: the first of the browser's
 * languages (`navigator.languages`, most preferred first) whose primary subtag is offered, so
 * `sv-FI`, `sv-SE` and `sv` choose Swedish and any `en-*` English; Finnish when none is.
 */
export function preferredLanguage(browserLanguages: readonly string[], offered: readonly Language[]): string {
  for (const tag of browserLanguages) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
    if (offered.some((language) => language.code === primary)) return primary;
  }
  return defaultLanguage;
}

const files = import.meta.glob<Translation>('./*.json', { eager: true, import: 'default' });

/** The languages offered in the language switch, in that order. */
export const languages: readonly Language[] = languagesOf(files);
