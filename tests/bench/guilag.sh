#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
#
# How late the server WINDOW's event loop runs while duplex-bench loads the engine: the lag
# probe (DUPLEX_LAG_PROBE, a 10 ms timer, see app-server/ui/lagprobe.h) in the real window
# (offscreen, 1920x1080), against two workloads on 127.0.0.1:
#   L1  1000 clients, 4 senders x 25 msg/s  = 100,000 deliveries/s
#   L5  5000 clients, 2 senders x 50 msg/s  = 500,000 deliveries/s
# The probe counts from 1.5 s after start (the window's own start-up) to the end of the
# bench run: the connect storm, the sending phase and the drain (not the shutdown).
# Not part of CI: it loads both cores for a few minutes.
#
#   tests/bench/guilag.sh             both workloads, 3 runs each
# Environment: RUNS=N, WORKLOADS="L1 L5", BUILD=dir (default build), PROJECTOR=1 (projector
# mode on), PERF=1 (perf record -g the server of each run into OUT), OUT=dir.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${RUNS:-3}
workloads=${WORKLOADS:-"L1 L5"}
build=${BUILD:-build}
case "$build" in /*) ;; *) build=$root/$build ;; esac
out=${OUT:-$build/guilag-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$out"

cmake --build "$build" --target duplex-server duplex-bench >/dev/null
server_bin=$build/app-server/duplex-server
bench_bin=$build/tests/bench/duplex-bench
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

pid=""
stop_server() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
trap stop_server EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

run_one() {   # label run bench-args...
  local w=$1 run=$2; shift 2
  local port probe settings log
  port=$(free_port)
  probe=$out/$w-$run.lag
  settings=$out/$w-$run.ini
  log=$out/$w-$run.server.log
  printf '[view]\nprojector=%s\n' "$([ "${PROJECTOR:-0}" = 1 ] && echo true || echo false)" >"$settings"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  env QT_QPA_PLATFORM=offscreen DUPLEX_SETTINGS="$settings" DUPLEX_WINDOW_SIZE=1920x1080 \
    DUPLEX_LAG_PROBE="$probe.live" DUPLEX_LAG_PROBE_SKIP_MS=1500 \
    timeout 600 "$server_bin" --bind 127.0.0.1 --port "$port" --rate 0 --max-clients 20000 \
    --db :memory: >"$log" 2>&1 &
  pid=$!
  # The window prints nothing when it listens: wait for the port.
  for _ in $(seq 1 100); do
    python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$port)))" \
      2>/dev/null && break
    sleep 0.1
  done
  sleep 1.5
  local perfpid=""
  if [ "${PERF:-0}" = 1 ]; then
    local child
    child=$(pgrep -P "$pid" | head -1 || true)
    perf record -g -F 499 -o "$out/$w-$run.perf.data" -p "${child:-$pid}" >/dev/null 2>&1 &
    perfpid=$!
  fi
  local line
  line=$(timeout 600 "$bench_bin" --url "ws://127.0.0.1:$port/" --json --quiet --label "$w" "$@" \
         2>>"$out/bench.stderr" || true)
  [ -n "$perfpid" ] && { kill -INT "$perfpid" 2>/dev/null || true; wait "$perfpid" 2>/dev/null || true; }
  sleep 1.1 # the probe rewrites its file every second
  cp "$probe.live" "$probe" 2>/dev/null || echo "no probe report" >"$probe"
  stop_server
  python3 - "$probe" "$w" "$run" "$load" "${line:-{\}}" <<'PY'
import json, sys
path, w, run, load, bench = sys.argv[1:]
figs = open(path).read().strip().replace("\n", "  ")
try:
    b = json.loads(bench)
    deliv = f"{b.get('delivered_per_s', 0):.0f} deliveries/s, lost {b.get('lost', '?')}"
except Exception:
    deliv = "bench failed"
print(f"  {w} run {run}: load {load}: GUI lag {figs}  ({deliv})")
PY
}

echo "== GUI lag of the server window (results in ${out#$root/}); DUPLEX_ENGINE_NICE=${DUPLEX_ENGINE_NICE:-4 (default)}; uptime: $(uptime)"
for w in $workloads; do
  for run in $(seq 1 "$runs"); do
    case "$w" in
      L1) run_one L1 "$run" --clients 1000 --senders 4 --rate 25 --warmup 2 --duration 10 --drain 5 --timeout 180 ;;
      L5) run_one L5 "$run" --clients 5000 --senders 2 --rate 50 --warmup 2 --duration 10 --drain 5 --concurrency 256 --timeout 300 ;;
      *) echo "unknown workload $w" >&2; exit 2 ;;
    esac
  done
done
