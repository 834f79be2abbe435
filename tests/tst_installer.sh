#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Installs Duplex the way a teacher would: builds the .deb (and the .tar.gz) from the
# already built tree, checks the package's fields and file list, unpacks it, runs both
# installed programs, and validates the desktop files, AppStream metadata, man pages and the
# systemd unit with the system's own validators when they are installed.
# Usage: tst_installer.sh BUILD_DIR VERSION   (registered in CTest with the label "installer")
# Never builds anything: CTest runs it after the build, and every run works in its own
# temporary folder, so parallel and repeated runs do not race.
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/duplex-installer.XXXXXX")
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"

checks=0
pass() { checks=$((checks + 1)); echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# --- the package -------------------------------------------------------------------------
have cpack || fail "cpack not found"
have dpkg-deb || fail "dpkg-deb not found (Debian: dpkg)"
if ! cpack -G "DEB;TGZ" -B "$work/pkg" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack could not build the packages"
fi
deb=$(find "$work/pkg" -maxdepth 1 -name "duplex_${version}_*.deb" | head -n1)
tgz=$(find "$work/pkg" -maxdepth 1 -name "duplex-${version}-*.tar.gz" | head -n1)
[ -f "$deb" ] || fail "no duplex_${version}_*.deb in $(ls "$work/pkg")"
[ -f "$tgz" ] || fail "no duplex-${version}-*.tar.gz in $(ls "$work/pkg")"
pass "built $(basename "$deb") and $(basename "$tgz")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = duplex ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Section)" = net ] || fail "Section: $(field Section)"
[[ "$(field Maintainer)" == *@* ]] || fail "Maintainer: $(field Maintainer)"
[[ "$(field Homepage)" == http* ]] || fail "Homepage: $(field Homepage)"
[[ "$(field Description)" == *WebSocket*$'\n'* ]] || fail "Description needs a summary and a long text"
depends=$(field Depends)
# dpkg-shlibdeps found the Qt libraries the programs link; the plugins are listed by hand.
for dep in libqt6core6 libqt6widgets6 libc6 libqt6sql6-sqlite libqt6svg6; do
  [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
pass "control fields: Section net, Maintainer, Homepage, Depends: $depends"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files"
expected=(
  /usr/bin/duplex-server
  /usr/bin/duplex-client
  /usr/share/applications/duplex-server.desktop
  /usr/share/applications/duplex-client.desktop
  /usr/share/metainfo/org.example.duplex.server.metainfo.xml
  /usr/share/metainfo/org.example.duplex.client.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/duplex-server.svg
  /usr/share/icons/hicolor/scalable/apps/duplex-client.svg
  /usr/share/man/man1/duplex-server.1.gz
  /usr/share/man/man1/duplex-client.1.gz
  /usr/lib/systemd/system/duplex-server.service
  /usr/lib/systemd/system/duplex-server@.service
  /usr/share/doc/duplex/copyright
)
for f in "${expected[@]}"; do
  grep -qx -- "$f" "$work/files" || fail "the package lacks $f"
done
# Nothing outside /usr (Debian policy), nothing under /usr/local, no build paths.
outside=$(grep -v -e '^/$' -e '^/usr$' -e '^/usr/' "$work/files" || true)
[ -z "$outside" ] || fail "files outside /usr: $outside"
! grep -q '^/usr/local' "$work/files" || fail "files under /usr/local"
pass "file list: ${#expected[@]} expected files present, all under /usr"

tar -tzf "$tgz" >"$work/tgz-files"
for program in duplex-server duplex-client; do
  grep -q "/bin/$program\$" "$work/tgz-files" || fail "the tarball lacks bin/$program"
done
pass "tarball holds both programs"

# --- installed programs ------------------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
for program in duplex-server duplex-client; do
  exe="$root/usr/bin/$program"
  [ -x "$exe" ] || fail "$exe is not executable"
  out=$("$exe" --version 2>"$work/stderr") || fail "$program --version failed: $out $(cat "$work/stderr")"
  [[ "$out" == *"$version"* ]] || fail "$program --version printed: $out"
  # The installed copy must not reach back into the build tree (RPATH stripped on install).
  if have readelf; then
    rpath=$(readelf -d "$exe" | grep -E 'R(UN)?PATH' || true)
    [[ "$rpath" != *"$build"* ]] || fail "$program keeps an RPATH into the build tree: $rpath"
  fi
  if have file; then
    file -L "$exe" | grep -q ', stripped' || fail "$program is not stripped: $(file -L "$exe")"
  fi
  pass "installed $program --version: $out"
done

# --- one version everywhere --------------------------------------------------------------
# The man pages and AppStream files are generated from the project version and release date
# (installer/CMakeLists.txt): what the program says, the pages and the metadata must agree.
reported=$("$root/usr/bin/duplex-server" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)
[ "$reported" = "$version" ] || fail "duplex-server --version says '$reported', the build is $version"
for program in duplex-server duplex-client; do
  th=$(zcat "$root/usr/share/man/man1/$program.1.gz" | grep -m1 '^\.TH ')
  [[ "$th" == *"\"Duplex $reported\""* ]] || fail "$program.1 says '$th', --version says $reported"
  [[ "$th" != *@* ]] || fail "$program.1 has an unreplaced placeholder: $th"
done
for f in "$root"/usr/share/metainfo/*.xml; do
  newest=$(grep -m1 -oE '<release version="[^"]*" date="[^"]*"' "$f")
  [[ "$newest" == "<release version=\"$reported\" date=\"20"[0-9][0-9]-[01][0-9]-[0-3][0-9]'"' ]] \
    || fail "$(basename "$f"): newest release is '$newest', --version says $reported"
done
month=$(zcat "$root/usr/share/man/man1/duplex-server.1.gz" | grep -m1 '^\.TH ' | cut -d'"' -f2)
date=$(grep -m1 -oE 'date="[^"]*"' "$root/usr/share/metainfo/org.example.duplex.server.metainfo.xml" | cut -d'"' -f2)
[ "$month" = "$(LC_ALL=C date -d "$date" '+%B %Y')" ] || fail "man page month '$month' is not the release date $date"
pass "version $reported agrees: --version, both man pages, both metainfo files (released $date)"

# --- desktop integration -----------------------------------------------------------------
if have desktop-file-validate; then
  for f in "$root"/usr/share/applications/*.desktop; do
    out=$(desktop-file-validate "$f" 2>&1) || fail "desktop-file-validate $(basename "$f"): $out"
    # Hints are advice (Education and Network are both main categories, on purpose).
    if grep -v ': hint: ' <<<"$out" | grep -q .; then fail "desktop-file-validate $(basename "$f"): $out"; fi
    exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$f")
    [ -x "$root/usr/bin/$exec_name" ] || fail "$(basename "$f") runs $exec_name, which the package lacks"
    icon=$(sed -n 's/^Icon=//p' "$f")
    [ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "$(basename "$f") shows icon $icon, which the package lacks"
  done
  pass "desktop-file-validate: both .desktop files valid, Exec and Icon present"
else
  echo "skip: desktop-file-validate not installed (Debian: desktop-file-utils)"
fi

if have appstreamcli; then
  out=$(appstreamcli validate --no-net --pedantic "$root"/usr/share/metainfo/*.xml 2>&1) \
    || fail "appstreamcli validate: $out"
  for f in "$root"/usr/share/metainfo/*.xml; do
    launchable=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$f")
    [ -f "$root/usr/share/applications/$launchable" ] || fail "$(basename "$f") launches $launchable, which the package lacks"
  done
  pass "appstreamcli validate --no-net --pedantic: both metainfo files valid"
else
  echo "skip: appstreamcli not installed (Debian: appstream)"
fi

if have groff; then
  for f in "$root"/usr/share/man/man1/*.1.gz; do
    warnings=$(zcat "$f" | groff -man -Tutf8 -ww -z 2>&1)
    [ -z "$warnings" ] || fail "$(basename "$f"): $warnings"
  done
  # Every option the programs accept is documented.
  for program in duplex-server duplex-client; do
    page=$(zcat "$root/usr/share/man/man1/$program.1.gz")
    for option in $("$root/usr/bin/$program" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
      [ "$option" = --help-all ] && continue
      # troff spells every hyphen of an option as \- (--max-clients is \-\-max\-clients).
      grep -qF -- "${option//-/\\-}" <<<"$page" || fail "man page $program.1 does not document $option"
    done
  done
  pass "man pages: groff reports no problem, every --option of --help documented"
else
  echo "skip: groff not installed"
fi

for f in "$root"/usr/share/icons/hicolor/*/apps/*.png; do
  [ -e "$f" ] || break
  size=$(basename "$(dirname "$(dirname "$f")")")
  if have file; then
    file "$f" | grep -q "PNG image data, ${size%x*} x ${size#*x}" || fail "$f: $(file "$f")"
  fi
done
pass "icons: scalable SVG and PNGs of the right sizes"

unit="$root/usr/lib/systemd/system/duplex-server.service"
grep -q '^DynamicUser=yes' "$unit" || fail "the service does not run as a dynamic user"
grep -q '^StateDirectory=duplex' "$unit" || fail "the service has no StateDirectory=duplex"
grep -q '^ExecStart=.*duplex-server --headless.*--db /var/lib/duplex/' "$unit" || fail "ExecStart: $(grep ExecStart "$unit")"
# Several instances on one machine (issue 17): duplex-server@PORT, each its own port and
# history, options from /etc/default/duplex-server-PORT.
template="$root/usr/lib/systemd/system/duplex-server@.service"
grep -q '^DynamicUser=yes' "$template" || fail "the template does not run as a dynamic user"
grep -q '^StateDirectory=duplex-%i$' "$template" || fail "the template has no StateDirectory=duplex-%i"
grep -q '^EnvironmentFile=-/etc/default/duplex-server-%i$' "$template" || fail "the template reads no /etc/default/duplex-server-%i"
grep -q '^ExecStart=duplex-server --headless --port ${DUPLEX_PORT} --db /var/lib/duplex-%i/history.sqlite $DUPLEX_OPTIONS$' "$template" \
  || fail "template ExecStart: $(grep ExecStart "$template")"
pass "the template: a dynamic user, its own port, state directory and environment file per instance"
if have systemd-analyze; then
  # Point ExecStart at the unpacked program and man at the unpacked pages, then verify.
  mkdir -p "$work/unit"
  sed "s|^ExecStart=duplex-server|ExecStart=$root/usr/bin/duplex-server|" "$unit" >"$work/unit/duplex-server.service"
  out=$(MANPATH="$root/usr/share/man" SYSTEMD_LOG_LEVEL=warning \
        systemd-analyze verify --man=yes "$work/unit/duplex-server.service" 2>&1) \
    || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
  pass "systemd-analyze verify: duplex-server.service is valid"
  # The template (issue 17), verified as an instance: its own port and state directory.
  sed "s|^ExecStart=duplex-server|ExecStart=$root/usr/bin/duplex-server|" "$template" >"$work/unit/duplex-server@.service"
  out=$(MANPATH="$root/usr/share/man" SYSTEMD_LOG_LEVEL=warning \
        systemd-analyze verify --man=yes "$work/unit/duplex-server@8081.service" 2>&1) \
    || fail "systemd-analyze verify duplex-server@8081: $out"
  [ -z "$out" ] || fail "systemd-analyze verify duplex-server@8081: $out"
  pass "systemd-analyze verify: duplex-server@8081.service (the template) is valid"
else
  echo "skip: systemd-analyze not installed"
fi

echo "tst_installer: all $checks checks passed"
