// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ClientSession and ChatState against a real ChatServer on 127.0.0.1 (port 0) with real
// SQLite history: connect/say/receive, the outbox across a drop, resume, a server restart
// on the same database while others keep talking (every message exactly once, in order),
// catch-up paging, nick_taken, a refused connection, typing and RTT.

#include "clientfixture.h"
#include "testserver.h"

#include <chatserver.h>
#include <chatstate.h>
#include <clientsession.h>
#include <historystore.h>

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace duplex;
using namespace duplex::client;
using duplex::test::range;
using duplex::test::TestServer;
using State = ClientSession::State;

namespace {

/// A client as the window sees it (clientfixture.h), pinging every pingMs.
struct Peer : test::ClientPeer {
    explicit Peer(int backoffMs = 50, int pingMs = 5000)
        : ClientPeer(config(backoffMs, pingMs))
    {
    }
    static ClientSession::Config config(int backoffMs, int pingMs)
    {
        ClientSession::Config c = test::fastClientConfig(backoffMs);
        c.pingIntervalMs = pingMs;
        c.agent = QStringLiteral("tst_clientsession");
        return c;
    }
};

} // namespace

class tst_ClientSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectSayReceive();
    void offersSubprotocolAndAgent();
    void offlineMessageDeliveredAfterReconnect();
    void unconfirmedMessageResentWithSameId();
    void resumeKeepsNickAndRooms();
    void serverRestartSameDatabaseExactlyOnce();
    void serverRestartWithNewDatabaseLosesNothingNew();
    void catchUpPagesThroughALongAbsence();
    void nickTakenEndsWithTheMessage();
    void refusedConnectionSaysWhatToCheck();
    void reconnectCountdownAndReconnectNow();
    void typingRelayedToOthers();
    void rttFromWebSocketPings();
    void whisperBothWays();
    void nickChangeAndRooms();
    void kickEndsWithoutReconnect();
    void serverFullIsExplained();
    void reopenWithAnotherNickFreesTheOldOne();
    void rateLimitedIsResentNotFailed();
};

void tst_ClientSession::connectSayReceive()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice, bob;
    QSignalSpy states(alice.session.get(), &ClientSession::stateChanged);
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    QCOMPARE(states.at(0).at(0).value<State>(), State::Connecting);
    QCOMPARE(states.at(1).at(0).value<State>(), State::Handshaking);
    QCOMPARE(states.at(2).at(0).value<State>(), State::Online);
    QCOMPARE(alice.session->serverName(), QStringLiteral("Test server"));
    QVERIFY(!alice.session->sessionToken().isEmpty());
    QTRY_VERIFY(alice.room() != nullptr);
    QTRY_COMPARE(alice.state->roster(QStringLiteral("general"))->nicks(),
                 (QStringList {QStringLiteral("alice"), QStringLiteral("bob")}));

    QSignalSpy delivered(alice.session.get(), &ClientSession::outboxDelivered);
    QSignalSpy received(bob.session.get(), &ClientSession::messageReceived);
    const QString id = alice.state->sendText(ChatState::roomKey(QStringLiteral("general")),
                                             QStringLiteral("hello bob"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(alice.room()->line(alice.room()->rowCount() - 1).delivery,
             ChatLine::Delivery::Pending);
    QTRY_COMPARE(received.count(), 1);
    const auto msg = received.at(0).at(0).value<proto::server::Message>();
    QCOMPARE(msg.text, QStringLiteral("hello bob"));
    QCOMPARE(msg.from, QStringLiteral("alice"));
    QCOMPARE(msg.seq, 1);
    QTRY_COMPARE(delivered.count(), 1);
    QCOMPARE(delivered.at(0).at(0).toString(), id);
    const ChatLine own = alice.room()->line(alice.room()->rowCount() - 1);
    QCOMPARE(own.delivery, ChatLine::Delivery::Delivered);
    QCOMPARE(own.seq, 1);
    QVERIFY(own.own);
    QCOMPARE(bob.texts(), QStringList {QStringLiteral("hello bob")});
    QCOMPARE(bob.state->roomList()->unread(QStringLiteral("#general")),
             1); // bob looks at nothing yet
    QVERIFY(alice.session->outbox().isEmpty());
}

void tst_ClientSession::offersSubprotocolAndAgent()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice;
    alice.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(alice.session->isSynchronized());
    const auto clients = server.chat->clients();
    QCOMPARE(clients.size(), 1);
    QCOMPARE(clients.at(0).agent, QStringLiteral("tst_clientsession"));
    bool offered = false;
    for (const auto &h : clients.at(0).handshake.requestHeaders()) {
        if (h.first.compare("Sec-WebSocket-Protocol", Qt::CaseInsensitive) == 0)
            offered = h.second.contains("duplex.v1");
    }
    QVERIFY(offered);
    // The frame log saw the hello go out and the welcome come in.
    alice.state->frameLog()->flush();
    const FrameLogModel *log = alice.state->frameLog();
    QVERIFY(log->rowCount() >= 2);
    QCOMPARE(log->record(0).type, QStringLiteral("hello"));
    QCOMPARE(log->record(0).direction, FrameRecord::Direction::Out);
    QCOMPARE(log->record(1).type, QStringLiteral("welcome"));
}

