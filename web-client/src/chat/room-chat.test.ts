import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/api-client.ts';
import type { ChatMessage } from '../api/rooms.ts';
import { TokenStore } from '../api/token-store.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';
import { FakeServer, MemoryStorage, json, problem, settle, useServerLimits } from '../testing/fakes.ts';
import { TextLimits } from '../text/text-limits.ts';
import type { RoomListener } from './chat-connection.ts';
import {
  AckEvent,
  type ChatConnectionEventMap,
  ChatProblemEvent,
  ConnectedEvent,
  type ConnectionStatus,
  ConnectionStatusEvent,
  ModerationQueueEvent,
  OwnQuestionQueueEvent,
} from './events.ts';
import type { HostQuestionEvent } from './questions.ts';
import { type ChatChannel, RoomChat } from './room-chat.ts';

/** The chat connection as a room sees it, driven by the test. */
class FakeChannel extends TypedEventTarget<ChatConnectionEventMap> implements ChatChannel {
  status: ConnectionStatus = 'online';
  listener: RoomListener | null = null;
  readonly sent: { roomId: string; clientId: string; body: string; sensitive: boolean }[] = [];
  readonly typing: string[] = [];
  questionListener: ((event: HostQuestionEvent) => void) | null = null;

  start(): void {}

  watchQuestions(_roomId: string, listener: (event: HostQuestionEvent) => void): () => void {
    this.questionListener = listener;
    return () => {
      this.questionListener = null;
    };
  }

  /** Whether the server confirms a subscription by itself (its RECEIPT), a moment after it is made. */
  confirms = true;

  watchRoom(_roomId: string, listener: RoomListener): () => void {
    this.listener = listener;
    if (this.status === 'online' && this.confirms) void Promise.resolve().then(() => this.confirm());
    return () => {
      this.listener = null;
    };
  }

  /** The server's RECEIPT for the room's message subscription. */
  confirm(): void {
    this.listener?.subscribed();
  }

  sendMessage(roomId: string, clientId: string, body: string, sensitive: boolean): boolean {
    if (this.status !== 'online') return false;
    this.sent.push({ roomId, clientId, body, sensitive });
    return true;
  }

  sendTyping(roomId: string): boolean {
    if (this.status !== 'online') return false;
    this.typing.push(roomId);
    return true;
  }

  drop(): void {
    this.status = 'reconnecting';
    this.emit(new ConnectionStatusEvent('reconnecting'));
  }

  reconnect(): void {
    this.status = 'online';
    this.emit(new ConnectionStatusEvent('online'));
    this.emit(new ConnectedEvent());
    if (this.confirms) this.confirm();
  }
}

const ROOM = { id: 5, title: 'Yhteistyövanhemmuus', theme: '', kind: 'OPEN', state: 'OPEN', member: true, myRole: 'PARTICIPANT' };
const ME = { id: 7, displayName: 'Anna' };

function msg(seq: number, authorId = 8, body = `viesti ${seq}`): ChatMessage {
  return {
    seq,
    id: `m${seq}`,
    roomId: 5,
    authorId,
    authorDisplayName: authorId === 7 ? 'Anna' : 'Matti',
    authorRole: 'PARTICIPANT',
    body,
    sentAt: '2026-11-23T16:00:00Z',
    removed: false,
  };
}

function range(from: number, to: number): ChatMessage[] {
  return Array.from({ length: to - from + 1 }, (_, index) => msg(from + index));
}

async function setup(
  history: ChatMessage[] = range(1, 3),
  lastSeq = history.at(-1)?.seq ?? 0,
  view?: unknown,
  limits?: TextLimits,
  channel = new FakeChannel(),
) {
  const tokens = new TokenStore(new MemoryStorage());
  tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  const server = new FakeServer();
  server
    .on('POST /api/rooms/5/join', () => json(200, ROOM))
    .on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: history, lastSeq }))
    .on('GET /api/rooms/5/presence', () => json(200, [{ accountId: 8, displayName: 'Matti', role: 'PARTICIPANT' }]));
  if (view !== undefined) server.on('GET /api/moderation/rooms/5', () => json(200, view));
  // Without a view the moderation view cannot be read, which leaves the room as it is.
  // The catch-up right after subscribing gets no answer here (as if offline for a moment);
  // tests queue the answers they need.
  let ids = 0;
  const chat = new RoomChat({
    api: new ApiClient(tokens, server.fetch),
    channel,
    roomId: '5',
    self: ME,
    newClientId: () => `c${++ids}`,
    ...(limits === undefined ? {} : { limits }),
  });
  await chat.open();
  await settle();
  return { chat, channel, server };
}

