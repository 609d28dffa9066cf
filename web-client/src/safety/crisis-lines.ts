import { type Language, type MessageKey, languages } from '../i18n/languages.ts';

/** A crisis service: its name, its number as written and what it is for, each a text of the language file. */
export type HelpLine = {
  name: MessageKey;
  number: MessageKey;
  text: MessageKey;
};

/**
 * The crisis services in Finland, in the interface language: each language file names the service
 * that answers in that language and its number (in Swedish Kristelefonen på svenska, 09 2525 0112;
 * sources in decision 26).
 */
export const crisisLines: readonly HelpLine[] = [
  { name: 'help.emergency.name', number: 'help.emergency.number', text: 'help.emergency.text' },
  { name: 'help.nollalinja.name', number: 'help.nollalinja.number', text: 'help.nollalinja.text' },
  { name: 'help.kriisipuhelin.name', number: 'help.kriisipuhelin.number', text: 'help.kriisipuhelin.text' },
];

/** Every crisis number of every language, digits only: numbers anyone may share. */
export function crisisNumbers(offered: readonly Language[] = languages): string[] {
  const numbers = offered.flatMap((language) => crisisLines.map((line) => language.messages[line.number] ?? ''));
  return [...new Set(numbers.map(dialOf).filter((dial) => dial !== ''))];
}

/** The digits to dial for a number as written ("09 2525 0112" → "0925250112"), a leading + kept (RFC 3966). */
export function dialOf(number: string): string {
  return number.replace(/(?!^\+)[^\d]/g, '');
}
