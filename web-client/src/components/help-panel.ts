import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { telLink, translated } from '../i18n/dom.ts';
import { type HelpLine, crisisLines } from '../safety/crisis-lines.ts';

export { crisisLines, crisisNumbers } from '../safety/crisis-lines.ts';

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
