// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// RFC 6455 facts (common/websocket): the accept key, the frame header codec in all three
// length forms, masking, and the close-code words, against the RFC's own examples.

#include <websocket.h>

#include <QtTest>

using namespace duplex;

class TestWebSocket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptKeyRfcExample();
    void headerRoundTrip_data();
    void headerRoundTrip();
    void rfcExampleFrames_data();
    void rfcExampleFrames();
    void incompleteHeaderWaits();
    void maskingIsItsOwnInverse();
    void closeCodesInWords();
};

void TestWebSocket::acceptKeyRfcExample()
{
    // RFC 6455 section 1.3.
    QCOMPARE(ws::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(QByteArray(ws::Guid), QByteArray("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
}

void TestWebSocket::headerRoundTrip_data()
{
    QTest::addColumn<quint64>("length");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<int>("form");
    QTest::addColumn<int>("headerLength");
    QTest::newRow("0 bytes, 7-bit") << quint64(0) << false << 7 << 2;
    QTest::newRow("125 bytes, 7-bit") << quint64(125) << false << 7 << 2;
    QTest::newRow("126 bytes, 16-bit") << quint64(126) << false << 16 << 4;
    QTest::newRow("65535 bytes, 16-bit") << quint64(65535) << false << 16 << 4;
    QTest::newRow("65536 bytes, 64-bit") << quint64(65536) << false << 64 << 10;
    QTest::newRow("masked 5 bytes") << quint64(5) << true << 7 << 6;
    QTest::newRow("masked 300 bytes") << quint64(300) << true << 16 << 8;
    QTest::newRow("masked 2^40 bytes") << (quint64(1) << 40) << true << 64 << 14;
}

void TestWebSocket::headerRoundTrip()
{
    QFETCH(quint64, length);
    QFETCH(bool, masked);
    QFETCH(int, form);
    QFETCH(int, headerLength);
    ws::FrameHeader h;
    h.fin = false;
    h.rsv = 0;
    h.opcode = quint8(ws::Opcode::Binary);
    h.masked = masked;
    h.maskKey = masked ? 0x37fa213d : 0;
    h.payloadLength = length;
    const QByteArray bytes = ws::encodeHeader(h);
    QCOMPARE(bytes.size(), headerLength);
    const auto back = ws::decodeHeader(bytes);
    QVERIFY(back);
    QCOMPARE(back->fin, false);
    QCOMPARE(back->opcode, quint8(2));
    QCOMPARE(back->masked, masked);
    QCOMPARE(back->maskKey, h.maskKey);
    QCOMPARE(back->payloadLength, length);
    QCOMPARE(int(back->lengthForm), form);
    QCOMPARE(back->headerLength, headerLength);
}

void TestWebSocket::rfcExampleFrames_data()
{
    // RFC 6455 section 5.7.
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("unmasked Hello")
        << QByteArray::fromHex("810548656c6c6f") << true << 1 << QByteArray("Hello");
    QTest::newRow("masked Hello") << QByteArray::fromHex("818537fa213d7f9f4d5158") << true << 1
                                  << QByteArray("Hello");
    QTest::newRow("fragment Hel") << QByteArray::fromHex("010348656c") << false << 1
                                  << QByteArray("Hel");
    QTest::newRow("continuation lo")
        << QByteArray::fromHex("80026c6f") << true << 0 << QByteArray("lo");
    QTest::newRow("unmasked ping")
        << QByteArray::fromHex("890548656c6c6f") << true << 9 << QByteArray("Hello");
    QTest::newRow("masked pong") << QByteArray::fromHex("8a8537fa213d7f9f4d5158") << true << 10
                                 << QByteArray("Hello");
}

void TestWebSocket::rfcExampleFrames()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, fin);
    QFETCH(int, opcode);
    QFETCH(QByteArray, payload);
    const auto h = ws::decodeHeader(wire);
    QVERIFY(h);
    QCOMPARE(h->fin, fin);
    QCOMPARE(int(h->opcode), opcode);
    QCOMPARE(h->payloadLength, quint64(payload.size()));
    const QByteArray body = wire.mid(h->headerLength);
    QCOMPARE(h->masked ? ws::applyMask(body, h->maskKey) : body, payload);
    if (!h->masked && fin && opcode == 1)
        QCOMPARE(ws::serverFrame(payload), wire);
}

void TestWebSocket::incompleteHeaderWaits()
{
    const QByteArray full = QByteArray::fromHex("81fe0100a1b2c3d4"); // masked, 16-bit length
    for (int n = 0; n < full.size(); ++n)
        QVERIFY2(!ws::decodeHeader(full.left(n)), qPrintable(QString::number(n)));
    QVERIFY(ws::decodeHeader(full));
    QCOMPARE(ws::decodeHeader(full)->payloadLength, quint64(256));
}

void TestWebSocket::maskingIsItsOwnInverse()
{
    const QByteArray text = "Grüße, Jürgen! 你好";
    const quint32 key = 0xdeadbeef;
    QCOMPARE(ws::applyMask(ws::applyMask(text, key), key), text);
    // Unmasking from the middle of a payload (a frame that arrived in pieces) uses the key
    // from that offset on.
    const QByteArray masked = ws::applyMask(text, key);
    QCOMPARE(ws::applyMask(masked.mid(5), key, 5), text.mid(5));
}

void TestWebSocket::closeCodesInWords()
{
    QCOMPARE(ws::closeCodeWords(1000), QStringLiteral("normal"));
    QCOMPARE(ws::closeCodeWords(1006), QStringLiteral("no close frame"));
    QCOMPARE(ws::closeCodeWords(4001), QStringLiteral("kicked"));
    QCOMPARE(ws::closeCodeWords(4999), QString());
    QVERIFY(ws::closeCodeMeaning(1009).contains(QStringLiteral("too big")));
    QVERIFY(ws::closeCodeMeaning(4500).contains(QStringLiteral("application")));
    QCOMPARE(ws::opcodeName(0x9), QStringLiteral("ping"));
    QCOMPARE(ws::opcodeName(0x3), QStringLiteral("reserved 0x3"));
}

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
