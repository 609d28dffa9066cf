import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../testing/fakes.ts';
import { languages } from '../i18n/languages.ts';
import { LocaleStore } from '../i18n/locale-store.ts';
import { type AuditDetails, detailTexts } from './audit-details.ts';

function said(details: AuditDetails | null, language = 'fi'): string[] {
  const locale = new LocaleStore(languages, new MemoryStorage());
  locale.setLocale(language);
  return detailTexts(details, { lookup: (keys) => locale.first(keys), intlLocale: locale.intlLocale }).map(
    (text) => locale.first(text.keys, text.params) ?? '',
  );
}

describe('audit details in words', () => {
  it('says when a mute ends in Helsinki time, never as an ISO instant', () => {
    const [until] = said({ until: '2026-03-01T18:30:00Z' });
    expect(until).toMatch(/^Päättyy .*2026 klo 20\.30$/);
    expect(said({ until: '2026-07-01T18:30:00Z' }, 'en')[0]).toBe('Ends Wednesday, 1 July 2026 at 21:30');
    expect(said({ untilLifted: true })).toEqual(['Kunnes mykistys puretaan']);
  });

  it('names roles, room roles, report reasons and sources', () => {
    expect(said({ rolesBefore: ['PARENT'], rolesAfter: ['PARENT', 'FACILITATOR'] })).toEqual(['Roolit: Vanhempi → Vanhempi, Ohjaaja']);
    expect(said({ roomRole: 'PARTICIPANT' })).toEqual(['Rooli huoneessa: Osallistuja']);
    expect(said({ reportReason: 'HARASSMENT', reportId: 'r1' })).toEqual(['Syy: Häirintä tai kiusaaminen']);
    expect(said({ source: 'RISK_FLAG', escalationId: 'e1', previousHolderId: 'a1', previousHolderName: 'Kaisa' }, 'en')).toEqual([
      'Raised by: a worrying message',
      'Held before by: Kaisa',
    ]);
    expect(said({ slowModeSeconds: 0 })).toEqual(['Hidas tila pois päältä']);
  });

  it('gives what someone wrote as it is, and nothing for empty details', () => {
    expect(said({ text: '<b>Hei</b> {x}' })).toEqual(['Teksti: <b>Hei</b> {x}']);
    expect(said({})).toEqual([]);
    expect(said(null)).toEqual([]);
    expect(said({ readVia: 'something-new' }, 'en')).toEqual(['Opened the conversation']);
  });
});
