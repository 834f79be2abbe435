#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Refreshes the German catalogs from the current sources (lupdate): new strings appear as
# "unfinished" for a translator (Qt Linguist, or any editor), changed ones keep their old
# translation marked unfinished, and strings that disappeared are kept as "vanished" so
# their translation comes back if the string does. Pass --drop-obsolete to remove those.
# Usage: scripts/update-translations.sh [--drop-obsolete]
set -euo pipefail
cd "$(dirname "$0")/.."

bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)
lupdate=${LUPDATE:-$bins/lupdate}
[ -x "$lupdate" ] || { echo "update-translations: $lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 1; }

opts=(-locations relative -extensions cpp,h)
[ "${1:-}" = "--drop-obsolete" ] && opts+=(-no-obsolete)

# One catalog per program: its own sources plus common/, whose strings it shows too.
"$lupdate" "${opts[@]}" common app-server -ts resources/translations/duplex_server_de.ts
"$lupdate" "${opts[@]}" common app-client -ts resources/translations/duplex_client_de.ts

# A quick tally, so the person running this sees what is left to translate.
for ts in resources/translations/*.ts; do
  total=$(grep -c '<message' "$ts" || true)
  open=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "update-translations: $ts: $total messages, $open unfinished"
done
