import type { ApiClient } from './api-client.ts';
import { filled, idOf, instant, listOf, record, text, wholeNumber } from './json-read.ts';
import type { ChatMessage, RoomId, RoomState } from './rooms.ts';
import type { UserId } from './types.ts';
import { toChatMessage } from '../chat/protocol.ts';

/** What one may do in a room; the server decides from the room role (administrators may do all). */
export const powers = [
  'REMOVE_MESSAGE',
  'MUTE',
  'REMOVE_MEMBER',
  'BAN',
  'LOCK',
  'SLOW_MODE',
  'REVIEW',
  'PRIVATE_TALK',
  'CRISIS_MESSAGE',
  'PIN',
  'REPORT',
] as const;
export type Power = (typeof powers)[number];

export function isPower(value: unknown): value is Power {
  return typeof value === 'string' && (powers as readonly string[]).includes(value);
}

/** A room's pinned announcement, shown to everyone at the top of the room. */
export type Pinned = {
  text: string;
  pinnedByName: string | null;
  pinnedAt: string | null;
};

export type BanScope = 'ROOM' | 'SERIES';

/** A mute or a ban in force; `endsAt` null means until lifted. */
export type Sanction = {
  kind: 'MUTE' | 'BAN';
  accountId: UserId;
  displayName: string | null;
  reason: string | null;
  endsAt: string | null;
  seriesWide: boolean;
};

/** The room's moderation as one person sees it. */
export type RoomModerationView = {
  state: RoomState | null;
  slowModeSeconds: number;
  pinned: Pinned | null;
  powers: Power[];
  muted: boolean;
  mutedUntil: string | null;
  sanctions: Sanction[];
};

