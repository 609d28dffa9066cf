import { beforeAll, describe, expect, it } from 'vitest';
import type { MySession } from '../api/series.ts';
import { useServerLimits } from '../testing/fakes.ts';
import { decisionText, daysBetween, fillPercent, fillStatus, minimumText, minutesPresent, seatsText, waitlistText } from './fill.ts';
import { joinHref, joinNote, lobbyOpensAt, orderedSessions } from './my-sessions.ts';
import {
  type PlanDraft,
  addDays,
  isDate,
  staffChoices,
  suggestedDecisionDate,
  toPlanRequest,
  validatePlan,
  weekdayOf,
} from './plan-form.ts';
import { addTheme, draftOf, editRequest, fieldKind, moveTheme, removeTheme, validateTemplate } from './template-draft.ts';

beforeAll(useServerLimits);

const TODAY = '2027-03-01';

function plan(overrides: Partial<PlanDraft> = {}): PlanDraft {
  return {
    templateId: 't1',
    title: '  Isien ryhmä  ',
    audienceNote: ' isät ',
    firstDate: '2027-03-16',
    intervalWeeks: '2',
    startTime: '18:00',
    lengthMinutes: '',
    zone: 'Europe/Helsinki',
    capacity: '8',
    minParticipants: '4',
    decisionDate: '2027-03-09',
    ageMin: '',
    ageMax: '',
    facilitatorIds: ['f1', ''],
    peerSupporterIds: [],
    ...overrides,
  };
}

describe('planning a series', () => {
  it('asks an open chat for no seats, minimum or decision date, and sends none', () => {
    const open = plan({ kind: 'OPEN', capacity: '', minParticipants: '', decisionDate: '' });
    expect(validatePlan(open, TODAY)).toEqual(new Map());
    const request = toPlanRequest(open);
    expect('capacity' in request || 'minParticipants' in request || 'decisionDate' in request).toBe(false);
    const closed = validatePlan(plan({ kind: 'CLOSED', capacity: '', minParticipants: '', decisionDate: '' }), TODAY);
    expect([...closed.keys()]).toEqual(expect.arrayContaining(['capacity', 'minParticipants', 'decisionDate']));
  });

  it('accepts a complete plan and sends it trimmed, with numbers as numbers', () => {
    expect(validatePlan(plan(), TODAY).size).toBe(0);
    expect(toPlanRequest(plan({ lengthMinutes: '75', ageMin: '18' }))).toEqual({
      templateId: 't1',
      title: 'Isien ryhmä',
      audienceNote: 'isät',
      firstDate: '2027-03-16',
      intervalWeeks: 2,
      startTime: '18:00',
      lengthMinutes: 75,
      zone: 'Europe/Helsinki',
      capacity: 8,
      minParticipants: 4,
      decisionDate: '2027-03-09',
      ageMin: 18,
      ageMax: null,
      facilitatorIds: ['f1'],
      peerSupporterIds: [],
    });
  });

  it("names the field of each mistake with the server's codes", () => {
    const errors = validatePlan(
      plan({
        title: ' ',
        firstDate: '2027-02-28',
        startTime: '25:00',
        lengthMinutes: '10',
        capacity: 'kahdeksan',
        minParticipants: '',
        facilitatorIds: [],
      }),
      TODAY,
    );
    expect(Object.fromEntries(errors)).toEqual({
      title: 'not_blank',
      firstDate: 'past',
      decisionDate: 'after_start',
      startTime: 'invalid',
      lengthMinutes: 'range',
      capacity: 'invalid',
      minParticipants: 'not_blank',
      facilitatorIds: 'not_blank',
    });
  });

  it('checks the fields against each other like the server', () => {
    expect(validatePlan(plan({ decisionDate: '2027-03-17' }), TODAY).get('decisionDate')).toBe('after_start');
    expect(validatePlan(plan({ decisionDate: '2027-03-16' }), TODAY).get('decisionDate')).toBeUndefined();
    expect(validatePlan(plan({ minParticipants: '9' }), TODAY).get('minParticipants')).toBe('over_capacity');
    expect(validatePlan(plan({ ageMin: '40', ageMax: '30' }), TODAY).get('ageMax')).toBe('reversed');
    expect(validatePlan(plan({ ageMin: '15' }), TODAY).get('ageMin')).toBe('range');
    expect(validatePlan(plan({ facilitatorIds: ['f1', 'f1'] }), TODAY).get('facilitatorIds')).toBe('duplicate');
    expect(validatePlan(plan({ peerSupporterIds: ['f1'] }), TODAY).get('peerSupporterIds')).toBe('duplicate');
    expect(validatePlan(plan({ peerSupporterIds: ['a', 'b', 'c', 'd', 'e', 'f'] }), TODAY).get('peerSupporterIds')).toBe('size');
    expect(validatePlan(plan({ firstDate: '2027-02-30' }), TODAY).get('firstDate')).toBe('invalid');
    expect(validatePlan(plan({ title: 'x'.repeat(121) }), TODAY).get('title')).toBe('size');
  });

  it('works with dates as calendar days', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(weekdayOf('2027-03-16')).toBe(2);
    expect(weekdayOf('2027-03-21')).toBe(7);
    expect(weekdayOf('maaliskuu')).toBeNull();
  });

  it('suggests deciding a week ahead, never before today or after the start', () => {
    expect(suggestedDecisionDate('2027-03-16', TODAY)).toBe('2027-03-09');
    expect(suggestedDecisionDate('2027-03-04', TODAY)).toBe(TODAY);
    expect(suggestedDecisionDate('', TODAY)).toBe('');
  });

  it('offers facilitators and peer supporters by name', () => {
    const choices = staffChoices([
      { id: '1', displayName: 'Öhman', roles: ['FACILITATOR'] },
      { id: '2', displayName: 'Aalto', roles: ['FACILITATOR', 'PEER_SUPPORTER'] },
      { id: '3', displayName: 'Mäki', roles: ['PEER_SUPPORTER', 'PARENT'] },
    ]);
    expect(choices.facilitators.map((person) => person.displayName)).toEqual(['Aalto', 'Öhman']);
    expect(choices.peerSupporters.map((person) => person.id)).toEqual(['2', '3']);
  });
});

