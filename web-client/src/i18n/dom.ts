import type { MessageKey } from './languages.ts';
import type { LocaleStore } from './locale-store.ts';
import type { Params } from './translator.ts';
import { dialOf } from '../safety/crisis-lines.ts';

/**
 * Texts are written into the DOM together with their keys (`data-i18n`, candidates separated
 * by spaces, first one found wins) so that a language change can re-translate the page in
 * place, without losing what the user has typed or where focus is.
 */
export type TextRef = {
  readonly keys: readonly string[];
  params?: Params;
  /** Shown as is when no key has a text (e.g. a role name the translations do not know yet). */
  fallback?: string;
};

export function ref(key: MessageKey | readonly string[], params?: Params): TextRef {
  const keys = typeof key === 'string' ? [key] : key;
  return params === undefined ? { keys } : { keys, params };
}

function resolve(locale: LocaleStore, text: TextRef): string {
  return locale.first(text.keys, text.params) ?? text.fallback ?? locale.t('error.generic');
}

/** Sets an element's text from the translations and remembers how, for re-translation. */
export function setText(locale: LocaleStore, element: HTMLElement, text: TextRef | null): void {
  if (text === null) {
    delete element.dataset['i18n'];
    delete element.dataset['i18nParams'];
    delete element.dataset['i18nFallback'];
    element.textContent = '';
    return;
  }
  element.dataset['i18n'] = text.keys.join(' ');
  if (text.fallback === undefined) {
    delete element.dataset['i18nFallback'];
  } else {
    element.dataset['i18nFallback'] = text.fallback;
  }
  if (text.params === undefined) {
    delete element.dataset['i18nParams'];
  } else {
    element.dataset['i18nParams'] = JSON.stringify(text.params);
  }
  element.textContent = resolve(locale, text);
}

/** Sets an attribute (e.g. aria-label) from the translations, remembered for re-translation. */
export function setAttributeText(locale: LocaleStore, element: HTMLElement, attribute: string, key: MessageKey): void {
  const bindings = parseAttributeBindings(element.dataset['i18nAttr']);
  bindings.set(attribute, key);
  element.dataset['i18nAttr'] = [...bindings].map(([name, value]) => `${name}=${value}`).join(';');
  element.setAttribute(attribute, locale.t(key));
}

function parseAttributeBindings(value: string | undefined): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const pair of (value ?? '').split(';')) {
    const [name, key] = pair.split('=');
    if (name && key) bindings.set(name, key);
  }
  return bindings;
}

function readParams(element: HTMLElement): Params | undefined {
  const raw = element.dataset['i18nParams'];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as Params;
  } catch {
    return undefined;
  }
}

/**
 * A telephone link whose number comes from the translations, so each language can name its own
 * service (the Swedish crisis line has its own number); its text and `tel:` target follow the language.
 */
export function telLink(locale: LocaleStore, key: MessageKey, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const link = translated(locale, 'a', key, attributes);
  link.dataset['i18nTel'] = key;
  link.href = `tel:${dialOf(locale.t(key))}`;
  return link;
}

/** Re-translates every remembered text and attribute under `root`. */
export function retranslate(locale: LocaleStore, root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const keys = (element.dataset['i18n'] ?? '').split(' ').filter(Boolean);
    const text: TextRef = { keys };
    const params = readParams(element);
    if (params !== undefined) text.params = params;
    const fallback = element.dataset['i18nFallback'];
    if (fallback !== undefined) text.fallback = fallback;
    element.textContent = resolve(locale, text);
  }
  for (const element of root.querySelectorAll<HTMLAnchorElement>('a[data-i18n-tel]')) {
    const number = locale.lookup(element.dataset['i18nTel'] ?? '');
    if (number !== undefined) element.href = `tel:${dialOf(number)}`;
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const [attribute, key] of parseAttributeBindings(element.dataset['i18nAttr'])) {
      element.setAttribute(attribute, locale.lookup(key) ?? key);
    }
  }
}

/** Creates an element holding a translated text. */
export function translated<K extends keyof HTMLElementTagNameMap>(
  locale: LocaleStore,
  tag: K,
  text: MessageKey | TextRef,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  setText(locale, element, typeof text === 'string' ? ref(text) : text);
  return element;
}
