// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The recording opens in Wireshark (issue 14): a real server records a raw client's masked
// frames (known keys, 7/16/64-bit lengths, a fragmented message, ping, pong, close) with
// --record; `duplex-server --record IN --pcapng OUT` converts it; Debian's tshark dissects
// the capture as HTTP + WebSocket, and every frame's opcode, mask, key, length and text
// equal what was recorded. Skipped when tshark is not installed (scripts/deps.sh test).
#include "chattestclient.h"

#include <chatserver.h>
#include <pcapng.h>
#include <wirelog.h>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace duplex;
using namespace duplex::server;

namespace {

QByteArray clientFrame(quint8 opcode, const QByteArray &payload, quint32 key, bool fin = true)
{
    ws::FrameHeader h;
    h.fin = fin;
    h.opcode = opcode;
    h.masked = true;
    h.maskKey = key;
    h.payloadLength = quint64(payload.size());
    return ws::encodeHeader(h) + ws::applyMask(payload, key);
}

} // namespace

class TstPcapng : public QObject
{
    Q_OBJECT
private slots:
    void tsharkReadsWhatWasRecorded();
};

void TstPcapng::tsharkReadsWhatWasRecorded()
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed (bash scripts/deps.sh test)");
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("wire.jsonl"));
    const QString capture = dir.filePath(QStringLiteral("wire.pcapng"));
    quint16 port = 0;
    {
        ServerConfig config;
        config.recordPath = recording;
        config.ratePerSec = 0;
        config.maxBytes = 70000;
        ChatServer server(config, nullptr, nullptr);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.port();
        duplex::test::RawWsClient raw;
        QVERIFY(raw.connectTo(port) && raw.waitUpgraded());
        QTRY_COMPARE(server.clientCount(), 1);
        raw.tcp.write(clientFrame(0x1, R"({"type":"hello","nick":"wes"})", 0x37fa213d));
        raw.tcp.write(clientFrame(0x1, QByteArray(200, 'm'), 0x01020304));   // 16-bit
        raw.tcp.write(clientFrame(0x2, QByteArray(65536, 'b'), 0xa1b2c3d4)); // 64-bit
        raw.tcp.write(clientFrame(0x1, "frag", 0x0badf00d, false));
        raw.tcp.write(clientFrame(0x0, "mented", 0x12345678, true));
        raw.tcp.write(clientFrame(0x9, "ping?", 0x55aa55aa));
        raw.tcp.write(clientFrame(0x8, QByteArray("\x03\xe8", 2) + "bye", 0x0f0f0f0f));
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, 10000);
    } // the recording is flushed at exit
    QFile rec(recording);
    QVERIFY(rec.open(QIODevice::ReadOnly));
    const QList<WireRecord> recorded = readRecording(&rec);
    QList<WireRecord> frames;
    for (const WireRecord &r : recorded) {
        if (r.kind == WireRecord::Kind::Ws)
            frames.append(r);
    }
    QVERIFY(frames.size() >= 10);

    // The command line a teacher types.
    QProcess convert;
    convert.start(QStringLiteral(DUPLEX_SERVER_EXE),
                  {QStringLiteral("--record"), recording, QStringLiteral("--pcapng"), capture,
                   QStringLiteral("--port"), QString::number(port)});
    QVERIFY(convert.waitForFinished(30000));
    QCOMPARE(convert.exitCode(), 0);
    QVERIFY(QFile(capture).size() > 65536);

    QProcess ts;
    ts.start(tshark, {QStringLiteral("-r"), capture,
                      QStringLiteral("-d"), QStringLiteral("tcp.port==%1,http").arg(port),
                      QStringLiteral("-Y"), QStringLiteral("websocket"),
                      QStringLiteral("-T"), QStringLiteral("fields"),
                      QStringLiteral("-E"), QStringLiteral("occurrence=a"),
                      QStringLiteral("-E"), QStringLiteral("aggregator=|"),
                      QStringLiteral("-e"), QStringLiteral("websocket.fin"),
                      QStringLiteral("-e"), QStringLiteral("websocket.opcode"),
                      QStringLiteral("-e"), QStringLiteral("websocket.mask"),
                      QStringLiteral("-e"), QStringLiteral("websocket.masking_key"),
                      QStringLiteral("-e"), QStringLiteral("websocket.payload_length"),
                      QStringLiteral("-e"), QStringLiteral("websocket.payload_length_ext_16"),
                      QStringLiteral("-e"), QStringLiteral("websocket.payload_length_ext_64"),
                      QStringLiteral("-e"), QStringLiteral("websocket.payload.text")});
    QVERIFY(ts.waitForFinished(60000));
    QCOMPARE(ts.exitCode(), 0);
    const QByteArray output = ts.readAllStandardOutput();
    // One line per packet carrying frames; several frames in one packet are joined by '|'.
    struct Seen {
        bool fin;
        int opcode;
        bool mask;
        QByteArray key;
        qint64 length;
        QString text;
    };
    QList<Seen> seen;
    const auto truthy = [](const QByteArray &v) {
        return v == "1" || v.compare("true", Qt::CaseInsensitive) == 0;
    };
    for (const QByteArray &line : output.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QList<QByteArray> f = line.split('\t');
        QVERIFY2(f.size() >= 8, line.constData());
        const QList<QByteArray> fins = f[0].split('|'), ops = f[1].split('|'),
                                masks = f[2].split('|'), keys = f[3].split('|'),
                                lens = f[4].split('|'), l16 = f[5].split('|'),
                                l64 = f[6].split('|');
        int keyAt = 0, l16At = 0, l64At = 0;
        for (qsizetype i = 0; i < ops.size(); ++i) {
            Seen s;
            s.fin = truthy(fins.value(i));
            s.opcode = ops.value(i).toInt(nullptr, 0);
            s.mask = truthy(masks.value(i));
            if (s.mask)
                s.key = keys.value(keyAt++).replace(":", "");
            s.length = lens.value(i).toLongLong();
            if (s.length == 126)
                s.length = l16.value(l16At++).toLongLong();
            else if (s.length == 127)
                s.length = l64.value(l64At++).toLongLong();
            seen.append(s);
        }
        if (!f[7].isEmpty())
            seen.last().text = QString::fromUtf8(f[7]);
    }
    QCOMPARE(seen.size(), frames.size());
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const WireRecord &r = frames.at(i);
        const Seen &s = seen.at(i);
        QCOMPARE(s.fin, r.header.fin);
        QCOMPARE(s.opcode, int(r.header.opcode));
        QCOMPARE(s.mask, r.header.masked);
        if (r.header.masked)
            QCOMPARE(s.key, r.header.maskKeyBytes().toHex());
        QCOMPARE(s.length, r.length);
    }
    // The texts tshark unmasked are the ones the client sent.
    QStringList texts;
    for (const Seen &s : seen)
        texts << s.text;
    QVERIFY2(texts.contains(QStringLiteral(R"({"type":"hello","nick":"wes"})")),
             qPrintable(texts.join(QLatin1Char('\n'))));
    QVERIFY(texts.contains(QString(200, QLatin1Char('m'))));
}

QTEST_GUILESS_MAIN(TstPcapng)
#include "tst_pcapng.moc"
