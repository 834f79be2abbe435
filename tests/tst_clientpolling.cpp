// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The client's HTTP polling transport (issue 13). PollLink against a scripted HTTP peer on
// 127.0.0.1 that records the exact bytes: the head sizes the inspector shows are the bytes
// on the wire, `ack` carries the highest `n`, a message that comes twice is handed over
// once and in `n` order, 409 means session_gone. Then ClientSession against the real
// ChatServer: polling and WebSocket clients in one room both ways, a client switched
// push -> poll -> long-poll -> push with traffic flowing (every message exactly once, in
// order), the server's `transport` message, and recovery from 409.

#include "clientfixture.h"
#include "testserver.h"

#include <chatserver.h>
#include <chatstate.h>
#include <clientsession.h>
#include <framelogmodel.h>
#include <polllink.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using namespace duplex;
using namespace duplex::client;
using duplex::test::range;
using duplex::test::TestServer;

namespace {

/// A minimal HTTP/1.1 peer: reads each request (head + Content-Length body) and answers
/// with what `respond` returns (status, body). Records the raw bytes both ways.
class ScriptedHttp : public QObject
{
public:
    struct Exchange {
        QByteArray requestRaw;
        QByteArray requestBody;
        QByteArray responseRaw;
    };
    std::function<std::pair<int, QByteArray>(const QJsonObject &request)> respond;
    QList<Exchange> exchanges;

    ScriptedHttp()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/v1/poll").arg(server.serverPort()));
    }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = buffers[s];
        buf += s->readAll();
        for (;;) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buf.left(end + 4);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buf.size() < end + 4 + length)
                return;
            Exchange x;
            x.requestRaw = buf.left(end + 4 + length);
            x.requestBody = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            const auto [status, body] = respond(QJsonDocument::fromJson(x.requestBody).object());
            const QByteArray reason = status == 200 ? "OK" : "Conflict";
            x.responseRaw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size())
                + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n" + body;
            exchanges.append(x);
            s->write(x.responseRaw);
        }
    }

    QTcpServer server;
    QHash<QTcpSocket *, QByteArray> buffers;
};

/// A TCP relay in front of the server (127.0.0.1 both ends): every connection is relayed
/// both ways; what the server sends on the first one can be held back and let go later (a
/// WebSocket whose frames are still on their way when the client switches).
class Relay : public QObject
{
public:
    explicit Relay(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        m_listen.listen(QHostAddress::LocalHost, 0);
        connect(&m_listen, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *down = m_listen.nextPendingConnection()) {
                auto *up = new QTcpSocket(down);
                const int index = m_count++;
                connect(down, &QTcpSocket::readyRead, up, [down, up] {
                    if (up->state() == QAbstractSocket::ConnectedState)
                        up->write(down->readAll());
                });
                connect(up, &QTcpSocket::connected, up, [down, up] { up->write(down->readAll()); });
                connect(up, &QTcpSocket::readyRead, down, [this, down, up, index] {
                    const QByteArray bytes = up->readAll();
                    toClient += bytes;
                    if (index == 0 && holdFirst)
                        held += bytes;
                    else
                        down->write(bytes);
                });
                connect(up, &QTcpSocket::disconnected, down, [this, down, index] {
                    if (index == 0 && holdFirst)
                        heldClose = true;
                    else
                        down->disconnectFromHost();
                });
                connect(down, &QTcpSocket::disconnected, down, &QObject::deleteLater);
                if (index == 0)
                    m_first = down;
                up->connectToHost(QHostAddress::LocalHost, m_serverPort);
            }
        });
    }
    quint16 port() const { return m_listen.serverPort(); }
    /// Lets go of what the first connection's server side sent while held (and its close).
    void release()
    {
        holdFirst = false;
        if (m_first) {
            m_first->write(std::exchange(held, {}));
            if (heldClose)
                m_first->disconnectFromHost();
        }
    }

    bool holdFirst = false;
    QByteArray held; ///< server -> client on the first connection, not passed on yet
    bool heldClose = false;
    QByteArray toClient; ///< everything the server sent, on every connection

private:
    QTcpServer m_listen;
    quint16 m_serverPort;
    int m_count = 0;
    QPointer<QTcpSocket> m_first;
};

