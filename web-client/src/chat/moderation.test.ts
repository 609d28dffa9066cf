import { describe, expect, it } from 'vitest';
import { toModerationView, toReport, toRiskFlag } from '../api/moderation.ts';
import {
  type ModerationEvent,
  type ModerationState,
  bans,
  hasPanel,
  initialModeration,
  isMuted,
  muteOf,
  reduceModeration,
  toPersonalModerationEvent,
  toRoomModerationEvent,
  withMuteRefusal,
  withView,
  withoutHelpCard,
  withoutNotice,
  withoutTalkRequest,
} from './moderation.ts';

const ROOM = 'room-1';
const ME = 'me';
const NOW = Date.parse('2026-11-23T17:00:00Z');

function apply(state: ModerationState, ...events: ModerationEvent[]): ModerationState {
  return events.reduce((current, event) => reduceModeration(current, event, ME, ROOM), state);
}

const view = toModerationView({
  roomId: ROOM,
  state: 'OPEN',
  slowModeSeconds: 30,
  pinned: { text: 'Tervetuloa! Aloitamme klo 18.', pinnedBy: 'f1', pinnedByName: 'Sanna', pinnedAt: '2026-11-23T15:50:00Z' },
  powers: ['REMOVE_MESSAGE', 'MUTE', 'REVIEW', 'PIN', 'REPORT', 'FLY'],
  muted: false,
  mutedUntil: null,
  sanctions: [
    {
      id: 's1',
      kind: 'MUTE',
      roomId: ROOM,
      seriesId: null,
      accountId: 'p1',
      displayName: 'Matti',
      reason: '',
      endsAt: '2026-11-23T17:05:00Z',
    },
    { id: 's2', kind: 'BAN', roomId: ROOM, seriesId: 'series-1', accountId: 'p2', displayName: 'Ville', reason: 'Uhkailu', endsAt: null },
    { id: 's3', kind: 'WARN', accountId: 'p3' },
  ],
});

