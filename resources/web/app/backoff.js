// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Jittered exponential backoff: a restarted server is not hit by a whole class in
// lockstep. Pure logic (random source injectable) for `node --test`.

export class Backoff {
  constructor({ initialMs = 1000, maxMs = 30000, jitter = 0.3, random = Math.random } = {}) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.jitter = jitter;
    this.random = random;
    this.attempt = 0;
  }

  /** The next delay in ms: initial * 2^attempt, capped, then +-jitter. */
  next() {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    const factor = 1 - this.jitter + 2 * this.jitter * this.random();
    return Math.max(0, Math.round(Math.min(this.maxMs, base * factor)));
  }

  reset() {
    this.attempt = 0;
  }
}
