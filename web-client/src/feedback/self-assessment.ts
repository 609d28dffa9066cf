import type { SelfAssessmentItem } from '../api/feedback.ts';
import type { FieldCode } from '../forms/rules.ts';

/** Every whole number of an item's scale, from its lowest to its highest. */
export function scaleOf(item: Pick<SelfAssessmentItem, 'min' | 'max'>): number[] {
  if (!Number.isInteger(item.min) || !Number.isInteger(item.max) || item.max < item.min) return [];
  return Array.from({ length: item.max - item.min + 1 }, (_, index) => item.min + index);
}

/**
 * The items left unanswered or answered off their scale, keyed by item; the server takes the
 * self-assessment only whole, so every item needs an answer.
 */
export function validateAssessment(items: readonly SelfAssessmentItem[], chosen: ReadonlyMap<string, string>): Map<string, FieldCode> {
  const errors = new Map<string, FieldCode>();
  for (const item of items) {
    const value = chosen.get(item.key) ?? '';
    if (value === '') {
      errors.set(item.key, 'not_blank');
    } else if (!scaleOf(item).some((step) => String(step) === value)) {
      errors.set(item.key, 'range');
    }
  }
  return errors;
}

/** The request's values: one number per item. Call only for answers that passed the check. */
export function assessmentValues(items: readonly SelfAssessmentItem[], chosen: ReadonlyMap<string, string>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const item of items) {
    values[item.key] = Number(chosen.get(item.key));
  }
  return values;
}
