// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The browser client's pure logic: history merged by seq exactly once, events and pending
// messages where they belong, the outbox (same ids, rate_limited pacing), the backoff, and
// the poll link's hand-over to the next transport (nothing shown twice).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff } from '../../resources/web/app/backoff.js';
import { Conversation } from '../../resources/web/app/history.js';
import { Outbox } from '../../resources/web/app/outbox.js';

const msg = (seq, text = `m${seq}`) => ({ room: 'general', seq, from: 'ada', text, ts: seq });

test('live, history and catch-up overlap: every seq once, in order', () => {
  const c = new Conversation('#general');
  assert.equal(c.addMessage(msg(5)), 0);
  assert.equal(c.addMessage(msg(6)), 1);
  // the history after a reconnect overlaps what we have and fills what we missed
  assert.equal(c.addMessages([msg(3), msg(4), msg(5), msg(6), msg(7)]), 3);
  assert.equal(c.addMessage(msg(7)), -1);
  assert.deepEqual(c.seqList(), [3, 4, 5, 6, 7]);
  assert.equal(c.lastSeq, 7);
});

test('a message arriving out of order goes to its place', () => {
  const c = new Conversation('#general');
  c.addMessages([msg(1), msg(2), msg(4)]);
  assert.equal(c.addMessage(msg(3)), 2);
  assert.deepEqual(c.seqList(), [1, 2, 3, 4]);
});

test('events stay where they happened; pending stays last until confirmed', () => {
  const c = new Conversation('#general');
  c.addMessage(msg(1));
  c.addEvent({ text: 'bob joined' });
  c.addPending({ id: 'p1', text: 'mine' });
  c.addMessage(msg(2));
  c.addEvent({ text: 'cara joined' });
  assert.deepEqual(c.items.map((i) => i.seq ?? i.text), [1, 'bob joined', 2, 'cara joined', 'mine']);
  assert.equal(c.removePending('p1'), 4);
  c.addMessage(msg(3, 'mine'));
  assert.deepEqual(c.items.map((i) => i.seq ?? i.text), [1, 'bob joined', 2, 'cara joined', 3]);
});

test('a bounded conversation drops the oldest and forgets their seqs', () => {
  const c = new Conversation('#general', { maxItems: 3 });
  for (let i = 1; i <= 5; i++) c.addMessage(msg(i));
  assert.deepEqual(c.seqList(), [3, 4, 5]);
  assert.equal(c.dropped, 2);
});

test('reset forgets everything but what is still pending', () => {
  const c = new Conversation('#general');
  c.addMessages([msg(1), msg(2)]);
  c.addPending({ id: 'p', text: 'x' });
  c.reset();
  assert.equal(c.items.length, 1);
  assert.equal(c.lastSeq, 0);
  assert.equal(c.addMessage(msg(1)), 0);
});

test('outbox: the same id on every send, in order, until delivered', () => {
  const o = new Outbox();
  const a = o.add('say', 'general', 'one', 'id-a');
  const b = o.add('whisper', 'bob', 'two', 'id-b');
  assert.deepEqual(o.due(), [a, b]);
  for (const e of o.due()) o.markSent(e);
  assert.deepEqual(o.due(), []);
  o.connectionLost();
  assert.deepEqual(o.due().map((e) => Outbox.frame(e)), [
    { type: 'say', id: 'id-a', room: 'general', text: 'one' },
    { type: 'whisper', id: 'id-b', to: 'bob', text: 'two' },
  ]);
  assert.equal(o.delivered('id-a'), a);
  assert.equal(o.delivered('id-a'), undefined);
  assert.equal(o.size, 1);
});

test('outbox: after rate_limited one waiting entry at a time, in order', () => {
  const o = new Outbox();
  const es = ['a', 'b', 'c'].map((id) => o.add('say', 'general', id, id));
  for (const e of o.due()) o.markSent(e);
  o.refused('a');
  o.refused('b');
  assert.deepEqual(o.due(), [es[0]]);
  o.markSent(es[0]);
  assert.deepEqual(o.due(), []);
  o.delivered('a');
  assert.deepEqual(o.due(), [es[1]]);
  o.markSent(es[1]);
  o.delivered('b');
  o.delivered('c');
  assert.equal(o.size, 0);
});

test('outbox survives a reload as plain JSON', () => {
  const o = new Outbox();
  o.add('say', 'general', 'x', 'id-x');
  const again = new Outbox(JSON.parse(JSON.stringify(o)));
  assert.deepEqual(again.due().map((e) => e.id), ['id-x']);
});

