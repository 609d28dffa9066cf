import { describe, expect, it } from 'vitest';
import { type AppNotification, notificationKinds, toNotification } from '../api/notifications.ts';
import finnish from '../i18n/fi.json';
import { Translator } from '../i18n/translator.ts';
import { languages } from '../i18n/languages.ts';
import { LocaleStore } from '../i18n/locale-store.ts';
import { MemoryStorage } from '../testing/fakes.ts';
import english from '../i18n/en.json';
import { NotificationStore } from './notification-store.ts';
import { BURST_GAP_MS, groupNotices, joinsBurst } from './notification-groups.ts';
import { notificationLink, notificationText } from './notification-text.ts';
import { meetingWhen } from './notice-when.ts';

function notification(id: string, extra: Partial<AppNotification> = {}): AppNotification {
  return {
    id,
    kind: 'series.confirmed',
    subjectId: 'series-1',
    params: { seriesTitle: 'Isien ilta' },
    createdAt: `2026-11-0${id}T10:00:00Z`,
    readAt: null,
    ...extra,
  };
}

describe('notification texts', () => {
  const fi = new Translator(finnish, finnish);

  it('has a text for every kind', () => {
    for (const kind of notificationKinds) {
      expect(finnish).toHaveProperty([`notification.${kind}`]);
    }
  });

  it('fills in the series title and the theme in the chosen language', () => {
    const lobby = notification('1', {
      kind: 'session.lobby_open',
      params: { seriesTitle: 'Isien ilta', themeFi: 'Yhteistyövanhemmuus', themeEn: 'Co-parenting', roomId: '9' },
    });
    const text = notificationText(lobby, 'fi');
    expect(fi.first(text.keys, text.params)).toBe('Ryhmän Isien ilta tapaaminen ”Yhteistyövanhemmuus” alkaa pian. Voit siirtyä ryhmään.');
    expect(notificationText(lobby, 'sv').params?.['theme']).toBe('Yhteistyövanhemmuus');
    const swedish = notification('3', {
      kind: 'session.lobby_open',
      params: { seriesTitle: 'Pappakväll', themeFi: 'Yhteistyövanhemmuus', themeSv: 'Samarbetsföräldraskap', themeEn: 'Co-parenting' },
    });
    const sv = new LocaleStore(languages, new MemoryStorage(), ['sv-FI']);
    const svText = notificationText(swedish, 'sv');
    expect(sv.first(svText.keys, svText.params)).toBe(
      'Träffen ”Samarbetsföräldraskap” i gruppen Pappakväll börjar snart. Du kan gå till gruppen.',
    );
    expect(notificationText(lobby, 'en').params).toEqual({
      series: 'Isien ilta',
      theme: 'Co-parenting',
      room: '',
      name: '',
      when: '',
      previous: '',
    });
    const waitlisted = notificationText(notification('2', { kind: 'enrolment.waitlisted' }), 'fi');
    expect(fi.first(waitlisted.keys, waitlisted.params)).toBe('Olet jonossa ryhmään Isien ilta.');
  });

  it('tells of invitations to be a peer supporter, leading to the home page and, for the coordinator, to the series', () => {
    const received = notification('1', {
      kind: 'peer_invitation.received',
      subjectId: 'i1',
      params: { seriesId: 's1', seriesTitle: 'Kevät' },
    });
    const text = notificationText(received, 'fi');
    expect(fi.first(text.keys, text.params)).toBe('Sinut on kutsuttu vertaistoimijaksi ryhmän Kevät jälkeen. Vastaa kutsuun etusivulla.');
    expect(notificationLink(received)).toBe('#/home');
    const accepted = notification('2', {
      kind: 'peer_invitation.accepted',
      subjectId: 'i1',
      params: { seriesId: 's1', seriesTitle: 'Kevät', accountId: 'a1', displayName: 'Aino' },
    });
    const answer = notificationText(accepted, 'fi');
    expect(fi.first(answer.keys, answer.params)).toBe('Aino otti vastaan kutsun vertaistoimijaksi (Kevät).');
    expect(notificationLink(accepted)).toBe('#/coordinator/series/s1');
    const forgotten = notificationText(
      notification('3', { kind: 'peer_invitation.declined', params: { seriesId: 's1', seriesTitle: 'Kevät' } }),
      'fi',
    );
    expect(fi.first(forgotten.keys, forgotten.params)).toBe('Poistettu käyttäjä ei ottanut vastaan kutsua vertaistoimijaksi (Kevät).');
  });

  it('falls back to a general text for an unknown kind', () => {
    const text = notificationText(notification('1', { kind: 'something.new' }), 'fi');
    expect(fi.first(text.keys, text.params)).toBe('Sinulle on uusi ilmoitus.');
  });

  it('tells of moderation: a handled report, a private talk opened or asked for', () => {
    const handled = notificationText(notification('1', { kind: 'report.handled', params: { roomTitle: 'Isien ilta' } }), 'fi');
    expect(fi.first(handled.keys, handled.params)).toBe(
      'Ohjaaja on käsitellyt ilmoituksesi keskustelusta Isien ilta. Kiitos, että kerroit.',
    );
    const opened = notificationText(
      notification('2', { kind: 'private_talk.opened', params: { roomId: 'r9', facilitatorName: 'Sanna' } }),
      'fi',
    );
    expect(fi.first(opened.keys, opened.params)).toBe('Sanna avasi sinulle kahdenkeskisen keskustelun.');
    const asked = notificationText(
      notification('3', { kind: 'private_talk.requested', params: { roomId: 'r1', roomTitle: 'Isien ilta', displayName: 'Matti' } }),
      'fi',
    );
    expect(fi.first(asked.keys, asked.params)).toBe('Matti pyytää kahdenkeskistä keskustelua keskustelussa Isien ilta.');
  });

  it('tells of a private talk without the name of someone who has deleted their account', () => {
    const asked = notificationText(
      notification('3', { kind: 'private_talk.requested', params: { roomId: 'r1', roomTitle: 'Isien ilta' } }),
      'fi',
    );
    expect(fi.first(asked.keys, asked.params)).toBe('Poistettu käyttäjä pyysi kahdenkeskistä keskustelua keskustelussa Isien ilta.');
    const opened = notificationText(notification('2', { kind: 'private_talk.opened', params: { roomId: 'r9' } }), 'fi');
    expect(fi.first(opened.keys, opened.params)).toBe(
      'Henkilö, joka on sittemmin poistanut tilinsä, avasi sinulle kahdenkeskisen keskustelun.',
    );
  });

  it('links a private talk to its room, and a handled report nowhere', () => {
    expect(notificationLink(notification('1', { kind: 'private_talk.opened', subjectId: 'r9', params: { roomId: 'r9' } }))).toBe(
      '#/rooms/r9',
    );
    expect(notificationLink(notification('1', { kind: 'private_talk.requested', subjectId: 'x', params: { roomId: 'r1' } }))).toBe(
      '#/rooms/r1',
    );
    expect(notificationLink(notification('1', { kind: 'report.handled', subjectId: 'report-1', params: {} }))).toBeNull();
  });

  it('links to the room of an opened lobby, otherwise to the series', () => {
    expect(notificationLink(notification('1', { kind: 'session.lobby_open', params: { roomId: '9' } }))).toBe('#/rooms/9');
    expect(notificationLink(notification('2', { kind: 'moderation.risk_flag', params: { roomId: '7' } }))).toBe('#/rooms/7');
    expect(notificationLink(notification('1'))).toBe('#/series/series-1');
    expect(notificationLink(notification('1', { subjectId: null }))).toBeNull();
  });

  it('asks for feedback after a session and leads to the feedback page', () => {
    const request = notification('1', {
      kind: 'feedback.requested',
      subjectId: 'session-1',
      params: { sessionId: 'session-1', seriesId: 's', seriesTitle: 'Isien ryhmä', themeFi: 'Vahvuudet', themeEn: 'Strengths' },
    });
    const text = notificationText(request, 'fi');
    expect(fi.first(text.keys, text.params)).toBe(
      'Kiitos, että olit mukana tapaamisessa Vahvuudet (Isien ryhmä)! Kerro halutessasi, miten se meni.',
    );
    expect(notificationLink(request)).toBe('#/feedback');
  });

  it('reads notifications defensively', () => {
    expect(
      toNotification({
        id: 7,
        kind: 'series.cancelled',
        subjectId: 's',
        params: { seriesTitle: 'A', n: 2, x: {} },
        createdAt: 't',
        readAt: null,
      }),
    ).toEqual({
      id: '7',
      kind: 'series.cancelled',
      subjectId: 's',
      params: { seriesTitle: 'A', n: '2' },
      createdAt: 't',
      readAt: null,
    });
    expect(toNotification({ id: 'x' })).toBeNull();
    expect(toNotification('nope')).toBeNull();
  });
});

