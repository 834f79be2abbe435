// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// libFuzzer target: the JSON codec (common/codec.cpp) on any bytes, both directions.
// Besides "no crash, no sanitizer report" it checks the round trip: a message that decodes
// encodes to JSON that decodes again to the same encoding.

#include <codec.h>

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>
#include <variant>

using namespace duplex::proto;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &a, const QByteArray &b)
{
    fprintf(stderr, "fuzz_codec: %s\n  first:  %s\n  second: %s\n", what, a.constData(),
            b.constData());
    abort();
}

template<typename Result, typename Decode> void roundTrip(const Result &result, Decode decode)
{
    const auto *message = std::get_if<0>(&result);
    if (!message)
        return;
    (void)typeName(*message);
    const QByteArray once = encode(*message);
    const auto again = decode(once);
    const auto *second = std::get_if<0>(&again);
    if (!second)
        fail("encode() wrote what decode refuses", once, std::get<1>(again).message.toUtf8());
    const QByteArray twice = encode(*second);
    if (once != twice)
        fail("encode(decode(encode(m))) != encode(m)", once, twice);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // QCoreApplication::translate in the errors
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)peekType(bytes);

    const ClientDecodeResult client = decodeClient(bytes);
    if (const auto *e = std::get_if<DecodeError>(&client))
        (void)makeError(e->code, e->re, e->message);
    roundTrip(client, [](const QByteArray &b) { return decodeClient(b); });

    const ServerDecodeResult server = decodeServer(bytes);
    roundTrip(server, [](const QByteArray &b) { return decodeServer(b); });
    return 0;
}