describe('fill of a series', () => {
  const fill = { capacity: 8, minParticipants: 4, enrolled: 3, waitlisted: 0 };

  it('gives the seats taken as a bounded percentage', () => {
    expect(fillPercent(5, 8)).toBe(63);
    expect(fillPercent(9, 8)).toBe(100);
    expect(fillPercent(1, 0)).toBe(0);
    expect(seatsText(fill)).toEqual({ keys: ['coordinator.fill.seats'], params: { enrolled: 3, capacity: 8, percent: 38 } });
  });

  it('tells whether the minimum is reached and how many are missing', () => {
    expect(fillStatus(fill)).toBe('below-minimum');
    expect(fillStatus({ ...fill, enrolled: 4 })).toBe('enough');
    expect(fillStatus({ ...fill, enrolled: 8 })).toBe('full');
    expect(minimumText(fill)).toEqual({ keys: ['coordinator.fill.missing'], params: { minimum: 4, missing: 1 } });
    expect(minimumText({ ...fill, enrolled: 6 }).keys).toEqual(['coordinator.fill.minimumReached']);
    expect(waitlistText(0).keys).toEqual(['coordinator.fill.noWaitlist']);
    expect(waitlistText(2)).toEqual({ keys: ['coordinator.fill.waitlist'], params: { count: 2 } });
  });

  it('counts the days to the decision', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(decisionText('2027-03-09', TODAY, 'fi-FI')).toEqual({
      keys: ['coordinator.decision.inDays'],
      params: { date: '9.3.2027', days: 8 },
    });
    expect(decisionText('2027-03-02', TODAY, 'fi-FI').keys).toEqual(['coordinator.decision.tomorrow']);
    expect(decisionText(TODAY, TODAY, 'fi-FI').keys).toEqual(['coordinator.decision.today']);
    expect(decisionText('2027-02-20', TODAY, 'fi-FI').keys).toEqual(['coordinator.decision.past']);
  });

  it('rounds time present up to whole minutes', () => {
    expect(minutesPresent(0)).toBe(0);
    expect(minutesPresent(61)).toBe(2);
    expect(minutesPresent(2400)).toBe(40);
  });
});