describe('notification store', () => {
  it('keeps notifications newest first, once each, and counts the unread', () => {
    const store = new NotificationStore();
    let changes = 0;
    store.on('notifications-changed', () => {
      changes += 1;
    });
    store.receive(notification('3'));
    store.replace([notification('1', { readAt: '2026-11-01T11:00:00Z' }), notification('2'), notification('3')]);
    store.receive(notification('4'));
    expect(store.items.map((item) => item.id)).toEqual(['4', '3', '2', '1']);
    expect(store.unreadCount).toBe(3);

    store.markAllRead(new Date('2026-11-05T00:00:00Z'));
    expect(store.unreadCount).toBe(0);
    expect(store.items[0]?.readAt).toBe('2026-11-05T00:00:00.000Z');
    expect(store.items[3]?.readAt).toBe('2026-11-01T11:00:00Z');

    store.clear();
    expect(store.items).toEqual([]);
    expect(changes).toBe(5);
  });
});

describe('when a meeting is, in the bell', () => {
  const fi = new Translator(finnish, finnish);
  const en = new Translator(english, finnish);
  const sayFi = (keys: readonly string[], params?: Record<string, string | number>) => fi.first(keys, params);
  const sayEn = (keys: readonly string[], params?: Record<string, string | number>) => en.first(keys, params);
  // Tuesday 1 December 2026, 10.00 in Helsinki
  const now = new Date('2026-12-01T08:00:00Z');

  it('says today, tomorrow or the weekday and date, in Helsinki time', () => {
    expect(meetingWhen('2026-12-01T16:00:00Z', sayFi, 'fi-FI', now)).toBe('tänään klo 18.00');
    expect(meetingWhen('2026-12-02T16:00:00Z', sayFi, 'fi-FI', now)).toBe('huomenna klo 18.00');
    expect(meetingWhen('2026-12-10T16:30:00Z', sayFi, 'fi-FI', now)).toBe('torstai 10.12. klo 18.30');
    const swedish = new Translator(languages.find((language) => language.code === 'sv')?.messages ?? {}, finnish);
    const saySv = (keys: readonly string[], params?: Record<string, string | number>) => swedish.first(keys, params);
    expect(meetingWhen('2026-12-10T16:30:00Z', saySv, 'sv-FI', now)).toBe('torsdag 10.12. kl. 18.30');
    expect(meetingWhen('2027-01-19T16:00:00Z', saySv, 'sv-FI', now)).toBe('tisdag 19.1. kl. 18.00');
    expect(meetingWhen('2026-12-10T16:30:00Z', sayEn, 'en-GB', now)).toBe('Thursday 10 December at 18:30');
    expect(meetingWhen('2026-12-02T16:00:00Z', sayEn, 'en-GB', now)).toBe('tomorrow at 18:00');
    // 23.30 UTC on the 1st is already the 2nd in Helsinki
    expect(meetingWhen('2026-12-01T23:30:00Z', sayFi, 'fi-FI', now)).toBe('huomenna klo 1.30');
    expect(meetingWhen(undefined, sayFi, 'fi-FI', now)).toBe('');
    expect(meetingWhen('not a time', sayFi, 'fi-FI', now)).toBe('');
  });

  it("fills a moved meeting's new and earlier time, the theme in the interface language, and leads to the series", () => {
    const moved = notification('1', {
      kind: 'session.moved',
      subjectId: 'change-1',
      params: {
        seriesId: 's1',
        seriesTitle: 'Isien ilta',
        sessionId: 'm2',
        themeFi: 'Yhteistyövanhemmuus',
        themeEn: 'Co-parenting',
        themeSv: 'Samarbetsföräldraskap',
        startsAt: '2026-12-02T16:00:00Z',
        previousStartsAt: '2026-12-10T16:30:00Z',
      },
    });
    const finnishText = notificationText(moved, 'fi', { say: sayFi, intlLocale: 'fi-FI', now });
    expect(fi.first(finnishText.keys, finnishText.params)).toBe(
      'Ryhmän Isien ilta tapaaminen ”Yhteistyövanhemmuus” on siirretty: uusi aika on huomenna klo 18.00 (aiemmin torstai 10.12. klo 18.30).',
    );
    const englishText = notificationText(moved, 'en', { say: sayEn, intlLocale: 'en-GB', now });
    expect(en.first(englishText.keys, englishText.params)).toBe(
      'Isien ilta: “Co-parenting” has moved to tomorrow at 18:00 (it was Thursday 10 December at 18:30).',
    );
    expect(notificationText(moved, 'sv').params?.['theme']).toBe('Samarbetsföräldraskap');
    expect(notificationText({ ...moved, params: { ...moved.params, themeEn: ' ' } }, 'en').params?.['theme']).toBe('Yhteistyövanhemmuus');
    for (const kind of ['session.reminder', 'session.reminder_hour', 'session.moved', 'session.cancelled', 'session.added']) {
      expect(notificationLink({ ...moved, kind })).toBe('#/series/s1');
    }
  });
});

