// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The engine's seams, end to end on real sockets: the one port answers plain HTTP beside
// the WebSocket upgrade (status codes, headers, the Origin rule, deadlines), a client's
// 1001 is a drop that can be resumed, and two engines sharing one room broker (the
// rehearsal for the Redis broker) give both their clients one gapless seq per room.

#include "chattestclient.h"
#include "testserver.h"

#include <chatserver.h>
#include <historystore.h>
#include <localroombroker.h>
#include <trafficlog.h>

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::obj;
using duplex::test::TestServer;

namespace {

QByteArray header(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.left(response.indexOf("\r\n\r\n")).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

/// Sends raw bytes on a fresh TCP connection and returns everything the server sent until
/// it closed the connection or its answer was complete.
QByteArray exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(request);
    QByteArray got;
    // Until the server closes, or the whole answer is in (it may keep the connection).
    const auto complete = [&got] {
        const qsizetype end = got.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray length = header(got, "Content-Length");
        return !length.isEmpty() && got.size() - end - 4 >= length.toLongLong();
    };
    (void)QTest::qWaitFor(
        [&] {
            got += s.readAll();
            return s.state() == QAbstractSocket::UnconnectedState || complete();
        },
        timeoutMs);
    got += s.readAll();
    return got;
}

QJsonObject body(const QByteArray &response)
{
    return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
}

QByteArray upgrade(const QByteArray &extraHeaders)
{
    return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + extraHeaders + "\r\n";
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thePageIsServedOnTheChatPort();
    void plainHttpGetsJsonAnswers_data();
    void plainHttpGetsJsonAnswers();
    void oversizeRequestsAreAnsweredNotReset();
    void foreignOriginIsRefusedBeforeTheUpgrade();
    void badUpgradesGetTheirRfcStatus_data();
    void badUpgradesGetTheirRfcStatus();
    void subprotocolOnlyWhenOffered();
    void allowedOriginsAndOwnPageMayConnect();
    void unfinishedRequestIsClosedAtTheDeadline();
    void httpRequestsAreLoggedAsEvents();
    void goingAwayIsADropThatResumes();
    void normalCloseEndsTheSessionAtOnce();
    void twoEnginesShareRoomsThroughOneBroker();
};

// RFC 6455 4.2.1/4.4: the server checks the upgrade itself (it answers the 101 too): a
// script with a wrong version learns which one to speak, a broken key gets 400, and none of
// them becomes a client.
void TestEngine::badUpgradesGetTheirRfcStatus_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray good = upgrade({});
    QTest::newRow("version 8") << QByteArray(good).replace("Version: 13", "Version: 8") << 426;
    QTest::newRow("no version") << QByteArray(good).replace("Sec-WebSocket-Version: 13\r\n", "")
                                << 426;
    QTest::newRow("key of 20 bytes")
        << QByteArray(good).replace("dGhlIHNhbXBsZSBub25jZQ==", "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=")
        << 400;
    QTest::newRow("key not base64")
        << QByteArray(good).replace("dGhlIHNhbXBsZSBub25jZQ==", "not a key at all!!!!!!!") << 400;
    QTest::newRow("no key") << QByteArray(good).replace(
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "")
                            << 400;
    QTest::newRow("HTTP/1.0") << QByteArray(good).replace("HTTP/1.1", "HTTP/1.0") << 400;
}

void TestEngine::badUpgradesGetTheirRfcStatus()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    TestServer s;
    QVERIFY(s.start());
    const QByteArray response = exchange(s.port(), request);
    QVERIFY2(response.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '),
             response.left(300).constData());
    if (status == 426)
        QCOMPARE(header(response, "Sec-WebSocket-Version"), QByteArray("13"));
    QCOMPARE(body(response).value("error").toString(), QStringLiteral("bad_handshake"));
    QCOMPARE(s.chat->counters().connectionsTotal, quint64(0));
}

