// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Nicks and sessions held in Redis (issue 17): a nick is a lease one script hands out (two
// servers claiming one new nick at once: one welcome, one nick_taken), freed at a close
// 1000 at once and within the liveness TTL when its process is killed; a resume token is a
// key, so a server started after another one was killed resumes that server's clients with
// their rooms; a resume on another server takes the session over (4000 on the old one);
// the hello waits for Redis while the frames after it wait in order. Real redis-server,
// real servers (clusterfixture.h).

#include "chattestclient.h"
#include "clusterfixture.h"
#include "polltestclient.h"

#include <chatstate.h>
#include <clientsession.h>
#include <mainwindow.h>
#include <websocket.h>

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QSettings>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace duplex::server;
using namespace duplex::test;

class TestRedisSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simultaneousClaimsOfOneNick();
    void nickIsFreeEverywhereRightAfterClose();
    void killedProcessesNickComesFree();
    void laterServerResumesKilledServersClient();
    void resumeOnAnotherServerTakesTheSessionOver();
    void stoppedServersClientsResumeElsewhere();
    void pipelinedHelloJoinSayOnARedisNode();
    void pipelinedHelloOverPollingOnARedisNode();
    void redisDownDuringHello();
    void clientRetriesWhileRedisIsDown();
};

namespace {

/// The first welcome or error (the answer to a hello).
QJsonObject answer(ChatTestClient &c, int timeoutMs = 10000)
{
    return c.take(
        [](const QJsonObject &o) {
            const QString t = o.value("type").toString();
            return t == QLatin1String("welcome") || t == QLatin1String("error");
        },
        timeoutMs);
}

QJsonObject hello(const QString &nick, const QString &token = {})
{
    QJsonObject h = obj({{"type", "hello"}, {"id", "h"}, {"nick", nick}, {"agent", "tst"}});
    if (!token.isEmpty())
        h.insert("resume", token);
    return h;
}

/// A fresh connection to port says hello as nick: welcomed? A refused one is closed
/// cleanly (it holds nothing).
bool welcomedAs(quint16 port, const QString &nick)
{
    ChatTestClient c;
    if (!c.open(port))
        return false;
    c.send(hello(nick));
    const bool welcomed = answer(c).value("type").toString() == QLatin1String("welcome");
    c.socket.close(QWebSocketProtocol::CloseCodeNormal);
    c.waitDisconnected();
    return welcomed;
}

/// Joins `room`: the room its `joined` names.
QString joinRoom(ChatTestClient &c, const QString &room)
{
    c.send(obj({{"type", "join"}, {"id", "j"}, {"room", room}}));
    return c.take("joined").value("room").toString();
}

/// Opens `c` on port and resumes Ada's session (`token`) there: the rooms of the `joined`
/// frames that follow the welcome; empty when the open or the resume failed.
QStringList resumeAda(ChatTestClient &c, quint16 port, const QString &token)
{
    if (!c.open(port) || !c.hello(QStringLiteral("ada"), token)
        || c.welcome.value("session").toString() != token)
        return {};
    const QString first = c.take("joined").value("room").toString();
    return {first, c.take("joined").value("room").toString()};
}

/// Two servers, and Ada on the first one in general and lab: her session token (empty
/// when a step failed).
QString adaInLabOnTheFirstOfTwo(Cluster &cluster, std::unique_ptr<ChatTestClient> &ada)
{
    if (!(ada = cluster.startWith(2, QStringLiteral("ada")))
        || joinRoom(*ada, QStringLiteral("lab")) != QLatin1String("lab"))
        return {};
    return ada->welcome.value("session").toString();
}

const QStringList GeneralAndLab {QStringLiteral("general"), QStringLiteral("lab")};

} // namespace

