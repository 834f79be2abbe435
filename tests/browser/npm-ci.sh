#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Installs the pinned playwright-core for the browser tests, only when node_modules is
# missing or package-lock.json changed since the last install (idempotent; offline once
# installed). No browser is downloaded: the tests use Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.duplex-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d node_modules/playwright-core ]; then
  echo "npm-ci: node_modules up to date"
  exit 0
fi
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --prefer-offline
echo "$want" > "$stamp"
echo "npm-ci: installed"
