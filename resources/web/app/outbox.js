// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Messages the user typed that the server has not confirmed yet. Each keeps its id for
// life: a resend after a reconnect or a rate_limited refusal carries the SAME id, and the
// server answers a duplicate with the original (dup), so it appears exactly once.
// Pure logic for `node --test`; the connection decides when to call these.

export class Outbox {
  constructor(entries = []) {
    this.entries = entries.map((e) => ({ ...e, inFlight: false }));
  }

  /** Queues a say (target = room) or whisper (target = nick). Returns the entry. */
  add(kind, target, text, id) {
    const entry = { id, kind, target, text, sends: 0, inFlight: false, waiting: false };
    this.entries.push(entry);
    return entry;
  }

  get size() {
    return this.entries.length;
  }

  find(id) {
    return this.entries.find((e) => e.id === id);
  }

  /** The client message for an entry (the same id every time). */
  static frame(entry) {
    return entry.kind === 'whisper'
      ? { type: 'whisper', id: entry.id, to: entry.target, text: entry.text }
      : { type: 'say', id: entry.id, room: entry.target, text: entry.text };
  }

  /** Entries to put on the wire now, in order. While any entry waits after rate_limited,
   *  only the first waiting one goes (one at a time, in order). */
  due() {
    const waiting = this.entries.find((e) => e.waiting);
    if (waiting) return waiting.inFlight ? [] : [waiting];
    return this.entries.filter((e) => !e.inFlight);
  }

  markSent(entry) {
    entry.sends++;
    entry.inFlight = true;
  }

  /** A reply with re = id came back: the entry is done. Returns it (or undefined). */
  delivered(id) {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0) return undefined;
    return this.entries.splice(i, 1)[0];
  }

  /** rate_limited: the server dropped it; it waits and goes again with the same id. */
  refused(id) {
    const e = this.find(id);
    if (!e) return undefined;
    e.inFlight = false;
    e.waiting = true;
    return e;
  }

  /** The connection dropped: nothing is in flight any more; all go again on the next. */
  connectionLost() {
    for (const e of this.entries) e.inFlight = false;
  }

  /** What survives a reload (sessionStorage). */
  toJSON() {
    return this.entries.map(({ id, kind, target, text }) => ({ id, kind, target, text }));
  }
}
