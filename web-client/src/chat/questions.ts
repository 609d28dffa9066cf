import type { RoomId } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';

/**
 * Where a question to an information session's hosts stands: waiting in their queue, published
 * into the stream (without a name), answered (in writing or aloud), or set aside for this session.
 */
export type QuestionState = 'ASKED' | 'PUBLISHED' | 'ANSWERED' | 'SET_ASIDE';

/** One's own question, as its asker sees it: never who handled it. */
export type OwnQuestion = {
  id: string;
  roomId: RoomId;
  state: QuestionState;
  body: string;
  askedAt: string;
  /** Its seq in the stream once published; null before. */
  messageSeq: number | null;
  /** The seq of the hosts' written answer in the stream; null when there is none. */
  answerSeq: number | null;
};

/** A question as the room's hosts see it in their queue: with who asked, for moderation. */
export type HostedQuestion = OwnQuestion & {
  askerId: UserId;
  askerName: string;
  /** The risk categories its words name (`self-harm`, …); empty when none. */
  riskCategories: string[];
  handledByName: string | null;
};

/** What the hosts hear on the room's question topic. */
export type HostQuestionEvent =
  | { type: 'question-asked' | 'question-published' | 'question-answered' | 'question-set-aside'; roomId: RoomId; question: HostedQuestion }
  | { type: 'question-withdrawn'; roomId: RoomId; questionId: string };

/** What an asker hears about their own questions, on their own queue. */
export type OwnQuestionEvent =
  { type: 'question-updated'; roomId: RoomId; question: OwnQuestion } | { type: 'question-withdrawn'; roomId: RoomId; questionId: string };

type Json = Record<string, unknown>;

function record(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function id(value: unknown): string | number | null {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function seq(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function stateOf(value: unknown): QuestionState | null {
  return value === 'ASKED' || value === 'PUBLISHED' || value === 'ANSWERED' || value === 'SET_ASIDE' ? value : null;
}

/** One's own question from the server, or null when it does not look like one. */
export function toOwnQuestion(value: unknown): OwnQuestion | null {
  const json = record(value);
  const questionId = id(json?.['id']);
  const roomId = id(json?.['roomId']);
  const state = stateOf(json?.['state']);
  const body = text(json?.['body']);
  const askedAt = text(json?.['askedAt']);
  if (json === null || questionId === null || roomId === null || state === null || body === null || askedAt === null) return null;
  return { id: String(questionId), roomId, state, body, askedAt, messageSeq: seq(json['messageSeq']), answerSeq: seq(json['answerSeq']) };
}

/** A question of the hosts' queue, or null when it does not look like one. */
export function toHostedQuestion(value: unknown): HostedQuestion | null {
  const own = toOwnQuestion(value);
  const json = record(value);
  const askerId = id(json?.['askerId']);
  if (own === null || json === null || askerId === null) return null;
  const categories = Array.isArray(json['riskCategories'])
    ? json['riskCategories'].filter((category): category is string => typeof category === 'string' && category !== '')
    : [];
  return {
    ...own,
    askerId,
    askerName: text(json['askerName']) ?? '',
    riskCategories: categories,
    handledByName: text(json['handledByName']),
  };
}

/** A hosts' event from the room's question topic, or null for anything else. */
export function toHostQuestionEvent(value: unknown): HostQuestionEvent | null {
  const json = record(value);
  const roomId = id(json?.['roomId']);
  if (json === null || roomId === null) return null;
  switch (json['type']) {
    case 'question-asked':
    case 'question-published':
    case 'question-answered':
    case 'question-set-aside': {
      const question = toHostedQuestion(json['question']);
      return question === null ? null : { type: json['type'], roomId, question };
    }
    case 'question-withdrawn': {
      const questionId = id(json['questionId']);
      return questionId === null ? null : { type: 'question-withdrawn', roomId, questionId: String(questionId) };
    }
    default:
      return null;
  }
}

/** An asker's event from their own question queue, or null for anything else. */
export function toOwnQuestionEvent(value: unknown): OwnQuestionEvent | null {
  const json = record(value);
  const roomId = id(json?.['roomId']);
  if (json === null || roomId === null) return null;
  if (json['type'] === 'question-updated') {
    const question = toOwnQuestion(json['question']);
    return question === null ? null : { type: 'question-updated', roomId, question };
  }
  if (json['type'] === 'question-withdrawn') {
    const questionId = id(json['questionId']);
    return questionId === null ? null : { type: 'question-withdrawn', roomId, questionId: String(questionId) };
  }
  return null;
}

/**
 * The list after one question changed: replaced in its place when known, added at the end when
 * new (a question is asked last), taken out when withdrawn. The list stays in the order asked.
 */
export function upsertQuestion<Q extends OwnQuestion>(list: readonly Q[], question: Q): Q[] {
  const index = list.findIndex((entry) => entry.id === question.id);
  if (index < 0) return [...list, question];
  const next = [...list];
  next[index] = question;
  return next;
}

export function withoutQuestion<Q extends OwnQuestion>(list: readonly Q[], questionId: string): Q[] {
  return list.filter((entry) => entry.id !== questionId);
}

/** The hosts' queue after an event. */
export function applyHostEvent(list: readonly HostedQuestion[], event: HostQuestionEvent): HostedQuestion[] {
  return event.type === 'question-withdrawn' ? withoutQuestion(list, event.questionId) : upsertQuestion(list, event.question);
}

/** One's own questions after an event. */
export function applyOwnEvent(list: readonly OwnQuestion[], event: OwnQuestionEvent): OwnQuestion[] {
  return event.type === 'question-withdrawn' ? withoutQuestion(list, event.questionId) : upsertQuestion(list, event.question);
}

/** Whether the hosts may still publish, answer or set it aside. */
export function isOpen(question: OwnQuestion): boolean {
  return question.state === 'ASKED' || question.state === 'PUBLISHED';
}

/** Questions still to take up, in the order asked (the hosts' queue proper). */
export function waiting<Q extends OwnQuestion>(list: readonly Q[]): Q[] {
  return list.filter((question) => question.state === 'ASKED');
}
