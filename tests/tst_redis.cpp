// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Several servers sharing rooms through a real redis-server (issue 17): one gapless order
// for every client of every process, resend dedup across processes, and a Redis that goes
// away (clients stay, sends get `internal`) and comes back empty (a new epoch; seq goes on
// from the highest known, never backwards).

#include "chattestclient.h"
#include "clusterfixture.h"

#include <QtTest>

#include <map>
#include <memory>
#include <vector>

using namespace duplex::server;
using namespace duplex::test;

class TestRedis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneOrderAcrossServers_data();
    void oneOrderAcrossServers();
    void resendIsDedupedAcrossServers();
    void redisDownThenBackEmpty();
    void nickIsUniqueAcrossServers();
    void countsPresenceAndNoticesAcrossServers();
    void laterServerBackfillsFromTheStream();
    void killedServersClientsResumeElsewhere();
};

namespace {

QJsonObject say(const QString &id, const QString &text, const QString &room = "general")
{
    return sayRequest(id, text, room);
}

} // namespace

void TestRedis::oneOrderAcrossServers_data()
{
    QTest::addColumn<int>("servers");
    QTest::newRow("two") << 2;
    QTest::newRow("three") << 3;
}

void TestRedis::oneOrderAcrossServers()
{
    QFETCH(int, servers);
    Cluster cluster;
    QVERIFY(cluster.start(servers));
    std::vector<std::unique_ptr<ChatTestClient>> clients;
    for (int i = 0; i < servers; ++i) {
        clients.push_back(cluster.at(i)->client(QStringLiteral("user%1").arg(i)));
        QVERIFY(clients.back());
    }
    constexpr int Each = 40;
    // Interleaved: every client sends its k-th message before anyone sends a (k+1)-th.
    for (int k = 0; k < Each; ++k) {
        for (int i = 0; i < servers; ++i)
            clients[size_t(i)]->send(
                say(QStringLiteral("m%1").arg(k), QStringLiteral("user%1 %2").arg(i).arg(k)));
    }
    QList<QStringList> orders;
    for (int i = 0; i < servers; ++i) {
        ChatTestClient &c = *clients[size_t(i)];
        QStringList order;
        std::map<QString, int> nextOf; // sender -> the k it must send next
        for (int n = 0; n < servers * Each; ++n) {
            const QJsonObject m = c.take("message", 20000);
            QVERIFY2(!m.isEmpty(),
                     qPrintable(QStringLiteral("client %1 got %2 of %3 messages")
                                    .arg(i)
                                    .arg(n)
                                    .arg(servers * Each)));
            QCOMPARE(m.value("seq").toInteger(), qint64(n + 1)); // gapless, nothing doubled
            QVERIFY(!m.value("dup").toBool());
            const QString from = m.value("from").toString();
            const QString text = m.value("text").toString();
            // Each sender's messages in the order it sent them.
            QCOMPARE(text, QStringLiteral("%1 %2").arg(from).arg(nextOf[from]++));
            // The sender's own copy carries its request id, the others' copies none.
            QCOMPARE(m.value("re").toString(),
                     from == QStringLiteral("user%1").arg(i)
                         ? QStringLiteral("m%1").arg(nextOf[from] - 1)
                         : QString());
            order.append(text);
        }
        orders.append(order);
    }
    for (int i = 1; i < servers; ++i)
        QCOMPARE(orders.at(i), orders.at(0)); // one order for everyone
    // A client that joins later on any server gets the same history (each server keeps a
    // copy of what came through Redis).
    auto late = cluster.nodes.back()->client(QStringLiteral("late"));
    QVERIFY(late);
    late->send(obj({{"type", "history"}, {"id", "h"}, {"room", "general"}, {"limit", 200}}));
    const QJsonArray history = late->take("history").value("messages").toArray();
    QCOMPARE(history.size(), servers * Each);
    for (int n = 0; n < history.size(); ++n)
        QCOMPARE(history.at(n).toObject().value("text").toString(), orders.at(0).at(n));
}

