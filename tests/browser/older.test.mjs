// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Load older: scrolled to the top of a room, the page asks the server for the page before
// its oldest message (`history` with `before`), shows "Loading older…" meanwhile, puts
// the messages above without moving what the student was reading, and stops at seq 1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinAs, killLeftovers, launchBrowser, startServer } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ extra: ['--rate', '0'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  killLeftovers();
});

test('scrolling to the top loads older messages, without a jump, back to the first', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  // 120 lines said before the student arrives (a plain WebSocket from the same origin).
  await page.goto(`${server.origin}/`);
  await page.evaluate(async (url) => {
    const s = new WebSocket(url);
    await new Promise((resolve) => { s.onopen = resolve; });
    const done = new Promise((resolve) => {
      s.onmessage = (e) => { if (JSON.parse(e.data).re === 'f120') resolve(); };
    });
    s.send(JSON.stringify({ type: 'hello', nick: 'feeder' }));
    for (let i = 1; i <= 120; i++) s.send(JSON.stringify({ type: 'say', id: `f${i}`, room: 'general', text: `line ${i}` }));
    await done;
  }, server.ws);

  await joinAs(page, server.origin, 'ann');
  const log = page.getByRole('log', { name: 'Conversation' });
  const line = (n) => log.locator('.message .text', { hasText: new RegExp(`^line ${n}$`) });
  await line(120).waitFor();
  assert.equal(await log.locator('.message').count(), 50); // the join page: 71..120
  const y72 = async () => (await line(72).boundingBox()).y;
  await log.evaluate((el) => { el.scrollTop = 0; });
  const before = await y72();
  await line(21).waitFor({ state: 'attached' });
  assert.equal(await log.locator('.message').count(), 100);
  assert.equal(await page.locator('#older').isHidden(), true);
  // What was on screen stays on screen: no jump.
  const after = await y72();
  assert.ok(Math.abs(after - before) <= 2, `line 72 moved from ${before} to ${after}`);
  assert.ok(await log.evaluate((el) => el.scrollTop) > 0);

  await log.evaluate((el) => { el.scrollTop = 0; });
  await line(1).waitFor({ state: 'attached' });
  assert.equal(await log.locator('.message').count(), 120);
  // Nothing older: scrolling up again shows no "Loading older…".
  await log.evaluate((el) => { el.scrollTop = 10; el.scrollTop = 0; });
  assert.equal(await page.locator('#older').isHidden(), true);
  assert.equal(await log.locator('.message').count(), 120);
});
