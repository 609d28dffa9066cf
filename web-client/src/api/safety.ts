import type { ApiClient } from './api-client.ts';
import { filled, idOf, instant, listOf, record, text } from './json-read.ts';
import type { ReportReason } from './moderation.ts';
import { reportReasons } from './moderation.ts';
import type { RoomId, RoomKind, RoomMember, RoomRole, RoomState } from './rooms.ts';
import type { UserId } from './types.ts';

/** What was escalated: a risk flag, a report (a worry among them), or a request for a private talk. */
export type EscalationSignal = 'RISK_FLAG' | 'REPORT' | 'TALK_REQUEST';

/**
 * A safety signal that found no facilitator present in its room, as those on duty see it. The
 * excerpt is the flagged or reported message as written (null when there is none).
 */
export type Escalation = {
  id: string;
  roomId: RoomId;
  roomTitle: string;
  roomKind: RoomKind;
  signal: EscalationSignal;
  createdAt: string;
  subjectId: UserId | null;
  subjectName: string | null;
  excerpt: string | null;
  /** The excerpt's writer marked it with a content note: it is shown on request. */
  excerptSensitive: boolean;
  categories: string[];
  reason: ReportReason | null;
  note: string | null;
  takenBy: UserId | null;
  takenByName: string | null;
  /** Whether the holder has the app open now; null while nobody holds it. */
  takenByConnected: boolean | null;
};

/** Someone on duty; only those connected (with the app open) are sent escalations. */
export type OnDuty = { accountId: UserId; displayName: string; since: string; connected: boolean };

/** Whether the caller is on duty, and who is; nobody on duty and connected: escalations reach everyone. */
export type Duty = { onDuty: boolean; since: string | null; everyoneOnDuty: OnDuty[] };

/** A room with the people responsible in it. */
export type RoomStaffing = {
  id: RoomId;
  title: string;
  kind: RoomKind;
  state: RoomState;
  staff: RoomMember[];
  hasFacilitator: boolean;
};

function signalOf(value: unknown): EscalationSignal | null {
  return value === 'RISK_FLAG' || value === 'REPORT' || value === 'TALK_REQUEST' ? value : null;
}

function kindOf(value: unknown): RoomKind {
  return value === 'CLOSED' || value === 'PRIVATE' ? value : 'OPEN';
}

function stateOf(value: unknown): RoomState {
  return value === 'READ_ONLY' || value === 'ARCHIVED' ? value : 'OPEN';
}

function roleOf(value: unknown): RoomRole | null {
  return value === 'FACILITATOR' || value === 'PEER_SUPPORTER' || value === 'PARTICIPANT' ? value : null;
}

export function toEscalation(value: unknown): Escalation | null {
  const json = record(value);
  const id = idOf(json?.['id']);
  const roomId = idOf(json?.['roomId']);
  const signal = signalOf(json?.['signal']);
  const createdAt = instant(json?.['createdAt']);
  if (json === null || id === null || roomId === null || signal === null || createdAt === null) return null;
  const reason = json['reason'];
  return {
    id: String(id),
    roomId,
    roomTitle: text(json['roomTitle']) ?? '',
    roomKind: kindOf(json['roomKind']),
    signal,
    createdAt,
    subjectId: idOf(json['subjectId']),
    subjectName: filled(json['subjectName']),
    excerpt: filled(json['excerpt']),
    excerptSensitive: json['excerptSensitive'] === true,
    categories: listOf(json['categories'], filled),
    reason: (reportReasons as readonly unknown[]).includes(reason) ? (reason as ReportReason) : null,
    note: filled(json['note']),
    takenBy: idOf(json['takenBy']),
    takenByName: filled(json['takenByName']),
    takenByConnected: typeof json['takenByConnected'] === 'boolean' ? json['takenByConnected'] : null,
  };
}

