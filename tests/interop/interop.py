#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""Interop test: a WebSocket client nobody here wrote (Debian's python3-websockets) drives
`duplex-server --headless` through hello, join, say, whisper, history, typing, nick and a
set of error cases, then stops it with SIGTERM and checks the close codes and the log.

Usage: interop.py PATH/TO/duplex-server
Exit codes: 0 pass, 1 fail, 77 skipped (python3-websockets missing).
Everything runs on 127.0.0.1 with a free port and is bounded in time.
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile

try:
    import websockets
except ImportError:  # pragma: no cover - depends on the machine
    print("SKIP: python3-websockets is not installed (apt install python3-websockets)")
    sys.exit(77)

TIMEOUT = 5.0
failures = []


def check(condition, what):
    if condition:
        print(f"ok   {what}")
    else:
        print(f"FAIL {what}")
        failures.append(what)
    return condition


class Peer:
    """One connection with a backlog, so that frames we are not waiting for are kept."""

    def __init__(self, ws, name):
        self.ws = ws
        self.name = name
        self.backlog = []

    async def send(self, **fields):
        await self.ws.send(json.dumps(fields))

    async def expect(self, pred, what=""):
        for i, frame in enumerate(self.backlog):
            if pred(frame):
                return self.backlog.pop(i)
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
            frame = json.loads(raw)
            if pred(frame):
                return frame
            self.backlog.append(frame)

    async def expect_type(self, type_, **match):
        return await self.expect(
            lambda f: f.get("type") == type_ and all(f.get(k) == v for k, v in match.items()))

    async def expect_error(self, code, re=None):
        frame = await self.expect(lambda f: f.get("type") == "error" and f.get("code") == code)
        if re is not None:
            check(frame.get("re") == re, f"{self.name}: error {code} carries re={re}")
        return frame


async def connect(port, name, subprotocols=("duplex.v1",)):
    ws = await asyncio.wait_for(
        websockets.connect(f"ws://127.0.0.1:{port}/", subprotocols=list(subprotocols),
                           max_size=2**20, open_timeout=TIMEOUT, close_timeout=2),
        TIMEOUT)
    return Peer(ws, name)


async def scenario(port):
    alice = await connect(port, "alice")
    check(alice.ws.subprotocol == "duplex.v1", "subprotocol duplex.v1 selected when offered")

    # A request before hello is refused, the connection stays.
    await alice.send(type="rooms", id="early")
    await alice.expect_error("not_welcomed", re="early")

    await alice.send(type="hello", id="h1", nick="Alice", agent="python-websockets")
    welcome = await alice.expect_type("welcome")
    check(welcome.get("protocol") == 1 and welcome.get("nick") == "Alice"
          and welcome.get("re") == "h1" and welcome.get("session"), "hello -> welcome")
    check(welcome.get("server") == "Interop", "welcome carries the server name from --name")
    check(welcome.get("limits", {}).get("maxText") == 4000, "welcome carries the limits")
    joined = await alice.expect_type("joined", room="general")
    check(joined.get("members") == ["Alice"] and joined.get("re") == "h1",
          "auto-join of general with members and re")
    await alice.expect_type("history", room="general")

    bob = await connect(port, "bob", subprotocols=())
    check(bob.ws.subprotocol is None, "a client offering no subprotocol is accepted")
    await bob.send(type="hello", nick="Bob")
    await bob.expect_type("welcome")
    presence = await alice.expect_type("presence", event="join")
    check(presence.get("nick") == "Bob", "presence join pushed to the room")

    # join + say -> fan-out with re for the sender only
    await alice.send(type="join", id="j", room="lab")
    await alice.expect_type("joined", room="lab")
    await bob.send(type="join", room="lab")
    j = await bob.expect_type("joined", room="lab")
    check(sorted(j.get("members", [])) == ["Alice", "Bob"] and j.get("count") == 2,
          "joined lists the members")
    await alice.send(type="say", id="s1", room="lab", text="Hello from Python <b>x</b>")
    own = await alice.expect_type("message", room="lab")
    other = await bob.expect_type("message", room="lab")
    check(own.get("re") == "s1" and "re" not in other, "sender's copy has re, others' not")
    check(own.get("seq") == 1 and other.get("seq") == 1, "first message of a room has seq 1")
    check(other.get("text") == "Hello from Python <b>x</b>" and other.get("from") == "Alice",
          "text arrives literally, from is set by the server")

    # typing: relayed, never echoed
    await bob.send(type="typing", room="lab", on=True)
    t = await alice.expect_type("typing", room="lab")
    check(t.get("nick") == "Bob" and t.get("on") is True, "typing relayed to the others")

    # whisper
    await bob.send(type="whisper", id="w1", to="alice", text="psst")
    w = await alice.expect_type("whisper")
    mine = await bob.expect_type("whisper", re="w1")
    check(w.get("from") == "Bob" and w.get("to") == "Alice" and w.get("text") == "psst",
          "whisper reaches its target")
    check(mine.get("to") == "Alice", "whisper sender gets its copy with re")

    # resend with the same id: stored once
    await alice.send(type="say", id="s1", room="lab", text="Hello from Python <b>x</b>")
    again = await alice.expect_type("message", re="s1")
    check(again.get("seq") == 1, "a resent id is deduplicated (same seq back)")

    await alice.send(type="say", room="lab", text="second")
    await bob.expect_type("message", seq=2)

    # history
    await bob.send(type="history", id="hist", room="lab", after=0, limit=10)
    h = await bob.expect_type("history", re="hist")
    check([m["seq"] for m in h.get("messages", [])] == [1, 2], "history after=0 in seq order")
    await bob.send(type="history", id="hist2", room="lab", before=2)
    h2 = await bob.expect_type("history", re="hist2")
    check([m["seq"] for m in h2.get("messages", [])] == [1], "history before=2")

    # nick, rooms, ping
    await bob.send(type="nick", id="n", nick="Robert")
    p = await bob.expect_type("presence", event="nick", re="n")
    check(p.get("old") == "Bob" and p.get("nick") == "Robert", "nick change announced to self")
    await alice.expect_type("presence", event="nick")
    await bob.send(type="rooms", id="r")
    rooms = await bob.expect_type("rooms", re="r")
    counts = {r["name"]: r["members"] for r in rooms.get("rooms", [])}
    check(counts.get("general") == 2 and counts.get("lab") == 2, "rooms lists member counts")
    await bob.send(type="ping", id="p", t=42)
    pong = await bob.expect_type("pong", re="p")
    check(pong.get("t") == 42, "application ping -> pong with t")

    # error cases
    await alice.ws.send("this is not json")
    await alice.expect_error("bad_json")
    await alice.send(type="dance", id="u")
    await alice.expect_error("unknown_type", re="u")
    await alice.send(type="say", id="m", room="lab")
    await alice.expect_error("bad_message", re="m")
    await alice.send(type="say", id="nr", room="elsewhere", text="hi")
    await alice.expect_error("not_in_room", re="nr")
    await alice.send(type="say", id="tl", room="lab", text="x" * 4001)
    await alice.expect_error("too_long", re="tl")
    await alice.send(type="say", id="e", room="lab", text="  \u0007 ")
    await alice.expect_error("empty", re="e")
    await alice.send(type="whisper", id="ns", to="Nobody", text="hi")
    await alice.expect_error("no_such_user", re="ns")
    await alice.send(type="join", id="br", room="No Spaces")
    await alice.expect_error("bad_room", re="br")
    await alice.send(type="hello", id="again", nick="Alice2")
    await alice.expect_error("already_welcomed", re="again")
    await alice.ws.send(b"\x00\x01binary")
    await alice.expect_error("binary_unsupported")
    check(alice.ws.open, "the connection stays open after all those errors")

    carol = await connect(port, "carol")
    await carol.send(type="hello", id="c1", nick="server")
    await carol.expect_error("bad_nick", re="c1")
    await carol.send(type="hello", id="c2", nick="ALICE")
    await carol.expect_error("nick_taken", re="c2")

    # Oversize: 70000 bytes in one message -> close 1009, others unaffected.
    await carol.ws.send(json.dumps({"type": "say", "room": "general", "text": "y" * 70000}))
    try:
        await asyncio.wait_for(carol.ws.wait_closed(), TIMEOUT)
    except asyncio.TimeoutError:
        pass
    check(carol.ws.close_code == 1009, f"oversize message closed with 1009 (got {carol.ws.close_code})")
    await alice.send(type="ping", id="still")
    await alice.expect_type("pong", re="still")
    check(True, "another client keeps working after someone was closed with 1009")

    return alice, bob


