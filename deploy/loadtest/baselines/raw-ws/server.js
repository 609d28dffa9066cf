'use strict';
// The ceiling for Tukipiiri's load test: a bare WebSocket broadcast server. A client joins one room by
// connecting to /?room=NAME; every text message it sends is passed, byte for byte, to the room's other
// members. Nothing is parsed, stored or checked, and nothing is acknowledged.
//
//   PORT (default 8081), HOST (default 127.0.0.1), PERMESSAGE_DEFLATE=1 to accept permessage-deflate
//   (every message compressed, threshold 0, as Tomcat does).

const http = require('node:http');
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.env.PORT || 8081);
const host = process.env.HOST || '127.0.0.1';
const deflate = process.env.PERMESSAGE_DEFLATE === '1';

/** room name → the sockets in it */
const rooms = new Map();

const server = http.createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' });
  response.end(request.url === '/health' ? 'ok\n' : 'not found\n');
});
const wss = new WebSocketServer({ server, perMessageDeflate: deflate ? { threshold: 0 } : false });

wss.on('connection', (socket, request) => {
  const room = new URL(request.url, 'http://localhost').searchParams.get('room');
  if (!room) {
    socket.close(1008, 'room required');
    return;
  }
  let members = rooms.get(room);
  if (!members) {
    members = new Set();
    rooms.set(room, members);
  }
  members.add(socket);

  socket.on('message', (data, isBinary) => {
    for (const member of members) {
      if (member !== socket && member.readyState === WebSocket.OPEN) {
        member.send(data, { binary: isBinary });
      }
    }
  });
  socket.on('close', () => {
    members.delete(socket);
    if (members.size === 0) {
      rooms.delete(room);
    }
  });
  socket.on('error', () => socket.terminate());
});

server.listen(port, host, () => {
  console.log(`raw-ws baseline listening on ws://${host}:${port}/?room=NAME (permessage-deflate ${deflate ? 'on' : 'off'})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    wss.clients.forEach((client) => client.terminate());
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