describe('editing a template', () => {
  const template = {
    id: 't',
    code: 'c',
    kind: 'CLOSED' as const,
    defaultLengthMinutes: 90,
    title: { fi: 'Pohja', en: 'Template' },
    description: { fi: '', en: '' },
    version: 3,
    sessions: [
      { position: 2, title: { fi: 'Toinen', en: 'Second' }, description: { fi: '', en: '' } },
      { position: 1, title: { fi: 'Ensimmäinen', en: 'First' }, description: { fi: 'K', en: 'D' } },
    ],
  };

  it('moves, removes and adds themes without losing any', () => {
    const draft = draftOf(template);
    expect(draft.themes.map((theme) => theme.titleFi)).toEqual(['Ensimmäinen', 'Toinen']);
    const moved = moveTheme(draft.themes, 1, -1);
    expect(moved.map((theme) => theme.titleFi)).toEqual(['Toinen', 'Ensimmäinen']);
    expect(moveTheme(draft.themes, 0, -1)).toEqual(draft.themes);
    expect(removeTheme(moved, 0).map((theme) => theme.titleFi)).toEqual(['Ensimmäinen']);
    const added = addTheme(draft.themes, 'k');
    expect(added).toHaveLength(3);
    expect(added[2]).toEqual({ key: 'k', titleFi: '', titleSv: '', titleEn: '', descriptionFi: '', descriptionSv: '', descriptionEn: '' });
    let many = draft.themes;
    for (let i = 0; i < 30; i++) many = addTheme(many);
    expect(many).toHaveLength(20);
  });

  it('checks sizes and names fields like the server', () => {
    const draft = draftOf(template);
    expect(validateTemplate(draft).size).toBe(0);
    const broken = { ...draft, defaultLengthMinutes: '10', titleEn: ' ', themes: addTheme(draft.themes, 'k') };
    expect(Object.fromEntries(validateTemplate(broken))).toEqual({
      'title.en': 'not_blank',
      defaultLengthMinutes: 'range',
      'sessions[2].title.fi': 'not_blank',
      'sessions[2].title.en': 'not_blank',
    });
    expect(validateTemplate({ ...draft, themes: [] }).get('sessions')).toBe('size');
    expect(fieldKind('sessions[0].title.sv')).toBe('themeTitle');
    expect(fieldKind('sessions[2].title.en')).toBe('themeTitle');
    expect(fieldKind('description.fi')).toBe('templateDescription');
    expect(fieldKind('defaultLengthMinutes')).toBe('defaultLengthMinutes');
  });

  it('sends the version it was edited from and the themes in their new order', () => {
    const draft = draftOf(template);
    const request = editRequest({ ...draft, titleFi: ' Uusi ', themes: moveTheme(draft.themes, 0, 1) });
    expect(request.version).toBe(3);
    expect(request.title).toEqual({ fi: 'Uusi', sv: '', en: 'Template' });
    expect(request.defaultLengthMinutes).toBe(90);
    expect(request.sessions.map((theme) => theme.title.en)).toEqual(['Second', 'First']);
  });

  it('keeps Swedish texts, which may be left empty but not too long', () => {
    const draft = draftOf({
      ...template,
      title: { fi: 'Pohja', sv: 'Mall', en: 'Template' },
    });
    expect(draft.titleSv).toBe('Mall');
    expect(draft.themes.map((theme) => theme.titleSv)).toEqual(['', '']);
    const swedish = { ...draft, themes: draft.themes.map((theme) => ({ ...theme, titleSv: ` ${theme.titleFi} på svenska ` })) };
    expect(validateTemplate(swedish).size).toBe(0);
    const request = editRequest(swedish);
    expect(request.title).toEqual({ fi: 'Pohja', sv: 'Mall', en: 'Template' });
    expect(request.sessions.map((theme) => theme.title.sv)).toEqual(['Ensimmäinen på svenska', 'Toinen på svenska']);
    const tooLong = { ...draft, titleSv: 'x'.repeat(121) };
    expect(validateTemplate(tooLong).get('title.sv')).toBe('size');
  });

  it('tells the place each theme had when loaded, so its material moves with it; a new theme has none', () => {
    const draft = draftOf(template);
    const request = editRequest({ ...draft, themes: addTheme(moveTheme(draft.themes, 0, 1), 'new-1') });
    expect(request.sessions.map((theme) => theme.from)).toEqual([2, 1, undefined]);
    expect('from' in (request.sessions[2] ?? {})).toBe(false);
  });
});

describe('my sessions', () => {
  function mine(state: MySession['session']['state'], roomId: string | null, startsAt = '2027-03-16T16:00:00Z'): MySession {
    return {
      seriesId: 's',
      seriesTitle: 'Ryhmä',
      session: { id: 'x', position: 1, theme: { fi: 'Teema', en: 'Theme' }, startsAt, endsAt: '2027-03-16T17:30:00Z', state, roomId },
    };
  }

  it('links to the room only once the lobby is open', () => {
    expect(joinHref(mine('SCHEDULED', null))).toBeNull();
    expect(joinHref(mine('LOBBY', 'r 1'))).toBe('#/rooms/r%201');
    expect(joinHref(mine('LIVE', 'r1'))).toBe('#/rooms/r1');
    expect(joinHref(mine('LOBBY', null))).toBeNull();
  });

  it('says when the room opens, in Helsinki time', () => {
    expect(lobbyOpensAt('2027-03-16T16:00:00Z').toISOString()).toBe('2027-03-16T15:45:00.000Z');
    expect(joinNote(mine('SCHEDULED', null), 'fi-FI')).toEqual({ keys: ['mySessions.opensAt'], params: { time: '17.45', minutes: 15 } });
    expect(joinNote(mine('LOBBY', 'r'), 'fi-FI').keys).toEqual(['mySessions.lobbyOpen']);
    expect(joinNote(mine('LIVE', 'r'), 'fi-FI').keys).toEqual(['mySessions.liveNow']);
  });

  it('lists the soonest first', () => {
    const later = mine('SCHEDULED', null, '2027-03-23T16:00:00Z');
    const sooner = mine('SCHEDULED', null, '2027-03-16T16:00:00Z');
    expect(orderedSessions([later, sooner])).toEqual([sooner, later]);
  });
});
