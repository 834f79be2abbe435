// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The wire tap (issue 14): the exact bytes of every frame and HTTP head, in and out, parsed
// as a stream; off by default and free when off; bounded; `--record` lines as the contract
// says. A raw RFC 6455 client writes masked frames with a known key.
#include "chattestclient.h"

#include <chatserver.h>
#include <directsocket.h>
#include <historystore.h>
#include <serveroptions.h>
#include <trafficlog.h>
#include <trafficmodel.h>
#include <wirelog.h>
#include <wiretap.h>

#include <websocket.h>

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace duplex;
using namespace duplex::server;
using duplex::test::RawWsClient;

namespace {

constexpr quint32 Key = 0x37FA213D; // RFC 6455 section 5.7's example key

/// A client frame with the known key (or unmasked when masked is false).
QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool fin = true, quint32 key = Key,
                       bool masked = true)
{
    ws::FrameHeader h;
    h.fin = fin;
    h.opcode = opcode;
    h.masked = masked;
    h.maskKey = key;
    h.payloadLength = quint64(payload.size());
    return ws::encodeHeader(h) + (masked ? ws::applyMask(payload, key) : payload);
}

QByteArray closePayload(quint16 code, const QByteArray &reason)
{
    return QByteArray(1, char(code >> 8)) + char(code & 0xFF) + reason;
}

struct Server {
    explicit Server(ServerConfig config = {}, WireLog::Limits limits = {},
                    TrafficLog *traffic = nullptr)
        : log(limits)
    {
        config.ratePerSec = 0;
        config.pingIntervalMs = 60000;
        config.peerTimeoutMs = 120000;
        chat = std::make_unique<ChatServer>(config, nullptr, traffic);
        chat->setWireLog(&log);
    }
    bool listen() { return chat->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return chat->port(); }

    /// Records of that client, direction and kind.
    QList<WireRecord> records(quint64 id, bool out, WireRecord::Kind kind = WireRecord::Kind::Ws)
    {
        QList<WireRecord> found;
        for (const WireRecord &r : log.recordsFor(id)) {
            if (r.out == out && r.kind == kind)
                found.append(r);
        }
        return found;
    }
    quint64 onlyClient()
    {
        const auto list = chat->clients();
        return list.size() == 1 ? list.first().id : 0;
    }

    WireLog log;
    std::unique_ptr<ChatServer> chat;
};

bool connectRaw(RawWsClient &raw, Server &s)
{
    return raw.connectTo(s.port()) && raw.waitUpgraded()
        && QTest::qWaitFor([&] { return s.chat->clientCount() == 1; }, 5000);
}

/// A config with the tap on for every client.
ServerConfig tapAllConfig()
{
    ServerConfig config;
    config.tapAll = true;
    return config;
}

/// Listens and connects `raw`: the one client's id, or 0 when either failed.
quint64 listenAndConnect(Server &s, RawWsClient &raw)
{
    return s.listen() && connectRaw(raw, s) ? s.onlyClient() : 0;
}

bool connectHttp(QTcpSocket &http, Server &s)
{
    http.connectToHost(QHostAddress::LocalHost, s.port());
    return http.waitForConnected(5000);
}

/// A masked hello frame (the known key) for that nick.
QByteArray helloFrame(const char *nick)
{
    return clientFrame(0x1, R"({"type":"hello","nick":")" + QByteArray(nick) + R"("})");
}

/// The client is there and has that nick (any nick when `nick` is empty).
bool hasNick(Server &s, quint64 id, const char *nick = nullptr)
{
    const auto c = s.chat->client(id);
    return c && (nick ? c->nick == QLatin1String(nick) : !c->nick.isEmpty());
}

/// `raw` says hello as nick: true once the server has that nick for the client (5 s).
bool helloAccepted(Server &s, RawWsClient &raw, quint64 id, const char *nick)
{
    raw.tcp.write(helloFrame(nick));
    return QTest::qWaitFor([&] { return hasNick(s, id, nick); }, 5000);
}

bool hasRecord(Server &s, quint64 id, bool out, quint8 opcode, const QByteArray &payloadStart)
{
    for (const WireRecord &r : s.records(id, out)) {
        if (r.header.opcode == opcode && r.payload().startsWith(payloadStart))
            return true;
    }
    return false;
}

/// The last record of that client, direction and opcode (an empty one when there is none).
WireRecord lastRecord(Server &s, quint64 id, bool out, quint8 opcode)
{
    WireRecord found;
    for (const WireRecord &r : s.records(id, out)) {
        if (r.header.opcode == opcode)
            found = r;
    }
    return found;
}