function toOnDuty(value: unknown): OnDuty | null {
  const json = record(value);
  const accountId = idOf(json?.['accountId']);
  const since = instant(json?.['since']);
  if (json === null || accountId === null || since === null) return null;
  return { accountId, displayName: text(json['displayName']) ?? '', since, connected: json['connected'] === true };
}

export function toDuty(value: unknown): Duty {
  const json = record(value);
  return {
    onDuty: json?.['onDuty'] === true,
    since: instant(json?.['since']),
    everyoneOnDuty: listOf(json?.['everyoneOnDuty'], toOnDuty),
  };
}

function toMember(value: unknown): RoomMember | null {
  const json = record(value);
  const accountId = idOf(json?.['accountId']);
  const role = roleOf(json?.['role']);
  if (json === null || accountId === null || role === null) return null;
  return { accountId, displayName: text(json['displayName']) ?? '', role };
}

export function toRoomStaffing(value: unknown): RoomStaffing | null {
  const json = record(value);
  const id = idOf(json?.['id']);
  if (json === null || id === null) return null;
  const staff = listOf(json['staff'], toMember);
  return {
    id,
    title: text(json['title']) ?? '',
    kind: kindOf(json['kind']),
    state: stateOf(json['state']),
    staff,
    hasFacilitator: staff.some((member) => member.role === 'FACILITATOR'),
  };
}

export async function fetchDuty(api: ApiClient): Promise<Duty> {
  return toDuty(await api.get<unknown>('/api/moderation/duty'));
}

/** Goes on or off duty for safety signals nobody in their room can answer. */
export async function setDuty(api: ApiClient, onDuty: boolean): Promise<Duty> {
  return toDuty(await api.put<unknown>('/api/moderation/duty', { onDuty }));
}

export async function fetchEscalations(api: ApiClient): Promise<Escalation[]> {
  return listOf(await api.get<unknown>('/api/moderation/escalations'), toEscalation);
}

function escalationPath(id: string): string {
  return `/api/moderation/escalations/${encodeURIComponent(id)}`;
}

/** Says the caller handles the escalation; refused when someone else already does. */
export async function takeEscalation(api: ApiClient, id: string): Promise<Escalation | null> {
  return toEscalation(await api.post<unknown>(`${escalationPath(id)}/take`, {}));
}

/**
 * Takes the escalation from the person holding it: an administrator always may, a coordinator when
 * the holder does not have the app open; refused otherwise.
 */
export async function takeOverEscalation(api: ApiClient, id: string): Promise<Escalation | null> {
  return toEscalation(await api.post<unknown>(`${escalationPath(id)}/take-over`, {}));
}

/** Opens a private talk with the person the escalation is about; resolves with the new room. */
export async function escalationPrivateTalk(api: ApiClient, id: string): Promise<{ id: RoomId; title: string }> {
  const json = record(await api.post<unknown>(`${escalationPath(id)}/private-talk`, {}));
  const roomId = idOf(json?.['id']);
  if (roomId === null) throw new TypeError('The server did not name the new room');
  return { id: roomId, title: text(json?.['title']) ?? '' };
}

export function closeEscalation(api: ApiClient, id: string, note: string): Promise<void> {
  return api.post<void>(`${escalationPath(id)}/close`, { note: note.trim() === '' ? null : note });
}

export async function fetchStaffing(api: ApiClient): Promise<RoomStaffing[]> {
  return listOf(await api.get<unknown>('/api/rooms/staffing'), toRoomStaffing);
}

/** Appoints a facilitator or peer supporter to a room (or changes their role there). */
export async function appointToRoom(api: ApiClient, roomId: RoomId, accountId: UserId, role: RoomRole): Promise<void> {
  await api.post<unknown>(`/api/rooms/${encodeURIComponent(String(roomId))}/members`, { userId: accountId, role });
}

/** Takes a person out of a room. */
export function dismissFromRoom(api: ApiClient, roomId: RoomId, accountId: UserId): Promise<void> {
  return api.request<void>('DELETE', `/api/rooms/${encodeURIComponent(String(roomId))}/members/${encodeURIComponent(String(accountId))}`);
}
