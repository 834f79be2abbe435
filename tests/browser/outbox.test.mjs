// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// rate_limited is handled like the Qt client: the refused messages wait, go again one at
// a time with the SAME id after a backoff, and each appears exactly once, in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinAs, killLeftovers, launchBrowser, send, startServer } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ extra: ['--rate', '2', '--burst', '2'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  killLeftovers();
});

test('rate_limited messages are resent with the same id and shown once, in order', async () => {
  const page = await browser.newPage();
  const sent = [];
  const refused = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => { const m = JSON.parse(String(f.payload)); if (m.type === 'say') sent.push(m); });
    ws.on('framereceived', (f) => { const m = JSON.parse(String(f.payload)); if (m.code === 'rate_limited' && m.re) refused.push(m.re); });
  });
  await joinAs(page, server.origin, 'mo');
  const texts = ['r1', 'r2', 'r3', 'r4', 'r5'];
  for (const t of texts) await send(page, t);
  const log = page.getByRole('log', { name: 'Conversation' });
  await log.locator('.message .text', { hasText: /^r5$/ }).waitFor({ timeout: 60000 });
  await log.locator('.pending').first().waitFor({ state: 'detached', timeout: 60000 });
  const shown = await log.locator('.message .text').allTextContents();
  assert.deepEqual(shown.filter((t) => /^r\d$/.test(t)), texts, 'each once, in order');
  assert.ok(refused.length > 0, 'the server refused some with rate_limited');
  for (const id of refused) {
    const copies = sent.filter((m) => m.id === id);
    assert.ok(copies.length >= 2, `refused ${id} was sent again`);
    assert.equal(new Set(copies.map((m) => m.text)).size, 1, 'the same message under the same id');
  }
  await page.close();
});
