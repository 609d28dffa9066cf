import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';

/** A checkbox that shows or hides what was typed into password inputs (helps on phones). */
export class PasswordToggle {
  readonly element: HTMLDivElement;

  constructor(label: MessageKey, inputs: readonly HTMLInputElement[]) {
    const id = uniqueId('show-password');
    const checkbox = h('input', { type: 'checkbox', id });
    checkbox.addEventListener('change', () => {
      for (const input of inputs) {
        input.type = checkbox.checked ? 'text' : 'password';
      }
    });
    this.element = h('div', { class: 'check' }, checkbox, translated(locale, 'label', label, { for: id }));
  }
}
