import { filled, idOf, instant, listOf, record, text, wholeNumber } from '../api/json-read.ts';
import { type BanScope, type Pinned, type Power, type RoomModerationView, type Sanction, toPinned } from '../api/moderation.ts';
import type { RoomId, RoomState } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';
import { sameId } from './protocol.ts';

/** What happened in a room, as every member hears it on `/topic/rooms/{id}/moderation`. */
export type RoomModerationEvent =
  | { type: 'message-removed'; roomId: RoomId; messageId: string | number | null; seq: number }
  | { type: 'member-muted'; roomId: RoomId; accountId: UserId; until: string | null }
  | { type: 'member-unmuted'; roomId: RoomId; accountId: UserId }
  | { type: 'member-removed'; roomId: RoomId; accountId: UserId }
  | { type: 'member-banned'; roomId: RoomId; accountId: UserId; scope: BanScope }
  | { type: 'room-locked'; roomId: RoomId }
  | { type: 'room-unlocked'; roomId: RoomId; state: RoomState }
  | { type: 'slow-mode'; roomId: RoomId; seconds: number }
  | { type: 'pinned'; roomId: RoomId; pinned: Pinned }
  | { type: 'unpinned'; roomId: RoomId }
  /** The house rules the room follows changed: its guide is read again. */
  | { type: 'rules-changed'; roomId: RoomId };

/**
 * What concerns one person, on their own `/user/queue/moderation`: what was done to them, and
 * for a room's facilitators what needs their attention.
 */
export type PersonalModerationEvent =
  | { type: 'muted'; roomId: RoomId; until: string | null; reason: string | null }
  | { type: 'unmuted'; roomId: RoomId }
  | { type: 'removed'; roomId: RoomId; reason: string | null }
  | { type: 'banned'; roomId: RoomId; scope: BanScope; reason: string | null }
  | { type: 'unbanned'; roomId: RoomId }
  | { type: 'report-handled'; roomId: RoomId; reportId: string | null }
  | { type: 'private-talk-opened'; roomId: RoomId; privateRoomId: RoomId; facilitatorName: string }
  | { type: 'report-filed'; roomId: RoomId; reportId: string | null }
  | { type: 'risk-flag'; roomId: RoomId; flagId: string | null; seq: number | null; categories: string[] }
  | { type: 'private-talk-requested'; roomId: RoomId; accountId: UserId; displayName: string }
  | { type: 'help-card'; roomId: RoomId; categories: string[] }
  | { type: 'escalation'; roomId: RoomId; escalationId: string; roomTitle: string; signal: EscalatedSignal };

/** What was escalated to the coordinators and administrators on duty. */
export type EscalatedSignal = 'RISK_FLAG' | 'REPORT' | 'TALK_REQUEST';

function signalOf(value: unknown): EscalatedSignal | null {
  return value === 'RISK_FLAG' || value === 'REPORT' || value === 'TALK_REQUEST' ? value : null;
}

export type ModerationEvent = RoomModerationEvent | PersonalModerationEvent;

function scopeOf(value: unknown): BanScope {
  return value === 'SERIES' ? 'SERIES' : 'ROOM';
}

function optionalId(value: unknown): string | null {
  const id = idOf(value);
  return id === null ? null : String(id);
}

function positive(value: unknown): number | null {
  const number = wholeNumber(value);
  return number !== null && number > 0 ? number : null;
}

