import type { ChatMessage, MessageRevision, PresentMember, RoomId } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';

/** Where the chat's STOMP frames go. */
export const destinations = {
  messages: (roomId: RoomId) => `/topic/rooms/${roomId}`,
  presence: (roomId: RoomId) => `/topic/rooms/${roomId}/presence`,
  typing: (roomId: RoomId) => `/topic/rooms/${roomId}/typing`,
  send: (roomId: RoomId) => `/app/rooms/${roomId}/messages`,
  sendTyping: (roomId: RoomId) => `/app/rooms/${roomId}/typing`,
  moderation: (roomId: RoomId) => `/topic/rooms/${roomId}/moderation`,
  floor: (roomId: RoomId) => `/topic/rooms/${roomId}/floor`,
  /** An information session's question queue, for its hosts only. */
  questions: (roomId: RoomId) => `/topic/rooms/${roomId}/questions`,
  acks: '/user/queue/acks',
  errors: '/user/queue/errors',
  notifications: '/user/queue/notifications',
  personalModeration: '/user/queue/moderation',
  /** What became of one's own questions to an information session's hosts. */
  ownQuestions: '/user/queue/questions',
  /** Where a fresh access token is given to the connection (answered on `/user/queue/session`). */
  renew: '/app/auth/renew',
} as const;

/** A message as broadcast on the room topic; `clientId` is there when the server adds it. */
export type LiveMessage = ChatMessage & { clientId: string | null };

/** Someone arrived, left, or (`renamed`) took a new nickname while here. */
export type PresenceChange = {
  type: 'joined' | 'left' | 'renamed';
  roomId: RoomId;
  member: PresentMember;
};

export type TypingNotice = {
  roomId: RoomId;
  accountId: UserId;
  displayName: string;
};

/** The server stored a message the client sent with `clientId`. */
export type SendAck = {
  clientId: string;
  roomId: RoomId;
  seq: number;
  messageId: string | number;
  sentAt: string;
};

/**
 * A rejected STOMP request; `clientId` and `roomId` say what it concerned, when known, and
 * `retryAfterSeconds` how long to wait before trying again (slow mode, flood limits).
 */
export type ChatProblem = {
  code: string;
  message: string | null;
  clientId: string | null;
  roomId: RoomId | null;
  retryAfterSeconds: number | null;
  /** With `moderation.muted`: when the mute ends by itself (an instant); null until lifted, or for other refusals. */
  until: string | null;
};

type Json = Record<string, unknown>;

