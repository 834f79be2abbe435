// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// duplex-server's command line (ServerOptions) and what it turns into (ServerConfig).

#include <serveroptions.h>

#include <QtTest>

using namespace duplex::server;

class TestChatServerOptions : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void everyOption();
    void badValues_data();
    void badValues();
    void headlessIsSeenBeforeTheAppExists();
    void configFromOptions();
    void lessonOptions();
    void clusterPeers();
};

void TestChatServerOptions::defaults()
{
    ServerOptions o;
    QString error;
    QVERIFY(parseServerOptions({"duplex-server"}, &o, &error));
    QVERIFY(!o.headless);
    QVERIFY(!o.bindGiven);
    QVERIFY(!o.portGiven);
    QCOMPARE(o.port, 8080);
    QVERIFY(o.dbPath.isEmpty());
    QVERIFY(!o.nameGiven);
    QCOMPARE(o.rate, 10.0);
    QCOMPARE(o.burst, 20);
    QCOMPARE(o.maxClients, 10000);
    QCOMPARE(o.maxQueuedMiB, 64);
    // The default database lives in the app data folder.
    QVERIFY(resolvedDatabasePath(o).endsWith(QLatin1String("/history.sqlite")));
}

void TestChatServerOptions::everyOption()
{
    ServerOptions o;
    QString error;
    QVERIFY2(parseServerOptions({"duplex-server", "--headless", "--bind", "127.0.0.1", "--port",
                                 "0", "--db", ":memory:", "--name", "Room 101", "--rate", "0",
                                 "--burst", "5", "--max-clients", "3", "--max-queued-mib", "0"},
                                &o, &error),
             qPrintable(error));
    QVERIFY(o.headless);
    QVERIFY(o.bindGiven);
    QCOMPARE(o.bind, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(o.portGiven);
    QCOMPARE(o.port, 0);
    QCOMPARE(o.dbPath, QStringLiteral(":memory:"));
    QCOMPARE(resolvedDatabasePath(o), QStringLiteral(":memory:"));
    QVERIFY(o.nameGiven);
    QCOMPARE(o.name, QStringLiteral("Room 101"));
    QCOMPARE(o.rate, 0.0);
    QCOMPARE(o.burst, 5);
    QCOMPARE(o.maxClients, 3);
    QCOMPARE(o.maxQueuedMiB, 0);
    QVERIFY(parseServerOptions({"duplex-server", "--bind", "::1"}, &o, &error));
    QCOMPARE(o.bind, QHostAddress(QHostAddress::LocalHostIPv6));
}

void TestChatServerOptions::badValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port too big") << QStringList {"--port", "70000"} << "--port";
    QTest::newRow("port not a number") << QStringList {"--port", "http"} << "--port";
    QTest::newRow("bind a name") << QStringList {"--bind", "localhost"} << "--bind";
    QTest::newRow("negative rate") << QStringList {"--rate", "-1"} << "--rate";
    QTest::newRow("rate not finite") << QStringList {"--rate", "inf"} << "--rate";
    QTest::newRow("burst 0") << QStringList {"--burst", "0"} << "--burst";
    QTest::newRow("max clients 0") << QStringList {"--max-clients", "0"} << "--max-clients";
    QTest::newRow("negative queue cap")
        << QStringList {"--max-queued-mib", "-1"} << "--max-queued-mib";
    QTest::newRow("empty name") << QStringList {"--name", "  "} << "--name";
    QTest::newRow("unknown option") << QStringList {"--colour"} << "colour";
    QTest::newRow("class transport")
        << QStringList {"--class-transport", "carrier-pigeon"} << "--class-transport";
    QTest::newRow("poll interval 0") << QStringList {"--poll-interval", "0"} << "--poll-interval";
    QTest::newRow("peer timeout text")
        << QStringList {"--peer-timeout", "soon"} << "--peer-timeout";
    QTest::newRow("peer not a page") << QStringList {"--peer", "ws://b:8080/"} << "--peer";
    QTest::newRow("peer no host") << QStringList {"--peer", "http://"} << "--peer";
    QTest::newRow("redis not a url") << QStringList {"--redis", "localhost"} << "--redis";
    QTest::newRow("redis no port") << QStringList {"--redis", "redis://127.0.0.1"} << "--redis";
    QTest::newRow("redis bad db") << QStringList {"--redis", "redis://127.0.0.1:6379/x"}
                                  << "--redis";
}

