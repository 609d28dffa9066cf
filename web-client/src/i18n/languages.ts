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

const files = import.meta.glob<Translation>('./*.json', { eager: true, import: 'default' });

/**
 * The languages offered in the language switch, in this order. To add a language, put its
 * JSON file (same keys as fi.json) beside this one and add its code here.
 */
const offered = ['fi', 'en'];

export const defaultLanguage = 'fi';

export const languages: readonly Language[] = offered.map((code) => {
  const messages = files[`./${code}.json`];
  if (messages === undefined) {
    throw new Error(`Missing translation file ${code}.json`);
  }
  return { code, messages };
});
