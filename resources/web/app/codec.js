// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Protocol v1 in JavaScript: the twin of common/codec.cpp. decode*() validates a frame
// and returns its canonical object (known fields only, defaults as the C++ encoder writes
// them); tests/golden/frames.json keeps both codecs saying the same. No DOM here, so
// `node --test` imports it as it is.

export const limits = Object.freeze({
  nickMax: 24, roomMax: 32, textMax: 4000, idMax: 64, agentMax: 64,
  historyDefault: 50, historyMax: 200,
});

export const defaultRoom = 'general';
const maxSafe = 2 ** 53;
const errorCodes = new Set(['bad_json', 'bad_message', 'unknown_type', 'not_welcomed',
  'already_welcomed', 'bad_nick', 'nick_taken', 'bad_room', 'not_in_room', 'no_such_user',
  'too_long', 'empty', 'rate_limited', 'binary_unsupported', 'server_full', 'internal',
  'bad_code', 'banned', 'muted', 'room_locked', 'locked']);

/** Length in Unicode code points, as the contract counts. */
export function codePoints(s) {
  let n = 0;
  for (const _ of s) n++; // eslint-disable-line no-unused-vars
  return n;
}

const wellFormed = (s) => (typeof s.isWellFormed === 'function'
  ? s.isWellFormed() : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));

/** Why a nick is refused, or null. Letters, marks, digits, _ - . ; 1-24; not reserved. */
export function nickProblem(nick) {
  const n = codePoints(nick);
  if (n < 1) return 'A nickname cannot be empty.';
  if (n > limits.nickMax) return `A nickname has at most ${limits.nickMax} characters.`;
  if (!wellFormed(nick)) return 'The nickname is not valid text.';
  // Like common/names.cpp: nothing invisible, no combining mark first. (Look-alikes of
  // server/system and of other nicks are the server's to refuse: it compares skeletons.)
  if (/\p{Default_Ignorable_Code_Point}/u.test(nick)) {
    return 'A nickname cannot contain invisible characters.';
  }
  if (/^\p{M}/u.test(nick)) return 'A nickname cannot start with an accent or other combining mark.';
  if (!/^[\p{L}\p{M}\p{Nd}_.-]+$/u.test(nick)) {
    return "A nickname may contain letters, digits, '_', '-' and '.' only.";
  }
  const key = nick.toLowerCase();
  if (key === 'server' || key === 'system') return `The nickname "${nick}" is reserved.`;
  return null;
}

/** Why a room name is refused, or null. */
export function roomProblem(room) {
  if (room.length === 0) return 'A room name cannot be empty.';
  if (room.length > limits.roomMax) return `A room name has at most ${limits.roomMax} characters.`;
  if (!/^[a-z0-9_-]+$/.test(room)) return "A room name may contain a-z, 0-9, '_' and '-' only.";
  return null;
}

/** 'empty', 'too_long' or null for a message text (trimmed first). */
export function textProblem(text, max = limits.textMax) {
  const t = text.trim();
  // Blank-looking (only invisible characters or lone marks) counts as empty, as on the server.
  if (/^[\s\p{Default_Ignorable_Code_Point}\p{Cf}\p{Mn}\p{Me}\u2800]*$/u.test(t)) return 'empty';
  if (codePoints(t) > max) return 'too_long';
  return null;
}

class DecodeError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function fail(code, message) {
  throw new DecodeError(code, message);
}

/** Field readers over one object; each throws a DecodeError on a bad field. */
function reader(obj) {
  const has = (k) => Object.prototype.hasOwnProperty.call(obj, k);
  const r = {
    string(k, required = true) {
      if (!has(k)) return required ? fail('bad_message', `Field '${k}' is missing.`) : undefined;
      const v = obj[k];
      if (typeof v !== 'string') fail('bad_message', `Field '${k}' must be a string.`);
      if (!wellFormed(v)) fail('bad_message', `Field '${k}' is not valid Unicode text.`);
      return v;
    },
    bool(k) {
      if (!has(k)) fail('bad_message', `Field '${k}' is missing.`);
      if (typeof obj[k] !== 'boolean') fail('bad_message', `Field '${k}' must be true or false.`);
      return obj[k];
    },
    number(k, required) {
      if (!has(k)) return required ? fail('bad_message', `Field '${k}' is missing.`) : undefined;
      if (typeof obj[k] !== 'number') fail('bad_message', `Field '${k}' must be a number.`);
      return obj[k];
    },
    integer(k, min, max, required = true) {
      if (!has(k)) return required ? fail('bad_message', `Field '${k}' is missing.`) : undefined;
      const v = obj[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        fail('bad_message', `Field '${k}' must be a whole number from ${min} to ${max}.`);
      }
      return v;
    },
    array(k) {
      if (!has(k)) fail('bad_message', `Field '${k}' is missing.`);
      if (!Array.isArray(obj[k])) fail('bad_message', `Field '${k}' must be an array.`);
      return obj[k];
    },
    object(k) {
      const v = obj[k];
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        fail('bad_message', `Field '${k}' must be a JSON object.`);
      }
      return v;
    },
  };
  return r;
}

