import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { dialOf, telLink, translated } from '../i18n/dom.ts';
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

/** One crisis number: its name, the number as a tel: link, and what it is for. */
export function crisisLine(line: HelpLine): HTMLLIElement {
  return h(
    'li',
    {},
    translated(locale, 'span', line.name, { class: 'help-line-name' }),
    telLink(locale, line.number, { class: 'help-line-number' }),
    translated(locale, 'span', line.text, { class: 'help-line-text' }),
  );
}

/** Crisis numbers, always one click away in the header. */
class HelpPanel extends Component {
  protected render(): void {
    const summary = translated(locale, 'summary', 'help.toggle', { 'data-testid': 'help-toggle' });
    const list = h('ul', { class: 'help-lines' }, ...crisisLines.map(crisisLine));
    const close = translated(locale, 'button', 'help.close', { type: 'button', class: 'button-quiet' });
    const details = h(
      'details',
      { class: 'help' },
      summary,
      h(
        'div',
        { class: 'help-body', 'data-testid': 'help-panel' },
        translated(locale, 'p', 'help.heading', { class: 'help-heading' }),
        translated(locale, 'p', 'help.intro'),
        list,
        translated(locale, 'p', 'help.quickExitTip', { class: 'help-tip' }),
        close,
      ),
    );
    close.addEventListener('click', () => {
      details.open = false;
      summary.focus();
    });
    details.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && details.open) {
        event.preventDefault();
        details.open = false;
        summary.focus();
      }
    });
    this.append(details);
  }
}

define('tp-help-panel', HelpPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tp-help-panel': HelpPanel;
  }
}
