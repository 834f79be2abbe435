// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Two browser pages and one Qt ClientSession chat in one room, both ways; HTML in text is
// shown literally; everything arrives exactly once; the page works from the keyboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { joinAs, killLeftovers, launchBrowser, send, startPeer, startServer, waitOnline } from './helpers.mjs';

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

test('the page loads with the contract headers and no CSP violation', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(`${server.origin}/`);
  assert.equal(response.status(), 200);
  const h = response.headers();
  assert.equal(h['content-type'], 'text/html; charset=utf-8');
  assert.equal(h['cache-control'], 'no-store');
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.match(h['content-security-policy'], /script-src 'self'/);
  assert.match(h['content-security-policy'], /connect-src 'self'/);
  assert.doesNotMatch(h['content-security-policy'], /unsafe/);
  // The form is prefilled with the page's own address; the names a screen reader finds.
  assert.equal(await page.getByLabel('Server').inputValue(), `127.0.0.1:${server.port}`);
  await page.getByLabel('Nick').waitFor();
  await page.getByRole('button', { name: 'Join', exact: true }).waitFor();
  const script = await page.request.get(`${server.origin}/app/main.js`);
  assert.equal(script.headers()['content-type'], 'text/javascript; charset=utf-8');
  assert.deepEqual(problems, []);
  await page.close();
});

test('two pages and a Qt client chat in one room, both ways, exactly once', async () => {
  const ada = await browser.newPage();
  const bob = await browser.newPage();
  const problems = [];
  for (const p of [ada, bob]) p.on('pageerror', (e) => problems.push(String(e)));
  await joinAs(ada, server.origin, 'ada');

  // Bob uses only the keyboard: ?nick= prefills, focus is on Join, Enter joins.
  await bob.goto(`${server.origin}/?nick=bob`);
  assert.equal(await bob.getByLabel('Nick').inputValue(), 'bob');
  await bob.keyboard.press('Enter');
  await waitOnline(bob);
  await bob.getByLabel('Message').waitFor();
  assert.equal(await bob.evaluate(() => document.activeElement.id), 'message');

  const qt = await startPeer(server.ws, 'qtpeer');
  const adaLog = ada.getByRole('log', { name: 'Conversation' });
  const bobLog = bob.getByRole('log', { name: 'Conversation' });
  await ada.locator('#members').getByText('qtpeer').waitFor();

  await send(ada, 'hello from ada');
  await bobLog.getByText('hello from ada').waitFor();
  await qt.waitForMessage((m) => m.text === 'hello from ada' && m.from === 'ada');

  qt.say('general', 'hello from qt');
  await adaLog.getByText('hello from qt').waitFor();
  await bobLog.getByText('hello from qt').waitFor();

  await bob.keyboard.type('<b>hi</b> & <img src=x onerror=alert(1)>');
  await bob.keyboard.press('Enter');
  const literal = adaLog.locator('.text', { hasText: '<b>hi</b>' });
  await literal.waitFor();
  assert.equal(await literal.innerHTML(), '&lt;b&gt;hi&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
  assert.equal(await adaLog.locator('img').count(), 0);
  await qt.waitForMessage((m) => m.text.startsWith('<b>hi</b>'));

  // A marker after everything: once it is there, nothing else is still on its way.
  qt.say('general', 'marker');
  for (const log of [adaLog, bobLog]) {
    await log.getByText('marker').waitFor();
    for (const text of ['hello from ada', 'hello from qt', '<b>hi</b> & <img src=x onerror=alert(1)>']) {
      assert.equal(await log.locator('.text').filter({ hasText: text }).count(), 1, text);
    }
    assert.equal(await log.locator('.pending').count(), 0);
  }

  // Whisper from the Qt side is not needed: a page whispers to the other page.
  await ada.locator('#members').getByRole('button', { name: 'bob' }).click();
  await send(ada, 'psst bob');
  await bob.getByRole('button', { name: /ada/ }).filter({ hasText: '✉' }).getByLabel('1 unread').waitFor();
  await bob.getByRole('button', { name: /✉ ada/ }).click();
  await bobLog.getByText('psst bob').waitFor();

  assert.deepEqual(problems, []);
  await qt.quit();
  await ada.close();
  await bob.close();
});

test('unread counts for rooms that are not on screen', async () => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  await joinAs(a, server.origin, 'cara', '?room=physics');
  await joinAs(b, server.origin, 'dan', '?room=physics');
  // Both are in #physics (on screen) and #general; dan talks in general.
  await a.getByRole('heading', { name: '#physics' }).waitFor();
  await b.locator('#rooms').getByRole('button', { name: '#general' }).click();
  await send(b, 'one');
  await send(b, 'two');
  await a.locator('#rooms').getByLabel('2 unread').waitFor();
  await a.locator('#rooms').getByRole('button', { name: /#general/ }).click();
  await a.getByRole('log', { name: 'Conversation' }).getByText('two').waitFor();
  assert.equal(await a.locator('#rooms .badge').count(), 0);
  await a.close();
  await b.close();
});

test('a nick in use is refused in the form, which stays usable', async () => {
  const first = await browser.newPage();
  await joinAs(first, server.origin, 'nora');
  const second = await browser.newPage();
  await second.goto(`${server.origin}/`);
  await second.getByLabel('Nick').fill('NORA');
  await second.getByRole('button', { name: 'Join', exact: true }).click();
  await second.getByRole('alert').filter({ hasText: /nickname/i }).waitFor();
  assert.equal(await second.getByRole('button', { name: 'Join', exact: true }).isEnabled(), true);
  assert.equal(await second.evaluate(() => document.activeElement.id), 'nick');
  await second.getByLabel('Nick').fill('nora2');
  await second.getByRole('button', { name: 'Join', exact: true }).click();
  await waitOnline(second);
  await first.close();
  await second.close();
});
