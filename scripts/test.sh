#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Installs what is missing, builds (Release) and runs the whole CTest suite, offscreen; then
# builds the sanitizer tree (clang, ASan + UBSan: the core libraries, the server and protocol
# tests and the libFuzzer targets) and runs its labels `sanitize` and `fuzz`
# (docs/testing.md). DUPLEX_SKIP_SANITIZE=1 leaves the second tree out (a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
bash scripts/check-format.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build/release --parallel 2
status=0
(cd build/release && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel 2 --timeout 600) \
    || status=$?
if [ "${DUPLEX_SKIP_SANITIZE:-0}" != 1 ]; then
    # -O1 with line tables: readable stacks, a quick build, tests not much slower than Release.
    cmake -S . -B build/sanitize -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
        "-DDUPLEX_SANITIZE=address;undefined" -DDUPLEX_FUZZ=ON
    cmake --build build/sanitize --parallel 2 --target duplex_sanitize_tests duplex_fuzzers
    (cd build/sanitize && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel 2 \
        --timeout 600 -L 'sanitize|fuzz') || status=$?
fi
exit "$status"