/// Feeds `bytes` to the stream `chunk` bytes at a time: the frames it gave.
QList<ws::WireFrame> feedInChunks(ws::FrameStream &stream, const QByteArray &bytes, qsizetype chunk)
{
    QList<ws::WireFrame> frames;
    for (qsizetype i = 0; i < bytes.size(); i += chunk)
        stream.feed(QByteArrayView(bytes).sliced(i, qMin<qsizetype>(chunk, bytes.size() - i)),
                    [&](ws::WireFrame &&f) { frames.append(std::move(f)); });
    return frames;
}

} // namespace

class TstWireTap : public QObject
{
    Q_OBJECT
private slots:
    void streamSplitsAndJoinsFrames();
    void streamKeepsOnlyTheFirstBytes();
    void tapIsOffByDefaultAndCostsNoObject();
    void httpHeadsAndFramesShareTheConnectionId();
    void maskedFrameWithKnownKey();
    void lengthForms_data();
    void lengthForms();
    void overTheLimitIsRecordedThenRefused();
    void fragmentedMessage();
    void pingPongCloseBothWays();
    void frameArrivingByteByByte();
    void switchedOnForOneClientMidStream();
    void switchedOnInTheMiddleOfAFrame();
    void bytesTheReaderDidNotTakeAreNotShown();
    void keptAliveConnectionShowsEveryHead();
    void keptAliveHeadsAreBounded();
    void pingBetweenFragmentsInTheOrderRead();
    void memoryBoundUnderFlood();
    void recordFileMatchesTheContract();
    void recordOptionIsParsed();
    void exportDropsTokensAndCanIncludeTheWire();
};

void TstWireTap::recordOptionIsParsed()
{
    ServerOptions o;
    QString error;
    QVERIFY(parseServerOptions({"duplex-server", "--record", "/tmp/x.jsonl"}, &o, &error));
    QCOMPARE(o.recordPath, QStringLiteral("/tmp/x.jsonl"));
    QCOMPARE(serverConfigFrom(o).recordPath, QStringLiteral("/tmp/x.jsonl"));
    QVERIFY(!parseServerOptions({"duplex-server", "--pcapng", "/tmp/x.pcapng"}, &o, &error));
    QVERIFY(error.contains(QStringLiteral("--record")));
    QVERIFY(parseServerOptions({"duplex-server", "--record", "a.jsonl", "--pcapng", "a.pcapng"}, &o,
                               &error));
    QCOMPARE(o.pcapngPath, QStringLiteral("a.pcapng"));
    // A file that cannot be written: listen() fails and says why.
    ServerConfig config;
    config.recordPath = QStringLiteral("/nonexistent-dir/x.jsonl");
    ChatServer server(config, nullptr, nullptr);
    QVERIFY(!server.listen(QHostAddress::LocalHost, 0));
    QVERIFY(server.errorString().contains(QStringLiteral("/nonexistent-dir/x.jsonl")));
}

void TstWireTap::exportDropsTokensAndCanIncludeTheWire()
{
    TrafficLog traffic;
    Server s(tapAllConfig(), {}, &traffic);
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    const QByteArray hello = helloFrame("fay");
    raw.tcp.write(hello);
    QTRY_VERIFY(hasNick(s, id));
    QTRY_VERIFY(!s.records(id, true).isEmpty());
    TrafficModel model(&traffic, 100);
    model.setPollInterval(0);
    QTRY_VERIFY((model.poll(), model.rowCount() >= 3));
    auto exportWith = [&](const TrafficExportOptions &options) {
        QBuffer buffer;
        buffer.open(QIODevice::ReadWrite);
        model.exportJsonLines(&buffer, options);
        QHash<QString, QJsonObject> byType;
        for (const QByteArray &line : buffer.data().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.isEmpty() && o.value("direction") != QLatin1String("event"))
                byType.insert(o.value("type").toString(), o);
        }
        return byType;
    };
    auto plain = exportWith({});
    QVERIFY(plain.contains("welcome"));
    QVERIFY(!plain.value("welcome").value("frame").toObject().contains("session"));
    QVERIFY(plain.value("welcome").value("frame").toObject().contains("nick"));
    QVERIFY(!plain.value("hello").contains("wire"));
    TrafficExportOptions withWire;
    withWire.wire = &s.log;
    auto wired = exportWith(withWire);
    QCOMPARE(wired.value("hello").value("wire").toString().toLatin1(), hello.toHex());
    QVERIFY(!wired.value("welcome").contains("wire")); // its bytes hold the token
    withWire.includeTokens = true;
    auto all = exportWith(withWire);
    const QString token
        = all.value("welcome").value("frame").toObject().value("session").toString();
    QCOMPARE(token.size(), 32);
    QVERIFY(QByteArray::fromHex(all.value("welcome").value("wire").toString().toLatin1())
                .contains(token.toLatin1()));
}

