// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The page: connect form, rooms with unread counts, whispers, members with typing, the
// conversation, notices and the frames inspector. State lives in Connection and
// Conversation; this file only draws it and turns keys and clicks into requests.

import { Connection, describeError } from './connection.js';
import { agentFrom, decodeClient, defaultRoom, limits, nickProblem, roomProblem, serverUrl, textProblem } from './codec.js';
import { Conversation } from './history.js';
import { $, atBottom, el, timeText } from './ui.js';

const state = {
  conn: null,
  me: '',
  conversations: new Map(), // '#room' or '@nick' -> Conversation
  members: new Map(), // room -> Map(nick -> {typing: timer|null})
  counts: new Map(), // room -> member count (large rooms)
  active: '',
  frames: 0,
  typingSent: 0,
  typingTimer: 0,
};

// --- conversations --------------------------------------------------------------------
function conv(key) {
  let c = state.conversations.get(key);
  if (!c) {
    c = new Conversation(key);
    state.conversations.set(key, c);
    drawRooms();
  }
  return c;
}

const roomKey = (room) => `#${room}`;
const whisperKey = (nick) => `@${nick}`;

function itemNode(item) {
  const li = el('div', `item ${item.kind}`);
  if (item.id) li.dataset.id = item.id;
  if (item.seq !== undefined) li.dataset.seq = item.seq;
  const time = el('time', 'muted', timeText(item.ts));
  switch (item.kind) {
    case 'message':
    case 'whisper': {
      const mine = item.from === state.me;
      li.classList.toggle('mine', mine);
      li.append(time, ' ', el('b', 'from', item.from), ' ', el('span', 'text', item.text));
      if (item.kind === 'whisper') li.prepend(el('span', 'tag', mine ? `to ${item.to}` : 'whisper'), ' ');
      break;
    }
    case 'pending':
      li.append(time, ' ', el('b', 'from', state.me), ' ', el('span', 'text', item.text), ' ',
        el('span', 'tag', item.waiting ? 'waiting…' : 'sending…'));
      break;
    case 'notice':
      li.append(time, ' ', el('b', 'from', 'Notice'), ' ', el('span', 'text', item.text));
      break;
    case 'error':
      li.append(time, ' ', el('span', 'text', item.text));
      break;
    case 'presence':
      li.classList.add('event');
      li.append(time, ' ', el('span', 'text', item.text));
      if (item.title) li.title = item.title; // every name (a run shows the first few)
      break;
    default:
      li.append(time, ' ', el('span', 'text', item.text));
  }
  return li;
}

function drawLog() {
  const log = $('log');
  const c = state.conversations.get(state.active);
  log.replaceChildren(...(c ? c.items.map(itemNode) : []));
  log.scrollTop = log.scrollHeight;
}

/** Mirrors one change of a Conversation into the log when it is the one on screen. */
function placed(key, index, dropped = 0) {
  if (index < 0) return;
  const c = state.conversations.get(key);
  if (key !== state.active) {
    if (c.items[index] && !['event', 'presence'].includes(c.items[index].kind)) {
      c.unread++;
      drawRooms();
    }
    return;
  }
  const log = $('log');
  const stick = atBottom(log) || c.items[index]?.from === state.me || c.items[index]?.pending;
  for (let i = 0; i < dropped && log.firstChild; i++) log.firstChild.remove();
  log.insertBefore(itemNode(c.items[index]), log.children[index] || null);
  if (stick) log.scrollTop = log.scrollHeight;
}

// --- load older ----------------------------------------------------------------------
/** Scrolled to the top of a room: asks for the page before its oldest message. */
function loadOlder() {
  const key = state.active;
  if (!key || !key.startsWith('#') || !state.conn) return;
  const c = conv(key);
  if (c.noOlder || c.loadingOlder || c.dropped) return;
  const first = c.firstSeq();
  if (first <= 1) {
    c.noOlder = first === 1;
    return;
  }
  const id = state.conn.historyBefore(key.slice(1), first);
  if (!id) return;
  c.loadingOlder = id;
  $('older').hidden = false;
}

