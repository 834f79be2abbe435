// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Issue 16 findings, each pinned: a WebSocket that never says hello, ids reused to fish out
// someone's earlier message, rooms that only grow, forged log lines, SIGHUP, and the
// open-files limit of the real duplex-server.

#include "chattestclient.h"
#include "headlessserver.h"
#include "testserver.h"

#include <chatserver.h>
#include <historystore.h>
#include <trafficlog.h>
#include <websocket.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::Headless;
using duplex::test::obj;
using duplex::test::TestServer;

namespace {

QJsonObject say(const QString &id, const QString &room, const QString &text)
{
    return obj({{"type", "say"}, {"id", id}, {"room", room}, {"text", text}});
}

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void silentWebSocketIsClosedAfterTheHelloTimeout();
    void helloInTheHandshakeSegmentIsKept();
    void pingFloodThatNeverReadsIsCapped();
    void oneAddressCannotOpenMoreThanItsShare();
    void reconnectingDoesNotRefillTheRateLimit();
    void nobodyIsFloodedOffByWhispers();
    void reusedSayIdWithOtherTextIsANewMessage();
    void reusedWhisperIdNeverReturnsSomeoneElsesWhisper();
    void emptyRoomsAreForgotten();
    void logLinesCannotBeForged();
    void sighupClosesClientsLikeSigterm();
    void openFilesSoftLimitIsRaised();
};

void TestHardening::silentWebSocketIsClosedAfterTheHelloTimeout()
{
    ServerConfig config;
    config.helloTimeoutMs = 300;
    TestServer s(config);
    QVERIFY(s.start());
    ChatTestClient silent;
    QVERIFY(silent.open(s.chat->port()));
    auto ada = s.client(QStringLiteral("ada"));
    QVERIFY(ada);
    QVERIFY(silent.waitDisconnected(5000));
    QCOMPARE(silent.closeCode, 1008);
    QCOMPARE(silent.closeReason, QStringLiteral("no hello"));
    // The one who said hello in time stays.
    QVERIFY(ada->barrier());
    QCOMPARE(s.chat->clientCount(), 1);
}

void TestHardening::helloInTheHandshakeSegmentIsKept()
{
    TestServer s;
    QVERIFY(s.start());
    // The upgrade request and a masked hello frame in one write (one TCP segment): a
    // client that does not wait for the 101 must not lose its first message.
    duplex::ws::FrameHeader h;
    h.opcode = quint8(duplex::ws::Opcode::Text);
    h.masked = true;
    h.maskKey = 0x11223344;
    const QByteArray hello = R"({"type":"hello","nick":"eager"})";
    h.payloadLength = quint64(hello.size());
    const QByteArray frame = duplex::ws::encodeHeader(h) + duplex::ws::applyMask(hello, h.maskKey);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, s.port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n"
              + frame);
    QByteArray got;
    QTRY_VERIFY((got += raw.readAll()).contains(R"("type":"welcome")"));
    QVERIFY(got.startsWith("HTTP/1.1 101"));
}

void TestHardening::pingFloodThatNeverReadsIsCapped()
{
    // Qt answers every ping with a pong by itself; a client that pings flat out and never
    // reads made those pile up without bound (2 GiB in 5 s). They count against the
    // per-client cap like our own frames: the flooder is closed, the class goes on.
    ServerConfig config;
    config.maxQueuedBytesPerClient = 256 * 1024;
    config.socketSendBufferBytes = 16 * 1024;
    config.ratePerSec = 0; // pings count in the rate limit: here the cap alone is tested
    TestServer s(config);
    QVERIFY(s.start());
    auto ada = s.client(QStringLiteral("ada"));
    QVERIFY(ada);
    duplex::test::RawWsClient flood;
    QVERIFY(flood.connectTo(s.port(), 4096));
    QVERIFY(flood.waitUpgraded());
    flood.tcp.setReadBufferSize(1024); // reads (almost) nothing from now on
    QSignalSpy gone(s.chat.get(), &ChatServer::clientDisconnected);
    const QByteArray payload(125, 'p');
    qint64 sent = 0;
    while (gone.isEmpty() && sent < 64 * 1024 * 1024) {
        for (int i = 0; i < 500; ++i)
            flood.sendFrame(0x9, payload);
        sent += 500 * 131;
        // Let the batch leave (or the server hang up) before the next one.
        (void)QTest::qWaitFor([&] { return flood.tcp.bytesToWrite() == 0 || !gone.isEmpty(); },
                              5000);
        if (flood.tcp.state() != QAbstractSocket::ConnectedState)
            break;
    }
    QTRY_COMPARE(gone.count(), 1);
    const auto info = gone.constFirst().at(0).value<ClientInfo>();
    QCOMPARE(info.closeCode, 1008);
    QCOMPARE(s.chat->counters().slowDisconnects, 1u);
    // Well before the 64 MiB this loop allows: the cap held.
    QVERIFY2(sent < 32 * 1024 * 1024, qPrintable(QString::number(sent)));
    // Ada never noticed.
    ada->send(
        say(QStringLiteral("after"), QStringLiteral("general"), QStringLiteral("still fine")));
    QCOMPARE(ada->take("message").value("text").toString(), QStringLiteral("still fine"));
}

