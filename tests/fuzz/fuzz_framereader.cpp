// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// libFuzzer target: the server's frame reader (ws::FrameReader). The input is a client's
// byte stream after the 101, cut into pieces (the first byte chooses how); it is read once
// at once and once in pieces, and both reads must report the same things. Checked: every
// message is within the size limit, every text message is valid UTF-8 (Qt's strict decoder
// agrees), control payloads are at most 125 bytes, nothing follows an error or a close, the
// reader holds nothing once it is between messages, and the wire tap's hand-off (WireSink)
// gets exactly the bytes consumed, with frame starts where a frame stream finds them.

#include <framereader.h>

#include <QList>
#include <QStringDecoder>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace duplex;

namespace {

constexpr quint64 MaxBytes = 4096;

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_framereader: %s\n", what);
    abort();
}

struct Record final : ws::FrameSink {
    QList<QByteArray> events;
    bool ended = false;
    void after()
    {
        if (ended)
            fail("the reader reported something after an error or a close");
    }
    void frameMessage(bool text, QByteArray &&payload, qint64 wireBytes) override
    {
        after();
        if (quint64(payload.size()) > MaxBytes)
            fail("a message over the limit");
        if (wireBytes < payload.size() + 6)
            fail("a message took fewer wire bytes than its payload and a header");
        if (text) {
            QStringDecoder strict(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString s = strict(payload);
            if (strict.hasError())
                fail("a text message that is not UTF-8");
            Q_UNUSED(s);
        }
        events.append((text ? "t" : "b") + payload);
    }
    void framePing(QByteArray &&payload) override
    {
        after();
        if (payload.size() > 125)
            fail("a ping over 125 bytes");
        events.append("i" + payload);
    }
    void framePong(QByteArray &&payload) override
    {
        after();
        if (payload.size() > 125)
            fail("a pong over 125 bytes");
        events.append("o" + payload);
    }
    void frameClose(int code, QString &&reason) override
    {
        after();
        if (!ws::isValidReceivedCloseCode(code) && code != 1005)
            fail("a close with an invalid code");
        ended = true;
        events.append("c" + QByteArray::number(code) + reason.toUtf8());
    }
    void frameError(int code, const QString &reason) override
    {
        after();
        if (code != 1002 && code != 1007 && code != 1009)
            fail("an error code other than 1002, 1007, 1009");
        ended = true;
        events.append("e" + QByteArray::number(code) + reason.toUtf8());
    }
};

/// The wire tap's side: what the reader hands over, parsed again as a stream of frames.
struct Tap final : ws::WireSink {
    QByteArray handed;
    ws::FrameStream stream {14};
    void wireRead(QByteArrayView bytes, bool frameStart) override
    {
        if (bytes.isEmpty())
            fail("an empty piece handed to the tap");
        if (frameStart != (stream.pending() == 0))
            fail("a frame start handed to the tap where a frame stream is not at a boundary "
                 "(or none where it is)");
        handed += bytes;
        stream.feed(bytes, [](ws::WireFrame &&) {});
    }
};

Record read(QByteArrayView bytes, quint8 step)
{
    ws::FrameReader reader(MaxBytes);
    Record r;
    Tap tap;
    const QByteArrayView all = bytes;
    qsizetype consumed = 0;
    int i = 0;
    while (!bytes.isEmpty() && !reader.stopped()) {
        const qsizetype n
            = step == 0 ? bytes.size() : qMin<qsizetype>(bytes.size(), (step * ++i) % 61 + 1);
        const qsizetype used = reader.feed(bytes.first(n), r, &tap);
        consumed += used;
        if (tap.handed != all.first(consumed))
            fail("the tap was handed other bytes than the reader consumed");
        if (used != n && !reader.stopped())
            fail("the reader left bytes without stopping");
        if (used > n)
            fail("the reader consumed more than it was given");
        if (!reader.inTheMiddle() && reader.heldBytes() != 0)
            fail("the reader holds bytes between messages");
        bytes = bytes.sliced(n);
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const quint8 step = data[0];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Record whole = read(bytes, 0);
    const Record pieces = read(bytes, step);
    if (whole.events != pieces.events)
        fail("pieces and the whole stream read differently");
    return 0;
}