void TestRedisSessions::simultaneousClaimsOfOneNick()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    // Both hellos leave in the same pass of the event loop, one to each server: both
    // servers find the nick free locally, and Redis gives its lease to exactly one.
    for (int round = 0; round < 10; ++round) {
        const QString nick = QStringLiteral("twin%1").arg(round);
        ChatTestClient one, two;
        QVERIFY(one.open(cluster.at(0)->port()));
        QVERIFY(two.open(cluster.at(1)->port()));
        one.send(hello(nick));
        two.send(hello(nick));
        const QJsonObject a = answer(one), b = answer(two);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const int welcomes = int(a.value("type") == "welcome") + int(b.value("type") == "welcome");
        QCOMPARE(welcomes, 1);
        const QJsonObject refused = a.value("type") == "welcome" ? b : a;
        QCOMPARE(refused.value("code").toString(), QStringLiteral("nick_taken"));
        // The loser holds nothing; the winner's nick stays taken on both servers.
        QVERIFY(!welcomedAs(cluster.at(round % 2)->port(), nick.toUpper()));
    }
}

void TestRedisSessions::nickIsFreeEverywhereRightAfterClose()
{
    Cluster cluster;
    auto ada = cluster.startWith(2, QStringLiteral("ada"));
    QVERIFY(ada);
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    QVERIFY(!welcomedAs(two->port(), QStringLiteral("ADA"))); // any case, on any server
    ada->socket.close(QWebSocketProtocol::CloseCodeNormal);
    // Once server one has processed the close, the nick is free on server two: the next
    // hello just succeeds (no retry).
    QTRY_COMPARE_WITH_TIMEOUT(one->chat->clientCount(), 0, 10000);
    auto again = two->client(QStringLiteral("ada"));
    QVERIFY(again);
    QCOMPARE(again->welcome.value("nick").toString(), QStringLiteral("ada"));
    QVERIFY(again->welcome.value("session").toString() != ada->welcome.value("session").toString());
}

void TestRedisSessions::killedProcessesNickComesFree()
{
    Cluster cluster;
    QVERIFY(cluster.start(1));
    TestServer *node = cluster.at(0);
    Headless a(cluster.redis.url(), QStringLiteral("A"));
    QVERIFY2(a.port, qPrintable(a.log));
    auto carol = connectClient(a.port, QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(!welcomedAs(node->port(), QStringLiteral("carol")));
    a.process.kill(); // kill -9: nothing is released, the process just stops beating
    QVERIFY(a.process.waitForFinished(10000));
    QElapsedTimer sinceKill;
    sinceKill.start();
    // Its liveness key lives 5 s after its last beat: then its leases count as free.
    QTRY_VERIFY_WITH_TIMEOUT(welcomedAs(node->port(), QStringLiteral("carol")), 20000);
    qInfo("carol was free on the other server %lld ms after the kill", sinceKill.elapsed());
}

void TestRedisSessions::laterServerResumesKilledServersClient()
{
    Cluster cluster;
    QVERIFY(cluster.start(1));
    auto bob = cluster.at(0)->client(QStringLiteral("bob"));
    QVERIFY(bob);
    auto a = std::make_unique<Headless>(cluster.redis.url(), QStringLiteral("A"));
    QVERIFY2(a->port, qPrintable(a->log));
    auto ada = connectClient(a->port, QStringLiteral("ada"));
    QVERIFY(ada);
    const QString token = ada->welcome.value("session").toString();
    QCOMPARE(joinRoom(*ada, QStringLiteral("lab")), QStringLiteral("lab"));

    // 40 messages; server A dies (kill -9) once she has 10 acks, with more in flight.
    constexpr int Total = 40;
    for (int i = 0; i < Total; ++i)
        ada->send(sayRequest(QStringLiteral("m%1").arg(i), QStringLiteral("ada %1").arg(i)));
    QSet<QString> acked;
    while (acked.size() < 10) {
        const QJsonObject m = ada->take("message", 10000);
        QVERIFY(!m.isEmpty());
        acked.insert(m.value("re").toString());
    }
    a->process.kill();
    QVERIFY(a->process.waitForFinished(10000));
    QVERIFY(ada->waitDisconnected(10000));
    for (const QJsonObject &m : std::as_const(ada->frames)) {
        if (m.value("type").toString() == "message")
            acked.insert(m.value("re").toString());
    }

    // Server B starts after the crash: it never heard of Ada. Her token is in Redis.
    Headless b(cluster.redis.url(), QStringLiteral("B"));
    QVERIFY2(b.port, qPrintable(b.log));
    ChatTestClient again;
    QCOMPARE(resumeAda(again, b.port, token), GeneralAndLab);
    QCOMPARE(again.welcome.value("nick").toString(), QStringLiteral("ada"));
    // She resends what was not acknowledged, with the same ids: what Redis had already
    // ordered comes back as her first copy (dup), the rest is new.
    for (int i = 0; i < Total; ++i) {
        const QString id = QStringLiteral("m%1").arg(i);
        if (!acked.contains(id))
            again.send(sayRequest(id, QStringLiteral("ada %1").arg(i)));
    }
    for (int i = 0; i < Total; ++i) {
        const QString id = QStringLiteral("m%1").arg(i);
        if (acked.contains(id))
            continue;
        const QJsonObject ack = again.take(
            [&id](const QJsonObject &o) {
                return o.value("type").toString() == "message" && o.value("re").toString() == id;
            },
            15000);
        QVERIFY2(!ack.isEmpty(), qPrintable(id));
        QCOMPARE(ack.value("text").toString(), QStringLiteral("ada %1").arg(i));
    }
    // Bob has every message exactly once, in one gapless order.
    QSet<QString> texts;
    for (qint64 expected = 1; texts.size() < Total; ++expected) {
        const QJsonObject m = bob->take("message", 15000);
        QVERIFY2(!m.isEmpty(),
                 qPrintable(QStringLiteral("Bob has %1 of %2").arg(texts.size()).arg(Total)));
        QCOMPARE(m.value("seq").toInteger(), expected);
        const QString text = m.value("text").toString();
        QVERIFY2(!texts.contains(text), qPrintable(text));
        texts.insert(text);
    }
    QVERIFY(again.barrier());
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count("message"), 0);
}