QByteArray entries(const QList<std::pair<int, QString>> &list)
{
    QJsonArray messages;
    for (const auto &[n, text] : list)
        messages.append(
            QJsonObject {{QStringLiteral("n"), n},
                         {QStringLiteral("m"),
                          QJsonObject {{QStringLiteral("type"), QStringLiteral("notice")},
                                       {QStringLiteral("text"), text},
                                       {QStringLiteral("from"), QStringLiteral("server")},
                                       {QStringLiteral("ts"), 1}}}});
    return QJsonDocument(QJsonObject {{QStringLiteral("session"), QStringLiteral("tok")},
                                      {QStringLiteral("messages"), messages}})
        .toJson(QJsonDocument::Compact);
}

/// A client as the window sees it (clientfixture.h), long polls held 3 s, and every
/// message it was told of live in general.
struct Peer : test::ClientPeer {
    QList<qint64> liveSeqs; ///< every messageReceived in general, in arrival order

    Peer()
        : ClientPeer(config())
    {
        if (qEnvironmentVariableIsSet("POLL_DEBUG"))
            QObject::connect(session.get(), &ClientSession::frameLogged, session.get(),
                             [s = session.get()](const FrameRecord &r) {
                                 qDebug().noquote()
                                     << s->nick()
                                     << QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(
                                            QStringLiteral("ss.zzz"))
                                     << (r.direction == FrameRecord::Direction::In ? "<-" : "->")
                                     << r.type << r.payload.left(300);
                             });
        if (qEnvironmentVariableIsSet("POLL_DEBUG"))
            QObject::connect(session.get(), &ClientSession::stateChanged, session.get(),
                             [s = session.get()](ClientSession::State st) {
                                 qDebug().noquote()
                                     << s->nick() << "state" << ClientSession::stateName(st);
                             });
        QObject::connect(session.get(), &ClientSession::messageReceived, session.get(),
                         [this](const proto::server::Message &m) {
                             if (m.room == QLatin1String("general"))
                                 liveSeqs.append(m.seq);
                         });
    }
    static ClientSession::Config config()
    {
        ClientSession::Config c = test::fastClientConfig(50);
        c.agent = QStringLiteral("tst_clientpolling");
        c.longPollWaitMs = 3000;
        return c;
    }
    QList<qint64> seqs() const { return room() ? room()->seqs() : QList<qint64> {}; }
};

/// True when the server answers POST /v1/poll (the server side of issue 13 is there).
bool serverPolls(const QUrl &wsUrl)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(ClientSession::pollUrl(wsUrl));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, QByteArray("{\"wait\":0}"));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status != 0 && status != 404 && status != 405;
}

/// Opens `first` at firstUrl and `second` at secondUrl, then waits (15 s each) until both
/// are synchronized.
bool openBoth(Peer &first, const QUrl &firstUrl, const QString &firstNick, Peer &second,
              const QUrl &secondUrl, const QString &secondNick)
{
    first.session->open(firstUrl, firstNick);
    second.session->open(secondUrl, secondNick);
    return QTest::qWaitFor([&] { return first.session->isSynchronized(); }, 15000)
        && QTest::qWaitFor([&] { return second.session->isSynchronized(); }, 15000);
}

#define REQUIRE_POLLING_SERVER(server)                                                             \
    if (!serverPolls((server).url()))                                                              \
    QSKIP("this server does not answer POST /v1/poll")

/// Declares `server` (unlimited), starts it and skips the test when it does not poll.
#define START_POLLING_SERVER(server)                                                               \
    TestServer server(TestServer::unlimited());                                                    \
    QVERIFY(server.start());                                                                       \
    REQUIRE_POLLING_SERVER(server)

} // namespace

class TestClientPolling : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<duplex::client::PollExchange>(); }
    void headsAreTheBytesOnTheWire();
    void ackAndDuplicates();
    void sessionGone();
    void pollAndPushInOneRoomBothWays();
    void switchingWithTrafficExactlyOnce();
    void messageOnItsWayDuringASwitchIsReportedLive();
    void whisperWaitingWhenLeavingPollingComesOnce();
    void serverTransportMessageSwitches();
    void sessionGoneResumesWithHello();
    void inspectorShowsEmptyPolls();
};

