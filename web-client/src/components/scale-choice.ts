import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import type { CheckedField } from '../forms/form-controller.ts';
import { fieldErrorText } from '../forms/problem-text.ts';
import type { FieldCode } from '../forms/rules.ts';
import { type TextRef, setText, translated } from '../i18n/dom.ts';

/** One step of a scale and what its label says. */
export type ScaleStep = {
  value: number;
  label: TextRef;
};

export type ScaleChoiceOptions = {
  /** Names the field in error texts and in the server's field errors. */
  name: string;
  /** The question: a translated text, or a plain string for a question the server worded. */
  legend: TextRef | string;
  steps: readonly ScaleStep[];
  /** What the lowest and the highest step mean, shown under a compact row of numbers. */
  ends?: readonly [TextRef, TextRef];
  /** One step per line with its full label, or the steps side by side (long scales). */
  layout: 'list' | 'row';
  rule: (value: string) => FieldCode | null;
};

/**
 * A question answered by choosing one step of a scale: a fieldset of radio buttons with a legend,
 * checked like a text field (error text linked to the group, focus to the first step).
 */
export class ScaleChoice implements CheckedField {
  readonly name: string;
  readonly element: HTMLFieldSetElement;
  /** The legend, for callers that set a server-provided question in the chosen language. */
  readonly legend: HTMLLegendElement;
  readonly #radios: HTMLInputElement[];
  readonly #error: HTMLParagraphElement;
  readonly #endsId: string | null;
  readonly #rule: (value: string) => FieldCode | null;
  #invalid = false;

  constructor(options: ScaleChoiceOptions) {
    this.name = options.name;
    this.#rule = options.rule;
    const groupName = uniqueId(`scale-${options.name}`);
    const legendId = `${groupName}-legend`;
    this.#error = h('p', { id: `${groupName}-error`, class: 'field-error', hidden: true });
    this.legend =
      typeof options.legend === 'string'
        ? h('legend', { id: legendId }, options.legend)
        : translated(locale, 'legend', options.legend, { id: legendId });
    this.#radios = options.steps.map((step) =>
      h('input', { type: 'radio', id: `${groupName}-${step.value}`, name: groupName, value: String(step.value) }),
    );
    const choices = options.steps.map((step, index) =>
      h(
        'div',
        { class: 'choice' },
        this.#radios[index] ?? null,
        translated(locale, 'label', step.label, { for: `${groupName}-${step.value}` }),
      ),
    );
    const ends = options.ends
      ? h(
          'p',
          { class: 'scale-ends', id: `${groupName}-ends` },
          translated(locale, 'span', options.ends[0]),
          translated(locale, 'span', options.ends[1]),
        )
      : null;
    this.#endsId = ends?.id ?? null;
    this.element = h(
      'fieldset',
      {
        class: `choice-group scale-choice scale-${options.layout}`,
        'aria-labelledby': legendId,
        'aria-describedby': this.#endsId,
        'data-field': options.name,
      },
      this.legend,
      h('div', { class: 'scale-steps' }, ...choices),
      ends,
      this.#error,
    );
    // The number of steps sizes the words under the row (see .scale-row in the styles).
    this.element.style.setProperty('--scale-steps', String(options.steps.length));
    this.element.addEventListener('change', () => {
      if (this.#invalid) this.validate(true);
    });
  }

  /** The chosen step's value, '' when none is chosen. */
  get value(): string {
    return this.#radios.find((radio) => radio.checked)?.value ?? '';
  }

  set value(value: string) {
    for (const radio of this.#radios) radio.checked = radio.value === value;
  }

  get invalid(): boolean {
    return this.#invalid;
  }

  validate(onlyClear = false): boolean {
    const code = this.#rule(this.value);
    if (code === null) {
      this.showError(null);
      return true;
    }
    if (!onlyClear) this.showError(fieldErrorText(this.name, code));
    return false;
  }

  showError(text: TextRef | null): void {
    this.#invalid = text !== null;
    setText(locale, this.#error, text);
    this.#error.hidden = text === null;
    const describedBy = [this.#endsId, text === null ? null : this.#error.id].filter(Boolean).join(' ');
    if (describedBy === '') this.element.removeAttribute('aria-describedby');
    else this.element.setAttribute('aria-describedby', describedBy);
    for (const radio of this.#radios) {
      if (text === null) radio.removeAttribute('aria-invalid');
      else radio.setAttribute('aria-invalid', 'true');
    }
  }

  focus(): void {
    (this.#radios.find((radio) => radio.checked) ?? this.#radios[0] ?? this.element).focus();
  }
}