void TstWireTap::streamSplitsAndJoinsFrames()
{
    const QByteArray a = clientFrame(0x1, "Hello");
    const QByteArray b = clientFrame(0x9, "");
    const QByteArray c = clientFrame(0x1, QByteArray(300, 'x'));
    const QByteArray all = a + b + c;
    // One chunk with three frames, then the same bytes one at a time: the same frames.
    for (int chunk : {int(all.size()), 1, 7}) {
        ws::FrameStream stream;
        const QList<ws::WireFrame> frames = feedInChunks(stream, all, chunk);
        QCOMPARE(frames.size(), 3);
        QCOMPARE(frames.at(0).wire, a);
        QCOMPARE(frames.at(1).wire, b);
        QCOMPARE(frames.at(2).wire, c);
        QCOMPARE(frames.at(2).header.lengthForm, ws::LengthForm::Medium16);
        QCOMPARE(stream.pending(), quint64(0));
    }
}

void TstWireTap::streamKeepsOnlyTheFirstBytes()
{
    const QByteArray big = clientFrame(0x2, QByteArray(100000, 'y'));
    ws::FrameStream stream(4096);
    const QList<ws::WireFrame> frames = feedInChunks(stream, big, 1000);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.at(0).wire.size(), 4096);
    QCOMPARE(frames.at(0).wire, big.first(4096));
    QVERIFY(frames.at(0).cut);
    QCOMPARE(frames.at(0).wireLength, quint64(big.size()));
    QCOMPARE(frames.at(0).header.lengthForm, ws::LengthForm::Long64);
}

void TstWireTap::tapIsOffByDefaultAndCostsNoObject()
{
    Server s;
    QVERIFY(s.listen());
    QVERIFY(!s.chat->wireTapAll());
    RawWsClient raw;
    QVERIFY(connectRaw(raw, s));
    raw.tcp.write(helloFrame("ann"));
    QTRY_VERIFY(raw.tcp.bytesAvailable() > 0 || !raw.inbox.isEmpty());
    // No tap object anywhere, nothing seen, nothing recorded.
    QCOMPARE(s.chat->wireTapStats().taps, 0);
    QCOMPARE(s.chat->wireTapStats().bytesIn, quint64(0));
    QCOMPARE(s.chat->wireTapStats().bytesOut, quint64(0));
    QCOMPARE(s.log.size(), 0);
    QVERIFY(!s.chat->isWireTapped(s.onlyClient()));
}

void TstWireTap::httpHeadsAndFramesShareTheConnectionId()
{
    Server s(tapAllConfig());
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    // The request exactly as sent, the 101 exactly as the client read it.
    QTRY_COMPARE(s.records(id, false, WireRecord::Kind::Http).size(), 1);
    QTRY_COMPARE(s.records(id, true, WireRecord::Kind::Http).size(), 1);
    const WireRecord request = s.records(id, false, WireRecord::Kind::Http).first();
    const WireRecord response = s.records(id, true, WireRecord::Kind::Http).first();
    QVERIFY(request.wire.startsWith("GET / HTTP/1.1\r\n"));
    QVERIFY(request.wire.endsWith("\r\n\r\n"));
    QCOMPARE(request.length, request.wire.size());
    QCOMPARE(response.wire, raw.response);
    QVERIFY(response.wire.contains("Sec-WebSocket-Accept: " + ws::acceptKey(raw.key)));
    // A plain HTTP request on the same port is a connection of its own, with its own id.
    QTcpSocket http;
    QVERIFY(connectHttp(http, s));
    http.write("GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY(http.bytesAvailable() > 0);
    const QByteArray answer = http.readAll();
    http.close();
    QTRY_COMPARE(s.log.clients().size(), 2);
    const quint64 other = s.log.clients().at(1);
    QVERIFY(other != id);
    QTRY_COMPARE(s.records(other, true, WireRecord::Kind::Http).size(), 1);
    const WireRecord head404 = s.records(other, true, WireRecord::Kind::Http).first();
    QVERIFY(head404.wire.startsWith("HTTP/1.1 404"));
    QVERIFY(answer.startsWith(head404.wire)); // the head only; the body is not a head
    QCOMPARE(s.records(other, false, WireRecord::Kind::Http).size(), 1);
}

void TstWireTap::maskedFrameWithKnownKey()
{
    Server s(tapAllConfig());
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    const QByteArray hello = R"({"type":"hello","nick":"ann"})";
    const QByteArray frame = clientFrame(0x1, hello);
    raw.tcp.write(frame);
    QTRY_COMPARE(s.records(id, false).size(), 1);
    const WireRecord r = s.records(id, false).first();
    QCOMPARE(r.wire, frame);
    QVERIFY(r.header.fin);
    QCOMPARE(r.header.rsv, quint8(0));
    QCOMPARE(r.header.opcode, quint8(0x1));
    QVERIFY(r.header.masked);
    QCOMPARE(r.header.maskKey, Key);
    QCOMPARE(r.header.maskKeyBytes().toHex(), QByteArray("37fa213d"));
    QCOMPARE(r.length, qint64(hello.size()));
    QCOMPARE(r.header.lengthForm, ws::LengthForm::Short7);
    QVERIFY(!r.cut);
    QCOMPARE(r.payload(), hello);
    // The server's answers go out unmasked, and are what the client received.
    QTRY_VERIFY(s.records(id, true).size() >= 1);
    QTRY_VERIFY(raw.tcp.bytesAvailable() > 0);
    QTRY_VERIFY(!s.records(id, true).isEmpty());
    const WireRecord welcome = s.records(id, true).first();
    QVERIFY(!welcome.header.masked);
    QCOMPARE(welcome.header.opcode, quint8(0x1));
    QVERIFY(welcome.payload().contains(R"("type":"welcome")"));
    QTRY_VERIFY((raw.inbox += raw.tcp.readAll()).startsWith(welcome.wire));
}

void TstWireTap::lengthForms_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("form");
    QTest::newRow("125: 7-bit") << 125 << 7;
    QTest::newRow("126: 16-bit") << 126 << 16;
    QTest::newRow("65535: 16-bit") << 65535 << 16;
    QTest::newRow("65536: 64-bit") << 65536 << 64;
}

