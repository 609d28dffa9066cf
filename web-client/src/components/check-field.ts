import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import type { CheckedField } from '../forms/form-controller.ts';
import { fieldErrorText } from '../forms/problem-text.ts';
import { type TextRef, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';

export type CheckFieldOptions = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  checked?: boolean;
  /** A box that must be ticked before sending, such as a confirmation. */
  required?: boolean;
};

/** A labelled check box with an optional hint, checked like the other fields of a form. */
export class CheckField implements CheckedField {
  readonly name: string;
  readonly element: HTMLDivElement;
  readonly input: HTMLInputElement;
  readonly #error: HTMLParagraphElement;
  readonly #hintId: string | null;
  readonly #required: boolean;
  #invalid = false;

  constructor(options: CheckFieldOptions) {
    this.name = options.name;
    this.#required = options.required ?? false;
    const id = uniqueId(`check-${options.name}`);
    this.#hintId = options.hint ? `${id}-hint` : null;
    this.#error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    this.input = h('input', {
      type: 'checkbox',
      id,
      name: options.name,
      checked: options.checked ?? false,
      required: this.#required,
      'aria-describedby': this.#hintId,
    });
    this.element = h(
      'div',
      { class: 'field' },
      h('div', { class: 'check' }, this.input, translated(locale, 'label', options.label, { for: id })),
      options.hint && this.#hintId ? translated(locale, 'p', options.hint, { id: this.#hintId, class: 'field-hint' }) : null,
      this.#error,
    );
    this.input.addEventListener('change', () => {
      if (this.#invalid) this.validate(true);
    });
  }

  get checked(): boolean {
    return this.input.checked;
  }

  set checked(checked: boolean) {
    this.input.checked = checked;
  }

  get invalid(): boolean {
    return this.#invalid;
  }

  validate(onlyClear = false): boolean {
    if (!this.#required || this.input.checked) {
      this.showError(null);
      return true;
    }
    if (!onlyClear) this.showError(fieldErrorText(this.name, 'not_blank'));
    return false;
  }

  showError(text: TextRef | null): void {
    this.#invalid = text !== null;
    setText(locale, this.#error, text);
    this.#error.hidden = text === null;
    const describedBy = [this.#hintId, text === null ? null : this.#error.id].filter(Boolean).join(' ');
    if (describedBy === '') this.input.removeAttribute('aria-describedby');
    else this.input.setAttribute('aria-describedby', describedBy);
    if (text === null) this.input.removeAttribute('aria-invalid');
    else this.input.setAttribute('aria-invalid', 'true');
  }

  focus(): void {
    this.input.focus();
  }
}