test('backoff doubles up to the cap, jittered both ways, and resets', () => {
  const low = new Backoff({ initialMs: 1000, maxMs: 8000, jitter: 0.5, random: () => 0 });
  assert.deepEqual([1, 2, 3, 4, 5].map(() => low.next()), [500, 1000, 2000, 4000, 4000]);
  const high = new Backoff({ initialMs: 1000, maxMs: 8000, jitter: 0.5, random: () => 0.999999 });
  assert.deepEqual([1, 2, 3, 4, 5].map(() => high.next()), [1500, 3000, 6000, 8000, 8000]);
  high.reset();
  assert.equal(high.next(), 1500);
  const spread = new Set(Array.from({ length: 50 }, () => new Backoff().next()));
  assert.ok(spread.size > 10, 'a class does not retry in lockstep');
});

test('class control refusals in plain words (describeError)', async () => {
  const { describeError } = await import('../../resources/web/app/connection.js');
  const { decodeServer } = await import('../../resources/web/app/codec.js');
  for (const code of ['bad_code', 'banned', 'muted', 'room_locked', 'locked']) {
    const r = decodeServer(`{"type":"error","code":"${code}","message":"m"}`);
    assert.equal(r.message.code, code); // known codes, not read as 'internal'
  }
  assert.match(describeError({ code: 'bad_code', message: 'm' }), /join code/);
  const until = new Date(2026, 11, 7, 14, 35).getTime();
  assert.match(describeError({ code: 'banned', message: 'm' }, { until }), /until .*35/);
  assert.match(describeError({ code: 'muted', message: 'm' }), /muted/);
  assert.match(describeError({ code: 'room_locked', message: 'm' }), /room is locked/);
  assert.match(describeError({ code: 'locked', message: 'm' }), /locked the chat/);
  assert.match(describeError({ code: 'rate_limited', message: 'm' }, { retryAfter: 2500 }), /Wait 3 more seconds/);
  assert.equal(describeError({ code: 'rate_limited', message: 'Slow.' }, {}), 'Slow.');
  assert.match(describeError({ code: 'nick_taken', message: 'm' }, { held: true }),
    /your previous connection is still held; reconnecting resumes it/);
  assert.equal(describeError({ code: 'nick_taken', message: 'taken' }, {}), 'taken');
});

test('load older: a page goes above what is held, events and all, until seq 1', () => {
  const c = new Conversation('#general');
  c.addEvent({ text: 'bob joined' });
  c.addMessages([msg(51), msg(52)]);
  assert.equal(c.firstSeq(), 51);
  const page = [];
  for (let s = 1; s <= 50; s++) page.push(msg(s));
  const at = c.addOlder(page.slice(25)); // seqs 26..50: a page shorter than 50
  assert.equal(at.length, 25);
  assert.deepEqual(at, [...Array(25).keys()]); // at the top, above the later event
  assert.deepEqual(c.seqList().slice(0, 3), [26, 27, 28]);
  assert.equal(c.items[25].text, 'bob joined');
  assert.equal(c.noOlder, true, 'fewer than 50 came: nothing older');
  c.noOlder = false;
  c.addOlder(page.slice(0, 30)); // overlap is ignored, seq 1 ends the paging
  assert.deepEqual(c.seqList(), [...Array(52).keys()].map((i) => i + 1));
  assert.equal(c.noOlder, true);
  assert.equal(c.firstSeq(), 1);
});

test('joins and leaves in a run collapse into one line; a message or a pause ends the run', async () => {
  const { Conversation, presenceText } = await import('../../resources/web/app/history.js');
  const c = new Conversation('#general');
  const t0 = 1_000_000;
  assert.deepEqual(c.addPresence('join', 'ali', t0), { index: 0, updated: false });
  assert.equal(c.items[0].text, 'ali joined');
  for (const [i, nick] of ['ben', 'cem', 'dana', 'eli', 'fay'].entries()) {
    assert.deepEqual(c.addPresence('join', nick, t0 + 1000 * (i + 1)), { index: 0, updated: true });
  }
  c.addPresence('leave', 'ben', t0 + 9000);
  assert.equal(c.items.length, 1, '7 events, one line');
  assert.equal(c.items[0].text, '6 joined: ali, ben, cem, dana, eli, … (+1) · 1 left: ben');
  assert.match(c.items[0].title, /Joined: ali, ben, cem, dana, eli, fay/);
  c.addMessage({ seq: 1, from: 'ali', text: 'hi', ts: t0 + 10000 });
  assert.equal(c.addPresence('join', 'gus', t0 + 11000).updated, false, 'a message ends the run');
  assert.equal(c.addPresence('join', 'hal', t0 + 11000 + 121000).updated, false, 'so does a pause');
  assert.equal(c.items.length, 4);
  assert.deepEqual(presenceText([], ['zoe']), { text: 'zoe left', title: '' });
});

