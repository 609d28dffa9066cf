import { describe, expect, it } from 'vitest';
import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import { decisionText, formatDate, startTime } from '../coordination/fill.ts';
import { joinNote } from '../coordination/my-sessions.ts';
import { staffChoices } from '../coordination/plan-form.ts';
import { formatAverage, formatChange, formatShare } from '../feedback/report-figures.ts';
import { helsinkiDay } from '../peers/invitation-text.ts';
import { monthLabel, sessionTime } from '../series/calendar.ts';
import { MemoryStorage } from '../testing/fakes.ts';
import { foldForSearch, formatList, formatNumber, formatWallClock, nameCollator } from './formats.ts';
import { languages } from './languages.ts';
import { LocaleStore } from './locale-store.ts';

/** Intl separates with no-break spaces (U+00A0, U+202F); the tests read them as spaces. */
function plain(text: string): string {
  return text.replace(/\s/g, ' ');
}

describe('Swedish formats (sv-FI, Helsinki time)', () => {
  const sv = new LocaleStore(languages, new MemoryStorage(), ['sv-FI']).intlLocale;
  const now = new Date('2026-12-01T19:30:00Z');

  it('takes the locale from the Swedish file', () => {
    expect(sv).toBe('sv-FI');
  });

  it('writes chat times the Finland-Swedish way, in Helsinki time', () => {
    expect(formatMessageTime('2026-12-01T16:05:00Z', sv, now)).toBe('18.05');
    expect(plain(formatMessageTime('2026-11-30T16:05:00Z', sv, now))).toBe('30.11 18.05');
    expect(plain(formatFullTime('2026-12-01T16:00:00Z', sv))).toBe('tisdag 1 december 2026 kl. 18.00');
  });

  it('writes session days with a Swedish weekday and months by their Swedish names', () => {
    expect(plain(sessionTime('2026-12-01T16:00:00Z', '2026-12-01T17:30:00Z', sv))).toBe('tis 1.12.2026 18.00–19.30');
    expect(plain(startTime('2026-12-01T16:00:00Z', sv))).toBe('tis 1.12.2026 18.00');
    expect(monthLabel('2026-12', sv)).toBe('december 2026');
    expect(formatDate('2027-03-12', sv)).toBe('12.3.2027');
    expect(helsinkiDay('2027-03-11T22:30:00Z', sv)).toBe('12.3.2027');
  });

  it('writes a planned wall-clock time in the language', () => {
    expect(formatWallClock('18:00:00', sv)).toBe('18.00');
    expect(formatWallClock('18:00', 'fi-FI')).toBe('18.00');
    expect(formatWallClock('18:00', 'en-GB')).toBe('18:00');
    expect(formatWallClock('soon', sv)).toBe('soon');
  });

  it('says when a room opens and when a decision falls in Swedish figures', () => {
    const mine = { session: { state: 'SCHEDULED', roomId: null, startsAt: '2026-12-01T16:00:00Z' } } as Parameters<typeof joinNote>[0];
    expect(joinNote(mine, sv)).toEqual({ keys: ['mySessions.opensAt'], params: { time: '17.45', minutes: 15 } });
    expect(decisionText('2027-03-12', '2027-03-10', sv)).toEqual({
      keys: ['coordinator.decision.inDays'],
      params: { date: '12.3.2027', days: 2 },
    });
  });

  it('writes numbers, shares, averages, changes and lists in Swedish', () => {
    expect(plain(formatNumber(12345, sv))).toBe('12 345');
    expect(formatNumber(4000, sv)).toBe('4000');
    expect(plain(formatShare(0.63, sv))).toBe('63 %');
    expect(formatAverage(3.84, sv)).toBe('3,8');
    expect(formatChange(-0.4, sv)).toBe('−0,4');
    expect(formatChange(1.6, sv)).toBe('+1,6');
    expect(formatList(['ett telefonnummer', 'en adress'], sv)).toBe('ett telefonnummer och en adress');
  });

  it('sorts names with å, ä and ö after z, and folds searches in the language', () => {
    const names = ['Örjan', 'Åsa', 'Ärla', 'Zara', 'anna'];
    expect([...names].sort(nameCollator(sv).compare)).toEqual(['anna', 'Zara', 'Åsa', 'Ärla', 'Örjan']);
    const staff = names.map((displayName, index) => ({ id: String(index), displayName, roles: ['FACILITATOR'] }));
    expect(staffChoices(staff as Parameters<typeof staffChoices>[0], sv).facilitators.map((person) => person.displayName)).toEqual([
      'anna',
      'Zara',
      'Åsa',
      'Ärla',
      'Örjan',
    ]);
    expect(foldForSearch('  PAPPOR Åland ', sv)).toBe('pappor åland');
  });

  it('fills numeric placeholders in the language’s own number format', () => {
    const store = new LocaleStore(languages, new MemoryStorage(), ['sv-FI']);
    expect(plain(store.t('chat.composer.count', { count: 12, max: 20000 }))).toBe('12/20 000 tecken');
    expect(store.t('chat.composer.count', { count: 12, max: 4000 })).toBe('12/4000 tecken');
    store.setLocale('en');
    expect(store.t('chat.composer.count', { count: 12, max: 20000 })).toBe('12/20,000 characters');
  });
});