function record(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function id(value: unknown): string | number | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function seq(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** Reads a frame body as JSON; anything else is null. */
export function readJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/**
 * A stored message from history or the topic, or null when it does not look like one. A removed
 * message has no text (whatever body it might carry is dropped) and no content note, and one
 * whose writer deleted their account has no author.
 */
export function toChatMessage(value: unknown): ChatMessage | null {
  const json = record(value);
  if (json === null) return null;
  const removed = json['removed'] === true;
  const required = {
    seq: seq(json['seq']),
    id: id(json['id']),
    roomId: id(json['roomId']),
    body: removed ? '' : text(json['body']),
    sentAt: text(json['sentAt']),
  };
  if (Object.values(required).some((field) => field === null)) return null;
  const authorId = id(json['authorId']);
  const translations = removed ? null : textsOf(json['translations']);
  return {
    ...(required as Pick<ChatMessage, 'seq' | 'id' | 'roomId' | 'body' | 'sentAt'>),
    authorId,
    authorDisplayName: authorId === null ? null : text(json['authorDisplayName']),
    authorRole: authorId === null ? null : text(json['authorRole']),
    removed,
    kind: kindOf(json['kind'], translations),
    translations,
    removedByWriter: removed && json['removedByWriter'] === true,
    editedAt: removed ? null : text(json['editedAt']),
    // Only a true boolean marks a message, as the server stores it; a removed one has nothing to hide.
    sensitive: !removed && json['sensitive'] === true,
    answersSeq: json['kind'] === 'ANSWER' ? seq(json['answersSeq']) : null,
  };
}

/** A message's kind as the server names it; a crisis message without its translations reads as text. */
function kindOf(value: unknown, translations: Readonly<Record<string, string>> | null): ChatMessage['kind'] {
  if (value === 'CRISIS') return translations !== null ? 'CRISIS' : 'TEXT';
  return value === 'QUESTION' || value === 'ANSWER' ? value : 'TEXT';
}

/** A writer's edit or removal of their message from the room's topic, or null for anything else. */
export function toRevision(value: unknown): MessageRevision | null {
  const json = record(value);
  if (json === null) return null;
  const roomId = id(json['roomId']);
  const at = seq(json['seq']);
  if (roomId === null || at === null) return null;
  if (json['type'] === 'message-deleted') return { type: 'deleted', roomId, seq: at };
  const body = text(json['body']);
  const editedAt = text(json['editedAt']);
  if (json['type'] !== 'message-edited' || body === null || editedAt === null) return null;
  return { type: 'edited', roomId, seq: at, body, editedAt };
}

/** A language → text map with at least one text; null for anything else. */
function textsOf(value: unknown): Readonly<Record<string, string>> | null {
  const json = record(value);
  if (json === null) return null;
  const texts: Record<string, string> = {};
  for (const [language, entry] of Object.entries(json)) {
    if (typeof entry === 'string' && entry.trim() !== '') texts[language] = entry;
  }
  return Object.keys(texts).length === 0 ? null : texts;
}

export function toLiveMessage(value: unknown): LiveMessage | null {
  const json = record(value);
  if (json === null || (json['type'] !== undefined && json['type'] !== 'message')) return null;
  const message = toChatMessage(json);
  return message === null ? null : { ...message, clientId: text(json['clientId']) };
}

export function toPresentMember(value: unknown): PresentMember | null {
  const json = record(value);
  const accountId = id(json?.['accountId']);
  const displayName = text(json?.['displayName']);
  if (accountId === null || displayName === null) return null;
  return { accountId, displayName, role: text(json?.['role']) };
}

export function toPresenceChange(value: unknown): PresenceChange | null {
  const json = record(value);
  const type = json?.['type'];
  const roomId = id(json?.['roomId']);
  const member = toPresentMember(json);
  if ((type !== 'joined' && type !== 'left' && type !== 'renamed') || roomId === null || member === null) return null;
  return { type, roomId, member };
}

export function toTypingNotice(value: unknown): TypingNotice | null {
  const json = record(value);
  const roomId = id(json?.['roomId']);
  const accountId = id(json?.['accountId']);
  const displayName = text(json?.['displayName']);
  if (roomId === null || accountId === null || displayName === null) return null;
  return { roomId, accountId, displayName };
}

export function toSendAck(value: unknown): SendAck | null {
  const json = record(value);
  const clientId = text(json?.['clientId']);
  const roomId = id(json?.['roomId']);
  const ackSeq = seq(json?.['seq']);
  const messageId = id(json?.['messageId']);
  const sentAt = text(json?.['sentAt']);
  if (clientId === null || roomId === null || ackSeq === null || messageId === null || sentAt === null) return null;
  return { clientId, roomId, seq: ackSeq, messageId, sentAt };
}

export function toChatProblem(value: unknown): ChatProblem | null {
  const json = record(value);
  const code = text(json?.['code']);
  if (code === null || code === '') return null;
  const wait = json?.['retryAfterSeconds'];
  const until = text(json?.['until']);
  return {
    code,
    message: text(json?.['message']),
    clientId: text(json?.['clientId']),
    roomId: id(json?.['roomId']),
    retryAfterSeconds: typeof wait === 'number' && Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : null,
    until: until !== null && !Number.isNaN(Date.parse(until)) ? until : null,
  };
}

/** Ids arrive as numbers or strings; compare them as text. */
export function sameId(a: string | number | null | undefined, b: string | number | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}