const seqs = (chat: RoomChat) => chat.messages.map((entry) => entry.seq);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('room chat: history and live messages', () => {
  it('joins, shows the newest history and follows the room', async () => {
    const { chat, channel, server } = await setup();
    expect(chat.phase).toBe('ready');
    expect(chat.room?.title).toBe('Yhteistyövanhemmuus');
    expect(seqs(chat)).toEqual([1, 2, 3]);
    expect(channel.listener).not.toBeNull();
    // Subscribed while online and confirmed: one catch-up after the newest seq, and the presence snapshot.
    expect(server.count('GET /api/rooms/5/messages?afterSeq=3&limit=200')).toBe(1);
    expect(chat.presence('fi-FI').map((entry) => entry.displayName)).toEqual(['Anna', 'Matti']);
  });

  it('reads what came after the history only once the server confirms the subscription', async () => {
    const channel = new FakeChannel();
    channel.confirms = false;
    const { chat, server } = await setup(range(1, 3), 3, undefined, undefined, channel);
    expect(chat.phase).toBe('ready');
    // Read now, a message stored before the server delivers the room to us would be lost.
    expect(server.count('GET /api/rooms/5/messages?afterSeq=3&limit=200')).toBe(0);
    expect(server.count('GET /api/rooms/5/presence')).toBe(0);
    channel.confirm();
    await settle();
    expect(server.count('GET /api/rooms/5/messages?afterSeq=3&limit=200')).toBe(1);
    expect(server.count('GET /api/rooms/5/presence')).toBe(1);
    expect(server.count('GET /api/rooms/5/hands')).toBe(1);
  });

  it('reports a room it cannot open with its code', async () => {
    const server = new FakeServer().on('POST /api/rooms/9/join', () => problem(403, 'rooms.not_member'));
    const tokens = new TokenStore(new MemoryStorage());
    tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    const chat = new RoomChat({ api: new ApiClient(tokens, server.fetch), channel: new FakeChannel(), roomId: '9', self: ME });
    await chat.open();
    expect(chat.phase).toBe('failed');
    expect(chat.failure?.code).toBe('rooms.not_member');
  });

  it('adds live messages in order and ignores repeats', async () => {
    const { chat, channel } = await setup();
    channel.listener?.message({ ...msg(4), clientId: null });
    channel.listener?.message({ ...msg(4), clientId: null });
    channel.listener?.message({ ...msg(3), clientId: null });
    expect(seqs(chat)).toEqual([1, 2, 3, 4]);
  });

  it('fills a gap from the server, page after page, and merges without duplicates', async () => {
    const { chat, channel, server } = await setup();
    server
      .on('GET /api/rooms/5/messages?afterSeq=3&limit=200', () => json(200, { messages: range(4, 203), lastSeq: 260 }))
      .on('GET /api/rooms/5/messages?afterSeq=203&limit=200', () => json(200, { messages: range(204, 260), lastSeq: 260 }));
    channel.listener?.message({ ...msg(250), clientId: null });
    await settle();
    expect(server.count('GET /api/rooms/5/messages?afterSeq=3&limit=200')).toBe(2);
    expect(server.count('GET /api/rooms/5/messages?afterSeq=203&limit=200')).toBe(1);
    expect(seqs(chat)).toEqual(range(1, 260).map((entry) => entry.seq));
    channel.listener?.message({ ...msg(261), clientId: null });
    await settle();
    expect(server.count('GET /api/rooms/5/messages?afterSeq=260&limit=200')).toBe(0);
    expect(seqs(chat).at(-1)).toBe(261);
  });

  it('loads earlier messages before the oldest one shown', async () => {
    const { chat, server } = await setup(range(51, 100), 100);
    expect(chat.hasEarlier).toBe(true);
    server.on('GET /api/rooms/5/messages?beforeSeq=51&limit=50', () => json(200, { messages: range(1, 50), lastSeq: 100 }));
    await chat.loadEarlier();
    expect(seqs(chat)).toEqual(range(1, 100).map((entry) => entry.seq));
    expect(chat.hasEarlier).toBe(false);
  });

  it('catches up after a reconnect', async () => {
    const { chat, channel, server } = await setup();
    channel.drop();
    server.on('GET /api/rooms/5/messages?afterSeq=3&limit=200', () => json(200, { messages: range(4, 6), lastSeq: 6 }));
    channel.reconnect();
    await settle();
    expect(seqs(chat)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.count('GET /api/rooms/5/presence')).toBe(2);
  });
});

