// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ws::FrameReader: the server's own reader of client frames (RFC 6455), without sockets:
// what a client's bytes become (messages, pings, pongs, a close) and which of them break
// the rules (1002, 1007, 1009), whatever pieces they arrive in.

#include <framereader.h>
#include <websocket.h>

#include <QtTest>

using namespace duplex::ws;

namespace {

/// One client frame: masked (unless told), with the given first-byte flags.
QByteArray clientFrame(quint8 opcode, QByteArrayView payload, bool fin = true, bool masked = true,
                       quint8 rsv = 0)
{
    FrameHeader h;
    h.fin = fin;
    h.rsv = rsv;
    h.opcode = opcode;
    h.masked = masked;
    h.maskKey = masked ? 0x37FA213Du : 0;
    h.payloadLength = quint64(payload.size());
    return encodeHeader(h) + (masked ? applyMask(payload, h.maskKey) : payload.toByteArray());
}

QByteArray closePayload(int code, QByteArrayView reason = {})
{
    QByteArray p;
    p.append(char(code >> 8)).append(char(code & 0xFF)).append(reason);
    return p;
}

/// Everything a reader reported, as one line each.
struct Log final : FrameSink {
    QStringList lines;
    int errorCode = 0;
    void frameMessage(bool text, QByteArray &&payload, qint64 wire) override
    {
        lines << QStringLiteral("%1 %2 (%3 on the wire)")
                     .arg(text ? QStringLiteral("text") : QStringLiteral("binary"),
                          QString::fromLatin1(payload.toHex()))
                     .arg(wire);
    }
    void framePing(QByteArray &&payload) override
    {
        lines << QStringLiteral("ping %1").arg(QString::fromLatin1(payload.toHex()));
    }
    void framePong(QByteArray &&payload) override
    {
        lines << QStringLiteral("pong %1").arg(QString::fromLatin1(payload.toHex()));
    }
    void frameClose(int code, QString &&reason) override
    {
        lines << QStringLiteral("close %1 %2").arg(code).arg(reason);
    }
    void frameError(int code, const QString &reason) override
    {
        errorCode = code;
        lines << QStringLiteral("error %1 %2").arg(code).arg(reason);
    }
};

/// Feeds `bytes` in pieces of `step` bytes (0: at once).
Log readAll(QByteArrayView bytes, qsizetype step = 0, quint64 max = 64 * 1024)
{
    FrameReader reader(max);
    Log log;
    while (!bytes.isEmpty() && !reader.stopped()) {
        const qsizetype n = step == 0 ? bytes.size() : qMin(step, bytes.size());
        const qsizetype used = reader.feed(bytes.first(n), log);
        if (used < n && !reader.stopped())
            log.lines << QStringLiteral("short read");
        bytes = bytes.sliced(n);
    }
    return log;
}

QString hex(QByteArrayView b)
{
    return QString::fromLatin1(b.toByteArray().toHex());
}

/// The wire tap's view of a reader (ws::WireSink) and of its sink, in one order: each
/// frame's bytes as one line ("bytes HEX") when its last piece came, each sink call as the
/// Log writes it. Pieces are checked to start frames exactly where frames start.
struct TapLog final : WireSink, FrameSink {
    QStringList lines;
    QByteArray consumed;
    QByteArray frame;
    qsizetype frameEnd = 0; ///< the current frame's size once its header is known
    bool badStart = false;  ///< a frame start where none is, none where one is, an empty piece
    void wireRead(QByteArrayView bytes, bool frameStart) override
    {
        if (frameStart != frame.isEmpty() || bytes.isEmpty())
            badStart = true;
        consumed += bytes;
        frame += bytes;
        if (frameEnd == 0) {
            if (const auto h = decodeHeader(frame))
                frameEnd = h->headerLength + qsizetype(h->payloadLength);
        }
        if (frameEnd > 0 && frame.size() == frameEnd) {
            lines << QStringLiteral("bytes %1").arg(hex(frame));
            frame.clear();
            frameEnd = 0;
        }
    }
    void frameMessage(bool text, QByteArray &&payload, qint64) override
    {
        lines << QStringLiteral("%1 %2").arg(text ? "text" : "binary", hex(payload));
    }
    void framePing(QByteArray &&payload) override { lines << "ping " + hex(payload); }
    void framePong(QByteArray &&payload) override { lines << "pong " + hex(payload); }
    void frameClose(int code, QString &&) override
    {
        lines << QStringLiteral("close %1").arg(code);
    }
    void frameError(int code, const QString &) override
    {
        lines << QStringLiteral("error %1").arg(code);
    }
};

} // namespace

class TestFrameReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aConversationInAnyPieces_data();
    void aConversationInAnyPieces();
    void brokenRules_data();
    void brokenRules();
    void closeFrames_data();
    void closeFrames();
    void sizeLimitPerFrameAndMessage();
    void keepsNothingBetweenMessages();
    void wireSinkGetsWhatWasConsumed_data();
    void wireSinkGetsWhatWasConsumed();
    void utf8Validator_data();
    void utf8Validator();
};

void TestFrameReader::aConversationInAnyPieces_data()
{
    QTest::addColumn<qsizetype>("step");
    for (qsizetype step : {0, 1, 2, 3, 5, 7, 13, 64})
        QTest::newRow(qPrintable(QStringLiteral("pieces of %1").arg(step))) << step;
}

void TestFrameReader::aConversationInAnyPieces()
{
    QFETCH(qsizetype, step);
    const QByteArray hello = R"({"type":"hello","nick":"ada"})";
    const QByteArray big(300, 'x');        // 16-bit length form
    const QByteArray huge(70000, 'y');     // 64-bit length form
    const QByteArray cafe = "caf\xC3\xA9"; // "é" split between two fragments
    QByteArray wire = clientFrame(0x1, hello) + clientFrame(0x9, "hi")
        + clientFrame(0x2, QByteArray("\x00\x01", 2)) + clientFrame(0x1, big)
        + clientFrame(0x1, cafe.left(4), false)
        + clientFrame(0xA, "") // a control frame between fragments is allowed
        + clientFrame(0x0, cafe.mid(4), true) + clientFrame(0x2, huge)
        + clientFrame(0x8, closePayload(1000, "bye"));
    const Log log = readAll(wire, step, 128 * 1024);
    const QStringList expected {
        QStringLiteral("text %1 (%2 on the wire)").arg(hex(hello)).arg(6 + hello.size()),
        QStringLiteral("ping %1").arg(hex("hi")),
        QStringLiteral("binary 0001 (8 on the wire)"),
        QStringLiteral("text %1 (%2 on the wire)").arg(hex(big)).arg(8 + big.size()),
        QStringLiteral("pong "),
        QStringLiteral("text %1 (%2 on the wire)").arg(hex(cafe)).arg(6 + 4 + 6 + 1),
        QStringLiteral("binary %1 (%2 on the wire)").arg(hex(huge)).arg(14 + huge.size()),
        QStringLiteral("close 1000 bye"),
    };
    QCOMPARE(log.lines, expected);
}

void TestFrameReader::wireSinkGetsWhatWasConsumed_data()
{
    QTest::addColumn<qsizetype>("step");
    for (qsizetype step : {0, 1, 2, 5, 13})
        QTest::newRow(qPrintable(QStringLiteral("pieces of %1").arg(step))) << step;
}

