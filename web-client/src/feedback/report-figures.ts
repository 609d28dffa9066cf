import type { OutcomeReport, ReportFeedback, ReportScores } from '../api/feedback.ts';
import type { TextRef } from '../i18n/dom.ts';
import { numberFormat } from '../i18n/formats.ts';

/** Feedback whose figures are given: enough people answered. */
export type ShownFeedback = ReportFeedback & { withheld: false; averageRating: number; ratingCounts: number[] };

export function isShown(feedback: ReportFeedback): feedback is ShownFeedback {
  return (
    !feedback.withheld &&
    typeof feedback.averageRating === 'number' &&
    Array.isArray(feedback.ratingCounts) &&
    feedback.ratingCounts.length === 5
  );
}

/** `part` as a whole percentage of `whole`, 0–100; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0) || !Number.isFinite(part)) return 0;
  return Math.min(100, Math.max(0, Math.round((part / whole) * 100)));
}

/** The length of a bar for `value` on a chart whose longest bar is `max`, in percent (unrounded, 0–100). */
export function barWidth(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value) || value <= 0) return 0;
  return Math.min(100, (value / max) * 100);
}

/** Where `value` lies on a scale from `min` to `max`, in percent (0–100), e.g. 4 on 1–5 is 75. */
export function scalePosition(value: number, min: number, max: number): number {
  if (!(max > min) || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

/** An average as people read it: one decimal, in the interface's number format ("3,8"). */
export function formatAverage(value: number, intlLocale: string): string {
  return numberFormat(intlLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A change with its sign, one decimal ("+1,6", "−0,4", "0,0"). */
export function formatChange(value: number, intlLocale: string): string {
  return numberFormat(intlLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** A share of 0–1 as a whole percentage in the interface's format ("63 %"); a dash when unknown. */
export function formatShare(fraction: number | null | undefined, intlLocale: string): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '–';
  return numberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** One bar of the rating distribution: how many gave this rating, their share, and the bar's length. */
export type RatingBar = {
  rating: number;
  count: number;
  /** Share of all answers, whole percent. */
  percent: number;
  /** Bar length: the most common rating fills the chart. */
  width: number;
};

/** The rating distribution from 5 (best) down to 1, as a chart reads it top to bottom. */
export function ratingBars(counts: readonly number[]): RatingBar[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const most = Math.max(0, ...counts);
  return [5, 4, 3, 2, 1].map((rating) => {
    const count = counts[rating - 1] ?? 0;
    return { rating, count, percent: percentOf(count, total), width: barWidth(count, most) };
  });
}

/** The longest bar of the attendance chart: the enrolled, or more when an open group drew more. */
export function attendanceScale(report: Pick<OutcomeReport, 'enrolled' | 'sessions'>): number {
  return Math.max(1, report.enrolled, ...report.sessions.map((session) => session.attended));
}

/** "Shown once at least 5 have answered (3 so far)." */
export function withheldText(answers: number, minAnswers: number): TextRef {
  return { keys: ['report.withheld'], params: { min: minAnswers, count: answers } };
}

/** A one-line summary of feedback: no answers, withheld, or the average of how many answers. */
export function feedbackSummary(feedback: ReportFeedback, minAnswers: number, intlLocale: string): TextRef {
  if (feedback.answers === 0) return { keys: ['report.noAnswers'] };
  if (!isShown(feedback)) return withheldText(feedback.answers, minAnswers);
  return {
    keys: ['report.average'],
    params: { average: formatAverage(feedback.averageRating, intlLocale), answers: feedback.answers },
  };
}

/** The average of one self-assessment measurement, or why it is not shown. */
export function scoresText(scores: ReportScores, minAnswers: number, intlLocale: string, signed = false): TextRef {
  if (scores.answers === 0) return { keys: ['report.noAnswers'] };
  if (scores.withheld || typeof scores.average !== 'number') return withheldText(scores.answers, minAnswers);
  const value = signed ? formatChange(scores.average, intlLocale) : formatAverage(scores.average, intlLocale);
  return { keys: ['report.scoreOf'], params: { value, answers: scores.answers } };
}

/** Enrolled people against the seats ("5/8 (63 %)"); open chats have no seats. */
export function fillText(report: Pick<OutcomeReport, 'enrolled' | 'capacity' | 'fillRate'>, intlLocale: string): TextRef {
  if (!(report.capacity > 0)) return { keys: ['report.noSeats'] };
  return {
    keys: ['report.fill'],
    params: { enrolled: report.enrolled, capacity: report.capacity, share: formatShare(report.fillRate, intlLocale) },
  };
}
