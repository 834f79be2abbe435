// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ServerHost: the engine in its worker thread, driven from this (the GUI) thread the way
// the server window drives it: real QWebSocket students on 127.0.0.1, a real SQLite file.

#include <serverhost.h>
#include <trafficlog.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <memory>
#include <vector>

#include "chattestclient.h"

using namespace duplex::server;

using duplex::test::connectClient;

class TestServerHost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void engineRunsInItsOwnThread();
    void snapshotsAndTrafficReachThisThread();
    void noticeAndKickCrossTheThread();
    void shutdownClosesClientsWith1001AndKeepsHistory();
    void shutdownWhileClientsLeaveNeverTouchesTheDeletedEngine();
    void portInUseAndBadDatabaseAreErrors();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficLog> m_log;
    std::unique_ptr<ServerHost> m_host;
};

void TestServerHost::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<TrafficLog>();
    ServerConfig config;
    config.ratePerSec = 0;
    m_host = std::make_unique<ServerHost>(config, m_dir->filePath(QStringLiteral("h.sqlite")),
                                          m_log.get());
    QVERIFY(m_host->ok());
    QVERIFY(m_host->listen(QHostAddress::LocalHost, 0));
    QVERIFY(m_host->isListening());
    QVERIFY(m_host->port() != 0);
}

void TestServerHost::cleanup()
{
    m_host.reset();
    m_log.reset();
    m_dir.reset();
}

void TestServerHost::engineRunsInItsOwnThread()
{
    // The engine's signals arrive here queued, from another thread: a slot that notes the
    // thread it runs in sees this one, and the engine answered while this thread slept.
    QThread *self = QThread::currentThread();
    QThread *seen = nullptr;
    connect(m_host.get(), &ServerHost::clientConnected, this,
            [&seen] { seen = QThread::currentThread(); });
    auto ada = connectClient(m_host->port(), QStringLiteral("ada"));
    QVERIFY(ada);
    QTRY_VERIFY(seen != nullptr);
    QCOMPARE(seen, self);
    // The worker keeps serving while this thread is blocked: a ping sent before a 300 ms
    // block is answered during it (its pong is waiting when we look).
    QSignalSpy pong(&ada->socket, &QWebSocket::pong);
    ada->socket.ping("x");
    ada->socket.flush();
    QThread::msleep(300); // deliberately blocking this thread, not waiting for a result
    QVERIFY(pong.wait(2000));
    QVERIFY2(pong.first().at(0).toULongLong() < 2000, "pong took too long");
}