// The wire tap's hand-off (docs/server-engine.md, "The wire tap"): the pieces are exactly
// the bytes consumed, in order, frame starts marked; each frame's last piece comes before
// the sink hears of it; nothing after a close frame or an error is handed over.
void TestFrameReader::wireSinkGetsWhatWasConsumed()
{
    QFETCH(qsizetype, step);
    const QByteArray first = clientFrame(0x1, "hel", false);
    const QByteArray ping = clientFrame(0x9, "p");
    const QByteArray last = clientFrame(0x0, "lo");
    const QByteArray big = clientFrame(0x2, QByteArray(300, 'x'));
    const QByteArray close = clientFrame(0x8, closePayload(1000));
    const QByteArray after = clientFrame(0x1, "never read");
    const QByteArray wire = first + ping + last + big + close + after;
    FrameReader reader;
    TapLog log;
    QByteArrayView rest(wire);
    qsizetype used = 0;
    while (!rest.isEmpty() && !reader.stopped()) {
        const qsizetype n = step == 0 ? rest.size() : qMin(step, rest.size());
        used += reader.feed(rest.first(n), log, &log);
        rest = rest.sliced(n);
    }
    QVERIFY(!log.badStart);
    QCOMPARE(log.consumed, wire.first(used));
    QCOMPARE(log.consumed, first + ping + last + big + close);
    const QStringList expected {
        "bytes " + hex(first),
        "bytes " + hex(ping),
        "ping " + hex("p"),
        "bytes " + hex(last),
        "text " + hex("hello"),
        "bytes " + hex(big),
        "binary " + hex(QByteArray(300, 'x')),
        "bytes " + hex(close),
        QStringLiteral("close 1000"),
    };
    QCOMPARE(log.lines, expected);

    // A refused frame: its header is handed over (what the reader read), then the error.
    FrameReader strict(100);
    TapLog refused;
    const QByteArray tooBig = clientFrame(0x2, QByteArray(101, 'z'));
    strict.feed(tooBig, refused, &refused);
    QCOMPARE(refused.consumed, tooBig.first(decodeHeader(tooBig)->headerLength));
    QCOMPARE(refused.lines, QStringList {QStringLiteral("error 1009")});
}

void TestFrameReader::brokenRules_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("messagesBefore");
    const QByteArray ok = clientFrame(0x1, "{}");
    QTest::newRow("unmasked text") << ok + clientFrame(0x1, "{}", true, false) << 1002 << 1;
    QTest::newRow("RSV1 without an extension")
        << clientFrame(0x1, "{}", true, true, 4) << 1002 << 0;
    QTest::newRow("RSV3") << clientFrame(0x2, "x", true, true, 1) << 1002 << 0;
    QTest::newRow("opcode 0x3") << clientFrame(0x3, "x") << 1002 << 0;
    QTest::newRow("opcode 0xB") << ok + clientFrame(0xB, "") << 1002 << 1;
    QTest::newRow("ping over 125 bytes") << clientFrame(0x9, QByteArray(126, 'p')) << 1002 << 0;
    QTest::newRow("fragmented ping") << clientFrame(0x9, "p", false) << 1002 << 0;
    QTest::newRow("continuation first") << clientFrame(0x0, "x") << 1002 << 0;
    QTest::newRow("text inside a fragmented text")
        << clientFrame(0x1, "{", false) + clientFrame(0x1, "}") << 1002 << 0;
    QTest::newRow("invalid UTF-8") << ok + clientFrame(0x1, "\xC3\x28") << 1007 << 1;
    QTest::newRow("a surrogate") << clientFrame(0x1, "\xED\xA0\x80") << 1007 << 0;
    QTest::newRow("overlong slash") << clientFrame(0x1, "\xC0\xAF") << 1007 << 0;
    QTest::newRow("ends inside a character")
        << clientFrame(0x1, "ab\xE2\x82", false) + clientFrame(0x0, "") << 1007 << 0;
    QTest::newRow("invalid in the continuation")
        << clientFrame(0x1, "ab\xE2", false) + clientFrame(0x0, "\x82\x28") << 1007 << 0;
    // Binary messages are not UTF-8 checked.
    QTest::newRow("binary is not text")
        << clientFrame(0x2, "\xC3\x28") + clientFrame(0x3, "") << 1002 << 1;
}

void TestFrameReader::brokenRules()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, code);
    QFETCH(int, messagesBefore);
    for (qsizetype step : {0, 1, 3}) {
        const Log log = readAll(wire + clientFrame(0x1, "{\"after\":1}"), step);
        QCOMPARE(log.errorCode, code);
        // The messages before the violation, the error, and nothing after it.
        QCOMPARE(log.lines.size(), messagesBefore + 1);
        QVERIFY(log.lines.constLast().startsWith(QStringLiteral("error %1").arg(code)));
    }
}

