// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The golden frames (tests/golden/frames.json) through the browser's codec: the same
// file tests/tst_golden.cpp runs through common/codec, so the two cannot drift.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeClient, decodeServer } from '../../resources/web/app/codec.js';

const golden = JSON.parse(readFileSync(new URL('../golden/frames.json', import.meta.url), 'utf8'));

for (const [direction, decode] of [['client', decodeClient], ['server', decodeServer]]) {
  for (const c of golden[direction]) {
    test(`${direction}: ${c.name}`, () => {
      const result = decode(c.frame);
      if (c.error) {
        assert.equal(result.ok, false, 'must be refused');
        assert.equal(result.code, c.error);
        assert.ok(result.error.length > 0, 'a human sentence');
      } else {
        assert.equal(result.ok, true, result.error);
        assert.deepEqual(result.message, c.canonical);
        // The canonical form is a fixed point: encoding and decoding it again changes nothing.
        assert.deepEqual(decode(JSON.stringify(c.canonical)).message, c.canonical);
      }
    });
  }
}

test('the golden file covers every message type in both directions', () => {
  const types = (dir) => new Set(golden[dir].filter((c) => c.canonical).map((c) => c.canonical.type));
  assert.deepEqual([...types('client')].sort(), ['hello', 'history', 'join', 'leave', 'nick', 'ping', 'rooms', 'say', 'typing', 'whisper']);
  assert.deepEqual([...types('server')].sort(), ['error', 'history', 'joined', 'left', 'message', 'notice', 'pong', 'presence', 'rooms', 'typing', 'welcome', 'whisper']);
});