void TstWireTap::lengthForms()
{
    QFETCH(int, size);
    QFETCH(int, form);
    ServerConfig config = tapAllConfig();
    config.maxBytes = 70000;
    Server s(config);
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    // A binary frame (not the protocol, but read and answered): the tap sees it all.
    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = char('a' + i % 26);
    const QByteArray frame = clientFrame(0x2, payload);
    raw.tcp.write(frame);
    QTRY_COMPARE(s.records(id, false).size(), 1);
    const WireRecord r = s.records(id, false).first();
    QCOMPARE(int(r.header.lengthForm), form);
    QCOMPARE(r.length, qint64(size));
    QCOMPARE(r.header.headerLength, form == 7 ? 6 : form == 16 ? 8 : 14);
    QCOMPARE(r.cut, frame.size() > 4096);
    QCOMPARE(r.wire, frame.first(qMin<qsizetype>(frame.size(), 4096)));
    QCOMPARE(r.payload(), payload.first(r.wire.size() - r.header.headerLength));
}

void TstWireTap::overTheLimitIsRecordedThenRefused()
{
    ServerConfig config = tapAllConfig();
    config.maxBytes = 65536;
    Server s(config);
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    raw.tcp.write(clientFrame(0x1, QByteArray(65537, 'z')));
    // Qt refuses it with 1009: the close frame goes out, and the tap saw the header.
    QTRY_VERIFY(!s.records(id, true).isEmpty());
    QTRY_VERIFY(hasRecord(s, id, true, 0x8, QByteArray("\x03\xf1", 2)));
    QTRY_VERIFY(!s.records(id, false).isEmpty());
    const WireRecord in = s.records(id, false).first();
    QCOMPARE(in.length, qint64(65537));
    QCOMPARE(in.header.lengthForm, ws::LengthForm::Long64);
    QVERIFY(in.cut);
}

