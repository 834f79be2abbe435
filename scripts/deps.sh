#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Installs the Debian 12 packages Duplex needs that are missing. Usage: deps.sh [build|test|demo|bench]
set -euo pipefail
what=${1:-build}
pkgs=(cmake g++ ninja-build pkg-config git
      qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-svg-dev libqt6sql6-sqlite
      qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
      libqrcodegencpp-dev    # the join card's QR code
      libhiredis-dev)        # --redis: several server processes share rooms (hiredis + its Qt adapter)
case "$what" in
  # zbarimg: tst_joincard reads the QR code back; chromium + nodejs/npm + fonts: the browser
  # client's tests (tests/browser, playwright-core); tshark: tst_pcapng dissects the export;
  # clang + libclang-rt-dev (ASan, UBSan, libFuzzer) + llvm (llvm-symbolizer for readable
  # stacks): the sanitizer and fuzz tree (docs/testing.md); redis-server: the cluster tests
  # start their own on a free loopback port (never the system service)
  test) pkgs+=(clang-format python3 python3-websockets xvfb xauth desktop-file-utils appstream dpkg-dev file groff-base
              zbar-tools chromium nodejs npm fonts-dejavu-core tshark clang libclang-rt-dev llvm
              redis-server) ;;
  demo) pkgs+=(xvfb xauth x11-apps imagemagick) ;;
  bench) pkgs+=(nodejs npm redis-server) ;;   # tests/bench/compare.sh: the Node.js ws peer, the cluster workload
esac
missing=()
for p in "${pkgs[@]}"; do
  # A Node.js that ships its own npm (e.g. a vendor's nodejs package) conflicts with
  # Debian's npm package: the command is what the tests need.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "deps: all ${#pkgs[@]} packages present"
fi
