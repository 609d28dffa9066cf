import type { SessionClock } from '../chat/session-clock.ts';
import type { ApiClient } from './api-client.ts';
import type { UserId } from './types.ts';

/** The server's room id; the client only echoes it back. */
export type RoomId = string | number;

/** The kinds of room a coordinator creates. */
export const roomKinds = ['OPEN', 'CLOSED'] as const;
export type CreatableRoomKind = (typeof roomKinds)[number];
/** PRIVATE: a one-to-one talk a facilitator opened with a participant. */
export type RoomKind = CreatableRoomKind | 'PRIVATE';

export type RoomState = 'OPEN' | 'READ_ONLY' | 'ARCHIVED';

/** A person's part in one room (not an account role). */
export type RoomRole = 'PARTICIPANT' | 'PEER_SUPPORTER' | 'FACILITATOR';

/**
 * How a room is run: a `DISCUSSION` where every member writes, or a live `INFO_SESSION` where its
 * hosts (facilitators, peer supporters) write and participants ask them questions.
 */
export type RoomFormat = 'DISCUSSION' | 'INFO_SESSION';
export const roomFormats = ['DISCUSSION', 'INFO_SESSION'] as const satisfies readonly RoomFormat[];

export type Room = {
  id: RoomId;
  title: string;
  theme: string;
  kind: RoomKind;
  state: RoomState;
  member: boolean;
  myRole: RoomRole | null;
  /** Absent from an older server: a discussion. */
  format?: RoomFormat;
};

export type CreateRoomRequest = {
  title: string;
  theme: string;
  kind: CreatableRoomKind;
  format?: RoomFormat;
};

/** A member of a room as its members see them. */
export type RoomMember = {
  accountId: UserId;
  displayName: string;
  role: RoomRole;
};

/**
 * What a message is: written by its author (`TEXT`), the crisis message a facilitator sends,
 * which carries its text in every configured language (`CRISIS`), a participant's question the
 * hosts of an information session published without a name (`QUESTION`, no author), or a host's
 * answer to one (`ANSWER`, naming the question's seq in `answersSeq`).
 */
export type MessageKind = 'TEXT' | 'CRISIS' | 'QUESTION' | 'ANSWER';

/**
 * One stored chat message; `seq` is gap-free and increasing within its room. A removed message
 * keeps its place but has no text (`removed`, `body` empty; `removedByWriter` when its writer
 * removed it rather than a facilitator). When its writer has deleted their account, the message
 * has no author either (`authorId` and `authorDisplayName` null). A crisis message carries
 * `translations` (language → text); without a `kind` a message is `TEXT`. `editedAt` is when its
 * writer last edited it (absent or null: never).
 */
export type ChatMessage = {
  seq: number;
  id: string | number;
  roomId: RoomId;
  authorId: UserId | null;
  authorDisplayName: string | null;
  authorRole: string | null;
  body: string;
  sentAt: string;
  removed: boolean;
  kind?: MessageKind;
  translations?: Readonly<Record<string, string>> | null;
  removedByWriter?: boolean;
  editedAt?: string | null;
  /**
   * Its writer marked it as sensitive when sending (a content note): readers other than the
   * writer see a short note and reveal the text themselves. False for a removed message.
   */
  sensitive?: boolean;
  /** An answer's question (its seq); null or absent for every other kind. */
  answersSeq?: number | null;
};

/** A writer's change to a stored message, heard live: a new text (`edited`) or its removal (`deleted`). */
export type MessageRevision =
  { type: 'edited'; roomId: RoomId; seq: number; body: string; editedAt: string } | { type: 'deleted'; roomId: RoomId; seq: number };

/**
 * The text a reader sees: a crisis message in the reader's language (else Finnish, else the body
 * holding every language); any other message as written.
 */
export function messageText(message: Pick<ChatMessage, 'body' | 'kind' | 'translations'>, language: string): string {
  const translations = message.translations;
  if (message.kind !== 'CRISIS' || translations === null || translations === undefined) return message.body;
  return translations[language] ?? translations['fi'] ?? message.body;
}

/** A page of history, ascending by seq; `lastSeq` is the room's newest seq. */
export type MessagePage = {
  messages: ChatMessage[];
  lastSeq: number | null;
};

/** Someone who has the room open right now. */
export type PresentMember = {
  accountId: UserId;
  displayName: string;
  role: string | null;
};

export type MessageQuery = {
  limit: number;
  beforeSeq?: number;
  afterSeq?: number;
};