/** Reads an event of the room's moderation topic; null when it is not one. */
export function toRoomModerationEvent(value: unknown): RoomModerationEvent | null {
  const json = record(value);
  const roomId = idOf(json?.['roomId']);
  if (json === null || roomId === null) return null;
  const accountId = idOf(json['accountId']);
  switch (json['type']) {
    case 'message-removed': {
      const seq = positive(json['seq']);
      return seq === null ? null : { type: 'message-removed', roomId, messageId: idOf(json['messageId']), seq };
    }
    case 'member-muted':
      return accountId === null ? null : { type: 'member-muted', roomId, accountId, until: instant(json['until']) };
    case 'member-unmuted':
    case 'member-removed':
      return accountId === null ? null : { type: json['type'], roomId, accountId };
    case 'member-banned':
      return accountId === null ? null : { type: 'member-banned', roomId, accountId, scope: scopeOf(json['scope']) };
    case 'room-locked':
      return { type: 'room-locked', roomId };
    case 'room-unlocked':
      return { type: 'room-unlocked', roomId, state: json['state'] === 'ARCHIVED' ? 'ARCHIVED' : 'OPEN' };
    case 'slow-mode': {
      const seconds = wholeNumber(json['seconds']);
      return seconds === null || seconds < 0 ? null : { type: 'slow-mode', roomId, seconds };
    }
    case 'pinned': {
      const pinned = toPinned(json);
      return pinned === null ? null : { type: 'pinned', roomId, pinned };
    }
    case 'unpinned':
      return { type: 'unpinned', roomId };
    case 'rules-changed':
      return { type: 'rules-changed', roomId };
    default:
      return null;
  }
}

/** Reads an event of one's own moderation queue; null when it is not one. */
export function toPersonalModerationEvent(value: unknown): PersonalModerationEvent | null {
  const json = record(value);
  const roomId = idOf(json?.['roomId']);
  if (json === null || roomId === null) return null;
  const reason = filled(json['reason']);
  switch (json['type']) {
    case 'muted':
      return { type: 'muted', roomId, until: instant(json['until']), reason };
    case 'unmuted':
    case 'unbanned':
      return { type: json['type'], roomId };
    case 'removed':
      return { type: 'removed', roomId, reason };
    case 'banned':
      return { type: 'banned', roomId, scope: scopeOf(json['scope']), reason };
    case 'report-handled':
    case 'report-filed':
      return { type: json['type'], roomId, reportId: optionalId(json['reportId']) };
    case 'private-talk-opened': {
      const privateRoomId = idOf(json['privateRoomId']);
      if (privateRoomId === null) return null;
      return { type: 'private-talk-opened', roomId, privateRoomId, facilitatorName: text(json['facilitatorName']) ?? '' };
    }
    case 'risk-flag':
      return {
        type: 'risk-flag',
        roomId,
        flagId: optionalId(json['flagId']),
        seq: positive(json['seq']),
        categories: listOf(json['categories'], filled),
      };
    case 'private-talk-requested': {
      const accountId = idOf(json['accountId']);
      if (accountId === null) return null;
      return { type: 'private-talk-requested', roomId, accountId, displayName: text(json['displayName']) ?? '' };
    }
    case 'help-card':
      return { type: 'help-card', roomId, categories: listOf(json['categories'], filled) };
    case 'escalation': {
      const escalationId = optionalId(json['escalationId']);
      const signal = signalOf(json['signal']);
      if (escalationId === null || signal === null) return null;
      return { type: 'escalation', roomId, escalationId, roomTitle: text(json['roomTitle']) ?? '', signal };
    }
    default:
      return null;
  }
}

export type Mute = {
  /** When the mute ends by itself; null: until a facilitator lifts it. */
  until: string | null;
  reason: string | null;
};

/** Why the room closed for this person. */
export type Exclusion = {
  kind: 'removed' | 'banned';
  scope: BanScope;
  reason: string | null;
};

/** Something to tell the person about this room until they dismiss it. */
export type ModerationNotice =
  { id: string; kind: 'private-talk'; roomId: RoomId; facilitatorName: string } | { id: string; kind: 'report-handled' };

export type TalkRequest = {
  accountId: UserId;
  displayName: string;
};

/** One room's moderation as the person at this screen knows it. */
export type ModerationState = {
  /** The server's view has been read at least once. */
  readonly loaded: boolean;
  readonly powers: ReadonlySet<Power>;
  /** From the view and lock events; null until known. */
  readonly roomState: RoomState | null;
  /** The room was locked by a facilitator while it was open here. */
  readonly lockedLive: boolean;
  readonly slowModeSeconds: number;
  readonly pinned: Pinned | null;
  readonly mute: Mute | null;
  /** Mutes and bans in force, for those who review the room. */
  readonly sanctions: readonly Sanction[];
  /** Messages removed by a facilitator, by seq (also ones not loaded yet). */
  readonly removedSeqs: ReadonlySet<number>;
  readonly exclusion: Exclusion | null;
  readonly notices: readonly ModerationNotice[];
  /** Participants who asked the facilitators for a one-to-one talk. */
  readonly talkRequests: readonly TalkRequest[];
  /**
   * Help offered to this person after they wrote about self-harm or violence (the risk categories
   * their message touched); null when there is none to show.
   */
  readonly helpCard: { readonly categories: readonly string[] } | null;
};

