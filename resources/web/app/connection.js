// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The browser's end of one chat session: a WebSocket speaking protocol v1 with the same
// behaviour as the Qt ClientSession: hello (with resume), reconnect with jittered
// backoff, catch-up by seq, an outbox resent with the same ids, rate_limited resent after
// a backoff, application ping for RTT and liveness (browsers cannot send WebSocket pings).
// Besides the WebSocket ("push") it speaks the HTTP polling transport of
// protocol-v1-http.md (POST /v1/poll, short or long polls, n/ack); switching resumes the
// same session. It emits plain events; main.js draws them. No DOM access here.

import { Backoff } from './backoff.js';
import { decodeServer, encode, newId, defaultRoom } from './codec.js';
import { Outbox } from './outbox.js';
import { PollLink, pollUrl } from './poll.js';

const storageKey = 'duplex.session';

/**
 * A refusal in plain words (class control included). m: the decoded error; raw: the frame
 * as parsed JSON (until, retryAfter, held).
 */
export function describeError(m, raw = {}) {
  switch (m.code) {
    case 'bad_code':
      return 'This chat needs a join code, and the one you gave is missing or wrong. Ask your teacher for it.';
    case 'banned': {
      const until = Number(raw.until) > 0 ? new Date(Number(raw.until)) : null;
      const at = until ? until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
      return at ? `You were removed from this chat until ${at}.` : 'You were removed from this chat for a while.';
    }
    case 'muted': return 'You are muted by the teacher: your message was not sent.';
    case 'room_locked': return 'This room is locked by the teacher: you cannot join it right now.';
    case 'locked': return 'The teacher has locked the chat: nobody new can join right now. Try again later.';
    case 'rate_limited':
      if (Number(raw.retryAfter) > 0) {
        const s = Math.ceil(Number(raw.retryAfter) / 1000);
        return `Slow mode: one message every few seconds in this room. Wait ${s} more second${s === 1 ? '' : 's'}.`;
      }
      return m.message;
    case 'nick_taken':
      if (raw.held) {
        return 'This nickname belongs to a connection that dropped: your previous connection is still held; reconnecting resumes it. Otherwise wait two minutes or ask the teacher to free it.';
      }
      return m.message;
    default: return m.message;
  }
}

export class Connection extends EventTarget {
  /**
   * options: url, nick, agent, storage (sessionStorage or null), rooms (to rejoin),
   * token (resume), outbox (saved entries), lastSeq ({room: seq}), WebSocket (for tests),
   * urls (a cluster, issue 17: url first, then the peers' WebSocket addresses; a drop moves
   * to the next one, round robin, with the backoff).
   */
  constructor(options) {
    super();
    this.url = options.url;
    this.urls = [options.url, ...(options.urls || []).filter((u) => u && u !== options.url)];
    this.welcomedUrl = '';
    this.nick = options.nick;
    this.code = options.code || '';
    this.agent = options.agent;
    this.storage = options.storage || null;
    this.WebSocketImpl = options.WebSocket || globalThis.WebSocket;
    this.token = options.token || '';
    this.rooms = new Set(options.rooms && options.rooms.length ? options.rooms : [defaultRoom]);
    this.lastSeq = { ...(options.lastSeq || {}) };
    this.outbox = new Outbox(options.outbox || []);
    this.backoff = new Backoff({ initialMs: 1000, maxMs: 30000 });
    this.rateBackoff = new Backoff({ initialMs: 1000, maxMs: 16000 });
    this.state = 'idle';
    this.everWelcomed = Boolean(options.token);
    this.socket = null;
    this.timers = {};
    this.helloId = '';
    this.pingSent = 0;
    this.seenWhispers = new Set();
    this.transport = normalTransport(options.transport);
    this.fetchImpl = options.fetch || globalThis.fetch?.bind(globalThis);
    this.poll = null;
  }

