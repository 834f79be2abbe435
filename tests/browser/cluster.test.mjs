// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// A cluster (issue 17): two servers that name each other with --peer. The page on the first
// learns the second from GET /v1/cluster, may connect to it (the CSP's connect-src names it,
// the second accepts the first's origin), and when the first stops it reconnects to the
// second by itself, says so, and chats there. The servers share nothing (no Redis): the
// second welcomes the page as new and it joins its rooms again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort, killLeftovers, launchBrowser, send, startPeer, startServer, waitOnline } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  killLeftovers();
});

test('the page fails over to the peer server and chats there', async () => {
  const firstPort = await freePort();
  const second = await startServer({ extra: ['--peer', `http://127.0.0.1:${firstPort}/`] });
  const first = await startServer({ port: firstPort, extra: ['--peer', `http://127.0.0.1:${second.port}/`] });

  // What the page is told and allowed.
  const cluster = await fetch(`${first.origin}/v1/cluster`).then((r) => r.json());
  assert.deepEqual(cluster, { peers: [`http://127.0.0.1:${second.port}/`] });
  const head = await fetch(`${first.origin}/`);
  const csp = head.headers.get('content-security-policy');
  assert.match(csp, new RegExp(`connect-src 'self' http://127\\.0\\.0\\.1:${second.port} ws://127\\.0\\.0\\.1:${second.port};`));
  // A server without peers keeps the plain policy.
  const lone = await startServer();
  assert.match((await fetch(`${lone.origin}/`)).headers.get('content-security-policy'), /connect-src 'self';/);
  assert.deepEqual(await fetch(`${lone.origin}/v1/cluster`).then((r) => r.json()), { peers: [] });
  assert.equal(await lone.stop(), 0);

  const page = await browser.newPage();
  const cspErrors = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
  const log = page.getByRole('log', { name: 'Conversation' });
  await page.goto(`${first.origin}/`);
  await page.waitForFunction(() => globalThis.duplex?.cluster?.peers?.length === 1);
  await page.getByLabel('Nick').fill('gus');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await waitOnline(page);
  await page.locator('#status', { hasText: `on 127.0.0.1:${firstPort}` }).waitFor();
  await send(page, 'on the first');
  await log.locator('.message .text', { hasText: 'on the first' }).waitFor();

  const peer = await startPeer(second.ws, 'qtb');
  assert.equal(await first.stop(), 0);
  // Within the backoff (1 s, then 2 s ...): on the second, and it says so.
  await page.locator('#status', { hasText: `on 127.0.0.1:${second.port}` }).waitFor({ timeout: 20000 });
  await waitOnline(page);
  await log.getByText(`Switched to 127.0.0.1:${second.port}.`).waitFor();
  await page.locator('#members').getByText('qtb').waitFor();
  await send(page, 'hello second');
  const heard = await peer.waitForMessage((m) => m.text === 'hello second');
  assert.equal(heard.from, 'gus');
  peer.say('general', 'from the second');
  await log.locator('.message .text', { hasText: 'from the second' }).waitFor();
  assert.equal(await log.locator('.message .text', { hasText: 'on the first' }).count(), 1);
  assert.equal(await log.locator('.pending').count(), 0);
  assert.deepEqual(cspErrors, []);
  await peer.quit();
  await page.close();
  assert.equal(await second.stop(), 0);
});
