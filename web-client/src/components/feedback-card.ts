import { type PendingFeedback, type SelfAssessmentItem, giveFeedback, giveSelfAssessment } from '../api/feedback.ts';
import { startTime } from '../coordination/fill.ts';
import { api, locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import {
  type FeedbackDraft,
  type FeedbackField,
  RATINGS,
  draftOf,
  editableNote,
  themeOf,
  toFeedbackRequest,
  validateFeedback,
} from '../feedback/feedback-form.ts';
import { assessmentValues, scaleOf, validateAssessment } from '../feedback/self-assessment.ts';
import { FormController } from '../forms/form-controller.ts';
import type { Rule } from '../forms/rules.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { localised } from '../series/calendar.ts';
import { FormAlert } from './form-alert.ts';
import { FormField } from './form-field.ts';
import { CheckField } from './check-field.ts';
import { ScaleChoice } from './scale-choice.ts';

/**
 * One attended session on the feedback page: the feedback form (rating, what helped, what could be
 * better, free text, anonymity) and, at the first and last meeting of a closed group, the
 * self-assessment. What the person types is kept when the list is fetched again.
 */
export class FeedbackCard {
  readonly element: HTMLElement;
  readonly #title = h('span', { class: 'feedback-theme' });
  readonly #ended = h('p', { class: 'session-time', 'data-testid': 'feedback-ended' });
  readonly #editable = h('p', { class: 'field-hint', 'data-testid': 'feedback-editable' });
  readonly #answered = translated(locale, 'p', 'feedback.answered', { class: 'note', 'data-testid': 'feedback-answered' });
  readonly #saved = new FormAlert('info', 'feedback-saved');
  readonly #submit = translated(locale, 'button', 'feedback.submit', { type: 'submit', class: 'button-primary' });
  readonly #rating: ScaleChoice;
  readonly #helped: FormField<HTMLTextAreaElement>;
  readonly #better: FormField<HTMLTextAreaElement>;
  readonly #freeText: FormField<HTMLTextAreaElement>;
  readonly #anonymous = new CheckField({ name: 'anonymous', label: 'feedback.anonymous', hint: 'feedback.anonymousHint', checked: true });
  readonly #assessment: SelfAssessmentForm | null;
  #pending: PendingFeedback;

  constructor(pending: PendingFeedback, items: readonly SelfAssessmentItem[]) {
    this.#pending = pending;
    const headingId = uniqueId('feedback-session');
    const formHeadingId = uniqueId('feedback-form');
    const rule =
      (field: FeedbackField): Rule =>
      () =>
        validateFeedback(this.#draft()).get(field) ?? null;

    this.#rating = new ScaleChoice({
      name: 'rating',
      legend: ref('feedback.rating'),
      steps: RATINGS.map((rating) => ({ value: rating, label: ref(`feedback.rating.${rating}`) })),
      layout: 'list',
      rule: rule('rating'),
    });
    const text = (
      name: Exclude<FeedbackField, 'rating'>,
      label: 'feedback.helped' | 'feedback.better' | 'feedback.freeText',
      rows: number,
    ) =>
      FormField.multiline(
        {
          name,
          label,
          hint: name === 'freeText' ? 'feedback.optionalLong' : 'feedback.optionalShort',
          autocomplete: 'off',
          required: false,
          rule: rule(name),
          limit: name,
        },
        rows,
      );
    const helped = (this.#helped = text('helped', 'feedback.helped', 3));
    const better = (this.#better = text('better', 'feedback.better', 3));
    const freeText = (this.#freeText = text('freeText', 'feedback.freeText', 4));

    const alert = new FormAlert('error', 'feedback-alert');
    const form = h(
      'form',
      { class: 'stack feedback-form', 'aria-labelledby': formHeadingId, 'data-testid': 'feedback-form' },
      translated(locale, 'h3', 'feedback.formHeading', { id: formHeadingId }),
      this.#rating.element,
      helped.element,
      better.element,
      freeText.element,
      this.#anonymous.element,
      alert.element,
      this.#saved.element,
      this.#submit,
      this.#editable,
    );
    new FormController(form, [this.#rating, helped, better, freeText], alert, this.#submit).onSubmit(async () => {
      this.#saved.clear();
      const updated = await giveFeedback(api, this.#pending.sessionId, toFeedbackRequest(this.#draft()));
      this.update(updated);
      this.#saved.show(ref('feedback.saved'));
    });

    this.#assessment = pending.selfAssessment && items.length > 0 ? new SelfAssessmentForm(pending, items) : null;
    this.element = h(
      'section',
      { class: 'card feedback-item', 'aria-labelledby': headingId, 'data-testid': 'feedback-item', 'data-session-id': pending.sessionId },
      h('p', { class: 'session-series' }, pending.seriesTitle),
      h(
        'h2',
        { class: 'session-title', id: headingId },
        translated(locale, 'span', ref('series.sessions.number', { position: pending.position }), { class: 'session-number' }),
        ' ',
        this.#title,
      ),
      this.#ended,
      this.#answered,
      form,
      this.#assessment?.element ?? null,
    );
    this.#fill(draftOf(pending.answer));
    this.update(pending);
  }

  get sessionId(): string {
    return this.#pending.sessionId;
  }

  /** Takes the form's state from the server (after saving, or when the list is fetched again). */
  update(pending: PendingFeedback): void {
    this.#pending = pending;
    const answered = pending.answer !== null && pending.answer !== undefined;
    this.#answered.hidden = !answered;
    setText(locale, this.#submit, ref(answered ? 'feedback.update' : 'feedback.submit'));
    this.#assessment?.update(pending);
    this.relabel();
  }

  /** Re-writes what comes from the server in the chosen language (themes, times, questions). */
  relabel(): void {
    const language = locale.locale;
    this.#title.textContent = themeOf(this.#pending, language);
    setText(locale, this.#ended, ref('feedback.endedAt', { time: startTime(this.#pending.endedAt, locale.intlLocale) }));
    setText(locale, this.#editable, editableNote(this.#pending, new Date(), locale.intlLocale));
    this.#assessment?.relabel();
  }

  #fill(draft: FeedbackDraft): void {
    this.#rating.value = draft.rating;
    this.#helped.value = draft.helped;
    this.#better.value = draft.better;
    this.#freeText.value = draft.freeText;
    this.#anonymous.checked = draft.anonymous;
  }

  #draft(): FeedbackDraft {
    return {
      rating: this.#rating.value,
      helped: this.#helped.value,
      better: this.#better.value,
      freeText: this.#freeText.value,
      anonymous: this.#anonymous.checked,
    };
  }
}

/** The self-assessment of one phase: one scale per item, every item to be answered. */
class SelfAssessmentForm {
  readonly element: HTMLFormElement;
  readonly #items: readonly SelfAssessmentItem[];
  readonly #scales = new Map<string, ScaleChoice>();
  readonly #heading = h('h3');
  readonly #answered = translated(locale, 'p', 'feedback.self.answered', { class: 'note', 'data-testid': 'self-assessment-answered' });
  readonly #saved = new FormAlert('info', 'self-assessment-saved');
  #pending: PendingFeedback;

  constructor(pending: PendingFeedback, items: readonly SelfAssessmentItem[]) {
    this.#pending = pending;
    this.#items = items;
    const headingId = uniqueId('self-assessment');
    this.#heading.id = headingId;
    for (const item of items) {
      const scale = new ScaleChoice({
        name: 'selfAssessment',
        legend: localised(item.text, locale.locale),
        steps: scaleOf(item).map((value) => ({ value, label: ref('feedback.self.step', { value }) })),
        ends: [ref('feedback.self.low', { min: item.min }), ref('feedback.self.high', { max: item.max })],
        layout: 'row',
        rule: () => validateAssessment([item], this.#chosen()).get(item.key) ?? null,
      });
      scale.element.dataset['item'] = item.key;
      this.#scales.set(item.key, scale);
    }
    const alert = new FormAlert('error', 'self-assessment-alert');
    const submit = translated(locale, 'button', 'feedback.self.submit', { type: 'submit', class: 'button-primary' });
    this.element = h(
      'form',
      { class: 'stack self-assessment', 'aria-labelledby': headingId, 'data-testid': 'self-assessment-form' },
      this.#heading,
      translated(locale, 'p', 'feedback.self.intro', { class: 'field-hint' }),
      this.#answered,
      ...[...this.#scales.values()].map((scale) => scale.element),
      alert.element,
      this.#saved.element,
      submit,
    );
    new FormController(this.element, [...this.#scales.values()], alert, submit).onSubmit(async () => {
      this.#saved.clear();
      await giveSelfAssessment(api, this.#pending.sessionId, assessmentValues(this.#items, this.#chosen()));
      this.update({ ...this.#pending, selfAssessmentAnswered: true });
      this.#saved.show(ref('feedback.self.saved'));
    });
    this.update(pending);
  }

  update(pending: PendingFeedback): void {
    this.#pending = pending;
    this.#answered.hidden = !pending.selfAssessmentAnswered;
    setText(locale, this.#heading, ref(pending.selfAssessment === 'LAST' ? 'feedback.self.LAST' : 'feedback.self.FIRST'));
  }

  relabel(): void {
    for (const item of this.#items) {
      const legend = this.#scales.get(item.key)?.legend;
      if (legend !== undefined) legend.textContent = localised(item.text, locale.locale);
    }
  }

  #chosen(): Map<string, string> {
    return new Map([...this.#scales].map(([key, scale]) => [key, scale.value]));
  }
}
