// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "serveroptions.h"

class QCoreApplication;

namespace duplex::server {

/// duplex-server --headless: opens the history database, listens, prints one line per
/// connect, disconnect (close code, clean or dropped) and error on standard output, and
/// on SIGINT/SIGTERM closes every client with 1001, closes the database and returns 0.
/// The first line after start-up is "listening on ADDRESS:PORT" with the real port (so
/// --port 0 can be used by scripts). Returns 1 when the database or the port cannot be
/// opened (the reason on standard error).
int runHeadless(QCoreApplication &app, const ServerOptions &options);

} // namespace duplex::server