/** The older page came: above what is shown, and what the user reads stays put. */
function olderArrived(m) {
  const key = roomKey(m.room);
  const c = conv(key);
  c.loadingOlder = null;
  const placedAt = c.addOlder(m.messages);
  if (key !== state.active) return;
  $('older').hidden = true;
  const log = $('log');
  const fromBottom = log.scrollHeight - log.scrollTop;
  for (const i of placedAt) log.insertBefore(itemNode(c.items[i]), log.children[i] || null);
  log.scrollTop = log.scrollHeight - fromBottom;
}

function addEvent(key, event) {
  const c = conv(key);
  const before = c.dropped || 0;
  const i = c.addEvent({ ts: Date.now(), ...event });
  placed(key, i, (c.dropped || 0) - before);
}

/** A join or leave: a run of them is one line, redrawn in place as it grows. */
function addPresence(key, event, nick) {
  const c = conv(key);
  const before = c.dropped || 0;
  const { index, updated } = c.addPresence(event, nick);
  if (!updated) {
    placed(key, index, (c.dropped || 0) - before);
    return;
  }
  if (key !== state.active) return;
  const node = $('log').children[index];
  if (node) node.replaceWith(itemNode(c.items[index]));
}

function addMessage(key, message) {
  const c = conv(key);
  const before = c.dropped || 0;
  const i = c.addMessage(message);
  placed(key, i, (c.dropped || 0) - before);
}

function removePending(id) {
  for (const [key, c] of state.conversations) {
    if (c.removePending(id) >= 0 && key === state.active) {
      const node = $('log').querySelector(`[data-id="${CSS.escape(id)}"].pending`);
      if (node) node.remove();
    }
  }
}

function activate(key) {
  state.active = key;
  const c = conv(key);
  c.unread = 0;
  $('conversation-title').textContent = key.startsWith('#') ? key : `Whisper with ${key.slice(1)}`;
  $('leave-room').textContent = key.startsWith('#') ? 'Leave room' : 'Close';
  $('leave-room').hidden = key === roomKey(defaultRoom) && state.conn?.rooms.size <= 1;
  $('older').hidden = !c.loadingOlder;
  drawLog();
  drawRooms();
  drawMembers();
  drawTyping();
  document.body.classList.remove('sidebar-open');
  $('sidebar-toggle').setAttribute('aria-expanded', 'false');
}

// --- sidebar ----------------------------------------------------------------------------
function drawRooms() {
  const ul = $('rooms');
  const items = [];
  for (const [key, c] of state.conversations) {
    const button = el('button', 'conv', key.startsWith('#') ? key : `✉ ${key.slice(1)}`);
    button.type = 'button';
    if (key === state.active) button.setAttribute('aria-current', 'true');
    if (c.unread) {
      const badge = el('span', 'badge', String(c.unread));
      badge.setAttribute('aria-label', `${c.unread} unread`);
      button.append(' ', badge);
    }
    button.addEventListener('click', () => activate(key));
    items.push(el('li', null, button));
  }
  ul.replaceChildren(...items);
  const unread = [...state.conversations.values()].reduce((n, c) => n + c.unread, 0);
  document.title = unread ? `(${unread}) Duplex chat` : 'Duplex chat';
  $('sidebar-toggle').textContent = unread ? `Rooms (${unread})` : 'Rooms';
}

function activeRoom() {
  return state.active.startsWith('#') ? state.active.slice(1) : '';
}

