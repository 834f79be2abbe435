// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// libFuzzer target: the HTTP request-head parser (app-server/core/httpmessage.cpp), fed at
// once and in two pieces as the listener does, plus what the router asks of a request.

#include <httpmessage.h>

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

using namespace duplex::server;

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_httphead: %s\n", what);
    abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the head limit (the engine's is 16 KiB; small ones reach 431).
    const qsizetype limit = data[0] < 128 ? 16 * 1024 : qsizetype(data[0]) * 4;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    http::Request request;
    qsizetype headBytes = -1;
    const http::ParseResult result = http::parseHead(bytes, &request, &headBytes, limit);
    if (result == http::ParseResult::Complete) {
        if (headBytes <= 0 || headBytes > bytes.size())
            fail("Complete with headBytes outside the input");
        if (!request.path.startsWith('/') && request.path != "*")
            fail("a path that does not start with '/'");
        if (request.contentLength < 0)
            fail("negative Content-Length");
        // The head alone parses the same; any prefix of it is not Complete.
        http::Request again;
        qsizetype againBytes = -1;
        if (http::parseHead(bytes.first(headBytes), &again, &againBytes, limit)
                != http::ParseResult::Complete
            || againBytes != headBytes || again.target != request.target)
            fail("the head alone parses differently");
        http::Request part;
        qsizetype partBytes = -1;
        if (http::parseHead(bytes.first(headBytes - 1), &part, &partBytes, limit)
            == http::ParseResult::Complete)
            fail("a head without its last byte is Complete");
        (void)request.isWebSocketUpgrade();
        (void)request.header("Host");
        (void)request.hasHeader("origin");
        (void)http::originAllowed(request, {QStringLiteral("http://example.invalid:8080")});
        (void)http::originAllowed(request, {}, true);
        http::Response r
            = http::Response::error(400, "bad_request", QString::fromLatin1(request.path));
        r.headers.append({QByteArray("ETag"), request.header("If-None-Match")});
        (void)r.toBytes();
    } else if (result == http::ParseResult::Incomplete && bytes.size() > limit) {
        fail("Incomplete past the head limit");
    }
    (void)http::reasonPhrase(int(size % 600));
    return 0;
}
