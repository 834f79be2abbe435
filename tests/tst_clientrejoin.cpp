// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Rejoin that just works (issue 15): a Qt client that crashed or was restarted resumes its
// nick and all its rooms from what SessionMemory kept in QSettings, and sees what it missed
// in every room, marked "Reconnected — N messages caught up"; "load older" pages back
// through a room's history; the reconnect backoff is capped for a LAN and starts over once
// the server answers. Real ChatServer on 127.0.0.1, settings in a QTemporaryDir.

#include "chattestclient.h"
#include "clientfixture.h"
#include "testserver.h"

#include <chatserver.h>
#include <chatstate.h>
#include <clientsession.h>
#include <sessionmemory.h>

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace duplex;
using namespace duplex::client;
using duplex::test::range;
using duplex::test::TestServer;
using State = ClientSession::State;

namespace {

/// One run of the client program: session and models (clientfixture.h) and the rejoin
/// memory on a settings file that outlives it (the next run opens the same file).
struct Run : test::ClientPeer {
    QSettings settings;
    std::unique_ptr<SessionMemory> memory;

    explicit Run(const QString &settingsFile)
        : ClientPeer(config())
        , settings(settingsFile, QSettings::IniFormat)
        , memory(std::make_unique<SessionMemory>(session.get(), &settings))
    {
    }
    static ClientSession::Config config()
    {
        ClientSession::Config c = test::fastClientConfig(50);
        c.agent = QStringLiteral("tst_clientrejoin");
        return c;
    }
    /// What the window's connectTo does.
    void open(const QUrl &url, const QString &nick)
    {
        memory->restore(url, nick);
        session->open(url, nick);
    }
    /// The process dies: no close frame, the server holds the session for resuming.
    void crash()
    {
        memory.reset(); // writes what is pending, as the last coalesced save would have
        state.reset();
        session.reset();
    }
};

/// bob says `n` numbered lines in room.
void say(test::ChatTestClient &bob, const QString &room, const QString &prefix, int n)
{
    static int ids = 0;
    for (int i = 1; i <= n; ++i)
        bob.send(test::obj({{"type", "say"},
                            {"id", QStringLiteral("s%1").arg(++ids)},
                            {"room", room},
                            {"text", prefix + QString::number(i)}}));
}

bool join(test::ChatTestClient &bob, const QString &room)
{
    bob.send(test::obj({{"type", "join"}, {"id", "j"}, {"room", room}}));
    return !bob.take("history").isEmpty();
}

} // namespace

class tst_ClientRejoin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void restartedClientResumesNickRoomsAndCatchesUp();
    void restartAfterTheSessionEndedRejoinsEveryRoom();
    void memoryIsPerServerAndNick();
    void loadOlderPagesBackToTheFirstMessage();
    void backoffCappedAndResetWhenTheServerAnswers();
};

