import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/api-client.ts';
import type { Power } from '../api/moderation.ts';
import { TokenStore } from '../api/token-store.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { FakeServer, MemoryStorage, json, problem, settle } from '../testing/fakes.ts';
import { ModerationChangedEvent, PresenceChangedEvent, type RoomChatEventMap } from './events.ts';
import { type ModerationEvent, type ModerationState, initialModeration } from './moderation.ts';
import type { PresenceEntry } from './presence.ts';
import { type ReviewedRoom, ReviewQueue } from './review-queue.ts';

/** A room as the queue sees it, driven by the test. */
class FakeRoom extends TypedEventTarget<RoomChatEventMap> implements ReviewedRoom {
  readonly roomId = 'r1';
  moderation: ModerationState = initialModeration;
  here: PresenceEntry[] = [];

  may(power: Power): boolean {
    return this.moderation.powers.has(power);
  }

  presence(): PresenceEntry[] {
    return this.here;
  }

  grant(...powers: Power[]): void {
    this.moderation = { ...this.moderation, powers: new Set(powers) };
    this.emit(new ModerationChangedEvent(null));
  }

  event(event: ModerationEvent): void {
    this.emit(new ModerationChangedEvent(event));
  }
}

const REPORT = {
  id: 'rep1',
  roomId: 'r1',
  reporterName: 'Anna',
  messageId: 'm2',
  targetId: 'p1',
  targetName: 'Matti',
  reason: 'HARASSMENT',
  note: '',
  createdAt: '2026-11-23T16:00:00Z',
  context: [],
};
const FLAG = { id: 'f1', messageId: 'm3', seq: 3, authorId: 'p1', authorName: 'Matti', excerpt: 'x', categories: ['threat'], seen: false };

function setup() {
  const tokens = new TokenStore(new MemoryStorage());
  tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  const server = new FakeServer()
    .on('GET /api/moderation/reports?roomId=r1', () => json(200, [REPORT]))
    .on('GET /api/moderation/rooms/r1/risk-flags', () => json(200, [FLAG, { ...FLAG, id: 'f0', seen: true }]))
    .on('GET /api/rooms/r1/members', () => json(200, [{ accountId: 'p1', displayName: 'Matti', role: 'PARTICIPANT' }]))
    .on('GET /api/moderation/crisis-message', () => json(200, { fi: 'Soita 112.', en: 'Call 112.' }));
  const room = new FakeRoom();
  const queue = new ReviewQueue(new ApiClient(tokens, server.fetch), room);
  const abort = new AbortController();
  queue.start(abort.signal);
  return { server, room, queue };
}

describe('review queue', () => {
  it('reads nothing before the room says who may do what', async () => {
    const { server } = setup();
    await settle();
    expect(server.requests).toEqual([]);
  });

  it('reads what a facilitator reviews once the powers are known, and counts what waits', async () => {
    const { server, room, queue } = setup();
    room.grant('REVIEW', 'MUTE', 'REPORT');
    await settle();
    expect(queue.reports.map((report) => report.id)).toEqual(['rep1']);
    expect(queue.unseenFlags.map((flag) => flag.id)).toEqual(['f1']);
    expect(queue.members.map((member) => member.displayName)).toEqual(['Matti']);
    expect(queue.crisisMessage).toEqual({ fi: 'Soita 112.', en: 'Call 112.' });
    expect(queue.attention).toBe(2);
    room.grant('REVIEW', 'MUTE', 'REPORT');
    await settle();
    expect(server.count('GET /api/moderation/reports?roomId=r1')).toBe(1);
  });

  it('gives a peer supporter (who may only pin) nothing to read', async () => {
    const { server, room } = setup();
    room.grant('PIN', 'REPORT');
    await settle();
    expect(server.requests).toEqual([]);
  });

  it('reads reports, flags and members again when an event concerns them', async () => {
    const { server, room } = setup();
    room.grant('REVIEW', 'MUTE');
    await settle();
    room.event({ type: 'report-filed', roomId: 'r1', reportId: 'rep2' });
    room.event({ type: 'risk-flag', roomId: 'r1', flagId: 'f2', seq: 9, categories: ['violence'] });
    room.event({ type: 'member-removed', roomId: 'r1', accountId: 'p1' });
    room.event({ type: 'slow-mode', roomId: 'r1', seconds: 30 });
    await settle();
    expect(server.count('GET /api/moderation/reports?roomId=r1')).toBe(2);
    expect(server.count('GET /api/moderation/rooms/r1/risk-flags')).toBe(2);
    expect(server.count('GET /api/rooms/r1/members')).toBe(2);
  });

  it('asks once more, not twice more, when asked again while reading', async () => {
    const { server, room, queue } = setup();
    room.grant('REVIEW');
    await Promise.all([queue.reload('reports'), queue.reload('reports'), queue.reload('reports')]);
    await settle();
    expect(server.count('GET /api/moderation/reports?roomId=r1')).toBe(2);
  });

  it('reads the members again when someone not on the list is here', async () => {
    const { server, room } = setup();
    room.grant('MUTE');
    await settle();
    room.here = [{ accountId: 'p1', displayName: 'Matti', role: 'PARTICIPANT', self: false }];
    room.emit(new PresenceChangedEvent());
    await settle();
    expect(server.count('GET /api/rooms/r1/members')).toBe(1);
    room.here = [...room.here, { accountId: 'p2', displayName: 'Uusi', role: 'PARTICIPANT', self: false }];
    room.emit(new PresenceChangedEvent());
    await settle();
    expect(server.count('GET /api/rooms/r1/members')).toBe(2);
  });

  it('drops a closed report and a seen flag at once, and remembers what could not be read', async () => {
    const { server, room, queue } = setup();
    server.on('GET /api/moderation/reports?roomId=r1', () => problem(500, 'server.error'));
    room.grant('REVIEW');
    await settle();
    queue.closed('rep1');
    queue.markSeen('f1');
    expect(queue.reports).toEqual([]);
    expect(queue.attention).toBe(0);
    await queue.reload('reports');
    expect(queue.failed('reports')).toBe(true);
  });
});
