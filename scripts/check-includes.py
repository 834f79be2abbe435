#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Duplex authors
"""Checks the server core's shape (docs/server-engine.md): no file over 600 lines, and no
cycle in the graph of its parts, where a part is a header with its .cpp (and its
`NAME_*.h/.cpp` files, e.g. a private header `NAME_p.h`) and an arrow means "includes a
header of". Prints the cycle or the long file and exits 1; else a summary."""
import pathlib
import re
import sys

MAX_LINES = 600
root = pathlib.Path(__file__).resolve().parent.parent
core = root / "app-server" / "core"
include = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)

parts = {}
for f in sorted(core.glob("*.[ch]*")):
    if f.suffix not in (".h", ".cpp"):
        continue
    part = f.stem.split("_")[0]
    deps = parts.setdefault(part, set())
    for name in include.findall(f.read_text(encoding="utf-8")):
        dep = pathlib.Path(name).stem.split("_")[0]
        if (core / name).exists() and dep != part:
            deps.add(dep)

problems = []
for f in sorted(core.glob("*.cpp")) + sorted(core.glob("*.h")):
    n = sum(1 for _ in f.open(encoding="utf-8"))
    if n > MAX_LINES:
        problems.append(f"{f.relative_to(root)}: {n} lines (at most {MAX_LINES})")

state = {}
stack = []


def visit(p):
    state[p] = "open"
    stack.append(p)
    for d in sorted(parts.get(p, ())):
        if state.get(d) == "open":
            cycle = stack[stack.index(d):] + [d]
            problems.append("include cycle: " + " -> ".join(cycle))
        elif d not in state:
            visit(d)
    stack.pop()
    state[p] = "done"


for p in sorted(parts):
    if p not in state:
        visit(p)

if problems:
    print("\n".join(problems))
    sys.exit(1)
edges = sum(len(d) for d in parts.values())
print(f"check-includes: app-server/core has {len(parts)} parts, {edges} arrows, no cycle, "
      f"no file over {MAX_LINES} lines")