void tst_ClientRejoin::restartedClientResumesNickRoomsAndCatchesUp()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("client.ini"));
    auto bob = server.client(QStringLiteral("bob"));
    QVERIFY(bob);
    QVERIFY(join(*bob, QStringLiteral("lab")));

    auto first = std::make_unique<Run>(file);
    first->open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(first->session->isSynchronized());
    first->state->joinRoom(QStringLiteral("lab"));
    QTRY_VERIFY(first->room(QStringLiteral("lab")) != nullptr);
    say(*bob, QStringLiteral("general"), QStringLiteral("g-before-"), 2);
    say(*bob, QStringLiteral("lab"), QStringLiteral("lab-before-"), 2);
    QTRY_COMPARE(first->texts(QStringLiteral("lab")).size(), 2);
    QTRY_COMPARE(first->texts(QStringLiteral("general")).size(), 2);
    first->crash();
    first.reset();

    // While alice's client is gone: 3 lines in general, 70 in lab (more than a join page).
    say(*bob, QStringLiteral("general"), QStringLiteral("g-missed-"), 3);
    say(*bob, QStringLiteral("lab"), QStringLiteral("lab-missed-"), 70);
    QVERIFY(bob->barrier());

    Run second(file);
    QSignalSpy ended(second.session.get(), &ClientSession::connectionEnded);
    QSignalSpy caughtUp(second.state.get(), &ChatState::caughtUp);
    second.open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(second.session->isSynchronized());
    // The nick is hers again at once (no "taken" for the held session) and both rooms
    // are back, in the order she joined them.
    QCOMPARE(ended.count(), 0);
    QCOMPARE(second.session->nick(), QStringLiteral("alice"));
    QTRY_COMPARE(second.session->rooms(),
                 (QStringList {QStringLiteral("general"), QStringLiteral("lab")}));
    QTRY_COMPARE(caughtUp.count(), 1);
    QCOMPARE(caughtUp.at(0).at(0).toInt(), 73);
    // Everything missed is there in every room, each once and in order.
    const QStringList general = second.texts(QStringLiteral("general"));
    for (int i = 1; i <= 3; ++i)
        QVERIFY(general.contains(QStringLiteral("g-missed-%1").arg(i)));
    QCOMPARE(second.room(QStringLiteral("lab"))->seqs().last(), 72);
    const QStringList lab = second.texts(QStringLiteral("lab"));
    for (int i = 1; i <= 70; ++i)
        QVERIFY2(lab.count(QStringLiteral("lab-missed-%1").arg(i)) == 1,
                 qPrintable(QString::number(i)));
    // And marked, so the student knows where the gap was.
    QTRY_VERIFY(second.systemLines(QStringLiteral("lab"))
                    .contains(QStringLiteral("Reconnected — 70 messages caught up")));
    QVERIFY(second.systemLines(QStringLiteral("general"))
                .contains(QStringLiteral("Reconnected — 3 messages caught up")));
    // The server took it for a resume: one alice, in both rooms.
    QVERIFY(bob->barrier());
    int alices = 0;
    for (const auto &info : server.chat->clients())
        alices += info.nick == QLatin1String("alice") ? 1 : 0;
    QCOMPARE(alices, 1);
}

void tst_ClientRejoin::restartAfterTheSessionEndedRejoinsEveryRoom()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("client.ini"));
    auto bob = server.client(QStringLiteral("bob"));
    QVERIFY(bob);
    QVERIFY(join(*bob, QStringLiteral("lab")));
    {
        Run first(file);
        first.open(server.url(), QStringLiteral("alice"));
        QTRY_VERIFY(first.session->isSynchronized());
        first.state->joinRoom(QStringLiteral("lab"));
        QTRY_VERIFY(first.room(QStringLiteral("lab")) != nullptr);
        say(*bob, QStringLiteral("lab"), QStringLiteral("seen-"), 1);
        QTRY_COMPARE(first.texts(QStringLiteral("lab")).size(), 1);
        // A normal quit: 1000 ends the server-side session, the token is void.
        QSignalSpy closed(first.session.get(), &ClientSession::connectionsClosed);
        first.session->close();
        QVERIFY(closed.wait(5000) || first.session->closingConnections() == 0);
    }
    QTRY_VERIFY(server.idOf(QStringLiteral("alice")) == 0);
    say(*bob, QStringLiteral("lab"), QStringLiteral("missed-"), 2);
    QVERIFY(bob->barrier());

    Run second(file);
    second.open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(second.session->isSynchronized());
    // A new session (the old token was ignored), but the rooms come back by themselves.
    QTRY_VERIFY(second.room(QStringLiteral("lab")) != nullptr);
    QTRY_COMPARE(second.texts(QStringLiteral("lab")),
                 (QStringList {QStringLiteral("seen-1"), QStringLiteral("missed-1"),
                               QStringLiteral("missed-2")}));
    QTRY_VERIFY(second.systemLines(QStringLiteral("lab"))
                    .contains(QStringLiteral("Reconnected — 2 messages caught up")));
}

