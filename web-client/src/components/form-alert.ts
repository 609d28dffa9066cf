import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { type TextRef, setText } from '../i18n/dom.ts';

export type AlertTone = 'error' | 'info';

/**
 * A message about a whole form or page. Errors use role="alert" so screen readers announce
 * them at once; informational notes use role="status", which waits politely.
 */
export class FormAlert {
  readonly element: HTMLDivElement;
  readonly #text: HTMLParagraphElement;

  constructor(tone: AlertTone = 'error', testId = 'form-alert') {
    this.#text = h('p');
    this.element = h(
      'div',
      { class: `alert alert-${tone}`, role: tone === 'error' ? 'alert' : 'status', 'data-testid': testId },
      this.#text,
    );
    this.element.classList.add('is-empty');
  }

  show(text: TextRef): void {
    setText(locale, this.#text, text);
    this.element.classList.remove('is-empty');
  }

  clear(): void {
    setText(locale, this.#text, null);
    this.element.classList.add('is-empty');
  }
}
