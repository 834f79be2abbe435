// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
//
// The peer Duplex races: a protocol-v1 subset server on Node.js + `ws`, written the way a
// competent Node developer would: one process, JSON.stringify once per broadcast (plus the
// sender's own copy with `re`), presence with the contract's large-room rule, a heartbeat,
// and a cap on each client's buffered output like Duplex's slow-reader cap.
// Usage: node ws-broadcast.js [--port N] (binds 127.0.0.1 only; port 0 picks a free one)
'use strict';
const { WebSocketServer, WebSocket } = require('ws');

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 8080;
const LARGE_ROOM = 1000;
const MAX_BUFFERED = 4 * 1024 * 1024;
const NICK_RE = /^[\p{L}\p{M}\p{N}_.-]{1,24}$/u;
const ROOM_RE = /^[a-z0-9_-]{1,32}$/;

const rooms = new Map();      // name -> { members: Set<ws>, seq, countDirty }
const nicks = new Map();      // lower-case nick -> ws
let sessionCounter = 0;

function room(name) {
  let r = rooms.get(name);
  if (!r) { r = { members: new Set(), seq: 0, countDirty: false }; rooms.set(name, r); }
  return r;
}

function send(ws, data) {
  if (ws.readyState !== WebSocket.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED) { ws.close(1008, 'too slow'); return; }
  ws.send(data);
}

function broadcast(r, data, except) {
  for (const m of r.members) if (m !== except) send(m, data);
}

function error(ws, code, message, re) {
  const e = { type: 'error', code, message };
  if (re !== undefined) e.re = re;
  send(ws, JSON.stringify(e));
}

function join(ws, name, re) {
  const r = room(name);
  if (r.members.has(ws)) return;
  r.members.add(ws);
  ws.rooms.add(name);
  const count = r.members.size;
  const joined = { type: 'joined', room: name, count,
                   members: count <= LARGE_ROOM ? [...r.members].map((m) => m.nick) : [] };
  if (re !== undefined) joined.re = re;
  send(ws, JSON.stringify(joined));
  const history = { type: 'history', room: name, messages: [] };
  if (re !== undefined) history.re = re;
  send(ws, JSON.stringify(history));
  if (count > LARGE_ROOM) r.countDirty = true;
  else broadcast(r, JSON.stringify({ type: 'presence', room: name, event: 'join', nick: ws.nick }), ws);
}

function leave(ws, name) {
  const r = rooms.get(name);
  if (!r || !r.members.delete(ws)) return;
  ws.rooms.delete(name);
  if (r.members.size >= LARGE_ROOM) r.countDirty = true;
  else broadcast(r, JSON.stringify({ type: 'presence', room: name, event: 'leave', nick: ws.nick }));
}

// Large rooms: one coalesced count per second instead of a presence per join.
setInterval(() => {
  for (const [name, r] of rooms) {
    if (!r.countDirty) continue;
    r.countDirty = false;
    broadcast(r, JSON.stringify({ type: 'presence', room: name, event: 'count', count: r.members.size }));
  }
}, 1000);

const wss = new WebSocketServer({
  host: '127.0.0.1', port, maxPayload: 64 * 1024, perMessageDeflate: false, backlog: 4096,
  handleProtocols: (protocols) => (protocols.has('duplex.v1') ? 'duplex.v1' : false),
});

wss.on('connection', (ws) => {
  ws.nick = null;
  ws.rooms = new Set();
  ws.isAlive = true;
  ws.on('pong', () => { ws.isAlive = true; });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return error(ws, 'binary_unsupported', 'Binary frames are not supported.');
    let msg;
    try { msg = JSON.parse(data); } catch { return error(ws, 'bad_json', 'Not JSON.'); }
    if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return error(ws, 'bad_json', 'Not a JSON object.');
    const re = typeof msg.id === 'string' ? msg.id : undefined;
    if (ws.nick === null && msg.type !== 'hello') return error(ws, 'not_welcomed', 'Say hello first.', re);
    switch (msg.type) {
      case 'hello': {
        if (ws.nick !== null) return error(ws, 'already_welcomed', 'Already welcomed.', re);
        if (typeof msg.nick !== 'string' || !NICK_RE.test(msg.nick)) return error(ws, 'bad_nick', 'Invalid nick.', re);
        const key = msg.nick.toLowerCase();
        if (nicks.has(key)) return error(ws, 'nick_taken', 'Nick taken.', re);
        ws.nick = msg.nick;
        nicks.set(key, ws);
        const welcome = { type: 'welcome', protocol: 1, server: 'ws-broadcast', nick: ws.nick,
                          session: String(++sessionCounter),
                          limits: { maxText: 4000, maxBytes: 65536, ratePerSec: 0, burst: 0 } };
        if (re !== undefined) welcome.re = re;
        send(ws, JSON.stringify(welcome));
        join(ws, 'general', re);
        return;
      }
      case 'join':
        if (typeof msg.room !== 'string' || !ROOM_RE.test(msg.room)) return error(ws, 'bad_room', 'Invalid room.', re);
        return join(ws, msg.room, re);
      case 'leave':
        leave(ws, msg.room);
        return send(ws, JSON.stringify({ type: 'left', room: msg.room }));
      case 'say': {
        const r = rooms.get(msg.room);
        if (!r || !r.members.has(ws)) return error(ws, 'not_in_room', 'Not in that room.', re);
        if (typeof msg.text !== 'string') return error(ws, 'bad_message', 'Text must be a string.', re);
        const text = msg.text.trim();
        if (!text) return error(ws, 'empty', 'Empty text.', re);
        if ([...text].length > 4000) return error(ws, 'too_long', 'Text too long.', re);
        const out = { type: 'message', room: msg.room, seq: ++r.seq, from: ws.nick, text, ts: Date.now() };
        const data = JSON.stringify(out);      // serialised once for every other member
        broadcast(r, data, ws);
        if (re !== undefined) out.re = re;
        send(ws, re !== undefined ? JSON.stringify(out) : data);
        return;
      }
      case 'ping':
        return send(ws, JSON.stringify({ type: 'pong', t: msg.t }));
      default:
        return error(ws, 'unknown_type', 'Unknown type.', re);
    }
  });
  ws.on('close', () => {
    for (const name of [...ws.rooms]) leave(ws, name);
    if (ws.nick !== null && nicks.get(ws.nick.toLowerCase()) === ws) nicks.delete(ws.nick.toLowerCase());
  });
  ws.on('error', () => {});
});

// Keep-alive: ping every 15 s, drop a peer that did not answer the previous one.
setInterval(() => {
  for (const ws of wss.clients) {
    if (!ws.isAlive) { ws.terminate(); continue; }
    ws.isAlive = false;
    ws.ping();
  }
}, 15000);

wss.on('listening', () => {
  console.log(`listening on 127.0.0.1:${wss.address().port}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
