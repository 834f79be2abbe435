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
#                           each with Connection: close and with --keep-alive,
#                           duplex servers only, the server's class transport set to match;
#                           W6: a cluster (issue 17), 1000 clients, 4 senders at 25/s, on one
#                           process and on 2 processes + a redis-server of its own, clients
#                           spread round robin; prints delivered/s, p50/p99, the servers' and
#                           Redis's CPU; duplex only, see "W6" below);
#                           RUNS=N  override the run count
#   W1_SIZES="1000 5000 15000"
#   OUT=dir                 where results go (default build/bench/results-<time>)
#   BUILD=dir               Release build dir to use (default build/bench)
#   SERVER_BIN=path         the duplex-server to race instead of BUILD's (a branch built
#                           elsewhere, an older commit's Release build for a before/after;
#                           duplex-bench stays BUILD's); DUPLEX_BIN is the same
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
# SERVER_BIN (or DUPLEX_BIN): another duplex-server binary to race.
server_bin=${SERVER_BIN:-${DUPLEX_BIN:-$build/app-server/duplex-server}}
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
# W6: the cluster's processes (servers and Redis), stopped like the single server.
cluster_pids=()
stop_cluster() {
  local p
  for p in "${cluster_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${cluster_pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  cluster_pids=()
}
trap 'stop_server; stop_cluster' EXIT

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

