import { describe, expect, it } from 'vitest';
import type { PendingFeedback, ReportFeedback, SelfAssessmentItem } from '../api/feedback.ts';
import { useServerLimits } from '../testing/fakes.ts';
import { draftOf, editableNote, isEditable, orderedPending, themeOf, toFeedbackRequest, validateFeedback } from './feedback-form.ts';
import {
  attendanceScale,
  barWidth,
  feedbackSummary,
  fillText,
  formatAverage,
  formatChange,
  formatShare,
  isShown,
  percentOf,
  ratingBars,
  scalePosition,
  scoresText,
  withheldText,
} from './report-figures.ts';
import { assessmentValues, scaleOf, validateAssessment } from './self-assessment.ts';
import { readsReports } from '../coordination/access.ts';
import finnish from '../i18n/fi.json';

/** Intl puts no-break spaces into Finnish numbers; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function pending(overrides: Partial<PendingFeedback> = {}): PendingFeedback {
  return {
    seriesId: 's1',
    seriesTitle: 'Minä, tunteet ja taidot',
    sessionId: 'x1',
    position: 1,
    themeFi: 'Tutustuminen',
    themeEn: 'Getting to know each other',
    endedAt: '2027-03-09T17:30:00Z',
    editableUntil: '2027-03-16T17:30:00Z',
    answer: null,
    selfAssessment: 'FIRST',
    selfAssessmentAnswered: false,
    ...overrides,
  };
}

describe('the feedback form', () => {
  it("starts empty and anonymous, or from one's earlier answer", () => {
    expect(draftOf(null)).toEqual({ rating: '', helped: '', better: '', freeText: '', anonymous: true });
    expect(draftOf(undefined).anonymous).toBe(true);
    expect(draftOf({ rating: 4, helped: 'Vertaiset', better: '', freeText: 'Kiitos', anonymous: false })).toEqual({
      rating: '4',
      helped: 'Vertaiset',
      better: '',
      freeText: 'Kiitos',
      anonymous: false,
    });
  });

  it('needs a rating from 1 to 5 and nothing else', () => {
    const empty = draftOf(null);
    expect(Object.fromEntries(validateFeedback(empty))).toEqual({ rating: 'not_blank' });
    expect(validateFeedback({ ...empty, rating: '6' }).get('rating')).toBe('range');
    expect(validateFeedback({ ...empty, rating: '2.5' }).get('rating')).toBe('range');
    expect(validateFeedback({ ...empty, rating: '1' }).size).toBe(0);
    expect(validateFeedback({ ...empty, rating: '5' }).size).toBe(0);
  });

  it('counts text length like the server: code points after folding, an emoji as one, with its limits', () => {
    useServerLimits();
    const ok = { ...draftOf(null), rating: '3' };
    expect(validateFeedback({ ...ok, helped: `${'a'.repeat(1000)}   ` }).size).toBe(0);
    expect(validateFeedback({ ...ok, helped: '😊'.repeat(1000) }).size).toBe(0);
    expect(
      Object.fromEntries(validateFeedback({ ...ok, helped: 'a'.repeat(1001), better: 'b'.repeat(1001), freeText: 'c'.repeat(2001) })),
    ).toEqual({
      helped: 'size',
      better: 'size',
      freeText: 'size',
    });
    expect(validateFeedback({ ...ok, freeText: 'c'.repeat(2000) }).size).toBe(0);
    expect(validateFeedback({ ...ok, better: `${'b'.repeat(1000)}\u200B\u200B` }).size).toBe(0);
    expect(validateFeedback({ ...ok, better: 'Kiitos\u0000' }).get('better')).toBe('control_character');
  });

  it('sends the rating as a number and the texts trimmed', () => {
    expect(toFeedbackRequest({ rating: '2', helped: ' Tarinat ', better: '\nAikaa\n', freeText: '', anonymous: false })).toEqual({
      rating: 2,
      helped: 'Tarinat',
      better: 'Aikaa',
      freeText: '',
      anonymous: false,
    });
  });

  it('says until when one may answer or change the answer, in Helsinki time', () => {
    const before = new Date('2027-03-10T08:00:00Z');
    expect(isEditable(pending(), before)).toBe(true);
    expect(isEditable(pending(), new Date('2027-03-16T17:30:00Z'))).toBe(false);
    const open = editableNote(pending(), before, 'fi-FI');
    expect(open.keys).toEqual(['feedback.answerUntil']);
    expect(plain(String(open.params?.['time']))).toBe('ti 16.3.2027 klo 19.30');
    const answered = pending({ answer: { rating: 3, helped: '', better: '', freeText: '', anonymous: true } });
    expect(editableNote(answered, before, 'fi-FI').keys).toEqual(['feedback.changeUntil']);
    expect(editableNote(answered, new Date('2027-03-17T00:00:00Z'), 'fi-FI')).toEqual({ keys: ['feedback.closed'] });
  });

  it('shows the theme in English when English is chosen and there is one', () => {
    expect(themeOf(pending(), 'en')).toBe('Getting to know each other');
    expect(themeOf(pending(), 'fi')).toBe('Tutustuminen');
    expect(themeOf(pending({ themeEn: ' ' }), 'en')).toBe('Tutustuminen');
    expect(themeOf(pending({ themeSv: 'Att lära känna varandra' }), 'sv')).toBe('Att lära känna varandra');
    expect(themeOf(pending({ themeSv: '' }), 'sv')).toBe('Tutustuminen');
    expect(themeOf(pending(), 'sv')).toBe('Tutustuminen');
  });

  it('lists the latest session first', () => {
    const older = pending({ sessionId: 'a', endedAt: '2027-03-02T17:30:00Z' });
    const newer = pending({ sessionId: 'b', endedAt: '2027-03-09T17:30:00Z' });
    expect(orderedPending([older, newer]).map((item) => item.sessionId)).toEqual(['b', 'a']);
  });
});

describe('the self-assessment', () => {
  const items: SelfAssessmentItem[] = [
    { key: 'coping', min: 1, max: 5, text: { fi: 'Pärjään', en: 'I cope' } },
    { key: 'wellbeing', min: 0, max: 10, text: { fi: 'Vointi', en: 'Wellbeing' } },
  ];

  it('offers every step of each scale', () => {
    expect(scaleOf(items[0]!)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleOf(items[1]!)).toHaveLength(11);
    expect(scaleOf({ min: 5, max: 1 })).toEqual([]);
  });

  it('needs every item answered within its scale', () => {
    expect(Object.fromEntries(validateAssessment(items, new Map()))).toEqual({ coping: 'not_blank', wellbeing: 'not_blank' });
    expect(
      Object.fromEntries(
        validateAssessment(
          items,
          new Map([
            ['coping', '0'],
            ['wellbeing', '0'],
          ]),
        ),
      ),
    ).toEqual({ coping: 'range' });
    const complete = new Map([
      ['coping', '4'],
      ['wellbeing', '10'],
      ['unknown', '3'],
    ]);
    expect(validateAssessment(items, complete).size).toBe(0);
    expect(assessmentValues(items, complete)).toEqual({ coping: 4, wellbeing: 10 });
  });
});

describe('report figures', () => {
  const shown: ReportFeedback = { answers: 5, withheld: false, averageRating: 3.8, ratingCounts: [0, 1, 0, 3, 1] };
  const withheld: ReportFeedback = { answers: 4, withheld: true };

  it('tells withheld aggregates from shown ones', () => {
    expect(isShown(shown)).toBe(true);
    expect(isShown(withheld)).toBe(false);
    expect(isShown({ answers: 5, withheld: false, averageRating: 4, ratingCounts: [1, 2] })).toBe(false);
    expect(withheldText(4, 5)).toEqual({ keys: ['report.withheld'], params: { min: 5, count: 4 } });
  });

  it('summarises feedback without exposing a small group', () => {
    expect(feedbackSummary({ answers: 0, withheld: true }, 5, 'fi-FI')).toEqual({ keys: ['report.noAnswers'] });
    expect(feedbackSummary(withheld, 5, 'fi-FI')).toEqual({ keys: ['report.withheld'], params: { min: 5, count: 4 } });
    expect(feedbackSummary(shown, 5, 'fi-FI')).toEqual({ keys: ['report.average'], params: { average: '3,8', answers: 5 } });
    expect(feedbackSummary(shown, 5, 'en-GB').params?.['average']).toBe('3.8');
  });

  it('formats averages, changes and shares for people', () => {
    expect(formatAverage(4, 'fi-FI')).toBe('4,0');
    expect(formatAverage(3.67, 'fi-FI')).toBe('3,7');
    expect(formatChange(1.6, 'fi-FI')).toBe('+1,6');
    expect(plain(formatChange(-0.4, 'en-GB'))).toBe('-0.4');
    expect(formatChange(0, 'fi-FI')).toBe('0,0');
    expect(plain(formatShare(0.63, 'fi-FI'))).toBe('63 %');
    expect(formatShare(0.625, 'en-GB')).toBe('63%');
    expect(formatShare(null, 'fi-FI')).toBe('–');
  });

  it('scales bars to the longest one and never past the chart', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(4, 0)).toBe(0);
    expect(percentOf(9, 8)).toBe(100);
    expect(barWidth(3, 4)).toBe(75);
    expect(barWidth(5, 4)).toBe(100);
    expect(barWidth(2, 0)).toBe(0);
    expect(barWidth(-1, 4)).toBe(0);
  });

  it('draws the rating distribution from the best rating down', () => {
    const bars = ratingBars([0, 1, 0, 3, 1]);
    expect(bars.map((bar) => bar.rating)).toEqual([5, 4, 3, 2, 1]);
    expect(bars[1]).toEqual({ rating: 4, count: 3, percent: 60, width: 100 });
    expect(bars[0]).toEqual({ rating: 5, count: 1, percent: 20, width: (1 / 3) * 100 });
    expect(bars[4]).toEqual({ rating: 1, count: 0, percent: 0, width: 0 });
    expect(ratingBars([0, 0, 0, 0, 0]).every((bar) => bar.width === 0)).toBe(true);
  });

  it('places self-assessment averages on their own scale', () => {
    expect(scalePosition(4, 1, 5)).toBe(75);
    expect(scalePosition(1, 1, 5)).toBe(0);
    expect(scalePosition(7, 0, 10)).toBe(70);
    expect(scalePosition(12, 0, 10)).toBe(100);
    expect(scalePosition(3, 5, 5)).toBe(0);
  });

  it('words self-assessment scores and their change', () => {
    expect(scoresText({ answers: 5, withheld: false, average: 2.4 }, 5, 'fi-FI')).toEqual({
      keys: ['report.scoreOf'],
      params: { value: '2,4', answers: 5 },
    });
    expect(scoresText({ answers: 5, withheld: false, average: 1.6 }, 5, 'fi-FI', true).params?.['value']).toBe('+1,6');
    expect(scoresText({ answers: 3, withheld: true }, 5, 'fi-FI').keys).toEqual(['report.withheld']);
    expect(scoresText({ answers: 0, withheld: true }, 5, 'fi-FI').keys).toEqual(['report.noAnswers']);
  });

  it('scales attendance to the enrolled, or to more when more came', () => {
    const session = (attended: number) => ({ attended }) as never;
    expect(attendanceScale({ enrolled: 8, sessions: [session(5), session(6)] })).toBe(8);
    expect(attendanceScale({ enrolled: 0, sessions: [session(12), session(3)] })).toBe(12);
    expect(attendanceScale({ enrolled: 0, sessions: [] })).toBe(1);
  });

  it('tells the fill of a closed group and that open chats have no seats', () => {
    expect(fillText({ enrolled: 5, capacity: 8, fillRate: 0.63 }, 'en-GB')).toEqual({
      keys: ['report.fill'],
      params: { enrolled: 5, capacity: 8, share: '63%' },
    });
    expect(fillText({ enrolled: 0, capacity: 0 }, 'fi-FI')).toEqual({ keys: ['report.noSeats'] });
  });
});

describe('texts and access', () => {
  it('has a Finnish text for every key these pages compute', () => {
    const keys = [
      'feedback.answerUntil',
      'feedback.changeUntil',
      'feedback.closed',
      'report.withheld',
      'report.noAnswers',
      'report.average',
      'report.scoreOf',
      'report.fill',
      'report.noSeats',
      'fieldError.rating.not_blank',
      'fieldError.rating.range',
      'fieldError.selfAssessment.not_blank',
      'fieldError.password.wrong',
      ...[1, 2, 3, 4, 5].map((rating) => `feedback.rating.${rating}`),
    ];
    for (const key of keys) expect(finnish, key).toHaveProperty([key]);
    expect(finnish['report.withheld']).toContain('{min}');
  });

  it('opens reports to coordinators, administrators and facilitators only', () => {
    const user = (roles: string[]) => ({ id: 1, username: 'u', displayName: 'U', roles, guest: false }) as never;
    expect(readsReports(user(['COORDINATOR']))).toBe(true);
    expect(readsReports(user(['ADMIN']))).toBe(true);
    expect(readsReports(user(['FACILITATOR', 'PARENT']))).toBe(true);
    expect(readsReports(user(['PARENT', 'PEER_SUPPORTER']))).toBe(false);
    expect(readsReports(null)).toBe(false);
  });
});