  /** {mode: 'push'|'poll'|'long-poll', interval: ms}: switches now, resuming the session. */
  setTransport(transport, fromServer = false) {
    const t = normalTransport(transport);
    const old = this.transport;
    if (t.mode === old.mode && (t.mode !== 'poll' || t.interval === old.interval)) return;
    this.transport = t;
    this.emit('transport', { ...t, fromServer });
    if (this.stopped || !['connecting', 'handshaking', 'online'].includes(this.state)) return;
    if (this.poll && t.mode !== 'push') {
      this.poll.setTiming(t.mode === 'long-poll' ? longPollWait : 0, t.interval);
      return;
    }
    if ((old.mode === 'push') === (t.mode === 'push')) return;
    clearInterval(this.pingInterval);
    this.outbox.connectionLost();
    if (this.socket) {
      // Keep reading the old socket: the server flushes what it had written to it before
      // the new transport's hello takes the session over (then it closes it with 4000).
      const old = this.socket;
      this.socket = null;
      this.draining = old;
      setTimeout(() => { try { old.close(); } catch { /* gone */ } }, 5000);
      this.open();
    } else if (this.poll) {
      // Acknowledge what the polls brought before the WebSocket takes over.
      const link = this.poll;
      this.poll = null;
      this.setState('connecting');
      link.finish(() => { if (!this.stopped && !this.socket && !this.poll) this.open(); });
    }
  }

  // --- public ------------------------------------------------------------------------
  start() {
    this.stopped = false;
    this.open();
  }

  /** Leaves for good: close 1000 ends the session on the server; storage is cleared. */
  stop() {
    this.stopped = true;
    this.clearTimers();
    if (this.socket) {
      try { this.socket.close(1000, 'bye'); } catch { /* already closed */ }
    }
    this.socket = null;
    if (this.poll) this.poll.stop();
    this.poll = null;
    if (this.storage) this.storage.removeItem(storageKey);
    this.setState('idle');
  }

  say(room, text) {
    return this.queue('say', room, text);
  }

  whisper(to, text) {
    return this.queue('whisper', to, text);
  }

  join(room) {
    this.rooms.add(room);
    this.save();
    return this.send({ type: 'join', id: newId(), room });
  }

  leave(room) {
    this.rooms.delete(room);
    delete this.lastSeq[room];
    this.save();
    return this.send({ type: 'leave', id: newId(), room });
  }

  typing(room, on) {
    return this.send({ type: 'typing', room, on });
  }

  changeNick(nick) {
    return this.send({ type: 'nick', id: newId(), nick });
  }

  /** Asks for the page before seq `before` ("load older"); returns the request id or null. */
  historyBefore(room, before, limit = 50) {
    const id = `older-${newId()}`;
    return this.send({ type: 'history', id, room, before, limit }) ? id : null;
  }

  /** Sends a message object now when online (false otherwise). */
  send(message) {
    if (this.state !== 'online') return false;
    if (!this.poll && (!this.socket || this.socket.readyState !== 1)) return false;
    return this.sendRaw(message);
  }

  // --- internals -------------------------------------------------------------------------
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setState(state, extra = {}) {
    this.state = state;
    this.emit('state', { state, ...extra });
  }

  sendRaw(message) {
    const text = encode(message);
    if (this.poll) {
      this.poll.send(message); // shown with its poll request
      return true;
    }
    try {
      this.socket.send(text);
    } catch {
      return false;
    }
    this.emit('frame', { dir: 'out', text });
    return true;
  }

  save() {
    if (!this.storage || !this.token) return;
    try {
      this.storage.setItem(storageKey, JSON.stringify({
        url: this.url, nick: this.nick, token: this.token, rooms: [...this.rooms],
        lastSeq: this.lastSeq, outbox: this.outbox.toJSON(),
      }));
    } catch { /* storage full or disabled: a reload then shows the form */ }
  }

  static saved(storage) {
    try {
      const s = JSON.parse(storage.getItem(storageKey) || 'null');
      return s && s.token && s.url && s.nick ? s : null;
    } catch {
      return null;
    }
  }

  clearTimers() {
    for (const t of Object.values(this.timers)) clearTimeout(t);
    clearInterval(this.pingInterval);
    this.timers = {};
  }

