import { problemOf } from '../api/problem.ts';
import { locale } from '../context.ts';
import { type Child, h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { type TextField, textLimits } from '../text/text-limits.ts';
import { codePoints } from '../text/text-policy.ts';
import { FormAlert } from './form-alert.ts';

export type DialogOptions = {
  title: TextRef;
  /** What the dialog is about, in a sentence or two. */
  intro?: TextRef;
  /** Someone's words the action concerns (a message), shown as quoted text. */
  quote?: string;
  /** The form's own fields. */
  fields?: Child[];
  submit: MessageKey;
  /** The action cannot be undone by this person: the button is styled as such. */
  danger?: boolean;
  /** A problem with the fields, or null when they can be sent. */
  validate?: () => TextRef | null;
  /** Does the action; a rejection with an ApiError is shown in the dialog, which stays open. */
  run: () => Promise<void>;
};

/**
 * Opens a modal dialog (`<dialog>`) inside `host`: a title, a short explanation, optional quoted
 * text and fields, and Cancel beside the action. The action runs while the dialog stays open,
 * so a refusal can be read and corrected; the dialog closes when it is done. Escape or Cancel
 * closes it without acting. Focus starts on the first field (or on Cancel, for a plain
 * confirmation) and returns where it was. Resolves true when the action was done.
 */
export function openDialog(host: HTMLElement, options: DialogOptions): Promise<boolean> {
  const titleId = uniqueId('dialog-title');
  const introId = uniqueId('dialog-intro');
  const title = h('h2', { id: titleId, class: 'dialog-title' });
  setText(locale, title, options.title);
  const intro = options.intro === undefined ? null : h('p', { id: introId, class: 'dialog-intro' });
  if (intro !== null && options.intro !== undefined) setText(locale, intro, options.intro);
  const quote = options.quote === undefined ? null : h('blockquote', { class: 'dialog-quote' });
  if (quote !== null) quote.textContent = options.quote ?? '';
  const alert = new FormAlert('error', 'dialog-alert');
  const submit = translated(locale, 'button', options.submit, {
    type: 'submit',
    class: options.danger ? 'button-danger' : 'button-primary',
    'data-testid': 'dialog-submit',
  });
  const cancel = translated(locale, 'button', 'dialog.cancel', { type: 'button', class: 'button-quiet', 'data-testid': 'dialog-cancel' });
  const form = h(
    'form',
    { class: 'dialog-form stack', novalidate: true },
    title,
    intro,
    quote,
    ...(options.fields ?? []),
    alert.element,
    h('div', { class: 'actions dialog-actions' }, cancel, submit),
  );
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': intro === null ? null : introId }, form);
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let busy = false;

  return new Promise<boolean>((resolve) => {
    let done = false;
    const finish = (result: boolean): void => {
      if (!done) {
        done = true;
        resolve(result);
      }
      if (dialog.open) dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      finish(false);
    });
    dialog.addEventListener('cancel', (event) => {
      // Escape closes, but not while the action is on its way.
      if (busy) event.preventDefault();
    });
    cancel.addEventListener('click', () => {
      if (!busy) finish(false);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      const problem = options.validate?.() ?? null;
      if (problem !== null) {
        // A field that already says what is wrong gets the focus; the problem is not said twice.
        const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid === null) alert.show(problem);
        else {
          alert.clear();
          invalid.focus();
        }
        return;
      }
      alert.clear();
      busy = true;
      submit.setAttribute('aria-disabled', 'true');
      options
        .run()
        .then(
          () => finish(true),
          (error: unknown) => {
            alert.show(problemText(problemOf(error)));
            alert.element.focus();
          },
        )
        .finally(() => {
          busy = false;
          submit.removeAttribute('aria-disabled');
        });
    });

    alert.element.tabIndex = -1;
    host.append(dialog);
    dialog.showModal();
    const first = form.querySelector<HTMLElement>('input, textarea, select');
    (first ?? cancel).focus();
  });
}

/**
 * A label-and-hint pair for a dialog's optional free text (a reason, a note). The text is counted
 * and folded as the server does, against its limit for the field; what it would refuse is said
 * under the field while typing (the server still has the last word when the dialog is sent).
 */
export function dialogTextField(options: {
  label: MessageKey;
  /** The hint, given the field's greatest length. */
  hint: (max: number) => TextRef;
  limit: TextField;
  name: string;
}): { field: HTMLDivElement; input: HTMLTextAreaElement } {
  const id = uniqueId(options.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = h('textarea', { id, name: options.name, rows: 3, 'aria-describedby': hintId });
  const hint = h('p', { id: hintId, class: 'field-hint', hidden: true });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert', hidden: true });
  textLimits.whenLoaded(() => {
    const max = textLimits.field(options.limit)?.max;
    if (max === undefined) return;
    setText(locale, hint, options.hint(max));
    hint.hidden = false;
  });
  input.addEventListener('input', () => {
    const problem = textProblem(options.limit, input.value);
    setText(locale, error, problem);
    error.hidden = problem === null;
    input.setAttribute('aria-describedby', problem === null ? hintId : `${hintId} ${errorId}`);
    if (problem === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  });
  const field = h('div', { class: 'field' }, translated(locale, 'label', options.label, { for: id }), input, hint, error);
  return { field, input };
}

/** What the server would refuse in a free text of this field, counted as it counts. */
export function textProblem(limit: TextField, value: string): TextRef | null {
  const check = textLimits.check(limit, value);
  if (check === null || check.ok) return null;
  const max = textLimits.field(limit)?.max ?? 0;
  return check.code === 'size'
    ? ref('dialog.textTooLong', { count: codePoints(check.text), max })
    : ref([`fieldError.${check.code}`, 'fieldError.generic']);
}

/**
 * The hint of an optional reason: how long it may be, and whether the member is told it (mutes,
 * removals and bans) or it is only kept in the moderation log (a removed message).
 */
export function reasonHint(max: number, toldToMember: boolean): TextRef {
  return ref(toldToMember ? 'dialog.reasonHint.told' : 'dialog.reasonHint.logged', { max });
}