describe('reading moderation from the server', () => {
  it('reads the view, leaving out what it does not know', () => {
    expect(view.powers).toEqual(['REMOVE_MESSAGE', 'MUTE', 'REVIEW', 'PIN', 'REPORT']);
    expect(view.pinned).toEqual({ text: 'Tervetuloa! Aloitamme klo 18.', pinnedByName: 'Sanna', pinnedAt: '2026-11-23T15:50:00Z' });
    expect(view.sanctions).toEqual([
      { kind: 'MUTE', accountId: 'p1', displayName: 'Matti', reason: null, endsAt: '2026-11-23T17:05:00Z', seriesWide: false },
      { kind: 'BAN', accountId: 'p2', displayName: 'Ville', reason: 'Uhkailu', endsAt: null, seriesWide: true },
    ]);
    expect(toModerationView('nonsense')).toMatchObject({ powers: [], muted: false, pinned: null, slowModeSeconds: 0 });
  });

  it('reads room events and drops unknown or incomplete ones', () => {
    expect(toRoomModerationEvent({ type: 'message-removed', roomId: ROOM, messageId: 'm4', seq: 4 })).toEqual({
      type: 'message-removed',
      roomId: ROOM,
      messageId: 'm4',
      seq: 4,
    });
    expect(toRoomModerationEvent({ type: 'member-muted', roomId: ROOM, accountId: 'p1' })).toEqual({
      type: 'member-muted',
      roomId: ROOM,
      accountId: 'p1',
      until: null,
    });
    expect(toRoomModerationEvent({ type: 'member-banned', roomId: ROOM, accountId: 'p1', scope: 'SERIES' })).toMatchObject({
      scope: 'SERIES',
    });
    expect(toRoomModerationEvent({ type: 'pinned', roomId: ROOM, text: 'Tauko', pinnedByName: 'Sanna', pinnedAt: 1795453200 })).toEqual({
      type: 'pinned',
      roomId: ROOM,
      pinned: { text: 'Tauko', pinnedByName: 'Sanna', pinnedAt: '2026-11-23T17:00:00.000Z' },
    });
    expect(toRoomModerationEvent({ type: 'message-removed', roomId: ROOM })).toBeNull();
    expect(toRoomModerationEvent({ type: 'member-muted', roomId: ROOM })).toBeNull();
    expect(toRoomModerationEvent({ type: 'pinned', roomId: ROOM, text: '  ' })).toBeNull();
    expect(toRoomModerationEvent({ type: 'slow-mode', seconds: 10 })).toBeNull();
    expect(toRoomModerationEvent({ type: 'confetti', roomId: ROOM })).toBeNull();
  });

  it('reads personal events', () => {
    expect(toPersonalModerationEvent({ type: 'muted', roomId: ROOM, until: '2026-11-23T18:00:00Z', reason: 'Rauhoitutaan' })).toEqual({
      type: 'muted',
      roomId: ROOM,
      until: '2026-11-23T18:00:00Z',
      reason: 'Rauhoitutaan',
    });
    expect(toPersonalModerationEvent({ type: 'private-talk-opened', roomId: ROOM, privateRoomId: 'pr', facilitatorName: 'Sanna' })).toEqual(
      {
        type: 'private-talk-opened',
        roomId: ROOM,
        privateRoomId: 'pr',
        facilitatorName: 'Sanna',
      },
    );
    expect(
      toPersonalModerationEvent({ type: 'risk-flag', roomId: ROOM, flagId: 'f', messageId: 'm', seq: 7, categories: ['threat', 3] }),
    ).toEqual({ type: 'risk-flag', roomId: ROOM, flagId: 'f', seq: 7, categories: ['threat'] });
    expect(toPersonalModerationEvent({ type: 'private-talk-opened', roomId: ROOM })).toBeNull();
    expect(toPersonalModerationEvent({ type: 'private-talk-requested', roomId: ROOM })).toBeNull();
    expect(toPersonalModerationEvent({ type: 'muted' })).toBeNull();
  });

  it('reads reports with the reported message as written, and risk flags', () => {
    const report = toReport({
      id: 'r1',
      reporterName: 'Anna',
      messageId: 'm5',
      targetId: 'p1',
      targetName: 'Matti',
      reason: 'THREAT',
      note: 'Pelottaa',
      createdAt: '2026-11-23T16:00:00Z',
      context: [
        {
          roomId: ROOM,
          seq: 4,
          id: 'm4',
          authorId: 'p3',
          authorDisplayName: 'Sari',
          authorRole: 'PARTICIPANT',
          body: null,
          sentAt: 'x',
          removed: true,
        },
        {
          roomId: ROOM,
          seq: 5,
          id: 'm5',
          authorId: 'p1',
          authorDisplayName: 'Matti',
          authorRole: 'PARTICIPANT',
          body: 'Uhkaus',
          sentAt: 'x',
          removed: true,
          sensitive: true,
        },
        { seq: 6 },
      ],
    });
    expect(report?.reason).toBe('THREAT');
    expect(report?.context.map((message) => [message.seq, message.body, message.removed, message.sensitive])).toEqual([
      [4, '', true, false],
      // the reported message as written, content note and all
      [5, 'Uhkaus', true, true],
    ]);
    expect(toReport({ reason: 'SPAM' })).toBeNull();
    expect(
      toRiskFlag({
        id: 'f1',
        messageId: 'm',
        seq: 3,
        authorId: 'p1',
        authorName: 'Matti',
        excerpt: 'x',
        sensitive: true,
        categories: ['self-harm'],
        seen: true,
      }),
    ).toMatchObject({
      id: 'f1',
      seq: 3,
      sensitive: true,
      categories: ['self-harm'],
      seen: true,
    });
    expect(toRiskFlag({ id: 'f2', excerpt: 'x', sensitive: 1 })?.sensitive).toBe(false);
  });
});

