import { describe, expect, it } from 'vitest';
import {
  type HostedQuestion,
  applyHostEvent,
  applyOwnEvent,
  isOpen,
  toHostQuestionEvent,
  toHostedQuestion,
  toOwnQuestion,
  toOwnQuestionEvent,
  waiting,
} from './questions.ts';

const own = (id: string, state = 'ASKED', extra: Record<string, unknown> = {}) => ({
  id,
  roomId: 'r1',
  state,
  body: `Kysymys ${id}`,
  askedAt: '2026-11-30T18:05:00Z',
  messageSeq: null,
  answerSeq: null,
  handledAt: null,
  ...extra,
});

const hosted = (id: string, state = 'ASKED', extra: Record<string, unknown> = {}) =>
  ({ ...own(id, state), askerId: 'a1', askerName: 'Pia', riskCategories: [], handledBy: null, handledByName: null, ...extra }) as const;

describe('questions to an information session', () => {
  it('reads one’s own question, and nothing that does not look like one', () => {
    expect(toOwnQuestion(own('q1', 'PUBLISHED', { messageSeq: 12 }))).toEqual({
      id: 'q1',
      roomId: 'r1',
      state: 'PUBLISHED',
      body: 'Kysymys q1',
      askedAt: '2026-11-30T18:05:00Z',
      messageSeq: 12,
      answerSeq: null,
    });
    expect(toOwnQuestion(own('q1', 'LOST'))).toBeNull();
    expect(toOwnQuestion({ id: 'q1' })).toBeNull();
    expect(toOwnQuestion('nonsense')).toBeNull();
  });

  it('reads the hosts’ view with who asked and the risk it names', () => {
    const question = toHostedQuestion(hosted('q1', 'ASKED', { riskCategories: ['self-harm', 7, ''] }));
    expect(question?.askerName).toBe('Pia');
    expect(question?.riskCategories).toEqual(['self-harm']);
    expect(toHostedQuestion(own('q1'))).toBeNull();
  });

  it('reads each event of the hosts’ topic and of one’s own queue, and nothing else', () => {
    expect(toHostQuestionEvent({ type: 'question-asked', roomId: 'r1', question: hosted('q1') })?.type).toBe('question-asked');
    expect(toHostQuestionEvent({ type: 'question-set-aside', roomId: 'r1', question: hosted('q1', 'SET_ASIDE') })?.type).toBe(
      'question-set-aside',
    );
    expect(toHostQuestionEvent({ type: 'question-withdrawn', roomId: 'r1', questionId: 'q1' })).toEqual({
      type: 'question-withdrawn',
      roomId: 'r1',
      questionId: 'q1',
    });
    expect(toHostQuestionEvent({ type: 'question-asked', roomId: 'r1', question: own('q1') })).toBeNull();
    expect(toHostQuestionEvent({ type: 'hand-raised', roomId: 'r1' })).toBeNull();
    expect(toOwnQuestionEvent({ type: 'question-updated', roomId: 'r1', question: own('q1', 'ANSWERED') })?.type).toBe('question-updated');
    expect(toOwnQuestionEvent({ type: 'question-withdrawn', roomId: 'r1', questionId: 'q1' })?.type).toBe('question-withdrawn');
    expect(toOwnQuestionEvent({ type: 'question-updated', roomId: 'r1' })).toBeNull();
  });

  it('keeps the queue in the order asked: a change in place, a new one last, a withdrawn one out', () => {
    const first = toHostedQuestion(hosted('q1')) as HostedQuestion;
    const second = toHostedQuestion(hosted('q2')) as HostedQuestion;
    let queue = applyHostEvent([], { type: 'question-asked', roomId: 'r1', question: first });
    queue = applyHostEvent(queue, { type: 'question-asked', roomId: 'r1', question: second });
    queue = applyHostEvent(queue, { type: 'question-published', roomId: 'r1', question: { ...first, state: 'PUBLISHED', messageSeq: 4 } });
    expect(queue.map((question) => [question.id, question.state])).toEqual([
      ['q1', 'PUBLISHED'],
      ['q2', 'ASKED'],
    ]);
    expect(waiting(queue).map((question) => question.id)).toEqual(['q2']);
    expect(queue.filter(isOpen)).toHaveLength(2);
    queue = applyHostEvent(queue, { type: 'question-answered', roomId: 'r1', question: { ...first, state: 'ANSWERED' } });
    expect(queue.filter(isOpen).map((question) => question.id)).toEqual(['q2']);
    expect(applyHostEvent(queue, { type: 'question-withdrawn', roomId: 'r1', questionId: 'q2' }).map((question) => question.id)).toEqual([
      'q1',
    ]);
  });

  it('keeps one’s own list in step with one’s queue', () => {
    const mine = applyOwnEvent([], { type: 'question-updated', roomId: 'r1', question: toOwnQuestion(own('q1'))! });
    const aside = applyOwnEvent(mine, { type: 'question-updated', roomId: 'r1', question: toOwnQuestion(own('q1', 'SET_ASIDE'))! });
    expect(aside.map((question) => question.state)).toEqual(['SET_ASIDE']);
    expect(applyOwnEvent(aside, { type: 'question-withdrawn', roomId: 'r1', questionId: 'q1' })).toEqual([]);
  });
});