void TestChatServerOptions::badValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    ServerOptions o;
    QString error;
    QVERIFY(!parseServerOptions(QStringList {"duplex-server"} + args, &o, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestChatServerOptions::clusterPeers()
{
    // Issue 17: --peer is repeatable and goes to ServerConfig::peerUrls as given.
    ServerOptions o;
    QString error;
    QVERIFY2(parseServerOptions({"duplex-server", "--peer", "http://192.168.1.21:8080/", "--peer",
                                 "https://chat.example"},
                                &o, &error),
             qPrintable(error));
    const ServerConfig c = serverConfigFrom(o);
    QCOMPARE(c.peerUrls,
             (QStringList {QStringLiteral("http://192.168.1.21:8080/"),
                           QStringLiteral("https://chat.example")}));
    QVERIFY(serverConfigFrom(ServerOptions {}).peerUrls.isEmpty());
}

void TestChatServerOptions::headlessIsSeenBeforeTheAppExists()
{
    char prog[] = "duplex-server";
    char headless[] = "--headless";
    char port[] = "--port";
    char zero[] = "0";
    char *withIt[] = {prog, port, zero, headless, nullptr};
    char *without[] = {prog, port, zero, nullptr};
    QVERIFY(argumentsRequestHeadless(4, withIt));
    QVERIFY(!argumentsRequestHeadless(3, without));
}

void TestChatServerOptions::configFromOptions()
{
    ServerOptions o;
    QString error;
    QVERIFY(parseServerOptions({"duplex-server", "--name", "Lab", "--rate", "2.5", "--burst", "7",
                                "--max-clients", "42", "--max-queued-mib", "16"},
                               &o, &error));
    const ServerConfig c = serverConfigFrom(o);
    QCOMPARE(c.name, QStringLiteral("Lab"));
    QCOMPARE(c.ratePerSec, 2.5);
    QCOMPARE(c.burst, 7);
    QCOMPARE(c.maxClients, 42);
    QCOMPARE(c.maxQueuedBytesTotal, qint64(16) * 1024 * 1024);
    QCOMPARE(serverConfigFrom(ServerOptions {}).maxQueuedBytesTotal,
             ServerConfig {}.maxQueuedBytesTotal);
    QCOMPARE(serverConfigFrom(ServerOptions {}).name, QStringLiteral("Duplex"));
    // Per-address limits are on by default; one flag turns them off (a class behind a NAT).
    QCOMPARE(serverConfigFrom(ServerOptions {}).maxConnectionsPerAddress, 64);
    ServerOptions nat;
    QVERIFY(parseServerOptions({"duplex-server", "--no-address-limits"}, &nat, &error));
    const ServerConfig open = serverConfigFrom(nat);
    QCOMPARE(open.maxConnectionsPerAddress, 0);
    QCOMPARE(open.connectsPerSecPerAddress, 0.0);
    QCOMPARE(open.addressRateFactor, 0);
    // --redis (issue 17): without it the server is alone.
    QVERIFY(serverConfigFrom(ServerOptions {}).redisUrl.isEmpty());
    ServerOptions cluster;
    QVERIFY(parseServerOptions({"duplex-server", "--redis", "redis://127.0.0.1:6379/2"}, &cluster,
                               &error));
    QCOMPARE(serverConfigFrom(cluster).redisUrl, QStringLiteral("redis://127.0.0.1:6379/2"));
}

void TestChatServerOptions::lessonOptions()
{
    ServerOptions o;
    QString error;
    QVERIFY(parseServerOptions({"duplex-server"}, &o, &error));
    QCOMPARE(serverConfigFrom(o).classTransport.mode, Transport::Push);
    QCOMPARE(serverConfigFrom(o).peerTimeoutMs, 45000);
    QVERIFY(parseServerOptions({"duplex-server", "--class-transport", "poll", "--poll-interval",
                                "250", "--peer-timeout", "5000"},
                               &o, &error));
    const ServerConfig c = serverConfigFrom(o);
    QCOMPARE(c.classTransport.mode, Transport::Poll);
    QCOMPARE(c.classTransport.intervalMs, 250);
    QCOMPARE(c.peerTimeoutMs, 5000);
    QVERIFY(parseServerOptions({"duplex-server", "--class-transport", "long-poll"}, &o, &error));
    QCOMPARE(serverConfigFrom(o).classTransport.mode, Transport::LongPoll);
}

QTEST_GUILESS_MAIN(TestChatServerOptions)
#include "tst_chatserver_options.moc"