describe('bursts in the bell', () => {
  const at = (minutes: number): string => new Date(Date.UTC(2026, 11, 1, 12, 0) + minutes * 60_000).toISOString();
  function added(id: string, minutes: number, extra: Partial<AppNotification> = {}): AppNotification {
    return notification(id, { kind: 'session.added', params: { seriesId: 's1' }, createdAt: at(minutes), ...extra });
  }

  it('makes one row of notices of one kind about one series within ten minutes of each other', () => {
    const store = new NotificationStore();
    store.replace([
      added('a', 0),
      added('b', 1),
      added('c', 2, { readAt: at(3) }),
      added('d', 40, { params: { seriesId: 's2' } }),
      added('e', 30),
      notification('f', { kind: 'session.moved', params: { seriesId: 's1' }, createdAt: at(31) }),
      added('g', 32),
    ]);
    const groups = groupNotices(store.items);
    // another series, another kind between, or twenty minutes apart: rows of their own
    expect(groups.map((group) => [group.lead.id, ...group.others.map((other) => other.id)])).toEqual([
      ['d'],
      ['g'],
      ['f'],
      ['e'],
      ['c', 'b', 'a'],
    ]);
    expect(groups.map((group) => group.unread)).toEqual([true, true, true, true, true]);
  });

  it('chains a burst notice by notice, but no further than ten minutes between two', () => {
    const items = [added('3', 18), added('2', 9), added('1', 0), added('0', -11)];
    const groups = groupNotices(items);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.others.map((other) => other.id)).toEqual(['2', '1']);
    expect(BURST_GAP_MS).toBe(10 * 60 * 1000);
  });

  it('never groups notices without a series', () => {
    const plain = [
      notification('2', { kind: 'report.handled', params: {}, createdAt: at(1) }),
      notification('1', { kind: 'report.handled', params: {}, createdAt: at(0) }),
    ];
    expect(groupNotices(plain)).toHaveLength(2);
  });

  it('counts a group unread while any of it is, and read once all is marked read', () => {
    const store = new NotificationStore();
    store.replace([added('a', 0, { readAt: at(1) }), added('b', 1)]);
    expect(groupNotices(store.items).map((group) => group.unread)).toEqual([true]);
    store.markAllRead(new Date(at(5)));
    expect(groupNotices(store.items).map((group) => group.unread)).toEqual([false]);
    store.receive(added('c', 6));
    expect(groupNotices(store.items)).toHaveLength(1);
    expect(groupNotices(store.items)[0]?.unread).toBe(true);
  });

  it('does not announce a live notice that joins a burst already in the bell', () => {
    const held = [added('b', 1), added('a', 0)];
    expect(joinsBurst(added('c', 2), held)).toBe(true);
    expect(joinsBurst(added('c', 20), held)).toBe(false);
    expect(joinsBurst(added('c', 2, { params: { seriesId: 's2' } }), held)).toBe(false);
    expect(joinsBurst(added('c', 2), [])).toBe(false);
    // the same notice again (a reconnect) is compared with the one before it
    expect(joinsBurst(held[0] as AppNotification, held)).toBe(true);
  });
});
