#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Installs what is missing, builds (Release) and launches the demo: the server window on
# 127.0.0.1 plus two client windows connected to it. Loopback only; no discovery.
# Without a display it runs under Xvfb and saves a screenshot to build/demo.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh demo
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build/release --parallel 2
bin=build/release
port=${DUPLEX_DEMO_PORT:-8080}
db=$(mktemp -d)/demo.sqlite

if [ -z "${DISPLAY:-}" ]; then
  echo "demo: no DISPLAY, starting Xvfb :99 (screenshot goes to build/demo.png)"
  Xvfb :99 -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=:99
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  headless=1
fi

"$bin/app-server/duplex-server" --bind 127.0.0.1 --port "$port" --db "$db" --name "Duplex demo" &
server=$!
sleep 1
"$bin/app-client/duplex-client" --server "ws://127.0.0.1:$port/" --nick alice &
a=$!
"$bin/app-client/duplex-client" --server "ws://127.0.0.1:$port/" --nick bob &
b=$!
trap 'kill $server $a $b 2>/dev/null || true; kill ${xvfb:-} 2>/dev/null || true' EXIT

if [ -n "${headless:-}" ]; then
  sleep "${DUPLEX_DEMO_SECONDS:-5}"
  import -window root build/demo.png && echo "demo: screenshot saved to build/demo.png"
else
  echo "demo: close the server window to end the demo"
  wait $server || true
fi
