#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# CTest smoke run of duplex-bench (~2 s): a headless server on 127.0.0.1 with a free port,
# 5 clients, 2 senders; passes when every message reached every client exactly once: over
# WebSocket, then the same over HTTP short polls (every 200 ms) and long polls.
# Usage: smoke.sh DUPLEX_SERVER DUPLEX_BENCH
set -euo pipefail
server=$1
bench=$2
# Not `--help | grep -q`: grep stops at the first match, the server dies of SIGPIPE writing
# the rest, and pipefail made that a failure, so this always skipped.
help=$("$server" --help 2>/dev/null || true)
if ! grep -q -- '--headless' <<<"$help"; then
    echo "duplex-server has no --headless yet: skipping"
    exit 77
fi
log=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
timeout 60 "$server" --headless --bind 127.0.0.1 --port 0 --rate 0 --db :memory: >"$log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(grep -i 'listening' "$log" | grep -oE '127\.0\.0\.1:[0-9]+' | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "server did not report its port:"; cat "$log"; exit 1
fi
# `timeout` is the parent: the bench samples the server process itself (RSS, CPU).
spid=$(pgrep -P "$pid" 2>/dev/null | head -1 || true)
spid=${spid:-$pid}
check() {   # transport extra-args...
    local transport=$1; shift
    local out
    out=$(timeout 30 "$bench" --url "ws://127.0.0.1:$port/" --clients 5 --senders 2 --rate 20 \
          --duration 1 --idle 0.2 --drain 3 --timeout 20 --pid "$spid" --json --quiet \
          --transport "$transport" "$@")
    echo "$out"
    out_last=$out
    echo "$out" | grep -q '"joined":5,' || { echo "FAIL ($transport): not every client joined"; exit 1; }
    echo "$out" | grep -q '"lost":0,"duplicated":0,"reordered":0,' || { echo "FAIL ($transport): lost, duplicated or reordered messages"; exit 1; }
    echo "$out" | grep -q '"sent":0,' && { echo "FAIL ($transport): nothing was sent"; exit 1; }
    echo "$out" | grep -q '"http_errors":0,' || { echo "FAIL ($transport): failed polls"; exit 1; }
    echo "$out" | grep -q '"timed_out":false' || { echo "FAIL ($transport): timed out"; exit 1; }
}
check ws
check poll --poll-interval 200
check long-poll
# Several --url (issue 17's cluster runs): here two spellings of the same server, so the
# clients are spread over two targets and every message must still arrive exactly once.
check ws --url "ws://localhost:$port/"
echo "$out_last" | grep -q '"servers":2}' || { echo "FAIL: the second --url was not used"; exit 1; }
echo "bench smoke OK"