void tst_ClientSession::offlineMessageDeliveredAfterReconnect()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice(60000), bob; // alice waits for reconnectNow()
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());

    alice.session->simulateDrop();
    QCOMPARE(alice.session->state(), State::Reconnecting);
    const QString key = ChatState::roomKey(QStringLiteral("general"));
    alice.state->sendText(key, QStringLiteral("typed while offline 1"));
    alice.state->sendText(key, QStringLiteral("typed while offline 2"));
    QCOMPARE(alice.session->outbox().size(), 2);
    QCOMPARE(alice.room()->line(alice.room()->rowCount() - 1).delivery,
             ChatLine::Delivery::Pending);
    QCOMPARE(alice.room()->line(alice.room()->rowCount() - 2).delivery,
             ChatLine::Delivery::Pending);

    alice.session->reconnectNow();
    QTRY_COMPARE(bob.texts(),
                 (QStringList {QStringLiteral("typed while offline 1"),
                               QStringLiteral("typed while offline 2")}));
    QTRY_VERIFY(alice.session->outbox().isEmpty());
    QCOMPARE(alice.texts(), bob.texts());
    QCOMPARE(alice.room()->seqs(), (QList<qint64> {1, 2}));
    for (int i = 0; i < alice.room()->rowCount(); ++i) {
        if (alice.room()->line(i).kind == ChatLine::Kind::Message)
            QCOMPARE(alice.room()->line(i).delivery, ChatLine::Delivery::Delivered);
    }
}

void tst_ClientSession::unconfirmedMessageResentWithSameId()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice(60000), bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());

    QList<QByteArray> sayFrames;
    connect(alice.session.get(), &ClientSession::frameLogged, this,
            [&sayFrames](const FrameRecord &r) {
                if (r.direction == FrameRecord::Direction::Out && r.type == QLatin1String("say"))
                    sayFrames.append(r.payload);
            });
    // Sent, then the connection dies before its copy can come back.
    const QString id = alice.state->sendText(ChatState::roomKey(QStringLiteral("general")),
                                             QStringLiteral("did it arrive?"));
    QCOMPARE(sayFrames.size(), 1);
    alice.session->simulateDrop();
    QCOMPARE(alice.session->outbox().size(), 1);
    alice.session->reconnectNow();
    QTRY_VERIFY(alice.session->outbox().isEmpty());
    QCOMPARE(sayFrames.size(), 2);
    QVERIFY(sayFrames.at(1).contains(id.toUtf8())); // the SAME id: the server deduplicates
    QTRY_COMPARE(bob.texts(), QStringList {QStringLiteral("did it arrive?")});
    QCOMPARE(alice.texts(), QStringList {QStringLiteral("did it arrive?")});
    QCOMPARE(alice.room()->seqs(), QList<qint64> {1});
    QCOMPARE(server.store->messageCount(), 1);
}