free_port() {   # a loopback port nobody listens on now
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cpu_ticks() {   # utime+stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat)
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0
}

child_of() {   # the process `timeout` runs (measure it, not timeout)
  local c
  c=$(pgrep -P "$1" | head -1 || true)
  [ -n "$c" ] && echo "$c" || echo "$1"
}

# W6 (issue 17): N duplex-server processes (N=1: the plain server; N>1: each with
# --redis redis://127.0.0.1:PORT of a redis-server started here on a free loopback port,
# no persistence), the bench's clients spread round robin over them (--url per server).
# Until duplex-server has --redis (the broker) the N>1 row runs without it: the servers
# share nothing, so only the wiring (ports, spread, teardown, Redis CPU reading) means
# something and about half the deliveries are "lost" by design; its server name says so.
run_cluster() {   # workload procs run args...
  local w=$1 procs=$2 run=$3; shift 3
  local kind=duplex-x$procs redis_url="" redis_pid="" rport="" k
  local urls=() spids=()
  if [ "$procs" -gt 1 ]; then
    rport=$(free_port)
    timeout 900 redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no \
      >"$out/$w-$procs-$run.redis.log" 2>&1 &
    cluster_pids+=("$!")
    redis_pid=$(child_of "$!")
    for _ in $(seq 1 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$rport") 2>/dev/null && break
      sleep 0.1
    done
    # Not `--help | grep -q` (SIGPIPE under pipefail, see smoke.sh).
    if grep -q -- '--redis' <<<"$("$server_bin" --help 2>/dev/null || true)"; then
      redis_url="redis://127.0.0.1:$rport"
      kind=duplex-x$procs-redis
    else
      kind=duplex-x$procs-no-broker
      echo "  (duplex-server has no --redis yet: $procs processes sharing nothing; wiring only)"
    fi
  fi
  for k in $(seq 1 "$procs"); do
    local log=$out/$w-$kind-$run-$k.server.log
    timeout 900 "$server_bin" --headless --rate 0 --max-clients 20000 --bind 127.0.0.1 --port 0 \
      --db :memory: ${redis_url:+--redis "$redis_url"} >"$log" 2>&1 &
    cluster_pids+=("$!")
    local p="" tpid=$!
    for _ in $(seq 1 100); do
      p=$(grep -i 'listening' "$log" 2>/dev/null | grep -oE '127\.0\.0\.1:[0-9]+' | head -1 | cut -d: -f2 || true)
      [ -n "$p" ] && break
      kill -0 "$tpid" 2>/dev/null || break
      sleep 0.1
    done
    if [ -z "$p" ]; then echo "server $k of $procs did not start:"; cat "$log"; stop_cluster; return 1; fi
    urls+=(--url "ws://127.0.0.1:$p/")
    spids+=("$(child_of "$tpid")")
  done
  sleep 0.3
  local t0 r0=0 s0=0 t1 r1=0 s1=0 sp line
  t0=$(date +%s.%N)
  [ -z "$redis_pid" ] || r0=$(cpu_ticks "$redis_pid")
  for sp in "${spids[@]}"; do s0=$((s0 + $(cpu_ticks "$sp"))); done
  line=$(timeout 600 "$bench_bin" "${urls[@]}" --pid "${spids[0]}" --json --quiet \
         --label "$w" "$@" 2>>"$out/bench.stderr" || true)
  t1=$(date +%s.%N)
  [ -z "$redis_pid" ] || r1=$(cpu_ticks "$redis_pid")
  for sp in "${spids[@]}"; do s1=$((s1 + $(cpu_ticks "$sp"))); done
  stop_cluster
  if [ -z "$line" ]; then line='{"failed_run":true}'; fi
  line=$(python3 - "$line" "$procs" "$t0" "$t1" "$((r1 - r0))" "$((s1 - s0))" "$(getconf CLK_TCK)" "${redis_pid:+1}" <<'PY'
import json, sys
d = json.loads(sys.argv[1]); procs = int(sys.argv[2])
wall = float(sys.argv[4]) - float(sys.argv[3]); tck = float(sys.argv[7])
if not d.get("failed_run"):
    d["processes"] = procs
    d["servers_cpu_pct"] = 100.0 * int(sys.argv[6]) / tck / wall if wall > 0 else None
    d["redis_cpu_pct"] = 100.0 * int(sys.argv[5]) / tck / wall if sys.argv[8] and wall > 0 else None
print(json.dumps(d))
PY
)
  echo "{\"workload\":\"$w\",\"server\":\"$kind\",\"run\":$run,\"bench\":$line}" >>"$results"
  python3 - "$line" "$w" "$kind" "$run" <<'PY'
import json, sys
d = json.loads(sys.argv[1]); w, k, r = sys.argv[2:]
if d.get("failed_run"):
    print(f"  {w:12} {k:24} run {r}: FAILED"); sys.exit()
redis = "–" if d.get("redis_cpu_pct") is None else f"{d['redis_cpu_pct']:.0f} %"
print(f"  {w:12} {k:24} run {r}: {d['delivered_per_s']:.0f} msgs/s, p50 {d['lat_p50_ms']:.2f} ms, "
      f"p99 {d['lat_p99_ms']:.2f} ms, lost {d['lost']}, dup {d['duplicated']}, "
      f"servers CPU {d['servers_cpu_pct']:.0f} %, Redis CPU {redis} (of one core, whole run)")
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
        # The same two over persistent HTTP/1.1 connections (the server keeps them alive).
        race "W5-longpoll-ka-300" --clients 300 --senders 2 --rate 1 --stagger --duration "$w3dur" --drain 5 --timeout 180 \
             --transport long-poll --keep-alive
        server_extra="--class-transport poll --poll-interval 500"
        race "W5-poll-ka-300" --clients 300 --senders 2 --rate 1 --stagger --duration "$w3dur" --drain 5 --timeout 180 \
             --transport poll --poll-interval 500 --keep-alive
        server_extra="" ;;
    # A cluster (issue 17): the same clients on 1 process and on 2 processes + Redis.
    W6) w6args=(--clients "${W6_CLIENTS:-1000}" --senders 4 --rate 25 --warmup "$warm"
                --duration "$w2dur" --drain 5 --timeout 180)
        echo "== W6-cluster: ${w6args[*]}"
        command -v redis-server >/dev/null || { echo "compare.sh: W6 needs redis-server (bash scripts/deps.sh)" >&2; exit 1; }
        for run in $(seq 1 "$runs"); do
          run_cluster W6-cluster 1 "$run" "${w6args[@]}"
          run_cluster W6-cluster 2 "$run" "${w6args[@]}"
        done ;;
    *) echo "unknown workload $wl" >&2; exit 2 ;;
  esac
done

python3 "$root/tests/bench/summarize.py" "$results" | tee "$out/summary.md"
echo "results: $results"