function drawMembers() {
  const room = activeRoom();
  const ul = $('members');
  const members = state.members.get(room);
  const items = [];
  if (members) {
    for (const [nick, info] of [...members].sort((a, b) => a[0].localeCompare(b[0]))) {
      const b = el('button', 'member', nick, nick === state.me ? ' (you)' : '', info.typing ? el('span', 'muted', ' typing…') : null);
      b.type = 'button';
      b.title = nick === state.me ? 'You' : `Whisper to ${nick}`;
      b.disabled = nick === state.me;
      b.addEventListener('click', () => activate(whisperKey(nick)));
      items.push(el('li', null, b));
    }
  }
  ul.replaceChildren(...items);
  const count = state.counts.get(room) ?? members?.size;
  $('member-count').textContent = room && count !== undefined ? `(${count})` : '';
}

function drawTyping() {
  const members = state.members.get(activeRoom());
  const typing = members ? [...members].filter(([n, i]) => i.typing && n !== state.me).map(([n]) => n) : [];
  $('typing').textContent = typing.length === 0 ? '\u00a0'
    : typing.length === 1 ? `${typing[0]} is typing…` : `${typing.slice(0, 3).join(', ')} are typing…`;
}

function setTyping(room, nick, on) {
  const members = state.members.get(room);
  if (!members || !members.has(nick)) return;
  const info = members.get(nick);
  clearTimeout(info.typing);
  info.typing = on ? setTimeout(() => setTyping(room, nick, false), 6000) : null;
  if (room === activeRoom()) {
    drawMembers();
    drawTyping();
  }
}

// --- server messages ----------------------------------------------------------------------
function onServerMessage(m) {
  switch (m.type) {
    case 'welcome':
      state.me = m.nick;
      break;
    case 'joined': {
      state.members.set(m.room, new Map(m.members.map((n) => [n, { typing: null }])));
      state.counts.set(m.room, m.count);
      conv(roomKey(m.room));
      if (!state.active || state.pendingActivate === m.room) {
        if (state.pendingActivate === m.room) state.pendingActivate = '';
        activate(roomKey(m.room));
      } else if (m.room === activeRoom()) drawMembers();
      break;
    }
    case 'left':
      state.members.delete(m.room);
      state.conversations.delete(roomKey(m.room));
      if (state.active === roomKey(m.room)) activate(roomKey([...state.conn.rooms][0] || defaultRoom));
      drawRooms();
      break;
    case 'history':
      if (m.re && m.re === conv(roomKey(m.room)).loadingOlder) {
        olderArrived(m);
        break;
      }
      for (const msg of m.messages) addMessage(roomKey(m.room), msg);
      break;
    case 'message':
      if (m.re) removePending(m.re);
      addMessage(roomKey(m.room), m);
      break;
    case 'whisper': {
      if (m.re) removePending(m.re);
      const peer = m.from === state.me ? m.to : m.from;
      addEvent(whisperKey(peer), { kind: 'whisper', from: m.from, to: m.to, text: m.text, ts: m.ts });
      break;
    }
    case 'presence': onPresence(m); break;
    case 'typing': setTyping(m.room, m.nick, m.on); break;
    case 'notice': {
      const teacher = m.from === 'server' ? 'Teacher' : m.from;
      // A notice pushed to this student alone says so: it is not an announcement to all.
      $('notice-text').textContent = m.to ? `${teacher} (private, only you): ${m.text}` : `${teacher}: ${m.text}`;
      $('notice').hidden = false;
      const keys = m.room ? [roomKey(m.room)] : [...state.conversations.keys()].filter((k) => k.startsWith('#'));
      for (const k of keys) addEvent(k, { kind: 'notice', text: m.to ? `(private) ${m.text}` : m.text, ts: m.ts });
      break;
    }
    case 'error':
      // rate_limited shows on the waiting message itself (or was a typing hint): no line.
      // Slow mode says how long to wait.
      if (m.code !== 'rate_limited' || m.retryAfter > 0) {
        addEvent(state.active || roomKey(defaultRoom), { kind: 'error', text: `⚠ ${describeError(m, m)}` });
      }
      break;
    default: break;
  }
}

