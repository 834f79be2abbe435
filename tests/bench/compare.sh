#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
#
# Races duplex-server --headless against the Node.js `ws` peer (peers/ws-broadcast.js) on
# 127.0.0.1 with duplex-bench, alternating servers, and prints medians and Duplex/peer ratios.
#
#   tests/bench/compare.sh            full: W1 1000/5000/15000, W2 1000x4x250 and 5000x2x50,
#                                     W3 300 clients + 1 stalled reader, W3D = W3 with the
#                                     history in a file DB; 3 runs each
#   tests/bench/compare.sh quick      same workloads, 1 run each, shorter sending phases
#
# Environment:
#   SERVERS="duplex peer"   which servers to race; also duplex-glib (Qt's GLib dispatcher),
#                           duplex-unix (QT_NO_GLIB=1, poll-based), duplex-epoll (DUPLEX_EPOLL=1)
#   WORKLOADS="W1 W2 W3 W3D"  subset to run (W3P: W3 while 300 students load the browser
#                           page at once, duplex only; W3D: W3 with Duplex's history on disk,
#                           --db <results>/w3d-<run>.sqlite, the peer has no storage; WD: 1000
#                           clients at 40k deliveries/s, below saturation, for dispatcher
#                           comparisons; W5: push vs polling, 300 clients at 2 msgs/s in
#                           the room over WebSocket, short polls every 500 ms and long polls,
#                           duplex servers only, the server's class transport set to match);
#                           RUNS=N  override the run count
#   W1_SIZES="1000 5000 15000"
#   OUT=dir                 where results go (default build/bench/results-<time>)
#   BUILD=dir               Release build dir to use (default build/bench)
#   DUPLEX_BIN=path         the duplex-server to race instead of BUILD's (an older commit's
#                           Release build for a before/after; duplex-bench stays BUILD's)
# Every server and every bench run is bounded by `timeout`; nothing leaves loopback.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
mode=${1:-full}
case "$mode" in
  full)  runs=${RUNS:-3}; w2dur=10; w3dur=20; warm=2 ;;
  quick) runs=${RUNS:-1}; w2dur=5;  w3dur=10; warm=1 ;;
  *) echo "usage: $0 [full|quick]"; exit 2 ;;
esac
servers=${SERVERS:-"duplex peer"}
workloads=${WORKLOADS:-"W1 W2 W3 W3D"}
w1sizes=${W1_SIZES:-"1000 5000 15000"}
build=${BUILD:-build/bench}
case "$build" in /*) ;; *) build=$root/$build ;; esac
out=${OUT:-$build/results-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$out"
results=$out/results.jsonl
: >"$results"

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 16000 ]; then
  echo "compare.sh: need ~16000 descriptors per process for W1 at 15000 (ulimit -n is $(ulimit -n))" >&2
fi

echo "== building Release (${build#$root/})"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --parallel 2 --target duplex-server duplex-bench
server_bin=${DUPLEX_BIN:-$build/app-server/duplex-server}
bench_bin=$build/tests/bench/duplex-bench

if [[ " $servers " == *" peer "* ]]; then
  command -v node >/dev/null || { echo "compare.sh: node (Node.js >= 18) and npm are needed for the peer: bash scripts/deps.sh bench" >&2; exit 1; }
  echo "== npm ci (peer: ws $(sed -n 's/.*"ws": "\(.*\)".*/\1/p' tests/bench/peers/package.json))"
  (cd tests/bench/peers && npm ci --no-audit --no-fund --silent)
fi

pid=""
port=""
server_extra=""   # W5: --class-transport for the plain duplex server
stop_server() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
trap stop_server EXIT

start_server() {   # kind logfile [db]
  local kind=$1 log=$2 db=${3:-:memory:}
  case "$kind" in
    duplex)       env timeout 900 "$server_bin" --headless --rate 0 --max-clients 20000 --bind 127.0.0.1 --port 0 --db "$db" $server_extra >"$log" 2>&1 & ;;
    duplex-glib)  env QT_NO_GLIB= DUPLEX_EPOLL=0 timeout 900 "$server_bin" --headless --rate 0 --max-clients 20000 --bind 127.0.0.1 --port 0 --db "$db" >"$log" 2>&1 & ;;
    duplex-unix)  env QT_NO_GLIB=1 DUPLEX_EPOLL=0 timeout 900 "$server_bin" --headless --rate 0 --max-clients 20000 --bind 127.0.0.1 --port 0 --db "$db" >"$log" 2>&1 & ;;
    duplex-epoll) env QT_NO_GLIB=1 DUPLEX_EPOLL=1 timeout 900 "$server_bin" --headless --rate 0 --max-clients 20000 --bind 127.0.0.1 --port 0 --db "$db" >"$log" 2>&1 & ;;
    peer)         timeout 900 node "$root/tests/bench/peers/ws-broadcast.js" --port 0 >"$log" 2>&1 & ;;
    *) echo "unknown server kind $kind" >&2; exit 2 ;;
  esac
  pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(grep -i 'listening' "$log" 2>/dev/null | grep -oE '127\.0\.0\.1:[0-9]+' | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$port" ]; then echo "server $kind did not start:"; cat "$log"; exit 1; fi
  # `timeout` is the parent: measure the server process itself.
  local child
  child=$(pgrep -P "$pid" | head -1 || true)
  [ -n "$child" ] && spid=$child || spid=$pid
  sleep 0.3   # let the runtime settle before the baseline RSS sample
}

