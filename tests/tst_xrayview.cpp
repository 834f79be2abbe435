// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The frame X-ray view (issue 14): the real widget shows the right words for known frames
// (RFC 6455's own masked "Hello"), control and continuation frames as rows of their own,
// the frame a traffic-log row refers to; and, against a real engine thread, the tap switch
// and a raw client's masked frame. XRAY_SCREENSHOT=path saves the view as a PNG.
#include "chattestclient.h"

#include <frameexplainer.h>
#include <serverhost.h>
#include <trafficlog.h>
#include <wirelog.h>
#include <xrayview.h>

#include <QApplication>
#include <QCheckBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace duplex;
using namespace duplex::server;

namespace {

WireRecord record(quint64 client, bool out, const QByteArray &wire, qint64 t = 0)
{
    WireRecord r;
    r.clientId = client;
    r.out = out;
    r.timeMs = t ? t : QDateTime::currentMSecsSinceEpoch();
    r.header = *ws::decodeHeader(wire);
    r.length = qint64(r.header.payloadLength);
    r.wire = wire;
    return r;
}

QByteArray maskedFrame(quint8 first, const QByteArray &payload, quint32 key)
{
    ws::FrameHeader h;
    h.fin = first & 0x80;
    h.opcode = first & 0x0F;
    h.masked = true;
    h.maskKey = key;
    h.payloadLength = quint64(payload.size());
    return ws::encodeHeader(h) + ws::applyMask(payload, key);
}

} // namespace

class TstXrayView : public QObject
{
    Q_OBJECT
private slots:
    void rfcHelloInWords();
    void controlAndContinuationRowsAndLengthForms();
    void trafficRowFindsItsFrame();
    void realServerTapSwitchAndMaskedFrame();
    void tappedLaterStillShowsTheHandshake();
};

void TstXrayView::tappedLaterStillShowsTheHandshake()
{
    ServerConfig config;
    config.ratePerSec = 0;
    TrafficLog traffic;
    ServerHost host(config, {}, &traffic);
    QVERIFY(host.ok());
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    duplex::test::RawWsClient raw;
    QVERIFY(raw.connectTo(host.port()) && raw.waitUpgraded());
    raw.tcp.write(maskedFrame(0x81, R"({"type":"hello","nick":"uma"})", 0x01020304));
    QTRY_VERIFY(
        (host.refreshNow(),
         host.clients().size() == 1 && host.clients().first().nick == QLatin1String("uma")));
    const quint64 id = host.clients().first().id;
    XrayView view(host.wireLog(), &host);
    view.show();
    view.showClient(id, QStringLiteral("uma"));
    // Not tapped: only the handshake (kept for the handshake view), byte for byte.
    QCOMPARE(view.frameList()->rowCount(), 2);
    view.frameList()->setCurrentCell(1, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("HTTP/1.1 101 Switching Protocols")));
    auto *tap = view.findChild<QCheckBox *>(QStringLiteral("xrayTapClient"));
    QVERIFY(tap && tap->isEnabled() && !tap->isChecked());
    tap->click();
    QVERIFY(host.isWireTapped(id));
    raw.tcp.write(maskedFrame(0x89, "still there?", 0x0a0b0c0d));
    QTRY_VERIFY(view.frameList()->rowCount() >= 4); // the ping, the pong
    QCOMPARE(view.frameList()->item(2, 2)->text(), QStringLiteral("ping"));
    QCOMPARE(view.frameList()->item(3, 2)->text(), QStringLiteral("pong"));
}