void tst_ClientSession::resumeKeepsNickAndRooms()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice(60000);
    alice.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(alice.session->isSynchronized());
    alice.state->joinRoom(QStringLiteral("dev"));
    QTRY_VERIFY(alice.room(QStringLiteral("dev")) != nullptr);
    const QString token = alice.session->sessionToken();

    alice.session->simulateDrop();
    // While the session waits for its owner, nobody else can take the nick.
    Peer thief;
    QSignalSpy ended(thief.session.get(), &ClientSession::connectionEnded);
    thief.session->open(server.url(), QStringLiteral("ALICE"));
    QTRY_COMPARE(ended.count(), 1);

    QSignalSpy joins(alice.session.get(), &ClientSession::joined);
    alice.session->reconnectNow();
    QTRY_VERIFY(alice.session->isSynchronized());
    QCOMPARE(alice.session->nick(), QStringLiteral("alice"));
    QCOMPARE(alice.session->connectionCount(), 2);
    QVERIFY(alice.session->rooms().contains(QStringLiteral("dev")));
    QTRY_VERIFY(joins.count() >= 2); // general and dev, given back by the server
    const auto clients = server.chat->clients();
    QCOMPARE(clients.size(), 1);
    QCOMPARE(clients.at(0).nick, QStringLiteral("alice"));
    QVERIFY(clients.at(0).rooms.contains(QStringLiteral("dev")));
    Q_UNUSED(token);
}

void tst_ClientSession::serverRestartSameDatabaseExactlyOnce()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice(60000), bob(30);
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    for (int i = 1; i <= 3; ++i)
        bob.state->sendText(general, QStringLiteral("before %1").arg(i));
    QTRY_COMPARE(alice.room()->seqs(), range(1, 3));

    // The server goes away; alice stays away longer than bob.
    const quint16 port = server.port();
    server.stop();
    QTRY_COMPARE(alice.session->state(), State::Reconnecting);
    QTRY_VERIFY(bob.session->state() != State::Online);
    alice.state->sendText(general, QStringLiteral("alice while the server was down"));
    for (int i = 4; i <= 6; ++i)
        bob.state->sendText(general, QStringLiteral("during %1").arg(i)); // queued in bob's outbox

    QVERIFY(server.start(port)); // same port, same SQLite file
    QTRY_VERIFY_WITH_TIMEOUT(bob.session->isSynchronized(), 10000);
    QTRY_VERIFY(bob.session->outbox().isEmpty());
    for (int i = 7; i <= 8; ++i)
        bob.state->sendText(general, QStringLiteral("after %1").arg(i));
    QTRY_COMPARE(bob.room()->seqs(), range(1, 8));

    alice.session->reconnectNow();
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(alice.session->outbox().isEmpty());
    bob.state->sendText(general, QStringLiteral("live 10"));
    const QStringList expected {QStringLiteral("before 1"),
                                QStringLiteral("before 2"),
                                QStringLiteral("before 3"),
                                QStringLiteral("during 4"),
                                QStringLiteral("during 5"),
                                QStringLiteral("during 6"),
                                QStringLiteral("after 7"),
                                QStringLiteral("after 8"),
                                QStringLiteral("alice while the server was down"),
                                QStringLiteral("live 10")};
    QTRY_COMPARE(alice.room()->seqs(), range(1, 10));
    QCOMPARE(alice.texts(), expected);
    QTRY_COMPARE(bob.texts(), expected);
    QCOMPARE(server.store->lastSeq(QStringLiteral("general")), 10);
}

