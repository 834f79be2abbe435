#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""Soak: N minutes of class-like churn against `duplex-server --headless` on 127.0.0.1,
sampling the server's RSS, open descriptors and queue totals every second.

Clients join, chat in a few rooms, whisper, drop without a close frame and resume with their
token, close cleanly and come back under a new nick, and some stop reading for a while (slow
readers). Every second one CSV row: seconds, RSS (KiB), open fds, clients, bytes queued in
the server, messages stored, lingering closes, glibc's heap in use / free / mmapped,
SQLite's bytes (from the server's DUPLEX_STATS_MS line), RSS anonymous / file / shmem, heap
trims and the last one's microseconds. At the end: a summary (start/end, drift of the second
half, fits over minutes 5 to the end, the mappings that grew) and an SVG plot.

Usage: soak.py PATH/TO/duplex-server [--minutes 30] [--clients 200] [--out DIR]
              [--wrap "heaptrack -o FILE"] [--env NAME=VALUE ...]
       soak.py TITLE --replot DIR/soak.csv       (redraws DIR/soak.svg)
A bench, not a test (not in CTest, not in CI). Loopback only; every socket bounded in time.
Only the Python standard library (a minimal RFC 6455 client of its own).
"""

import argparse
import asyncio
import base64
import json
import os
import random
import shlex
import signal
import struct
import subprocess
import sys
import tempfile
import time

ROOMS = ["general", "maths", "physics", "art", "music", "lab", "team-a", "team-b"]


def rss_kib(pid):
    return rss_parts(pid)[0]


def rss_parts(pid):
    """VmRSS and its parts, KiB: anonymous (heap, stacks), file-backed (libraries, the
    database's -shm), shared memory."""
    want = {"VmRSS:": 0, "RssAnon:": 1, "RssFile:": 2, "RssShmem:": 3}
    out = [0, 0, 0, 0]
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key = line.split(":", 1)[0] + ":"
            if key in want:
                out[want[key]] = int(line.split()[1])
    return out


def smaps_by_mapping(pid):
    """Resident KiB per mapping name ([heap], [anon], a library, the -shm file)."""
    out = {}
    name = "?"
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                head = line.split()
                if not head:
                    continue
                if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                    name = head[5] if len(head) > 5 else "[anon]"
                elif head[0] == "Rss:":
                    out[name] = out.get(name, 0) + int(head[1])
    except OSError:
        pass
    return out


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def find_server(root, exe):
    """The pid of `exe` among `root` and its descendants (a --wrap command such as heaptrack
    starts the server as a child of its own shell script)."""
    want = os.path.realpath(exe)
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            if os.path.realpath(f"/proc/{pid}/exe") == want:
                return pid
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return None


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
    """Two panels (RSS MiB; fds and clients), and with the allocators' figures a third
    (KiB: anonymous RSS, malloc in use, free inside the heap); plain SVG, no plotting
    library needed."""
    w, h, pad = 900, 260, 50
    t = [r[0] for r in rows]
    series = [
        ("RSS (MiB)", [r[1] / 1024 for r in rows], "#1f77b4", 0),
        ("open fds", [r[2] for r in rows], "#d62728", 1),
        ("clients", [r[3] for r in rows], "#2ca02c", 1),
    ]
    panels = 2
    if len(rows[0]) > 12 and any(r[7] for r in rows):
        panels = 3
        series += [
            ("anonymous RSS (KiB)", [r[11] for r in rows], "#9467bd", 2),
            ("malloc in use (KiB)", [r[7] / 1024 for r in rows], "#ff7f0e", 2),
            ("free in the heap (KiB)", [r[8] / 1024 for r in rows], "#8c564b", 2),
        ]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{panels * h + 40}" '
           'font-family="sans-serif" font-size="12">',
           f'<text x="{pad}" y="16" font-size="14">{title}</text>']
    tmax = max(t) or 1
    for panel in range(panels):
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
            out.append(f'<text x="{pad + 10 + (170 if panel == 2 else 110) * j}" '
                       f'y="{y0 + 15}" fill="{color}">{name}</text>')
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
    ap.add_argument("--wrap", default="",
                    help='a command the server runs under, e.g. "heaptrack -o FILE" (RSS, '
                         'fds are sampled from the server process itself)')
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                    help="an extra variable for the server (repeatable)")
    ap.add_argument("--replot", metavar="CSV", help="only draw the SVG of an earlier run's CSV "
                    "(the server argument is then its title)")
    a = ap.parse_args()
    if a.replot:
        with open(a.replot) as f:
            rows = [[float(v) for v in line.split(",")] for line in f.read().splitlines()[1:]
                    if line]
        svg = os.path.splitext(a.replot)[0] + ".svg"
        svg_plot(rows, svg, a.server)
        print(f"plot {svg}")
        return
    out = a.out or tempfile.mkdtemp(prefix="duplex-soak-")
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "soak.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    env = dict(os.environ, DUPLEX_STATS_MS="1000")
    env.update(kv.split("=", 1) for kv in a.env)
    proc = subprocess.Popen(shlex.split(a.wrap) + [a.server, "--headless", "--bind", "127.0.0.1",
                                                   "--port", "0", "--db", db],
                            stdout=subprocess.PIPE, text=True, bufsize=1, env=env)
    latest = {"clients": 0, "queued": 0, "stored": 0, "lingering": 0, "heap_used": 0,
              "heap_free": 0, "heap_mmap": 0, "sqlite": 0, "trims": 0,
              "trim_us": 0}
    port = None
    while port is None:
        line = proc.stdout.readline()
        if not line:
            sys.exit("soak: the server did not start")
        if line.startswith("listening on 127.0.0.1:"):
            port = int(line.strip().rsplit(":", 1)[1])
    # The process to sample (and to stop): the server itself, not a wrapper's launcher.
    spid = find_server(proc.pid, a.server) if a.wrap else proc.pid
    if spid is None:
        sys.exit("soak: the server process was not found under the wrapper")
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
    maps_at_5 = None  # resident KiB per mapping at minute 5, against the end
    maps_at_end = {}
    try:
        with open(csv_path, "w") as csv:
            csv.write("seconds,rss_kib,fds,clients,queued_bytes,stored,lingering,"
                      "heap_used,heap_free,heap_mmap,sqlite_bytes,rss_anon_kib,rss_file_kib,"
                      "rss_shmem_kib,heap_trims,last_trim_us\n")
            for i in range(a.clients):
                tasks.append(asyncio.create_task(student(port, i, stats, stop, a.slow_share)))
                if i % 20 == 19:
                    await asyncio.sleep(0.1)
            end = started + a.minutes * 60
            while time.monotonic() < end and proc.poll() is None:
                await asyncio.sleep(1)
                rss = rss_parts(spid)
                row = (round(time.monotonic() - started, 1), rss[0],
                       fd_count(spid), latest["clients"], latest["queued"],
                       latest["stored"], latest["lingering"], latest["heap_used"],
                       latest["heap_free"], latest["heap_mmap"], latest["sqlite"],
                       rss[1], rss[2], rss[3], latest["trims"],
                       latest["trim_us"])
                if maps_at_5 is None and row[0] >= 300:
                    maps_at_5 = smaps_by_mapping(spid)
                rows.append(row)
                csv.write(",".join(str(v) for v in row) + "\n")
                csv.flush()
        maps_at_end = smaps_by_mapping(spid)
    finally:
        stop.set()
        await asyncio.sleep(1)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for w in list(stats.open):
            w.transport.abort()  # everyone gone at once (drops: the sessions wait 120 s)
        await asyncio.sleep(5)
        after = (rss_kib(spid), fd_count(spid)) if proc.poll() is None else (0, 0)
        os.kill(spid, signal.SIGTERM)  # the server; a wrapper then finishes its output
        try:
            proc.wait(120 if a.wrap else 10)
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
    late = [r for r in rows if r[0] >= 300] or rows  # minutes 5 to the end
    xs = [r[0] for r in late]
    print(f"fit over minutes 5-{rows[-1][0] / 60:.0f}: RSS "
          f"{slope_per_min(xs, [r[1] for r in late]):+.1f} KiB/min; malloc in use "
          f"{slope_per_min(xs, [r[7] / 1024 for r in late]):+.1f}, free in the heap "
          f"{slope_per_min(xs, [r[8] / 1024 for r in late]):+.1f}, mmapped "
          f"{slope_per_min(xs, [r[9] / 1024 for r in late]):+.1f}, SQLite "
          f"{slope_per_min(xs, [r[10] / 1024 for r in late]):+.1f} KiB/min")
    print(f"RSS parts, fit over minutes 5-end: anonymous "
          f"{slope_per_min(xs, [r[11] for r in late]):+.1f}, file-backed "
          f"{slope_per_min(xs, [r[12] for r in late]):+.1f}, shared memory "
          f"{slope_per_min(xs, [r[13] for r in late]):+.1f} KiB/min")
    if maps_at_5:
        grown = sorted(((maps_at_end.get(k, 0) - maps_at_5.get(k, 0), k)
                        for k in set(maps_at_5) | set(maps_at_end)), reverse=True)
        print("resident KiB per mapping, minute 5 -> end (largest changes): " + "; ".join(
            f"{os.path.basename(k)} {maps_at_5.get(k, 0)} -> {maps_at_end.get(k, 0)}"
            for d, k in sorted(grown, key=lambda g: -abs(g[0]))[:8] if d))
    print(f"at the end: malloc in use {rows[-1][7] // 1024} KiB, free in the heap "
          f"{rows[-1][8] // 1024} KiB, mmapped {rows[-1][9] // 1024} KiB, SQLite "
          f"{rows[-1][10] // 1024} KiB")
    print(f"queued bytes: max {max(r[4] for r in rows)}, end {rows[-1][4]}; "
          f"messages stored {rows[-1][5]}")
    svg = os.path.join(out, "soak.svg")
    svg_plot(rows, svg, f"duplex-server soak: {a.minutes:g} min, {a.clients} churning clients")
    print(f"plot {svg}")


if __name__ == "__main__":
    asyncio.run(main())
