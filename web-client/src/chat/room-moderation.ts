import type { ApiClient } from '../api/api-client.ts';
import { type Power, type RoomModerationView, fetchModerationView } from '../api/moderation.ts';
import type { UserId } from '../api/types.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { ModerationStateEvent, MuteEndedEvent } from './events.ts';
import {
  type ModerationEvent,
  type ModerationState,
  initialModeration,
  isMuted,
  muteEndsAt,
  reduceModeration,
  withMuteRefusal,
  withView,
  withoutHelpCard,
  withoutNotice,
  withoutTalkRequest,
} from './moderation.ts';
import { sameId } from './protocol.ts';

/** Reading the moderation view again because events arrived meanwhile stops after this many rounds. */
const VIEW_ROUNDS = 3;

/** What the moderation store tells its room: the state moved on, or a timed mute ended. */
export type RoomModerationEventMap = {
  'moderation-state': ModerationStateEvent;
  'mute-ended': MuteEndedEvent;
};

export type RoomModerationOptions = {
  api: ApiClient;
  roomId: string;
  /** This person's account: which mutes, removals and bans are theirs. */
  selfId: UserId;
  now: () => number;
};

/**
 * One room's moderation as this person knows it: the server's view (powers, mute, slow mode,
 * pinned announcement, lock), kept current by live events from the room's topic and the person's
 * own queue, with a timer for a timed mute's end.
 */
export class RoomModeration extends TypedEventTarget<RoomModerationEventMap> {
  readonly #api: ApiClient;
  readonly #roomId: string;
  readonly #selfId: UserId;
  readonly #now: () => number;
  #state: ModerationState = initialModeration;
  #viewLoading = false;
  #viewAgain = false;
  #muteTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: RoomModerationOptions) {
    super();
    this.#api = options.api;
    this.#roomId = options.roomId;
    this.#selfId = options.selfId;
    this.#now = options.now;
  }

  get state(): ModerationState {
    return this.#state;
  }

  /** A facilitator has muted this person, and the mute is in force now. */
  get muted(): boolean {
    return isMuted(this.#state, this.#now());
  }

  may(power: Power): boolean {
    return this.#state.powers.has(power);
  }

  /** Applies a live event of this room; events of other rooms, or after closing, change nothing. */
  apply(event: ModerationEvent): void {
    if (this.#closed || !sameId(event.roomId, this.#roomId)) return;
    // A view being read now may predate this event: it is read once more.
    if (this.#viewLoading) this.#viewAgain = true;
    this.#update(reduceModeration(this.#state, event, this.#selfId, this.#roomId), event);
    if (event.type === 'member-banned' && this.may('REVIEW')) {
      // The ban's details (the person's name) come with the view.
      void this.load();
    }
  }

  /** The server refused a message for a mute no event told of yet: muted now, and the view is asked for how long. */
  mutedAfterAll(until: string | null): void {
    this.#update(withMuteRefusal(this.#state, until), null);
    void this.load();
  }

  /**
   * Reads the moderation view; events that arrive meanwhile make it read again, so an older view
   * never overwrites a newer event. A failure keeps what is known (the next reconnect asks again).
   */
  async load(): Promise<void> {
    if (this.#viewLoading) {
      this.#viewAgain = true;
      return;
    }
    this.#viewLoading = true;
    try {
      let view: RoomModerationView | null = null;
      for (let round = 0; round < VIEW_ROUNDS; round += 1) {
        this.#viewAgain = false;
        view = await fetchModerationView(this.#api, this.#roomId);
        if (this.#closed) return;
        if (!this.#viewAgain) break;
      }
      if (view !== null) this.#update(withView(this.#state, view), null);
    } catch {
      // Keep what is known.
    } finally {
      this.#viewLoading = false;
    }
  }

  /** The person closed a notice (a link to a private talk, a handled report). */
  dismissNotice(id: string): void {
    this.#state = withoutNotice(this.#state, id);
  }

  /** The person closed the help card. */
  dismissHelpCard(): void {
    this.#state = withoutHelpCard(this.#state);
  }

  /** A facilitator answered (or set aside) a participant's request for a one-to-one talk. */
  answerTalkRequest(accountId: UserId): void {
    this.#state = withoutTalkRequest(this.#state, accountId);
  }

  /** Stops the mute timer; a later change of mute may start it again. */
  stop(): void {
    clearTimeout(this.#muteTimer);
  }

  /** Stops for good: later events and views change nothing. */
  close(): void {
    this.#closed = true;
    this.stop();
  }

  #update(next: ModerationState, event: ModerationEvent | null): void {
    const before = this.#state;
    this.#state = next;
    if (next.mute !== before.mute) this.#scheduleMuteExpiry();
    this.emit(new ModerationStateEvent(before, event));
  }

  /** A timed mute ends by itself: the composer opens again at that moment. */
  #scheduleMuteExpiry(): void {
    clearTimeout(this.#muteTimer);
    const ends = muteEndsAt(this.#state);
    if (ends === null || this.#closed) return;
    const left = ends - this.#now();
    if (left <= 0) return;
    this.#muteTimer = setTimeout(() => this.emit(new MuteEndedEvent()), left);
  }
}
