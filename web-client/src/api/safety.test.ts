import { describe, expect, it } from 'vitest';
import { toDuty, toEscalation, toRoomStaffing } from './safety.ts';

describe('safety readers', () => {
  it('reads an escalation, with nulls where the server has no value', () => {
    const escalation = toEscalation({
      id: 'e1',
      roomId: 'r1',
      roomTitle: 'Ilta',
      roomKind: 'CLOSED',
      signal: 'RISK_FLAG',
      createdAt: '2026-11-30T18:00:00Z',
      subjectId: 'p1',
      subjectName: 'Anna',
      excerpt: 'en jaksa',
      excerptSensitive: true,
      categories: ['self-harm'],
      reason: null,
      note: null,
      takenBy: null,
      takenByName: null,
      takenByConnected: null,
      takenAt: null,
    });
    expect(escalation).toMatchObject({
      id: 'e1',
      signal: 'RISK_FLAG',
      roomKind: 'CLOSED',
      excerpt: 'en jaksa',
      excerptSensitive: true,
      reason: null,
      takenBy: null,
      takenByConnected: null,
    });
    expect(
      toEscalation({ id: 'e5', roomId: 'r1', signal: 'REPORT', createdAt: '2026-11-30T18:00:00Z', takenBy: 'c1', takenByConnected: false }),
    ).toMatchObject({
      takenBy: 'c1',
      takenByConnected: false,
    });
    expect(toEscalation({ id: 'e2', roomId: 'r1', signal: 'REPORT', createdAt: '2026-11-30T18:00:00Z', reason: 'WORRY' })).toMatchObject({
      reason: 'WORRY',
      excerpt: null,
      excerptSensitive: false,
      categories: [],
      roomKind: 'OPEN',
    });
    expect(toEscalation({ id: 'e3', roomId: 'r1', signal: 'SOMETHING', createdAt: '2026-11-30T18:00:00Z' })).toBeNull();
    // only a true boolean marks the excerpt
    expect(
      toEscalation({ id: 'e6', roomId: 'r1', signal: 'REPORT', createdAt: '2026-11-30T18:00:00Z', excerptSensitive: 'true' })
        ?.excerptSensitive,
    ).toBe(false);
    expect(
      toEscalation({ id: 'e4', roomId: 'r1', signal: 'REPORT', createdAt: '2026-11-30T18:00:00Z', reason: 'BORED' })?.reason,
    ).toBeNull();
  });

  it('reads duty and who is on it', () => {
    expect(
      toDuty({
        onDuty: true,
        since: '2026-11-30T17:00:00Z',
        everyoneOnDuty: [
          { accountId: 'c1', displayName: 'Kaisa', since: '2026-11-30T17:00:00Z', connected: true },
          { accountId: 'c2', displayName: 'Kalle', since: '2026-11-30T17:05:00Z' },
          {},
        ],
      }),
    ).toEqual({
      onDuty: true,
      since: '2026-11-30T17:00:00Z',
      everyoneOnDuty: [
        { accountId: 'c1', displayName: 'Kaisa', since: '2026-11-30T17:00:00Z', connected: true },
        { accountId: 'c2', displayName: 'Kalle', since: '2026-11-30T17:05:00Z', connected: false },
      ],
    });
    expect(toDuty(null)).toEqual({ onDuty: false, since: null, everyoneOnDuty: [] });
  });

  it('reads a room with its staff, and whether anyone leads it', () => {
    const staffed = toRoomStaffing({
      id: 'r1',
      title: 'Ilta',
      kind: 'OPEN',
      state: 'OPEN',
      staff: [
        { accountId: 'f1', displayName: 'Outi', role: 'FACILITATOR' },
        { accountId: 'x', displayName: 'Outo', role: 'CAPTAIN' },
      ],
      hasFacilitator: true,
    });
    expect(staffed?.staff).toEqual([{ accountId: 'f1', displayName: 'Outi', role: 'FACILITATOR' }]);
    expect(staffed?.hasFacilitator).toBe(true);
    expect(
      toRoomStaffing({ id: 'r2', title: 'Yö', staff: [{ accountId: 'p', displayName: 'Vera', role: 'PEER_SUPPORTER' }] })?.hasFacilitator,
    ).toBe(false);
  });
});