void TestRedisSessions::resumeOnAnotherServerTakesTheSessionOver()
{
    Cluster cluster;
    std::unique_ptr<ChatTestClient> ada;
    const QString token = adaInLabOnTheFirstOfTwo(cluster, ada);
    QVERIFY(!token.isEmpty());
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    QVERIFY(ada->barrier()); // the join's write to Redis went out before the ping's reply

    // Her old connection is still open on server one (half-open, as far as it knows);
    // she resumes on server two: two has the session now, one closes its copy with 4000.
    ChatTestClient moved;
    QCOMPARE(resumeAda(moved, two->port(), token), GeneralAndLab);
    QVERIFY(ada->waitDisconnected(10000));
    QCOMPARE(ada->closeCode, 4000);
    QTRY_COMPARE_WITH_TIMEOUT(one->chat->clientCount(), 0, 10000);
    // The nick goes with the session: taken on both servers, and server one no longer
    // holds it (a resume there is a resume from Redis, taken back).
    QVERIFY(!welcomedAs(one->port(), QStringLiteral("ada")));
    QVERIFY(!welcomedAs(two->port(), QStringLiteral("ada")));
    moved.send(sayRequest("s1", "still me", "lab"));
    QCOMPARE(moved.take("message").value("re").toString(), QStringLiteral("s1"));
}

void TestRedisSessions::stoppedServersClientsResumeElsewhere()
{
    Cluster cluster;
    std::unique_ptr<ChatTestClient> ada;
    const QString token = adaInLabOnTheFirstOfTwo(cluster, ada);
    QVERIFY(!token.isEmpty());
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    // Server one stops on purpose (1001 to everyone): its sessions stay resumable on the
    // others, with their rooms, as after a drop.
    one->chat->stop();
    QVERIFY(ada->waitDisconnected(10000));
    QCOMPARE(ada->closeCode, 1001);
    ChatTestClient again;
    QCOMPARE(resumeAda(again, two->port(), token), GeneralAndLab);
    // Her nick went with her session: nobody else gets it.
    QVERIFY(!welcomedAs(two->port(), QStringLiteral("ada")));
}

