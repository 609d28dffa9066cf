import type { AppNotification } from '../api/notifications.ts';
import type { TextRef } from '../i18n/dom.ts';
import { coordinatorSeriesRoute, hashOf, roomRoute, seriesRoute } from '../routes.ts';
import { themeIn } from '../series/calendar.ts';
import { type Say, meetingWhen } from './notice-when.ts';

/** What saying a meeting's time needs: the interface's texts and Intl locale, and the moment now. */
export type WhenContext = {
  readonly say: Say;
  readonly intlLocale: string;
  readonly now?: Date;
};

/**
 * The text of a notification in the interface language: one text per kind, filled with the
 * series title, the session theme in the interface language (`themeSv`, `themeEn`, else
 * `themeFi`), and for a meeting its time (`{when}` from `startsAt`, `{previous}` from
 * `previousStartsAt`, said as "huomenna klo 18.00" when `when` is given).
 */
export function notificationText(notification: AppNotification, language: string, when?: WhenContext): TextRef {
  const { params } = notification;
  const theme = themeIn(params, language);
  const said = (iso: string | undefined): string => (when === undefined ? '' : meetingWhen(iso, when.say, when.intlLocale, when.now));
  const name = params['facilitatorName'] ?? params['displayName'];
  // an answered appeal says whether the mute or ban was lifted or upheld
  const outcome = params['outcome'];
  const kind =
    notification.kind === 'moderation.appeal_answered' && outcome !== undefined
      ? `notification.${notification.kind}.${outcome}`
      : `notification.${notification.kind}`;
  // a private-talk or invitation-answer notice loses the other person's name when that person deletes their account
  const nameless = name === undefined && namedKinds.some((prefix) => notification.kind.startsWith(prefix));
  return {
    keys: nameless
      ? [`${kind}.nameless`, kind, 'notification.generic']
      : [kind, `notification.${notification.kind}`, 'notification.generic'],
    params: {
      series: params['seriesTitle'] ?? '',
      theme,
      room: params['roomTitle'] ?? '',
      name: name ?? '',
      when: said(params['startsAt']),
      previous: said(params['previousStartsAt']),
    },
  };
}

/** Kinds that name another person, and read as by a deleted user once that person is gone. */
const namedKinds = ['private_talk.', 'peer_invitation.accepted', 'peer_invitation.declined'];

/** Kinds whose subject is a series (for the others it is a report, a session or a room). */
const seriesSubjects = ['enrolment.', 'series.'];

/**
 * Where a notification leads: the feedback page when a session one attended asks for feedback; the
 * home page for an invitation to be a peer supporter, and the series for its answer;
 * the room of a session whose lobby opened, of a private talk (opened for one, or asked for in a
 * room one facilitates), or of a report or risk flag for its facilitators; otherwise its series, if any
 * (a meeting reminded of, moved, cancelled or added leads to its series).
 */
export function notificationLink(notification: AppNotification): string | null {
  if (notification.kind === 'feedback.requested') {
    return hashOf('feedback');
  }
  if (notification.kind === 'safety.escalated') {
    return hashOf('safety');
  }
  // an invitation to be a peer supporter is answered on the home page; its answer is read on the series
  if (notification.kind === 'peer_invitation.received' || notification.kind === 'peer_invitation.withdrawn') {
    return hashOf('home');
  }
  const invitedFrom = notification.params['seriesId'];
  if ((notification.kind === 'peer_invitation.accepted' || notification.kind === 'peer_invitation.declined') && invitedFrom) {
    return hashOf(coordinatorSeriesRoute(invitedFrom));
  }
  const roomId = notification.params['roomId'];
  const leadsToRoom = ['session.lobby_open', 'private_talk.', 'moderation.'].some((kind) => notification.kind.startsWith(kind));
  if (leadsToRoom && roomId) {
    return hashOf(roomRoute(roomId));
  }
  const subjectIsSeries = seriesSubjects.some((prefix) => notification.kind.startsWith(prefix));
  const seriesId = notification.params['seriesId'] ?? (subjectIsSeries ? notification.subjectId : null);
  return seriesId ? hashOf(seriesRoute(seriesId)) : null;
}
