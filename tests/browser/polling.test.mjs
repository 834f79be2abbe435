// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The page on the HTTP polling transport (issue 13): switched from push to polling, long
// polling and back while chatting with a Qt client on WebSocket, every message arrives
// exactly once and in the same order on both sides; the poll requests (empty ones too) are
// in the frames inspector; a server that puts the class on polling moves the page there; and
// a whisper that arrives just as the page leaves polling for the WebSocket shows once.
// With DUPLEX_SCREENSHOT_DIR set it writes browser-polling.png (scripts/screenshots.sh).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { joinAs, killLeftovers, launchBrowser, send, startPeer, startServer } from './helpers.mjs';

let browser;
const servers = [];
const shots = process.env.DUPLEX_SCREENSHOT_DIR;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
  killLeftovers();
});

/** False until the server answers POST /v1/poll (the server side of issue 13). */
async function serverPolls(server) {
  const r = await fetch(`${server.origin}/v1/poll`, { method: 'POST', body: '{"wait":0}', headers: { 'Content-Type': 'application/json' } });
  return r.status !== 404 && r.status !== 405;
}

/** A started server (kept in `servers`), or null when it does not poll: then `t` is skipped. */
async function pollingServer(t) {
  const server = await startServer();
  servers.push(server);
  if (await serverPolls(server)) return server;
  t.skip('this server does not answer POST /v1/poll');
  return null;
}

/** A new page and the list of the errors it throws. */
async function watchedPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  return { page, problems };
}

/** The seqs of the messages in the page's conversation, in order. */
const pageSeqs = (page) => page.locator('#log .message').evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.seq)));

test('a page switched to polling keeps chatting with a WebSocket client', async (t) => {
  const server = await pollingServer(t);
  if (!server) return;
  const { page, problems } = await watchedPage();
  const polls = [];
  page.on('request', (r) => { if (r.url().endsWith('/v1/poll')) polls.push(r.postData()); });
  await joinAs(page, server.origin, 'pia');
  const qt = await startPeer(server.ws, 'qtws');
  await page.locator('#members').getByText('qtws').waitFor();
  const log = page.getByRole('log', { name: 'Conversation' });
  let n = 0;
  const exchange = async (label) => {
    n++;
    await send(page, `page ${label} ${n}`);
    await qt.waitForMessage((m) => m.text === `page ${label} ${n}`);
    qt.say('general', `qt ${label} ${n}`);
    await log.locator('.message .text', { hasText: `qt ${label} ${n}` }).waitFor();
  };
  await exchange('push');

  await page.getByLabel('Transport').selectOption('poll');
  await page.locator('#status', { hasText: 'Polling every 500 ms' }).waitFor();
  await exchange('poll');
  await exchange('poll');
  assert.ok(polls.length >= 2, 'the page polls');
  const hello = JSON.parse(polls.find((p) => p.includes('"hello"')));
  assert.ok(hello.send[0].resume, 'the switch resumes the session');
  // Empty polls are in the inspector, with their size.
  await page.getByRole('button', { name: 'Frames' }).click();
  await page.locator('#frames li.http.in', { hasText: 'poll: empty' }).first().waitFor();
  await page.locator('#frames li.http.out', { hasText: 'poll' }).first().waitFor();
  if (shots) {
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.locator('#frames li.http.in', { hasText: 'poll: empty' }).nth(3).waitFor();
    await page.screenshot({ path: join(shots, 'browser-polling.png') });
  }

  await page.getByLabel('Transport').selectOption('long-poll');
  await page.locator('#status', { hasText: 'Long polling' }).waitFor();
  await exchange('long');
  await exchange('long');
  assert.ok(polls.some((p) => JSON.parse(p).wait > 0), 'long polls ask the server to wait');

  await page.getByLabel('Transport').selectOption('push');
  await page.locator('#status', { hasText: 'Push (WebSocket)' }).waitFor();
  await exchange('push again');

  // Exactly once, in seq order, the same as the Qt client saw.
  const seqs = await pageSeqs(page);
  assert.deepEqual(seqs, Array.from({ length: 2 * n }, (_, i) => i + 1));
  const qtSeqs = qt.messages.filter((m) => m.room === 'general').map((m) => m.seq);
  assert.deepEqual([...new Set(qtSeqs)].sort((a, b) => a - b), seqs);
  assert.equal(await page.locator('#rooms').getByRole('button').count(), 1);
  // Remembered for the next visit.
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('duplex.transport'))).mode, 'push');
  assert.deepEqual(problems, []);
  await qt.quit();
  await page.close();
});