describe('help and escalations', () => {
  it('reads the help card and the escalation alert, and keeps the card until it is closed', () => {
    const card = toPersonalModerationEvent({ type: 'help-card', roomId: ROOM, messageId: 'm1', categories: ['self-harm', 4] });
    expect(card).toEqual({ type: 'help-card', roomId: ROOM, categories: ['self-harm'] });
    const escalation = toPersonalModerationEvent({
      type: 'escalation',
      roomId: ROOM,
      escalationId: 'e1',
      roomTitle: 'Ilta',
      signal: 'REPORT',
    });
    expect(escalation).toEqual({ type: 'escalation', roomId: ROOM, escalationId: 'e1', roomTitle: 'Ilta', signal: 'REPORT' });
    expect(toPersonalModerationEvent({ type: 'escalation', roomId: ROOM, escalationId: 'e1', signal: 'PANIC' })).toBeNull();
    expect(toPersonalModerationEvent({ type: 'escalation', roomId: ROOM, signal: 'REPORT' })).toBeNull();

    const shown = apply(initialModeration, card as ModerationEvent);
    expect(shown.helpCard).toEqual({ categories: ['self-harm'] });
    // an escalation concerns the safety page, not this room's state
    expect(apply(shown, escalation as ModerationEvent)).toBe(shown);
    expect(withoutHelpCard(shown).helpCard).toBeNull();
    // a card for another room is not shown here
    expect(reduceModeration(initialModeration, { type: 'help-card', roomId: 'other', categories: [] }, ME, ROOM).helpCard).toBeNull();
  });
});