def bad_database(server_exe, tmp):
    """A database that cannot be opened is a clear error at start-up, not a crash."""
    bad = os.path.join(tmp, "no-such-dir", "history.sqlite")
    run = subprocess.run([server_exe, "--headless", "--bind", "127.0.0.1", "--port", "0",
                          "--db", bad], capture_output=True, text=True, timeout=15,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    check(run.returncode == 1, f"unopenable --db exits 1 (got {run.returncode})")
    check("Cannot open the history database" in run.stderr and "no-such-dir" in run.stderr,
          "unopenable --db says why on stderr")


async def main(server_exe):
    with tempfile.TemporaryDirectory() as tmp:
        bad_database(server_exe, tmp)
        db = os.path.join(tmp, "history.sqlite")
        proc = subprocess.Popen(
            [server_exe, "--headless", "--bind", "127.0.0.1", "--port", "0", "--db", db,
             "--name", "Interop"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        log = []
        try:
            port = None
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 15
            while port is None and loop.time() < deadline:
                line = await asyncio.wait_for(loop.run_in_executor(None, proc.stdout.readline), 15)
                if not line:
                    break
                log.append(line.rstrip("\n"))
                if line.startswith("listening on 127.0.0.1:"):
                    port = int(line.strip().rsplit(":", 1)[1])
            if not check(port is not None, "server prints 'listening on 127.0.0.1:PORT'"):
                print("\n".join(log))
                return 1
            alice, bob = await scenario(port)

            # SIGTERM: every client is closed with 1001, the process exits 0.
            proc.send_signal(signal.SIGTERM)
            for peer in (alice, bob):
                try:
                    await asyncio.wait_for(peer.ws.wait_closed(), TIMEOUT)
                except asyncio.TimeoutError:
                    pass
                check(peer.ws.close_code == 1001,
                      f"{peer.name} closed with 1001 on SIGTERM (got {peer.ws.close_code})")
            rest, _ = await asyncio.wait_for(loop.run_in_executor(None, proc.communicate), 15)
            log.extend(rest.splitlines())
            check(proc.returncode == 0, f"server exits 0 after SIGTERM (got {proc.returncode})")
            text = "\n".join(log)
            check("closed by the server with code 1009" in text, "log: the oversize close, told truthfully")
            check("closed by the server with code 1001" in text, "log: shutdown closes with 1001")
            check("said hello as \"Alice\"" in text, "log: one line per hello")
            check("database closed" in text, "log: database closed on the way out")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
        if failures:
            print("\n--- server log ---\n" + "\n".join(log))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    code = asyncio.run(asyncio.wait_for(main(sys.argv[1]), 60))
    print(f"{'PASS' if code == 0 else 'FAIL'}: {len(failures)} failure(s)")
    sys.exit(code)
