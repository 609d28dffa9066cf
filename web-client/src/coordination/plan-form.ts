import type { PlanRequest, StaffAccount } from '../api/coordination.ts';
import { type FieldCode, textRule } from '../forms/rules.ts';
import { nameCollator } from '../i18n/formats.ts';

/**
 * What the "plan a series" form holds, as typed (numbers and dates still as text). `kind` is the
 * chosen template's: an open chat takes no enrolments, so its seats, minimum and decision date are
 * neither asked for nor sent.
 */
export type PlanDraft = {
  kind?: 'OPEN' | 'CLOSED';
  templateId: string;
  title: string;
  audienceNote: string;
  firstDate: string;
  intervalWeeks: string;
  startTime: string;
  lengthMinutes: string;
  zone: string;
  capacity: string;
  minParticipants: string;
  decisionDate: string;
  ageMin: string;
  ageMax: string;
  facilitatorIds: string[];
  peerSupporterIds: string[];
  /** `DISCUSSION` or `INFO_SESSION`; empty or absent: the template's. */
  format?: string;
};

export type PlanField = keyof PlanDraft;

/**
 * Error codes per field, named like the server's (`not_blank`, `size`, `range`, ...) or after the
 * server's whole-form refusals (`past`, `after_start`, `over_capacity`, `reversed`), so one set
 * of texts serves both.
 */
export type PlanErrors = Map<PlanField, FieldCode>;

export const DEFAULT_ZONE = 'Europe/Helsinki';
export const MAX_FACILITATORS = 2;
export const MAX_PEER_SUPPORTERS = 5;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WHOLE = /^\d+$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function wholeNumber(value: string, min: number, max: number, required: boolean): FieldCode | null {
  const text = value.trim();
  if (text === '') return required ? 'not_blank' : null;
  if (!WHOLE.test(text)) return 'invalid';
  const number = Number(text);
  return number < min || number > max ? 'range' : null;
}

function optionalNumber(value: string): number | null {
  const text = value.trim();
  return text === '' ? null : Number(text);
}

/** The day `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T12:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The weekday of a YYYY-MM-DD date, 1 = Monday … 7 = Sunday; null for a date that is not valid. */
export function weekdayOf(date: string): number | null {
  if (!isDate(date)) return null;
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A decision date to start from: a week before the first meeting, but not before today. */
export function suggestedDecisionDate(firstDate: string, today: string): string {
  if (!isDate(firstDate)) return '';
  const weekBefore = addDays(firstDate, -7);
  if (weekBefore >= today) return weekBefore;
  return firstDate >= today ? today : firstDate;
}

/** Checks the plan as the server will, so mistakes are shown next to their fields before sending. */
export function validatePlan(draft: PlanDraft, today: string): PlanErrors {
  const errors: PlanErrors = new Map();
  const set = (field: PlanField, code: FieldCode | null): void => {
    if (code !== null && !errors.has(field)) errors.set(field, code);
  };
  if (draft.templateId.trim() === '') set('templateId', 'not_blank');
  set('title', draft.title.trim() === '' ? 'not_blank' : textRule('seriesTitle')(draft.title));
  set('audienceNote', textRule('audienceNote')(draft.audienceNote));

  if (draft.firstDate.trim() === '') set('firstDate', 'not_blank');
  else if (!isDate(draft.firstDate)) set('firstDate', 'invalid');
  else if (draft.firstDate < today) set('firstDate', 'past');

  const closed = draft.kind !== 'OPEN';
  if (!closed) {
    // Nothing to check: seats, minimum and decision date do not apply to an open chat.
  } else if (draft.decisionDate.trim() === '') set('decisionDate', 'not_blank');
  else if (!isDate(draft.decisionDate)) set('decisionDate', 'invalid');
  else if (isDate(draft.firstDate) && draft.decisionDate > draft.firstDate) set('decisionDate', 'after_start');

  set('intervalWeeks', draft.intervalWeeks === '1' || draft.intervalWeeks === '2' ? null : 'invalid');
  set('startTime', draft.startTime.trim() === '' ? 'not_blank' : TIME.test(draft.startTime) ? null : 'invalid');
  set('lengthMinutes', wholeNumber(draft.lengthMinutes, 15, 240, false));
  set('zone', draft.zone.trim() === '' ? 'not_blank' : draft.zone.trim().length > 64 ? 'size' : null);

  if (closed) set('capacity', wholeNumber(draft.capacity, 1, 500, true));
  if (closed) set('minParticipants', wholeNumber(draft.minParticipants, 0, 500, true));
  if (closed && !errors.has('capacity') && !errors.has('minParticipants') && Number(draft.minParticipants) > Number(draft.capacity)) {
    set('minParticipants', 'over_capacity');
  }

  set('ageMin', wholeNumber(draft.ageMin, 16, 120, false));
  set('ageMax', wholeNumber(draft.ageMax, 16, 120, false));
  const ageMin = optionalNumber(draft.ageMin);
  const ageMax = optionalNumber(draft.ageMax);
  if (!errors.has('ageMin') && !errors.has('ageMax') && ageMin !== null && ageMax !== null && ageMin > ageMax) {
    set('ageMax', 'reversed');
  }

  const facilitators = draft.facilitatorIds.filter((id) => id !== '');
  if (facilitators.length === 0) set('facilitatorIds', 'not_blank');
  else if (facilitators.length > MAX_FACILITATORS) set('facilitatorIds', 'size');
  else if (new Set(facilitators).size !== facilitators.length) set('facilitatorIds', 'duplicate');
  if (draft.peerSupporterIds.length > MAX_PEER_SUPPORTERS) set('peerSupporterIds', 'size');
  else if (draft.peerSupporterIds.some((id) => facilitators.includes(id))) set('peerSupporterIds', 'duplicate');
  return errors;
}

/** The request for a plan that passed `validatePlan`. */
export function toPlanRequest(draft: PlanDraft): PlanRequest {
  const size =
    draft.kind === 'OPEN'
      ? {}
      : {
          capacity: Number(draft.capacity.trim()),
          minParticipants: Number(draft.minParticipants.trim()),
          decisionDate: draft.decisionDate,
        };
  return {
    templateId: draft.templateId,
    title: draft.title.trim(),
    audienceNote: draft.audienceNote.trim(),
    firstDate: draft.firstDate,
    intervalWeeks: draft.intervalWeeks === '2' ? 2 : 1,
    startTime: draft.startTime,
    lengthMinutes: optionalNumber(draft.lengthMinutes),
    zone: draft.zone.trim() || DEFAULT_ZONE,
    ...size,
    ageMin: optionalNumber(draft.ageMin),
    ageMax: optionalNumber(draft.ageMax),
    facilitatorIds: [...new Set(draft.facilitatorIds.filter((id) => id !== ''))],
    peerSupporterIds: [...draft.peerSupporterIds],
    ...(draft.format === 'DISCUSSION' || draft.format === 'INFO_SESSION' ? { format: draft.format } : {}),
  };
}

/** Staff who may lead (facilitators) and co-host (peer supporters), each by display name in the interface language's order. */
export function staffChoices(
  staff: readonly StaffAccount[],
  intlLocale = 'fi-FI',
): { facilitators: StaffAccount[]; peerSupporters: StaffAccount[] } {
  const collator = nameCollator(intlLocale);
  const byName = [...staff].sort((a, b) => collator.compare(a.displayName, b.displayName));
  return {
    facilitators: byName.filter((person) => person.roles.includes('FACILITATOR')),
    peerSupporters: byName.filter((person) => person.roles.includes('PEER_SUPPORTER')),
  };
}
