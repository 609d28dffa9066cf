import type { AppNotification } from '../api/notifications.ts';
import type { TextRef } from '../i18n/dom.ts';
import { hashOf, roomRoute, seriesRoute } from '../routes.ts';

/**
 * The text of a notification in the interface language: one text per kind, filled with the
 * series title and the session theme (the English theme when English is chosen and there is one).
 */
export function notificationText(notification: AppNotification, language: string): TextRef {
  const { params } = notification;
  const themeFi = params['themeFi'] ?? '';
  const themeEn = params['themeEn'] ?? '';
  const theme = language === 'en' && themeEn.trim() !== '' ? themeEn : themeFi;
  return {
    keys: [`notification.${notification.kind}`, 'notification.generic'],
    params: { series: params['seriesTitle'] ?? '', theme },
  };
}

/**
 * Where a notification leads: the feedback page when a session one attended asks for feedback,
 * the room of a session whose lobby opened, otherwise its series.
 */
export function notificationLink(notification: AppNotification): string | null {
  if (notification.kind === 'feedback.requested') {
    return hashOf('feedback');
  }
  const roomId = notification.params['roomId'];
  if (notification.kind === 'session.lobby_open' && roomId) {
    return hashOf(roomRoute(roomId));
  }
  const seriesId = notification.params['seriesId'] ?? (notification.kind.startsWith('session.') ? undefined : notification.subjectId);
  return seriesId ? hashOf(seriesRoute(seriesId)) : null;
}
