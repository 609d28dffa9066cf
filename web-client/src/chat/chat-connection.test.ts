import type { IStompSocket } from '@stomp/stompjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem.ts';
import { settle } from '../testing/fakes.ts';
import { ChatConnection, type RoomListener, brokerUrlFor, renewalDelay } from './chat-connection.ts';
import type { ConnectionStatus } from './events.ts';

type Frame = { command: string; headers: Record<string, string>; body: string };

/** A WebSocket stand-in: records what the client sends, and lets the test play the server. */
class FakeSocket implements IStompSocket {
  url = 'ws://tukipiiri.test/ws';
  readyState = 0;
  binaryType = 'arraybuffer';
  onclose: ((event?: unknown) => unknown) | null = null;
  onerror: ((event: unknown) => unknown) | null = null;
  onmessage: ((event: { data: string }) => unknown) | null = null;
  onopen: ((event?: unknown) => unknown) | null = null;
  readonly frames: Frame[] = [];

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
    for (const raw of text.split('\0')) {
      const chunk = raw.replace(/^\n+/, '');
      if (chunk === '') continue;
      const [head = '', body = ''] = chunk.split('\n\n');
      const [command = '', ...lines] = head.split('\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon)] = line.slice(colon + 1);
      }
      this.frames.push({ command, headers, body });
    }
  }

  close(): void {
    this.terminate();
  }

  terminate(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '', wasClean: false });
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  serverSends(command: string, headers: Record<string, string>, body = ''): void {
    const lines = [command, ...Object.entries(headers).map(([name, value]) => `${name}:${value}`), '', body];
    this.onmessage?.({ data: `${lines.join('\n')}\0` });
  }

  sent(command: string): Frame[] {
    return this.frames.filter((frame) => frame.command === command);
  }

  subscriptionId(destination: string): string {
    const frame = this.sent('SUBSCRIBE').find((candidate) => candidate.headers['destination'] === destination);
    if (frame === undefined) throw new Error(`not subscribed to ${destination}`);
    return frame.headers['id'] ?? '';
  }
}

function setup(
  accessToken: (forceRefresh: boolean) => Promise<string> = async (force) => (force ? 'fresh' : 'old'),
  accessTokenExpiresAt?: () => number | null,
) {
  const sockets: FakeSocket[] = [];
  const tokenCalls: boolean[] = [];
  const connection = new ChatConnection({
    brokerURL: () => 'ws://tukipiiri.test/ws',
    accessToken: (force) => {
      tokenCalls.push(force);
      return accessToken(force);
    },
    ...(accessTokenExpiresAt === undefined ? {} : { accessTokenExpiresAt }),
    webSocketFactory: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    jitterMs: 0,
  });
  const statuses: ConnectionStatus[] = [];
  connection.on('status-changed', (event) => statuses.push(event.status));
  let connects = 0;
  connection.on('connected', () => {
    connects += 1;
  });
  return { connection, sockets, tokenCalls, statuses, connects: () => connects };
}

async function connect(socket: FakeSocket | undefined): Promise<FakeSocket> {
  if (socket === undefined) throw new Error('no socket was opened');
  socket.open();
  socket.serverSends('CONNECTED', { version: '1.2', 'heart-beat': '0,0' });
  await settle();
  return socket;
}