void TestServerHost::snapshotsAndTrafficReachThisThread()
{
    QSignalSpy welcomed(m_host.get(), &ServerHost::clientWelcomed);
    auto ada = connectClient(m_host->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_host->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    QTRY_COMPARE(welcomed.count(), 2);
    // Pushed snapshots (no refreshNow): both nicks, in general. A snapshot taken between
    // bob's connect and his hello (nick still empty) may arrive after the welcome signals,
    // so wait for the one that has both nicks (seen under ASan on a busy machine).
    const auto nicks = [this] {
        QStringList n;
        for (const ClientInfo &c : m_host->clients())
            n.append(c.nick);
        n.sort();
        return n;
    };
    QTRY_COMPARE(nicks(), (QStringList {QStringLiteral("ada"), QStringLiteral("bob")}));
    QTRY_VERIFY(!m_host->rooms().isEmpty());
    QCOMPARE(m_host->rooms().first().name, QStringLiteral("general"));
    QCOMPARE(m_host->rooms().first().count, 2);

    ada->send({{"type", "say"}, {"room", "general"}, {"text", "hello"}});
    QTRY_COMPARE(bob->count(QStringLiteral("message")), 1);
    // The traffic log was appended to from the worker and is read here.
    bool sayIn = false;
    bool fanOut = false;
    QTRY_VERIFY([&] {
        for (const TrafficEntry &e : m_log->entries()) {
            sayIn |= e.direction == TrafficDirection::In && e.type == QLatin1String("say");
            fanOut |= e.direction == TrafficDirection::Out && e.type == QLatin1String("message")
                && e.recipients == 2;
        }
        return sayIn && fanOut;
    }());
    QTRY_VERIFY(m_host->counters().framesIn >= 3);
    QCOMPARE(m_host->counters().clients, 2);

    // Gone from the next snapshot after a close.
    QSignalSpy gone(m_host.get(), &ServerHost::clientDisconnected);
    bob->socket.close();
    QTRY_COMPARE(gone.count(), 1);
    QCOMPARE(gone.first().at(0).value<ClientInfo>().nick, QStringLiteral("bob"));
    QTRY_COMPARE(m_host->clients().size(), 1);
    m_host->refreshNow();
    QCOMPARE(m_host->clients().size(), 1);
    QCOMPARE(m_host->client(m_host->clients().first().id)->nick, QStringLiteral("ada"));
}

void TestServerHost::noticeAndKickCrossTheThread()
{
    auto ada = connectClient(m_host->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_host->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    QCOMPARE(m_host->sendNotice(QStringLiteral("eyes on the board")), 2);
    QTRY_COMPARE(ada->count(QStringLiteral("notice")), 1);
    QTRY_COMPARE(bob->count(QStringLiteral("notice")), 1);
    QCOMPARE(ada->last(QStringLiteral("notice")).value(QStringLiteral("text")).toString(),
             QStringLiteral("eyes on the board"));

    m_host->refreshNow();
    quint64 bobId = 0;
    for (const ClientInfo &c : m_host->clients())
        bobId = c.nick == QLatin1String("bob") ? c.id : bobId;
    QVERIFY(bobId != 0);
    QSignalSpy events(m_host.get(), &ServerHost::eventLogged);
    QVERIFY(m_host->kick(bobId, QStringLiteral("enough")));
    QTRY_COMPARE(bob->closeCode, 4001);
    QCOMPARE(bob->closeReason, QStringLiteral("enough"));
    QVERIFY(!m_host->kick(bobId, QStringLiteral("again")));
    QTRY_VERIFY(!events.isEmpty());
    QCOMPARE(ada->closeCode, -1);

    m_host->setName(QStringLiteral("Room 101"));
    QCOMPARE(m_host->config().name, QStringLiteral("Room 101"));
    auto cy = connectClient(m_host->port(), QStringLiteral("cy"));
    QVERIFY(cy);
    QCOMPARE(cy->welcome.value(QStringLiteral("server")).toString(), QStringLiteral("Room 101"));
}

void TestServerHost::shutdownClosesClientsWith1001AndKeepsHistory()
{
    auto ada = connectClient(m_host->port(), QStringLiteral("ada"));
    QVERIFY(ada);
    ada->send({{"type", "say"}, {"room", "general"}, {"text", "remember me"}});
    QTRY_COMPARE(ada->count(QStringLiteral("message")), 1);
    m_host.reset(); // stops the engine in its thread and joins it
    QTRY_COMPARE(ada->closeCode, 1001);

    // The store was closed cleanly in the worker: a new host on the same file has it.
    ServerConfig config;
    m_host = std::make_unique<ServerHost>(config, m_dir->filePath(QStringLiteral("h.sqlite")),
                                          m_log.get());
    QVERIFY(m_host->ok());
    QVERIFY(m_host->listen(QHostAddress::LocalHost, 0));
    duplex::test::ChatTestClient bob;
    QVERIFY(bob.open(m_host->port()));
    bob.send({{"type", "hello"}, {"nick", "bob"}});
    QVERIFY(!bob.take(QStringLiteral("welcome")).isEmpty());
    // The join-time history of general (sent after welcome) has the earlier message.
    const QJsonObject history = bob.take(QStringLiteral("history"));
    QCOMPARE(history.value(QStringLiteral("room")).toString(), QStringLiteral("general"));
    QVERIFY(QJsonDocument(history).toJson().contains("remember me"));
    QCOMPARE(bob.count(QStringLiteral("history")), 0);
}

void TestServerHost::shutdownWhileClientsLeaveNeverTouchesTheDeletedEngine()
{
    // Session 3's one-off SegFault: at shutdown every client's close handshake made the
    // engine emit clientDisconnected, which restarted the snapshot timer; it fired after
    // the server was deleted, in the moment before the worker thread quit. Rare in a
    // Release build (the GUI thread must be slow to call quit()), most runs under ASan on
    // a busy machine (label `sanitize`, UBSan: member call on null pointer). Each round
    // ends with clients leaving during shutdown, so that moment comes every time.
    m_host.reset();
    for (int round = 0; round < 8; ++round) {
        ServerConfig config;
        config.ratePerSec = 0;
        // A file store: closing it takes the worker a few ms after the last client left,
        // which is what made the window wide enough.
        auto host = std::make_unique<ServerHost>(
            config, m_dir->filePath(QStringLiteral("round%1.sqlite").arg(round)), m_log.get());
        QVERIFY(host->listen(QHostAddress::LocalHost, 0));
        std::vector<std::unique_ptr<duplex::test::ChatTestClient>> students;
        for (const char *nick : {"ada", "bob", "cy"}) {
            students.push_back(connectClient(host->port(), QString::fromLatin1(nick)));
            QVERIFY(students.back());
        }
        QTRY_COMPARE(host->clients().size(), 3);
        host.reset(); // stops the engine (1001 to each), deletes it, joins the thread
        for (const auto &s : students)
            QTRY_COMPARE(s->closeCode, 1001);
    }
}

void TestServerHost::portInUseAndBadDatabaseAreErrors()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    ServerConfig config;
    ServerHost second(config, QString(), nullptr);
    QVERIFY(second.ok());
    QVERIFY(!second.listen(QHostAddress::LocalHost, squatter.serverPort()));
    QVERIFY(!second.isListening());
    QVERIFY(!second.errorString().isEmpty());

    ServerHost bad(config, m_dir->filePath(QStringLiteral("no/such/dir/x.sqlite")), nullptr);
    QVERIFY(!bad.ok());
    QVERIFY(!bad.openError().isEmpty());
    QVERIFY(!bad.listen(QHostAddress::LocalHost, 0));
}

QTEST_GUILESS_MAIN(TestServerHost)
#include "tst_serverhost.moc"