void TestHardening::oneAddressCannotOpenMoreThanItsShare()
{
    ServerConfig config;
    config.limitLoopback = true; // the test's clients all come from 127.0.0.1
    config.maxConnectionsPerAddress = 3;
    config.connectBurstPerAddress = 100;
    TestServer s(config);
    QVERIFY(s.start());
    auto a = s.client(QStringLiteral("a"));
    auto b = s.client(QStringLiteral("b"));
    auto c = s.client(QStringLiteral("c"));
    QVERIFY(a && b && c);
    ChatTestClient fourth;
    QVERIFY(fourth.open(s.port()));
    QCOMPARE(fourth.takeError(QStringLiteral("rate_limited")).value("message").toString(),
             QStringLiteral("too many connections from your address"));
    QVERIFY(fourth.waitDisconnected());
    QCOMPARE(fourth.closeCode, 1008);
    // One leaves: there is room again.
    c->socket.close();
    QTRY_COMPARE(s.chat->clientCount(), 2);
    auto d = s.client(QStringLiteral("d"));
    QVERIFY(d);
}

void TestHardening::reconnectingDoesNotRefillTheRateLimit()
{
    ServerConfig config;
    config.limitLoopback = true;
    config.ratePerSec = 1;
    config.burst = 5;
    config.addressRateFactor = 2; // the address: 10 at once, 2/s, however many sockets
    config.connectBurstPerAddress = 4;
    config.connectsPerSecPerAddress = 0.5;
    TestServer s(config);
    QVERIFY(s.start());
    // Each new connection brings its own bucket of 5, but they all draw on the address's 10.
    int accepted = 0;
    int refused = 0;
    for (int round = 0; round < 4; ++round) {
        ChatTestClient c;
        QVERIFY(c.open(s.port()));
        c.send(obj({{"type", "hello"}, {"nick", QStringLiteral("r%1").arg(round)}}));
        const QJsonObject first = c.take([](const QJsonObject &o) {
            return o.value("type") == QLatin1String("welcome")
                || o.value("type") == QLatin1String("error");
        });
        if (first.value("type").toString() != QLatin1String("welcome")) {
            ++refused; // even the hello found the address's bucket empty
            c.socket.close();
            QTRY_COMPARE(s.chat->clientCount(), 0);
            continue;
        }
        ++accepted; // the hello took one
        for (int i = 0; i < 4; ++i)
            c.send(obj({{"type", "ping"}, {"id", QStringLiteral("p%1").arg(i)}}));
        for (int i = 0; i < 4; ++i) {
            const QJsonObject reply = c.take([](const QJsonObject &o) {
                return o.value("type") == QLatin1String("pong")
                    || o.value("type") == QLatin1String("error");
            });
            (reply.value("type").toString() == QLatin1String("pong") ? accepted : refused)++;
        }
        c.socket.close();
        QTRY_COMPARE(s.chat->clientCount(), 0);
    }
    // Without the address's bucket all 20 would pass (four sockets, 5 each).
    QVERIFY2(accepted <= 12 && refused >= 2,
             qPrintable(QStringLiteral("accepted %1, refused %2").arg(accepted).arg(refused)));
    // Connecting again and again is limited too: the fifth quick connection is refused.
    ChatTestClient again;
    QVERIFY(again.open(s.port()));
    QCOMPARE(again.takeError(QStringLiteral("rate_limited")).value("message").toString(),
             QStringLiteral("connecting too often from your address"));
}

