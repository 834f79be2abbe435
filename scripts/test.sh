#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Installs what is missing, builds (Release) and runs the whole CTest suite, offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
bash scripts/check-format.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build/release --parallel 2
cd build/release
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel 2 --timeout 600