void tst_ClientSession::serverRestartWithNewDatabaseLosesNothingNew()
{
    auto server = std::make_unique<TestServer>(TestServer::unlimited());
    QVERIFY(server->start());
    Peer alice(60000), bob(30);
    alice.session->open(server->url(), QStringLiteral("alice"));
    bob.session->open(server->url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    for (int i = 1; i <= 5; ++i)
        bob.state->sendText(general, QStringLiteral("old %1").arg(i));
    QTRY_COMPARE(alice.room()->seqs(), range(1, 5));

    // The teacher restarts the server on a fresh database: seq starts at 1 again.
    const quint16 port = server->port();
    server->stop();
    server = std::make_unique<TestServer>(TestServer::unlimited());
    QVERIFY(server->start(port));
    QTRY_VERIFY_WITH_TIMEOUT(bob.session->isSynchronized(), 10000);
    bob.state->sendText(general, QStringLiteral("new 1"));
    QTRY_VERIFY(bob.session->outbox().isEmpty());
    QSignalSpy reset(alice.session.get(), &ClientSession::historyReset);
    alice.session->reconnectNow();
    QTRY_VERIFY(alice.session->isSynchronized());
    QCOMPARE(reset.count(), 1);
    bob.state->sendText(general, QStringLiteral("new 2"));
    // The new seq 1 and 2 are not mistaken for the old ones.
    QTRY_COMPARE(
        alice.texts(),
        (QStringList {QStringLiteral("old 1"), QStringLiteral("old 2"), QStringLiteral("old 3"),
                      QStringLiteral("old 4"), QStringLiteral("old 5"), QStringLiteral("new 1"),
                      QStringLiteral("new 2")}));
    QCOMPARE(alice.room()->seqs(), range(1, 2));
    QCOMPARE(alice.session->lastSeq(QStringLiteral("general")), 2);
}

void tst_ClientSession::catchUpPagesThroughALongAbsence()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice(60000), bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    const QString general = ChatState::roomKey(QStringLiteral("general"));
    bob.state->sendText(general, QStringLiteral("m1"));
    QTRY_COMPARE(alice.room()->seqs(), range(1, 1));

    alice.session->simulateDrop();
    // More than one history page (200) while alice is away.
    for (int i = 2; i <= 260; ++i)
        bob.state->sendText(general, QStringLiteral("m%1").arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(bob.session->outbox().isEmpty(), 20000);
    alice.session->reconnectNow();
    QTRY_COMPARE_WITH_TIMEOUT(alice.room()->seqs(), range(1, 260), 20000);
    const QStringList texts = alice.texts();
    for (int i = 0; i < texts.size(); ++i)
        QCOMPARE(texts.at(i), QStringLiteral("m%1").arg(i + 1));
    // Catch-up history is not "unread news" flooding the badge.
    QCOMPARE(alice.state->roomList()->unread(general), 1);
}

void tst_ClientSession::nickTakenEndsWithTheMessage()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer bob, other;
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(bob.session->isSynchronized());
    QSignalSpy ended(other.session.get(), &ClientSession::connectionEnded);
    QSignalSpy errors(other.session.get(), &ClientSession::errorReceived);
    other.session->open(server.url(), QStringLiteral("Bob"));
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toInt(), 0);
    QVERIFY(!ended.at(0).at(1).toString().isEmpty());
    QCOMPARE(errors.at(0).at(0).value<proto::server::Error>().code, proto::ErrorCode::NickTaken);
    QCOMPARE(other.session->state(), State::Disconnected);
    // No reconnect loop after a refused nick.
    QVERIFY(!QTest::qWaitFor([&] { return other.session->state() != State::Disconnected; }, 300));
}

void tst_ClientSession::refusedConnectionSaysWhatToCheck()
{
    quint16 freePort = 0;
    {
        TestServer probe;
        QVERIFY(probe.start());
        freePort = probe.port();
        probe.stop();
    }
    ClientSession::Config c;
    c.backoffInitialMs = 50;
    ClientSession session(c);
    QSignalSpy failed(&session, &ClientSession::connectionFailed);
    session.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(freePort)), QStringLiteral("alice"));
    QTRY_COMPARE(failed.count(), 1);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QLatin1String("not reachable")), qPrintable(reason));
    QVERIFY2(reason.contains(QLatin1String("running")), qPrintable(reason));
    QCOMPARE(session.state(), State::Disconnected);
}

void tst_ClientSession::reconnectCountdownAndReconnectNow()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    ClientSession::Config c;
    c.backoffInitialMs = 8000;
    c.backoffMaxMs = 30000;
    ClientSession session(c);
    session.open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(session.isSynchronized());
    QSignalSpy countdown(&session, &ClientSession::reconnectCountdown);
    session.simulateDrop();
    QCOMPARE(session.state(), State::Reconnecting);
    QVERIFY(countdown.count() >= 1);
    const int left = countdown.at(0).at(0).toInt();
    QVERIFY2(left >= 6 && left <= 10, qPrintable(QString::number(left))); // 8 s +- 20 % jitter
    QCOMPARE(session.reconnectSecondsLeft(), left);
    session.reconnectNow();
    QTRY_VERIFY(session.isSynchronized());
    QCOMPARE(session.reconnectSecondsLeft(), 0);
}

