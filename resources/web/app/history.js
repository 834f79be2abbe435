// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// One conversation as the page shows it: room messages merged by seq exactly once
// (live, history and catch-up may overlap in any order), events (presence, notices,
// whispers) where they happened, and the user's own pending messages kept at the end
// until the server's copy comes back. Pure logic: `node --test` imports it.

export class Conversation {
  constructor(name, { maxItems = 1000 } = {}) {
    this.name = name;
    this.items = []; // display order
    this.seqs = new Set();
    this.lastSeq = 0;
    this.unread = 0;
    this.maxItems = maxItems;
  }

  /**
   * Adds a room message (it has a seq). Returns the index it was inserted at, or -1 when
   * that seq is already here. Items after a later seq, and pending items, stay after it;
   * an event stops the scan, so a live message never moves above what came before it.
   */
  addMessage(message) {
    if (this.seqs.has(message.seq)) return -1;
    this.seqs.add(message.seq);
    if (message.seq > this.lastSeq) this.lastSeq = message.seq;
    let i = this.items.length;
    while (i > 0) {
      const before = this.items[i - 1];
      if (before.pending || (before.seq !== undefined && before.seq > message.seq)) i--;
      else break;
    }
    this.items.splice(i, 0, { ...message, kind: 'message' });
    return i - this.trim();
  }

  /**
   * Adds an older page ("load older"): messages older than all held go at the very top
   * (above the events, which happened later); others before the first held message with
   * a larger seq, not after the events at the end as a live message would. Returns
   * the indices it was inserted at, in order; a page shorter than `limit` (or one that
   * reaches seq 1) means there is nothing older.
   */
  addOlder(messages, limit = 50) {
    const placed = [];
    const first = this.firstSeq();
    let top = 0;
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (this.seqs.has(message.seq)) continue;
      this.seqs.add(message.seq);
      // Older than all held: above everything (the events held happened later).
      let i = first && message.seq < first ? top++ : -1;
      if (i < 0) i = this.items.findIndex((it) => it.seq !== undefined && it.seq > message.seq);
      if (i < 0) i = this.items.findIndex((it) => it.pending);
      if (i < 0) i = this.items.length;
      this.items.splice(i, 0, { ...message, kind: 'message' });
      placed.push(i);
    }
    if (messages.length < limit || messages.some((m) => m.seq <= 1)) this.noOlder = true;
    return placed;
  }

  /** The seq of the oldest message held (0 when none). */
  firstSeq() {
    const first = this.items.find((it) => it.seq !== undefined);
    return first ? first.seq : 0;
  }

  /** Adds several; returns how many were new. */
  addMessages(messages) {
    let n = 0;
    for (const m of messages) if (this.addMessage(m) >= 0) n++;
    return n;
  }

  /** An event (no seq): goes before the pending items. Returns its index. */
  addEvent(event) {
    let i = this.items.length;
    while (i > 0 && this.items[i - 1].pending) i--;
    this.items.splice(i, 0, { ...event, kind: event.kind || 'event' });
    return i - this.trim();
  }

  /**
   * A join or leave (`event` 'join' | 'leave'). Runs of them collapse into one line ("27
   * joined: ali, ben, …") until a message or a pause of `runMs` comes between, so a class
   * arriving does not fill the chat. Returns { index, updated }: updated when an existing
   * line changed in place (redraw it), else a new line was added at index.
   */
  addPresence(event, nick, ts = Date.now(), runMs = 120000) {
    let i = this.items.length;
    while (i > 0 && this.items[i - 1].pending) i--;
    const last = this.items[i - 1];
    if (last && last.kind === 'presence' && ts - last.lastTs <= runMs) {
      (event === 'join' ? last.joined : last.left).push(nick);
      last.lastTs = ts;
      Object.assign(last, presenceText(last.joined, last.left));
      return { index: i - 1, updated: true };
    }
    const item = { kind: 'presence', ts, lastTs: ts, joined: [], left: [] };
    (event === 'join' ? item.joined : item.left).push(nick);
    Object.assign(item, presenceText(item.joined, item.left));
    this.items.splice(i, 0, item);
    return { index: i - this.trim(), updated: false };
  }

  /** One of the user's messages on its way; it stays last until confirmed. */
  addPending(entry) {
    this.items.push({ ...entry, kind: 'pending', pending: true });
    return this.items.length - 1 - this.trim();
  }

  /** Removes the pending item with that id; returns its index or -1. */
  removePending(id) {
    const i = this.items.findIndex((it) => it.pending && it.id === id);
    if (i >= 0) this.items.splice(i, 1);
    return i;
  }

  /** Marks a pending item (e.g. 'waiting'); returns its index or -1. */
  updatePending(id, changes) {
    const i = this.items.findIndex((it) => it.pending && it.id === id);
    if (i >= 0) Object.assign(this.items[i], changes);
    return i;
  }

  /** Forgets everything (the server's history was reset under us). */
  reset() {
    this.items = this.items.filter((it) => it.pending);
    this.seqs.clear();
    this.lastSeq = 0;
  }

  /** Drops the oldest items past the bound; returns how many were dropped. */
  trim() {
    const over = this.items.length - this.maxItems;
    if (over <= 0) return 0;
    const dropped = this.items.splice(0, over);
    for (const d of dropped) if (d.seq !== undefined) this.seqs.delete(d.seq);
    this.dropped = (this.dropped || 0) + over;
    return over;
  }

  /** The seq messages in order (for tests and catch-up decisions). */
  seqList() {
    return this.items.filter((it) => it.seq !== undefined).map((it) => it.seq);
  }
}

/** The line of a presence run and its tooltip (every name). */
export function presenceText(joined, left, shown = 5) {
  const names = (list) =>
    list.slice(0, shown).join(', ') + (list.length > shown ? `, … (+${list.length - shown})` : '');
  const parts = [];
  if (joined.length === 1 && !left.length) return { text: `${joined[0]} joined`, title: '' };
  if (left.length === 1 && !joined.length) return { text: `${left[0]} left`, title: '' };
  if (joined.length) parts.push(`${joined.length} joined: ${names(joined)}`);
  if (left.length) parts.push(`${left.length} left: ${names(left)}`);
  const title = [joined.length ? `Joined: ${joined.join(', ')}` : '',
    left.length ? `Left: ${left.join(', ')}` : ''].filter(Boolean).join('\n');
  return { text: parts.join(' · '), title };
}