function onPresence(m) {
  const members = state.members.get(m.room) || new Map();
  state.members.set(m.room, members);
  const key = roomKey(m.room);
  if (m.event === 'join') {
    members.set(m.nick, { typing: null });
    if (m.nick !== state.me) addPresence(key, 'join', m.nick);
  } else if (m.event === 'leave') {
    members.delete(m.nick);
    addPresence(key, 'leave', m.nick);
  } else if (m.event === 'nick') {
    members.delete(m.old);
    members.set(m.nick, { typing: null });
    if (m.old === state.me || m.nick === state.conn.nick) {
      state.me = state.conn.nick;
      $('status').textContent = `Online as ${state.me}`;
    }
    addEvent(key, { text: `${m.old} is now ${m.nick}` });
  } else if (m.event === 'count') {
    state.counts.set(m.room, m.count);
  }
  if (m.event !== 'count') state.counts.set(m.room, members.size);
  if (m.room === activeRoom()) drawMembers();
}

function onOutbox(d) {
  if (d.status === 'queued') {
    const e = d.entry;
    const key = e.kind === 'whisper' ? whisperKey(e.target) : roomKey(e.target);
    const c = conv(key);
    placed(key, c.addPending({ id: e.id, text: e.text, ts: Date.now() }));
  } else if (d.status === 'waiting' || d.status === 'resent') {
    for (const [key, c] of state.conversations) {
      const i = c.updatePending(d.id, { waiting: d.status === 'waiting' });
      if (i >= 0 && key === state.active) {
        const node = $('log').querySelector(`[data-id="${CSS.escape(d.id)}"].pending`);
        if (node) node.replaceWith(itemNode(c.items[i]));
      }
    }
  } else if (d.status === 'failed') {
    removePending(d.id);
  }
}

// --- status, inspector ------------------------------------------------------------------------
function onState(d) {
  const status = $('status');
  status.dataset.state = d.state;
  if (d.state !== 'online') {
    // A page asked on the lost connection never comes: the user may ask again.
    for (const c of state.conversations.values()) c.loadingOlder = null;
    $('older').hidden = true;
  }
  switch (d.state) {
    case 'connecting': status.textContent = 'Connecting…'; break;
    case 'handshaking': status.textContent = 'Saying hello…'; break;
    case 'online':
      status.textContent = `Online as ${state.conn.nick} · ${transportName(state.conn.transport)}`
        + (state.conn.urls.length > 1 ? ` · on ${new URL(state.conn.url).host}` : '');
      showChat();
      if (d.switched) addEvent(state.active || roomKey(defaultRoom), { text: `Switched to ${new URL(d.switched).host}.` });
      if (d.resumed) addEvent(state.active || roomKey(defaultRoom), { text: 'Reconnected: you are back in your rooms.' });
      break;
    case 'reconnecting':
      status.textContent = d.reason
        ? `The server cannot take you in right now (${d.reason}): trying again in ${Math.ceil(d.inMs / 1000)} s…`
        : `Connection lost: trying again in ${Math.ceil(d.inMs / 1000)} s…`;
      $('rtt').textContent = '';
      break;
    case 'failed':
      showForm(d.reason);
      break;
    case 'ended':
      showForm(d.reason);
      break;
    default: status.textContent = 'Not connected';
  }
}

// --- transport picker ---------------------------------------------------------------------------
const transportKey = 'duplex.transport';

function transportName(t) {
  return t.mode === 'push' ? 'Push (WebSocket)' : t.mode === 'long-poll' ? 'Long polling' : `Polling every ${t.interval} ms`;
}

function pickedTransport() {
  const mode = $('transport').value;
  const interval = Math.min(10000, Math.max(100, Number($('poll-interval').value) || 500));
  return { mode, interval };
}

function drawTransport(t) {
  $('transport').value = t.mode;
  $('poll-interval').value = String(t.interval);
  $('poll-interval').hidden = t.mode !== 'poll';
  $('transport').querySelector('option[value="poll"]').textContent = `Polling every ${t.interval} ms`;
}