  open() {
    this.clearTimers();
    this.setState('connecting');
    if (this.transport.mode !== 'push') {
      this.openPoll();
      return;
    }
    let socket;
    try {
      socket = new this.WebSocketImpl(this.url, 'duplex.v1');
    } catch (e) {
      this.failed(`The address is not usable: ${e.message}`);
      return;
    }
    this.socket = socket;
    this.timers.handshake = setTimeout(() => {
      if (this.socket === socket && this.state !== 'online') socket.close();
    }, 10000);
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.setState('handshaking');
      this.helloId = newId();
      const hello = { type: 'hello', id: this.helloId, nick: this.nick, agent: this.agent };
      if (this.token) hello.resume = this.token;
      if (this.code) hello.code = this.code;
      this.sendRaw(hello);
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket && this.draining !== socket) return;
      if (typeof event.data !== 'string') return;
      if (this.socket === socket) this.lastHeard = Date.now();
      this.emit('frame', { dir: 'in', text: event.data });
      this.onText(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onClosed(event.code, event.reason);
    });
  }

  /** One server message from either transport. */
  onText(text) {
    if (text.startsWith('{"type":"transport"')) {
      try {
        const t = JSON.parse(text);
        this.obeyTransport(t);
      } catch { /* not JSON: nothing to obey */ }
      return;
    }
    const decoded = decodeServer(text);
    if (!decoded.ok) {
      this.emit('problem', { text: `The server sent a frame this page does not understand (${decoded.error}).` });
      return;
    }
    this.onMessage(decoded.message, decoded.raw);
  }

  obeyTransport(t) {
    if (!t || !['push', 'poll', 'long-poll'].includes(t.mode)) return; // unknown: keep ours
    const interval = t.mode === 'poll' && t.interval > 0 ? t.interval : this.transport.interval;
    setTimeout(() => this.setTransport({ mode: t.mode, interval }, true), 0);
  }

  openPoll() {
    const link = new PollLink({
      url: pollUrl(this.url),
      fetch: this.fetchImpl,
      waitMs: this.transport.mode === 'long-poll' ? longPollWait : 0,
      intervalMs: this.transport.interval,
    });
    this.poll = link;
    this.timers.handshake = setTimeout(() => {
      if (this.poll === link && this.state !== 'online') {
        link.stop();
        this.poll = null;
        this.onClosed(1006, '');
      }
    }, 10000);
    link.onMessage = (text) => this.onText(text); // a finishing link still hands over
    link.onTransport = (t) => { if (this.poll === link) this.obeyTransport(t); };
    link.onExchange = (x) => this.emit('frame', { ...x, http: true });
    link.onRtt = (ms) => { if (this.poll === link && this.state === 'online') this.emit('rtt', { ms }); };
    link.onFailed = (gone, why) => {
      if (this.poll !== link) return;
      this.poll = null;
      if (gone && this.everWelcomed) {
        // 409 session_gone: hello again (with resume) at once. Twice within 10 s: another
        // tab keeps taking this session over; end like a WebSocket closed with 4000.
        const again = this.lastGone && Date.now() - this.lastGone < 10000;
        this.lastGone = Date.now();
        if (again) {
          this.onClosed(4000, '');
          return;
        }
        this.outbox.connectionLost();
        this.open();
        return;
      }
      this.onClosed(1006, why);
    };
    this.setState('handshaking');
    this.helloId = newId();
    const hello = { type: 'hello', id: this.helloId, nick: this.nick, agent: this.agent };
    if (this.token) hello.resume = this.token;
    link.start();
    link.send(hello);
  }

  failed(reason) {
    this.clearTimers();
    this.socket = null;
    this.setState('failed', { reason });
  }

  onClosed(code, reason) {
    clearInterval(this.pingInterval);
    this.outbox.connectionLost();
    if (this.stopped) return;
    if (code === 4000 || code === 4001 || code === 4002 || code === 4003) {
      const why = code === 4000 ? 'This session was opened somewhere else (another tab?).'
        : code === 4001 ? `The teacher removed you from the chat${reason ? `: ${reason}` : '.'}`
          : this.refusal || (code === 4002 ? 'The teacher has locked the chat: nobody new can join right now.'
            : 'You were removed from this chat for a while.');
      this.clearTimers();
      if (this.storage) this.storage.removeItem(storageKey);
      this.setState('ended', { code, reason: why });
      return;
    }
    const retryReason = this.retryReason;
    this.retryReason = '';
    if (!this.everWelcomed && !retryReason) {
      // The very first attempt: tell the form what to check instead of retrying forever.
      this.failed(this.refusal || 'Could not reach the chat server. Check the address, and that the server is running.');
      return;
    }
    // A cluster: the next attempt goes to the next server (the one that dropped may be the
    // one that died). Polling stays on the page's own origin (no CORS for /v1/poll).
    if (this.urls.length > 1 && this.transport.mode === 'push') {
      this.url = this.urls[(this.urls.indexOf(this.url) + 1) % this.urls.length];
    }
    const delay = this.backoff.next();
    this.setState('reconnecting', retryReason ? { inMs: delay, code, reason: retryReason } : { inMs: delay, code });
    this.timers.reconnect = setTimeout(() => this.open(), delay);
  }

  onMessage(m, raw = {}) {
    switch (m.type) {
      case 'welcome': return this.onWelcome(m);
      case 'joined':
        this.rooms.add(m.room);
        this.save();
        break;
      case 'left':
        this.rooms.delete(m.room);
        this.save();
        break;
      case 'history': this.onHistory(m); break;
      case 'message':
        if (m.seq > (this.lastSeq[m.room] || 0)) {
          this.lastSeq[m.room] = m.seq;
          this.save();
        }
        if (m.re) this.delivered(m.re);
        break;
      case 'whisper':
        // A resent whisper comes back as the original again: show it once.
        if (m.re && this.seenWhispers.has(m.re)) return undefined;
        if (m.re) {
          this.seenWhispers.add(m.re);
          this.delivered(m.re);
        }
        break;
      case 'presence':
        if (m.event === 'nick' && m.old && m.old === this.nick) {
          this.nick = m.nick;
          this.save();
        }
        break;
      case 'pong':
        if (typeof m.t === 'number') this.emit('rtt', { ms: Math.max(0, Math.round(performance.now() - m.t)) });
        break;
      case 'error': return this.onError(m, raw);
      default: break;
    }
    this.emit('message', m);
    return undefined;
  }

  onWelcome(m) {
    const resumed = Boolean(this.token) && m.session === this.token;
    this.token = m.session;
    this.nick = m.nick;
    this.everWelcomed = true;
    this.refusal = '';
    this.backoff.reset();
    clearTimeout(this.timers.handshake);
    const switched = Boolean(this.welcomedUrl) && this.welcomedUrl !== this.url;
    this.welcomedUrl = this.url;
    this.setState('online', { resumed, server: m.server, limits: m.limits, switched: switched ? this.url : '' });
    this.emit('message', m);
    if (!resumed) {
      // A new session: the server put us in general only; go back to our other rooms.
      for (const room of this.rooms) if (room !== defaultRoom) this.sendRaw({ type: 'join', id: newId(), room });
    }
    this.save();
    this.flushOutbox();
    this.startPing();
  }

  onHistory(m) {
    const seqs = m.messages.map((x) => x.seq);
    const known = this.lastSeq[m.room] || 0;
    if (seqs.length) {
      const first = Math.min(...seqs);
      const last = Math.max(...seqs);
      if (known > last && !m.re?.startsWith('older-')) {
        // The room starts below what we saw: the server was restarted on a new database.
        this.emit('reset', { room: m.room });
        this.lastSeq[m.room] = last;
      } else if (known && first > known + 1) {
        // A gap: ask for what was said while we were away, oldest first.
        this.sendRaw({ type: 'history', id: newId(), room: m.room, after: known, limit: 200 });
      }
      if (last > (this.lastSeq[m.room] || 0)) this.lastSeq[m.room] = last;
      this.save();
    }
  }

  onError(m, raw = {}) {
    // Class control's optional fields travel with the error (describeError reads them).
    for (const k of ['until', 'retryAfter', 'held']) if (raw[k] !== undefined) m[k] = raw[k];
    if (m.re && m.re === this.helloId && this.state !== 'online' && m.code === 'internal') {
      // Not a refusal: the server cannot take a hello right now (a cluster server that lost
      // Redis). Keep the token, close, and try again with the backoff, saying why.
      this.retryReason = m.message || 'the server could not take the hello';
      this.emit('message', m);
      if (this.socket) this.socket.close(1000, 'retry');
      if (this.poll) {
        this.poll.stop();
        this.poll = null;
        this.onClosed(1000, 'retry');
      }
      return;
    }
    if (m.re && m.re === this.helloId && this.state !== 'online') {
      // The hello was refused (nick taken, bad nick, server full...): back to the form.
      this.refusal = describeError(m, raw);
      this.everWelcomed = false;
      this.token = '';
      if (this.storage) this.storage.removeItem(storageKey);
      this.emit('message', m);
      if (this.socket) this.socket.close(1000, 'refused');
      if (this.poll) {
        this.poll.stop();
        this.poll = null;
        this.onClosed(1000, 'refused');
      }
      return;
    }
    if (this.state !== 'online' && m.message) this.refusal = m.message; // e.g. server_full
    if (m.re && this.outbox.find(m.re)) {
      if (m.code === 'rate_limited') {
        this.outbox.refused(m.re);
        const wait = raw.retryAfter > 0 ? raw.retryAfter : this.rateBackoff.next(); // slow mode
        this.emit('outbox', { id: m.re, status: 'waiting', inMs: wait });
        clearTimeout(this.timers.rate);
        this.timers.rate = setTimeout(() => this.flushOutbox(), wait);
      } else {
        this.outbox.delivered(m.re);
        this.save();
        this.emit('outbox', { id: m.re, status: 'failed', error: m });
      }
    }
    this.emit('message', m);
  }

  queue(kind, target, text) {
    const entry = this.outbox.add(kind, target, text, newId());
    this.save();
    this.emit('outbox', { id: entry.id, status: 'queued', entry });
    this.flushOutbox();
    return entry;
  }

  flushOutbox() {
    if (this.state !== 'online') return;
    for (const entry of this.outbox.due()) {
      if (!this.sendRaw(Outbox.frame(entry))) break;
      if (entry.sends > 0) this.emit('outbox', { id: entry.id, status: 'resent' });
      this.outbox.markSent(entry);
    }
  }

  delivered(id) {
    const entry = this.outbox.delivered(id);
    if (!entry) return;
    this.save();
    this.emit('outbox', { id, status: 'delivered' });
    if (entry.waiting) {
      // Paced after rate_limited: the next waiting entry goes now, the rest after it.
      this.rateBackoff.reset();
      this.flushOutbox();
    }
  }

  startPing() {
    clearInterval(this.pingInterval);
    if (this.poll) return; // every poll shows the server is there; failed polls reconnect
    const socket = this.socket;
    const ping = () => {
      if (this.socket !== socket || this.state !== 'online') return;
      // No frame for two ping periods: the connection is dead without a close; drop it.
      if (this.lastHeard && Date.now() - this.lastHeard > 25000) {
        socket.close();
        return;
      }
      this.sendRaw({ type: 'ping', t: performance.now() });
    };
    this.lastHeard = Date.now();
    ping();
    this.pingInterval = setInterval(ping, 10000);
  }
}

const longPollWait = 25000;

function normalTransport(t) {
  const mode = t && ['push', 'poll', 'long-poll'].includes(t.mode) ? t.mode : 'push';
  const n = Number(t && t.interval);
  const interval = Number.isFinite(n) && n >= 50 ? Math.min(Math.round(n), 60000) : 500;
  return { mode, interval };
}
