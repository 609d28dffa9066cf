'use strict';
// What a typical team would build for Tukipiiri's chat, to measure Tukipiiri against: Socket.IO 4 over
// WebSocket, the Redis adapter for fan-out between nodes, PostgreSQL as the truth. Per message it does the
// work Tukipiiri does: the sender was authenticated by a JWT (HS256) at connect; membership is checked in
// PostgreSQL; the room row is locked (SELECT … FOR UPDATE) and its sequence incremented, so sequence
// numbers are gap-free; the insert is idempotent on the sender's client id (ON CONFLICT DO NOTHING); the
// sender is acknowledged only after COMMIT; then the message is broadcast to the room through the adapter.
//
// Events (all with an acknowledgement):
//   join {room}                    → membership stored, socket joined; ack {ok: true}
//   send {room, clientId, body}    → ack {clientId, seq, id, duplicate} or {error}
//   broadcast to the room's other members: message {room, seq, id, authorId, clientId, body, sentAt}
//
// Environment: DATABASE_URL and REDIS_URL (required; EmbeddedServices in the load test module prints
// both), JWT_SECRET (default below, at least 32 bytes), PORT (default 8082), HOST (default 127.0.0.1),
// PG_POOL_SIZE (default 10, as Hikari's default), PERMESSAGE_DEFLATE=1 to accept permessage-deflate
// (every message compressed, threshold 0, as Tomcat does).

const http = require('node:http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');
const { Pool } = require('pg');
const jwt = require('jsonwebtoken');

const port = Number(process.env.PORT || 8082);
const host = process.env.HOST || '127.0.0.1';
const secret = process.env.JWT_SECRET || 'tukipiiri-loadtest-baseline-secret-32-bytes-or-more';
const deflate = process.env.PERMESSAGE_DEFLATE === '1';
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_BODY = 4000;

if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  console.error('Set DATABASE_URL and REDIS_URL (see deploy/loadtest/README.md: EmbeddedServices)');
  process.exit(2);
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_SIZE || 10) });

const SCHEMA = `
create table if not exists baseline_rooms (
  id text primary key,
  last_seq bigint not null default 0
);
create table if not exists baseline_members (
  room_id text not null references baseline_rooms (id),
  account_id text not null,
  primary key (room_id, account_id)
);
create table if not exists baseline_messages (
  room_id text not null references baseline_rooms (id),
  seq bigint not null,
  id uuid not null default gen_random_uuid(),
  author_id text not null,
  client_id text not null,
  body text not null,
  sent_at timestamptz not null default now(),
  primary key (room_id, seq),
  unique (room_id, author_id, client_id)
);`;

async function join(room, accountId) {
  await pool.query('insert into baseline_rooms (id) values ($1) on conflict do nothing', [room]);
  await pool.query('insert into baseline_members (room_id, account_id) values ($1, $2) on conflict do nothing', [room, accountId]);
}

/** Stores one message in its own transaction; resolves once committed. */
async function store(room, authorId, clientId, body) {
  const db = await pool.connect();
  try {
    await db.query('begin');
    const member = await db.query('select 1 from baseline_members where room_id = $1 and account_id = $2', [room, authorId]);
    if (member.rowCount === 0) {
      await db.query('rollback');
      return { error: 'room.not_member' };
    }
    const locked = await db.query('select last_seq from baseline_rooms where id = $1 for update', [room]);
    const seq = Number(locked.rows[0].last_seq) + 1;
    const inserted = await db.query(
      `insert into baseline_messages (room_id, seq, author_id, client_id, body) values ($1, $2, $3, $4, $5)
       on conflict (room_id, author_id, client_id) do nothing returning id, sent_at`,
      [room, seq, authorId, clientId, body]);
    if (inserted.rowCount === 0) {
      const original = await db.query(
        'select seq, id, sent_at from baseline_messages where room_id = $1 and author_id = $2 and client_id = $3',
        [room, authorId, clientId]);
      await db.query('commit');
      const row = original.rows[0];
      return { duplicate: true, message: { room, seq: Number(row.seq), id: row.id, authorId, clientId, body, sentAt: row.sent_at } };
    }
    await db.query('update baseline_rooms set last_seq = $2 where id = $1', [room, seq]);
    await db.query('commit');
    const row = inserted.rows[0];
    return { duplicate: false, message: { room, seq, id: row.id, authorId, clientId, body, sentAt: row.sent_at } };
  } catch (error) {
    await db.query('rollback').catch(() => {});
    throw error;
  } finally {
    db.release();
  }
}

async function main() {
  await pool.query(SCHEMA);

  const pubClient = createClient({ url: process.env.REDIS_URL });
  const subClient = pubClient.duplicate();
  pubClient.on('error', (error) => console.error('redis', error.message));
  subClient.on('error', (error) => console.error('redis', error.message));
  await Promise.all([pubClient.connect(), subClient.connect()]);

  const server = http.createServer((request, response) => {
    response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' });
    response.end(request.url === '/health' ? 'ok\n' : 'not found\n');
  });
  const io = new Server(server, {
    transports: ['websocket'],
    serveClient: false,
    perMessageDeflate: deflate ? { threshold: 0 } : false,
    adapter: createAdapter(pubClient, subClient),
  });

  io.use((socket, next) => {
    try {
      const claims = jwt.verify(String(socket.handshake.auth?.token || ''), secret, { algorithms: ['HS256'] });
      socket.data.accountId = String(claims.sub);
      next();
    } catch {
      next(new Error('auth.unauthenticated'));
    }
  });

  io.on('connection', (socket) => {
    const accountId = socket.data.accountId;

    socket.on('join', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const room = String(request?.room || '');
      if (!room) return ack({ error: 'validation.failed' });
      try {
        await join(room, accountId);
        socket.join(room);
        ack({ ok: true });
      } catch (error) {
        console.error('join', error.message);
        ack({ error: 'server.error' });
      }
    });

    socket.on('send', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const room = String(request?.room || '');
      const clientId = String(request?.clientId || '');
      const body = typeof request?.body === 'string' ? request.body.trim() : '';
      if (!CLIENT_ID.test(clientId)) return ack({ clientId, error: 'message.invalid_client_id' });
      if (!body) return ack({ clientId, error: 'message.empty' });
      if (body.length > MAX_BODY) return ack({ clientId, error: 'message.too_long' });
      let stored;
      try {
        stored = await store(room, accountId, clientId, body);
      } catch (error) {
        console.error('send', error.message);
        return ack({ clientId, error: 'server.error' });
      }
      if (stored.error) return ack({ clientId, error: stored.error });
      const { message } = stored;
      ack({ clientId, seq: message.seq, id: message.id, duplicate: stored.duplicate });
      if (!stored.duplicate) {
        socket.to(room).emit('message', message);
      }
    });
  });

  server.listen(port, host, () => {
    console.log(`socketio baseline listening on ws://${host}:${port}/socket.io/ (permessage-deflate ${deflate ? 'on' : 'off'})`);
  });

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      setTimeout(() => process.exit(0), 3000).unref();
      io.close();
      await Promise.allSettled([pubClient.quit(), subClient.quit(), pool.end()]);
      process.exit(0);
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
