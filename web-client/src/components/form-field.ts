import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import type { Rule } from '../forms/rules.ts';
import { fieldErrorText } from '../forms/problem-text.ts';
import { type TextField, textLimits } from '../text/text-limits.ts';

export type FormFieldOptions = {
  /** Also the JSON property the server names in its field errors. */
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  type?: 'text' | 'password' | 'date' | 'time' | 'number' | 'email';
  autocomplete: string;
  rule?: Rule;
  /** For user names and the like: no automatic capitals or spelling fixes. */
  verbatim?: boolean;
  /** Defaults to true; an optional field still runs its rule (e.g. a length limit). */
  required?: boolean;
  /**
   * The server's text field whose limits the hint and error texts state (`{min}`, `{max}`); the
   * hint waits for the limits to arrive.
   */
  limit?: TextField;
};

export type FieldControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A choice in a select field: its value and its text, translated or (for names) as is. */
export type SelectOption = { value: string; label: MessageKey; translate?: true } | { value: string; label: string; translate: false };

/**
 * A labelled text input (or, through `FormField.multiline`, a text area) with an optional hint
 * and an error message linked to it.
 */
export class FormField<C extends FieldControl = HTMLInputElement> {
  readonly name: string;
  readonly element: HTMLDivElement;
  readonly input: C;
  readonly #error: HTMLParagraphElement;
  readonly #hintId: string | null;
  readonly #rule: Rule | undefined;
  readonly #limit: TextField | undefined;
  #invalid = false;

  /** A field for longer text, several lines high. */
  static multiline(options: Omit<FormFieldOptions, 'type' | 'verbatim'>, rows = 3): FormField<HTMLTextAreaElement> {
    return new FormField<HTMLTextAreaElement>(options, rows);
  }

  /** A drop-down choice; its options can be replaced later with `setOptions`. */
  static select(options: Omit<FormFieldOptions, 'type' | 'verbatim'>, choices: readonly SelectOption[] = []): FormField<HTMLSelectElement> {
    const field = new FormField<HTMLSelectElement>(options, 'select');
    field.setOptions(choices);
    return field;
  }

  constructor(options: FormFieldOptions, rows: number | 'select' | null = null) {
    this.name = options.name;
    this.#rule = options.rule;
    this.#limit = options.limit;
    const inputId = uniqueId(`field-${options.name}`);
    const errorId = `${inputId}-error`;
    this.#hintId = options.hint ? `${inputId}-hint` : null;

    const common = {
      id: inputId,
      name: options.name,
      autocomplete: options.autocomplete,
      'aria-describedby': this.#hintId,
      required: options.required ?? true,
    };
    this.input = (
      rows === 'select'
        ? h('select', common)
        : rows === null
          ? h('input', {
              ...common,
              type: options.type ?? 'text',
              autocapitalize: options.verbatim ? 'none' : undefined,
              spellcheck: options.verbatim || options.type === 'password' ? 'false' : undefined,
            })
          : h('textarea', { ...common, rows })
    ) as C;
    this.#error = h('p', { id: errorId, class: 'field-error', hidden: true });
    const label = translated(locale, 'label', options.label, { for: inputId });
    const hint = options.hint && this.#hintId ? this.#hint(options.hint, this.#hintId) : null;

    this.element = h('div', { class: 'field' }, label, hint, this.input, this.#error);
    const recheck = (): void => {
      if (this.#invalid) this.validate(true);
    };
    this.input.addEventListener('input', recheck);
    this.input.addEventListener('change', recheck);
  }

  /** The hint; one that states the field's limits shows once they are known. */
  #hint(key: MessageKey, id: string): HTMLParagraphElement {
    const limit = this.#limit;
    if (limit === undefined) return translated(locale, 'p', key, { id, class: 'field-hint' });
    const hint = h('p', { id, class: 'field-hint', hidden: true });
    textLimits.whenLoaded(() => {
      setText(locale, hint, ref(key, textLimits.params(limit) ?? undefined));
      hint.hidden = false;
    });
    return hint;
  }

  /** Replaces a select field's choices, keeping the chosen value when it is still offered. */
  setOptions(choices: readonly SelectOption[]): void {
    if (!(this.input instanceof HTMLSelectElement)) return;
    const chosen = this.input.value;
    this.input.replaceChildren(
      ...choices.map((choice) => {
        const option =
          choice.translate === false
            ? h('option', { value: choice.value }, choice.label)
            : translated(locale, 'option', choice.label, { value: choice.value });
        return option;
      }),
    );
    if (choices.some((choice) => choice.value === chosen)) this.input.value = chosen;
  }

  get value(): string {
    return this.input.value;
  }

  /** Sets the value as if typed: an error it fixes goes at once (a stale error never stays). */
  set value(value: string) {
    this.input.value = value;
    if (this.#invalid) this.validate(true);
  }

  get invalid(): boolean {
    return this.#invalid;
  }

  /** Runs the field's rule; with `onlyClear`, an error is removed when fixed but never added. */
  validate(onlyClear = false): boolean {
    const code = this.#rule?.(this.value) ?? null;
    if (code === null) {
      this.showError(null);
      return true;
    }
    if (!onlyClear) this.showError(fieldErrorText(this.name, code));
    return false;
  }

  showError(shown: TextRef | null): void {
    const limits = this.#limit === undefined ? null : textLimits.params(this.#limit);
    const text = shown === null || limits === null ? shown : { ...shown, params: { ...limits, ...shown.params } };
    this.#invalid = text !== null;
    setText(locale, this.#error, text);
    this.#error.hidden = text === null;
    const describedBy = [this.#hintId, text === null ? null : this.#error.id].filter(Boolean).join(' ');
    if (describedBy === '') {
      this.input.removeAttribute('aria-describedby');
    } else {
      this.input.setAttribute('aria-describedby', describedBy);
    }
    if (text === null) {
      this.input.removeAttribute('aria-invalid');
    } else {
      this.input.setAttribute('aria-invalid', 'true');
    }
  }

  focus(): void {
    this.input.focus();
  }
}
