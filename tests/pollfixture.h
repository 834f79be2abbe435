// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The polling tests' usual opening, written once: a server without a rate limit, alice on
// WebSocket and bob in a poll session, welcomed and drained (everything he was sent so far
// received and acknowledged). Header-only; tests only.

#include "polltestclient.h"
#include "testserver.h"

#include <QDebug>

#include <memory>

namespace duplex::test {

struct AliceAndPollingBob {
    /// Starts the server, welcomes alice (WebSocket) and bob (polling) and drains bob's
    /// mailbox. False (with a warning saying which step) if any step failed.
    bool open()
    {
        if (!srv.start())
            return false;
        alice = srv.client(QStringLiteral("alice"));
        if (!alice) {
            qWarning() << "alice was not welcomed";
            return false;
        }
        bob = std::make_unique<PollTestClient>(srv.port());
        if (!bob->hello(QStringLiteral("bob"))) {
            qWarning() << "bob's hello over polling failed";
            return false;
        }
        if (!bob->drain()) {
            qWarning() << "bob's mailbox did not drain";
            return false;
        }
        return true;
    }

    /// A long poll of bob's that the server holds: alice's round trips (two ping barriers)
    /// went through while it stayed unanswered. Null (with a warning) if it was answered.
    std::shared_ptr<HttpExchange> holdPoll(int waitMs = 20000)
    {
        auto held = bob->start({}, waitMs);
        if (!alice->barrier() || !alice->barrier() || held->done) {
            qWarning() << "bob's long poll was not held";
            return nullptr;
        }
        return held;
    }

    TestServer srv {TestServer::unlimited()};
    std::unique_ptr<ChatTestClient> alice;
    std::unique_ptr<PollTestClient> bob;
};

} // namespace duplex::test