test('the page obeys the server\'s transport message', async (t) => {
  if (!await pollingServer(t)) return; // a probe: does this server poll at all?
  const server = await startServer({ extra: ['--class-transport', 'poll', '--poll-interval', '300'] });
  servers.push(server);
  const page = await browser.newPage();
  const polls = [];
  page.on('request', (r) => { if (r.url().endsWith('/v1/poll')) polls.push(r.postData()); });
  await joinAs(page, server.origin, 'olli');
  await page.locator('#status', { hasText: 'Polling every 300 ms' }).waitFor();
  assert.equal(await page.getByLabel('Transport').inputValue(), 'poll');
  const qt = await startPeer(server.ws, 'qtpeer2');
  await send(page, 'told to poll');
  await qt.waitForMessage((m) => m.text === 'told to poll');
  qt.say('general', 'answer while polling');
  await page.getByRole('log', { name: 'Conversation' }).locator('.message .text', { hasText: 'answer while polling' }).waitFor();
  assert.ok(polls.length >= 2);
  await qt.quit();
  await page.close();
});

/** Another student on HTTP polling, straight from node (fetch): hello, then poll(send). */
async function pollClient(origin, nick) {
  let session = '';
  let ack = 0;
  const got = [];
  const poll = async (send = [], wait = 0) => {
    const body = { ack, wait };
    if (session) body.session = session;
    if (send.length) body.send = send;
    const r = await fetch(`${origin}/v1/poll`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const o = await r.json();
    if (o.session) session = o.session;
    for (const e of o.messages || []) {
      if (e.n > ack) {
        ack = e.n;
        got.push(e.m);
      }
    }
  };
  await poll([{ type: 'hello', id: 'h1', nick }]);
  return {
    poll,
    /** Polls (held up to 2 s each) until a message passing test came. */
    async until(test) {
      for (;;) {
        const m = got.find(test);
        if (m) return m;
        await poll([], 2000);
      }
    },
  };
}

test('a whisper that arrives as the page leaves polling shows once', async (t) => {
  const server = await pollingServer(t);
  if (!server) return;
  const { page, problems } = await watchedPage();
  // Polling every 10 s from the start: a whisper waits in the page's mailbox until a poll.
  await page.goto(server.origin);
  await page.evaluate(() => localStorage.setItem('duplex.transport', JSON.stringify({ mode: 'poll', interval: 10000 })));
  await joinAs(page, server.origin, 'pia');
  await page.locator('#status[data-state="online"]', { hasText: 'Polling every 10000 ms' }).waitFor();
  const zed = await pollClient(server.origin, 'zed');
  await zed.poll([{ type: 'whisper', id: 'w1', to: 'pia', text: 'psst' }]);
  await zed.until((m) => m.type === 'whisper' && m.re === 'w1'); // in pia's mailbox now
  // The switch: the page's last poll brings the whisper, unacknowledged, and the server
  // moves it to the WebSocket that resumes the session. Shown from both, it was doubled.
  await page.getByLabel('Transport').selectOption('push');
  await page.locator('#status[data-state="online"]', { hasText: 'Push (WebSocket)' }).waitFor();
  // A whisper after the switch: the moved one, if any, comes before it on the WebSocket.
  await zed.poll([{ type: 'whisper', id: 'w2', to: 'pia', text: 'after the switch' }]);
  await page.locator('#rooms').getByRole('button', { name: /zed/ }).click();
  const log = page.getByRole('log', { name: 'Conversation' });
  await log.locator('.whisper', { hasText: 'after the switch' }).waitFor();
  assert.equal(await log.locator('.whisper', { hasText: 'psst' }).count(), 1, 'the whisper shows once');
  // A send right after the switch is not lost either: it reaches zed once.
  await send(page, 'back on push');
  await zed.until((m) => ['message', 'whisper'].includes(m.type) && m.text === 'back on push');
  assert.deepEqual(problems, []);
  await page.close();
});