void TstXrayView::rfcHelloInWords()
{
    WireLog log;
    WireRecord head;
    head.clientId = 7;
    head.timeMs = QDateTime::currentMSecsSinceEpoch();
    head.kind = WireRecord::Kind::Http;
    head.wire = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\n\r\n";
    head.length = head.wire.size();
    log.append(head);
    // RFC 6455 section 5.7: a single-frame masked text message "Hello".
    const QByteArray hello = QByteArray::fromHex("818537fa213d7f9f4d5158");
    log.append(record(7, false, hello));

    XrayView view(&log, nullptr);
    view.resize(1100, 760);
    view.show();
    view.showClient(7, QStringLiteral("ann (127.0.0.1:40000)"));
    QCOMPARE(view.frameList()->rowCount(), 2);
    QCOMPARE(view.frameList()->item(0, 2)->text(), QStringLiteral("HTTP"));
    QCOMPARE(view.frameList()->item(1, 2)->text(), QStringLiteral("text"));
    QCOMPARE(view.frameList()->item(1, 1)->text(), QStringLiteral("\u2192 in"));
    // The keyboard reaches every row.
    view.frameList()->setFocus();
    view.frameList()->setCurrentCell(0, 0);
    QTest::keyClick(view.frameList(), Qt::Key_Down);
    QCOMPARE(view.frameList()->currentRow(), 1);
    const QString t = view.detailText();
    QVERIFY2(t.contains(QStringLiteral("text client \u2192 server, ann (127.0.0.1:40000)")),
             qPrintable(t));
    QVERIFY(t.contains(QStringLiteral("\u2460 81")));
    QVERIFY(t.contains(QStringLiteral("\u2461 85")));
    QVERIFY(t.contains(QStringLiteral("\u2463 37 fa 21 3d")));
    QVERIFY(t.contains(QStringLiteral("\u2464 7f 9f 4d 51 58")));
    QVERIFY(t.contains(QStringLiteral("byte 1 = 1 000 0001")));
    QVERIFY(t.contains(QStringLiteral("FIN = 1: this is the last frame of its message")));
    QVERIFY(t.contains(QStringLiteral("RSV1-3 = 000: no extension in use")));
    QVERIFY(t.contains(QStringLiteral("opcode = 0001 (0x1): text")));
    QVERIFY(t.contains(QStringLiteral("byte 2 = 1 0000101")));
    QVERIFY(t.contains(QStringLiteral("MASK = 1: the payload is masked")));
    QVERIFY(t.contains(QStringLiteral("length = 5: 5 fits in the 7 bits")));
    QVERIFY(t.contains(QStringLiteral("masking key: 37 fa 21 3d")));
    // The XOR, worked out: 7f ^ 37 = 48 'H', 9f ^ fa = 65 'e'.
    QVERIFY(t.contains(QStringLiteral("7f")));
    QVERIFY(t.contains(QStringLiteral("\u2295 37")));
    QVERIFY(t.contains(QStringLiteral("= 48")));
    QVERIFY(t.contains(QStringLiteral("= 65")));
    QVERIFY(t.contains(QStringLiteral("The payload, unmasked:\nHello")));
    if (const QString shot = qEnvironmentVariable("XRAY_SCREENSHOT"); !shot.isEmpty())
        QVERIFY(view.grab().save(shot));
    // The HTTP head, byte for byte, its line ends shown.
    QTest::keyClick(view.frameList(), Qt::Key_Up);
    QVERIFY(view.detailText().contains(QStringLiteral("GET / HTTP/1.1\u240d\u240a")));
}

void TstXrayView::controlAndContinuationRowsAndLengthForms()
{
    WireLog log;
    log.append(record(3, false, maskedFrame(0x01, R"({"type":"say","ro)", 0x01020304)));
    log.append(record(3, false, maskedFrame(0x80, R"(om":"general"})", 0x0a0b0c0d)));
    log.append(record(3, true, ws::serverFrame("ping!", ws::Opcode::Ping)));
    log.append(record(3, false, maskedFrame(0x8A, "ping!", 0x11111111)));
    log.append(record(
        3, true,
        ws::serverFrame(QByteArray("\x03\xe9", 2) + "server shutting down", ws::Opcode::Close)));
    WireRecord big = record(3, true, ws::serverFrame(QByteArray(70000, 'x')));
    big.wire.truncate(4096);
    big.cut = true;
    log.append(big);
    log.append(record(3, true, ws::serverFrame(QByteArray(300, 'y'))));

    XrayView view(&log, nullptr);
    view.show();
    view.showClient(3);
    QTableWidget *list = view.frameList();
    QCOMPARE(list->rowCount(), 7);
    QStringList kinds;
    for (int i = 0; i < list->rowCount(); ++i)
        kinds << list->item(i, 2)->text();
    QCOMPARE(kinds, QStringList({"text", "continuation", "ping", "pong", "close", "text", "text"}));
    QVERIFY(list->item(0, 4)->text().startsWith(QStringLiteral("more follows")));
    QVERIFY(list->item(4, 4)->text().contains(QStringLiteral("1001 going away")));

    list->setCurrentCell(0, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("FIN = 0: more frames of this message")));
    list->setCurrentCell(1, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("opcode = 0000 (0x0): continuation")));
    list->setCurrentCell(2, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("MASK = 0: not masked")));
    QVERIFY(view.detailText().contains(QStringLiteral("opcode = 1001 (0x9): ping")));
    list->setCurrentCell(4, 0);
    QVERIFY2(view.detailText().contains(QStringLiteral("close code: 03 e9 = 1001 - going away")),
             qPrintable(view.detailText()));
    QVERIFY(view.detailText().contains(QStringLiteral("reason: \"server shutting down\"")));
    list->setCurrentCell(5, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("127 here means \"the length is in the "
                                                      "next 8 bytes\" (64-bit form)")));
    QVERIFY(view.detailText().contains(QStringLiteral("\u2462 00 00 00 00 00 01 11 70")));
    QVERIFY(view.detailText().contains(QStringLiteral("Only the first 4096 bytes")));
    list->setCurrentCell(6, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("126 here means \"the length is in the "
                                                      "next 2 bytes\" (16-bit form)")));
    QVERIFY(view.detailText().contains(QStringLiteral("\u2462 01 2c")));
}