describe('the moderation state', () => {
  it('takes in the view and keeps what only events tell', () => {
    const before = apply(initialModeration, { type: 'message-removed', roomId: ROOM, messageId: 'm1', seq: 1 });
    const state = withView(before, view);
    expect(state.loaded).toBe(true);
    expect([...state.powers]).toEqual(['REMOVE_MESSAGE', 'MUTE', 'REVIEW', 'PIN', 'REPORT']);
    expect(state.slowModeSeconds).toBe(30);
    expect(state.pinned?.pinnedByName).toBe('Sanna');
    expect([...state.removedSeqs]).toEqual([1]);
    expect(muteOf(state, 'p1', NOW)?.displayName).toBe('Matti');
    expect(muteOf(state, 'p1', Date.parse('2026-11-23T17:05:00Z'))).toBeNull();
    expect(bans(state).map((ban) => ban.displayName)).toEqual(['Ville']);
  });

  it('mutes me until a time or until lifted, from the room or my own queue, with the reason kept', () => {
    let state = apply(initialModeration, { type: 'muted', roomId: ROOM, until: '2026-11-23T17:10:00Z', reason: 'Tauko' });
    state = apply(state, { type: 'member-muted', roomId: ROOM, accountId: ME, until: '2026-11-23T17:10:00Z' });
    expect(state.mute).toEqual({ until: '2026-11-23T17:10:00Z', reason: 'Tauko' });
    expect(isMuted(state, NOW)).toBe(true);
    expect(isMuted(state, Date.parse('2026-11-23T17:10:00Z'))).toBe(false);

    state = apply(state, { type: 'member-unmuted', roomId: ROOM, accountId: ME });
    expect(isMuted(state, NOW)).toBe(false);
    state = apply(state, { type: 'muted', roomId: ROOM, until: null, reason: null });
    expect(isMuted(state, NOW + 365 * 24 * 3600_000)).toBe(true);
    expect(isMuted(apply(state, { type: 'unmuted', roomId: ROOM }), NOW)).toBe(false);
  });

  it('keeps track of others muted, for the facilitators', () => {
    let state = apply(initialModeration, { type: 'member-muted', roomId: ROOM, accountId: 'p1', until: null });
    expect(state.mute).toBeNull();
    expect(muteOf(state, 'p1', NOW)).toMatchObject({ kind: 'MUTE', endsAt: null });
    state = apply(state, { type: 'member-muted', roomId: ROOM, accountId: 'p1', until: '2026-11-23T17:30:00Z' });
    expect(state.sanctions).toHaveLength(1);
    state = apply(state, { type: 'member-unmuted', roomId: ROOM, accountId: 'p1' });
    expect(muteOf(state, 'p1', NOW)).toBeNull();
  });

  it('closes the room for me when I am removed or banned; a ban outweighs a removal', () => {
    let state = apply(initialModeration, { type: 'member-removed', roomId: ROOM, accountId: 'someone-else' });
    expect(state.exclusion).toBeNull();
    state = apply(state, { type: 'member-removed', roomId: ROOM, accountId: ME }, { type: 'removed', roomId: ROOM, reason: 'Asiaton' });
    expect(state.exclusion).toEqual({ kind: 'removed', scope: 'ROOM', reason: 'Asiaton' });
    state = apply(state, { type: 'banned', roomId: ROOM, scope: 'SERIES', reason: null });
    state = apply(
      state,
      { type: 'removed', roomId: ROOM, reason: null },
      { type: 'member-banned', roomId: ROOM, accountId: ME, scope: 'ROOM' },
    );
    expect(state.exclusion).toEqual({ kind: 'banned', scope: 'SERIES', reason: null });
  });

  it('follows the lock, slow mode and the pinned announcement', () => {
    let state = apply(initialModeration, { type: 'room-locked', roomId: ROOM }, { type: 'slow-mode', roomId: ROOM, seconds: 60 });
    expect(state).toMatchObject({ roomState: 'READ_ONLY', lockedLive: true, slowModeSeconds: 60 });
    state = apply(
      state,
      { type: 'room-unlocked', roomId: ROOM, state: 'OPEN' },
      { type: 'pinned', roomId: ROOM, pinned: { text: 'Tauko', pinnedByName: 'Sanna', pinnedAt: null } },
    );
    expect(state).toMatchObject({ roomState: 'OPEN', lockedLive: false, pinned: { text: 'Tauko' } });
    expect(apply(state, { type: 'unpinned', roomId: ROOM }).pinned).toBeNull();
  });

  it('remembers removed messages by seq, once', () => {
    const once = apply(initialModeration, { type: 'message-removed', roomId: ROOM, messageId: 'm3', seq: 3 });
    expect(apply(once, { type: 'message-removed', roomId: ROOM, messageId: 'm3', seq: 3 })).toBe(once);
  });

  it('ignores events of other rooms', () => {
    const state = reduceModeration(initialModeration, { type: 'muted', roomId: 'other', until: null, reason: null }, ME, ROOM);
    expect(state).toBe(initialModeration);
  });

  it('keeps notices and talk requests once each, until dismissed', () => {
    let state = apply(
      initialModeration,
      { type: 'private-talk-opened', roomId: ROOM, privateRoomId: 'pr-1', facilitatorName: 'Sanna' },
      { type: 'private-talk-opened', roomId: ROOM, privateRoomId: 'pr-1', facilitatorName: 'Sanna' },
      { type: 'report-handled', roomId: ROOM, reportId: 'r1' },
      { type: 'private-talk-requested', roomId: ROOM, accountId: 'p1', displayName: 'Matti' },
      { type: 'private-talk-requested', roomId: ROOM, accountId: 'p1', displayName: 'Matti' },
    );
    expect(state.notices.map((notice) => notice.kind)).toEqual(['private-talk', 'report-handled']);
    expect(state.talkRequests).toEqual([{ accountId: 'p1', displayName: 'Matti' }]);
    state = withoutTalkRequest(withoutNotice(state, 'private-talk:pr-1'), 'p1');
    expect(state.notices.map((notice) => notice.kind)).toEqual(['report-handled']);
    expect(state.talkRequests).toEqual([]);
  });

  it('is muted by a refusal it did not know of, without forgetting a known end', () => {
    expect(withMuteRefusal(initialModeration, null).mute).toEqual({ until: null, reason: null });
    expect(withMuteRefusal(initialModeration, '2026-11-23T17:20:00Z').mute).toEqual({ until: '2026-11-23T17:20:00Z', reason: null });
    const known = apply(initialModeration, { type: 'muted', roomId: ROOM, until: '2026-11-23T17:10:00Z', reason: null });
    expect(withMuteRefusal(known, null)).toBe(known);
  });

  it('offers the facilitator panel only to those with its powers', () => {
    const participant = withView(initialModeration, { ...view, powers: ['REPORT'] });
    const peerSupporter = withView(initialModeration, { ...view, powers: ['PIN', 'REPORT'] });
    expect(hasPanel(participant)).toBe(false);
    expect(hasPanel(peerSupporter)).toBe(true);
    expect(hasPanel(withView(initialModeration, view))).toBe(true);
  });
});
