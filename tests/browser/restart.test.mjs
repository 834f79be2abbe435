// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The server is restarted (same port, same database) under an open page: the page
// reconnects by itself, catches up by seq and shows every message exactly once; what was
// typed while the server was away goes out after the reconnect with its first id.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { joinAs, killLeftovers, launchBrowser, send, startPeer, startServer, tempDir, waitOnline } from './helpers.mjs';

let browser;
const tmp = tempDir();
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  tmp.cleanup();
  killLeftovers();
});

test('server restarted under an open page: reconnect, every message exactly once', async () => {
  const db = join(tmp.dir, 'history.sqlite');
  let server = await startServer({ db });
  const port = server.port;
  const page = await browser.newPage();
  const log = page.getByRole('log', { name: 'Conversation' });
  await joinAs(page, server.origin, 'fay');
  const qt = await startPeer(server.ws, 'qtpeer');
  await page.locator('#members').getByText('qtpeer').waitFor();
  qt.say('general', 'one');
  await send(page, 'two');
  await log.locator('.message .text', { hasText: 'two' }).waitFor();
  await log.locator('.message .text', { hasText: 'one' }).waitFor();

  assert.equal(await server.stop(), 0);
  await page.locator('#status[data-state="reconnecting"]').waitFor();
  // Typed while the server is down: queued, shown as sending.
  await send(page, 'three (typed offline)');
  await log.locator('.pending', { hasText: 'three (typed offline)' }).waitFor();

  server = await startServer({ db, port });
  await waitOnline(page);
  // The Qt peer reconnects on its own too; what it says now reaches the page.
  qt.say('general', 'four');
  await log.locator('.message .text', { hasText: 'four' }).waitFor();
  await log.locator('.message .text', { hasText: 'three (typed offline)' }).waitFor();
  await qt.waitForMessage((m) => m.text === 'three (typed offline)');
  qt.say('general', 'marker');
  await log.locator('.message .text', { hasText: 'marker' }).waitFor();
  for (const text of ['one', 'two', 'three (typed offline)', 'four']) {
    assert.equal(await log.locator('.message .text').filter({ hasText: new RegExp(`^${text.replace(/[()]/g, '\\$&')}$`) }).count(), 1, text);
  }
  assert.equal(await log.locator('.pending').count(), 0);
  const seqs = await log.locator('.message').evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.seq)));
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'in seq order');
  assert.equal(new Set(seqs).size, seqs.length, 'no seq twice');
  await qt.quit();
  await page.close();
  assert.equal(await server.stop(), 0);
});