void TestEngine::subprotocolOnlyWhenOffered()
{
    TestServer s;
    QVERIFY(s.start());
    // Offered among others (and spelled over two headers): selected.
    QTcpSocket a;
    a.connectToHost(QHostAddress::LocalHost, s.port());
    QVERIFY(a.waitForConnected(5000));
    a.write(upgrade("Sec-WebSocket-Protocol: chat.v9\r\nSec-WebSocket-Protocol: x, duplex.v1\r\n"));
    QByteArray got;
    QTRY_VERIFY((got += a.readAll()).contains("\r\n\r\n"));
    QVERIFY2(got.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), got.constData());
    QCOMPARE(header(got, "Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(header(got, "Sec-WebSocket-Protocol"), QByteArray("duplex.v1"));
    // Only others offered: accepted, without naming one (protocol-v1.md).
    QTcpSocket b;
    b.connectToHost(QHostAddress::LocalHost, s.port());
    QVERIFY(b.waitForConnected(5000));
    b.write(upgrade("Sec-WebSocket-Protocol: chat.v9\r\n"));
    got.clear();
    QTRY_VERIFY((got += b.readAll()).contains("\r\n\r\n"));
    QVERIFY2(got.startsWith("HTTP/1.1 101 "), got.constData());
    QVERIFY(!got.contains("Sec-WebSocket-Protocol"));
    QTRY_COMPARE(s.chat->counters().connectionsTotal, quint64(2));
}

void TestEngine::thePageIsServedOnTheChatPort()
{
    TestServer s;
    QVERIFY(s.start());
    const QByteArray response
        = exchange(s.port(), "GET /?nick=ada HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 200 "), response.left(300).constData());
    QVERIFY(header(response, "Content-Type").startsWith("text/html"));
    QVERIFY(header(response, "Content-Security-Policy").contains("connect-src 'self'"));
    QCOMPARE(header(response, "X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(response.contains("aria-label=\"Conversation\"") || response.contains("Conversation"));
    // A page load is an event in the list, never a client; the files it pulls in are not.
    QCOMPARE(s.chat->counters().connectionsTotal, quint64(0));
    QSignalSpy events(s.chat.get(), &ChatServer::eventLogged);
    QVERIFY(exchange(s.port(), "GET /app/main.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .startsWith("HTTP/1.1 200 "));
    QVERIFY(exchange(s.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .startsWith("HTTP/1.1 200 "));
    QTRY_COMPARE(events.count(), 1);
    QVERIFY(
        events.constFirst().at(1).toString().contains(QStringLiteral("loaded the browser page")));
}

void TestEngine::plainHttpGetsJsonAnswers_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("the page does not take a POST")
        << QByteArray("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\nhi") << 405
        << "method_not_allowed";
    QTest::newRow("unknown path") << QByteArray("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n") << 404
                                  << "not_found";
    QTest::newRow("garbage request line")
        << QByteArray("HELLO THERE\r\n\r\n") << 400 << "bad_request";
    QTest::newRow("chunked body") << QByteArray("POST /v1/poll HTTP/1.1\r\nHost: x\r\n"
                                                "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                  << 400 << "bad_request";
}

void TestEngine::plainHttpGetsJsonAnswers()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, error);
    TestServer s;
    QVERIFY(s.start());
    const QByteArray response = exchange(s.chat->port(), request);
    QVERIFY2(response.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '),
             response.constData());
    QCOMPARE(header(response, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(header(response, "Cache-Control"), QByteArray("no-store"));
    QCOMPARE(header(response, "X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(header(response, "Referrer-Policy"), QByteArray("no-referrer"));
    // A request the server could not read closes; a readable one keeps the connection
    // (HTTP/1.1's default, no Connection header).
    QCOMPARE(header(response, "Connection"), QByteArray(status == 400 ? "close" : ""));
    QCOMPARE(header(response, "Content-Length").toInt(),
             response.size() - response.indexOf("\r\n\r\n") - 4);
    QCOMPARE(body(response).value("error").toString(), error);
    QVERIFY(!body(response).value("message").toString().isEmpty());
    // No HTTP request ever becomes a client.
    QCOMPARE(s.chat->clientCount(), 0);
    QCOMPARE(s.chat->counters().connectionsTotal, quint64(0));
}

void TestEngine::oversizeRequestsAreAnsweredNotReset()
{
    TestServer s;
    QVERIFY(s.start());
    // A head over 16 KiB: 431, readable (the server drains instead of resetting).
    const QByteArray hugeHead
        = "GET / HTTP/1.1\r\nHost: x\r\nX-Junk: " + QByteArray(20000, 'j') + "\r\n\r\n";
    QByteArray response = exchange(s.chat->port(), hugeHead);
    QVERIFY2(response.startsWith("HTTP/1.1 431 "), response.left(200).constData());
    QCOMPARE(body(response).value("error").toString(), QStringLiteral("head_too_large"));
    // A body over the message limit (64 KiB): 413, while the client is still sending.
    const QByteArray bigBody = "POST /v1/poll HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n"
        + QByteArray(200000, 'b');
    response = exchange(s.chat->port(), bigBody);
    QVERIFY2(response.startsWith("HTTP/1.1 413 "), response.left(200).constData());
    QCOMPARE(body(response).value("error").toString(), QStringLiteral("too_large"));
    // And the server still serves WebSocket clients.
    auto a = s.client(QStringLiteral("ada"));
    QVERIFY(a);
}

void TestEngine::foreignOriginIsRefusedBeforeTheUpgrade()
{
    TestServer s;
    QVERIFY(s.start());
    const QByteArray response
        = exchange(s.chat->port(), upgrade("Origin: http://evil.example\r\n"));
    QVERIFY2(response.startsWith("HTTP/1.1 403 "), response.constData());
    QCOMPARE(body(response).value("error").toString(), QStringLiteral("forbidden_origin"));
    QCOMPARE(s.chat->counters().connectionsTotal, quint64(0));
    // The same Origin on an API path is refused too.
    const QByteArray api = exchange(s.chat->port(),
                                    "GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Origin: http://evil.example\r\n\r\n");
    QVERIFY2(api.startsWith("HTTP/1.1 403 "), api.constData());
}

void TestEngine::allowedOriginsAndOwnPageMayConnect()
{
    ServerConfig config;
    config.allowedOrigins = {QStringLiteral("http://school.example")};
    TestServer s(config);
    QVERIFY(s.start());
    const quint16 port = s.chat->port();
    const QByteArray host = "127.0.0.1:" + QByteArray::number(port);
    for (const QByteArray &origin : {QByteArray("http://") + host, QByteArray("HTTP://") + host,
                                     QByteArray("http://school.example")}) {
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(raw.waitForConnected(5000));
        QByteArray request = upgrade("Origin: " + origin + "\r\n");
        request.replace("Host: 127.0.0.1\r\n", "Host: " + host + "\r\n");
        raw.write(request);
        QByteArray response;
        QTRY_VERIFY((response += raw.readAll()).contains("\r\n\r\n"));
        QVERIFY2(response.startsWith("HTTP/1.1 101 "), origin.constData());
    }
    QTRY_COMPARE(s.chat->counters().connectionsTotal, quint64(3));
}

void TestEngine::unfinishedRequestIsClosedAtTheDeadline()
{
    ServerConfig config;
    config.handshakeTimeoutMs = 300;
    TestServer s(config);
    QVERIFY(s.start());
    // Half a request head, then silence: the server hangs up (nothing is answered).
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, s.chat->port());
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    QSignalSpy gone(&slow, &QTcpSocket::disconnected);
    // Meanwhile another student joins and chats normally.
    auto a = s.client(QStringLiteral("ada"));
    QVERIFY(a);
    a->send(obj({{"type", "say"}, {"id", "1"}, {"room", "general"}, {"text", "still here"}}));
    QCOMPARE(a->take("message").value("text").toString(), QStringLiteral("still here"));
    QVERIFY(gone.wait(5000));
    QVERIFY(slow.readAll().isEmpty());
}

void TestEngine::httpRequestsAreLoggedAsEvents()
{
    TestServer s;
    QVERIFY(s.start());
    QSignalSpy events(s.chat.get(), &ChatServer::eventLogged);
    exchange(s.chat->port(), "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(!events.isEmpty());
    QCOMPARE(events.constFirst().at(0).value<EventKind>(), EventKind::Http);
    const QString text = events.constFirst().at(1).toString();
    QVERIFY2(text.contains(QStringLiteral("GET /nothing HTTP/1.1")) && text.contains("404"),
             qPrintable(text));
}

void TestEngine::goingAwayIsADropThatResumes()
{
    // Browsers close with 1001 on a reload: the page must be able to resume.
    TestServer s;
    QVERIFY(s.start());
    ChatTestClient page;
    QVERIFY(page.open(s.chat->port()));
    page.send(obj({{"type", "hello"}, {"nick", "bea"}}));
    const QString token = page.take("welcome").value("session").toString();
    QVERIFY(!token.isEmpty());
    page.send(obj({{"type", "join"}, {"room", "lab"}}));
    QVERIFY(!page.take("joined").isEmpty());
    page.socket.close(QWebSocketProtocol::CloseCodeGoingAway);
    QTRY_COMPARE(s.chat->clientCount(), 0);

    ChatTestClient other;
    QVERIFY(other.open(s.chat->port()));
    other.send(obj({{"type", "hello"}, {"nick", "Bea"}}));
    QVERIFY(!other.takeError(QStringLiteral("nick_taken")).isEmpty());

    ChatTestClient reloaded;
    QVERIFY(reloaded.open(s.chat->port()));
    reloaded.send(obj({{"type", "hello"}, {"nick", "bea"}, {"resume", token}}));
    QCOMPARE(reloaded.take("welcome").value("session").toString(), token);
    QStringList rooms;
    rooms << reloaded.take("joined").value("room").toString()
          << reloaded.take("joined").value("room").toString();
    rooms.sort();
    QCOMPARE(rooms, QStringList({QStringLiteral("general"), QStringLiteral("lab")}));
}

void TestEngine::normalCloseEndsTheSessionAtOnce()
{
    TestServer s;
    QVERIFY(s.start());
    auto bea = s.client(QStringLiteral("bea"));
    QVERIFY(bea);
    bea->socket.close(QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE(s.chat->clientCount(), 0);
    auto again = s.client(QStringLiteral("bea")); // the nick is free at once
    QVERIFY(again);
}

void TestEngine::twoEnginesShareRoomsThroughOneBroker()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("shared.sqlite"))));
    LocalRoomBroker broker(1000, nullptr);
    TrafficLog traffic;
    ChatServer one({}, &store, &traffic, &broker);
    ChatServer two({}, &store, &traffic, &broker);
    QVERIFY(one.listen(QHostAddress::LocalHost, 0) && two.listen(QHostAddress::LocalHost, 0));
    QVERIFY(one.port() != two.port());

    auto ada = duplex::test::connectClient(one.port(), QStringLiteral("ada"));
    auto bob = duplex::test::connectClient(two.port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    // Ada on one engine sees Bob join through the other.
    QCOMPARE(ada->take("presence").value("nick").toString(), QStringLiteral("bob"));

    constexpr int Each = 15; // within the default burst (20, hello included)
    for (int i = 0; i < Each; ++i) {
        ada->send(obj({{"type", "say"},
                       {"id", QStringLiteral("a%1").arg(i)},
                       {"room", "general"},
                       {"text", QStringLiteral("ada %1").arg(i)}}));
        bob->send(obj({{"type", "say"},
                       {"id", QStringLiteral("b%1").arg(i)},
                       {"room", "general"},
                       {"text", QStringLiteral("bob %1").arg(i)}}));
    }
    for (ChatTestClient *c : {ada.get(), bob.get()}) {
        QList<qint64> seqs;
        for (int i = 0; i < 2 * Each; ++i)
            seqs.append(c->take("message").value("seq").toInteger());
        for (int i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), qint64(i + 1)); // gapless, in order, both ways
    }
    // Both engines list the shared room with both members.
    const auto roomsOfTwo = two.rooms();
    const auto general = std::find_if(roomsOfTwo.begin(), roomsOfTwo.end(),
                                      [](const RoomInfo &r) { return r.name == "general"; });
    QVERIFY(general != roomsOfTwo.end());
    QCOMPARE(general->members, QStringList({QStringLiteral("ada"), QStringLiteral("bob")}));
    // A notice from one engine to the room reaches the other engine's member.
    QCOMPARE(one.sendNotice(QStringLiteral("hands up"),
                            NoticeTarget {NoticeTarget::Kind::Room, "general", 0}),
             2);
    QCOMPARE(bob->take("notice").value("text").toString(), QStringLiteral("hands up"));
    // One engine stopping takes only its own members out of the room.
    one.stop();
    QCOMPARE(bob->take("presence").value("event").toString(), QStringLiteral("leave"));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
