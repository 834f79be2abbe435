// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// A cluster server without Redis (issue 17): the page's hello gets `internal` ("the server
// cannot reach Redis"). That is not a refusal: the page stays on its way in, says
// why and tries again with its backoff, and is in by itself once Redis is there.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { freePort, killLeftovers, launchBrowser, startServer, tempDir } from './helpers.mjs';

let browser;
let redis;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  redis?.kill('SIGKILL');
  killLeftovers();
});

test('the page retries while the server cannot reach Redis, and gets in when it can', async () => {
  const redisPort = await freePort();
  const server = await startServer({ extra: ['--redis', `redis://127.0.0.1:${redisPort}`] });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  await page.getByLabel('Nick').fill('ada');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  // Refused for now, told why, trying again (not back on the form with an error).
  await page.locator('#status', { hasText: 'cannot reach Redis' }).waitFor({ timeout: 20000 });
  await page.locator('#status', { hasText: 'trying again in' }).waitFor();
  assert.equal(await page.locator('#connect-error').textContent(), '');

  const dir = tempDir();
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no', '--dir', dir.dir], { stdio: 'ignore' });
  // The server reconnects to Redis (backoff up to 3 s), the page retries (backoff 1 s, 2 s,
  // 4 s ...): online as ada without anyone pressing anything.
  await page.locator('#status[data-state="online"]').waitFor({ timeout: 60000 });
  await page.locator('#status', { hasText: 'Online as ada' }).waitFor();
  await page.close();
  assert.equal(await server.stop(), 0);
  redis.kill('SIGKILL');
  dir.cleanup();
});
