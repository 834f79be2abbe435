#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""A class opening the browser page at the same moment: N students each load the page the
way a browser does (the HTML first, then every script, style and icon it refers to, six
connections at a time) from duplex-server on 127.0.0.1, all starting together.

    pagestorm.py --url http://127.0.0.1:PORT/ [--students 300] [--delay S] [--json]

Prints per-request and per-page latency (p50/p99/max), bytes and failures. Loopback only;
bounded: every request times out after --timeout seconds and the run ends by itself."""
import argparse
import asyncio
import json
import re
import sys
import time
import urllib.parse

REF = re.compile(rb'''(?:src|href)\s*=\s*["']([^"'#?]+)''')
IMPORT = re.compile(rb'''(?:import|from)\s*\(?\s*["'](\.{1,2}/[^"']+|/[^"']+)["']''')


async def fetch(host, port, path, timeout):
    """One request on a fresh connection (the server answers with Connection: close)."""
    t0 = time.perf_counter()
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                     f"User-Agent: pagestorm\r\nAccept: */*\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(-1), timeout)
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/1.1 ") else 0
    return status, body, len(data), time.perf_counter() - t0


async def discover(host, port, timeout):
    """The page and everything it pulls in (HTML refs, then module imports, recursively)."""
    seen, todo, assets = {"/"}, ["/"], []
    while todo:
        path = todo.pop()
        status, body, _, _ = await fetch(host, port, path, timeout)
        if status != 200:
            continue
        if path != "/":
            assets.append(path)
        refs = REF.findall(body) if path.endswith(("/", ".html")) else IMPORT.findall(body)
        for ref in refs:
            ref = ref.decode()
            if ref.startswith(("http:", "https:", "data:", "//")):
                continue
            full = urllib.parse.urljoin(path, ref)
            if full not in seen:
                seen.add(full)
                todo.append(full)
    return sorted(assets)


async def student(host, port, assets, timeout, requests, failures):
    t0 = time.perf_counter()
    try:
        status, _, size, dt = await fetch(host, port, "/", timeout)
        requests.append((dt, size, status))
        if status != 200:
            failures.append(f"/ -> {status}")
        sem = asyncio.Semaphore(6)   # a browser's connections per host

        async def one(path):
            async with sem:
                s, _, n, d = await fetch(host, port, path, timeout)
                requests.append((d, n, s))
                if s != 200:
                    failures.append(f"{path} -> {s}")

        await asyncio.gather(*(one(p) for p in assets))
    except Exception as e:  # a timeout or a reset counts, and the run goes on
        failures.append(type(e).__name__)
    return time.perf_counter() - t0


def pct(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(d):
    return (f"{d['students']} students x {d['assets']} files: {d['requests']} requests in "
            f"{d['wall_s']:.2f} s, {d['failures']} failed; request p50 {d['req_p50_ms']} ms, "
            f"p99 {d['req_p99_ms']} ms, max {d['req_max_ms']} ms; page p50 "
            f"{d['page_p50_ms']} ms, p99 {d['page_p99_ms']} ms; "
            f"{d['page_bytes']} bytes per page (HTTP heads included)")


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url")
    ap.add_argument("--show", help="print the summary of a --json result file and exit")
    ap.add_argument("--students", type=int, default=300)
    ap.add_argument("--delay", type=float, default=0.0, help="seconds to wait before the storm")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.show:
        with open(a.show) as f:
            print("  page storm: " + summary(json.load(f)))
        return
    u = urllib.parse.urlsplit(a.url)
    host, port = u.hostname, u.port
    if host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("pagestorm: loopback only")
    assets = await discover(host, port, a.timeout)
    await asyncio.sleep(a.delay)
    requests, failures = [], []
    t0 = time.perf_counter()
    pages = await asyncio.gather(*(student(host, port, assets, a.timeout, requests, failures)
                                   for _ in range(a.students)))
    wall = time.perf_counter() - t0
    lat = [r[0] * 1000 for r in requests]
    out = {
        "students": a.students, "assets": len(assets) + 1, "requests": len(requests),
        "failures": len(failures), "bytes": sum(r[1] for r in requests),
        "page_bytes": None, "wall_s": round(wall, 3),
        "req_p50_ms": round(pct(lat, 50), 2), "req_p99_ms": round(pct(lat, 99), 2),
        "req_max_ms": round(max(lat, default=0), 2),
        "page_p50_ms": round(pct([p * 1000 for p in pages], 50), 2),
        "page_p99_ms": round(pct([p * 1000 for p in pages], 99), 2),
        "page_max_ms": round(max(pages, default=0) * 1000, 2),
    }
    if requests and a.students:
        out["page_bytes"] = out["bytes"] // a.students
    if a.json:
        print(json.dumps(out))
    else:
        print(summary(out))
        for f in failures[:5]:
            print("  failed:", f)


asyncio.run(main())
