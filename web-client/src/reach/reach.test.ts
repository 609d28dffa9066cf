import { describe, expect, it } from 'vitest';
import { type ReachSettings, toReachSettings } from '../api/reach.ts';
import type { CurrentUser } from '../api/types.ts';
import { ReachLanguageSync } from './language-sync.ts';
import { mailSegments } from './mail-text.ts';
import { categoriesFor, changeOf, hoursAndMinutes, missingQuietHour } from './notice-choices.ts';
import { unsubscribeLink } from './unsubscribe-link.ts';

function user(roles: CurrentUser['roles'], extra: Partial<CurrentUser> = {}): CurrentUser {
  return { id: 'u1', username: 'veera', displayName: 'Veera', roles, guest: false, ...extra };
}

const settings: ReachSettings = {
  language: 'fi',
  email: 'veera@example.test',
  emailVerified: true,
  fullTexts: false,
  remindHourBefore: false,
  quietFrom: null,
  quietUntil: null,
  emailCategories: ['REMINDERS', 'SCHEDULE', 'ENROLMENT', 'SERIES'],
  pushCategories: ['REMINDERS', 'SCHEDULE', 'ENROLMENT', 'SERIES', 'SAFETY', 'OTHER'],
};

describe('notice choices', () => {
  it('offers safety notices only to facilitators, coordinators and administrators', () => {
    expect(categoriesFor(user(['PARENT']))).toEqual(['REMINDERS', 'SCHEDULE', 'ENROLMENT', 'SERIES', 'OTHER']);
    expect(categoriesFor(user(['PARENT', 'PEER_SUPPORTER']))).not.toContain('SAFETY');
    for (const role of ['FACILITATOR', 'COORDINATOR', 'ADMIN'] as const) {
      expect(categoriesFor(user([role]))).toContain('SAFETY');
    }
    expect(categoriesFor(null)).not.toContain('SAFETY');
  });

  it('shows the server time of day as a time input does and wants quiet hours both or neither', () => {
    expect(hoursAndMinutes('22:00:00')).toBe('22:00');
    expect(hoursAndMinutes('07:30')).toBe('07:30');
    expect(hoursAndMinutes(null)).toBe('');
    expect(hoursAndMinutes('soon')).toBe('');
    expect(missingQuietHour('', '')).toBeNull();
    expect(missingQuietHour('22:00', '07:00')).toBeNull();
    expect(missingQuietHour('22:00', '')).toBe('quietUntil');
    expect(missingQuietHour('', '07:00')).toBe('quietFrom');
  });

  it('sends the boxes shown as ticked and keeps what a person does not see as it was', () => {
    const change = changeOf(settings, {
      language: 'en',
      fullTexts: true,
      remindHourBefore: true,
      quietFrom: '22:00',
      quietUntil: '07:30',
      shown: ['REMINDERS', 'SCHEDULE', 'ENROLMENT', 'SERIES', 'OTHER'],
      email: new Set(['OTHER', 'REMINDERS']),
      push: new Set(['SCHEDULE']),
    });
    expect(change).toEqual({
      language: 'en',
      fullTexts: true,
      remindHourBefore: true,
      quietFrom: '22:00',
      quietUntil: '07:30',
      emailCategories: ['REMINDERS', 'OTHER'],
      // safety was not shown to this parent: what was chosen before stays
      pushCategories: ['SCHEDULE', 'SAFETY'],
    });
    const noQuiet = changeOf(settings, {
      language: 'fi',
      fullTexts: false,
      remindHourBefore: false,
      quietFrom: '22:00',
      quietUntil: '',
      shown: [],
      email: new Set(),
      push: new Set(),
    });
    expect(noQuiet.quietFrom).toBeNull();
    expect(noQuiet.quietUntil).toBeNull();
    expect(noQuiet.emailCategories).toEqual(settings.emailCategories);
  });

  it('reads the settings and drops what it does not know', () => {
    const read = toReachSettings({
      language: 'sv',
      email: 'a@example.test',
      emailVerified: true,
      quietFrom: '22:00:00',
      quietUntil: '06:00:00',
      emailCategories: ['REMINDERS', 'EVERYTHING', 3],
      pushCategories: 'SAFETY',
    });
    expect(read).toMatchObject({ language: 'sv', emailVerified: true, fullTexts: false, quietFrom: '22:00:00' });
    expect(read.emailCategories).toEqual(['REMINDERS']);
    expect(read.pushCategories).toEqual([]);
    expect(toReachSettings(null).email).toBeNull();
  });
});