function onTransportPicked() {
  const t = pickedTransport();
  drawTransport(t);
  try { localStorage.setItem(transportKey, JSON.stringify(t)); } catch { /* storage off */ }
  if (state.conn) state.conn.setTransport(t);
}

function logFrame(d) {
  if (d.http) {
    logExchange(d);
    return;
  }
  if (!$('inspector-pings').checked && /^\{"type":"p[io]ng"/.test(d.text)) return;
  const list = $('frames');
  const li = el('li', d.dir, el('span', 'dir', d.dir === 'in' ? '↓' : '↑'), ' ',
    el('time', 'muted', new Date().toLocaleTimeString()), ' ',
    el('code', null, d.text.length > 600 ? `${d.text.slice(0, 600)}…` : d.text));
  list.append(li);
  while (list.childElementCount > 200) list.firstElementChild.remove();
  if (!$('inspector').hidden) li.scrollIntoView({ block: 'nearest' });
}

/** A poll request or answer: one row, empty ones too, with its size. */
function logExchange(d) {
  const list = $('frames');
  const size = d.dir === 'in' ? `${d.bytes} bytes (head ${d.head})` : `${d.bytes} bytes body + head`;
  const li = el('li', `${d.dir} http`, el('span', 'dir', d.dir === 'in' ? '↓' : '↑'), ' ',
    el('time', 'muted', new Date().toLocaleTimeString()), ' ', el('b', null, d.what), ' ',
    el('span', 'muted', size), ' ', el('code', null, d.text.length > 600 ? `${d.text.slice(0, 600)}…` : d.text));
  list.append(li);
  while (list.childElementCount > 200) list.firstElementChild.remove();
  if (!$('inspector').hidden) li.scrollIntoView({ block: 'nearest' });
}

// --- connect form ---------------------------------------------------------------------------------
function showForm(error = '') {
  $('chat').hidden = true;
  $('connect').hidden = false;
  $('quit').hidden = true;
  $('status').textContent = 'Not connected';
  $('connect-error').textContent = error;
  $('join').disabled = false;
  if (state.conn) {
    $('nick').value = state.conn.nick;
    state.conn = null;
  }
  $(error && /nick/i.test(error) ? 'nick' : 'server').focus();
}

function showChat() {
  if (!$('chat').hidden) return;
  $('connect').hidden = true;
  $('chat').hidden = false;
  $('quit').hidden = false;
  $('message').focus();
}

function connect({ url, nick, room, saved }) {
  state.conversations.clear();
  state.members.clear();
  state.active = '';
  state.pendingActivate = saved ? saved.current?.slice(1) : room;
  const conn = new Connection({
    url, nick, code: $('join-code').value.trim(), agent: agentFrom(navigator.userAgent), storage: sessionStorage,
    token: saved?.token, rooms: saved?.rooms || (room && room !== defaultRoom ? [defaultRoom, room] : [defaultRoom]),
    lastSeq: saved?.lastSeq, outbox: saved?.outbox, transport: pickedTransport(),
    urls: clusterUrls(url),
  });
  state.conn = conn;
  state.me = nick;
  conn.addEventListener('state', (e) => onState(e.detail));
  conn.addEventListener('message', (e) => onServerMessage(e.detail));
  conn.addEventListener('frame', (e) => logFrame(e.detail));
  conn.addEventListener('transport', (e) => {
    drawTransport(e.detail);
    if (e.detail.fromServer) {
      addEvent(state.active || roomKey(defaultRoom), { text: `The teacher switched the class to: ${transportName(e.detail)}.` });
    }
    if (conn.state === 'online') onState({ state: 'online' });
  });
  conn.addEventListener('outbox', (e) => onOutbox(e.detail));
  conn.addEventListener('rtt', (e) => { $('rtt').textContent = `${e.detail.ms} ms`; });
  conn.addEventListener('reset', (e) => { conv(roomKey(e.detail.room)).reset(); drawLog(); });
  conn.addEventListener('problem', (e) => addEvent(state.active || roomKey(defaultRoom), { kind: 'error', text: e.detail.text }));
  if (saved?.outbox) {
    for (const entry of conn.outbox.entries) onOutbox({ status: 'queued', entry });
  }
  conn.start();
}

function onJoinSubmit(event) {
  event.preventDefault();
  const url = serverUrl($('server').value, location.protocol);
  const nick = $('nick').value.trim();
  const room = $('first-room').value.trim().toLowerCase();
  const error = !url ? 'Type the server address, for example 192.168.1.23:8080.'
    : nickProblem(nick) || (room && roomProblem(room)) || '';
  $('connect-error').textContent = error;
  if (error) {
    $(url ? (nickProblem(nick) ? 'nick' : 'first-room') : 'server').focus();
    return;
  }
  $('join').disabled = true;
  $('status').textContent = 'Connecting…';
  connect({ url, nick, room: room || defaultRoom });
}

// --- sending ------------------------------------------------------------------------------------
function onSend(event) {
  event.preventDefault();
  const box = $('message');
  const text = box.value;
  if (!text.trim() || !state.conn) return;
  if (text.startsWith('/') && command(text)) {
    box.value = '';
    autosize();
    return;
  }
  const problem = textProblem(text);
  if (problem === 'too_long') {
    addEvent(state.active, { kind: 'error', text: `⚠ A message has at most ${limits.textMax} characters.` });
    return;
  }
  if (state.active.startsWith('@')) state.conn.whisper(state.active.slice(1), text);
  else state.conn.say(activeRoom(), text);
  box.value = '';
  autosize();
  stopTyping();
}

/** Slash commands like the Qt client's: /join ROOM, /leave, /nick NEW, /w NICK TEXT. */
function command(text) {
  const [, name, rest = ''] = text.match(/^\/(\S+)\s*([\s\S]*)$/) || [];
  const arg = rest.trim();
  switch ((name || '').toLowerCase()) {
    case 'join': enterRoom(arg); return true;
    case 'leave': leaveActive(); return true;
    case 'nick': if (arg) state.conn.changeNick(arg); return true;
    case 'w': case 'msg': case 'whisper': {
      const [, to, body] = arg.match(/^(\S+)\s+([\s\S]+)$/) || [];
      if (to && body) state.conn.whisper(to, body);
      return true;
    }
    default: return false;
  }
}

function enterRoom(name) {
  const room = name.replace(/^#/, '').trim().toLowerCase();
  const problem = roomProblem(room);
  if (problem) {
    addEvent(state.active, { kind: 'error', text: `⚠ ${problem}` });
    return;
  }
  if (state.conversations.has(roomKey(room))) {
    activate(roomKey(room));
    return;
  }
  state.pendingActivate = room;
  state.conn.join(room);
}

function leaveActive() {
  if (state.active.startsWith('@')) {
    state.conversations.delete(state.active);
    activate(roomKey([...state.conn.rooms][0] || defaultRoom));
    return;
  }
  const room = activeRoom();
  if (room && state.conn.rooms.size > 1) state.conn.leave(room);
}

function stopTyping() {
  clearTimeout(state.typingTimer);
  if (state.typingSent && state.typingRoom) state.conn?.typing(state.typingRoom, false);
  state.typingSent = 0;
}

function onInput() {
  autosize();
  const room = activeRoom();
  if (!room || !state.conn) return;
  if (!$('message').value.trim()) {
    stopTyping();
    return;
  }
  const now = Date.now();
  if (now - state.typingSent > 3000 || state.typingRoom !== room) {
    state.typingRoom = room;
    if (state.conn.typing(room, true)) state.typingSent = now;
  }
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(stopTyping, 4000);
}

function autosize() {
  const box = $('message');
  box.style.height = 'auto';
  box.style.height = `${Math.min(box.scrollHeight, 160)}px`;
}

// --- a cluster (issue 17) --------------------------------------------------------------------
// The server lists the other servers of its cluster (`--peer`) in GET /v1/cluster; the page
// may connect to exactly those (the CSP's connect-src names them) and fails over to them.
const cluster = { peers: [] };

function loadCluster() {
  if (!location.host || typeof fetch !== 'function') return;
  fetch('/v1/cluster').then((r) => (r.ok ? r.json() : { peers: [] })).then((d) => {
    cluster.peers = Array.isArray(d.peers) ? d.peers.map((p) => serverUrl(p, location.protocol)).filter(Boolean) : [];
    if (state.conn && cluster.peers.length) {
      for (const u of cluster.peers) if (!state.conn.urls.includes(u)) state.conn.urls.push(u);
    }
  }).catch(() => { /* an older server: no cluster */ });
}

/** url first, then the peers, when url is this page's own server (or one of its peers). */
function clusterUrls(url) {
  const own = serverUrl(location.host, location.protocol);
  if (!cluster.peers.length || (url !== own && !cluster.peers.includes(url))) return [];
  return [own, ...cluster.peers].filter((u) => u !== url);
}

// --- start ------------------------------------------------------------------------------------
function init() {
  loadCluster();
  const params = new URLSearchParams(location.search);
  $('server').value = location.host || '127.0.0.1:8080';
  if (params.get('nick')) $('nick').value = params.get('nick').slice(0, 24);
  if (params.get('room')) $('first-room').value = params.get('room').toLowerCase().slice(0, 32);
  if (params.get('code')) $('join-code').value = params.get('code').slice(0, 64);

  $('connect-form').addEventListener('submit', onJoinSubmit);
  $('send-form').addEventListener('submit', onSend);
  $('message').addEventListener('input', onInput);
  $('message').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) onSend(e);
  });
  $('room-form').addEventListener('submit', (e) => {
    e.preventDefault();
    enterRoom($('new-room').value);
    $('new-room').value = '';
  });
  $('leave-room').addEventListener('click', leaveActive);
  // Load older: scrolled (or, when nothing scrolls yet, wheeled) to the top.
  $('log').addEventListener('scroll', () => { if ($('log').scrollTop <= 0) loadOlder(); });
  $('log').addEventListener('wheel', (e) => { if (e.deltaY < 0 && $('log').scrollTop <= 0) loadOlder(); });
  $('quit').addEventListener('click', () => {
    const conn = state.conn;
    if (conn) conn.stop();
    showForm('');
  });
  $('notice-close').addEventListener('click', () => { $('notice').hidden = true; $('message').focus(); });
  $('inspector-toggle').addEventListener('click', () => {
    const open = $('inspector').hidden;
    $('inspector').hidden = !open;
    $('inspector-toggle').setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('inspecting', open);
  });
  $('inspector-clear').addEventListener('click', () => $('frames').replaceChildren());
  try {
    const t = JSON.parse(localStorage.getItem(transportKey) || 'null');
    if (t && ['push', 'poll', 'long-poll'].includes(t.mode)) drawTransport({ mode: t.mode, interval: Number(t.interval) || 500 });
  } catch { /* nothing saved */ }
  $('transport').addEventListener('change', onTransportPicked);
  $('poll-interval').addEventListener('change', onTransportPicked);
  $('sidebar-toggle').addEventListener('click', () => {
    const open = !document.body.classList.contains('sidebar-open');
    document.body.classList.toggle('sidebar-open', open);
    $('sidebar-toggle').setAttribute('aria-expanded', String(open));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      document.body.classList.remove('sidebar-open');
      if (!$('notice').hidden) $('notice').hidden = true;
    }
  });

  // A reload resumes: same server, nick, rooms and resume token, no form.
  const saved = Connection.saved(sessionStorage);
  if (saved) {
    $('nick').value = saved.nick;
    connect({ url: saved.url, nick: saved.nick, saved });
  } else {
    $(params.get('nick') ? 'join' : 'nick').focus();
  }
}

// Exposed for the inspector lesson ("what would the server say about this frame?").
globalThis.duplex = { decodeClient, cluster };
init();
