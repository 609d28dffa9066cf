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

const sentAt = '2026-11-30T18:00:00Z';
const byParent = { removed: false, authorRole: 'PARTICIPANT', sentAt };
const byPeer = { removed: false, authorRole: 'PEER_SUPPORTER', sentAt };
const byFacilitator = { removed: false, authorRole: 'FACILITATOR', sentAt };
const tenMinutes = 10 * 60_000;
const at = (iso: string) => Date.parse(iso);

describe('message menu', () => {
  it('lets a parent report or hide another member, and only delete their own messages', () => {
    expect(messageActions(byParent, false, participant)).toEqual(['report', 'worry', 'hide']);
    expect(messageActions(byPeer, false, participant)).toEqual(['report', 'worry', 'hide']);
    expect(messageActions(byParent, true, participant)).toEqual(['delete']);
  });

  it('offers editing one’s own text message until the window closes, deleting it always', () => {
    const viewer = (now: string) => ({ ...participant, now: at(now), editWindowMs: tenMinutes });
    expect(messageActions(byParent, true, viewer('2026-11-30T18:09:59Z'))).toEqual(['edit', 'delete']);
    expect(messageActions(byParent, true, viewer('2026-11-30T18:10:00Z'))).toEqual(['delete']);
    expect(
      messageActions({ ...byFacilitator, kind: 'CRISIS' }, true, { ...facilitator, now: at(sentAt), editWindowMs: tenMinutes }),
    ).toEqual(['delete']);
    expect(messageActions({ ...byParent, sentAt: 'not a time' }, true, viewer(sentAt))).toEqual(['delete']);
  });

  it('never offers to hide a facilitator, though they can be reported', () => {
    expect(messageActions(byFacilitator, false, participant)).toEqual(['report']);
  });

  it('gives facilitators removal of participants’ messages and of their own, not of another facilitator’s', () => {
    expect(messageActions(byParent, false, facilitator)).toEqual(['report', 'worry', 'hide', 'remove']);
    expect(messageActions(byParent, true, facilitator)).toEqual(['delete']);
    expect(messageActions(byFacilitator, false, facilitator)).toEqual(['report']);
  });

  it('lets an administrator remove a facilitator’s message', () => {
    expect(messageActions(byFacilitator, false, admin)).toEqual(['report', 'remove']);
  });

  it('offers only removal of a published question, which names nobody, to those who remove messages', () => {
    const question = { removed: false, authorRole: 'PARTICIPANT', sentAt, kind: 'QUESTION' as const };
    expect(messageActions(question, false, facilitator)).toEqual(['remove']);
    expect(messageActions(question, false, participant)).toEqual([]);
    expect(messageActions({ ...question, removed: true }, false, facilitator)).toEqual([]);
  });

  it('lets a host edit their own answer while the window lasts', () => {
    const answer = { ...byPeer, kind: 'ANSWER' as const };
    const viewer = { ...facilitator, now: at('2026-11-30T18:01:00Z'), editWindowMs: tenMinutes };
    expect(messageActions(answer, true, viewer)).toEqual(['edit', 'delete']);
  });

  it('offers nothing on a removed message', () => {
    expect(messageActions({ ...byParent, removed: true }, false, facilitator)).toEqual([]);
    expect(messageActions({ ...byParent, removed: true }, false, participant)).toEqual([]);
  });

  it('offers only hiding to someone without powers in the room (before they are known)', () => {
    expect(messageActions(byParent, false, overseer)).toEqual(['hide']);
  });
});