run_one() {   # workload kind run args...
  local w=$1 kind=$2 run=$3; shift 3
  local log=$out/$w-$kind-$run.server.log
  local db=:memory:
  # W3D: the history on disk, a fresh file per run in the results dir (the peer stores nothing).
  if [[ $w == W3D* && $kind == duplex* ]]; then
    db=$out/w3d-$run.sqlite
    [ "$kind" = duplex ] || db=$out/w3d-$kind-$run.sqlite
    rm -f "$db" "$db-wal" "$db-shm"
  fi
  start_server "$kind" "$log" "$db"
  # W3P: 300 students open the browser page at once, two seconds into W3's sending phase.
  local storm=""
  if [[ $w == W3P* ]]; then
    storm=$out/$w-$kind-$run.storm.json
    timeout 120 python3 "$root/tests/bench/pagestorm.py" --url "http://127.0.0.1:$port/" \
      --students 300 --delay $((warm + 2)) --json >"$storm" 2>>"$out/bench.stderr" &
  fi
  local line
  line=$(timeout 600 "$bench_bin" --url "ws://127.0.0.1:$port/" --pid "$spid" --json --quiet \
         --label "$w" "$@" 2>>"$out/bench.stderr" || true)
  [ -z "$storm" ] || wait $! || true
  stop_server
  if [ -n "$storm" ] && [ -s "$storm" ]; then
    python3 "$root/tests/bench/pagestorm.py" --show "$storm" || true
  fi
  if [ -z "$line" ]; then line='{"failed_run":true}'; fi
  echo "{\"workload\":\"$w\",\"server\":\"$kind\",\"run\":$run,\"bench\":$line}" >>"$results"
  python3 - "$line" "$w" "$kind" "$run" <<'PY'
import json, sys
d = json.loads(sys.argv[1]); w, k, r = sys.argv[2:]
if d.get("failed_run"):
    print(f"  {w:12} {k:12} run {r}: FAILED"); sys.exit()
if d["senders"] == 0:
    print(f"  {w:12} {k:12} run {r}: {d['joined']} joined, {d['connects_per_s']:.0f} connects/s, "
          f"{d['rss_per_conn_kb']:.1f} kB/conn, presence {d['presence_frames']}")
else:
    print(f"  {w:12} {k:12} run {r}: {d['delivered_per_s']:.0f} msgs/s, p50 {d['lat_p50_ms']:.2f} ms, "
          f"p99 {d['lat_p99_ms']:.2f} ms, lost {d['lost']}, dup {d['duplicated']}, "
          f"rss max {d['server_rss_max_kb']/1024:.0f} MB, closed {d['closed_by_server']}")
PY
}

race() {   # workload args...
  local w=$1; shift
  echo "== $w: $*"
  for run in $(seq 1 "$runs"); do
    for kind in $servers; do
      # The peer speaks WebSocket only; W5 runs its polling rows on duplex alone.
      [[ $w == W5-poll* || $w == W5-long* ]] && [ "$kind" != duplex ] && continue
      run_one "$w" "$kind" "$run" "$@"
    done
  done
}

for wl in $workloads; do
  case "$wl" in
    W1) for n in $w1sizes; do
          race "W1-$n" --clients "$n" --senders 0 --idle 2 --concurrency 256 --timeout 240
        done ;;
    W2) race "W2-1000" --clients 1000 --senders 4 --rate 250 --warmup "$warm" --duration "$w2dur" --drain 5 --timeout 180
        race "W2-5000" --clients 5000 --senders 2 --rate 50 --warmup "$warm" --duration "$w2dur" --drain 5 --timeout 240 ;;
    # Below saturation (40k deliveries/s offered): latency that means something; used to
    # compare Qt event dispatchers (GLib, poll, epoll) at 1000 clients.
    WD) race "WD-1000" --clients 1000 --senders 2 --rate 20 --warmup "$warm" --duration "$w2dur" --drain 5 --timeout 180 ;;
    W3) race "W3-300" --clients 300 --senders 4 --rate 25 --stall 1 --warmup "$warm" --duration "$w3dur" --drain 5 --timeout 180 ;;
    # W3 with the history in a file database (what real users run); same load.
    W3D) race "W3D-300" --clients 300 --senders 4 --rate 25 --stall 1 --warmup "$warm" --duration "$w3dur" --drain 5 --timeout 180 ;;
    # W3 while 300 students load the browser page at once (tests/bench/pagestorm.py); the
    # peer serves no page, so run it with SERVERS=duplex and compare with W3 of the same run.
    W3P) race "W3P-300" --clients 300 --senders 4 --rate 25 --stall 1 --warmup "$warm" --duration "$w3dur" --drain 5 --timeout 180 ;;
    # Push vs polling (issue 13): the same class on the three transports; the figures to
    # read are requests_per_s, empty_share, bytes_per_msg, latency and server CPU.
    W5) server_extra="--class-transport push"
        race "W5-push-300" --clients 300 --senders 2 --rate 1 --stagger --duration "$w3dur" --drain 5 --timeout 180
        server_extra="--class-transport poll --poll-interval 500"
        race "W5-poll-300" --clients 300 --senders 2 --rate 1 --stagger --duration "$w3dur" --drain 5 --timeout 180 \
             --transport poll --poll-interval 500
        server_extra="--class-transport long-poll"
        race "W5-longpoll-300" --clients 300 --senders 2 --rate 1 --stagger --duration "$w3dur" --drain 5 --timeout 180 \
             --transport long-poll
        server_extra="" ;;
    *) echo "unknown workload $wl" >&2; exit 2 ;;
  esac
done

python3 "$root/tests/bench/summarize.py" "$results" | tee "$out/summary.md"
echo "results: $results"
