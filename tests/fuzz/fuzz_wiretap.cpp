// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// libFuzzer target: the frame X-ray's parsers. The input is a byte stream cut into pieces
// (the first two bytes choose how): once through a WireTap on an unconnected
// DirectTcpSocket, exactly as the engine's writes reach it (HTTP head, 101, then frames, in
// any pieces) into a small WireLog, and once through ws::FrameStream alone, checking that
// every byte is accounted for and each frame's kept bytes decode to its header.

#include <websocket.h>
#include <wirelog.h>
#include <wiretap.h>

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

using namespace duplex;
using namespace duplex::server;

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_wiretap: %s\n", what);
    abort();
}

/// The pieces of `bytes`: all at once (step 0), or pieces of 1..61 bytes.
template<typename F> void inPieces(QByteArrayView bytes, quint8 step, F f)
{
    int i = 0;
    while (!bytes.isEmpty()) {
        const qsizetype n
            = step == 0 ? bytes.size() : qMin<qsizetype>(bytes.size(), (step * ++i) % 61 + 1);
        f(bytes.first(n));
        bytes = bytes.sliced(n);
    }
}

void frameStream(QByteArrayView bytes, quint8 step, qsizetype keep)
{
    ws::FrameStream stream(keep);
    quint64 framed = 0;
    inPieces(bytes, step, [&](QByteArrayView piece) {
        stream.feed(piece, [&](ws::WireFrame &&f) {
            framed += f.wireLength;
            if (f.wire.size() > qMax<qsizetype>(keep, 14))
                fail("a frame kept more than `keep` bytes");
            if (quint64(f.wire.size()) > f.wireLength)
                fail("a frame kept more bytes than it took");
            if (f.cut != (quint64(f.wire.size()) < f.wireLength))
                fail("cut does not match the bytes kept");
            const auto h = ws::decodeHeader(f.wire);
            if (!h || h->payloadLength != f.header.payloadLength || h->opcode != f.header.opcode
                || h->headerLength != f.header.headerLength
                || quint64(h->headerLength) + h->payloadLength != f.wireLength)
                fail("the kept bytes do not decode to the frame's header");
            if (ws::encodeHeader(f.header) != f.wire.first(f.header.headerLength)
                && f.header.lengthForm
                    == (f.header.payloadLength < 126
                            ? ws::LengthForm::Short7
                            : (f.header.payloadLength < 65536 ? ws::LengthForm::Medium16
                                                              : ws::LengthForm::Long64)))
                fail("encodeHeader() differs from a header in its shortest form");
            (void)ws::applyMask(f.wire.mid(f.header.headerLength), f.header.maskKey);
            (void)ws::opcodeName(f.header.opcode);
        });
    });
    if (framed + stream.pending() != quint64(bytes.size()))
        fail("bytes lost between frames");
    if (const auto partial = stream.takePartial())
        (void)partial->wire.size();
    if (stream.pending() != 0)
        fail("takePartial() left bytes");
}

void tap(QByteArrayView bytes, quint8 flags, quint8 step)
{
    WireLog::Limits limits;
    limits.bytesPerClient = 8 * 1024; // small, so that eviction runs too
    limits.bytesTotal = 16 * 1024;
    limits.recordsTotal = 64;
    WireLog log(limits);
    quint64 ids = 100;
    WireTaps taps(&log, [&ids] { return ++ids; });
    taps.setTapAll(true);
    DirectTcpSocket socket;
    const bool fromStart = !(flags & 1);
    auto *t = new WireTap(&socket, &taps, fromStart, fromStart ? 0 : 7);
    int piece = 0;
    inPieces(bytes, step, [&](QByteArrayView p) {
        if (fromStart && ++piece == 2 && (flags & 2))
            t->bind(7); // the upgrade finished between two writes
        t->bytesSent(p.data(), p.size());
    });
    if (flags & 4)
        emit socket.disconnected(); // the connection ends mid-frame: the partial frame
    for (const WireRecord &r : log.since(0)) {
        (void)r.payload();
        (void)WireRecordFile::line(r);
    }
    if (log.bytesHeld() > limits.bytesTotal + 4096 + 14)
        fail("the WireLog holds more than its limit");
    (void)log.frameCarrying(0, true, bytes.first(qMin<qsizetype>(bytes.size(), 8)).toByteArray(),
                            0);
    delete t;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 flags = data[0];
    const quint8 step = data[1];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    frameStream(bytes, step, (flags & 8) ? 14 : 4096);
    tap(bytes, flags, step);
    return 0;
}
