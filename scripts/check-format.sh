#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Fails when a tracked C++ file differs from what .clang-format makes of it.
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
cf=$(command -v clang-format || command -v clang-format-14 || true)
[ -n "$cf" ] || { echo "check-format: clang-format not installed (scripts/deps.sh test installs it)"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.hpp' 2>/dev/null || find . -path ./build -prune -o \( -name '*.cpp' -o -name '*.h' \) -print)
if ! "$cf" --style=file --dry-run -Werror "${files[@]}" 2>/tmp/duplex-format.$$; then
  grep -E '^[^ ].*(warning|error):' /tmp/duplex-format.$$ | sed 's/: warning: code should be clang-formatted.*//' | sort -u | head -20
  rm -f /tmp/duplex-format.$$
  echo "check-format: the files above are not formatted (run: git ls-files '*.cpp' '*.h' | xargs clang-format -i)"
  exit 1
fi
rm -f /tmp/duplex-format.$$
echo "check-format: ${#files[@]} files formatted"
