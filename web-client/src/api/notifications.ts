import type { ApiClient } from './api-client.ts';

export const notificationKinds = [
  'enrolment.enrolled',
  'enrolment.waitlisted',
  'enrolment.promoted',
  'series.confirmed',
  'series.cancelled',
  'session.lobby_open',
  'session.reminder',
  'session.reminder_hour',
  'session.moved',
  'session.cancelled',
  'session.added',
  'report.handled',
  'private_talk.opened',
  'private_talk.requested',
  'moderation.report_filed',
  'moderation.risk_flag',
  'feedback.requested',
  'moderation.appeal_answered',
  'moderation.unbanned',
  'peer_invitation.received',
  'peer_invitation.withdrawn',
  'peer_invitation.accepted',
  'peer_invitation.declined',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

/** Something the service told one person; `params` fill the text of its kind. */
export type AppNotification = {
  id: string;
  kind: string;
  subjectId: string | null;
  params: Readonly<Record<string, string>>;
  createdAt: string;
  readAt: string | null;
};

type Json = Record<string, unknown>;

function record(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function idText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Reads a notification from the server (REST or the live queue); null when it is not one. */
export function toNotification(value: unknown): AppNotification | null {
  const json = record(value);
  if (json === null) return null;
  const id = idText(json['id']);
  const kind = json['kind'];
  const createdAt = json['createdAt'];
  if (id === null || typeof kind !== 'string' || typeof createdAt !== 'string') return null;
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(record(json['params']) ?? {})) {
    if (typeof param === 'string') params[name] = param;
    else if (typeof param === 'number' && Number.isFinite(param)) params[name] = String(param);
  }
  const readAt = json['readAt'];
  return {
    id,
    kind,
    subjectId: idText(json['subjectId']),
    params,
    createdAt,
    readAt: typeof readAt === 'string' ? readAt : null,
  };
}

export async function listNotifications(api: ApiClient): Promise<AppNotification[]> {
  const items = await api.get<unknown[]>('/api/notifications');
  return (Array.isArray(items) ? items : []).flatMap((item) => toNotification(item) ?? []);
}

export function markAllNotificationsRead(api: ApiClient): Promise<void> {
  return api.post<void>('/api/notifications/read-all', {});
}
