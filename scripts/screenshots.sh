#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
# Renders the windows in a realistic state to PNG under docs/screenshots/.
#   scripts/screenshots.sh BUILD_DIR [all|server|client|browser]
# Builds nothing: BUILD_DIR must hold built programs. Loopback only (127.0.0.1); every
# process it starts is bounded in time and stopped on exit. Uses Xvfb when there is no
# DISPLAY and Xvfb is installed, otherwise Qt's offscreen platform.
set -euo pipefail
build=$(cd "${1:?usage: scripts/screenshots.sh BUILD_DIR [all|server|client|browser]}" && pwd)
what=${2:-all}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots"
mkdir -p "$out"
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  if [ -x /usr/bin/Xvfb ]; then
    disp=:$((90 + RANDOM % 9))
    /usr/bin/Xvfb "$disp" -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
    pids+=($!)
    export DISPLAY=$disp
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
  else
    export QT_QPA_PLATFORM=offscreen
  fi
fi

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Qt does: ignore the last shot in TIME_WAIT
try:
    s.bind(("127.0.0.1", 8080))   # the real default looks best in a screenshot
except OSError:
    s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

wait_port() {
  python3 - "$1" <<'PY'
import socket, sys, time
end = time.time() + 15
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PY
}

# A few students on raw RFC 6455 (Python standard library only): they say hello, join rooms,
# talk, type and ping, answer the server's pings, and stay until the server goes (max 40 s).
run_students() {
  exec python3 - "$1" "${2:-0}" <<'PY'
import base64, json, os, socket, struct, sys, threading, time
port = int(sys.argv[1])
extra = int(sys.argv[2])  # more students, for a class-sized window (projector screenshot)
deadline = time.time() + 40

def frame(opcode, data):
    head = bytearray([0x80 | opcode])
    n = len(data)
    if n < 126:
        head.append(0x80 | n)
    elif n < 65536:
        head.append(0x80 | 126); head += struct.pack(">H", n)
    else:
        head.append(0x80 | 127); head += struct.pack(">Q", n)
    mask = os.urandom(4)
    return bytes(head) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data))

class Student:
    def __init__(self, nick, agent):
        self.s = socket.create_connection(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                        f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: duplex.v1\r\n"
                        f"Origin: http://127.0.0.1:{port}\r\nUser-Agent: {agent}\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            buf += self.s.recv(4096)
        self.rest = buf.split(b"\r\n\r\n", 1)[1]
        self.lock = threading.Lock()
        threading.Thread(target=self.read, daemon=True).start()
        self.send({"type": "hello", "nick": nick, "agent": agent})
    def send(self, obj, opcode=1):
        with self.lock:
            self.s.sendall(frame(opcode, json.dumps(obj, ensure_ascii=False).encode()))
    def read(self):
        buf = self.rest
        try:
            while True:
                while len(buf) >= 2:
                    op, n = buf[0] & 0x0F, buf[1] & 0x7F
                    off = 2
                    if n == 126:
                        if len(buf) < 4: break
                        n = struct.unpack(">H", buf[2:4])[0]; off = 4
                    elif n == 127:
                        if len(buf) < 10: break
                        n = struct.unpack(">Q", buf[2:10])[0]; off = 10
                    if len(buf) < off + n: break
                    payload, buf = buf[off:off + n], buf[off + n:]
                    if op == 9:   # ping -> pong, so the RTT column fills in
                        with self.lock:
                            self.s.sendall(frame(10, payload))
                    elif op == 8:
                        return
                data = self.s.recv(65536)
                if not data:
                    return
                buf += data
        except OSError:
            return

people = [("alice", "duplex-client/0.1 (Linux)"), ("bob", "duplex-client/0.1 (Windows)"),
          ("chen", "python-websockets/10.4"), ("dana", "Mozilla/5.0 (browser console)"),
          ("emil", "duplex-client/0.1 (macOS)")]
st = {}
for nick, agent in people:
    st[nick] = Student(nick, agent)
    time.sleep(0.15)
names = ["finn", "greta", "hamid", "ines", "jonas", "kemal", "lara", "mika", "nele", "oskar",
         "paula", "quentin", "rosa", "samir", "tilda", "umut", "vera", "wanda", "xaver", "yusuf",
         "zoe", "anton", "berit", "cem", "doro", "elif", "felix", "gina", "hugo", "ida"]
for nick in names[:extra]:
    st[nick] = Student(nick, "duplex-client/0.1 (Linux)" if len(nick) % 2 else "Mozilla/5.0 (browser)")
    time.sleep(0.05)
script = [
    ("bob", {"type": "join", "room": "lab"}),
    ("chen", {"type": "join", "room": "lab"}),
    ("alice", {"type": "say", "room": "general", "text": "Good morning! Can everyone see this?"}),
    ("bob", {"type": "say", "room": "general", "text": "Yes, it just appeared without me refreshing."}),
    ("dana", {"type": "typing", "room": "general", "on": True}),
    ("chen", {"type": "say", "room": "general", "text": "How did the server know to send it to me?"}),
    ("dana", {"type": "typing", "room": "general", "on": False}),
    ("dana", {"type": "say", "room": "general", "text": "The connection stays open both ways: full duplex."}),
    ("emil", {"type": "ping", "t": 1}),
    ("chen", {"type": "say", "room": "lab", "text": "Lab group: start with the handshake panel."}),
    ("alice", {"type": "whisper", "to": "bob", "text": "nice answer"}),
    ("emil", {"type": "say", "room": "general", "text": "<b>is this bold?</b> (no: plain text)"}),
]
for nick, msg in script:
    st[nick].send(msg)
    time.sleep(0.25)
while time.time() < deadline:
    time.sleep(0.5)
PY
}