void TestHardening::nobodyIsFloodedOffByWhispers()
{
    ServerConfig config;
    config.ratePerSec = 2;
    config.burst = 4; // each sender: hello + 3 whispers within its own bucket
    TestServer s(config);
    QVERIFY(s.start());
    auto target = s.client(QStringLiteral("tina"));
    QVERIFY(target);
    std::vector<std::unique_ptr<ChatTestClient>> senders;
    for (int i = 0; i < 3; ++i) {
        senders.push_back(s.client(QStringLiteral("s%1").arg(i)));
        QVERIFY(senders.back());
    }
    for (auto &c : senders)
        for (int i = 0; i < 3; ++i)
            c->send(obj({{"type", "whisper"},
                         {"id", QStringLiteral("w%1").arg(i)},
                         {"to", "tina"},
                         {"text", QString(2000, QLatin1Char('x'))}}));
    int delivered = 0;
    int refused = 0;
    for (auto &c : senders) {
        for (int i = 0; i < 3; ++i) {
            const QJsonObject a = c->take([](const QJsonObject &o) {
                return o.value("type") == QLatin1String("whisper")
                    || o.value("type") == QLatin1String("error");
            });
            if (a.value("type").toString() == QLatin1String("whisper")) {
                ++delivered;
            } else {
                ++refused;
                QCOMPARE(a.value("code").toString(), QStringLiteral("rate_limited"));
                QCOMPARE(a.value("message").toString(),
                         QStringLiteral("tina receives too many whispers"));
            }
        }
    }
    // Nine were sent, each sender within its own limit; tina's inbox took its burst.
    QVERIFY2(delivered <= 5 && refused >= 4,
             qPrintable(QStringLiteral("%1 delivered, %2 refused").arg(delivered).arg(refused)));
    QVERIFY(target->barrier());
    QCOMPARE(target->count(QStringLiteral("whisper")), delivered);
    QVERIFY(!target->disconnected);
}

void TestHardening::reusedSayIdWithOtherTextIsANewMessage()
{
    TestServer s;
    QVERIFY(s.start());
    auto ada = s.client(QStringLiteral("ada"));
    QVERIFY(ada);
    ada->send(obj({{"type", "join"}, {"room", "lab"}}));
    QVERIFY(!ada->take("history").isEmpty());
    ada->send(say(QStringLiteral("x1"), QStringLiteral("general"), QStringLiteral("first")));
    QCOMPARE(ada->take("message").value("seq").toInteger(), 1);
    // Same id, same room, same text: a resend, answered with the original.
    ada->send(say(QStringLiteral("x1"), QStringLiteral("general"), QStringLiteral("first")));
    QCOMPARE(ada->take("message").value("seq").toInteger(), 1);
    // Same id, another text: a new message, not the old one back.
    ada->send(say(QStringLiteral("x1"), QStringLiteral("general"), QStringLiteral("second")));
    const QJsonObject second = ada->take("message");
    QCOMPARE(second.value("seq").toInteger(), 2);
    QCOMPARE(second.value("text").toString(), QStringLiteral("second"));
    // Same id and text in another room: stored there.
    ada->send(say(QStringLiteral("x1"), QStringLiteral("lab"), QStringLiteral("second")));
    const QJsonObject lab = ada->take("message");
    QCOMPARE(lab.value("room").toString(), QStringLiteral("lab"));
    QCOMPARE(lab.value("seq").toInteger(), 1);
}