void tst_ClientRejoin::memoryIsPerServerAndNick()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    const QUrl a(QStringLiteral("ws://127.0.0.1:8080/"));
    const QUrl b(QStringLiteral("ws://127.0.0.1:8081/"));
    QCOMPARE(SessionMemory::groupFor(a, QStringLiteral("Alice")),
             SessionMemory::groupFor(a, QStringLiteral("alice"))); // nicks ignore case
    QVERIFY(SessionMemory::groupFor(a, QStringLiteral("alice"))
            != SessionMemory::groupFor(b, QStringLiteral("alice")));
    QVERIFY(SessionMemory::groupFor(a, QStringLiteral("alice"))
            != SessionMemory::groupFor(a, QStringLiteral("bob")));
    ClientSession session;
    SessionMemory memory(&session, &settings);
    QVERIFY(!memory.restore(a, QStringLiteral("alice"))); // nothing kept yet
    QVERIFY(session.rooms().isEmpty());
}

void tst_ClientRejoin::loadOlderPagesBackToTheFirstMessage()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    QTemporaryDir dir;
    auto bob = server.client(QStringLiteral("bob"));
    QVERIFY(bob);
    say(*bob, QStringLiteral("general"), QStringLiteral("m"), 120);
    QVERIFY(bob->barrier());

    Run alice(dir.filePath(QStringLiteral("client.ini")));
    alice.open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(alice.session->isSynchronized());
    const QString key = ChatState::roomKey(QStringLiteral("general"));
    QTRY_COMPARE(alice.room(QStringLiteral("general"))->seqs(), range(71, 120));
    QVERIFY(alice.state->hasOlder(key));

    QSignalSpy loading(alice.state.get(), &ChatState::olderLoadingChanged);
    QVERIFY(alice.state->loadOlder(key));
    QVERIFY(alice.state->isLoadingOlder(key));
    QVERIFY(!alice.state->loadOlder(key)); // one page at a time
    QTRY_VERIFY(!alice.state->isLoadingOlder(key));
    QCOMPARE(loading.count(), 2);
    QCOMPARE(alice.room(QStringLiteral("general"))->seqs(), range(21, 120));
    QVERIFY(alice.state->hasOlder(key));

    QVERIFY(alice.state->loadOlder(key));
    QTRY_VERIFY(!alice.state->isLoadingOlder(key));
    QCOMPARE(alice.room(QStringLiteral("general"))->seqs(), range(1, 120));
    QCOMPARE(alice.texts(QStringLiteral("general")).first(), QStringLiteral("m1"));
    // The first message is held: nothing more to ask for.
    QVERIFY(!alice.state->hasOlder(key));
    QVERIFY(!alice.state->loadOlder(key));
}

void tst_ClientRejoin::backoffCappedAndResetWhenTheServerAnswers()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    const quint16 port = server.port();
    ClientSession::Config c;
    c.backoffInitialMs = 1000;
    c.jitter = 0; // exact delays: 1, 2, 4, then the LAN cap of 5 s
    QCOMPARE(c.backoffMaxMs, 5000);
    ClientSession session(c);
    session.open(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(session.isSynchronized());
    server.stop();
    QTRY_COMPARE(session.state(), State::Reconnecting);
    QList<int> waits {session.reconnectSecondsLeft()};
    // "Reconnect now" while the server is down: each refused attempt counts.
    for (int i = 0; i < 4; ++i) {
        session.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Reconnecting, 5000);
        waits.append(session.reconnectSecondsLeft());
    }
    QCOMPARE(waits, (QList<int> {1, 2, 4, 5, 5}));

    // The server is back: once it has answered, the next drop waits 1 s again.
    QVERIFY(server.start(port));
    session.reconnectNow();
    QTRY_VERIFY(session.isSynchronized());
    session.simulateDrop();
    QCOMPARE(session.state(), State::Reconnecting);
    QCOMPARE(session.reconnectSecondsLeft(), 1);
}

QTEST_MAIN(tst_ClientRejoin)
#include "tst_clientrejoin.moc"
