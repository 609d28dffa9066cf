import { describe, expect, it } from 'vitest';
import { type AppNotification, notificationKinds, toNotification } from '../api/notifications.ts';
import finnish from '../i18n/fi.json';
import { Translator } from '../i18n/translator.ts';
import { languages } from '../i18n/languages.ts';
import { LocaleStore } from '../i18n/locale-store.ts';
import { MemoryStorage } from '../testing/fakes.ts';
import { NotificationStore } from './notification-store.ts';
import { notificationLink, notificationText } from './notification-text.ts';

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
    expect(notificationText(lobby, 'en').params).toEqual({ series: 'Isien ilta', theme: 'Co-parenting', room: '', name: '' });
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