export const reportReasons = ['HARASSMENT', 'THREAT', 'HATE', 'SPAM', 'PRIVACY', 'WORRY', 'OTHER'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** An open report, with the messages around the reported one (the reported one as written). */
export type Report = {
  id: string;
  reporterName: string | null;
  messageId: string | null;
  targetId: UserId | null;
  targetName: string | null;
  reason: ReportReason | null;
  note: string;
  createdAt: string | null;
  context: ChatMessage[];
};

/** A message that touched risk words, shown to the room's facilitators only. */
export type RiskFlag = {
  id: string;
  messageId: string | null;
  seq: number | null;
  authorId: UserId | null;
  authorName: string | null;
  excerpt: string | null;
  /** The writer marked the message with a content note: the excerpt is shown on request. */
  sensitive: boolean;
  categories: string[];
  createdAt: string | null;
  seen: boolean;
};

/** The crisis message in each language it is written in (fi, sv, en). */
export type CrisisMessage = Readonly<Record<string, string>>;

export type HiddenMember = {
  accountId: UserId;
  displayName: string;
};

export type PrivateTalkRoom = {
  id: RoomId;
  title: string;
};

const roomStates: readonly RoomState[] = ['OPEN', 'READ_ONLY', 'ARCHIVED'];

export function toPinned(value: unknown): Pinned | null {
  const json = record(value);
  const pinnedText = filled(json?.['text']);
  if (json === null || pinnedText === null) return null;
  return { text: pinnedText, pinnedByName: filled(json['pinnedByName']), pinnedAt: instant(json['pinnedAt']) };
}

export function toSanction(value: unknown): Sanction | null {
  const json = record(value);
  const kind = json?.['kind'];
  const accountId = idOf(json?.['accountId']);
  if (json === null || (kind !== 'MUTE' && kind !== 'BAN') || accountId === null) return null;
  return {
    kind,
    accountId,
    displayName: filled(json['displayName']),
    reason: filled(json['reason']),
    endsAt: instant(json['endsAt']),
    seriesWide: idOf(json['seriesId']) !== null,
  };
}

export function toModerationView(value: unknown): RoomModerationView {
  const json = record(value) ?? {};
  const state = json['state'];
  const slow = wholeNumber(json['slowModeSeconds']);
  return {
    state: roomStates.find((candidate) => candidate === state) ?? null,
    slowModeSeconds: slow !== null && slow > 0 ? slow : 0,
    pinned: toPinned(json['pinned']),
    powers: listOf(json['powers'], (item) => (isPower(item) ? item : null)),
    muted: json['muted'] === true,
    mutedUntil: instant(json['mutedUntil']),
    sanctions: listOf(json['sanctions'], toSanction),
  };
}

function toReason(value: unknown): ReportReason | null {
  return reportReasons.find((reason) => reason === value) ?? null;
}

/**
 * A message around a reported one. Reviewers read the reported message as written even when it
 * has been removed since (it keeps its text and its removed mark); other removed ones have none.
 */
function toContextMessage(value: unknown): ChatMessage | null {
  const json = record(value);
  if (json === null) return null;
  const message = toChatMessage({ ...json, removed: false, body: text(json['body']) ?? '' });
  return message === null ? null : { ...message, removed: json['removed'] === true };
}

export function toReport(value: unknown): Report | null {
  const json = record(value);
  const id = idOf(json?.['id']);
  if (json === null || id === null) return null;
  const messageId = idOf(json['messageId']);
  return {
    id: String(id),
    reporterName: filled(json['reporterName']),
    messageId: messageId === null ? null : String(messageId),
    targetId: idOf(json['targetId']),
    targetName: filled(json['targetName']),
    reason: toReason(json['reason']),
    note: text(json['note']) ?? '',
    createdAt: instant(json['createdAt']),
    context: listOf(json['context'], toContextMessage),
  };
}

export function toRiskFlag(value: unknown): RiskFlag | null {
  const json = record(value);
  const id = idOf(json?.['id']);
  if (json === null || id === null) return null;
  const messageId = idOf(json['messageId']);
  const seq = wholeNumber(json['seq']);
  return {
    id: String(id),
    messageId: messageId === null ? null : String(messageId),
    seq: seq !== null && seq > 0 ? seq : null,
    authorId: idOf(json['authorId']),
    authorName: filled(json['authorName']),
    excerpt: filled(json['excerpt']),
    sensitive: json['sensitive'] === true,
    categories: listOf(json['categories'], filled),
    createdAt: instant(json['createdAt']),
    seen: json['seen'] === true,
  };
}

function roomPath(roomId: RoomId): string {
  return `/api/moderation/rooms/${encodeURIComponent(String(roomId))}`;
}

function account(accountId: UserId): string {
  return encodeURIComponent(String(accountId));
}

/** Leaves out empty optional texts, so the server stores none rather than an empty one. */
function optional(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

export async function fetchModerationView(api: ApiClient, roomId: RoomId): Promise<RoomModerationView> {
  return toModerationView(await api.get<unknown>(roomPath(roomId)));
}

export function removeMessage(api: ApiClient, roomId: RoomId, messageId: string | number, reason?: string): Promise<void> {
  return api.request<void>('DELETE', `${roomPath(roomId)}/messages/${encodeURIComponent(String(messageId))}`, {
    body: { reason: optional(reason) },
  });
}

/** Mutes for `minutes`, or until lifted when null. */
export async function muteMember(
  api: ApiClient,
  roomId: RoomId,
  accountId: UserId,
  minutes: number | null,
  reason?: string,
): Promise<void> {
  await api.post<unknown>(`${roomPath(roomId)}/mutes`, { accountId, minutes, reason: optional(reason) });
}

export function unmuteMember(api: ApiClient, roomId: RoomId, accountId: UserId): Promise<void> {
  return api.request<void>('DELETE', `${roomPath(roomId)}/mutes/${account(accountId)}`);
}

export function removeMember(api: ApiClient, roomId: RoomId, accountId: UserId, reason?: string): Promise<void> {
  return api.post<void>(`${roomPath(roomId)}/removals`, { accountId, reason: optional(reason) });
}

export async function banMember(api: ApiClient, roomId: RoomId, accountId: UserId, scope: BanScope, reason?: string): Promise<void> {
  await api.post<unknown>(`${roomPath(roomId)}/bans`, { accountId, scope, reason: optional(reason) });
}

export function unbanMember(api: ApiClient, roomId: RoomId, accountId: UserId): Promise<void> {
  return api.request<void>('DELETE', `${roomPath(roomId)}/bans/${account(accountId)}`);
}

export async function setLocked(api: ApiClient, roomId: RoomId, locked: boolean): Promise<void> {
  await api.put<unknown>(`${roomPath(roomId)}/lock`, { locked });
}

export async function setSlowMode(api: ApiClient, roomId: RoomId, seconds: number): Promise<void> {
  await api.put<unknown>(`${roomPath(roomId)}/slow-mode`, { seconds });
}

export async function pinAnnouncement(api: ApiClient, roomId: RoomId, announcement: string): Promise<Pinned | null> {
  return toPinned(await api.put<unknown>(`${roomPath(roomId)}/pin`, { text: announcement }));
}

export function unpinAnnouncement(api: ApiClient, roomId: RoomId): Promise<void> {
  return api.request<void>('DELETE', `${roomPath(roomId)}/pin`);
}

export type NewReport = {
  messageId?: string | number;
  accountId?: UserId;
  reason: ReportReason;
  note?: string;
};

export async function fileReport(api: ApiClient, roomId: RoomId, report: NewReport): Promise<void> {
  await api.post<unknown>(`${roomPath(roomId)}/reports`, { ...report, note: optional(report.note) });
}

export async function fetchOpenReports(api: ApiClient, roomId: RoomId): Promise<Report[]> {
  const query = new URLSearchParams({ roomId: String(roomId) });
  return listOf(await api.get<unknown>(`/api/moderation/reports?${query.toString()}`), toReport);
}

/** Closes a report as acted on (`actionTaken`) or dismissed. */
export function closeReport(api: ApiClient, reportId: string, actionTaken: boolean, note?: string): Promise<void> {
  return api.post<void>(`/api/moderation/reports/${encodeURIComponent(reportId)}/close`, {
    actionTaken,
    note: optional(note),
  });
}

export async function fetchRiskFlags(api: ApiClient, roomId: RoomId): Promise<RiskFlag[]> {
  return listOf(await api.get<unknown>(`${roomPath(roomId)}/risk-flags`), toRiskFlag);
}

export function markRiskFlagSeen(api: ApiClient, roomId: RoomId, flagId: string): Promise<void> {
  return api.post<void>(`${roomPath(roomId)}/risk-flags/${encodeURIComponent(flagId)}/seen`, {});
}

export async function fetchCrisisMessage(api: ApiClient): Promise<CrisisMessage> {
  const json = record(await api.get<unknown>('/api/moderation/crisis-message')) ?? {};
  const texts: Record<string, string> = {};
  for (const [language, value] of Object.entries(json)) {
    const message = filled(value);
    if (message !== null) texts[language] = message;
  }
  return texts;
}

/** The crisis message in the interface language, else in Finnish, else in any language given. */
export function crisisMessageIn(message: CrisisMessage, language: string): string | null {
  return message[language] ?? message['fi'] ?? Object.values(message)[0] ?? null;
}

/** A facilitator opens a one-to-one talk with a participant: a new PRIVATE room for the two. */
export async function openPrivateTalk(api: ApiClient, roomId: RoomId, accountId: UserId): Promise<PrivateTalkRoom> {
  const json = record(await api.post<unknown>(`${roomPath(roomId)}/private-talks`, { accountId }));
  const id = idOf(json?.['id']);
  if (id === null) throw new TypeError('The server did not name the new room');
  return { id, title: text(json?.['title']) ?? '' };
}

/**
 * A facilitator sends the crisis message into the room: it is stored in every configured language
 * and each reader reads it in their own. Sending the same `clientId` again stores nothing new.
 */
export async function sendCrisisMessage(api: ApiClient, roomId: RoomId, clientId: string): Promise<void> {
  await api.post<unknown>(`${roomPath(roomId)}/crisis-message`, { clientId });
}

/** A participant asks the room's facilitators for a one-to-one talk. */
export function requestPrivateTalk(api: ApiClient, roomId: RoomId): Promise<void> {
  return api.post<void>(`${roomPath(roomId)}/private-talk-requests`, {});
}

function toHiddenMember(value: unknown): HiddenMember | null {
  const json = record(value);
  const accountId = idOf(json?.['accountId']);
  if (json === null || accountId === null) return null;
  return { accountId, displayName: text(json['displayName']) ?? '' };
}

export async function fetchHiddenMembers(api: ApiClient): Promise<HiddenMember[]> {
  return listOf(await api.get<unknown>('/api/me/hidden-members'), toHiddenMember);
}

export async function hideMember(api: ApiClient, accountId: UserId): Promise<HiddenMember | null> {
  return toHiddenMember(await api.put<unknown>(`/api/me/hidden-members/${account(accountId)}`, {}));
}

export function unhideMember(api: ApiClient, accountId: UserId): Promise<void> {
  return api.request<void>('DELETE', `/api/me/hidden-members/${account(accountId)}`);
}
