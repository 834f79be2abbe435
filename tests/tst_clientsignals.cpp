// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The real duplex-client binary, started with --server/--nick against a ChatServer in this
// process on 127.0.0.1 (port 0), is killed with SIGTERM, SIGINT or SIGHUP: it must say
// goodbye (close 1000), so the server frees the nick at once instead of holding a
// resumable session, and exit with 0.

#include <chatserver.h>
#include <clientsession.h>

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace duplex;

class tst_ClientSignals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedClientSaysGoodbye_data();
    void killedClientSaysGoodbye();
};

void tst_ClientSignals::killedClientSaysGoodbye_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void tst_ClientSignals::killedClientSaysGoodbye()
{
    QFETCH(int, signalNumber);
    server::ServerConfig config;
    config.name = QStringLiteral("Test server");
    server::ChatServer chat(config, nullptr, nullptr);
    QVERIFY(chat.listen(QHostAddress::LocalHost, 0));
    QSignalSpy welcomed(&chat, &server::ChatServer::clientWelcomed);
    QSignalSpy gone(&chat, &server::ChatServer::clientDisconnected);

    // A private HOME and config dir: no settings leak in or out of the test.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess client;
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    client.start(QStringLiteral(DUPLEX_CLIENT_EXE),
                 {QStringLiteral("--server"), QStringLiteral("ws://127.0.0.1:%1/").arg(chat.port()),
                  QStringLiteral("--nick"), QStringLiteral("alice")});
    QVERIFY2(client.waitForStarted(10000), qPrintable(client.errorString()));

    QTRY_COMPARE_WITH_TIMEOUT(welcomed.count(), 1, 20000);
    QCOMPARE(welcomed.at(0).at(1).toString(), QStringLiteral("alice"));

    QCOMPARE(::kill(pid_t(client.processId()), signalNumber), 0);

    // The server saw a close frame from the client (a goodbye), not a drop.
    QTRY_COMPARE_WITH_TIMEOUT(gone.count(), 1, 10000);
    const auto info = gone.at(0).at(0).value<server::ClientInfo>();
    QCOMPARE(info.nick, QStringLiteral("alice"));
    QCOMPARE(int(info.end), int(server::EndKind::ClosedCleanly));
    QVERIFY2(info.closeCode == 1000 || info.closeCode == 1001,
             qPrintable(QString::number(info.closeCode)));

    // Not waitForFinished(): the server in this process must keep running to answer the
    // client's close frame.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 10000);
    QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    QCOMPARE(client.exitCode(), 0);

    // The nick is free at once: a new client gets it (no nick_taken from a held session).
    client::ClientSession next;
    QSignalSpy synced(&next, &client::ClientSession::synchronized);
    next.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(chat.port())), QStringLiteral("alice"));
    QTRY_COMPARE(synced.count(), 1);
    QCOMPARE(next.nick(), QStringLiteral("alice"));
    QCOMPARE(chat.clientCount(), 1);
}

QTEST_GUILESS_MAIN(tst_ClientSignals)
#include "tst_clientsignals.moc"
