import type { FeedbackAnswer, FeedbackRequest, PendingFeedback } from '../api/feedback.ts';
import { type FieldCode, textRule } from '../forms/rules.ts';
import type { TextRef } from '../i18n/dom.ts';
import { startTime } from '../coordination/fill.ts';
import { themeIn } from '../series/calendar.ts';

export const RATINGS = [1, 2, 3, 4, 5] as const;

export type FeedbackField = 'rating' | 'helped' | 'better' | 'freeText';

/** The form as typed: the rating as the chosen radio's value ('' for none). */
export type FeedbackDraft = {
  rating: string;
  helped: string;
  better: string;
  freeText: string;
  anonymous: boolean;
};

/** The form filled with one's earlier answer, or empty and anonymous when there is none. */
export function draftOf(answer: FeedbackAnswer | null | undefined): FeedbackDraft {
  if (answer === null || answer === undefined) {
    return { rating: '', helped: '', better: '', freeText: '', anonymous: true };
  }
  return {
    rating: String(answer.rating),
    helped: answer.helped,
    better: answer.better,
    freeText: answer.freeText,
    anonymous: answer.anonymous,
  };
}

/** The mistakes of a draft by field, with the server's codes; empty when it can be sent. */
export function validateFeedback(draft: FeedbackDraft): Map<FeedbackField, FieldCode> {
  const errors = new Map<FeedbackField, FieldCode>();
  if (draft.rating === '') {
    errors.set('rating', 'not_blank');
  } else if (!RATINGS.some((rating) => String(rating) === draft.rating)) {
    errors.set('rating', 'range');
  }
  for (const [field, value] of [
    ['helped', draft.helped],
    ['better', draft.better],
    ['freeText', draft.freeText],
  ] as const) {
    const code = textRule(field)(value);
    if (code !== null) errors.set(field, code);
  }
  return errors;
}

/** The request body: texts trimmed, the rating as a number. Call only for a valid draft. */
export function toFeedbackRequest(draft: FeedbackDraft): FeedbackRequest {
  return {
    rating: Number(draft.rating),
    helped: draft.helped.trim(),
    better: draft.better.trim(),
    freeText: draft.freeText.trim(),
    anonymous: draft.anonymous,
  };
}

/** The session's theme in the interface language, Finnish when there is none in it. */
export function themeOf(item: Pick<PendingFeedback, 'themeFi' | 'themeSv' | 'themeEn'>, language: string): string {
  return themeIn(item, language);
}

/** Whether answers to this form can still be given or changed at `now`. */
export function isEditable(item: Pick<PendingFeedback, 'editableUntil'>, now: Date): boolean {
  const until = Date.parse(item.editableUntil);
  return !Number.isNaN(until) && now.getTime() < until;
}

/** Until when one may answer, or change what one answered. */
export function editableNote(item: Pick<PendingFeedback, 'editableUntil' | 'answer'>, now: Date, intlLocale: string): TextRef {
  if (!isEditable(item, now)) return { keys: ['feedback.closed'] };
  const time = startTime(item.editableUntil, intlLocale);
  const answered = item.answer !== null && item.answer !== undefined;
  return { keys: [answered ? 'feedback.changeUntil' : 'feedback.answerUntil'], params: { time } };
}

/** The latest session first, as the server sends them; ties keep the series together. */
export function orderedPending(items: readonly PendingFeedback[]): PendingFeedback[] {
  return [...items].sort(
    (a, b) => Date.parse(b.endedAt) - Date.parse(a.endedAt) || a.seriesTitle.localeCompare(b.seriesTitle) || a.position - b.position,
  );
}
