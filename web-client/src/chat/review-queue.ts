import type { ApiClient } from '../api/api-client.ts';
import {
  type CrisisMessage,
  type Power,
  type Report,
  type RiskFlag,
  fetchCrisisMessage,
  fetchOpenReports,
  fetchRiskFlags,
} from '../api/moderation.ts';
import { type RoomMember, fetchMembers } from '../api/rooms.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import type { ModerationEvent } from './moderation.ts';
import { sameId } from './protocol.ts';
import type { RoomChat } from './room-chat.ts';

/** Something the facilitator panel shows was read again. */
export class ReviewChangedEvent extends Event {
  static readonly eventName = 'review-changed';

  constructor() {
    super(ReviewChangedEvent.eventName);
  }
}

export type ReviewQueueEventMap = {
  'review-changed': ReviewChangedEvent;
};

type Part = 'reports' | 'flags' | 'members' | 'crisis';

/** The powers that act on members; any of them shows the member list. */
export const memberPowers: readonly Power[] = ['MUTE', 'REMOVE_MEMBER', 'BAN', 'PRIVATE_TALK'];

/** The part of a room a facilitator's queue follows (a fake in tests). */
export type ReviewedRoom = Pick<RoomChat, 'roomId' | 'moderation' | 'may' | 'on' | 'presence'>;

/** Events after which a part is read again. */
function partsFor(event: ModerationEvent | null): Part[] {
  switch (event?.type) {
    case 'report-filed':
      return ['reports'];
    case 'risk-flag':
      return ['flags'];
    case 'member-removed':
    case 'member-banned':
      return ['members'];
    default:
      return [];
  }
}

/**
 * What a room's facilitators work through, read from the server and kept fresh: the open reports
 * with their context, the risk flags, the members, and the crisis message. Each part is read only
 * with the power it needs, once the room says who may do what, and again when an event concerns
 * it (a new report, a new flag, someone removed, someone new here).
 */
export class ReviewQueue extends TypedEventTarget<ReviewQueueEventMap> {
  readonly #api: ApiClient;
  readonly #room: ReviewedRoom;
  #reports: Report[] = [];
  #flags: RiskFlag[] = [];
  #members: RoomMember[] = [];
  #crisis: CrisisMessage | null = null;
  readonly #loaded = new Set<Part>();
  readonly #loading = new Map<Part, Promise<void>>();
  readonly #again = new Set<Part>();
  readonly #failed = new Set<Part>();

  constructor(api: ApiClient, room: ReviewedRoom) {
    super();
    this.#api = api;
    this.#room = room;
  }

  get reports(): readonly Report[] {
    return this.#reports;
  }

  get flags(): readonly RiskFlag[] {
    return this.#flags;
  }

  get unseenFlags(): readonly RiskFlag[] {
    return this.#flags.filter((flag) => !flag.seen);
  }

  get members(): readonly RoomMember[] {
    return this.#members;
  }

  get crisisMessage(): CrisisMessage | null {
    return this.#crisis;
  }

  /** What calls for a facilitator: open reports, unseen flags and requests for a private talk. */
  get attention(): number {
    return this.#reports.length + this.unseenFlags.length + this.#room.moderation.talkRequests.length;
  }

  /** A part could not be read the last time it was asked for. */
  failed(part: Part): boolean {
    return this.#failed.has(part);
  }

  /** Follows the room until the signal aborts, reading what the person's powers allow. */
  start(signal: AbortSignal): void {
    this.#room.on('moderation-changed', (event) => this.#onModeration(event.event), { signal });
    this.#room.on('presence-changed', () => this.#onPresence(), { signal });
    this.#readAllowed();
  }

  reload(part: Part): Promise<void> {
    if (!this.#allowed(part)) return Promise.resolve();
    const running = this.#loading.get(part);
    if (running !== undefined) {
      // Asked again while reading: read once more afterwards, for what changed meanwhile.
      this.#again.add(part);
      return running;
    }
    const reading = this.#read(part)
      .then(
        () => {
          this.#loaded.add(part);
          this.#failed.delete(part);
        },
        () => {
          this.#failed.add(part);
        },
      )
      .finally(() => {
        this.#loading.delete(part);
        this.emit(new ReviewChangedEvent());
        if (this.#again.delete(part)) void this.reload(part);
      });
    this.#loading.set(part, reading);
    return reading;
  }

  /** A flag was seen (and marked so on the server): it stops calling for attention. */
  markSeen(flagId: string): void {
    this.#flags = this.#flags.map((flag) => (flag.id === flagId ? { ...flag, seen: true } : flag));
    this.emit(new ReviewChangedEvent());
  }

  /** A report was closed: it leaves the queue. */
  closed(reportId: string): void {
    this.#reports = this.#reports.filter((report) => report.id !== reportId);
    this.emit(new ReviewChangedEvent());
  }

  #allowed(part: Part): boolean {
    switch (part) {
      case 'reports':
      case 'flags':
      case 'crisis':
        return this.#room.may('REVIEW');
      case 'members':
        return memberPowers.some((power) => this.#room.may(power));
    }
  }

  async #read(part: Part): Promise<void> {
    const roomId = this.#room.roomId;
    switch (part) {
      case 'reports':
        this.#reports = await fetchOpenReports(this.#api, roomId);
        return;
      case 'flags':
        this.#flags = await fetchRiskFlags(this.#api, roomId);
        return;
      case 'members':
        this.#members = await fetchMembers(this.#api, roomId);
        return;
      case 'crisis':
        this.#crisis = await fetchCrisisMessage(this.#api);
        return;
    }
  }

  #readAllowed(): void {
    for (const part of ['reports', 'flags', 'members', 'crisis'] as const) {
      if (!this.#loaded.has(part) && !this.#loading.has(part)) void this.reload(part);
    }
  }

  #onModeration(event: ModerationEvent | null): void {
    // The view (event null) may have brought powers: read what they now allow.
    if (event === null) this.#readAllowed();
    for (const part of partsFor(event)) void this.reload(part);
    // Talk requests count for attention.
    if (event?.type === 'private-talk-requested') this.emit(new ReviewChangedEvent());
  }

  /** Someone here who is not on the member list joined just now (an open chat): read it again. */
  #onPresence(): void {
    if (!this.#loaded.has('members')) return;
    const here = this.#room.presence('fi');
    if (here.some((entry) => !this.#members.some((member) => sameId(member.accountId, entry.accountId)))) {
      void this.reload('members');
    }
  }
}