function parseObject(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    fail('bad_json', `The frame is not valid JSON (${e.message}).`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('bad_json', 'The frame must be a JSON object.');
  }
  return value;
}

/** Reads type and id/re; returns [type, idValue]. */
function envelope(obj, types, idKey, strictId) {
  const r = reader(obj);
  let id;
  if (Object.prototype.hasOwnProperty.call(obj, idKey)) {
    if (typeof obj[idKey] !== 'string') fail('bad_message', `Field '${idKey}' must be a string.`);
    id = obj[idKey];
    if (strictId && (codePoints(id) < 1 || codePoints(id) > limits.idMax || !wellFormed(id))) {
      fail('bad_message', `Field 'id' must be a string of 1 to ${limits.idMax} characters.`);
    }
  }
  if (!Object.prototype.hasOwnProperty.call(obj, 'type')) fail('bad_message', "Field 'type' is missing.");
  const type = r.string('type');
  if (!types.includes(type)) fail('unknown_type', `Unknown message type '${type.slice(0, 64)}'.`);
  return [type, id];
}

const clientTypes = ['hello', 'join', 'leave', 'say', 'whisper', 'typing', 'history', 'nick', 'rooms', 'ping'];
const serverTypes = ['welcome', 'joined', 'left', 'message', 'history', 'whisper', 'presence',
  'typing', 'rooms', 'pong', 'notice', 'error'];

function withId(type, idKey, id) {
  const o = { type };
  if (id) o[idKey] = id; // empty optionals are omitted, as the C++ encoder does
  return o;
}

function readRoom(r) {
  const room = r.string('room');
  const p = roomProblem(room);
  if (p) fail('bad_room', p);
  return room;
}

function readNick(r) {
  const nick = r.string('nick');
  const p = nickProblem(nick);
  if (p) fail('bad_nick', p);
  return nick;
}

function readText(r) {
  const text = r.string('text');
  const p = textProblem(text);
  if (p === 'empty') fail('empty', 'The text is empty.');
  if (p) fail('too_long', `The text has more than ${limits.textMax} characters.`);
  return text;
}

function decodeClientObject(obj) {
  const [type, id] = envelope(obj, clientTypes, 'id', true);
  const r = reader(obj);
  const o = withId(type, 'id', id);
  switch (type) {
    case 'hello': {
      o.nick = readNick(r);
      const agent = r.string('agent', false);
      const resume = r.string('resume', false);
      if (agent && codePoints(agent) > limits.agentMax) {
        fail('too_long', `Field 'agent' has at most ${limits.agentMax} characters.`);
      }
      if (agent) o.agent = agent;
      if (resume) o.resume = resume;
      return o;
    }
    case 'join': case 'leave':
      o.room = readRoom(r);
      return o;
    case 'say':
      o.room = readRoom(r);
      o.text = readText(r);
      return o;
    case 'whisper': {
      o.to = r.string('to');
      if (nickProblem(o.to)) fail('no_such_user', `No one called "${o.to.slice(0, 64)}" is connected.`);
      o.text = readText(r);
      return o;
    }
    case 'typing':
      o.room = readRoom(r);
      o.on = r.bool('on');
      return o;
    case 'history': {
      o.room = readRoom(r);
      const before = r.integer('before', 0, maxSafe, false);
      const after = r.integer('after', 0, maxSafe, false);
      const limit = r.integer('limit', 1, limits.historyMax, false);
      if (before !== undefined) o.before = before;
      if (after !== undefined) o.after = after;
      if (limit !== undefined && limit !== limits.historyDefault) o.limit = limit;
      return o;
    }
    case 'nick':
      o.nick = readNick(r);
      return o;
    case 'rooms':
      return o;
    case 'ping': {
      const t = r.number('t', false);
      if (t !== undefined) o.t = t;
      return o;
    }
    default:
      return fail('unknown_type', `Unknown message type '${type}'.`);
  }
}

const int64Max = Number.MAX_SAFE_INTEGER;
const intMax = 2147483647;

function readMessage(r) {
  return {
    room: r.string('room'),
    seq: r.integer('seq', 0, int64Max),
    from: r.string('from'),
    text: r.string('text'),
    ts: r.integer('ts', 0, int64Max),
  };
}

function objectArray(r, key, readOne) {
  return r.array(key).map((element) => {
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      fail('bad_message', `Field '${key}' must hold JSON objects.`);
    }
    return readOne(reader(element));
  });
}