void TestRedisSessions::pipelinedHelloJoinSayOnARedisNode()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    auto bob = cluster.at(1)->client(QStringLiteral("bob"));
    QVERIFY(bob);
    bob->send(obj({{"type", "join"}, {"id", "j"}, {"room", "lab"}}));
    QVERIFY(!bob->take("joined").isEmpty());
    // The upgrade request, hello, join and say in one write: the join and the say wait
    // behind the hello (which waits for Redis), in order.
    QByteArray frames;
    for (const QByteArray &json :
         {QByteArray(R"({"type":"hello","id":"h","nick":"eager"})"),
          QByteArray(R"({"type":"join","id":"j","room":"lab"})"),
          QByteArray(R"({"type":"say","id":"s1","room":"lab","text":"first words"})")}) {
        duplex::ws::FrameHeader h;
        h.opcode = quint8(duplex::ws::Opcode::Text);
        h.masked = true;
        h.maskKey = 0x11223344;
        h.payloadLength = quint64(json.size());
        frames += duplex::ws::encodeHeader(h) + duplex::ws::applyMask(json, h.maskKey);
    }
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, cluster.at(0)->port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n"
              + frames);
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += raw.readAll()).contains(R"("re":"s1")"), 10000);
    const qsizetype welcome = got.indexOf(R"("type":"welcome")");
    const qsizetype joined = got.indexOf(R"("type":"joined","re":"j")");
    const qsizetype said = got.indexOf(R"("re":"s1")");
    QVERIFY2(welcome > 0 && joined > welcome && said > joined, got.constData());
    QVERIFY(!got.contains(R"("type":"error")"));
    const QJsonObject m = bob->take("message", 10000);
    QCOMPARE(m.value("from").toString(), QStringLiteral("eager"));
    QCOMPARE(m.value("text").toString(), QStringLiteral("first words"));
}

void TestRedisSessions::pipelinedHelloOverPollingOnARedisNode()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    auto bob = cluster.at(1)->client(QStringLiteral("bob"));
    QVERIFY(bob);
    // hello, join and say in one poll's `send`: the same waiting, over HTTP; the welcome and
    // the replies come with the following polls, in order.
    PollTestClient pat(cluster.at(0)->port());
    pat.poll(QJsonArray {obj({{"type", "hello"}, {"id", "h"}, {"nick", "pat"}, {"agent", "tst"}}),
                         obj({{"type", "join"}, {"id", "j"}, {"room", "general"}}),
                         sayRequest("s1", "polled words")});
    QCOMPARE(pat.take("welcome", 10000).value("nick").toString(), QStringLiteral("pat"));
    const QJsonObject ack = pat.take(
        [](const QJsonObject &o) {
            return o.value("type").toString() == "message" && o.value("re").toString() == "s1";
        },
        10000);
    QCOMPARE(ack.value("text").toString(), QStringLiteral("polled words"));
    for (const QJsonObject &f : std::as_const(pat.all))
        QVERIFY2(f.value("type").toString() != "error", qPrintable(QJsonDocument(f).toJson()));
    const QJsonObject heard = bob->take("message", 10000);
    QCOMPARE(heard.value("from").toString(), QStringLiteral("pat"));
    QCOMPARE(heard.value("text").toString(), QStringLiteral("polled words"));
}

