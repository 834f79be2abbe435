// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// libFuzzer target: the body of POST /v1/poll (parsePollRequest, app-server/core/pollrequest.cpp).
// Besides "no crash, no sanitizer report": a parsed request keeps the contract's bounds.

#include <pollrequest.h>

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>
#include <variant>

using namespace duplex::server;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const PollParseResult r
        = parsePollRequest(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (const auto *request = std::get_if<PollRequest>(&r)) {
        if (request->waitMs < 0 || request->waitMs > MaxPollWaitMs)
            abort();
        if (request->ack && *request->ack < 0)
            abort();
        qsizetype sent = 0;
        for (const QByteArray &m : request->send)
            sent += m.size();
        (void)sent;
    }
    return 0;
}
