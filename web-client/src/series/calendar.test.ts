import { describe, expect, it } from 'vitest';
import type { CalendarSeries, CalendarSession } from '../api/series.ts';
import {
  ageText,
  calendarRange,
  enrolmentText,
  filterSeries,
  groupByMonth,
  joinable,
  localised,
  monthLabel,
  seatText,
  sessionTime,
} from './calendar.ts';

function session(position: number, startsAt: string, extra: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: `s${position}-${startsAt}`,
    position,
    theme: { fi: `Teema ${position}`, en: `Theme ${position}` },
    startsAt,
    endsAt: startsAt,
    state: 'SCHEDULED',
    roomId: null,
    ...extra,
  };
}

function series(id: string, starts: string[], extra: Partial<CalendarSeries> = {}): CalendarSeries {
  return {
    seriesId: id,
    title: `Ryhmä ${id}`,
    audienceNote: null,
    kind: 'CLOSED',
    state: 'PLANNED',
    ageMin: null,
    ageMax: null,
    seatsLeft: 5,
    sessions: starts.map((start, index) => session(index + 1, start)),
    ...extra,
  };
}

describe('grouping the calendar by month', () => {
  it('groups by the Helsinki month of the first session, in time order', () => {
    const groups = groupByMonth([
      series('late', ['2026-12-10T16:00:00Z', '2026-12-17T16:00:00Z']),
      // 22:30 UTC on 30 November is already 1 December in Helsinki.
      series('edge', ['2026-11-30T22:30:00Z']),
      series('early', ['2026-11-05T16:00:00Z']),
      series('unordered', ['2027-01-20T16:00:00Z', '2026-11-20T16:00:00Z']),
      series('empty', []),
    ]);
    expect(groups.map((group) => [group.month, group.series.map((item) => item.seriesId)])).toEqual([
      ['2026-11', ['early', 'unordered']],
      ['2026-12', ['edge', 'late']],
    ]);
  });

  it('names months in the interface language', () => {
    expect(monthLabel('2026-11', 'fi-FI')).toBe('marraskuu 2026');
    expect(monthLabel('2027-01', 'en-GB')).toBe('January 2027');
    expect(monthLabel('nonsense', 'fi-FI')).toBe('nonsense');
  });

  it('shows session times in Helsinki time', () => {
    const text = sessionTime('2026-12-01T16:00:00Z', '2026-12-01T17:30:00Z', 'fi-FI');
    expect(text).toContain('1.12.2026');
    expect(text).toContain('18.00');
    expect(text).toContain('19.30');
    expect(sessionTime('not a date', 'x', 'fi-FI')).toBe('');
  });

  it('asks for a year ahead from today in Helsinki', () => {
    expect(calendarRange(new Date('2026-12-31T22:30:00Z'))).toEqual({ from: '2027-01-01', to: '2028-01-01' });
  });
});