void TestRedis::resendIsDedupedAcrossServers()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    auto ada = one->client(QStringLiteral("ada"));
    auto bob = two->client(QStringLiteral("bob"));
    QVERIFY(ada && bob);
    ada->send(say("r1", "hello"));
    QJsonObject first = ada->take("message");
    QCOMPARE(first.value("seq").toInteger(), 1);
    QCOMPARE(first.value("re").toString(), QStringLiteral("r1"));
    QCOMPARE(bob->take("message").value("seq").toInteger(), 1);

    // Ada's connection drops before she saw the ack; she reconnects to the other server
    // and sends the same message again.
    ada->socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(one->chat->clientCount(), 0, 10000);
    auto ada2 = two->client(QStringLiteral("ada"));
    QVERIFY(ada2);
    ada2->send(say("r1", "hello"));
    const QJsonObject again = ada2->take("message");
    QCOMPARE(again.value("seq").toInteger(), 1);
    QVERIFY(again.value("dup").toBool());
    QCOMPARE(again.value("re").toString(), QStringLiteral("r1"));
    QCOMPARE(again.value("text").toString(), QStringLiteral("hello"));
    // The same id with another text is a new message; that it is seq 2 shows the resend
    // made none (and Bob gets it as his second message, nothing in between).
    ada2->send(say("r1", "hello again"));
    QCOMPARE(ada2->take("message").value("seq").toInteger(), 2);
    const QJsonObject bobs = bob->take("message");
    QCOMPARE(bobs.value("seq").toInteger(), 2);
    QCOMPARE(bobs.value("text").toString(), QStringLiteral("hello again"));
}

void TestRedis::redisDownThenBackEmpty()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    auto ada = one->client(QStringLiteral("ada"));
    auto bob = two->client(QStringLiteral("bob"));
    QVERIFY(ada && bob);
    for (int i = 1; i <= 3; ++i) {
        ada->send(say(QStringLiteral("a%1").arg(i), QStringLiteral("before %1").arg(i)));
        QCOMPARE(ada->take("message").value("seq").toInteger(), i);
        QCOMPARE(bob->take("message").value("seq").toInteger(), i);
    }

    QVERIFY(cluster.stopRedis());
    // Down: a send gets `internal`, nobody is disconnected.
    ada->send(say("down", "lost?"));
    QVERIFY(!ada->takeError("internal").isEmpty());
    QVERIFY(ada->barrier() && bob->barrier());
    QVERIFY(!ada->disconnected && !bob->disconnected);
    QCOMPARE(bob->count("message"), 0);

    // Back, empty: each room starts a new epoch after the highest seq the sender knows.
    QVERIFY(cluster.restartRedis());
    bob->send(say("b1", "after"));
    for (ChatTestClient *c : {ada.get(), bob.get()}) {
        const QJsonObject m = c->take("message", 10000);
        QCOMPARE(m.value("seq").toInteger(), 4); // never backwards, no gap
        QCOMPARE(m.value("text").toString(), QStringLiteral("after"));
    }
    ada->send(say("a4", "and on"));
    for (ChatTestClient *c : {ada.get(), bob.get()})
        QCOMPARE(c->take("message", 10000).value("seq").toInteger(), 5);
}

void TestRedis::nickIsUniqueAcrossServers()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    auto bob = two->client(QStringLiteral("bob"));
    QVERIFY(bob);
    auto ada = one->client(QStringLiteral("ada"));
    QVERIFY(ada);
    // Bob sees Ada join through the other server. Her nick is taken there because its
    // lease in Redis is her session's (not because of the presence).
    const QJsonObject joined = bob->take("presence");
    QCOMPARE(joined.value("nick").toString(), QStringLiteral("ada"));
    QCOMPARE(joined.value("event").toString(), QStringLiteral("join"));

    ChatTestClient twin;
    QVERIFY(twin.open(two->port()));
    twin.send(obj({{"type", "hello"}, {"id", "h1"}, {"nick", "ADA"}, {"agent", "tst"}}));
    QVERIFY(!twin.takeError("nick_taken").isEmpty()); // any case, on any server

    // A clean close frees it everywhere at once: the close releases the nick's lease in
    // Redis, so once server one has processed it the next hello on server two just
    // succeeds (no retry, no clock).
    ada->socket.close(QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE_WITH_TIMEOUT(one->chat->clientCount(), 0, 10000);
    ChatTestClient again;
    QVERIFY(again.open(two->port()));
    again.send(obj({{"type", "hello"}, {"id", "h"}, {"nick", "ada"}, {"agent", "tst"}}));
    const QJsonObject answer = again.take([](const QJsonObject &o) {
        const QString t = o.value("type").toString();
        return t == QLatin1String("welcome") || t == QLatin1String("error");
    });
    QCOMPARE(answer.value("type").toString(), QStringLiteral("welcome"));
    QCOMPARE(answer.value("nick").toString(), QStringLiteral("ada"));
}