void TstWireTap::fragmentedMessage()
{
    Server s(tapAllConfig());
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    // {"type":"hello","nick":"bo"} in three frames: text FIN=0, continuation, continuation FIN=1
    raw.tcp.write(clientFrame(0x1, R"({"type":"he)", false, 0x01020304));
    raw.tcp.write(clientFrame(0x0, R"(llo","nic)", false, 0xA0B0C0D0));
    raw.tcp.write(clientFrame(0x0, R"(k":"bo"})", true, 0x11223344));
    QTRY_COMPARE(s.records(id, false).size(), 3);
    const auto in = s.records(id, false);
    QCOMPARE(in.at(0).header.opcode, quint8(0x1));
    QVERIFY(!in.at(0).header.fin);
    QCOMPARE(in.at(1).header.opcode, quint8(0x0));
    QVERIFY(!in.at(1).header.fin);
    QCOMPARE(in.at(2).header.opcode, quint8(0x0));
    QVERIFY(in.at(2).header.fin);
    QCOMPARE(in.at(1).header.maskKey, 0xA0B0C0D0u);
    QCOMPARE(in.at(0).payload() + in.at(1).payload() + in.at(2).payload(),
             QByteArray(R"({"type":"hello","nick":"bo"})"));
    // Qt joined them: the server welcomed "bo".
    QTRY_VERIFY([&] {
        for (const WireRecord &r : s.records(id, true)) {
            if (r.payload().contains(R"("nick":"bo")"))
                return true;
        }
        return false;
    }());
}

void TstWireTap::pingPongCloseBothWays()
{
    ServerConfig config = tapAllConfig();
    Server s(config);
    s.chat.reset();
    config.ratePerSec = 0;
    config.pingIntervalMs = 150; // the server pings soon
    config.peerTimeoutMs = 60000;
    s.chat = std::make_unique<ChatServer>(config, nullptr, nullptr);
    s.chat->setWireLog(&s.log);
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    // Client ping -> Qt's automatic pong (written by Qt, seen by the tap).
    raw.tcp.write(clientFrame(0x9, "are you there"));
    QTRY_VERIFY(hasRecord(s, id, false, 0x9, "are you there"));
    QTRY_VERIFY(hasRecord(s, id, true, 0xA, "are you there"));
    // Server ping (the keep-alive) -> the client answers with a pong carrying its payload.
    QTRY_VERIFY(hasRecord(s, id, true, 0x9, {}));
    const QByteArray pingPayload = lastRecord(s, id, true, 0x9).payload();
    raw.tcp.write(clientFrame(0xA, pingPayload));
    QTRY_VERIFY(hasRecord(s, id, false, 0xA, pingPayload));
    // Close from the client with a code and reason; Qt answers with a close.
    raw.tcp.write(clientFrame(0x8, closePayload(1000, "bye")));
    QTRY_VERIFY(hasRecord(s, id, false, 0x8, closePayload(1000, "bye")));
    QTRY_VERIFY(hasRecord(s, id, true, 0x8, closePayload(1000, {})));

    // Close from the server (a kick: 4001 and the reason); the client answers.
    RawWsClient other;
    QVERIFY(other.connectTo(s.port()) && other.waitUpgraded());
    QTRY_VERIFY(s.chat->clientCount() == 1 && s.onlyClient() != id);
    const quint64 id2 = s.onlyClient();
    QVERIFY(s.chat->kick(id2, QStringLiteral("be kind")));
    QTRY_VERIFY(hasRecord(s, id2, true, 0x8, closePayload(4001, "be kind")));
    // What the client received is that frame, byte for byte.
    const QByteArray closeWire = lastRecord(s, id2, true, 0x8).wire;
    QTRY_VERIFY((other.inbox += other.tcp.readAll()).contains(closeWire));
}

void TstWireTap::frameArrivingByteByByte()
{
    Server s(tapAllConfig());
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    const QByteArray first = helloFrame("cy");
    const QByteArray second = clientFrame(0x9, "p");
    const QByteArray all = first + second;
    // Each byte arrives on its own: the next is written once the tap has seen the last.
    const quint64 base = s.chat->wireTapStats().bytesIn;
    for (qsizetype i = 0; i < all.size(); ++i) {
        raw.tcp.write(all.constData() + i, 1);
        raw.tcp.flush();
        QTRY_COMPARE(s.chat->wireTapStats().bytesIn, base + quint64(i) + 1);
    }
    QTRY_COMPARE(s.records(id, false).size(), 2);
    QCOMPARE(s.records(id, false).at(0).wire, first);
    QCOMPARE(s.records(id, false).at(1).wire, second);
    // Qt read the same bytes: the hello was welcomed, the ping answered.
    QTRY_VERIFY(hasRecord(s, id, true, 0xA, "p"));
}

void TstWireTap::switchedOnForOneClientMidStream()
{
    Server s;
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    QVERIFY(helloAccepted(s, raw, id, "dee"));
    QCOMPARE(s.log.size(), 0);
    s.chat->setWireTap(id, true);
    QVERIFY(s.chat->isWireTapped(id));
    const QByteArray frame = clientFrame(0x1, R"({"type":"join","room":"general"})");
    raw.tcp.write(frame);
    QTRY_VERIFY(!s.records(id, false).isEmpty());
    QCOMPARE(s.records(id, false).first().wire, frame);
    QTRY_VERIFY(!s.records(id, true).isEmpty()); // joined, history
    s.chat->setWireTap(id, false);
    QVERIFY(!s.chat->isWireTapped(id));
    const int before = s.log.size();
    raw.tcp.write(clientFrame(0x9, "x"));
    raw.tcp.write(clientFrame(0x1, R"({"type":"leave","room":"general"})"));
    QCOMPARE(s.chat->wireTapStats().taps, 0);
    // The pong to that ping is the sign the server read both frames.
    QTRY_VERIFY((raw.inbox += raw.tcp.readAll()).contains(QByteArray("\x8a\x01x", 3)));
    QCOMPARE(s.log.size(), before);
}

void TstWireTap::switchedOnInTheMiddleOfAFrame()
{
    Server s;
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    QVERIFY(helloAccepted(s, raw, id, "ida"));
    // A binary frame of 200 bytes, of which the first half arrives first.
    QByteArray payload(200, Qt::Uninitialized);
    for (int i = 0; i < payload.size(); ++i)
        payload[i] = char(0x80 + i % 50);
    const QByteArray frame = clientFrame(0x2, payload);
    const qsizetype half = frame.size() / 2;
    s.chat->setWireTap(id, true);
    const quint64 base = s.chat->wireTapStats().bytesIn;
    raw.tcp.write(frame.first(half));
    raw.tcp.flush();
    // The server read it (the tap was handed it): its reader is now inside the frame. The
    // teacher switches the X-ray off and on again right now.
    QTRY_COMPARE(s.chat->wireTapStats().bytesIn, base + quint64(half));
    s.chat->setWireTap(id, false);
    s.chat->setWireTap(id, true);
    const QByteArray ping = clientFrame(0x9, "after");
    raw.tcp.write(frame.sliced(half) + ping);
    QTRY_VERIFY(hasRecord(s, id, true, 0xA, "after")); // the server read both
    // The first tap ended inside the frame (what it saw, cut); the second one waited for
    // the reader's next frame start instead of reading the rest of the payload as a header.
    QTRY_COMPARE(s.records(id, false).size(), 2);
    const auto in = s.records(id, false);
    QVERIFY(in.at(0).cut);
    QCOMPARE(in.at(0).length, qint64(payload.size()));
    QCOMPARE(in.at(0).wire, frame.first(half));
    QCOMPARE(in.at(1).wire, ping);
    QVERIFY(!in.at(1).cut);
}

void TstWireTap::bytesTheReaderDidNotTakeAreNotShown()
{
    Server s(tapAllConfig());
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    // A close frame and, in the same write, a frame after it: the reader stops at the close
    // (RFC 6455 5.5.1), so the X-ray shows the close and nothing after it.
    const QByteArray close = clientFrame(0x8, closePayload(1000, "bye"));
    raw.tcp.write(close + helloFrame("late"));
    QTRY_VERIFY(hasRecord(s, id, true, 0x8, closePayload(1000, {})));
    QTRY_COMPARE(s.chat->clientCount(), 0);
    QTRY_COMPARE(raw.tcp.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(s.chat->wireTapStats().taps, 0); // the socket and its tap are gone
    const auto in = s.records(id, false);
    QCOMPARE(in.size(), 1);
    QCOMPARE(in.first().wire, close);
}

namespace {

/// Reads a kept-alive connection until `count` answers (heads and their bodies) are in,
/// HEAD answers without a body. Returns the answers, each exactly as it came.
QList<QByteArray> readAnswers(QTcpSocket &http, QByteArray &stream, const QList<bool> &headOnly)
{
    QList<QByteArray> answers;
    [[maybe_unused]] const bool all = QTest::qWaitFor(
        [&] {
            stream += http.readAll();
            while (answers.size() < headOnly.size()) {
                const qsizetype end = stream.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                static const QRegularExpression length(
                    QStringLiteral("\r\nContent-Length: (\\d+)\r\n"),
                    QRegularExpression::CaseInsensitiveOption);
                const auto m = length.match(QString::fromLatin1(stream.first(end + 2)));
                const qsizetype body
                    = headOnly.at(answers.size()) || !m.hasMatch() ? 0 : m.captured(1).toLongLong();
                if (stream.size() < end + 4 + body)
                    return false;
                answers.append(stream.first(end + 4 + body));
                stream.remove(0, end + 4 + body);
            }
            return true;
        },
        10000);
    return answers;
}

} // namespace

void TstWireTap::keptAliveConnectionShowsEveryHead()
{
    Server s(tapAllConfig());
    QVERIFY(s.listen());
    QTcpSocket http;
    QVERIFY(connectHttp(http, s));
    // Four requests on one connection, one after the other: a 404, a HEAD (its answer has a
    // Content-Length and no body), a POST whose body looks like a request head, and a last
    // GET. Each is answered before the next is sent, as a polling client does.
    const QByteArray fakeHead = "GET /fake HTTP/1.1\r\nHost: x\r\n\r\n";
    const QList<QByteArray> requests {
        "GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "POST /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + QByteArray::number(fakeHead.size()) + "\r\n\r\n",
        "GET /last HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    };
    QByteArray stream;
    QList<QByteArray> answers;
    for (const QByteArray &request : requests) {
        http.write(request.startsWith("POST") ? request + fakeHead : request);
        answers += readAnswers(http, stream, {request.startsWith("HEAD")});
        QCOMPARE(http.state(), QAbstractSocket::ConnectedState); // kept alive
    }
    QCOMPARE(answers.size(), 4);
    QVERIFY(answers.at(1).startsWith("HTTP/1.1 200"));
    // Every head both ways, under the connection's one id, in order; no body is a head.
    QTRY_COMPARE(s.log.clients().size(), 1);
    const quint64 conn = s.log.clients().first();
    QTRY_COMPARE(s.records(conn, true, WireRecord::Kind::Http).size(), 4);
    const auto in = s.records(conn, false, WireRecord::Kind::Http);
    const auto out = s.records(conn, true, WireRecord::Kind::Http);
    QCOMPARE(in.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(in.at(i).wire, requests.at(i));
        QCOMPARE(in.at(i).length, requests.at(i).size());
        QVERIFY(answers.at(i).startsWith(out.at(i).wire));
        QVERIFY(out.at(i).wire.endsWith("\r\n\r\n"));
        QCOMPARE(out.at(i).length, out.at(i).wire.size());
    }
    QCOMPARE(s.log.recordsFor(conn).size(), 8); // nothing else: no body, no frame
}

void TstWireTap::keptAliveHeadsAreBounded()
{
    WireLog::Limits limits;
    limits.bytesPerClient = 8 * 1024;
    Server s(tapAllConfig(), limits);
    QVERIFY(s.listen());
    QTcpSocket http;
    QVERIFY(connectHttp(http, s));
    // 200 requests on one connection, pipelined in 10 writes: ~90 KB of heads, both ways.
    constexpr int Count = 200;
    QByteArray stream;
    int answered = 0;
    for (int i = 0; i < Count; i += 20) {
        QByteArray batch;
        for (int j = i; j < i + 20; ++j)
            batch += "GET /n" + QByteArray::number(j) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        http.write(batch);
        answered += int(readAnswers(http, stream, QList<bool>(20, false)).size());
    }
    QCOMPARE(answered, Count);
    const quint64 conn = s.log.clients().first();
    QTRY_VERIFY(!s.records(conn, true, WireRecord::Kind::Http).isEmpty()
                && s.records(conn, false, WireRecord::Kind::Http)
                       .last()
                       .wire.startsWith("GET /n" + QByteArray::number(Count - 1) + " "));
    // The newest are kept, the oldest went: within the per-client limit.
    qint64 held = 0;
    for (const WireRecord &r : s.log.recordsFor(conn))
        held += r.wire.size();
    QVERIFY2(held <= limits.bytesPerClient, qPrintable(QString::number(held)));
    QVERIFY(s.log.evicted() > quint64(Count));
    QVERIFY(s.records(conn, true, WireRecord::Kind::Http).last().wire.startsWith("HTTP/1.1 404"));
}

void TstWireTap::pingBetweenFragmentsInTheOrderRead()
{
    Server s(tapAllConfig());
    RawWsClient raw;
    const quint64 id = listenAndConnect(s, raw);
    QVERIFY(id > 0);
    // A hello in two fragments with a ping between them, all in one write: the reader
    // answers the ping before the message is complete.
    const QByteArray first = clientFrame(0x1, R"({"type":"hello",)", false);
    const QByteArray ping = clientFrame(0x9, "mid");
    const QByteArray last = clientFrame(0x0, R"("nick":"gil"})", true, 0x0A0B0C0D);
    raw.tcp.write(first + ping + last);
    QTRY_VERIFY(hasNick(s, id, "gil"));
    QTRY_VERIFY(hasRecord(s, id, true, 0xA, "mid"));
    QTRY_VERIFY(hasRecord(s, id, true, 0x1, R"({"type":"welcome")"));
    // In the log, in the order the server read and reacted: each frame in before what it
    // caused out (the ping before its pong, the last fragment before the welcome).
    QStringList order;
    for (const WireRecord &r : s.log.recordsFor(id)) {
        if (r.kind != WireRecord::Kind::Ws)
            continue;
        if (!r.out)
            order << QStringLiteral("in %1").arg(r.header.opcode);
        else if (r.header.opcode == 0xA || r.payload().startsWith(R"({"type":"welcome")"))
            order << QStringLiteral("out %1").arg(r.header.opcode);
    }
    QCOMPARE(order, (QStringList {"in 1", "in 9", "out 10", "in 0", "out 1"}));
    const auto in = s.records(id, false);
    QCOMPARE(in.at(0).wire, first);
    QCOMPARE(in.at(1).wire, ping);
    QCOMPARE(in.at(2).wire, last);
}

void TstWireTap::memoryBoundUnderFlood()
{
    ServerConfig config = tapAllConfig();
    config.maxBytes = 70000;
    WireLog::Limits limits;
    limits.bytesPerClient = 64 * 1024;
    limits.bytesTotal = 160 * 1024;
    limits.recordsTotal = 1000;
    Server s(config, limits);
    RawWsClient flooder;
    const quint64 id = listenAndConnect(s, flooder);
    QVERIFY(id > 0);
    RawWsClient quiet;
    QVERIFY(quiet.connectTo(s.port()) && quiet.waitUpgraded());
    QTRY_COMPARE(s.chat->clientCount(), 2);
    // 3000 frames of every size, many per write: far more than the limits.
    QByteArray burst;
    for (int i = 0; i < 3000; ++i) {
        burst += clientFrame(0x2, QByteArray(i % 7 == 0 ? 9000 : 40, char('a' + i % 26)));
        if (burst.size() > 200000) {
            flooder.tcp.write(burst);
            burst.clear();
        }
    }
    burst += clientFrame(0x9, "last");
    flooder.tcp.write(burst);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto in = s.records(id, false);
            return !in.isEmpty() && in.last().header.opcode == 0x9;
        }(),
        20000);
    // Bounded per client and in total; one record may be in flight over.
    const qint64 perRecord = 4096 + qint64(sizeof(WireRecord)) + 16;
    QVERIFY2(s.log.bytesHeld() <= limits.bytesTotal + perRecord,
             qPrintable(QString::number(s.log.bytesHeld())));
    QVERIFY(s.log.size() <= limits.recordsTotal);
    QVERIFY(s.log.evicted() > 2000);
    qint64 flooderBytes = 0;
    for (const WireRecord &r : s.log.recordsFor(id))
        flooderBytes += r.wire.size();
    QVERIFY(flooderBytes <= limits.bytesPerClient);
    // The quiet client's handshake is still there: the flooder pushed out only its own.
    const auto clients = s.log.clients();
    QVERIFY(clients.size() == 2);
    // Nothing cut frames wrong: the kept ones are whole (or cut at 4 KiB).
    for (const WireRecord &r : s.log.recordsFor(id)) {
        if (r.kind == WireRecord::Kind::Ws)
            QCOMPARE(qint64(r.wire.size()), qMin<qint64>(4096, r.header.headerLength + r.length));
    }
}

void TstWireTap::recordFileMatchesTheContract()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wire.jsonl"));
    quint64 id = 0;
    QByteArray hello;
    {
        ServerConfig config;
        config.recordPath = path;
        Server s(config);
        RawWsClient raw;
        id = listenAndConnect(s, raw);
        QVERIFY(id > 0);
        hello = helloFrame("eve");
        raw.tcp.write(hello);
        QTRY_VERIFY(hasNick(s, id));
        // Written within a second, before the server ends.
        QTRY_VERIFY_WITH_TIMEOUT(
            QFile(path).size() > 0 &&
                [&] {
                    QFile f(path);
                    return f.open(QIODevice::ReadOnly) && f.readAll().contains("\"opcode\":1");
                }(),
            3000);
        raw.tcp.write(clientFrame(0x8, closePayload(1000, "done")));
        QTRY_VERIFY(s.chat->clientCount() == 0);
    } // and at exit
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY(lines.size() >= 6);
    QVERIFY(lines.last().isEmpty());
    static const char *pattern
        = R"re(^\{"t":\d+,"client":\d+,"dir":"(in|out)","kind":"(ws|http)"(,"fin":(true|false),"rsv":\d,"opcode":\d+,"masked":(true|false)(,"maskKey":"[0-9a-f]{8}")?)?,"length":\d+,"wire":"([0-9a-f]{2})*"(,"cut":true)?\}$)re";
    static const QRegularExpression order(QString::fromLatin1(pattern));
    int http = 0, frames = 0;
    bool sawHello = false, sawClose = false;
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QVERIFY2(order.match(QString::fromLatin1(line)).hasMatch(), line.constData());
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY(!o.isEmpty());
        QCOMPARE(quint64(o.value("client").toInteger()), id);
        QVERIFY(qAbs(o.value("t").toInteger() - QDateTime::currentMSecsSinceEpoch()) < 60000);
        const QByteArray wire = QByteArray::fromHex(o.value("wire").toString().toLatin1());
        if (o.value("kind") == QLatin1String("http")) {
            ++http;
            QCOMPARE(o.value("length").toInteger(), wire.size());
            QVERIFY(wire.endsWith("\r\n\r\n"));
            continue;
        }
        ++frames;
        const auto h = ws::decodeHeader(wire);
        QVERIFY(h);
        QCOMPARE(o.value("fin").toBool(), h->fin);
        QCOMPARE(o.value("opcode").toInt(), int(h->opcode));
        QCOMPARE(o.value("masked").toBool(), h->masked);
        QCOMPARE(o.value("length").toInteger(), qint64(h->payloadLength));
        QCOMPARE(o.contains("maskKey"), h->masked);
        QCOMPARE(o.value("dir").toString() == QLatin1String("in"), h->masked);
        if (wire == hello) {
            sawHello = true;
            QCOMPARE(o.value("maskKey").toString(), QStringLiteral("37fa213d"));
        }
        if (h->opcode == 0x8 && o.value("dir") == QLatin1String("in"))
            sawClose = ws::applyMask(wire.mid(h->headerLength), h->maskKey)
                == closePayload(1000, "done");
    }
    QCOMPARE(http, 2);
    QVERIFY(frames >= 4); // hello in, welcome out, close in, close out (and more)
    QVERIFY(sawHello);
    QVERIFY(sawClose);
}

QTEST_GUILESS_MAIN(TstWireTap)
#include "tst_wiretap.moc"
