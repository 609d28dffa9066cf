import { describe, expect, it } from 'vitest';
import { PresenceRoster } from './presence.ts';

const anna = { accountId: 1, displayName: 'Anna', role: 'PARTICIPANT' };
const matti = { accountId: 2, displayName: 'Matti', role: 'PARTICIPANT' };
const sanna = { accountId: 3, displayName: 'Sanna', role: 'FACILITATOR' };
const pekka = { accountId: 4, displayName: 'pekka', role: 'PEER_SUPPORTER' };

const names = (roster: PresenceRoster, self = 99) => roster.list(self, null, 'fi-FI').map((entry) => entry.displayName);

describe('presence roster', () => {
  it('lists facilitators, then peer supporters, then the rest by name', () => {
    const roster = new PresenceRoster();
    roster.replace([matti, pekka, anna, sanna]);
    expect(names(roster)).toEqual(['Sanna', 'pekka', 'Anna', 'Matti']);
  });

  it('applies joined and left', () => {
    const roster = new PresenceRoster();
    roster.replace([anna]);
    roster.apply({ type: 'joined', roomId: 1, member: matti });
    roster.apply({ type: 'left', roomId: 1, member: anna });
    expect(names(roster)).toEqual(['Matti']);
  });

  it('takes a new name for someone here, and does not bring back someone who left', () => {
    const roster = new PresenceRoster();
    roster.replace([anna, matti]);
    roster.apply({ type: 'renamed', roomId: 1, member: { ...anna, displayName: 'Aino' } });
    roster.apply({ type: 'left', roomId: 1, member: matti });
    roster.apply({ type: 'renamed', roomId: 1, member: { ...matti, displayName: 'Mikko' } });
    expect(names(roster)).toEqual(['Aino']);
  });

  it('applies changes that came while the snapshot was on its way on top of it', () => {
    const roster = new PresenceRoster();
    roster.replace([anna]);
    roster.hold();
    roster.apply({ type: 'joined', roomId: 1, member: matti });
    roster.apply({ type: 'left', roomId: 1, member: anna });
    expect(names(roster)).toEqual(['Anna']);
    roster.replace([anna, sanna]);
    expect(names(roster)).toEqual(['Sanna', 'Matti']);
  });

  it('applies held changes to the old list when the snapshot fails', () => {
    const roster = new PresenceRoster();
    roster.replace([anna]);
    roster.hold();
    roster.apply({ type: 'joined', roomId: 1, member: matti });
    roster.release();
    expect(names(roster)).toEqual(['Anna', 'Matti']);
  });

  it('marks you, adds you while you are here, and puts you first among equals', () => {
    const roster = new PresenceRoster();
    roster.replace([anna, { ...matti, accountId: '2' }]);
    const list = roster.list(2, { accountId: 2, displayName: 'Matti', role: 'PARTICIPANT' }, 'fi-FI');
    expect(list.map((entry) => [entry.displayName, entry.self])).toEqual([
      ['Matti', true],
      ['Anna', false],
    ]);
    expect(new PresenceRoster().list(5, { accountId: 5, displayName: 'Minä', role: null }, 'fi-FI')).toHaveLength(1);
  });
});