void TestClientPolling::headsAreTheBytesOnTheWire()
{
    ScriptedHttp http;
    http.respond = [](const QJsonObject &) { return std::pair {200, entries({})}; };
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    PollLink link(&nam, http.url());
    link.setUserAgent("tst_clientpolling");
    link.setTiming(0, 100);
    QList<PollExchange> logged;
    connect(&link, &PollLink::exchangeLogged, this,
            [&logged](const PollExchange &x) { logged.append(x); });
    link.start();
    link.send(R"({"type":"hello","nick":"anna"})");
    QTRY_VERIFY_WITH_TIMEOUT(logged.size() >= 4, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(http.exchanges.size() >= 2, 10000);
    link.stop();
    // Requests: what the link says it sent is exactly what arrived, byte for byte in size
    // (header order may differ; every header QNAM would add is set by the link itself).
    QCOMPARE(logged.at(0).response, false);
    QCOMPARE(logged.at(0).sends, QStringList {QStringLiteral("hello")});
    QCOMPARE(logged.at(0).head.size() + logged.at(0).body.size(),
             http.exchanges.at(0).requestRaw.size());
    QCOMPARE(logged.at(0).body, http.exchanges.at(0).requestBody);
    QCOMPARE(logged.at(1).response, true);
    QCOMPARE(logged.at(1).status, 200);
    QCOMPARE(logged.at(1).head.size() + logged.at(1).body.size(),
             http.exchanges.at(0).responseRaw.size());
    // An empty poll is logged too.
    QCOMPARE(logged.at(2).sends, QStringList());
    QCOMPARE(logged.at(2).head.size() + logged.at(2).body.size(),
             http.exchanges.at(1).requestRaw.size());
    QCOMPARE(logged.at(3).messages, 0);
}

void TestClientPolling::ackAndDuplicates()
{
    // The server hands n 1-2, then 2-3 again (as after a lost ack), then 4.
    ScriptedHttp http;
    QList<qint64> acks;
    int polls = 0;
    http.respond = [&](const QJsonObject &req) {
        acks.append(req.value(QStringLiteral("ack")).toInteger());
        switch (polls++) {
        case 0:
            return std::pair {200, entries({{1, QStringLiteral("a")}, {2, QStringLiteral("b")}})};
        case 1:
            return std::pair {200, entries({{2, QStringLiteral("b")}, {3, QStringLiteral("c")}})};
        case 2: return std::pair {200, entries({{4, QStringLiteral("d")}})};
        default: return std::pair {200, entries({})};
        }
    };
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    PollLink link(&nam, http.url());
    link.setTiming(0, 50);
    QStringList got;
    connect(&link, &PollLink::received, this, [&got](const QByteArray &json) {
        got.append(QJsonDocument::fromJson(json).object().value(QStringLiteral("text")).toString());
    });
    link.start();
    QTRY_VERIFY_WITH_TIMEOUT(acks.size() >= 5, 10000);
    link.stop();
    QCOMPARE(got,
             (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                           QStringLiteral("d")}));
    QCOMPARE(acks.mid(0, 5), (QList<qint64> {0, 2, 3, 4, 4}));
    QCOMPARE(link.session(), QStringLiteral("tok"));
    QCOMPARE(link.lastN(), 4);
}

void TestClientPolling::sessionGone()
{
    ScriptedHttp http;
    http.respond = [](const QJsonObject &) {
        return std::pair {409, QByteArray(R"({"error":"session_gone","message":"gone"})")};
    };
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    PollLink link(&nam, http.url());
    QSignalSpy failed(&link, &PollLink::failed);
    link.start();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toBool(), true);
}