describe('unsubscribe links', () => {
  it('reads the key and the categories, and refuses a link cut short or naming something unknown', () => {
    expect(unsubscribeLink('#/unsubscribe?key=abc&categories=SCHEDULE,ENROLMENT')).toEqual({
      key: 'abc',
      categories: ['SCHEDULE', 'ENROLMENT'],
    });
    expect(unsubscribeLink('#/unsubscribe?key=abc&categories=SCHEDULE,SCHEDULE')?.categories).toEqual(['SCHEDULE']);
    expect(unsubscribeLink('#/unsubscribe?categories=SCHEDULE')).toBeNull();
    expect(unsubscribeLink('#/unsubscribe?key=abc')).toBeNull();
    expect(unsubscribeLink('#/unsubscribe?key=abc&categories=SCHEDULE,ALL')).toBeNull();
  });
});

describe('captured mail text', () => {
  it('makes only http and https addresses links, leaving the sentence around them as text', () => {
    const segments = mailSegments(
      'Avaa linkki: https://tukipiiri.example/#/verify-email?token=a_b-1. Tai (http://x.example/a) javascript:alert(1) <b>ei</b>',
    );
    expect(segments).toEqual([
      { text: 'Avaa linkki: ' },
      { text: 'https://tukipiiri.example/#/verify-email?token=a_b-1', href: 'https://tukipiiri.example/#/verify-email?token=a_b-1' },
      { text: '. Tai (' },
      { text: 'http://x.example/a', href: 'http://x.example/a' },
      { text: ') javascript:alert(1) <b>ei</b>' },
    ]);
    expect(mailSegments('')).toEqual([]);
    expect(mailSegments('no links here')).toEqual([{ text: 'no links here' }]);
    expect(mailSegments('https:// broken')).toEqual([{ text: 'https:// broken' }]);
  });
});

describe('the language of e-mails', () => {
  function setup(fails = () => false) {
    const sent: string[] = [];
    const sync = new ReachLanguageSync((language) => {
      sent.push(language);
      return fails() ? Promise.reject(new Error('offline')) : Promise.resolve();
    });
    return { sent, sync };
  }

  it('sends the interface language once after signing in and again on each switch', async () => {
    const { sent, sync } = setup();
    await sync.sessionChanged(user(['PARENT']), 'fi');
    await sync.sessionChanged(user(['PARENT']), 'fi');
    expect(sent).toEqual(['fi']);
    await sync.languageChanged('en');
    await sync.languageChanged('en');
    expect(sent).toEqual(['fi', 'en']);
    // another person signs in on the same device
    await sync.sessionChanged(user(['PARENT'], { id: 'u2' }), 'en');
    expect(sent).toEqual(['fi', 'en', 'en']);
  });

  it('sends nothing for a visitor or a guest', async () => {
    const { sent, sync } = setup();
    await sync.sessionChanged(null, 'fi');
    await sync.languageChanged('en');
    await sync.sessionChanged(user([], { guest: true, username: null }), 'en');
    await sync.languageChanged('fi');
    expect(sent).toEqual([]);
  });

  it('stays silent on a failure and tries again at the next chance', async () => {
    let failing = true;
    const { sent, sync } = setup(() => failing);
    await expect(sync.sessionChanged(user(['PARENT']), 'fi')).resolves.toBeUndefined();
    failing = false;
    await sync.sessionChanged(user(['PARENT']), 'fi');
    expect(sent).toEqual(['fi', 'fi']);
  });

  it('sends a switch made while the previous one is on its way once that is answered', async () => {
    const sent: string[] = [];
    let answer: () => void = () => undefined;
    const sync = new ReachLanguageSync((language) => {
      sent.push(language);
      return new Promise<void>((resolve) => (answer = resolve));
    });
    const first = sync.sessionChanged(user(['PARENT']), 'fi');
    const second = sync.languageChanged('en');
    expect(sent).toEqual(['fi']);
    answer();
    await first;
    await Promise.resolve();
    answer();
    await second;
    expect(sent).toEqual(['fi', 'en']);
  });
});