void TestHardening::reusedWhisperIdNeverReturnsSomeoneElsesWhisper()
{
    TestServer s;
    QVERIFY(s.start());
    auto carol = s.client(QStringLiteral("carol"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(carol && bob);
    carol->send(obj({{"type", "whisper"}, {"id", "w1"}, {"to", "bob"}, {"text", "my secret"}}));
    QCOMPARE(bob->take("whisper").value("text").toString(), QStringLiteral("my secret"));
    QVERIFY(!carol->take("whisper").isEmpty());
    carol->socket.close(QWebSocketProtocol::CloseCodeNormal); // ends the session at once
    QTRY_COMPARE(s.chat->clientCount(), 1);

    // Another student takes the nick and reuses the id: she gets her own whisper, never the
    // earlier one, and Bob receives the new text.
    auto other = s.client(QStringLiteral("Carol"));
    QVERIFY(other);
    other->send(obj({{"type", "whisper"}, {"id", "w1"}, {"to", "bob"}, {"text", "hello"}}));
    const QJsonObject own = other->take("whisper");
    QCOMPARE(own.value("text").toString(), QStringLiteral("hello"));
    QCOMPARE(bob->take("whisper").value("text").toString(), QStringLiteral("hello"));
    // A real resend (same id, target and text) is still answered once, without a second copy.
    other->send(obj({{"type", "whisper"}, {"id", "w1"}, {"to", "bob"}, {"text", "hello"}}));
    QCOMPARE(other->take("whisper").value("re").toString(), QStringLiteral("w1"));
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count(QStringLiteral("whisper")), 0); // both were taken above: no third
}

void TestHardening::emptyRoomsAreForgotten()
{
    ServerConfig config;
    config.ratePerSec = 0; // 60 requests in a row
    TestServer s(config);
    QVERIFY(s.start());
    auto ada = s.client(QStringLiteral("ada"));
    QVERIFY(ada);
    for (int i = 0; i < 30; ++i) {
        const QString room = QStringLiteral("r%1").arg(i);
        ada->send(obj({{"type", "join"}, {"room", room}}));
        ada->send(obj({{"type", "leave"}, {"room", room}}));
    }
    for (int i = 0; i < 30; ++i)
        QVERIFY(!ada->take("left").isEmpty());
    QCOMPARE(s.chat->rooms().size(), 1); // general, where ada still is
    ada->send(obj({{"type", "rooms"}, {"id", "r"}}));
    QCOMPARE(ada->take("rooms").value("rooms").toArray().size(), 1);
}

void TestHardening::logLinesCannotBeForged()
{
    Headless h;
    QVERIFY(h.port);
    ChatTestClient c;
    QVERIFY(c.open(h.port));
    c.send(obj({{"type", "hello"},
                {"nick", "mallory"},
                {"agent", "x\n2026-12-06T10:00:00.000 [kick] teacher was kicked."}}));
    QVERIFY(!c.take("welcome").isEmpty());
    QTRY_VERIFY(h.log.contains(QStringLiteral("said hello as \"mallory\"")));
    // The agent's newline is shown escaped inside the hello line, not as a line of its own.
    QVERIFY2(h.log.contains(QStringLiteral("x\\n2026-12-06T10:00:00.000 [kick]")),
             qPrintable(h.log));
    for (const QString &line : h.log.split(QLatin1Char('\n')))
        QVERIFY2(!line.startsWith(QStringLiteral("2026-12-06T10:00:00.000")), qPrintable(line));
}

void TestHardening::sighupClosesClientsLikeSigterm()
{
    Headless h;
    QVERIFY(h.port);
    ChatTestClient c;
    QVERIFY(c.open(h.port));
    c.send(obj({{"type", "hello"}, {"nick", "ada"}}));
    QVERIFY(!c.take("welcome").isEmpty());
    ::kill(pid_t(h.process.processId()), SIGHUP);
    QVERIFY(c.waitDisconnected(10000));
    QCOMPARE(c.closeCode, 1001);
    QTRY_COMPARE_WITH_TIMEOUT(h.process.state(), QProcess::NotRunning, 10000);
    QCOMPARE(h.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(h.process.exitCode(), 0);
    QVERIFY(h.log.contains(QStringLiteral("database closed")));
}

void TestHardening::openFilesSoftLimitIsRaised()
{
    Headless h;
    QVERIFY(h.port);
    QFile limits(QStringLiteral("/proc/%1/limits").arg(h.process.processId()));
    if (!limits.open(QIODevice::ReadOnly))
        QSKIP("no /proc on this system");
    const QString text = QString::fromLatin1(limits.readAll());
    const QRegularExpression row(QStringLiteral("Max open files\\s+(\\S+)\\s+(\\S+)"));
    const auto m = row.match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    QCOMPARE(m.captured(1), m.captured(2)); // soft == hard
    // Printed a moment after "listening on": wait for it.
    QTRY_VERIFY(h.log.contains(QStringLiteral("open files: at most")));
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
