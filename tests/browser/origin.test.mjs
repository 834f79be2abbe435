// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// A page from another origin cannot open a WebSocket to the class server (403 before any
// upgrade); the same page can once its origin is on the allow-list (--allow-origin).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { killLeftovers, launchBrowser, rawRequest, startServer } from './helpers.mjs';

let browser;
let evil;
let evilOrigin;
before(async () => {
  browser = await launchBrowser();
  // Another site on another port: its page tries to reach the chat server.
  evil = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>other site</title><p>other site</p>');
  });
  await new Promise((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilOrigin = `http://127.0.0.1:${evil.address().port}`;
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => evil.close(resolve));
  killLeftovers();
});

/** Opens a WebSocket from the other site's page; resolves 'open' or 'refused'. */
async function tryFromOtherSite(page, wsUrl) {
  await page.goto(`${evilOrigin}/`);
  return page.evaluate((url) => new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onopen = () => { ws.close(1000); resolve('open'); };
    ws.onerror = () => resolve('refused');
  }), wsUrl);
}

test('a page from another origin is refused with 403', async () => {
  const server = await startServer();
  const page = await browser.newPage();
  assert.equal(await tryFromOtherSite(page, server.ws), 'refused');
  // What the browser sent, replayed: the server answers 403 with a JSON body.
  const res = await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${evilOrigin}\r\n`
    + 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
  assert.equal(res.status, 403);
  assert.equal(JSON.parse(res.body).error, 'forbidden_origin');
  // The page's own origin still works from the same browser.
  await page.goto(`${server.origin}/`);
  const own = await page.evaluate((url) => new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onopen = () => { ws.close(1000); resolve('open'); };
    ws.onerror = () => resolve('refused');
  }), server.ws);
  assert.equal(own, 'open');
  await page.close();
  await server.stop();
});

test('an allow-listed origin may connect', async () => {
  const server = await startServer({ extra: ['--allow-origin', evilOrigin] });
  const page = await browser.newPage();
  assert.equal(await tryFromOtherSite(page, server.ws), 'open');
  await page.close();
  await server.stop();
});
