// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Small DOM helpers. Peer text only ever goes through textContent (never innerHTML,
// insertAdjacentHTML or eval): a "<b>hi</b>" from a classmate is shown as typed.

export const $ = (id) => document.getElementById(id);

/** An element with a class and literal text children (strings become text nodes). */
export function el(tag, className, ...children) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

export function timeText(ts) {
  const d = ts ? new Date(ts) : new Date();
  return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** True when the element is scrolled (nearly) to the bottom. */
export function atBottom(e) {
  return e.scrollHeight - e.scrollTop - e.clientHeight < 40;
}
