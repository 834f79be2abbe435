#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""Measures the server's memory per idle connection: starts `duplex-server --headless` on
127.0.0.1 (free port, in-memory history), reads its RSS, opens N WebSocket clients that each
say hello (and so join `general`), waits until all are welcomed and the server is idle, and
reads the RSS again. Prints baseline, loaded and (loaded - baseline) / N.

Usage: idle_memory.py PATH/TO/duplex-server [N=1000]
A measurement, not a test: not registered with CTest. Loopback only, bounded in time.
"""

import asyncio
import os
import subprocess
import sys
import time

import websockets


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def client(port, i, welcomed, stop):
    ws = await websockets.connect(f"ws://127.0.0.1:{port}/", subprotocols=["duplex.v1"],
                                  max_queue=None, open_timeout=30, ping_interval=None)
    await ws.send('{"type":"hello","nick":"u%d"}' % i)
    async def drain():
        try:
            async for raw in ws:
                if '"type":"welcome"' in raw:
                    welcomed.add(i)
        except websockets.ConnectionClosed:
            pass
    task = asyncio.create_task(drain())
    await stop.wait()
    await ws.close()
    await task


async def main(exe, n):
    proc = subprocess.Popen([exe, "--headless", "--bind", "127.0.0.1", "--port", "0",
                             "--db", ":memory:", "--rate", "0", "--max-clients", str(n + 10)],
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    try:
        port = None
        while port is None:
            line = proc.stdout.readline()
            if line.startswith("listening on 127.0.0.1:"):
                port = int(line.strip().rsplit(":", 1)[1])
        # Drain the log in the background so the server never blocks on stdout.
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, lambda: [None for _ in proc.stdout])
        await asyncio.sleep(0.5)
        base = rss_kib(proc.pid)
        welcomed, stop = set(), asyncio.Event()
        started = time.monotonic()
        tasks = []
        for i in range(n):
            tasks.append(asyncio.create_task(client(port, i, welcomed, stop)))
            if i % 100 == 99:
                await asyncio.sleep(0.05)
        while len(welcomed) < n and time.monotonic() - started < 120:
            await asyncio.sleep(0.2)
        connect_s = time.monotonic() - started
        # Let the join presence storm settle, then read the steady idle RSS.
        prev = -1
        for _ in range(40):
            await asyncio.sleep(0.5)
            cur = rss_kib(proc.pid)
            if cur == prev:
                break
            prev = cur
        loaded = rss_kib(proc.pid)
        print(f"clients welcomed: {len(welcomed)}/{n} in {connect_s:.1f} s")
        print(f"server RSS baseline: {base} KiB; with {n} idle clients: {loaded} KiB")
        print(f"per connection: {(loaded - base) / n:.1f} KiB")
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 60)
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    asyncio.run(asyncio.wait_for(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000), 300))