export const initialModeration: ModerationState = {
  loaded: false,
  powers: new Set(),
  roomState: null,
  lockedLive: false,
  slowModeSeconds: 0,
  pinned: null,
  mute: null,
  sanctions: [],
  removedSeqs: new Set(),
  exclusion: null,
  notices: [],
  talkRequests: [],
  helpCard: null,
};

/** Takes in the server's view; what only live events tell (removals, notices) is kept. */
export function withView(state: ModerationState, view: RoomModerationView): ModerationState {
  const reason = state.mute?.reason ?? null;
  return {
    ...state,
    loaded: true,
    powers: new Set(view.powers),
    roomState: view.state ?? state.roomState,
    lockedLive: view.state === 'READ_ONLY' ? state.lockedLive : false,
    slowModeSeconds: view.slowModeSeconds,
    pinned: view.pinned,
    mute: view.muted ? { until: view.mutedUntil, reason } : null,
    sanctions: view.sanctions,
  };
}

function withoutSanction(sanctions: readonly Sanction[], kind: Sanction['kind'], accountId: UserId): Sanction[] {
  return sanctions.filter((sanction) => !(sanction.kind === kind && sameId(sanction.accountId, accountId)));
}

function addNotice(notices: readonly ModerationNotice[], notice: ModerationNotice): readonly ModerationNotice[] {
  return notices.some((existing) => existing.id === notice.id) ? notices : [...notices, notice];
}

/**
 * Applies one event of this room to what this person knows (`self` is their account). Events of
 * other rooms change nothing. Repeats are harmless: the room topic and the personal queue may
 * both tell of the same mute.
 */
export function reduceModeration(state: ModerationState, event: ModerationEvent, self: UserId, roomId: RoomId): ModerationState {
  if (!sameId(event.roomId, roomId)) return state;
  switch (event.type) {
    case 'message-removed': {
      if (state.removedSeqs.has(event.seq)) return state;
      return { ...state, removedSeqs: new Set([...state.removedSeqs, event.seq]) };
    }
    case 'member-muted': {
      const sanctions = [
        ...withoutSanction(state.sanctions, 'MUTE', event.accountId),
        {
          kind: 'MUTE' as const,
          accountId: event.accountId,
          displayName: null,
          reason: null,
          endsAt: event.until,
          seriesWide: false,
        },
      ];
      const mute = sameId(event.accountId, self) ? { until: event.until, reason: state.mute?.reason ?? null } : state.mute;
      return { ...state, sanctions, mute };
    }
    case 'member-unmuted':
      return {
        ...state,
        sanctions: withoutSanction(state.sanctions, 'MUTE', event.accountId),
        mute: sameId(event.accountId, self) ? null : state.mute,
      };
    case 'member-removed':
      return sameId(event.accountId, self) && state.exclusion === null
        ? { ...state, exclusion: { kind: 'removed', scope: 'ROOM', reason: null } }
        : state;
    case 'member-banned': {
      const sanctions = [
        ...withoutSanction(state.sanctions, 'BAN', event.accountId),
        {
          kind: 'BAN' as const,
          accountId: event.accountId,
          displayName: null,
          reason: null,
          endsAt: null,
          seriesWide: event.scope === 'SERIES',
        },
      ];
      const banned = sameId(event.accountId, self) && state.exclusion?.kind !== 'banned';
      return {
        ...state,
        sanctions,
        exclusion: banned ? { kind: 'banned', scope: event.scope, reason: null } : state.exclusion,
      };
    }
    case 'room-locked':
      return { ...state, roomState: 'READ_ONLY', lockedLive: true };
    case 'room-unlocked':
      return { ...state, roomState: event.state, lockedLive: false };
    case 'slow-mode':
      return { ...state, slowModeSeconds: event.seconds };
    case 'pinned':
      return { ...state, pinned: event.pinned };
    case 'unpinned':
      return { ...state, pinned: null };
    case 'rules-changed':
      // the room's guide, not its moderation, holds the rules
      return state;
    case 'muted':
      return { ...state, mute: { until: event.until, reason: event.reason } };
    case 'unmuted':
      return { ...state, mute: null };
    case 'removed':
      // The personal event carries the reason; it may come after the room's event.
      return state.exclusion?.kind === 'banned' ? state : { ...state, exclusion: { kind: 'removed', scope: 'ROOM', reason: event.reason } };
    case 'banned':
      return { ...state, exclusion: { kind: 'banned', scope: event.scope, reason: event.reason } };
    case 'unbanned':
      return state;
    case 'report-handled':
      return { ...state, notices: addNotice(state.notices, { id: `report-handled:${event.reportId ?? ''}`, kind: 'report-handled' }) };
    case 'private-talk-opened':
      return {
        ...state,
        notices: addNotice(state.notices, {
          id: `private-talk:${event.privateRoomId}`,
          kind: 'private-talk',
          roomId: event.privateRoomId,
          facilitatorName: event.facilitatorName,
        }),
      };
    case 'private-talk-requested':
      return state.talkRequests.some((request) => sameId(request.accountId, event.accountId))
        ? state
        : { ...state, talkRequests: [...state.talkRequests, { accountId: event.accountId, displayName: event.displayName }] };
    case 'help-card':
      return { ...state, helpCard: { categories: event.categories } };
    case 'report-filed':
    case 'risk-flag':
    case 'escalation':
      // The facilitator panel fetches reports and flags anew, the safety page its escalations.
      return state;
  }
}