describe('seats, ages and enrolment texts', () => {
  it('tells how many places are left, or that the queue is open', () => {
    expect(seatText({ kind: 'CLOSED', seatsLeft: 3 })).toEqual({ keys: ['calendar.seats.many'], params: { count: 3 } });
    expect(seatText({ kind: 'CLOSED', seatsLeft: 1 })).toEqual({ keys: ['calendar.seats.one'] });
    expect(seatText({ kind: 'CLOSED', seatsLeft: 0 })).toEqual({ keys: ['calendar.seats.full'] });
    expect(seatText({ kind: 'OPEN', seatsLeft: null })).toBeNull();
  });

  it('describes the age range', () => {
    expect(ageText({ ageMin: 16, ageMax: 29 })).toEqual({ keys: ['calendar.age.range'], params: { min: 16, max: 29 } });
    expect(ageText({ ageMin: 16, ageMax: null })).toEqual({ keys: ['calendar.age.min'], params: { min: 16 } });
    expect(ageText({ ageMin: null, ageMax: 40 })).toEqual({ keys: ['calendar.age.max'], params: { max: 40 } });
    expect(ageText({ ageMin: null, ageMax: null })).toBeNull();
  });

  it('reads a field the server left out like null, never as a raw placeholder', () => {
    const absent = JSON.parse('{"kind": "CLOSED"}') as {
      kind: 'CLOSED';
      ageMin: number | null;
      ageMax: number | null;
      seatsLeft: number | null;
    };
    expect(ageText(absent)).toBeNull();
    expect(seatText(absent)).toBeNull();
    expect(enrolmentText(JSON.parse('{"status": "WAITLISTED"}') as { status: 'WAITLISTED'; waitlistPosition: number | null })).toEqual({
      keys: ['series.enrolment.waitlisted'],
    });
  });

  it('says whether one is in the group or where in the queue', () => {
    expect(enrolmentText({ status: 'ENROLLED', waitlistPosition: null })).toEqual({ keys: ['series.enrolment.enrolled'] });
    expect(enrolmentText({ status: 'WAITLISTED', waitlistPosition: 3 })).toEqual({
      keys: ['series.enrolment.waitlistedAt'],
      params: { position: 3 },
    });
    expect(enrolmentText({ status: 'WAITLISTED', waitlistPosition: null })).toEqual({ keys: ['series.enrolment.waitlisted'] });
    expect(enrolmentText({ status: 'WITHDRAWN', waitlistPosition: null })).toBeNull();
    expect(enrolmentText(null)).toBeNull();
  });
});

describe('filtering and sessions', () => {
  const list = [
    series('a', ['2026-11-05T16:00:00Z'], { audienceNote: 'Isille, joilla on alle kouluikäisiä lapsia', kind: 'CLOSED' }),
    series('b', ['2026-11-06T16:00:00Z'], { audienceNote: 'Kaikille vanhemmille', kind: 'OPEN', seatsLeft: null }),
    series('c', ['2026-11-07T16:00:00Z'], { title: 'Isäryhmä Lappi', kind: 'OPEN', seatsLeft: null }),
  ];

  it('matches the audience note or title, case-insensitively, and the kind', () => {
    expect(filterSeries(list, { text: '  ISI', kind: 'ALL' }).map((item) => item.seriesId)).toEqual(['a']);
    expect(filterSeries(list, { text: 'isä', kind: 'ALL' }).map((item) => item.seriesId)).toEqual(['c']);
    expect(filterSeries(list, { text: '', kind: 'OPEN' }).map((item) => item.seriesId)).toEqual(['b', 'c']);
    expect(filterSeries(list, { text: 'vanhemmille', kind: 'CLOSED' })).toEqual([]);
  });

  it('shows the theme in the interface language, Finnish when missing', () => {
    expect(localised({ fi: 'Yhteistyövanhemmuus', en: 'Co-parenting' }, 'en')).toBe('Co-parenting');
    expect(localised({ fi: 'Yhteistyövanhemmuus', en: '' }, 'en')).toBe('Yhteistyövanhemmuus');
    expect(localised({ fi: 'Yhteistyövanhemmuus', en: 'Co-parenting' }, 'fi')).toBe('Yhteistyövanhemmuus');
    expect(localised({ fi: 'Yhteistyövanhemmuus', sv: 'Samarbetsföräldraskap', en: 'Co-parenting' }, 'sv')).toBe('Samarbetsföräldraskap');
    expect(localised({ fi: 'Yhteistyövanhemmuus', sv: ' ', en: 'Co-parenting' }, 'sv')).toBe('Yhteistyövanhemmuus');
    expect(localised({ fi: 'Yhteistyövanhemmuus', en: 'Co-parenting' }, 'sv')).toBe('Yhteistyövanhemmuus');
  });

  it('lets people join only sessions whose room is open', () => {
    expect(joinable({ state: 'LOBBY', roomId: 4 })).toBe(true);
    expect(joinable({ state: 'LIVE', roomId: 'r' })).toBe(true);
    expect(joinable({ state: 'LIVE', roomId: null })).toBe(false);
    expect(joinable({ state: 'SCHEDULED', roomId: 4 })).toBe(false);
    expect(joinable({ state: 'ENDED', roomId: 4 })).toBe(false);
  });
});
