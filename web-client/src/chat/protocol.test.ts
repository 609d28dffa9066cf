import { describe, expect, it } from 'vitest';
import { messageText } from '../api/rooms.ts';
import {
  destinations,
  readJson,
  sameId,
  toChatMessage,
  toChatProblem,
  toLiveMessage,
  toPresenceChange,
  toSendAck,
  toTypingNotice,
} from './protocol.ts';

const live = {
  type: 'message',
  roomId: 3,
  seq: 12,
  id: 'b6f1',
  authorId: 7,
  authorDisplayName: 'Anna',
  authorRole: 'FACILITATOR',
  body: 'Hei\n<b>ei lihavoitu</b>',
  sentAt: '2026-11-23T16:00:00Z',
};

describe('chat protocol', () => {
  it('names the STOMP destinations of a room', () => {
    expect(destinations.messages(3)).toBe('/topic/rooms/3');
    expect(destinations.presence(3)).toBe('/topic/rooms/3/presence');
    expect(destinations.typing(3)).toBe('/topic/rooms/3/typing');
    expect(destinations.send(3)).toBe('/app/rooms/3/messages');
    expect(destinations.sendTyping(3)).toBe('/app/rooms/3/typing');
    expect(destinations.moderation(3)).toBe('/topic/rooms/3/moderation');
    expect(destinations.personalModeration).toBe('/user/queue/moderation');
  });

  it('reads a live message, keeping its text as it is', () => {
    expect(toLiveMessage(readJson(JSON.stringify(live)))).toEqual({
      ...live,
      type: undefined,
      clientId: null,
      removed: false,
      kind: 'TEXT',
      translations: null,
      removedByWriter: false,
      editedAt: null,
      sensitive: false,
      answersSeq: null,
    });
    expect(toLiveMessage({ ...live, clientId: 'c1' })?.clientId).toBe('c1');
    expect(toLiveMessage({ ...live, authorRole: null })?.authorRole).toBeNull();
  });

  it('reads a crisis message with its text in every language, and shows each reader their own', () => {
    const translations = { fi: 'Soita 112.', sv: 'Ring 112.', en: 'Call 112.' };
    const crisis = toLiveMessage({ ...live, kind: 'CRISIS', body: 'Soita 112.\n\nRing 112.\n\nCall 112.', translations });
    expect(crisis).toMatchObject({ kind: 'CRISIS', translations });
    expect(crisis === null ? null : messageText(crisis, 'sv')).toBe('Ring 112.');
    expect(crisis === null ? null : messageText(crisis, 'en')).toBe('Call 112.');
    // a language it is not written in reads Finnish
    expect(crisis === null ? null : messageText(crisis, 'se')).toBe('Soita 112.');
    // without translations it is an ordinary message, read as written
    const bare = toLiveMessage({ ...live, kind: 'CRISIS', translations: { fi: '  ' } });
    expect(bare).toMatchObject({ kind: 'TEXT', translations: null });
    expect(bare === null ? null : messageText(bare, 'en')).toBe(live.body);
    // a removed crisis message keeps no text in any language
    expect(toLiveMessage({ ...live, kind: 'CRISIS', translations, removed: true })).toMatchObject({
      body: '',
      translations: null,
      kind: 'TEXT',
    });
  });

  it('reads the content note only from a true boolean, and not on a removed message', () => {
    expect(toLiveMessage({ ...live, sensitive: true })?.sensitive).toBe(true);
    expect(toChatMessage({ ...live, sensitive: false })?.sensitive).toBe(false);
    for (const notABoolean of ['true', 'yes', 1, {}, null, undefined]) {
      expect(toLiveMessage({ ...live, sensitive: notABoolean })?.sensitive, JSON.stringify(notABoolean) ?? 'undefined').toBe(false);
    }
    expect(toLiveMessage({ ...live, sensitive: true, removed: true })?.sensitive).toBe(false);
  });

  it('reads a published question without an author, and an answer naming its question', () => {
    const question = toLiveMessage({ ...live, kind: 'QUESTION', authorId: null, authorDisplayName: null, authorRole: 'PARTICIPANT' });
    expect(question).toMatchObject({ kind: 'QUESTION', authorId: null, authorDisplayName: null, authorRole: null, answersSeq: null });
    const answer = toLiveMessage({ ...live, seq: 13, kind: 'ANSWER', answersSeq: 12 });
    expect(answer).toMatchObject({ kind: 'ANSWER', answersSeq: 12, authorDisplayName: 'Anna' });
    // only an answer names a question
    expect(toLiveMessage({ ...live, answersSeq: 12 })?.answersSeq).toBeNull();
    expect(toLiveMessage({ ...live, kind: 'WEBINAR' })?.kind).toBe('TEXT');
  });

  it('keeps the place of a removed message without its text', () => {
    const removed = toLiveMessage({ ...live, body: 'mitä tahansa', removed: true });
    expect(removed).toMatchObject({ seq: 12, removed: true, body: '', authorDisplayName: 'Anna' });
    expect(toLiveMessage({ ...live, body: undefined, removed: true })?.body).toBe('');
    expect(toLiveMessage({ ...live, body: undefined })).toBeNull();
  });

  it('reads a message whose writer deleted their account as one without an author', () => {
    const { authorId: _id, authorDisplayName: _name, authorRole: _role, body: _body, ...rest } = live;
    const orphan = toLiveMessage({ ...rest, removed: true });
    expect(orphan).toMatchObject({ seq: 12, authorId: null, authorDisplayName: null, authorRole: null, body: '', removed: true });
    expect(toLiveMessage({ ...live, authorId: null, authorDisplayName: 'Anna' })?.authorDisplayName).toBeNull();
  });

  it('drops what does not look like a message', () => {
    expect(toLiveMessage({ ...live, seq: 0 })).toBeNull();
    expect(toLiveMessage({ ...live, seq: '12' })).toBeNull();
    expect(toLiveMessage({ ...live, body: 5 })).toBeNull();
    expect(toLiveMessage({ ...live, type: 'typing' })).toBeNull();
    expect(toLiveMessage(readJson('not json'))).toBeNull();
  });

  it('reads a message a facilitator removed as one without text', () => {
    const removed = toChatMessage({ ...live, type: undefined, body: null, removed: true });
    expect(removed).toMatchObject({ seq: 12, removed: true, body: '' });
    expect(toChatMessage({ ...live, body: 'ei näytetä', removed: true })?.body).toBe('');
    expect(toChatMessage({ ...live, body: null })).toBeNull();
    expect(toLiveMessage([live])).toBeNull();
  });

  it('reads presence, typing, acks and errors', () => {
    expect(toPresenceChange({ type: 'left', roomId: 3, accountId: 8, displayName: 'Matti', role: 'PARTICIPANT' })).toEqual({
      type: 'left',
      roomId: 3,
      member: { accountId: 8, displayName: 'Matti', role: 'PARTICIPANT' },
    });
    expect(toPresenceChange({ type: 'waved', roomId: 3, accountId: 8, displayName: 'Matti' })).toBeNull();
    expect(toTypingNotice({ type: 'typing', roomId: 3, accountId: 8, displayName: 'Matti' })).toEqual({
      roomId: 3,
      accountId: 8,
      displayName: 'Matti',
    });
    expect(toSendAck({ clientId: 'c1', roomId: 3, seq: 13, messageId: 99, sentAt: 'x' })).toEqual({
      clientId: 'c1',
      roomId: 3,
      seq: 13,
      messageId: 99,
      sentAt: 'x',
    });
    expect(toSendAck({ clientId: 'c1', roomId: 3, messageId: 99, sentAt: 'x' })).toBeNull();
    expect(toChatProblem({ code: 'rate.limited', message: 'slow down', clientId: null, roomId: null })).toEqual({
      code: 'rate.limited',
      message: 'slow down',
      clientId: null,
      roomId: null,
      retryAfterSeconds: null,
      until: null,
    });
    expect(toChatProblem({ code: 'moderation.muted', clientId: 'c1', roomId: 3, until: '2026-11-23T17:10:00Z' })?.until).toBe(
      '2026-11-23T17:10:00Z',
    );
    expect(toChatProblem({ code: 'moderation.muted', clientId: 'c1', roomId: 3, until: null })?.until).toBeNull();
    expect(toChatProblem({ code: 'moderation.muted', clientId: 'c1', roomId: 3 })?.until).toBeNull();
    expect(toChatProblem({ code: 'moderation.muted', until: 'tomorrow-ish' })?.until).toBeNull();
    expect(toChatProblem({ code: 'moderation.slow_mode', clientId: 'c1', roomId: 3, retryAfterSeconds: 4.2 })?.retryAfterSeconds).toBe(5);
    expect(toChatProblem({ code: 'rate_limited', retryAfterSeconds: -1 })?.retryAfterSeconds).toBeNull();
    expect(toChatProblem({ message: 'no code' })).toBeNull();
  });

  it('compares ids whether they come as numbers or text', () => {
    expect(sameId(3, '3')).toBe(true);
    expect(sameId('a', 'b')).toBe(false);
    expect(sameId(null, null)).toBe(false);
  });
});