describe('room chat: sending', () => {
  it('shows a message at once as pending, then as sent once acknowledged; the topic copy shows once', async () => {
    const { chat, channel } = await setup();
    expect(chat.send('  Hei kaikki!\n  ')).toBe('sent');
    expect(channel.sent).toEqual([{ roomId: '5', clientId: 'c1', body: 'Hei kaikki!', sensitive: false }]);
    expect(chat.outgoing).toMatchObject([{ clientId: 'c1', state: 'pending' }]);

    channel.emit(new AckEvent({ clientId: 'c1', roomId: 5, seq: 4, messageId: 'm4', sentAt: '2026-11-23T16:01:00Z' }));
    expect(chat.outgoing).toEqual([]);
    expect(chat.sentHere(4)).toBe('c1');
    channel.listener?.message({ ...msg(4, 7, 'Hei kaikki!'), clientId: null });
    expect(chat.messages.filter((entry) => entry.body === 'Hei kaikki!')).toHaveLength(1);
    expect(chat.messages.at(-1)).toMatchObject({ seq: 4, authorId: 7, authorDisplayName: 'Anna' });
  });

  it('sends a message with a content note marked, every time it goes, and shows it marked once stored', async () => {
    const { chat, channel } = await setup();
    expect(chat.send('Eilen oli raskas ilta', true)).toBe('sent');
    expect(chat.send('Tavallinen viesti')).toBe('sent');
    expect(chat.outgoing.map((entry) => [entry.clientId, entry.sensitive])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
    channel.drop();
    channel.reconnect();
    expect(channel.sent.map((entry) => [entry.clientId, entry.sensitive])).toEqual([
      ['c1', true],
      ['c2', false],
      ['c1', true],
      ['c2', false],
    ]);
    channel.emit(new AckEvent({ clientId: 'c1', roomId: 5, seq: 4, messageId: 'm4', sentAt: '2026-11-23T16:01:00Z' }));
    expect(chat.messages.at(-1)).toMatchObject({ seq: 4, body: 'Eilen oli raskas ilta', sensitive: true });
    channel.listener?.message({ ...msg(5, 7, 'Tavallinen viesti'), sensitive: false, clientId: 'c2' });
    expect(chat.messages.at(-1)).toMatchObject({ seq: 5, sensitive: false });
  });

  it('takes a topic message that carries the client id as the acknowledgement', async () => {
    const { chat, channel } = await setup();
    chat.send('Hei');
    channel.listener?.message({ ...msg(4, 7, 'Hei'), clientId: 'c1' });
    expect(chat.outgoing).toEqual([]);
    expect(seqs(chat)).toEqual([1, 2, 3, 4]);
  });

  it('refuses empty and too long messages before sending, counted in code points like the server', async () => {
    useServerLimits();
    const { chat, channel } = await setup();
    expect(chat.send('   \n ')).toBe('empty');
    expect(chat.send('\u200B\u2060\u00AD \n')).toBe('empty');
    expect(chat.send('x'.repeat(4001))).toBe('too_long');
    expect(chat.send('\u{1F600}'.repeat(4001))).toBe('too_long');
    expect(chat.send('Hei\u0000')).toBe('invalid');
    expect(chat.send('Z\u0301\u0302\u0303\u0304\u0305')).toBe('invalid');
    expect(chat.send(` ${'x'.repeat(4000)} `)).toBe('sent');
    expect(chat.send('\u{1F600}'.repeat(2500))).toBe('sent');
    expect(channel.sent.map((entry) => [...entry.body].length)).toEqual([4000, 2500]);
  });

  it('sends the text folded as the server stores it', async () => {
    useServerLimits();
    const { chat, channel } = await setup();
    expect(chat.send('  Hei\u200B kaikki!\r\nZoe\u0308 tässä\u202E  ')).toBe('sent');
    expect(channel.sent[0]?.body).toBe('Hei kaikki!\nZoë tässä');
  });

  it('judges only emptiness before the limits arrive; the server judges the rest', async () => {
    const { chat, channel } = await setup(undefined, undefined, undefined, new TextLimits());
    expect(chat.send('   ')).toBe('empty');
    expect(chat.send('x'.repeat(5000))).toBe('sent');
    expect(channel.sent[0]?.body).toHaveLength(5000);
  });

  it('fails after 10 seconds without an ack; retry sends the same client id', async () => {
    const { chat, channel } = await setup();
    chat.send('Hei');
    vi.advanceTimersByTime(9_999);
    expect(chat.outgoing[0]?.state).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(chat.outgoing[0]).toMatchObject({ state: 'failed', reason: 'timeout' });

    chat.retry('c1');
    expect(channel.sent.map((entry) => entry.clientId)).toEqual(['c1', 'c1']);
    expect(chat.outgoing[0]?.state).toBe('pending');
    channel.emit(new AckEvent({ clientId: 'c1', roomId: 5, seq: 4, messageId: 'm4', sentAt: 'x' }));
    expect(chat.outgoing).toEqual([]);
  });

  it('fails with the server error for that client id, and is not resent by itself', async () => {
    const { chat, channel } = await setup();
    chat.send('Hei');
    channel.emit(
      new ChatProblemEvent({ code: 'rate.limited', message: null, clientId: 'c1', roomId: 5, retryAfterSeconds: null, until: null }),
    );
    expect(chat.outgoing[0]).toMatchObject({ state: 'failed', reason: 'rejected', errorCode: 'rate.limited' });
    channel.drop();
    channel.reconnect();
    expect(channel.sent).toHaveLength(1);
  });

  it('keeps messages written while disconnected and sends them after reconnecting, with the same client id', async () => {
    const { chat, channel } = await setup();
    chat.send('Ensimmäinen');
    channel.drop();
    expect(chat.outgoing[0]).toMatchObject({ state: 'failed', reason: 'offline' });
    expect(chat.send('Toinen')).toBe('sent');
    expect(chat.outgoing.map((entry) => [entry.clientId, entry.state])).toEqual([
      ['c1', 'failed'],
      ['c2', 'failed'],
    ]);
    channel.reconnect();
    expect(channel.sent.map((entry) => entry.clientId)).toEqual(['c1', 'c1', 'c2']);
    expect(chat.outgoing.every((entry) => entry.state === 'pending')).toBe(true);
  });

  it('sends a message refused for want of the house rules again, as written, once they are accepted', async () => {
    const { chat, channel, server } = await setup();
    const guide = { houseRules: { fi: 'Kunnioitetaan toisiamme.' }, acceptance: 'DAY', accepted: false, messages: [] };
    server
      .on('GET /api/rooms/5/guide', () => json(200, guide))
      .on('POST /api/rooms/5/house-rules/acceptance', () => json(200, { ...guide, accepted: true }));
    chat.send('Hei kaikki');
    channel.emit(
      new ChatProblemEvent({
        code: 'rooms.rules_not_accepted',
        message: null,
        clientId: 'c1',
        roomId: 5,
        retryAfterSeconds: null,
        until: null,
      }),
    );
    await settle();
    expect(chat.outgoing[0]).toMatchObject({ state: 'failed', errorCode: 'rooms.rules_not_accepted' });
    await chat.acceptRules();
    expect(channel.sent.map((entry) => [entry.clientId, entry.body])).toEqual([
      ['c1', 'Hei kaikki'],
      ['c1', 'Hei kaikki'],
    ]);
    expect(chat.outgoing[0]?.state).toBe('pending');
  });

  it('reads the guide again when the room hears that its house rules changed', async () => {
    const { chat, channel, server } = await setup();
    const guide = { houseRules: { fi: 'Uudet säännöt.' }, acceptance: 'DAY', accepted: false, rulesChanged: true, messages: [] };
    server.on('GET /api/rooms/5/guide', () => json(200, guide));
    channel.listener?.moderation({ type: 'rules-changed', roomId: 5 });
    await settle();
    expect(server.count('GET /api/rooms/5/guide')).toBe(2);
    expect(chat.guide?.rulesChanged).toBe(true);
    channel.listener?.moderation({ type: 'rules-changed', roomId: 6 });
    await settle();
    expect(server.count('GET /api/rooms/5/guide')).toBe(2);
  });

  it('stops writing when the room turns out to be read-only', async () => {
    const { chat, channel } = await setup();
    chat.send('Hei');
    channel.emit(
      new ChatProblemEvent({ code: 'rooms.read_only', message: null, clientId: 'c1', roomId: 5, retryAfterSeconds: null, until: null }),
    );
    expect(chat.writeBlock).toBe('read-only');
    expect(chat.send('Vielä')).toBe('closed');
  });

  it('tells of an error that concerns no message of its own', async () => {
    const { chat, channel } = await setup();
    const notices: (string | undefined)[] = [];
    chat.on('room-notice', (event) => notices.push(event.text?.keys[0]));
    channel.emit(
      new ChatProblemEvent({ code: 'rate.limited', message: null, clientId: null, roomId: null, retryAfterSeconds: null, until: null }),
    );
    channel.emit(
      new ChatProblemEvent({ code: 'server.error', message: null, clientId: null, roomId: 99, retryAfterSeconds: null, until: null }),
    );
    expect(notices).toEqual(['error.rate.limited']);
  });
});

describe('room chat: typing and presence', () => {
  it('shows others typing (never yourself) until 5 seconds after their last notice', async () => {
    const { chat, channel } = await setup();
    channel.listener?.typing({ roomId: 5, accountId: 7, displayName: 'Anna' });
    expect(chat.typingLine).toBeNull();
    channel.listener?.typing({ roomId: 5, accountId: 8, displayName: 'Matti' });
    expect(chat.typingLine).toEqual({ keys: ['chat.typing.one'], params: { name: 'Matti' } });
    vi.advanceTimersByTime(5000);
    expect(chat.typingLine).toBeNull();
  });

  it('drops the typing line of someone whose message arrives', async () => {
    const { chat, channel } = await setup();
    channel.listener?.typing({ roomId: 5, accountId: 8, displayName: 'Matti' });
    channel.listener?.message({ ...msg(4, 8), clientId: null });
    expect(chat.typingLine).toBeNull();
  });

  it('sends typing at most every 3 seconds, and again right after a sent message', async () => {
    const { chat, channel } = await setup();
    chat.typed();
    chat.typed();
    vi.advanceTimersByTime(2000);
    chat.typed();
    expect(channel.typing).toHaveLength(1);
    chat.send('Hei');
    chat.typed();
    expect(channel.typing).toHaveLength(2);
    vi.advanceTimersByTime(3000);
    chat.typed();
    expect(channel.typing).toHaveLength(3);
  });

  it('applies joined and left, and shows you only while connected', async () => {
    const { chat, channel } = await setup();
    channel.listener?.presence({ type: 'joined', roomId: 5, member: { accountId: 9, displayName: 'Sanna', role: 'FACILITATOR' } });
    channel.listener?.presence({ type: 'left', roomId: 5, member: { accountId: 8, displayName: 'Matti', role: null } });
    expect(chat.presence('fi-FI').map((entry) => [entry.displayName, entry.self])).toEqual([
      ['Sanna', false],
      ['Anna', true],
    ]);
    channel.drop();
    expect(chat.presence('fi-FI').map((entry) => entry.displayName)).toEqual(['Sanna']);
  });

  it('stops following the room when closed', async () => {
    const { chat, channel } = await setup();
    chat.close();
    expect(channel.listener).toBeNull();
  });
});

const PARTICIPANT_VIEW = {
  roomId: 5,
  state: 'OPEN',
  slowModeSeconds: 0,
  pinned: null,
  powers: ['REPORT'],
  muted: false,
  mutedUntil: null,
  sanctions: [],
};

function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

describe('room chat: moderation', () => {
  it('opens knowing about a mute, and opens the composer again when the mute ends by itself', async () => {
    const until = inMinutes(5);
    const { chat } = await setup(range(1, 3), 3, { ...PARTICIPANT_VIEW, muted: true, mutedUntil: until });
    expect(chat.moderation.mute).toEqual({ until, reason: null });
    expect(chat.writeBlock).toBe('muted');
    expect(chat.send('Hei')).toBe('closed');
    const changes: number[] = [];
    chat.on('room-changed', () => changes.push(1));
    vi.advanceTimersByTime(5 * 60_000 + 1);
    expect(changes.length).toBeGreaterThan(0);
    expect(chat.writeBlock).toBeNull();
    expect(chat.send('Hei taas')).toBe('sent');
  });

  it('is muted and unmuted live, from its own queue or from the room', async () => {
    const { chat, channel } = await setup(range(1, 3), 3, PARTICIPANT_VIEW);
    expect(chat.canSend).toBe(true);
    channel.emit(new ModerationQueueEvent({ type: 'muted', roomId: 5, until: null, reason: 'Rauhoitutaan hetki' }));
    expect(chat.writeBlock).toBe('muted');
    expect(chat.moderation.mute?.reason).toBe('Rauhoitutaan hetki');
    channel.listener?.moderation({ type: 'member-unmuted', roomId: 5, accountId: 7 });
    expect(chat.canSend).toBe(true);
    channel.listener?.moderation({ type: 'member-muted', roomId: 5, accountId: 8, until: null });
    expect(chat.canSend).toBe(true);
    channel.emit(new ModerationQueueEvent({ type: 'muted', roomId: 99, until: null, reason: null }));
    expect(chat.canSend).toBe(true);
  });

  it('blocks at once when the server refuses a message for a mute, keeps the message, and asks for the details', async () => {
    const { chat, channel, server } = await setup(range(1, 3), 3, PARTICIPANT_VIEW);
    server.on('GET /api/moderation/rooms/5', () => json(200, { ...PARTICIPANT_VIEW, muted: true, mutedUntil: inMinutes(60) }));
    chat.send('Hei');
    const until = inMinutes(60);
    channel.emit(
      new ChatProblemEvent({ code: 'moderation.muted', message: null, clientId: 'c1', roomId: 5, retryAfterSeconds: null, until }),
    );
    expect(chat.writeBlock).toBe('muted');
    expect(chat.moderation.mute?.until).toBe(until);
    expect(chat.outgoing[0]).toMatchObject({ clientId: 'c1', body: 'Hei', state: 'failed', errorCode: 'moderation.muted' });
    await settle();
    expect(chat.moderation.mute?.until).not.toBeNull();
  });

  it('shows a removed message as removed, live, also when the removal arrives before the message', async () => {
    const { chat, channel, server } = await setup();
    const kinds: string[] = [];
    chat.on('messages-changed', (event) => kinds.push(event.change));
    channel.listener?.moderation({ type: 'message-removed', roomId: 5, messageId: 'm2', seq: 2 });
    expect(chat.messages[1]).toMatchObject({ seq: 2, removed: true, body: '' });
    expect(kinds).toEqual(['removed']);

    channel.listener?.moderation({ type: 'message-removed', roomId: 5, messageId: 'm5', seq: 5 });
    server.on('GET /api/rooms/5/messages?afterSeq=3&limit=200', () => json(200, { messages: range(4, 5), lastSeq: 5 }));
    channel.listener?.message({ ...msg(5), clientId: null });
    await settle();
    expect(chat.messages.map((entry) => [entry.seq, entry.removed])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, false],
      [5, true],
    ]);
  });

  it('keeps a message refused for slow mode, sends it again by itself when the wait is over, and holds new ones meanwhile', async () => {
    const { chat, channel } = await setup(range(1, 3), 3, { ...PARTICIPANT_VIEW, slowModeSeconds: 30 });
    expect(chat.moderation.slowModeSeconds).toBe(30);
    chat.send('Ensimmäinen');
    channel.emit(
      new ChatProblemEvent({ code: 'moderation.slow_mode', message: null, clientId: 'c1', roomId: 5, retryAfterSeconds: 20, until: null }),
    );
    expect(chat.outgoing[0]).toMatchObject({ clientId: 'c1', state: 'failed', reason: 'wait', errorCode: 'moderation.slow_mode' });
    expect(chat.sendWaitSeconds).toBe(20);
    expect(chat.send('Toinen')).toBe('wait');
    chat.retry('c1');
    expect(channel.sent).toHaveLength(1);

    vi.advanceTimersByTime(19_000);
    expect(chat.sendWaitSeconds).toBe(1);
    expect(channel.sent).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(channel.sent.map((entry) => entry.clientId)).toEqual(['c1', 'c1']);
    expect(chat.outgoing[0]).toMatchObject({ clientId: 'c1', state: 'pending' });
    expect(chat.sendWaitSeconds).toBe(0);
    expect(chat.send('Toinen')).toBe('sent');
  });

  it('treats the flood limit like slow mode, and does not resend a waiting message early after a reconnect', async () => {
    const { chat, channel } = await setup();
    chat.send('Hei');
    channel.emit(
      new ChatProblemEvent({ code: 'rate_limited', message: null, clientId: 'c1', roomId: 5, retryAfterSeconds: 3, until: null }),
    );
    channel.drop();
    channel.reconnect();
    expect(channel.sent).toHaveLength(1);
    vi.advanceTimersByTime(3_000);
    expect(channel.sent).toHaveLength(2);
  });

  it('fails a waiting message instead of sending it when a mute came meanwhile', async () => {
    const { chat, channel } = await setup();
    chat.send('Hei');
    channel.emit(
      new ChatProblemEvent({ code: 'moderation.slow_mode', message: null, clientId: 'c1', roomId: 5, retryAfterSeconds: 5, until: null }),
    );
    channel.emit(new ModerationQueueEvent({ type: 'muted', roomId: 5, until: null, reason: null }));
    vi.advanceTimersByTime(5_000);
    expect(channel.sent).toHaveLength(1);
    expect(chat.outgoing[0]).toMatchObject({ state: 'failed', reason: 'rejected', errorCode: 'moderation.muted' });
  });

  it('closes the room for someone removed from it, and stops following it', async () => {
    const { chat, channel } = await setup(range(1, 3), 3, PARTICIPANT_VIEW);
    channel.listener?.moderation({ type: 'member-removed', roomId: 5, accountId: 8 });
    expect(chat.phase).toBe('ready');
    channel.listener?.moderation({ type: 'member-removed', roomId: 5, accountId: 7 });
    expect(chat.phase).toBe('excluded');
    expect(channel.listener).toBeNull();
    channel.emit(new ModerationQueueEvent({ type: 'removed', roomId: 5, reason: 'Asiaton kielenkäyttö' }));
    expect(chat.moderation.exclusion).toEqual({ kind: 'removed', scope: 'ROOM', reason: 'Asiaton kielenkäyttö' });
    expect(chat.send('Hei')).toBe('closed');
  });

  it('turns read-only when a facilitator locks the room, and writable when it is opened again', async () => {
    const { chat, channel } = await setup(range(1, 3), 3, PARTICIPANT_VIEW);
    channel.listener?.moderation({ type: 'room-locked', roomId: 5 });
    expect(chat.room?.state).toBe('READ_ONLY');
    expect(chat.writeBlock).toBe('locked');
    channel.listener?.moderation({ type: 'room-unlocked', roomId: 5, state: 'OPEN' });
    expect(chat.writeBlock).toBeNull();
  });

  it('does not let an older view overwrite an event that arrived while it was read', async () => {
    // No view while opening (it cannot be read then); the test answers the next ones itself.
    const { chat, channel, server } = await setup();
    let answer: (response: Response) => void = () => undefined;
    server.on('GET /api/moderation/rooms/5', () => new Promise<Response>((resolve) => (answer = resolve)));
    server.on('GET /api/moderation/rooms/5', () =>
      json(200, { ...PARTICIPANT_VIEW, pinned: { text: 'Tauko klo 19', pinnedByName: 'Sanna', pinnedAt: '2026-11-23T16:00:00Z' } }),
    );
    const reading = chat.refreshModeration();
    channel.listener?.moderation({
      type: 'pinned',
      roomId: 5,
      pinned: { text: 'Tauko klo 19', pinnedByName: 'Sanna', pinnedAt: '2026-11-23T16:00:00Z' },
    });
    answer(json(200, PARTICIPANT_VIEW));
    await reading;
    expect(chat.moderation.pinned?.text).toBe('Tauko klo 19');
    // Read on opening, once the subscription was confirmed, and by the test.
    expect(server.count('GET /api/moderation/rooms/5')).toBe(4);
  });
});