void TestFrameReader::closeFrames_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("line");
    QTest::newRow("no code") << QByteArray() << QStringLiteral("close 1005 ");
    QTest::newRow("1000 and a reason")
        << closePayload(1000, "bye") << QStringLiteral("close 1000 bye");
    QTest::newRow("1013 (registered after RFC 6455)")
        << closePayload(1013) << QStringLiteral("close 1013 ");
    QTest::newRow("4001") << closePayload(4001, "k\xC3\xA9")
                          << QStringLiteral("close 4001 k\u00e9");
    QTest::newRow("1-byte payload") << QByteArray(1, '\x03') << QStringLiteral("error 1002");
    QTest::newRow("1005 is never sent") << closePayload(1005) << QStringLiteral("error 1002");
    QTest::newRow("999") << closePayload(999) << QStringLiteral("error 1002");
    QTest::newRow("2999") << closePayload(2999) << QStringLiteral("error 1002");
    QTest::newRow("5000") << closePayload(5000) << QStringLiteral("error 1002");
    QTest::newRow("reason not UTF-8") << closePayload(1000, "\xFF") << QStringLiteral("error 1007");
}

void TestFrameReader::closeFrames()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, line);
    // Whatever follows a close frame is not read.
    const Log log = readAll(clientFrame(0x8, payload) + clientFrame(0x1, "{}"), 1);
    QCOMPARE(log.lines.size(), 1);
    QVERIFY2(log.lines.constFirst().startsWith(line), qPrintable(log.lines.constFirst()));
}

void TestFrameReader::sizeLimitPerFrameAndMessage()
{
    // At the limit: fine; one byte more in a frame or across fragments: 1009.
    QCOMPARE(readAll(clientFrame(0x1, QByteArray(100, 'a')), 0, 100).errorCode, 0);
    QCOMPARE(readAll(clientFrame(0x1, QByteArray(101, 'a')), 0, 100).errorCode, 1009);
    const QByteArray fragments = clientFrame(0x1, QByteArray(60, 'a'), false)
        + clientFrame(0x0, QByteArray(41, 'a'), true);
    QCOMPARE(readAll(fragments, 7, 100).errorCode, 1009);
    // Refused by its header: the payload need not arrive (nothing of it is buffered).
    FrameReader reader(100);
    Log log;
    QByteArray header = clientFrame(0x2, QByteArray(1 << 20, 'z')).left(14);
    reader.feed(header, log);
    QCOMPARE(log.errorCode, 1009);
    QCOMPARE(reader.heldBytes(), 0);
}

void TestFrameReader::keepsNothingBetweenMessages()
{
    FrameReader reader;
    Log log;
    const QByteArray frame = clientFrame(0x1, QByteArray(1000, 'm'));
    reader.feed(QByteArrayView(frame).first(500), log);
    QVERIFY(reader.inTheMiddle());
    QVERIFY(reader.heldBytes() >= 1000 - 8);
    reader.feed(QByteArrayView(frame).sliced(500), log);
    QCOMPARE(log.lines.size(), 1);
    QVERIFY(!reader.inTheMiddle());
    QCOMPARE(reader.heldBytes(), 0);
}

void TestFrameReader::utf8Validator_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ASCII") << QByteArray("hello") << true;
    QTest::newRow("2, 3 and 4 bytes") << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("U+FFFF noncharacter") << QByteArray("\xEF\xBF\xBF") << true;
    QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << false;
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\xAF") << false;
    QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("surrogate D800") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("truncated") << QByteArray("\xE2\x82") << false;
}

void TestFrameReader::utf8Validator()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    // Byte by byte gives the same answer as at once, and the same as Qt's strict decoder.
    Utf8Validator once;
    QCOMPARE(once.feed(bytes) && once.complete(), valid);
    Utf8Validator pieces;
    bool ok = true;
    for (char c : std::as_const(bytes))
        ok = ok && pieces.feed(QByteArrayView(&c, 1));
    QCOMPARE(ok && pieces.complete(), valid);
    QStringDecoder qt(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = qt(bytes);
    QCOMPARE(!qt.hasError(), valid);
    Q_UNUSED(decoded);
}

QTEST_GUILESS_MAIN(TestFrameReader)
#include "tst_framereader.moc"