void tst_ClientSession::typingRelayedToOthers()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice, bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    QTRY_COMPARE(bob.state->roster(QStringLiteral("general"))->count(), 2);
    QSignalSpy aliceTyping(alice.session.get(), &ClientSession::typingReceived);
    alice.session->setTyping(QStringLiteral("general"), true);
    QTRY_VERIFY(bob.state->roster(QStringLiteral("general"))->isTyping(QStringLiteral("alice")));
    alice.state->sendText(ChatState::roomKey(QStringLiteral("general")), QStringLiteral("done"));
    // The message itself ends the typing indicator even before `off` arrives.
    QTRY_VERIFY(!bob.state->roster(QStringLiteral("general"))->isTyping(QStringLiteral("alice")));
    QCOMPARE(aliceTyping.count(), 0); // never echoed
}

void tst_ClientSession::rttFromWebSocketPings()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice(50, 100);
    QSignalSpy rtt(alice.session.get(), &ClientSession::rttChanged);
    alice.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(rtt.count() >= 1);
    QVERIFY(alice.session->rttMs() >= 0);
    alice.state->frameLog()->flush();
    bool ping = false, pong = false;
    for (int i = 0; i < alice.state->frameLog()->rowCount(); ++i) {
        ping |= alice.state->frameLog()->record(i).kind == FrameRecord::Kind::Ping;
        pong |= alice.state->frameLog()->record(i).kind == FrameRecord::Kind::Pong;
    }
    QVERIFY(ping && pong);
}

void tst_ClientSession::whisperBothWays()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice, bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    const QString key = alice.state->openWhisper(QStringLiteral("bob"));
    alice.state->sendText(key, QStringLiteral("psst"));
    QTRY_VERIFY(bob.state->conversation(ChatState::whisperKey(QStringLiteral("alice"))) != nullptr);
    ConversationModel *atBob
        = bob.state->conversation(ChatState::whisperKey(QStringLiteral("alice")));
    QCOMPARE(atBob->rowCount(), 1);
    QCOMPARE(atBob->line(0).text, QStringLiteral("psst"));
    QCOMPARE(bob.state->roomList()->unread(ChatState::whisperKey(QStringLiteral("alice"))), 1);
    ConversationModel *atAlice = alice.state->conversation(key);
    QTRY_COMPARE(atAlice->line(0).delivery, ChatLine::Delivery::Delivered);
    QCOMPARE(atAlice->rowCount(), 1);

    // A whisper to nobody fails visibly on its line.
    const QString ghost = alice.state->openWhisper(QStringLiteral("ghost"));
    alice.state->sendText(ghost, QStringLiteral("hello?"));
    QTRY_COMPARE(alice.state->conversation(ghost)->line(0).delivery, ChatLine::Delivery::Failed);
}

void tst_ClientSession::nickChangeAndRooms()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice, bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    QTRY_COMPARE(bob.state->roster(QStringLiteral("general"))->count(), 2);
    alice.session->changeNick(QStringLiteral("alicia"));
    QTRY_COMPARE(alice.session->nick(), QStringLiteral("alicia"));
    QTRY_VERIFY(
        bob.state->roster(QStringLiteral("general"))->nicks().contains(QStringLiteral("alicia")));
    bool told = false;
    for (int i = 0; i < bob.room()->rowCount(); ++i)
        told |= bob.room()->line(i).kind == ChatLine::Kind::System
            && bob.room()->line(i).text.contains(QLatin1String("alicia"));
    QVERIFY(told);

    QSignalSpy rooms(alice.session.get(), &ClientSession::roomsReceived);
    alice.state->joinRoom(QStringLiteral("dev"));
    QTRY_VERIFY(alice.room(QStringLiteral("dev")) != nullptr);
    alice.session->requestRooms();
    QTRY_COMPARE(rooms.count(), 1);
    QCOMPARE(rooms.at(0).at(0).value<proto::server::Rooms>().rooms.size(), 2);
    alice.state->leaveRoom(QStringLiteral("dev"));
    QVERIFY(alice.room(QStringLiteral("dev")) == nullptr);
    QTRY_VERIFY(!server.chat->clients().at(0).rooms.contains(QStringLiteral("dev"))
                || !server.chat->clients().at(1).rooms.contains(QStringLiteral("dev")));
}