describe('room chat: an information session', () => {
  const question = (id: string, state = 'ASKED', extra: Record<string, unknown> = {}) => ({
    id,
    roomId: 5,
    state,
    body: `Kysymys ${id}`,
    askedAt: '2026-11-23T16:00:00Z',
    messageSeq: null,
    answerSeq: null,
    handledAt: null,
    ...extra,
  });

  async function open(myRole: string) {
    const tokens = new TokenStore(new MemoryStorage());
    tokens.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    const server = new FakeServer()
      .on('POST /api/rooms/5/join', () => json(200, { ...ROOM, myRole, format: 'INFO_SESSION' }))
      .on('GET /api/rooms/5/messages?limit=50', () => json(200, { messages: [], lastSeq: 0 }))
      .on('GET /api/rooms/5/presence', () => json(200, []))
      .on('GET /api/rooms/5/questions/mine', () => json(200, [question('q0', 'SET_ASIDE')]))
      .on('GET /api/rooms/5/questions', () => json(200, [{ ...question('q0'), askerId: 8, askerName: 'Matti', riskCategories: [] }]));
    const channel = new FakeChannel();
    const chat = new RoomChat({ api: new ApiClient(tokens, server.fetch), channel, roomId: '5', self: ME, newClientId: () => 'k1' });
    await chat.open();
    await settle();
    return { chat, channel, server };
  }

  it('lets a participant ask the hosts, never telling anyone they are typing, and follows their own questions', async () => {
    const { chat, channel, server } = await open('PARTICIPANT');
    expect(chat.asksQuestions).toBe(true);
    expect(chat.hostsQuestions).toBe(false);
    expect(channel.questionListener).toBeNull();
    expect(chat.questions.mine.map((entry) => entry.id)).toEqual(['q0']);
    chat.typed();
    expect(channel.typing).toEqual([]);

    server
      .on('POST /api/rooms/5/questions', () => json(201, question('q1')))
      .on('POST /api/rooms/5/questions', () => problem(403, 'moderation.muted'));
    expect(await chat.ask('  Miten sovittelu toimii?  ')).toBe('sent');
    expect(server.requests.at(-1)?.body).toEqual({ clientId: 'k1', body: 'Miten sovittelu toimii?' });
    expect(await chat.ask('   ')).toBe('empty');
    expect(chat.questions.mine.map((entry) => entry.id)).toEqual(['q0', 'q1']);

    const told: (string | null)[] = [];
    chat.on('questions-changed', (event) => told.push(event.own?.state ?? null));
    channel.emit(
      new OwnQuestionQueueEvent({
        type: 'question-updated',
        roomId: 5,
        question: { ...question('q1', 'PUBLISHED', { messageSeq: 3 }) } as never,
      }),
    );
    expect(told).toEqual(['PUBLISHED']);
    expect(chat.ownQuestionAt(3)?.id).toBe('q1');

    await expect(chat.ask('Toinen')).rejects.toMatchObject({ problem: { code: 'moderation.muted' } });
  });

  it('gives the hosts the queue, followed live, and what they do with it', async () => {
    const { chat, channel, server } = await open('PEER_SUPPORTER');
    expect(chat.hostsQuestions).toBe(true);
    expect(chat.asksQuestions).toBe(false);
    expect(chat.questions.queue.map((entry) => entry.askerName)).toEqual(['Matti']);
    expect(channel.questionListener).not.toBeNull();
    channel.questionListener?.({
      type: 'question-asked',
      roomId: 5,
      question: { ...question('q2'), askerId: 9, askerName: 'Pia', riskCategories: ['self-harm'], handledByName: null } as never,
    });
    expect(chat.questions.queue.map((entry) => entry.id)).toEqual(['q0', 'q2']);

    server.on('POST /api/rooms/5/questions/q2/answer', () =>
      json(200, { ...question('q2', 'ANSWERED'), askerId: 9, askerName: 'Pia', riskCategories: ['self-harm'] }),
    );
    await chat.questions.answer('q2', 'Vastaus');
    expect(server.requests.at(-1)?.body).toEqual({ answer: 'Vastaus' });
    expect(chat.questions.queue.find((entry) => entry.id === 'q2')?.state).toBe('ANSWERED');
    chat.close();
    expect(channel.questionListener).toBeNull();
  });
});
