#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""Soak: N minutes of class-like churn against `duplex-server --headless` on 127.0.0.1,
sampling the server's RSS, open descriptors and queue totals every second.

Clients join, chat in a few rooms, whisper, drop without a close frame and resume with their
token, close cleanly and come back under a new nick, and some stop reading for a while (slow
readers). Every second one CSV row: seconds, RSS (KiB), open fds, clients, bytes queued in
the server, messages stored, lingering closes (from the server's DUPLEX_STATS_MS line).
At the end: a summary (start/end, drift of the second half) and an SVG plot.

Usage: soak.py PATH/TO/duplex-server [--minutes 30] [--clients 200] [--out DIR]
A bench, not a test (not in CTest, not in CI). Loopback only; every socket bounded in time.
Only the Python standard library (a minimal RFC 6455 client of its own).
"""

import argparse
import asyncio
import base64
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import time

ROOMS = ["general", "maths", "physics", "art", "music", "lab", "team-a", "team-b"]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def frame(opcode, payload):
    if isinstance(payload, str):
        payload = payload.encode()
    n = len(payload)
    head = bytes([0x80 | opcode])
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    mask = os.urandom(4)
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + mask + body


async def read_frame(reader):
    h = await reader.readexactly(2)
    n = h[1] & 0x7F
    if n == 126:
        n = struct.unpack("!H", await reader.readexactly(2))[0]
    elif n == 127:
        n = struct.unpack("!Q", await reader.readexactly(8))[0]
    return h[0] & 0x0F, await reader.readexactly(n)


class Stats:
    def __init__(self):
        self.connects = self.drops = self.clean = self.resumes = self.slow = 0
        self.said = self.errors = self.close_frames = 0
        self.codes = {}
        self.open = set()  # writers still open (aborted at the end)


async def student(port, idx, stats, stop, slow_share):
    token = None
    nick = f"s{idx}"
    generation = 0
    while not stop.is_set():
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port), 10)
        except (OSError, asyncio.TimeoutError):
            await asyncio.sleep(1)
            continue
        stats.connects += 1
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                      "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: duplex.v1\r\n\r\n")
                     .encode())
        hello = {"type": "hello", "nick": nick}
        if token:
            hello["resume"] = token
            stats.resumes += 1
        writer.write(frame(1, json.dumps(hello)))
        slow = random.random() < slow_share
        if slow:
            stats.slow += 1
        welcomed = asyncio.Event()
        state = {"token": token, "closed": False}

        async def read_loop():
            try:
                await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
                while True:
                    if slow and welcomed.is_set():
                        await asyncio.sleep(random.uniform(2, 8))  # reads in fits
                    op, payload = await read_frame(reader)
                    if op == 1:
                        if b'"type":"welcome"' in payload:
                            state["token"] = json.loads(payload).get("session")
                            welcomed.set()
                        elif b'"type":"error"' in payload:
                            stats.errors += 1
                            code = json.loads(payload).get("code", "?")
                            stats.codes[code] = stats.codes.get(code, 0) + 1
                            if code == "nick_taken":
                                return
                    elif op == 8:
                        stats.close_frames += 1
                        state["closed"] = True
                        return
            except (asyncio.IncompleteReadError, OSError, asyncio.TimeoutError,
                    asyncio.LimitOverrunError, ValueError):
                return

        rt = asyncio.create_task(read_loop())
        stats.open.add(writer)
        try:
            await asyncio.wait_for(welcomed.wait(), 10)
        except asyncio.TimeoutError:
            pass
        token = state["token"]
        rooms = random.sample(ROOMS[1:], random.randint(0, 2))
        for r in rooms:
            writer.write(frame(1, json.dumps({"type": "join", "room": r})))
        life = time.monotonic() + random.uniform(5, 60)
        n = 0
        try:
            while not stop.is_set() and time.monotonic() < life and not rt.done():
                await asyncio.sleep(random.uniform(0.5, 3))
                n += 1
                room = random.choice(["general"] + rooms)
                text = "x" * random.choice([10, 50, 200, 1000])
                if random.random() < 0.1:
                    msg = {"type": "whisper", "id": f"w{generation}-{n}",
                           "to": f"s{random.randrange(idx + 1)}", "text": text}
                elif random.random() < 0.05:
                    msg = {"type": "history", "room": room, "limit": 200}
                else:
                    msg = {"type": "say", "id": f"m{generation}-{n}", "room": room,
                           "text": text}
                writer.write(frame(1, json.dumps(msg)))
                stats.said += 1
                if random.random() < 0.2:
                    writer.write(frame(9, b"p"))  # a WebSocket ping
                await asyncio.wait_for(writer.drain(), 10)
        except (OSError, asyncio.TimeoutError):
            pass
        generation += 1
        ending = random.random()
        try:
            if ending < 0.5 and not rt.done():
                # A drop (Wi-Fi lost, laptop lid): no close frame; resume with the token.
                stats.drops += 1
                writer.transport.abort()
            else:
                # A clean end: close 1000, the session ends; back later under a new name.
                stats.clean += 1
                writer.write(frame(8, struct.pack("!H", 1000)))
                await asyncio.wait_for(writer.drain(), 5)
                await asyncio.wait_for(rt, 3)
                writer.close()
                token = None
                nick = f"s{idx}g{generation}"
        except (OSError, asyncio.TimeoutError):
            writer.transport.abort()
        rt.cancel()
        stats.open.discard(writer)
        await asyncio.sleep(random.uniform(0.2, 5))


def svg_plot(rows, path, title):
    """Two panels (RSS MiB; fds and clients), plain SVG, no plotting library needed."""
    w, h, pad = 900, 260, 50
    t = [r[0] for r in rows]
    series = [
        ("RSS (MiB)", [r[1] / 1024 for r in rows], "#1f77b4", 0),
        ("open fds", [r[2] for r in rows], "#d62728", 1),
        ("clients", [r[3] for r in rows], "#2ca02c", 1),
    ]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{2 * h + 40}" '
           'font-family="sans-serif" font-size="12">',
           f'<text x="{pad}" y="16" font-size="14">{title}</text>']
    tmax = max(t) or 1
    for panel in (0, 1):
        y0 = 30 + panel * h
        ss = [s for s in series if s[3] == panel]
        vmax = max(max(s[1]) for s in ss) * 1.1 or 1
        out.append(f'<rect x="{pad}" y="{y0}" width="{w - 2 * pad}" height="{h - 40}" '
                   'fill="none" stroke="#888"/>')
        for k in range(5):
            v = vmax * k / 4
            y = y0 + (h - 40) * (1 - k / 4)
            out.append(f'<text x="{pad - 5}" y="{y + 4:.0f}" text-anchor="end">{v:.0f}</text>')
        for k in range(7):
            x = pad + (w - 2 * pad) * k / 6
            out.append(f'<text x="{x:.0f}" y="{y0 + h - 25}" text-anchor="middle">'
                       f'{tmax * k / 6 / 60:.1f} min</text>')
        for j, (name, vals, color, _) in enumerate(ss):
            pts = " ".join(f"{pad + (w - 2 * pad) * ti / tmax:.1f},"
                           f"{y0 + (h - 40) * (1 - v / vmax):.1f}" for ti, v in zip(t, vals))
            out.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.2" '
                       f'points="{pts}"/>')
            out.append(f'<text x="{pad + 10 + 110 * j}" y="{y0 + 15}" fill="{color}">'
                       f'{name}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out))


def slope_per_min(xs, ys):
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs) or 1
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var * 60


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("server")
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--slow-share", type=float, default=0.05)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="duplex-soak-")
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "soak.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    env = dict(os.environ, DUPLEX_STATS_MS="1000")
    proc = subprocess.Popen([a.server, "--headless", "--bind", "127.0.0.1", "--port", "0",
                             "--db", db], stdout=subprocess.PIPE, text=True, bufsize=1, env=env)
    latest = {"clients": 0, "queued": 0, "stored": 0, "lingering": 0}
    port = None
    while port is None:
        line = proc.stdout.readline()
        if not line:
            sys.exit("soak: the server did not start")
        if line.startswith("listening on 127.0.0.1:"):
            port = int(line.strip().rsplit(":", 1)[1])
    loop = asyncio.get_running_loop()

    def pump_log():
        for line in proc.stdout:
            if "[stats]" in line:
                for part in line.split():
                    if "=" in part:
                        k, v = part.split("=", 1)
                        if v.isdigit():
                            latest[k] = int(v)
    loop.run_in_executor(None, pump_log)
    stats = Stats()
    stop = asyncio.Event()
    rows = []
    csv_path = os.path.join(out, "soak.csv")
    started = time.monotonic()
    tasks = []
    try:
        with open(csv_path, "w") as csv:
            csv.write("seconds,rss_kib,fds,clients,queued_bytes,stored,lingering\n")
            for i in range(a.clients):
                tasks.append(asyncio.create_task(student(port, i, stats, stop, a.slow_share)))
                if i % 20 == 19:
                    await asyncio.sleep(0.1)
            end = started + a.minutes * 60
            while time.monotonic() < end and proc.poll() is None:
                await asyncio.sleep(1)
                row = (round(time.monotonic() - started, 1), rss_kib(proc.pid),
                       fd_count(proc.pid), latest["clients"], latest["queued"],
                       latest["stored"], latest["lingering"])
                rows.append(row)
                csv.write(",".join(str(v) for v in row) + "\n")
                csv.flush()
    finally:
        stop.set()
        await asyncio.sleep(1)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for w in list(stats.open):
            w.transport.abort()  # everyone gone at once (drops: the sessions wait 120 s)
        await asyncio.sleep(5)
        after = (rss_kib(proc.pid), fd_count(proc.pid)) if proc.poll() is None else (0, 0)
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if not rows:
        sys.exit("soak: no samples")
    warm = [r for r in rows if r[0] >= 60] or rows  # after the first minute's ramp-up
    half = [r for r in rows if r[0] >= rows[-1][0] / 2] or rows
    print(f"soak: {a.minutes} min, {a.clients} clients; csv {csv_path}")
    print(f"connects {stats.connects}, drops {stats.drops}, clean ends {stats.clean}, "
          f"resumes {stats.resumes}, slow readers {stats.slow}, requests {stats.said}, "
          f"errors {stats.errors} {stats.codes}, close frames received {stats.close_frames}")
    print(f"RSS KiB: at 1 min {warm[0][1]}, end {rows[-1][1]}, max {max(r[1] for r in rows)}; "
          f"second-half drift {slope_per_min([r[0] for r in half], [r[1] for r in half]):.1f} "
          f"KiB/min; after the clients left {after[0]}")
    print(f"fds: at 1 min {warm[0][2]}, end {rows[-1][2]}, max {max(r[2] for r in rows)}; "
          f"second-half drift {slope_per_min([r[0] for r in half], [r[2] for r in half]):.2f}"
          f"/min; after the clients left {after[1]}")
    print(f"queued bytes: max {max(r[4] for r in rows)}, end {rows[-1][4]}; "
          f"messages stored {rows[-1][5]}")
    svg = os.path.join(out, "soak.svg")
    svg_plot(rows, svg, f"duplex-server soak: {a.minutes:g} min, {a.clients} churning clients")
    print(f"plot {svg}")


if __name__ == "__main__":
    asyncio.run(main())
