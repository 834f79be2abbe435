// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Phone width (360 px): no horizontal scroll with long words, the inspector open or the
// room list open; desktop and phone screenshots when DUPLEX_SCREENSHOT_DIR is set
// (scripts/screenshots.sh browser writes them to docs/screenshots/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { joinAs, killLeftovers, launchBrowser, send, startPeer, startServer } from './helpers.mjs';

let server;
let browser;
const shots = process.env.DUPLEX_SCREENSHOT_DIR;
before(async () => {
  server = await startServer({ extra: ['--name', 'Physics 7b'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  killLeftovers();
});

const noHorizontalScroll = (page) => page.evaluate(() => ({
  scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
  body: document.body.scrollWidth,
}));

async function conversation(page, qt) {
  await send(page, 'Good morning! Is the lab open today?');
  qt.say('general', 'Yes, from 10:00. Bring your goggles.');
  await page.getByRole('log', { name: 'Conversation' }).getByText('Bring your goggles').last().waitFor();
  await send(page, '<b>not bold</b>: markup is shown as typed');
  await page.getByRole('log', { name: 'Conversation' }).locator('.message .text', { hasText: 'not bold' }).last().waitFor();
}

test('360 px phone: no horizontal scroll, everything reachable', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // The join card's address, as the phone's camera would open it from the QR code.
  assert.equal(server.page, `${server.origin}/`);
  await page.goto(`${server.page}?nick=ida`);
  let w = await noHorizontalScroll(page);
  assert.ok(w.scroll <= 360 && w.body <= 360, JSON.stringify(w));
  if (shots) await page.screenshot({ path: join(shots, 'browser-connect-phone.png') });
  await joinAs(page, server.origin, 'ida');
  const qt = await startPeer(server.ws, 'jonas');
  await page.getByRole('log', { name: 'Conversation' }).getByText('jonas joined').waitFor();
  await conversation(page, qt);
  if (shots) await page.screenshot({ path: join(shots, 'browser-phone.png') });
  await send(page, `long-word-${'x'.repeat(300)}`);
  await page.getByRole('log', { name: 'Conversation' }).getByText(/long-word-x+/).waitFor();
  w = await noHorizontalScroll(page);
  assert.ok(w.scroll <= 360 && w.body <= 360, JSON.stringify(w));
  const box = await page.getByLabel('Message').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
  const send_ = await page.getByRole('button', { name: 'Send' }).boundingBox();
  assert.ok(send_.x + send_.width <= 360, JSON.stringify(send_));
  // The room list slides in and out; the inspector covers the screen without scrolling.
  await page.getByRole('button', { name: /^Rooms/ }).click();
  await page.locator('#rooms').getByRole('button', { name: '#general' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Frames' }).click();
  await page.locator('#frames li').first().waitFor();
  w = await noHorizontalScroll(page);
  assert.ok(w.scroll <= 360 && w.body <= 360, JSON.stringify(w));
  await qt.quit();
  await context.close();
});

test('desktop: sidebar, members, conversation and inspector side by side', async () => {
  const own = await startServer({ extra: ['--name', 'Physics 7b'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  await joinAs(page, own.origin, 'kim', '?room=physics');
  await page.getByRole('heading', { name: '#physics' }).waitFor();
  await page.locator('#rooms').getByRole('button', { name: '#general' }).click();
  const qt = await startPeer(own.ws, 'lena');
  await page.locator('#members').getByText('lena').waitFor();
  await conversation(page, qt);
  qt.join('physics');
  qt.say('physics', 'Lab report due Friday');
  await page.locator('#rooms').getByLabel('1 unread').waitFor();
  await page.getByRole('button', { name: 'Frames' }).click();
  await page.locator('#frames li').first().waitFor();
  const w = await noHorizontalScroll(page);
  assert.ok(w.scroll <= 1280, JSON.stringify(w));
  if (shots) await page.screenshot({ path: join(shots, 'browser-desktop.png') });
  await qt.quit();
  await context.close();
  await own.stop();
});
