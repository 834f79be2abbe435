// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// A reload resumes: same nick, same rooms, no connect form, nothing shown twice. The
// browser closes with 1001 on reload, which the server treats as a drop (the session is
// kept for resuming); only Leave (1000) ends it, after which the nick is free at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinAs, killLeftovers, launchBrowser, send, startServer, waitOnline } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  killLeftovers();
});

test('a reload resumes the same nick and rooms without the form', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await joinAs(page, server.origin, 'emil', '?room=physics');
  await page.getByRole('heading', { name: '#physics' }).waitFor();
  await send(page, 'before the reload');
  const log = page.getByRole('log', { name: 'Conversation' });
  await log.locator('.message .text', { hasText: 'before the reload' }).waitFor();

  const frames = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => frames.push(String(f.payload))));
  await page.reload();
  await waitOnline(page);
  assert.equal(await page.locator('#connect').isHidden(), true);
  assert.match(await page.locator('#status').textContent(), /Online as emil/);
  const hello = JSON.parse(frames.find((f) => f.includes('"hello"')));
  assert.equal(hello.nick, 'emil');
  assert.ok(hello.resume, 'the hello after a reload carries the resume token');
  assert.match(hello.agent, /^Browser \(Chromium \d+\)$/);
  await page.locator('#rooms').getByRole('button', { name: '#physics' }).waitFor();
  await page.locator('#rooms').getByRole('button', { name: '#general' }).waitFor();
  // The session was kept, so the server did not see emil leave and come back as new.
  assert.ok(server.log.some((l) => /resumed its session as "emil"/.test(l)), server.log.join('\n'));
  await page.locator('#rooms').getByRole('button', { name: '#physics' }).click();
  await log.locator('.message .text', { hasText: 'before the reload' }).waitFor();
  assert.equal(await log.locator('.message .text', { hasText: 'before the reload' }).count(), 1);

  // Leave chat closes with 1000: the session ends, the nick is free for someone else.
  await page.getByRole('button', { name: 'Leave chat' }).click();
  await page.getByRole('button', { name: 'Join', exact: true }).waitFor();
  const other = await browser.newPage();
  await joinAs(other, server.origin, 'emil');
  await other.close();
  await context.close();
});
