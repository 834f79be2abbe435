// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The browser's end of POST /v1/poll (protocol-v1-http.md, "HTTP polling transport"), the
// same rules as the Qt client's PollLink: at most one poll with `send` out at a time (so
// the server sees our messages in order), an empty poll every intervalMs (short polling,
// wait 0) or right after the last one came back (long polling), each server message handed
// over once and in `n` order, the highest `n` acknowledged in the next poll, 409 =
// session_gone. No DOM access here.

/** ws://host:port/... -> http://host:port/v1/poll (wss -> https). */
export function pollUrl(wsUrl) {
  const u = new URL(wsUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = '/v1/poll';
  u.search = '';
  u.hash = '';
  return u.toString();
}

/** The status line and header lines as the page can see them (the browser hides none of
 * ours on the same origin), with the blank line: an honest size of the response head. */
function responseHead(response) {
  let head = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`;
  for (const [name, value] of response.headers) head += `${name}: ${value}\r\n`;
  return `${head}\r\n`;
}

const utf8 = new TextEncoder();

export class PollLink {
  constructor({ url, fetch, waitMs = 0, intervalMs = 500 }) {
    this.url = url;
    this.fetch = fetch;
    this.waitMs = waitMs;
    this.intervalMs = intervalMs;
    this.session = '';
    this.lastN = 0;
    this.buffer = new Map();
    this.queue = [];
    this.out = new Set();
    this.sendOut = null;
    this.held = null;
    this.due = true;
    this.stopped = false;
    this.finishing = false;
    this.onMessage = () => {};
    this.onTransport = () => {};
    this.onExchange = () => {};
    this.onFailed = () => {};
    this.onRtt = () => {};
  }

  start() {
    if (this.waitMs === 0) this.tick = setInterval(() => { this.due = true; this.pump(); }, this.intervalMs);
    queueMicrotask(() => this.pump());
  }

  setTiming(waitMs, intervalMs) {
    const wasLong = this.waitMs > 0;
    this.waitMs = waitMs;
    this.intervalMs = intervalMs;
    clearInterval(this.tick);
    if (this.stopped || this.finishing) return;
    if (waitMs === 0) {
      this.tick = setInterval(() => { this.due = true; this.pump(); }, intervalMs);
      if (wasLong && this.held) this.due = true; // ask again: the server answers the held one
    }
    this.pump();
  }

  send(message) {
    if (this.stopped || this.finishing) return;
    this.queue.push(message);
    this.pump();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.tick);
    for (const r of this.out) r.controller.abort();
    this.out.clear();
  }

  /**
   * Before another transport takes over: drop the held poll, then one last poll
   * acknowledges what came; when that poll brings messages, they are handed over and one
   * more poll acknowledges them. That one's answer is not handed over: it stays
   * unacknowledged, and the server moves every unacknowledged message to the next
   * transport when its hello resumes the session (Engine::moveUndelivered), as it does
   * with what an aborted held poll was bringing. Before, the last poll's answer was handed
   * over and left unacknowledged: a whisper, notice or join line that arrived just before
   * the switch showed twice (room messages were merged by seq; the rest has none).
   */
  finish(done) {
    if (this.stopped) { done(); return; }
    this.finishing = true;
    this.done = done;
    clearInterval(this.tick);
    this.queue = [];
    if (this.held) {
      this.held.controller.abort();
      this.out.delete(this.held);
      this.held = null;
    }
    if (this.out.size === 0) {
      this.finalPosted = true;
      this.post(false);
    }
  }

  pump() {
    if (this.stopped || this.finishing) return;
    if (this.queue.length && !this.sendOut) {
      this.post(true);
      return;
    }
    if (this.out.size && !(this.waitMs === 0 && this.due && this.held)) return;
    if (this.waitMs > 0 || this.due) this.post(false);
  }

  /** last: the poll that only acknowledges before another transport takes over. */
  async post(withSends, last = false) {
    const body = {};
    if (this.session) body.session = this.session;
    const sends = withSends ? this.queue.splice(0) : [];
    if (withSends) body.send = sends;
    body.ack = this.lastN;
    const wait = withSends || this.finishing ? 0 : this.waitMs;
    body.wait = wait;
    const text = JSON.stringify(body);
    const r = { controller: new AbortController(), started: performance.now(), wait, last };
    this.out.add(r);
    if (withSends) this.sendOut = r;
    else {
      this.due = false;
      if (wait > 0) this.held = r;
    }
    this.onExchange({
      dir: 'out', text, bytes: utf8.encode(text).length,
      what: sends.length ? `poll + ${sends.map((m) => m.type).join(', ')}` : wait > 0 ? 'long poll' : 'poll',
    });
    let response;
    let answer = '';
    let error = '';
    try {
      response = await this.fetch(this.url, {
        method: 'POST', body: text, signal: r.controller.signal, cache: 'no-store',
        headers: { 'Content-Type': 'application/json' },
      });
      answer = await response.text();
    } catch (e) {
      error = e && e.name === 'AbortError' ? 'aborted' : `the poll failed (${e && e.message})`;
    }
    if (!this.out.delete(r)) return; // stopped, or dropped on purpose
    if (this.sendOut === r) this.sendOut = null;
    if (this.held === r) this.held = null;
    this.onReply(r, response, answer, error);
  }

  onReply(r, response, answer, error) {
    let object = null;
    if (!error && response.status === 200) {
      try {
        object = JSON.parse(answer);
      } catch { /* below */ }
    }
    const messages = object && Array.isArray(object.messages) ? object.messages : [];
    if (response) {
      const head = responseHead(response);
      this.onExchange({
        dir: 'in', text: answer, bytes: utf8.encode(head).length + utf8.encode(answer).length,
        head: utf8.encode(head).length, status: response.status, messages: messages.length,
        what: response.status !== 200 ? `poll: HTTP ${response.status}`
          : messages.length ? `poll: ${messages.length} message${messages.length === 1 ? '' : 's'}${r.last ? ', left for the next transport' : ''}` : 'poll: empty',
      });
    }
    if (this.stopped) return;
    if (response && response.status === 409) {
      this.stop();
      this.onFailed(true, 'session_gone');
      return;
    }
    if (!error && response.status !== 200) error = `the server answered the poll with HTTP ${response.status}`;
    if (!error && (!object || typeof object !== 'object')) error = 'the poll answer is not a JSON object';
    if (error) {
      if (this.finishing) {
        this.stop();
        this.done();
        return;
      }
      this.stop();
      this.onFailed(false, error);
      return;
    }
    if (r.wait === 0) this.onRtt(Math.round(performance.now() - r.started));
    if (typeof object.session === 'string' && object.session) this.session = object.session;
    for (const e of r.last ? [] : messages) {
      if (e && Number.isInteger(e.n) && e.n > this.lastN && e.m && typeof e.m === 'object') {
        this.buffer.set(e.n, JSON.stringify(e.m));
      }
    }
    this.deliver(this.out.size === 0);
    if (this.stopped) return;
    if (object.transport && typeof object.transport === 'object') this.onTransport(object.transport);
    if (this.stopped) return;
    if (this.finishing) {
      if (this.out.size) return;
      if (!this.finalPosted) {
        this.finalPosted = true;
        this.post(false);
        return;
      }
      if (!r.last && messages.length) {
        this.post(false, true); // acknowledges what that one brought
        return;
      }
      this.stop();
      this.done();
      return;
    }
    this.pump();
  }

  deliver(all) {
    const ns = [...this.buffer.keys()].sort((a, b) => a - b);
    for (const n of ns) {
      if (n !== this.lastN + 1 && !all) return; // another poll may bring the gap
      const text = this.buffer.get(n);
      this.buffer.delete(n);
      this.lastN = n;
      this.onMessage(text);
      if (this.stopped) return;
    }
  }
}
