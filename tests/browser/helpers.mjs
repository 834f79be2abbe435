// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// What every browser test needs: the real duplex-server on a free loopback port, Debian's
// Chromium through playwright-core, and the Qt peer (a real ClientSession). Waits are on
// conditions (Playwright's auto-waiting, lines the processes print), never fixed sleeps.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export const serverExe = process.env.DUPLEX_SERVER;
const children = new Set();

/** Kills whatever a failed test left running (servers, peers), so node can exit. */
export function killLeftovers() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}
export const peerExe = process.env.DUPLEX_PEER;
if (!serverExe) throw new Error('DUPLEX_SERVER must name the duplex-server binary');

export function chromiumPath() {
  for (const p of [process.env.DUPLEX_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('Debian chromium is not installed (scripts/deps.sh test)');
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Resolves with the first line matching re (or rejects when the stream ends first). */
function waitForLine(lines, re, what) {
  return new Promise((resolve, reject) => {
    const onLine = (line) => {
      const m = line.match(re);
      if (m) {
        lines.off('line', onLine);
        lines.off('close', onClose);
        resolve(m);
      }
    };
    const onClose = () => reject(new Error(`${what} ended before printing ${re}`));
    lines.on('line', onLine);
    lines.on('close', onClose);
  });
}

/** A temporary folder removed by cleanup(). */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'duplex-browser-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `duplex-server --headless --bind 127.0.0.1 --port PORT` (0 = a free one) and
 * resolves when it listens. db defaults to ":memory:".
 */
export async function startServer({ port = 0, db = ':memory:', extra = [] } = {}) {
  const proc = spawn(serverExe, ['--headless', '--bind', '127.0.0.1', '--port', String(port), '--db', db, ...extra], {
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  const out = [];
  const lines = createInterface({ input: proc.stdout });
  lines.on('line', (l) => out.push(l));
  proc.stderr.on('data', (d) => out.push(String(d)));
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  const [, p] = await waitForLine(lines, /^listening on 127\.0\.0\.1:(\d+)$/, 'duplex-server')
    .catch((e) => { throw new Error(`${e.message}\n${out.join('\n')}`); });
  const actual = Number(p);
  // The address the join card shows (and its QR code encodes): what a student opens.
  // Printed right after "listening" (possibly in the same chunk, so look at what came).
  const joinLine = /^students join at (http:\/\/\S+)$/;
  const seen = out.map((l) => l.match(joinLine)).find(Boolean);
  const [, page] = seen ?? await waitForLine(lines, joinLine, 'duplex-server');
  return {
    port: actual,
    page,
    origin: `http://127.0.0.1:${actual}`,
    ws: `ws://127.0.0.1:${actual}/`,
    log: out,
    lines,
    /** SIGTERM: the server closes everyone with 1001 and exits 0. */
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** The Qt peer: a real ClientSession. say(room, text); messages[] collects what it got. */
export async function startPeer(wsUrl, nick) {
  if (!peerExe) throw new Error('DUPLEX_PEER must name the duplex-browser-peer binary');
  const proc = spawn(peerExe, [wsUrl, nick], {
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.add(proc);
  const lines = createInterface({ input: proc.stdout });
  const messages = [];
  const waiters = new Set();
  lines.on('line', (line) => {
    let o;
    try { o = JSON.parse(line); } catch { return; }
    if (o.event === 'message') messages.push(o);
    for (const w of [...waiters]) {
      if (w.test(o)) {
        waiters.delete(w);
        w.resolve(o);
      }
    }
  });
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  const until = (test) => new Promise((resolve) => {
    const done = messages.find((m) => test(m));
    if (done) resolve(done);
    else waiters.add({ test, resolve });
  });
  await until((o) => o.event === 'welcomed' || o.event === 'failed');
  return {
    messages,
    say(room, text) { proc.stdin.write(`say ${room} ${text}\n`); },
    join(room) { proc.stdin.write(`join ${room}\n`); },
    /** Resolves with the first message (seen before or later) that passes test. */
    waitForMessage(test) { return until((o) => o.event === 'message' && test(o)); },
    async quit() {
      proc.stdin.end('quit\n');
      return exited;
    },
  };
}

/** Opens the page, fills the connect form and presses Join; resolves when online. */
export async function joinAs(page, origin, nick, query = '') {
  await page.goto(`${origin}/${query}`);
  await page.getByLabel('Nick').fill(nick);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('log', { name: 'Conversation' }).waitFor();
  await waitOnline(page);
}

export async function waitOnline(page) {
  await page.locator('#status[data-state="online"]').waitFor();
}

/** Types a message in the Message box and presses Enter. */
export async function send(page, text) {
  const box = page.getByLabel('Message');
  await box.fill(text);
  await box.press('Enter');
}

/** A loopback port free right now. */
export async function freePort() {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Sends raw bytes to 127.0.0.1:port and resolves with everything the server sent back
 *  until it closed ({status, headers, body, text}). */
export async function rawRequest(port, bytes) {
  const net = await import('node:net');
  const headOnly = String(bytes).startsWith('HEAD ');
  return new Promise((resolve, reject) => {
    const chunks = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    // The answer is complete at its Content-Length (the server may keep the connection
    // open for the next request: HTTP/1.1 keep-alive), or when the server closes.
    const complete = () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return false;
      const head = all.subarray(0, split).toString('latin1');
      if (headOnly || / (304|204) /.test(head.split('\r\n')[0])) return true;
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      return m !== null && all.length - split - 4 >= Number(m[1]);
    };
    socket.on('data', (d) => {
      chunks.push(d);
      if (complete()) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number((statusLine || '').split(' ')[1]), headers, body: split < 0 ? '' : text.slice(split + 4), text });
    });
  });
}
