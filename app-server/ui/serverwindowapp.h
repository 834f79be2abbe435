// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

class QApplication;

namespace duplex::server {

struct ServerOptions;

/// Builds the history store, the traffic log, the engine and the window from the command
/// line options, starts listening and runs the event loop. Returns the exit code.
///
/// Hidden switches for scripts (environment variables):
///  - DUPLEX_LAG_PROBE=<file>: measure event-loop lag with a 10 ms timer, write
///    p50/p99/max on exit (DUPLEX_LAG_PROBE_SKIP_MS / _UNTIL_MS=<ms>: count only samples
///    between these times, e.g. a benchmark's sending phase);
///  - DUPLEX_SCREENSHOT=<png> (+ DUPLEX_SCREENSHOT_DELAY_MS, default 3000,
///    DUPLEX_SCREENSHOT_PROJECTOR=1): grab the window into a PNG after the delay and quit;
///  - DUPLEX_WINDOW_SIZE=<w>x<h>: the window's size (screenshots);
///  - DUPLEX_QUIT_AFTER_MS=<ms>: quit by itself (bounded benchmark runs);
///  - DUPLEX_SETTINGS=<ini>: keep the window's settings in that file (scripts, tests).
int runServerWindow(QApplication &app, const ServerOptions &options);

} // namespace duplex::server