void TstXrayView::trafficRowFindsItsFrame()
{
    WireLog log;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    const QByteArray say = R"({"type":"say","room":"general","text":"hi"})";
    log.append(record(4, false, maskedFrame(0x81, say, 0xdeadbeef), t0));
    log.append(record(4, false, maskedFrame(0x81, say, 0x01010101), t0 + 5000));
    log.append(record(5, true, ws::serverFrame(R"({"type":"message","text":"hi"})"), t0 + 10));

    XrayView view(&log, nullptr);
    view.show();
    TrafficEntry in;
    in.direction = TrafficDirection::In;
    in.clientId = 4;
    in.client = QStringLiteral("bob");
    in.payload = say;
    in.timeMs = t0 + 4990; // the second of two equal messages
    QVERIFY(view.showTrafficEntry(in));
    QCOMPARE(view.client(), quint64(4));
    QCOMPARE(view.frameList()->currentRow(), 1);
    QVERIFY(view.detailText().contains(QStringLiteral("masking key: 01 01 01 01")));
    // A fan-out row (no one client): any recipient's copy, the same bytes.
    TrafficEntry out;
    out.direction = TrafficDirection::Out;
    out.payload = R"({"type":"message","text":"hi"})";
    out.timeMs = t0;
    out.recipients = 3;
    QVERIFY(view.showTrafficEntry(out));
    QCOMPARE(view.client(), quint64(5));
    // Not tapped: says so.
    TrafficEntry missing = in;
    missing.payload = R"({"type":"say","text":"never seen"})";
    QVERIFY(!view.showTrafficEntry(missing));
    QVERIFY(view.detailText().contains(QStringLiteral("The tap did not see this frame")));
}

void TstXrayView::realServerTapSwitchAndMaskedFrame()
{
    ServerConfig config;
    config.ratePerSec = 0;
    TrafficLog traffic;
    ServerHost host(config, {}, &traffic);
    QVERIFY(host.ok());
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    XrayView view(host.wireLog(), &host);
    view.show();
    auto *all = view.findChild<QCheckBox *>(QStringLiteral("xrayTapAll"));
    QVERIFY(all && all->isVisible() && !all->isChecked());
    QTest::mouseClick(all, Qt::LeftButton, {}, QPoint(8, all->height() / 2));
    QVERIFY(all->isChecked());
    QVERIFY(host.wireTapAll());

    duplex::test::RawWsClient raw;
    QVERIFY(raw.connectTo(host.port()) && raw.waitUpgraded());
    QTRY_COMPARE((host.refreshNow(), host.clients().size()), qsizetype(1));
    const quint64 id = host.clients().first().id;
    raw.tcp.write(maskedFrame(0x81, R"({"type":"hello","nick":"zoe"})", 0x37fa213d));
    view.showClient(id, QStringLiteral("zoe"));
    // Request head, 101, the hello, the welcome...
    QTRY_VERIFY(view.frameList()->rowCount() >= 4);
    view.frameList()->setCurrentCell(2, 0);
    QVERIFY2(view.detailText().contains(QStringLiteral("masking key: 37 fa 21 3d")),
             qPrintable(view.detailText()));
    // Screenshots for docs/screenshots (XRAY_SHOT_DIR): normal, and projector-sized text.
    if (const QString dir = qEnvironmentVariable("XRAY_SHOT_DIR"); !dir.isEmpty()) {
        view.resize(1280, 820);
        QVERIFY(view.grab().save(dir + QStringLiteral("/xray.png")));
        QFont big = view.font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        view.setFont(big);
        view.resize(1600, 1000);
        view.frameList()->setCurrentCell(3, 0);
        view.frameList()->setCurrentCell(2, 0);
        QVERIFY(view.grab().save(dir + QStringLiteral("/xray-projector.png")));
        view.setFont(QFont());
    }
    QVERIFY(view.detailText().contains(QStringLiteral("{\"type\":\"hello\",\"nick\":\"zoe\"}")));
    view.frameList()->setCurrentCell(3, 0);
    QVERIFY(view.detailText().contains(QStringLiteral("MASK = 0: not masked")));
    QVERIFY(view.detailText().contains(QStringLiteral("\"type\":\"welcome\"")));
    // The resume token is a secret, and this is shown on a projector.
    QVERIFY2(
        view.detailText().contains(QStringLiteral("\"session\":\"\u2022\u2022\u2022\u2022 (resume "
                                                  "token, hidden)\"")),
        qPrintable(view.detailText()));
    QVERIFY(view.frameList()->item(3, 4)->text().contains(QStringLiteral("token, hidden")));
    // What the tap kept, as a capture file (tst_pcapng has tshark read one).
    QTemporaryDir dir;
    const QString capture = dir.filePath(QStringLiteral("x.pcapng"));
    QVERIFY(view.exportPcapng(capture));
    QFile f(capture);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(4) == QByteArray::fromHex("0a0d0d0a"));
    QVERIFY(f.size() > 500);
}

QTEST_MAIN(TstXrayView)
#include "tst_xrayview.moc"