/** The person closed the help card. */
export function withoutHelpCard(state: ModerationState): ModerationState {
  return state.helpCard === null ? state : { ...state, helpCard: null };
}

/** The person, or someone a facilitator answered, no longer waits for a one-to-one talk. */
export function withoutTalkRequest(state: ModerationState, accountId: UserId): ModerationState {
  return { ...state, talkRequests: state.talkRequests.filter((request) => !sameId(request.accountId, accountId)) };
}

export function withoutNotice(state: ModerationState, id: string): ModerationState {
  return { ...state, notices: state.notices.filter((notice) => notice.id !== id) };
}

/**
 * The server refused a message because of a mute this screen did not know of yet: muted until
 * `until`, the end the refusal tells (null: until lifted); the next view gives the reason.
 */
export function withMuteRefusal(state: ModerationState, until: string | null): ModerationState {
  return state.mute === null ? { ...state, mute: { until, reason: null } } : state;
}

/** Whether the mute is in force at `now` (a timed mute ends by itself). */
export function isMuted(state: ModerationState, now: number): boolean {
  const mute = state.mute;
  if (mute === null) return false;
  return mute.until === null || Date.parse(mute.until) > now;
}

/** When a timed mute ends, in ms since the epoch; null when not muted or until lifted. */
export function muteEndsAt(state: ModerationState): number | null {
  const until = state.mute?.until ?? null;
  return until === null ? null : Date.parse(until);
}

/** The mute in force on a member, for a facilitator's list. */
export function muteOf(state: ModerationState, accountId: UserId, now: number): Sanction | null {
  return (
    state.sanctions.find(
      (sanction) =>
        sanction.kind === 'MUTE' &&
        sameId(sanction.accountId, accountId) &&
        (sanction.endsAt === null || Date.parse(sanction.endsAt) > now),
    ) ?? null
  );
}

export function bans(state: ModerationState): Sanction[] {
  return state.sanctions.filter((sanction) => sanction.kind === 'BAN');
}

/** The powers the facilitator panel offers; REPORT and REMOVE_MESSAGE live in each message's menu. */
const panelPowers: readonly Power[] = ['REVIEW', 'MUTE', 'REMOVE_MEMBER', 'BAN', 'LOCK', 'SLOW_MODE', 'PIN', 'PRIVATE_TALK'];

/** Whether anything in the facilitator panel is for this person. */
export function hasPanel(state: ModerationState): boolean {
  return panelPowers.some((power) => state.powers.has(power));
}