/**
 * A fake POST /v1/poll for PollLink: answers each poll from `script` (a function of the
 * parsed body returning {messages}), records the bodies; `hold` keeps a wait > 0 poll
 * pending until it is aborted.
 */
function fakePollServer(script) {
  const bodies = [];
  const fetch = (url, init) => new Promise((resolve, reject) => {
    const body = JSON.parse(init.body);
    bodies.push(body);
    const answer = () => ({
      status: 200, statusText: 'OK', headers: new Map([['content-type', 'application/json']]),
      text: async () => JSON.stringify({ session: 's1', ...script(body) }),
    });
    if (body.wait > 0) {
      init.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      return;
    }
    queueMicrotask(() => resolve(answer()));
  });
  return { fetch, bodies };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('poll -> WebSocket: what the last polls bring is handed over once and acknowledged; the rest is left to the next transport', async () => {
  const { PollLink } = await import('../../resources/web/app/poll.js');
  // The mailbox: n 1 is delivered by the first poll; n 2 (a whisper, no seq) arrives just
  // before the switch, while a long poll is held; n 3 arrives during the switch.
  const mailbox = [{ n: 1, m: { type: 'welcome' } }];
  const server = fakePollServer((body) => ({ messages: mailbox.filter((e) => e.n > body.ack) }));
  const link = new PollLink({ url: 'http://127.0.0.1/v1/poll', fetch: server.fetch, waitMs: 25000 });
  const got = [];
  link.onMessage = (text) => {
    got.push(JSON.parse(text).type);
    if (got.length === 2) mailbox.push({ n: 3, m: { type: 'notice', text: 'during the switch' } });
  };
  link.start();
  link.send({ type: 'hello' });
  await settle();
  assert.deepEqual(got, ['welcome']);
  assert.ok(link.held, 'a long poll is held');
  mailbox.push({ n: 2, m: { type: 'whisper', from: 'zed', text: 'psst' } });
  const exchanges = [];
  link.onExchange = (x) => exchanges.push(x);
  let done = false;
  link.finish(() => { done = true; });
  for (let i = 0; i < 5; i++) await settle();
  assert.ok(done, 'the next transport may open');
  // The held poll was aborted; the last poll (ack 1) brought the whisper: handed over, and
  // acknowledged by one more poll (ack 2), whose answer (the notice) stays unacknowledged:
  // the server moves it to the WebSocket that resumes the session. Handed over here too, it
  // would show twice (before: the whisper did).
  assert.deepEqual(server.bodies.slice(-2).map((b) => [b.ack, b.wait]), [[1, 0], [2, 0]]);
  assert.deepEqual(got, ['welcome', 'whisper']);
  assert.match(exchanges.at(-1).what, /1 message, left for the next transport/);
});

test('poll -> WebSocket with a send out: its answer is handed over and acknowledged first', async () => {
  const { PollLink } = await import('../../resources/web/app/poll.js');
  const mailbox = [{ n: 1, m: { type: 'welcome' } }];
  let release;
  const server = fakePollServer((body) => ({ messages: mailbox.filter((e) => e.n > body.ack) }));
  const fetch = (url, init) => {
    const body = JSON.parse(init.body);
    if (!body.send?.some((m) => m.type === 'say')) return server.fetch(url, init);
    // The send's answer comes after finish() was called, with the echo of the say.
    server.bodies.push(body);
    return new Promise((resolve) => { release = resolve; });
  };
  const link = new PollLink({ url: 'http://127.0.0.1/v1/poll', fetch, waitMs: 0, intervalMs: 60000 });
  const got = [];
  link.onMessage = (text) => got.push(JSON.parse(text).type);
  link.start();
  link.send({ type: 'hello' });
  await settle();
  link.send({ type: 'say', id: 'a1', text: 'hi' });
  await settle();
  let done = false;
  link.finish(() => { done = true; });
  mailbox.push({ n: 2, m: { type: 'message', re: 'a1' } });
  const answer = JSON.stringify({ messages: mailbox.filter((e) => e.n > 1) });
  release({ status: 200, statusText: 'OK', headers: new Map(), text: async () => answer });
  for (let i = 0; i < 5; i++) await settle();
  assert.ok(done);
  assert.deepEqual(got, ['welcome', 'message'], 'the send\'s answer is handed over once');
  assert.equal(server.bodies.at(-1).ack, 2, 'and acknowledged by the last poll');
  assert.equal(server.bodies.filter((b) => b.ack === 2).length, 1, 'which brought nothing: no more polls');
});