shoot_server() {   # $1 = png path, $2 = 1 for projector mode
  local port srv
  port=$(free_port)
  # The name goes through the settings file: on X11, Qt's xcb plugin takes "--name" for
  # itself (the X resource name) before the program sees it (docs/qt-notes.md).
  printf '[server]\nname=Room 101 - Networks\n' > "$tmp/server-$2.ini"
  local size=1400x900
  [ "$2" = 1 ] && size=1920x1080   # projector mode is for a full-HD projector
  DUPLEX_SETTINGS="$tmp/server-$2.ini" DUPLEX_WINDOW_SIZE="$size" \
  DUPLEX_SCREENSHOT="$1" DUPLEX_SCREENSHOT_DELAY_MS=7000 DUPLEX_SCREENSHOT_PROJECTOR="$2" \
  DUPLEX_SCREENSHOT_NOTICE="Quiz at 10:30 - the server pushed this, nobody asked for it" \
    timeout 60 "$build/app-server/duplex-server" --bind 127.0.0.1 --port "$port" \
      --db "$tmp/shot-$2.sqlite" &
  srv=$!
  pids+=("$srv")
  wait_port "$port"
  # Projector mode: a class of 30 (5 scripted + 25), as a teacher projects it.
  (run_students "$port" "$([ "$2" = 1 ] && echo 25 || echo 0)") &
  local students=$!
  pids+=("$students")
  wait "$srv"
  kill "$students" 2>/dev/null || true
  echo "screenshots: wrote $1"
}

# --- server window (issue 4) ---
if [ "$what" = all ] || [ "$what" = server ]; then
  shoot_server "$out/server.png" 0
  shoot_server "$out/server-projector.png" 1
  # The full-screen join card as a full-HD projector shows it, for an address on a school
  # network (tst_joincard::screenshots draws it; no socket involved).
  DUPLEX_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
    timeout 60 "$build/tests/tst_joincard" screenshots >/dev/null
  echo "screenshots: wrote $out/join-card.png"
  # The push-vs-polling lesson panel and the timeline, normal and projector (1920x1080), from
  # a synthetic lesson (tst_lessonpanel::screenshots feeds the figures; no socket involved).
  DUPLEX_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
    timeout 60 "$build/tests/tst_lessonpanel" screenshots >/dev/null
  echo "screenshots: wrote $out/lesson-panel.png $out/lesson-panel-projector.png $out/lesson-timeline*.png"
fi

# --- client window (issue 5) ---
# tst_clientwindow::screenshots builds the scene itself (a real ChatServer on 127.0.0.1, four
# students, two rooms, a whisper, a notice, the inspector open) and grabs the widgets.
if [ "$what" = all ] || [ "$what" = client ]; then
  DUPLEX_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
    timeout 60 "$build/tests/tst_clientwindow" screenshots pollingScreenshot >/dev/null
  echo "screenshots: wrote $out/client.png $out/client-connect.png $out/client-polling.png"
fi
# Failover (issue 17): two servers, the first stopped, the window on the second.
if [ "$what" = all ] || [ "$what" = client ]; then
  DUPLEX_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
    timeout 60 "$build/tests/tst_clientfailover" windowShowsTheSwitchAndRemembersTheList >/dev/null
  echo "screenshots: wrote $out/client-failover.png"
fi
# A cluster server without Redis (issue 17): the window retrying, the status bar saying why
# (a real redis-server, stopped by the test).
if [ "$what" = all ] || [ "$what" = client ]; then
  DUPLEX_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
    timeout 60 "$build/tests/tst_redis_sessions" clientRetriesWhileRedisIsDown >/dev/null
  echo "screenshots: wrote $out/client-redis-down.png"
fi

# --- browser client (issue 12) ---
# tests/browser/layout.test.mjs chats at 360 px and at desktop width in Debian's chromium
# and saves the page when DUPLEX_SCREENSHOT_DIR is set (needs tests/browser/npm-ci.sh once).
if [ "$what" = all ] || [ "$what" = browser ]; then
  bash "$root/tests/browser/npm-ci.sh" >/dev/null
  DUPLEX_SCREENSHOT_DIR="$out" DUPLEX_SERVER="$build/app-server/duplex-server" \
    DUPLEX_PEER="$build/tests/duplex-browser-peer" LC_ALL=C.UTF-8 \
    timeout 120 node --test "$root/tests/browser/layout.test.mjs" >/dev/null
  DUPLEX_SCREENSHOT_DIR="$out" DUPLEX_SERVER="$build/app-server/duplex-server" \
    DUPLEX_PEER="$build/tests/duplex-browser-peer" LC_ALL=C.UTF-8 \
    timeout 120 node --test "$root/tests/browser/polling.test.mjs" >/dev/null
  echo "screenshots: wrote $out/browser-desktop.png $out/browser-phone.png $out/browser-connect-phone.png $out/browser-polling.png"
fi
