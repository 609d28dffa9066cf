import type { ApiClient } from '../api/api-client.ts';
import type { RoomId } from '../api/rooms.ts';
import {
  type HostQuestionEvent,
  type HostedQuestion,
  type OwnQuestion,
  type OwnQuestionEvent,
  applyHostEvent,
  applyOwnEvent,
  toHostedQuestion,
  toOwnQuestion,
  upsertQuestion,
  withoutQuestion,
} from './questions.ts';

/**
 * What changed for the person: the lists (`null`), or one of their own questions reached a new
 * state, told live (published, answered, set aside).
 */
export type QuestionsChange = { own: OwnQuestion | null };

/**
 * An information session's questions as this screen knows them: for a participant, their own
 * (read when the room opens and after each reconnect, kept in step by their own question queue);
 * for the hosts, the whole queue with who asked (kept in step by the room's question topic), and
 * what they do with it: publish, answer, set aside.
 */
export class RoomQuestions {
  readonly #api: ApiClient;
  readonly #roomId: RoomId;
  readonly #path: string;
  readonly #changed: (change: QuestionsChange) => void;
  #mine: OwnQuestion[] = [];
  #queue: HostedQuestion[] = [];

  constructor(api: ApiClient, roomId: RoomId, changed: (change: QuestionsChange) => void) {
    this.#api = api;
    this.#roomId = roomId;
    this.#path = `/api/rooms/${encodeURIComponent(String(roomId))}/questions`;
    this.#changed = changed;
  }

  /** One's own questions, first asked first. */
  get mine(): readonly OwnQuestion[] {
    return this.#mine;
  }

  /** The hosts' queue: every question of the room, first asked first. */
  get queue(): readonly HostedQuestion[] {
    return this.#queue;
  }

  /** Reads one's own questions (`host`: the whole queue) again; a failure keeps what is shown. */
  async load(host: boolean): Promise<void> {
    try {
      if (host) {
        const list = await this.#api.get<unknown[]>(this.#path);
        this.#queue = (Array.isArray(list) ? list : []).map(toHostedQuestion).filter((entry): entry is HostedQuestion => entry !== null);
      } else {
        const list = await this.#api.get<unknown[]>(`${this.#path}/mine`);
        this.#mine = (Array.isArray(list) ? list : []).map(toOwnQuestion).filter((entry): entry is OwnQuestion => entry !== null);
      }
      this.#changed({ own: null });
    } catch {
      // Shown as it was; the live events and the next reconnect bring it up to date.
    }
  }

  /**
   * Asks the hosts; the same client id again is answered with the question asked first. Refusals
   * (a mute, slow mode, too many waiting, the text rules) are thrown as problems.
   */
  async ask(clientId: string, body: string): Promise<OwnQuestion | null> {
    const asked = toOwnQuestion(await this.#api.post<unknown>(this.#path, { clientId, body }));
    if (asked !== null) {
      this.#mine = upsertQuestion(this.#mine, asked);
      this.#changed({ own: null });
    }
    return asked;
  }

  /** Takes back one's question while it waits. */
  async withdraw(questionId: string): Promise<void> {
    await this.#api.request<void>('DELETE', `${this.#path}/${encodeURIComponent(questionId)}`);
    this.#mine = withoutQuestion(this.#mine, questionId);
    this.#changed({ own: null });
  }

  publish(questionId: string): Promise<void> {
    return this.#act(questionId, 'publish', {});
  }

  /** With an answer, the answer goes into the stream with the question; without, it was answered aloud. */
  answer(questionId: string, answer: string | null): Promise<void> {
    return this.#act(questionId, 'answer', answer === null ? {} : { answer });
  }

  setAside(questionId: string): Promise<void> {
    return this.#act(questionId, 'set-aside', {});
  }

  /** A change to the hosts' queue, from the room's question topic. */
  applyHost(event: HostQuestionEvent): void {
    if (String(event.roomId) !== String(this.#roomId)) return;
    this.#queue = applyHostEvent(this.#queue, event);
    this.#changed({ own: null });
  }

  /** A change to one's own questions, from one's own queue. */
  applyOwn(event: OwnQuestionEvent): void {
    if (String(event.roomId) !== String(this.#roomId)) return;
    const before = event.type === 'question-updated' ? this.#mine.find((entry) => entry.id === event.question.id) : undefined;
    this.#mine = applyOwnEvent(this.#mine, event);
    const moved = event.type === 'question-updated' && before !== undefined && before.state !== event.question.state;
    this.#changed({ own: moved ? event.question : null });
  }

  async #act(questionId: string, action: string, body: object): Promise<void> {
    const question = toHostedQuestion(await this.#api.post<unknown>(`${this.#path}/${encodeURIComponent(questionId)}/${action}`, body));
    if (question !== null) {
      this.#queue = upsertQuestion(this.#queue, question);
      this.#changed({ own: null });
    }
  }
}
