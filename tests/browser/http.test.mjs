// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// HTTP on the chat port against the real server (protocol-v1-http.md): page and static
// files with the contract's headers, 304, JSON errors, 400/431 for garbage, and a chat
// client on the same port still working afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { killLeftovers, rawRequest, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => {
  await server?.stop();
  killLeftovers();
});

const get = (path, extra = '') => rawRequest(server.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${extra}\r\n`);

function commonHeaders(r) {
  assert.ok(r.headers['content-type'], 'Content-Type');
  assert.equal(r.headers['content-length'], String(Buffer.byteLength(r.body)));
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal(r.headers['referrer-policy'], 'no-referrer');
  // HTTP/1.1 keep-alive: a readable request leaves the connection open (no Connection
  // header, persistence is the default); only an unreadable one says close.
  assert.equal(r.headers.connection, undefined);
}

test('GET / is the page with its CSP', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  commonHeaders(r);
  assert.equal(r.headers['cache-control'], 'no-store');
  assert.equal(r.headers['content-security-policy'],
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  assert.match(r.body, /<script type="module" src="\/app\/main.js"><\/script>/);
  assert.doesNotMatch(r.body, /<script>|\son[a-z]+=/, 'no inline script or handler');
  const head = await rawRequest(server.port, `HEAD / HTTP/1.1\r\nHost: h\r\n\r\n`);
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-length'], r.headers['content-length']);
});

test('scripts and styles: types, ETag and 304; the whole page under 100 KB', async () => {
  let total = Buffer.byteLength((await get('/')).body);
  for (const [path, type] of [['/app/main.js', 'text/javascript; charset=utf-8'], ['/app/codec.js', 'text/javascript; charset=utf-8'],
    ['/app/connection.js', 'text/javascript; charset=utf-8'], ['/app/history.js', 'text/javascript; charset=utf-8'],
    ['/app/outbox.js', 'text/javascript; charset=utf-8'], ['/app/backoff.js', 'text/javascript; charset=utf-8'],
    ['/app/ui.js', 'text/javascript; charset=utf-8'], ['/app/style.css', 'text/css; charset=utf-8'], ['/app/icon.svg', 'image/svg+xml']]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    commonHeaders(r);
    assert.equal(r.headers['content-type'], type, path);
    assert.ok(r.headers.etag, path);
    total += Buffer.byteLength(r.body);
    const again = await get(path, `If-None-Match: ${r.headers.etag}\r\n`);
    assert.equal(again.status, 304, path);
    assert.equal(again.body, '');
  }
  assert.ok(total < 100 * 1000, `page total ${total} bytes`);
});

test('errors are JSON: 404, 405 with Allow, 400, 431', async () => {
  const missing = await get('/nothing-here');
  assert.equal(missing.status, 404);
  commonHeaders(missing);
  assert.equal(missing.headers['content-type'], 'application/json');
  assert.equal(JSON.parse(missing.body).error, 'not_found');

  const post = await rawRequest(server.port, `POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}`);
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
  assert.equal(JSON.parse(post.body).error, 'method_not_allowed');

  const garbage = await rawRequest(server.port, 'HELLO THERE\r\n\r\n');
  assert.equal(garbage.status, 400);
  assert.equal(JSON.parse(garbage.body).error, 'bad_request');

  const noHost = await rawRequest(server.port, 'GET / HTTP/1.1\r\n\r\n');
  assert.equal(noHost.status, 400);

  const huge = await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: h\r\nX-Pad: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
  assert.equal(huge.status, 431);
  assert.equal(JSON.parse(huge.body).error, 'head_too_large');
});

test('a WebSocket upgrade on the same port still gets 101', async () => {
  const net = await import('node:net');
  const head = await new Promise((resolve, reject) => {
    let text = '';
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`
      + 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'));
    socket.on('data', (d) => {
      text += d;
      if (text.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
  });
  assert.match(head, /^HTTP\/1\.1 101 /);
  assert.match(head, /Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/i);
});

test('requests that never finish do not stall anyone else', async () => {
  const net = await import('node:net');
  const stuck = await Promise.all(Array.from({ length: 200 }, () => new Promise((resolve, reject) => {
    const s = net.connect(server.port, '127.0.0.1', () => {
      s.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      resolve(s);
    });
    s.on('error', reject);
  })));
  const page = await get('/');
  assert.equal(page.status, 200);
  for (const s of stuck) s.destroy();
});
