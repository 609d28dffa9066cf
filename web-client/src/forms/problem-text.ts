import type { Problem } from '../api/problem.ts';
import type { TextRef } from '../i18n/dom.ts';

/** Server codes that concern one field although the server reports them for the whole form. */
const fieldOfCode: Readonly<Record<string, { field: string; code: string }>> = {
  'auth.username_taken': { field: 'username', code: 'taken' },
  'series.first_date_past': { field: 'firstDate', code: 'past' },
  'series.decision_after_start': { field: 'decisionDate', code: 'after_start' },
  'series.minimum_over_capacity': { field: 'minParticipants', code: 'over_capacity' },
  'series.age_range_reversed': { field: 'ageMax', code: 'reversed' },
  'series.invalid_zone': { field: 'zone', code: 'invalid' },
  'series.invalid_staff': { field: 'facilitatorIds', code: 'invalid_staff' },
  'series.session_not_changeable': { field: 'date', code: 'not_changeable' },
  'accounts.password_mismatch': { field: 'password', code: 'wrong' },
};

/**
 * The candidate translation keys for an error on one field. A value of the wrong type or form (`invalid_value`)
 * is explained by the field's own form hint where it has one ("write the date as yyyy-mm-dd").
 */
export function fieldErrorText(field: string, code: string): TextRef {
  const formHint = code === 'invalid_value' ? [`fieldError.${field}.invalid`] : [];
  return { keys: [`fieldError.${field}.${code}`, ...formHint, `fieldError.${code}`, 'fieldError.generic'] };
}

/** Refusals that say how many seconds to wait; their text names the wait. */
const waitCodes: ReadonlySet<string> = new Set(['moderation.slow_mode', 'rate_limited', 'server.busy', 'server.unavailable']);

/** The translated text for a whole problem (the form-level message). */
export function problemText(problem: Problem): TextRef {
  if (problem.code === 'auth.too_many_attempts' && problem.retryAfterSeconds !== undefined) {
    const minutes = Math.max(1, Math.ceil(problem.retryAfterSeconds / 60));
    return { keys: ['error.auth.too_many_attempts.wait', 'error.generic'], params: { minutes } };
  }
  if (waitCodes.has(problem.code) && problem.retryAfterSeconds !== undefined) {
    const seconds = Math.max(1, Math.ceil(problem.retryAfterSeconds));
    return { keys: [`error.${problem.code}.wait`, `error.${problem.code}`, 'error.generic'], params: { seconds } };
  }
  if (problem.code === 'moderation.escalation_taken' && problem.takenByName !== undefined) {
    return { keys: ['error.moderation.escalation_taken.by', 'error.moderation.escalation_taken'], params: { name: problem.takenByName } };
  }
  return { keys: [`error.${problem.code}`, 'error.generic'] };
}

/** Field errors in a problem, keyed by field name; only the first error of a field is kept. */
export function fieldErrors(problem: Problem): Map<string, TextRef> {
  const errors = new Map<string, TextRef>();
  for (const error of problem.errors ?? []) {
    if (!errors.has(error.field)) {
      errors.set(error.field, fieldErrorText(error.field, error.code));
    }
  }
  const implied = fieldOfCode[problem.code];
  if (implied && !errors.has(implied.field)) {
    errors.set(implied.field, fieldErrorText(implied.field, implied.code));
  }
  return errors;
}
