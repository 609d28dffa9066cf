import { ApiError, problemOf } from '../api/problem.ts';
import type { FormAlert } from '../components/form-alert.ts';
import { type TextRef, ref } from '../i18n/dom.ts';
import { fieldErrors, problemText } from './problem-text.ts';

/** What the controller needs of a field: a text input, a select, or a group of choices. */
export type CheckedField = {
  readonly name: string;
  readonly invalid: boolean;
  validate(onlyClear?: boolean): boolean;
  showError(text: TextRef | null): void;
  focus(): void;
};

/**
 * Submission of a form: checks the fields first, then runs the action once at a time, and
 * shows what the server rejected next to the fields it concerns.
 */
export class FormController {
  readonly #form: HTMLFormElement;
  readonly #fields: readonly CheckedField[];
  readonly #alert: FormAlert;
  readonly #submit: HTMLButtonElement;
  #busy = false;

  constructor(form: HTMLFormElement, fields: readonly CheckedField[], alert: FormAlert, submit: HTMLButtonElement) {
    this.#form = form;
    this.#fields = fields;
    this.#alert = alert;
    this.#submit = submit;
    form.noValidate = true;
  }

  onSubmit(action: () => Promise<void>): void {
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(action);
    });
  }

  async #run(action: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#alert.clear();
    const results = this.#fields.map((field) => field.validate());
    if (results.includes(false)) {
      this.#alert.show(ref('form.checkFields'));
      this.#fields.find((field) => field.invalid)?.focus();
      return;
    }
    this.#setBusy(true);
    try {
      await action();
    } catch (error) {
      this.#showError(error);
    } finally {
      this.#setBusy(false);
    }
  }

  #showError(error: unknown): void {
    const problem = problemOf(error);
    const errors = fieldErrors(problem);
    const shown = this.#fields.filter((field) => errors.has(field.name));
    for (const field of shown) {
      field.showError(errors.get(field.name) ?? null);
    }
    if (problem.code === 'validation.failed' && shown.length > 0) {
      this.#alert.show(ref('form.checkFields'));
    } else {
      this.#alert.show(problemText(problem));
    }
    shown[0]?.focus();
    if (!(error instanceof ApiError)) {
      console.error(error);
    }
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.#form.setAttribute('aria-busy', String(busy));
    this.#submit.setAttribute('aria-disabled', String(busy));
  }
}
