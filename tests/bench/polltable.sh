#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# docs/performance.md "Push vs polling": the table for 30 and 300 clients, push, polling every
# 500 ms and long polling, the polls with `Connection: close` and with HTTP keep-alive. A
# fresh headless server per run (its class transport set to match), 2 staggered senders at
# 1 msg/s each, 20 s measured. Loopback only; every process bounded by `timeout`.
#   tests/bench/polltable.sh [BUILD_DIR] [RUNS] [SIZES] [SENDERS]
#   (defaults: build 1 "30 300" 2; SENDERS 1 gives the teacher guide's one message a second)
# Prints one JSON line per run (bench output plus the row's name) on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-1}
sizes=${3:-"30 300"}
senders=${4:-2}
server_bin=$build/app-server/duplex-server
bench_bin=$build/tests/bench/duplex-bench
[ -x "$server_bin" ] || server_bin=$(find "$build" -name duplex-server -type f -perm -u+x | head -1)
[ -x "$bench_bin" ] || bench_bin=$(find "$build" -name duplex-bench -type f -perm -u+x | head -1)
tmp=$(mktemp -d)
pid=""
stop() { [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; pid=""; }
trap 'stop; rm -rf "$tmp"' EXIT
row() {   # name clients class-transport bench-args...
  local name=$1 n=$2 ct=$3; shift 3
  QT_QPA_PLATFORM=offscreen timeout 300 "$server_bin" --headless --bind 127.0.0.1 --port 0 \
    --rate 0 --db :memory: --class-transport "$ct" --poll-interval 500 >"$tmp/server.log" 2>&1 &
  pid=$!
  local port=""
  for _ in $(seq 1 100); do
    port=$(grep -i listening "$tmp/server.log" | grep -oE '127\.0\.0\.1:[0-9]+' | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "server did not start" >&2; cat "$tmp/server.log" >&2; exit 1; }
  local spid
  spid=$(pgrep -P "$pid" | head -1 || true)
  [ -n "$spid" ] || spid=$pid
  sleep 0.3
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  local line
  line=$(timeout 200 "$bench_bin" --url "ws://127.0.0.1:$port/" --pid "$spid" --clients "$n" \
         --senders "$senders" --rate 1 --stagger --duration 20 --idle 1 --drain 5 --json --quiet "$@" || true)
  stop
  echo "{\"row\":\"$name\",\"clients\":$n,\"senders\":$senders,\"load_start\":$load,\"load_end\":$(cut -d' ' -f1 /proc/loadavg),\"bench\":${line:-null}}"
}
for run in $(seq 1 "$runs"); do
  for n in $sizes; do
    row push "$n" push --transport ws
    row poll "$n" poll --transport poll --poll-interval 500
    row poll-ka "$n" poll --transport poll --poll-interval 500 --keep-alive
    row long "$n" long-poll --transport long-poll
    row long-ka "$n" long-poll --transport long-poll --keep-alive
  done
done