void TestRedisSessions::redisDownDuringHello()
{
    Cluster cluster;
    auto ada = cluster.startWith(1, QStringLiteral("ada"));
    QVERIFY(ada);
    TestServer *node = cluster.at(0);
    const QString token = ada->welcome.value("session").toString();
    ada->socket.abort(); // a drop: her session waits here for its resume
    QTRY_COMPARE_WITH_TIMEOUT(node->chat->clientCount(), 0, 10000);
    QVERIFY(cluster.stopRedis());

    // A new session needs the nick's lease: without Redis nobody knows it is free.
    ChatTestClient zed;
    QVERIFY(zed.open(node->port()));
    zed.send(hello(QStringLiteral("zed")));
    const QJsonObject refused = answer(zed);
    QCOMPARE(refused.value("code").toString(), QStringLiteral("internal"));
    QVERIFY(refused.value("message").toString().contains(QLatin1String("Redis")));
    QVERIFY(!zed.disconnected); // it may try again on this connection
    // A token this server does not know: not a new session on guesswork either.
    ChatTestClient stranger;
    QVERIFY(stranger.open(node->port()));
    stranger.send(
        hello(QStringLiteral("stranger"), QStringLiteral("00112233445566778899aabbccddeeff")));
    QCOMPARE(answer(stranger).value("code").toString(), QStringLiteral("internal"));
    // A session this server holds resumes without Redis.
    ChatTestClient back;
    QVERIFY(back.open(node->port()));
    QVERIFY(back.hello(QStringLiteral("ada"), token));
    QCOMPARE(back.welcome.value("session").toString(), token);

    // Redis back (empty): the same connection's hello now succeeds, and the session here
    // holds its nick again in the new Redis (reasserted on connect).
    QVERIFY(cluster.restartRedis());
    zed.send(hello(QStringLiteral("zed")));
    QCOMPARE(answer(zed).value("type").toString(), QStringLiteral("welcome"));
    TestServer *other = cluster.add();
    QVERIFY(other);
    QVERIFY(!welcomedAs(other->port(), QStringLiteral("ada")));
}

void TestRedisSessions::clientRetriesWhileRedisIsDown()
{
    Cluster cluster;
    QVERIFY(cluster.start(1));
    TestServer *node = cluster.at(0);
    QVERIFY(cluster.stopRedis());

    // The Qt client's first hello gets `internal`: not a refusal. It does not give up (no
    // failure dialog), it tries again with its backoff and its status bar says why.
    duplex::client::ClientSession::Config config;
    config.backoffInitialMs = 200;
    config.backoffMaxMs = 1000;
    config.agent = QStringLiteral("tst_redis_sessions");
    duplex::client::ClientSession session(config);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    duplex::client::ChatState state(&session);
    duplex::client::MainWindow window(&state, &settings);
    window.resize(900, 500);
    window.show();
    QSignalSpy failed(&session, &duplex::client::ClientSession::connectionFailed);
    QSignalSpy states(&session, &duplex::client::ClientSession::stateChanged);
    window.connectTo(QList<QUrl> {node->url()}, QStringLiteral("ada"));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), duplex::client::ClientSession::State::Reconnecting,
                              10000);
    QVERIFY2(session.retryReason().contains(QLatin1String("Redis")),
             qPrintable(session.retryReason()));
    auto *reconnect = window.findChild<QLabel *>(QStringLiteral("reconnectLabel"));
    QVERIFY(reconnect);
    QTRY_VERIFY2(reconnect->isVisible() && reconnect->text().contains(QLatin1String("Redis")),
                 qPrintable(reconnect->text()));
    if (const QByteArray shots = qgetenv("DUPLEX_SCREENSHOT_DIR"); !shots.isEmpty())
        window.grab().save(
            QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("client-redis-down.png")));
    // Again and again (each try is answered the same way), never Disconnected.
    const auto tries = [&] {
        int n = 0;
        for (const QList<QVariant> &args : std::as_const(states))
            n += args.at(0).value<duplex::client::ClientSession::State>()
                    == duplex::client::ClientSession::State::Handshaking
                ? 1
                : 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(tries() >= 3, 15000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(session.state() != duplex::client::ClientSession::State::Disconnected);

    // Redis back: the next try is welcomed.
    QVERIFY(cluster.restartRedis());
    QTRY_VERIFY_WITH_TIMEOUT(session.isSynchronized(), 20000);
    QCOMPARE(session.nick(), QStringLiteral("ada"));
    QVERIFY(session.retryReason().isEmpty());
    QCOMPARE(failed.count(), 0);
}

QTEST_MAIN(TestRedisSessions)
#include "tst_redis_sessions.moc"