void tst_ClientSession::kickEndsWithoutReconnect()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice;
    alice.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QSignalSpy ended(alice.session.get(), &ClientSession::connectionEnded);
    QVERIFY(server.chat->kick(server.chat->clients().at(0).id, QStringLiteral("please focus")));
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toInt(), int(proto::close::Kicked));
    QVERIFY(ended.at(0).at(1).toString().contains(QLatin1String("please focus")));
    QCOMPARE(alice.session->state(), State::Disconnected);
    // A kick is deliberate: no automatic comeback.
    QVERIFY(!QTest::qWaitFor([&] { return alice.session->state() != State::Disconnected; }, 300));
}

void tst_ClientSession::serverFullIsExplained()
{
    TestServer server(TestServer::unlimited());
    server.config.maxClients = 1;
    QVERIFY(server.start());
    Peer alice, bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(alice.session->isSynchronized());
    ClientSession::Config c;
    ClientSession late(c);
    QSignalSpy failed(&late, &ClientSession::connectionFailed);
    late.open(server.url(), QStringLiteral("late"));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("full")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(late.state(), State::Disconnected);
}

void tst_ClientSession::reopenWithAnotherNickFreesTheOldOne()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer alice;
    alice.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(alice.session->isSynchronized());
    alice.session->open(server.url(), QStringLiteral("alicia"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QCOMPARE(alice.session->nick(), QStringLiteral("alicia"));
    // The old session ended with 1000, so "alice" is free at once (not held for resume).
    Peer other;
    other.session->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(other.session->isSynchronized());
    QCOMPARE(other.session->nick(), QStringLiteral("alice"));
}

void tst_ClientSession::rateLimitedIsResentNotFailed()
{
    // A tiny token bucket: 3 at once, then 2 a second. A burst of 8 gets most refused with
    // rate_limited (the server drops them); the client must keep them, show them as
    // waiting, and resend them later, so all 8 arrive once each and in order.
    TestServer server(TestServer::unlimited());
    server.config.ratePerSec = 2;
    server.config.burst = 3;
    QVERIFY(server.start());
    Peer alice, bob;
    alice.session->open(server.url(), QStringLiteral("alice"));
    bob.session->open(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(alice.session->isSynchronized());
    QTRY_VERIFY(bob.session->isSynchronized());
    alice.state->joinRoom(QStringLiteral("general"));
    bob.state->joinRoom(QStringLiteral("general"));
    QTRY_VERIFY(alice.room() && bob.room());
    // hello, sync and join took most of alice's tokens: nearly all of the burst is refused
    // (8, below the 5 x burst that would close her for flooding).

    QSignalSpy waiting(alice.session.get(), &ClientSession::outboxWaiting);
    QSignalSpy failed(alice.session.get(), &ClientSession::outboxFailed);
    QStringList sent;
    for (int i = 1; i <= 8; ++i) {
        sent.append(QStringLiteral("burst %1").arg(i));
        alice.state->sendText(ChatState::roomKey(QStringLiteral("general")), sent.last());
    }
    QTRY_VERIFY(waiting.count() > 0);
    // On screen the refused lines say "waiting", not "not sent".
    bool shownWaiting = false;
    for (int i = 0; i < alice.room()->rowCount(); ++i)
        shownWaiting
            = shownWaiting || alice.room()->line(i).delivery == ChatLine::Delivery::Waiting;
    QVERIFY(shownWaiting);

    QTRY_COMPARE_WITH_TIMEOUT(bob.texts(), sent, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(alice.texts(), sent, 5000);
    QVERIFY(alice.session->outbox().isEmpty());
    QCOMPARE(failed.count(), 0);
    for (int i = 0; i < alice.room()->rowCount(); ++i) {
        if (alice.room()->line(i).kind == ChatLine::Kind::Message)
            QCOMPARE(alice.room()->line(i).delivery, ChatLine::Delivery::Delivered);
    }
    // Exactly once on the server too (the history a late joiner would get).
    const QList<qint64> seqs = bob.room()->seqs();
    QCOMPARE(seqs.size(), sent.size());
    QCOMPARE(QSet<qint64>(seqs.begin(), seqs.end()).size(), sent.size());
    QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
    QCOMPARE(alice.session->state(), State::Online); // not closed for flooding
}

QTEST_GUILESS_MAIN(tst_ClientSession)
#include "tst_clientsession.moc"