void TestClientPolling::pollAndPushInOneRoomBothWays()
{
    START_POLLING_SERVER(server);
    Peer poller, pusher;
    poller.session->setTransport(ClientSession::Transport::Poll, 100);
    QVERIFY(openBoth(poller, server.url(), QStringLiteral("poller"), pusher, server.url(),
                     QStringLiteral("pusher")));
    QTRY_COMPARE_WITH_TIMEOUT(poller.state->roster(QStringLiteral("general"))->nicks().size(), 2,
                              15000);
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    constexpr int Each = 15;
    for (int i = 0; i < Each; ++i) {
        poller.state->sendText(general, QStringLiteral("p%1").arg(i));
        pusher.state->sendText(general, QStringLiteral("w%1").arg(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(poller.seqs(), range(1, 2 * Each), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(pusher.seqs(), range(1, 2 * Each), 20000);
    // The same order on both sides, and each side's own messages in the order typed.
    QCOMPARE(poller.texts(), pusher.texts());
    QStringList mine, theirs;
    for (const QString &t : poller.texts())
        (t.startsWith(QLatin1Char('p')) ? mine : theirs).append(t);
    for (int i = 0; i < Each; ++i) {
        QCOMPARE(mine.at(i), QStringLiteral("p%1").arg(i));
        QCOMPARE(theirs.at(i), QStringLiteral("w%1").arg(i));
    }
    QCOMPARE(poller.liveSeqs, range(1, 2 * Each));
    QCOMPARE(pusher.liveSeqs, range(1, 2 * Each));
    QVERIFY(poller.session->outbox().isEmpty());
}

void TestClientPolling::switchingWithTrafficExactlyOnce()
{
    START_POLLING_SERVER(server);
    Peer switcher, talker;
    QVERIFY(openBoth(switcher, server.url(), QStringLiteral("switcher"), talker, server.url(),
                     QStringLiteral("talker")));
    const QString token = switcher.session->sessionToken();
    const QString general = ChatState::roomKey(QStringLiteral("general"));

    // The talker says something every 20 ms and the switcher every 60 ms while it moves
    // push -> poll -> long poll -> push.
    int said = 0, switcherSaid = 0;
    QTimer talk;
    talk.setInterval(20);
    connect(&talk, &QTimer::timeout, this, [&] {
        talker.state->sendText(general, QStringLiteral("t%1").arg(said++));
        if (said % 3 == 0)
            switcher.state->sendText(general, QStringLiteral("s%1").arg(switcherSaid++));
    });
    talk.start();
    const QList<std::pair<ClientSession::Transport, int>> steps {
        {ClientSession::Transport::Poll, 100},
        {ClientSession::Transport::LongPoll, 0},
        {ClientSession::Transport::Poll, 150},
        {ClientSession::Transport::Push, 0},
    };
    for (const auto &[transport, interval] : steps) {
        const int before = said;
        switcher.session->setTransport(transport, interval);
        QCOMPARE(switcher.session->transport(), transport);
        QTRY_VERIFY_WITH_TIMEOUT(switcher.session->isSynchronized(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(said >= before + 10, 15000); // traffic during each transport
    }
    talk.stop();
    const qint64 total = said + switcherSaid;
    QTRY_COMPARE_WITH_TIMEOUT(talker.seqs().size(), total, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(switcher.seqs(), range(1, total), 20000);
    QCOMPARE(talker.seqs(), range(1, total));
    QCOMPARE(switcher.texts(), talker.texts());
    // Reported live exactly once each and in order over all four transports (a message on
    // its way during a switch too: messageOnItsWayDuringASwitchIsReportedLive).
    for (int i = 1; i < switcher.liveSeqs.size(); ++i)
        QVERIFY2(switcher.liveSeqs.at(i) > switcher.liveSeqs.at(i - 1),
                 qPrintable(QStringLiteral("seq %1 after %2")
                                .arg(switcher.liveSeqs.at(i))
                                .arg(switcher.liveSeqs.at(i - 1))));
    QCOMPARE(switcher.liveSeqs, range(1, total));
    QVERIFY(switcher.session->outbox().isEmpty());
    // The same session all along: same token and nick, the talker never saw it leave.
    QCOMPARE(switcher.session->sessionToken(), token);
    QCOMPARE(switcher.session->nick(), QStringLiteral("switcher"));
    QCOMPARE(switcher.session->rooms(), QStringList {QStringLiteral("general")});
}

void TestClientPolling::messageOnItsWayDuringASwitchIsReportedLive()
{
    // The switch push -> poll, with a message the server wrote to the WebSocket before the
    // takeover still on its way when the poll's answer (welcome, joined and the room's
    // join history, which has that message too) comes in. Deterministic: the relay holds
    // the WebSocket's bytes back until the poll has answered.
    START_POLLING_SERVER(server);
    Relay relay(server.port());
    Peer switcher, talker;
    QVERIFY(openBoth(switcher, QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(relay.port())),
                     QStringLiteral("switcher"), talker, server.url(), QStringLiteral("talker")));
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    talker.state->sendText(general, QStringLiteral("before"));
    QTRY_COMPARE_WITH_TIMEOUT(switcher.liveSeqs, QList<qint64> {1}, 15000);

    relay.holdFirst = true;
    talker.state->sendText(general, QStringLiteral("on its way"));
    QTRY_VERIFY_WITH_TIMEOUT(relay.held.contains("on its way"), 15000); // written, not read
    const qsizetype before = relay.toClient.size();
    switcher.session->setTransport(ClientSession::Transport::Poll, 100);
    // The poll's answer to the resuming hello is in, with the join history holding seq 2.
    QTRY_VERIFY_WITH_TIMEOUT(relay.toClient.mid(before).contains("\"welcome\""), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(relay.held.contains("session taken over"), 15000); // its 4000
    QVERIFY(relay.toClient.mid(before).contains("on its way"));
    relay.release();

    QTRY_VERIFY_WITH_TIMEOUT(switcher.session->isSynchronized(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(switcher.seqs(), range(1, 2), 15000);
    // Reported live (a notification, the unread count), not only found in the history.
    QCOMPARE(switcher.liveSeqs, range(1, 2));
    QCOMPARE(switcher.texts(),
             (QStringList {QStringLiteral("before"), QStringLiteral("on its way")}));
    // And the next one comes live over polling.
    talker.state->sendText(general, QStringLiteral("after"));
    QTRY_COMPARE_WITH_TIMEOUT(switcher.liveSeqs, range(1, 3), 15000);
}

void TestClientPolling::whisperWaitingWhenLeavingPollingComesOnce()
{
    // The switch poll -> push with a whisper waiting in the mailbox (polling every 10 s):
    // the last poll brings it unacknowledged, and the server moves every unacknowledged
    // message to the WebSocket that resumes the session. Reported from both, it came twice
    // (a whisper has no seq to merge by). The browser page had the same race.
    START_POLLING_SERVER(server);
    Peer switcher, talker;
    QVERIFY(openBoth(switcher, server.url(), QStringLiteral("switcher"), talker, server.url(),
                     QStringLiteral("talker")));
    switcher.session->setTransport(ClientSession::Transport::Poll, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(switcher.session->isSynchronized(), 15000);
    QStringList whispers;
    connect(switcher.session.get(), &ClientSession::whisperReceived, this,
            [&](const proto::server::Whisper &w) { whispers.append(w.text); });
    QSignalSpy echoed(talker.session.get(), &ClientSession::whisperReceived);
    talker.session->whisper(QStringLiteral("switcher"), QStringLiteral("psst"));
    QTRY_COMPARE_WITH_TIMEOUT(echoed.count(), 1, 15000); // in the switcher's mailbox now

    switcher.session->setTransport(ClientSession::Transport::Push, 0);
    QTRY_VERIFY_WITH_TIMEOUT(switcher.session->isSynchronized(), 15000);
    // A whisper after the switch: the moved one, if any, comes before it on the WebSocket.
    talker.session->whisper(QStringLiteral("switcher"), QStringLiteral("after"));
    QTRY_VERIFY_WITH_TIMEOUT(whispers.contains(QStringLiteral("after")), 15000);
    QCOMPARE(whispers, (QStringList {QStringLiteral("psst"), QStringLiteral("after")}));
}

void TestClientPolling::serverTransportMessageSwitches()
{
    START_POLLING_SERVER(server);
    Peer a, b;
    QVERIFY(
        openBoth(a, server.url(), QStringLiteral("anna"), b, server.url(), QStringLiteral("ben")));
    QSignalSpy asked(a.session.get(), &ClientSession::transportRequestedByServer);
    server::ClassTransport poll;
    poll.mode = server::Transport::Poll;
    poll.intervalMs = 200;
    server.chat->setClassTransport(poll);
    QTRY_COMPARE_WITH_TIMEOUT(a.session->transport(), ClientSession::Transport::Poll, 15000);
    QCOMPARE(a.session->pollIntervalMs(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(b.session->transport(), ClientSession::Transport::Poll, 15000);
    QVERIFY(asked.count() >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(a.session->isSynchronized(), 15000);
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    a.state->sendText(general, QStringLiteral("over polling"));
    QTRY_COMPARE_WITH_TIMEOUT(b.texts(), QStringList {QStringLiteral("over polling")}, 15000);

    server::ClassTransport push;
    push.mode = server::Transport::Push;
    server.chat->setClassTransport(push);
    QTRY_COMPARE_WITH_TIMEOUT(a.session->transport(), ClientSession::Transport::Push, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(b.session->transport(), ClientSession::Transport::Push, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(a.session->isSynchronized(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(b.session->isSynchronized(), 30000);
    b.state->sendText(general, QStringLiteral("pushed again"));
    QTRY_COMPARE_WITH_TIMEOUT(
        a.texts(), (QStringList {QStringLiteral("over polling"), QStringLiteral("pushed again")}),
        30000);
    QCOMPARE(a.liveSeqs, range(1, 2));
}

void TestClientPolling::sessionGoneResumesWithHello()
{
    // The server forgets the poll session (expired, as after a peer timeout; a restart does
    // the same to every session): the next poll gets 409 session_gone, and the client says
    // hello again (with resume) at once. Ended in place, not by a restart: a restart's gap
    // between stop and start could meet the poll instead (connection refused, a plain
    // reconnect, no 409), which made this case depend on timing (docs/testing.md).
    START_POLLING_SERVER(server);
    Peer p, other;
    p.session->setTransport(ClientSession::Transport::Poll, 100);
    p.session->open(server.url(), QStringLiteral("paula"));
    QTRY_VERIFY_WITH_TIMEOUT(p.session->isSynchronized(), 15000);
    p.session->join(QStringLiteral("lab"));
    QTRY_COMPARE_WITH_TIMEOUT(p.session->rooms().size(), 2, 15000);
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    p.state->sendText(general, QStringLiteral("before"));
    QTRY_COMPARE_WITH_TIMEOUT(p.seqs(), range(1, 1), 15000);
    QSignalSpy exchanges(p.session.get(), &ClientSession::frameLogged);
    const quint64 before = server.idOf(QStringLiteral("paula"));
    QVERIFY(before != 0);
    const int connections = p.session->connectionCount();
    QVERIFY(server.chat->expirePollSession(before));
    QTRY_VERIFY_WITH_TIMEOUT(p.session->connectionCount() > connections, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(p.session->isSynchronized(), 15000);
    bool saw409 = false;
    for (const QList<QVariant> &args : std::as_const(exchanges))
        saw409 = saw409 || args.at(0).value<FrameRecord>().head.startsWith("HTTP/1.1 409");
    QVERIFY(saw409);
    QCOMPARE(p.session->state(), ClientSession::State::Online);
    QCOMPARE(p.session->connectionCount(), connections + 1); // one hello again, no loop
    QVERIFY(server.idOf(QStringLiteral("paula")) != before);
    QTRY_COMPARE_WITH_TIMEOUT(p.session->rooms().size(), 2, 15000);
    other.session->open(server.url(), QStringLiteral("otto"));
    QTRY_VERIFY_WITH_TIMEOUT(other.session->isSynchronized(), 15000);
    other.state->sendText(general, QStringLiteral("after"));
    QTRY_COMPARE_WITH_TIMEOUT(
        p.texts(), (QStringList {QStringLiteral("before"), QStringLiteral("after")}), 15000);
    QCOMPARE(p.seqs(), range(1, 2));
}

void TestClientPolling::inspectorShowsEmptyPolls()
{
    START_POLLING_SERVER(server);
    Peer p;
    p.session->setTransport(ClientSession::Transport::Poll, 100);
    p.session->open(server.url(), QStringLiteral("ida"));
    QTRY_VERIFY_WITH_TIMEOUT(p.session->isSynchronized(), 15000);
    FrameLogModel *log = p.state->frameLog();
    log->flush();
    // Quiet room: the polls keep going, and their answers are empty.
    QTRY_VERIFY_WITH_TIMEOUT(
        [log] {
            log->flush();
            int empty = 0;
            for (int i = 0; i < log->rowCount(); ++i) {
                const FrameRecord &r = log->record(i);
                empty += r.kind == FrameRecord::Kind::HttpResponse
                    && r.head.startsWith("HTTP/1.1 200")
                    && r.type == ClientSession::tr("poll: empty");
            }
            return empty >= 3;
        }(),
        15000);
    for (int i = 0; i < log->rowCount(); ++i) {
        const FrameRecord &r = log->record(i);
        if (r.kind != FrameRecord::Kind::HttpRequest && r.kind != FrameRecord::Kind::HttpResponse)
            continue;
        QCOMPARE(r.size, r.head.size() + r.payload.size());
        QVERIFY(r.head.endsWith("\r\n\r\n"));
        QVERIFY(r.head.size() > 60); // request or status line and the headers count too
        if (r.kind == FrameRecord::Kind::HttpRequest)
            QVERIFY(r.head.startsWith("POST /v1/poll HTTP/1.1\r\n"));
    }
}

QTEST_GUILESS_MAIN(TestClientPolling)
#include "tst_clientpolling.moc"