function roomPath(id: RoomId): string {
  return `/api/rooms/${encodeURIComponent(String(id))}`;
}

export function listRooms(api: ApiClient): Promise<Room[]> {
  return api.get<Room[]>('/api/rooms');
}

export function createRoom(api: ApiClient, request: CreateRoomRequest): Promise<Room> {
  return api.post<Room>('/api/rooms', request);
}

/** Joins (or re-opens) a room; joining twice is harmless. */
export function joinRoom(api: ApiClient, id: RoomId): Promise<Room> {
  return api.post<Room>(`${roomPath(id)}/join`, {});
}

export function fetchMessages(api: ApiClient, id: RoomId, query: MessageQuery): Promise<MessagePage> {
  const params = new URLSearchParams();
  if (query.beforeSeq !== undefined) params.set('beforeSeq', String(query.beforeSeq));
  if (query.afterSeq !== undefined) params.set('afterSeq', String(query.afterSeq));
  params.set('limit', String(query.limit));
  return api.get<MessagePage>(`${roomPath(id)}/messages?${params.toString()}`);
}

/**
 * The writer's new text for their own message; answers the message as stored now. Refusals
 * (`message.edit_window_closed`, `message.not_editable`, the text rules, …) come as problems.
 */
export function editMessage(api: ApiClient, roomId: RoomId, messageId: string | number, body: string): Promise<unknown> {
  return api.put<unknown>(`${roomPath(roomId)}/messages/${encodeURIComponent(String(messageId))}`, { body });
}

/** The writer removes their own message; it keeps its place as removed by its writer. */
export async function deleteOwnMessage(api: ApiClient, roomId: RoomId, messageId: string | number): Promise<void> {
  await api.request<unknown>('DELETE', `${roomPath(roomId)}/messages/${encodeURIComponent(String(messageId))}`);
}

export function fetchMembers(api: ApiClient, id: RoomId): Promise<RoomMember[]> {
  return api.get<RoomMember[]>(`${roomPath(id)}/members`);
}

export function fetchPresence(api: ApiClient, id: RoomId): Promise<PresentMember[]> {
  return api.get<PresentMember[]>(`${roomPath(id)}/presence`);
}

/** How long a participant's acceptance of the house rules holds; `NONE`: not asked (staff, private talks). */
export type RulesAcceptance = 'SERIES' | 'ROOM' | 'DAY' | 'NONE';

/** The kinds of a facilitator's ready-made messages. */
export type ReadyMessageKind = 'WELCOME' | 'CHECK_IN' | 'BREAK' | 'CLOSING' | 'CRISIS';

/**
 * A room's house rules (language → text) and whether the caller has accepted them, and for the
 * room's staff the ready-made messages.
 */
export type RoomGuide = {
  houseRules: Readonly<Record<string, string>>;
  acceptance: RulesAcceptance;
  accepted: boolean;
  messages: readonly { kind: ReadyMessageKind; text: Readonly<Record<string, string>> }[];
  /** The series session the room is for; null outside a series. */
  session?: SessionClock | null;
  /** That session's material and exercise, once its room has opened; null otherwise. */
  material?: SessionMaterialView | null;
  /** Whose rules they are: the template's, or the series' or room's own; null without rules. */
  rulesSource?: 'TEMPLATE' | 'SERIES' | 'ROOM' | null;
  /** True when the person accepted an earlier version and is asked again because the rules changed. */
  rulesChanged?: boolean;
};

/** A session's material and exercise in each language, and where its workbook answer belongs. */
export type SessionMaterialView = {
  seriesId: string;
  position: number;
  text: Readonly<Record<string, string>>;
  exercise: Readonly<Record<string, string>>;
};

export function fetchGuide(api: ApiClient, id: RoomId): Promise<RoomGuide> {
  return api.get<RoomGuide>(`${roomPath(id)}/guide`);
}

/** Accepts the room's house rules for as long as they hold; answers the guide as it is now. */
export function acceptHouseRules(api: ApiClient, id: RoomId): Promise<RoomGuide> {
  return api.post<RoomGuide>(`${roomPath(id)}/house-rules/acceptance`, {});
}

/** A text in the reader's language, else Finnish, else any; null when there is none. */
export function inLanguage(texts: Readonly<Record<string, string>>, language: string): string | null {
  return texts[language] ?? texts['fi'] ?? Object.values(texts)[0] ?? null;
}