void TestRedis::countsPresenceAndNoticesAcrossServers()
{
    Cluster cluster;
    auto ada = cluster.startWith(2, QStringLiteral("ada"));
    QVERIFY(ada);
    TestServer *one = cluster.at(0), *two = cluster.at(1);
    auto bob = two->client(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(ada->take("presence").value("nick").toString(), QStringLiteral("bob"));
    // The room list counts the whole cluster, from either server (once server two has
    // heard of Ada: her state may still be on its way).
    const auto generalOnTwo = [&] {
        for (const RoomInfo &r : two->chat->rooms()) {
            if (r.name == QLatin1String("general"))
                return r.count;
        }
        return 0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(generalOnTwo(), 2, 10000);
    bob->send(obj({{"type", "rooms"}, {"id", "r"}}));
    const QJsonArray rooms = bob->take("rooms").value("rooms").toArray();
    QCOMPARE(rooms.size(), 1);
    QCOMPARE(rooms.at(0).toObject().value("members").toInt(), 2);
    // So does a newcomer's `joined`, with the members of both servers.
    bob->send(obj({{"type", "join"}, {"id", "j"}, {"room", "lab"}}));
    QCOMPARE(bob->take("joined").value("count").toInt(), 1);
    // Server one hears of it through Redis (its room list shows Bob in lab).
    const auto labOnOne = [&] {
        for (const RoomInfo &r : one->chat->rooms()) {
            if (r.name == QLatin1String("lab"))
                return r.members.size();
        }
        return qsizetype(0);
    };
    QTRY_COMPARE_WITH_TIMEOUT(labOnOne(), qsizetype(1), 10000);
    ada->send(obj({{"type", "join"}, {"id", "j"}, {"room", "lab"}}));
    const QJsonObject adaJoined = ada->take("joined");
    QCOMPARE(adaJoined.value("count").toInt(), 2);
    QCOMPARE(adaJoined.value("members").toArray().size(), 2);
    QCOMPARE(bob->take("presence").value("nick").toString(), QStringLiteral("ada"));
    // Notices from one server's window reach the other server's clients.
    QCOMPARE(one->chat->sendNotice(QStringLiteral("lab closes at 5"),
                                   NoticeTarget {NoticeTarget::Kind::Room, "lab", 0}),
             1);
    const QJsonObject roomNotice = bob->take("notice");
    QCOMPARE(roomNotice.value("text").toString(), QStringLiteral("lab closes at 5"));
    QCOMPARE(roomNotice.value("room").toString(), QStringLiteral("lab"));
    QCOMPARE(ada->take("notice").value("text").toString(), QStringLiteral("lab closes at 5"));
    two->chat->sendNotice(QStringLiteral("hands up"), NoticeTarget {});
    QCOMPARE(ada->take("notice").value("text").toString(), QStringLiteral("hands up"));
    // Bob leaves: Ada on the other server sees it.
    bob->send(obj({{"type", "leave"}, {"id", "l"}, {"room", "lab"}}));
    const QJsonObject left = ada->take([](const QJsonObject &o) {
        return o.value("type").toString() == "presence" && o.value("room").toString() == "lab";
    });
    QCOMPARE(left.value("event").toString(), QStringLiteral("leave"));
    QCOMPARE(left.value("nick").toString(), QStringLiteral("bob"));
}

void TestRedis::laterServerBackfillsFromTheStream()
{
    Cluster cluster;
    auto ada = cluster.startWith(1, QStringLiteral("ada"));
    QVERIFY(ada);
    for (int i = 1; i <= 5; ++i) {
        ada->send(say(QStringLiteral("a%1").arg(i), QStringLiteral("early %1").arg(i)));
        QCOMPARE(ada->take("message").value("seq").toInteger(), i);
    }
    // A server started later had none of it: its join's history is read from the room's
    // stream (all five), the next message comes live after them, and its copy of the
    // history is complete.
    TestServer *two = cluster.add();
    QVERIFY(two);
    ChatTestClient bob;
    QVERIFY(bob.open(two->port()));
    bob.send(obj({{"type", "hello"}, {"id", "h0"}, {"nick", "bob"}}));
    QVERIFY(!bob.take("joined", 10000).isEmpty());
    const QJsonArray joinHistory = bob.take("history", 10000).value("messages").toArray();
    QCOMPARE(joinHistory.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(joinHistory.at(i).toObject().value("seq").toInteger(), i + 1);
    ada->send(say("a6", "late"));
    QCOMPARE(bob.take("message", 10000).value("seq").toInteger(), 6);
    QVERIFY(bob.barrier());
    QCOMPARE(bob.count("message"), 0);
    bob.send(obj({{"type", "history"}, {"id", "h"}, {"room", "general"}}));
    const QJsonArray history = bob.take("history").value("messages").toArray();
    QCOMPARE(history.size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(history.at(i).toObject().value("seq").toInteger(), i + 1);
}

void TestRedis::killedServersClientsResumeElsewhere()
{
    RedisServer redis;
    QVERIFY(redis.start());
    Headless a(redis.url(), QStringLiteral("A"));
    Headless b(redis.url(), QStringLiteral("B"));
    QVERIFY2(a.port && b.port, qPrintable(a.log + b.log));
    auto ada = connectClient(a.port, QStringLiteral("ada"));
    auto bob = connectClient(b.port, QStringLiteral("bob"));
    QVERIFY(ada && bob);
    const QString token = ada->welcome.value("session").toString();
    QVERIFY(!token.isEmpty());
    // Bob seeing Ada join means server B has heard of server A. Her session (token, nick,
    // rooms) is a key in Redis, which server B reads when she resumes there.
    QCOMPARE(ada->take("presence").value("nick").toString(), QStringLiteral("bob"));

    // Ada sends 40 messages; server A dies (kill -9) once she has 10 acks, with more in
    // flight.
    constexpr int Total = 40;
    for (int i = 0; i < Total; ++i)
        ada->send(say(QStringLiteral("m%1").arg(i), QStringLiteral("ada %1").arg(i)));
    QSet<QString> acked;
    qint64 lastSeen = 0;
    while (acked.size() < 10) {
        const QJsonObject m = ada->take("message", 10000);
        QVERIFY(!m.isEmpty());
        acked.insert(m.value("re").toString());
        lastSeen = m.value("seq").toInteger();
    }
    a.process.kill();
    QVERIFY(a.process.waitForFinished(10000));
    QVERIFY(ada->waitDisconnected(10000));
    for (const QJsonObject &m : std::as_const(ada->frames)) {
        if (m.value("type").toString() == "message") { // acks that came before the kill
            acked.insert(m.value("re").toString());
            lastSeen = qMax(lastSeen, m.value("seq").toInteger());
        }
    }

    // She resumes on server B with her token: same nick, her rooms back, then she catches
    // up by seq and resends what was not acknowledged, with the same ids.
    ChatTestClient again;
    QVERIFY(again.open(b.port));
    QVERIFY(again.hello(QStringLiteral("ada"), token));
    QCOMPARE(again.welcome.value("nick").toString(), QStringLiteral("ada"));
    QCOMPARE(again.welcome.value("session").toString(), token);
    QCOMPARE(again.take("joined").value("room").toString(), QStringLiteral("general"));
    again.send(obj({{"type", "history"},
                    {"id", "h"},
                    {"room", "general"},
                    {"after", lastSeen},
                    {"limit", 200}}));
    for (const QJsonValue &v : again.take("history").value("messages").toArray())
        acked.insert(QStringLiteral("m%1").arg(v.toObject().value("text").toString().mid(4)));
    for (int i = 0; i < Total; ++i) {
        const QString id = QStringLiteral("m%1").arg(i);
        if (!acked.contains(id))
            again.send(say(id, QStringLiteral("ada %1").arg(i)));
    }
    // Bob has every message exactly once, in one gapless order; nothing acknowledged lost.
    QSet<QString> texts;
    qint64 expected = 1;
    while (texts.size() < Total) {
        const QJsonObject m = bob->take("message", 15000);
        QVERIFY2(!m.isEmpty(),
                 qPrintable(QStringLiteral("Bob has %1 of %2").arg(texts.size()).arg(Total)));
        QCOMPARE(m.value("seq").toInteger(), expected++);
        const QString text = m.value("text").toString();
        QVERIFY2(!texts.contains(text), qPrintable(text));
        texts.insert(text);
    }
    QVERIFY(again.barrier());
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count("message"), 0);
}

QTEST_GUILESS_MAIN(TestRedis)
#include "tst_redis.moc"