function decodeServerObject(obj) {
  const [type, re] = envelope(obj, serverTypes, 're', false);
  const r = reader(obj);
  const o = withId(type, 're', re);
  switch (type) {
    case 'welcome': {
      o.protocol = r.integer('protocol', 0, intMax);
      o.server = r.string('server');
      o.nick = r.string('nick');
      o.session = r.string('session');
      const l = reader(r.object('limits'));
      o.limits = {
        maxText: l.integer('maxText', 1, intMax),
        maxBytes: l.integer('maxBytes', 1, int64Max),
        ratePerSec: l.number('ratePerSec', true),
        burst: l.integer('burst', 0, intMax),
      };
      return o;
    }
    case 'joined':
      o.room = r.string('room');
      o.count = r.integer('count', 0, intMax);
      o.members = r.array('members').map((m) => {
        if (typeof m !== 'string') fail('bad_message', "Field 'members' must hold strings.");
        return m;
      });
      return o;
    case 'left':
      o.room = r.string('room');
      return o;
    case 'message':
      return Object.assign(o, readMessage(r));
    case 'history':
      o.room = r.string('room');
      o.messages = objectArray(r, 'messages', readMessage);
      return o;
    case 'whisper':
      o.from = r.string('from');
      o.to = r.string('to');
      o.text = r.string('text');
      o.ts = r.integer('ts', 0, int64Max);
      return o;
    case 'presence': {
      o.room = r.string('room');
      o.event = r.string('event');
      if (!['join', 'leave', 'nick', 'count'].includes(o.event)) {
        fail('bad_message', `Unknown presence event '${o.event.slice(0, 64)}'.`);
      }
      if (o.event === 'count') {
        o.count = r.integer('count', 0, intMax);
      } else {
        o.nick = r.string('nick');
        const old = r.string('old', false);
        if (old) o.old = old;
      }
      return o;
    }
    case 'typing': {
      const t = { type: 'typing' }; // typing carries no re
      t.room = r.string('room');
      t.nick = r.string('nick');
      t.on = r.bool('on');
      return t;
    }
    case 'rooms':
      o.rooms = objectArray(r, 'rooms', (i) => ({ name: i.string('name'), members: i.integer('members', 0, intMax) }));
      return o;
    case 'pong': {
      const t = r.number('t', false);
      if (t !== undefined) o.t = t;
      return o;
    }
    case 'notice': {
      const n = { type: 'notice' };
      n.text = r.string('text');
      n.from = r.string('from', false) || 'server';
      const room = r.string('room', false);
      if (room) n.room = room;
      const to = r.string('to', false);
      if (to) n.to = to;
      n.ts = r.integer('ts', 0, int64Max);
      return n;
    }
    case 'error': {
      const code = r.string('code');
      o.code = errorCodes.has(code) ? code : 'internal';
      o.message = r.string('message');
      return o;
    }
    default:
      return fail('unknown_type', `Unknown message type '${type}'.`);
  }
}

function decodeWith(fn, text) {
  try {
    // raw keeps what the catalogue does not (a later server's optional fields: dup,
    // retryAfter, ...); message is exactly what common/codec would make of the frame.
    const raw = parseObject(text);
    return { ok: true, message: fn(raw), raw };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, code: e.code, error: e.message };
    throw e;
  }
}

/** A client -> server frame: {ok: true, message, raw} or {ok: false, code, error}. */
export function decodeClient(text) {
  return decodeWith(decodeClientObject, text);
}

/** A server -> client frame: {ok: true, message, raw} or {ok: false, code, error}. */
export function decodeServer(text) {
  return decodeWith(decodeServerObject, text);
}

/** A client message object to its frame text. */
export function encode(message) {
  return JSON.stringify(message);
}

/** A fresh request id (UUID when the browser has one). */
export function newId() {
  if (globalThis.crypto && typeof globalThis.crypto.randomUUID === 'function') {
    return globalThis.crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** "Browser (Chromium 156)" from a user agent string; at most 64 characters. */
export function agentFrom(userAgent) {
  const ua = String(userAgent || '');
  const tests = [[/Edg\/(\d+)/, 'Edge'], [/OPR\/(\d+)/, 'Opera'], [/Firefox\/(\d+)/, 'Firefox'],
    [/(?:HeadlessChrome|Chrome|Chromium|CriOS)\/(\d+)/, 'Chromium'], [/Version\/(\d+).*Safari/, 'Safari']];
  for (const [re, name] of tests) {
    const m = ua.match(re);
    if (m) return `Browser (${name} ${m[1]})`.slice(0, limits.agentMax);
  }
  return 'Browser';
}

/** "HOST:PORT", "ws://HOST:PORT/..." or "http://HOST:PORT/" to a ws:// (or wss://) URL. */
export function serverUrl(input, pageProtocol = 'http:') {
  let s = String(input || '').trim();
  if (!s) return null;
  const secure = pageProtocol === 'https:';
  if (/^https?:\/\//i.test(s)) s = s.replace(/^http/i, 'ws');
  else if (!/^wss?:\/\//i.test(s)) s = `${secure ? 'wss' : 'ws'}://${s}`;
  let url;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (!url.hostname) return null;
  url.hash = '';
  url.search = '';
  url.pathname = '/';
  return url.toString();
}
