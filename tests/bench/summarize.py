#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""Medians per (workload, server) from compare.sh's results.jsonl, as a Markdown table,
with the ratio of every Duplex variant to the peer. W3D is W3 with Duplex's history in a
file database (the peer stores nothing): its Duplex rows also compare with the same
server's W3 (":memory:"), which is the cost of the disk."""
import json
import statistics
import sys
from collections import defaultdict

rows = defaultdict(list)
order = []
servers = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    key = (r["workload"], r["server"])
    if r["workload"] not in order:
        order.append(r["workload"])
    if r["server"] not in servers:
        servers.append(r["server"])
    if not r["bench"].get("failed_run"):
        rows[key].append(r["bench"])


def med(runs, field):
    vals = [b[field] for b in runs if field in b and b[field] is not None and b[field] >= 0]
    return statistics.median(vals) if vals else None


def fmt(v, digits=0):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


metrics_w1 = [("connects_per_s", "connects/s", 0, "higher"), ("rss_per_conn_kb", "kB/conn", 1, "lower"),
              ("connect_s", "connect s", 2, "lower"), ("server_rss_idle_kb", "idle RSS kB", 0, "lower")]
metrics_w2 = [("delivered_per_s", "delivered/s", 0, "higher"), ("lat_p50_ms", "p50 ms", 2, "lower"),
              ("lat_p99_ms", "p99 ms", 2, "lower"), ("lost", "lost", 0, "lower"),
              ("duplicated", "dup", 0, "lower"), ("server_hwm_kb", "peak RSS kB", 0, "lower")]
metrics_w3 = [("lat_p99_ms", "p99 ms", 2, "lower"), ("lat_p50_ms", "p50 ms", 2, "lower"),
              ("lat_max_ms", "max ms", 1, "lower"),
              ("server_rss_idle_kb", "RSS start kB", 0, "lower"), ("server_rss_max_kb", "RSS max kB", 0, "lower"),
              ("lost", "lost", 0, "lower")]
metrics_w5 = [("requests_per_s", "req/s", 1, "lower"), ("empty_share", "empty share", 2, "lower"),
              ("bytes_per_msg", "B/msg", 0, "lower"), ("lat_p50_ms", "p50 ms", 2, "lower"),
              ("lat_p99_ms", "p99 ms", 2, "lower"), ("lat_max_ms", "max ms", 1, "lower"),
              ("server_cpu", "server CPU", 3, "lower"), ("server_rss_max_kb", "RSS max kB", 0, "lower"),
              ("lost", "lost", 0, "lower"), ("duplicated", "dup", 0, "lower")]
metrics_w6 = [("delivered_per_s", "delivered/s", 0, "higher"), ("lat_p50_ms", "p50 ms", 2, "lower"),
              ("lat_p99_ms", "p99 ms", 2, "lower"), ("lost", "lost", 0, "lower"),
              ("duplicated", "dup", 0, "lower"), ("servers_cpu_pct", "servers CPU %", 0, "lower"),
              ("redis_cpu_pct", "Redis CPU %", 0, "lower")]

print("| workload | server | runs | " + " | ".join(["metric"] * 0) + "figures (medians) | Duplex/peer |")
print("|---|---|---|---|---|")
for w in order:
    metrics = metrics_w1 if w.startswith("W1") else metrics_w3 if w.startswith(("W3", "WD")) \
        else metrics_w5 if w.startswith("W5") else metrics_w6 if w.startswith("W6") else metrics_w2
    peer = rows.get((w, "peer"), [])
    for s in servers:
        runs = rows.get((w, s), [])
        figs = ", ".join(f"{label} {fmt(med(runs, f), d)}" for f, label, d, _ in metrics)
        ratio = ""
        if s != "peer" and peer and runs:
            f, label, d, _ = metrics[0]
            a, b = med(runs, f), med(peer, f)
            if a is not None and b:
                ratio = f"{label} ×{a / b:.2f}"
            if w.startswith("W1"):
                a, b = med(runs, "rss_per_conn_kb"), med(peer, "rss_per_conn_kb")
                if a is not None and b:
                    ratio += f"; kB/conn ×{a / b:.2f}"
            else:
                a, b = med(runs, "lat_p99_ms"), med(peer, "lat_p99_ms")
                if a is not None and b and not w.startswith("W3"):
                    ratio += f"; p99 ×{a / b:.2f}"
        if w.startswith("W3D") and s != "peer":
            # Same server, same load, history in :memory: (W3) vs in a file (W3D).
            mem = rows.get(("W3-" + w.split("-", 1)[1] if "-" in w else "W3", s), [])
            a, b = med(runs, "lat_p99_ms"), med(mem, "lat_p99_ms")
            if a is not None and b:
                ratio += ("; " if ratio else "") + f"p99 file/memory ×{a / b:.2f}"
        if w.startswith("W6") and s != "duplex-x1" and runs:
            # The cluster against one process with the same clients (issue 17).
            one = rows.get((w, "duplex-x1"), [])
            for f, label in (("delivered_per_s", "delivered/s"), ("lat_p99_ms", "p99")):
                a, b = med(runs, f), med(one, f)
                if a is not None and b:
                    ratio += ("; " if ratio else "") + f"{label} ×{a / b:.2f} vs 1 process"
        name = f"{s} (no storage)" if w.startswith("W3D") and s == "peer" else s
        print(f"| {w} | {name} | {len(runs)} | {figs} | {ratio} |")