function recorder() {
  const seen: unknown[] = [];
  const listener: RoomListener = {
    message: (message) => seen.push(['message', message.seq, message.body]),
    presence: (change) => seen.push([change.type, change.member.displayName]),
    typing: (notice) => seen.push(['typing', notice.displayName]),
    moderation: (event) => seen.push(['moderation', event.type]),
    floor: (event) => seen.push(['floor', event.type]),
    revision: (revision) => seen.push([revision.type, revision.seq, revision.type === 'edited' ? revision.body : null]),
    subscribed: () => seen.push(['subscribed']),
  };
  return { seen, listener };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('chat connection', () => {
  it('connects with the bearer token and heartbeats, then subscribes the queues and the watched rooms', async () => {
    const { connection, sockets, statuses, connects } = setup();
    const { listener } = recorder();
    connection.watchRoom('5', listener);
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);

    const [hello] = socket.sent('CONNECT');
    expect(hello?.headers['Authorization']).toBe('Bearer old');
    expect(hello?.headers['heart-beat']).toBe('10000,10000');
    expect(socket.sent('SUBSCRIBE').map((frame) => frame.headers['destination'])).toEqual([
      '/user/queue/acks',
      '/user/queue/errors',
      '/user/queue/moderation',
      '/user/queue/questions',
      '/topic/rooms/5/presence',
      '/topic/rooms/5/typing',
      '/topic/rooms/5/floor',
      '/topic/rooms/5/moderation',
      '/topic/rooms/5',
    ]);
    expect(statuses).toEqual(['connecting', 'online']);
    expect(connects()).toBe(1);
  });

  it('asks a receipt for the room’s message subscription and tells the room when it comes', async () => {
    const { connection, sockets } = setup();
    const { seen, listener } = recorder();
    connection.watchRoom('5', listener);
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);
    const subscriptions = socket.sent('SUBSCRIBE');
    const messages = subscriptions.find((frame) => frame.headers['destination'] === '/topic/rooms/5');
    const receipt = messages?.headers['receipt'];
    expect(receipt).toBeTruthy();
    // Only the last of the room's subscriptions asks: the server handles one connection's frames in order.
    expect(subscriptions.filter((frame) => frame.headers['receipt'] !== undefined)).toHaveLength(1);
    expect(seen).toEqual([]);
    socket.serverSends('RECEIPT', { 'receipt-id': receipt ?? '' });
    await settle();
    expect(seen).toEqual([['subscribed']]);
  });

  it('follows an information session’s question queue for its hosts, and one’s own questions always', async () => {
    const { connection, sockets } = setup();
    const hosted: string[] = [];
    const own: string[] = [];
    connection.on('own-question', (event) => own.push(event.event.type));
    const unwatch = connection.watchQuestions(5, (event) => hosted.push(event.type));
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);
    expect(socket.sent('SUBSCRIBE').map((frame) => frame.headers['destination'])).toContain('/topic/rooms/5/questions');
    const deliver = (destination: string, body: unknown) =>
      socket.serverSends(
        'MESSAGE',
        { destination, subscription: socket.subscriptionId(destination), 'message-id': '1' },
        JSON.stringify(body),
      );
    deliver('/topic/rooms/5/questions', { type: 'question-withdrawn', roomId: 5, questionId: 'q1' });
    deliver('/topic/rooms/5/questions', { type: 'question-asked', roomId: 5 });
    deliver('/user/queue/questions', { type: 'question-withdrawn', roomId: 5, questionId: 'q1' });
    expect(hosted).toEqual(['question-withdrawn']);
    expect(own).toEqual(['question-withdrawn']);
    unwatch();
    expect(socket.sent('UNSUBSCRIBE')).toHaveLength(1);
  });

  it('hands room events to the room and queue events to everyone listening', async () => {
    const { connection, sockets } = setup();
    const { seen, listener } = recorder();
    const acks: string[] = [];
    const problems: string[] = [];
    const personal: string[] = [];
    connection.on('ack', (event) => acks.push(event.ack.clientId));
    connection.on('chat-problem', (event) => problems.push(event.problem.code));
    connection.on('moderation-queue', (event) => personal.push(event.event.type));
    connection.watchRoom(5, listener);
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);

    const deliver = (destination: string, body: unknown) =>
      socket.serverSends(
        'MESSAGE',
        { destination, subscription: socket.subscriptionId(destination), 'message-id': '1' },
        JSON.stringify(body),
      );
    deliver('/topic/rooms/5', {
      type: 'message',
      roomId: 5,
      seq: 1,
      id: 'a',
      authorId: 8,
      authorDisplayName: 'Matti',
      authorRole: 'PARTICIPANT',
      body: 'Hei',
      sentAt: 'x',
    });
    deliver('/topic/rooms/5/presence', { type: 'joined', roomId: 5, accountId: 8, displayName: 'Matti', role: null });
    deliver('/topic/rooms/5/typing', { type: 'typing', roomId: 5, accountId: 8, displayName: 'Matti' });
    deliver('/user/queue/acks', { clientId: 'c1', roomId: 5, seq: 2, messageId: 'b', sentAt: 'x' });
    deliver('/user/queue/errors', { code: 'rate.limited', message: 'x', clientId: null, roomId: null });
    deliver('/topic/rooms/5/moderation', { type: 'message-removed', roomId: 5, messageId: 'a', seq: 1 });
    deliver('/topic/rooms/5/moderation', { type: 'something-else', roomId: 5 });
    deliver('/user/queue/moderation', { type: 'muted', roomId: 5, until: '2026-11-23T17:00:00Z' });
    deliver('/user/queue/moderation', { type: 'muted' });
    deliver('/topic/rooms/5', 'not a message');
    deliver('/topic/rooms/5', { type: 'message-edited', roomId: 5, seq: 1, id: 'a', body: 'Hei taas', editedAt: '2026-11-30T18:01:00Z' });
    deliver('/topic/rooms/5', { type: 'message-edited', roomId: 5, seq: 1, id: 'a' });
    deliver('/topic/rooms/5', { type: 'message-deleted', roomId: 5, seq: 1, id: 'a' });

    expect(seen).toEqual([
      ['message', 1, 'Hei'],
      ['joined', 'Matti'],
      ['typing', 'Matti'],
      ['moderation', 'message-removed'],
      ['edited', 1, 'Hei taas'],
      ['deleted', 1, null],
    ]);
    expect(acks).toEqual(['c1']);
    expect(problems).toEqual(['rate.limited']);
    expect(personal).toEqual(['muted']);
  });

  it('sends messages and typing as JSON, and refuses while disconnected', async () => {
    const { connection, sockets } = setup();
    expect(connection.sendMessage(5, 'c1', 'Hei')).toBe(false);
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);
    expect(connection.sendMessage(5, 'c1', 'Hei\nkaikki')).toBe(true);
    expect(connection.sendTyping(5)).toBe(true);
    expect(connection.sendMessage(5, 'c2', 'Raskas asia', true)).toBe(true);
    const [message, typing, marked] = socket.sent('SEND');
    expect(message?.headers['destination']).toBe('/app/rooms/5/messages');
    expect(message?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(message?.body ?? '')).toEqual({ clientId: 'c1', body: 'Hei\nkaikki', sensitive: false });
    expect(typing?.headers['destination']).toBe('/app/rooms/5/typing');
    expect(typing?.body).toBe('{}');
    // the content note goes as a JSON boolean, the only form the server takes
    expect(JSON.parse(marked?.body ?? '')).toEqual({ clientId: 'c2', body: 'Raskas asia', sensitive: true });
  });

  it('unsubscribes a room that is no longer watched, message topic first', async () => {
    const { connection, sockets } = setup();
    const unwatch = connection.watchRoom('5', recorder().listener);
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);
    const topicId = socket.subscriptionId('/topic/rooms/5');
    unwatch();
    const ids = socket.sent('UNSUBSCRIBE').map((frame) => frame.headers['id']);
    expect(ids).toHaveLength(5);
    expect(ids[0]).toBe(topicId);
  });

  it('after an ERROR frame renews the token and reconnects, subscribing again', async () => {
    const { connection, sockets, tokenCalls, statuses, connects } = setup();
    connection.watchRoom('5', recorder().listener);
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.serverSends('ERROR', { message: 'auth.unauthenticated' });
    expect(statuses.at(-1)).toBe('reconnecting');

    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    const second = await connect(sockets[1]);
    expect(tokenCalls).toEqual([false, true]);
    expect(second.sent('CONNECT')[0]?.headers['Authorization']).toBe('Bearer fresh');
    expect(second.sent('SUBSCRIBE')).toHaveLength(9);
    expect(statuses.at(-1)).toBe('online');
    expect(connects()).toBe(2);
  });

  it("gives the server a fresh token a minute before the connection's token expires, without reconnecting", async () => {
    let expiresAt = Date.now() + 15 * 60_000;
    let issued = 0;
    const { connection, sockets, tokenCalls } = setup(
      async (force) => {
        if (force) {
          issued += 1;
          expiresAt = Date.now() + 15 * 60_000;
        }
        return force ? `fresh-${issued}` : 'old';
      },
      () => expiresAt,
    );
    connection.start();
    await settle();
    const socket = await connect(sockets[0]);
    await vi.advanceTimersByTimeAsync(13 * 60_000);
    await settle();
    expect(socket.sent('SEND')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    const [renewal] = socket.sent('SEND');
    expect(renewal?.headers['destination']).toBe('/app/auth/renew');
    expect(renewal?.headers['Authorization']).toBe('Bearer fresh-1');
    expect(tokenCalls).toEqual([false, true]);
    expect(sockets).toHaveLength(1);

    // and again before the renewed token expires
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    await settle();
    expect(socket.sent('SEND').map((frame) => frame.headers['Authorization'])).toEqual(['Bearer fresh-1', 'Bearer fresh-2']);
  });

  it.each(['auth.token_expired', 'auth.session_ended'])('makes the connection again with a fresh token after %s', async (code) => {
    const { connection, sockets, tokenCalls } = setup();
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.serverSends('ERROR', { message: code });
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    const second = await connect(sockets[1]);
    expect(tokenCalls).toEqual([false, true]);
    expect(second.sent('CONNECT')[0]?.headers['Authorization']).toBe('Bearer fresh');
  });

  it('renews short-lived tokens after two thirds of what is left, and never sooner than a second', () => {
    expect(renewalDelay(1_000_000 + 15 * 60_000, 1_000_000)).toBe(14 * 60_000);
    expect(renewalDelay(1_000_000 + 30_000, 1_000_000)).toBe(20_000);
    expect(renewalDelay(1_000_000 + 500, 1_000_000)).toBe(1_000);
  });

  it('tells of too many open connections without renewing the token, and tries again later', async () => {
    const { connection, sockets, tokenCalls } = setup();
    const problems: string[] = [];
    connection.on('chat-problem', (event) => problems.push(event.problem.code));
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.serverSends('ERROR', { message: 'connections.too_many' });
    expect(problems).toEqual(['connections.too_many']);

    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    await connect(sockets[1]);
    expect(tokenCalls).toEqual([false, false]);
  });

  it('keeps the token when the server cannot check it now, and tries again later', async () => {
    const { connection, sockets, tokenCalls, statuses } = setup();
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.serverSends('ERROR', { message: 'server.unavailable' });
    expect(statuses.at(-1)).toBe('reconnecting');

    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    await connect(sockets[1]);
    expect(tokenCalls).toEqual([false, false]);
  });

  it('when the server restarts, connects again after the pause it named, with the same token and calmly', async () => {
    const { connection, sockets, tokenCalls, statuses, connects } = setup();
    connection.watchRoom('5', recorder().listener);
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.serverSends('ERROR', { message: 'server.restarting', 'reconnect-after-ms': '1700' });
    await settle();
    expect(statuses.at(-1)).toBe('moving');
    expect(connection.sendMessage('5', 'c-1', 'hei')).toBe(false);

    await vi.advanceTimersByTimeAsync(1600);
    await settle();
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    const second = await connect(sockets[1]);
    expect(tokenCalls).toEqual([false, false]);
    expect(second.sent('SUBSCRIBE')).toHaveLength(9);
    expect(statuses).not.toContain('reconnecting');
    expect(statuses.at(-1)).toBe('online');
    expect(connects()).toBe(2);
  });

  it('reconnects after a rebalancing request too, and says it is reconnecting if that attempt fails', async () => {
    const { connection, sockets, statuses } = setup();
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.serverSends('ERROR', { message: 'server.rebalancing', 'reconnect-after-ms': '0' });
    await settle();
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(sockets).toHaveLength(2);
    sockets[1]?.terminate();
    expect(statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    await connect(sockets[2]);
    expect(statuses.at(-1)).toBe('online');
  });

  it('reconnects by itself when the connection drops', async () => {
    const { connection, sockets, statuses } = setup();
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    first.terminate();
    expect(statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    await connect(sockets[1]);
    expect(statuses.at(-1)).toBe('online');
  });

  it('stops when the session cannot be renewed', async () => {
    const { connection, sockets, statuses } = setup(async () => {
      throw new ApiError({ status: 401, code: 'auth.unauthenticated' });
    });
    connection.start();
    await settle();
    expect(sockets).toHaveLength(0);
    expect(statuses.at(-1)).toBe('offline');
  });

  it('subscribes the notification queue once per connection, however many listen', async () => {
    const { connection, sockets } = setup();
    const heard: string[] = [];
    connection.watchNotifications((notification) => heard.push(`a:${notification.kind}`));
    connection.start();
    await settle();
    const first = await connect(sockets[0]);
    const stopB = connection.watchNotifications((notification) => heard.push(`b:${notification.params['seriesTitle'] ?? ''}`));
    const queue = '/user/queue/notifications';
    expect(first.sent('SUBSCRIBE').filter((frame) => frame.headers['destination'] === queue)).toHaveLength(1);

    first.serverSends(
      'MESSAGE',
      { destination: queue, subscription: first.subscriptionId(queue), 'message-id': '1' },
      JSON.stringify({
        id: 'n1',
        kind: 'series.confirmed',
        subjectId: 's1',
        params: { seriesTitle: 'Isät' },
        createdAt: 'x',
        readAt: null,
      }),
    );
    first.serverSends(
      'MESSAGE',
      { destination: queue, subscription: first.subscriptionId(queue), 'message-id': '2' },
      JSON.stringify({ nothing: true }),
    );
    expect(heard).toEqual(['a:series.confirmed', 'b:Isät']);

    stopB();
    first.terminate();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    const second = await connect(sockets[1]);
    expect(second.sent('SUBSCRIBE').filter((frame) => frame.headers['destination'] === queue)).toHaveLength(1);
  });

  it('derives the endpoint from the page address', () => {
    expect(brokerUrlFor({ protocol: 'https:', host: 'tukipiiri.fi' })).toBe('wss://tukipiiri.fi/ws');
    expect(brokerUrlFor({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
  });
});
