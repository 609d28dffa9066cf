import { describe, expect, it } from 'vitest';
import type { Power } from '../api/moderation.ts';
import { type MessageViewer, messageActions } from './message-actions.ts';

const participant: MessageViewer = { powers: new Set<Power>(['REPORT']), admin: false };
const facilitator: MessageViewer = {
  powers: new Set<Power>(['REMOVE_MESSAGE', 'MUTE', 'REMOVE_MEMBER', 'BAN', 'REVIEW', 'PIN', 'REPORT']),
  admin: false,
};
const admin: MessageViewer = { ...facilitator, admin: true };
const overseer: MessageViewer = { powers: new Set<Power>(), admin: false };

const byParent = { removed: false, authorRole: 'PARTICIPANT' };
const byPeer = { removed: false, authorRole: 'PEER_SUPPORTER' };
const byFacilitator = { removed: false, authorRole: 'FACILITATOR' };

describe('message menu', () => {
  it('lets a parent report or hide another member, and do nothing to their own messages', () => {
    expect(messageActions(byParent, false, participant)).toEqual(['report', 'worry', 'hide']);
    expect(messageActions(byPeer, false, participant)).toEqual(['report', 'worry', 'hide']);
    expect(messageActions(byParent, true, participant)).toEqual([]);
  });

  it('never offers to hide a facilitator, though they can be reported', () => {
    expect(messageActions(byFacilitator, false, participant)).toEqual(['report']);
  });

  it('gives facilitators removal of participants’ messages and of their own, not of another facilitator’s', () => {
    expect(messageActions(byParent, false, facilitator)).toEqual(['report', 'worry', 'hide', 'remove']);
    expect(messageActions(byParent, true, facilitator)).toEqual(['remove']);
    expect(messageActions(byFacilitator, false, facilitator)).toEqual(['report']);
  });

  it('lets an administrator remove a facilitator’s message', () => {
    expect(messageActions(byFacilitator, false, admin)).toEqual(['report', 'remove']);
  });

  it('offers nothing on a removed message', () => {
    expect(messageActions({ ...byParent, removed: true }, false, facilitator)).toEqual([]);
    expect(messageActions({ ...byParent, removed: true }, false, participant)).toEqual([]);
  });

  it('offers only hiding to someone without powers in the room (before they are known)', () => {
    expect(messageActions(byParent, false, overseer)).toEqual(['hide']);
  });
});
