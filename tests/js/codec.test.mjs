// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The browser codec's helpers: lengths in code points, nick and room rules, the agent
// string, the Server field's forms, and raw fields kept beside the canonical message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agentFrom, codePoints, decodeServer, nickProblem, roomProblem, serverUrl, textProblem } from '../../resources/web/app/codec.js';

test('lengths count code points', () => {
  assert.equal(codePoints('abc'), 3);
  assert.equal(codePoints('😀😀'), 2);
  assert.equal(codePoints('e\u0308'), 2);
  assert.equal(textProblem('😀'.repeat(4000)), null);
  assert.equal(textProblem('😀'.repeat(4001)), 'too_long');
  assert.equal(textProblem(' \n\t '), 'empty');
  for (const blank of ['\u200b\u200b', '\u0301\u0301', '\u3164', '\u2800']) assert.equal(textProblem(blank), 'empty', blank);
  assert.equal(textProblem('e\u0301'), null);
});

test('nick and room rules', () => {
  for (const ok of ['ada', 'Zoe\u0308', '李雷', 'a.b-c_d', 'x'.repeat(24), 'ab12']) assert.equal(nickProblem(ok), null, ok);
  for (const bad of ['', 'a b', 'x'.repeat(25), 'server', 'SYSTEM', '<b>', 'a@b']) assert.notEqual(nickProblem(bad), null, bad);
  for (const bad of ['\u3164', 'ab\u3164', '\u0301', 'a\u200bb', 'ann\ufe0f']) assert.notEqual(nickProblem(bad), null, bad);
  for (const ok of ['general', 'physics-7b', 'a_b', 'r'.repeat(32)]) assert.equal(roomProblem(ok), null, ok);
  for (const bad of ['', 'General', 'a b', 'r'.repeat(33), 'café']) assert.notEqual(roomProblem(bad), null, bad);
});

test('agent string from the user agent, at most 64 characters', () => {
  assert.equal(agentFrom('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'), 'Browser (Chromium 156)');
  assert.equal(agentFrom('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'), 'Browser (Firefox 128)');
  assert.equal(agentFrom('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'), 'Browser (Edge 131)');
  assert.equal(agentFrom('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'), 'Browser (Safari 17)');
  assert.equal(agentFrom(''), 'Browser');
  assert.ok(agentFrom('x'.repeat(500)).length <= 64);
});

test('the Server field accepts HOST:PORT, ws:// and http:// forms', () => {
  assert.equal(serverUrl('192.168.1.23:8080'), 'ws://192.168.1.23:8080/');
  assert.equal(serverUrl(' http://192.168.1.23:8080/?x#y '), 'ws://192.168.1.23:8080/');
  assert.equal(serverUrl('ws://teacher.lan:9000'), 'ws://teacher.lan:9000/');
  assert.equal(serverUrl('[::1]:8080'), 'ws://[::1]:8080/');
  assert.equal(serverUrl('teacher:8443', 'https:'), 'wss://teacher:8443/');
  assert.equal(serverUrl(''), null);
  assert.equal(serverUrl('http://'), null);
});

test('fields outside the catalogue stay available as raw', () => {
  const r = decodeServer('{"type":"error","re":"x","code":"rate_limited","message":"Slow.","retryAfter":1500}');
  assert.equal(r.ok, true);
  assert.equal(r.message.retryAfter, undefined);
  assert.equal(r.raw.retryAfter, 1500);
});
