// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// `history` read from the room's Redis stream (issue 17): a server started after the
// messages were said answers with all of them at once; `after`, `before` and `limit` give
// exactly what a single-process server gives for the same messages; the history of a join
// and the live messages after it fit together (no gap, nothing twice, in order) while
// others keep sending on two servers; pipelined requests are answered in order; with Redis
// gone, `history` answers from the server's own copy and nobody is disconnected.

#include "chattestclient.h"
#include "clusterfixture.h"
#include "polltestclient.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <csignal>

#include <memory>
#include <vector>

using namespace duplex::server;
using namespace duplex::test;

namespace {

QJsonObject say(const QString &id, const QString &text, const QString &room = "general")
{
    return sayRequest(id, text, room);
}

/// The seqs of a history reply or of a list of message frames.
QList<qint64> seqsOf(const QJsonArray &messages)
{
    QList<qint64> out;
    for (const QJsonValue &v : messages)
        out.append(v.toObject().value("seq").toInteger());
    return out;
}

/// "seq from text" per message: what must agree between two servers (ts differs).
QStringList contentOf(const QJsonArray &messages)
{
    QStringList out;
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        out.append(QStringLiteral("%1 %2 %3")
                       .arg(m.value("seq").toInteger())
                       .arg(m.value("from").toString(), m.value("text").toString()));
    }
    return out;
}

/// The client has received the room message with that seq.
bool hasMessage(const ChatTestClient &c, qint64 seq)
{
    for (const QJsonObject &f : c.frames) {
        if (f.value("type").toString() == QLatin1String("message")
            && f.value("seq").toInteger() == seq)
            return true;
    }
    return false;
}

/// `c` says "hi 1" to "hi n" (ids a1 to an) in general: true once it has all n back (10 s).
bool saysHi(ChatTestClient &c, int n)
{
    for (int i = 1; i <= n; ++i)
        c.send(say(QStringLiteral("a%1").arg(i), QStringLiteral("hi %1").arg(i)));
    return QTest::qWaitFor([&] { return c.count("message") == n; }, 10000);
}

/// A welcomed client (welcome only consumed; its joined + history stay in `frames`).
std::unique_ptr<ChatTestClient> welcomed(quint16 port, const QString &nick)
{
    auto c = std::make_unique<ChatTestClient>();
    if (!c->open(port))
        return nullptr;
    c->send(obj({{"type", "hello"}, {"id", "hi"}, {"nick", nick}}));
    if (c->take("welcome", 10000).isEmpty())
        return nullptr;
    return c;
}

/// Asks `history` and returns the reply's messages (waits for the reply with that re).
QJsonArray askHistory(ChatTestClient &c, QJsonObject request, const QString &id)
{
    request.insert("type", "history");
    request.insert("id", id);
    if (!request.contains("room"))
        request.insert("room", "general");
    c.send(request);
    return c
        .take(
            [&id](const QJsonObject &o) {
                return o.value("type").toString() == QLatin1String("history")
                    && o.value("re").toString() == id;
            },
            10000)
        .value("messages")
        .toArray();
}

} // namespace

class TestRedisHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laterServerAnswersWithEverything();
    void pagingAgreesWithOneProcess_data();
    void pagingAgreesWithOneProcess();
    void historyAndLiveFitUnderConcurrentSenders();
    void pipelinedRequestsKeepTheirOrder();
    void redisDownAnswersFromTheLocalCopy();
    void pollingClientGetsTheStreamHistory();
    void kickedWhileWaitingGetsWhatWasHeld();
    void cleanupTestCase();

private:
    /// One cluster and one single-process server with the same 250 messages (built by the
    /// first row of pagingAgreesWithOneProcess, kept for the others).
    struct Paging {
        Cluster cluster;
        TestServer single {TestServer::unlimited()};
        std::unique_ptr<ChatTestClient> atSingle, atLater, atWiped;
        int queries = 0;
    };
    std::unique_ptr<Paging> m_paging;
};

void TestRedisHistory::laterServerAnswersWithEverything()
{
    Cluster cluster;
    auto ada = cluster.startWith(1, QStringLiteral("ada"));
    QVERIFY(ada);
    ada->send(obj({{"type", "join"}, {"id", "j"}, {"room", "quiet"}}));
    QVERIFY(!ada->take("history").isEmpty());
    for (int i = 1; i <= 30; ++i)
        ada->send(say(QStringLiteral("a%1").arg(i), QStringLiteral("early %1").arg(i)));
    for (int i = 1; i <= 7; ++i)
        ada->send(say(QStringLiteral("q%1").arg(i), QStringLiteral("quiet %1").arg(i), "quiet"));
    QTRY_COMPARE_WITH_TIMEOUT(ada->count("message"), 37, 10000);

    // A server started now: a student joining there sees all 30 at once, in order, before
    // anyone speaks again.
    TestServer *later = cluster.add();
    QVERIFY(later);
    auto bob = welcomed(later->port(), QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(bob->take("joined", 10000).value("room").toString(), QStringLiteral("general"));
    const QJsonObject joinHistory = bob->take("history", 10000);
    QCOMPARE(joinHistory.value("re").toString(), QStringLiteral("hi"));
    const QJsonArray messages = joinHistory.value("messages").toArray();
    QCOMPARE(messages.size(), 30);
    for (int i = 0; i < 30; ++i) {
        const QJsonObject m = messages.at(i).toObject();
        QCOMPARE(m.value("seq").toInteger(), i + 1);
        QCOMPARE(m.value("from").toString(), QStringLiteral("ada"));
        QCOMPARE(m.value("text").toString(), QStringLiteral("early %1").arg(i + 1));
    }
    // Nothing of it comes again as a live message.
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count("message"), 0);
    // A history request, and one for a room nobody on this server is in.
    QCOMPARE(seqsOf(askHistory(*bob, obj({{"limit", 200}}), "h1")).size(), 30);
    const QJsonArray quiet = askHistory(*bob, obj({{"room", "quiet"}}), "h2");
    QCOMPARE(quiet.size(), 7);
    QCOMPARE(quiet.at(6).toObject().value("text").toString(), QStringLiteral("quiet 7"));
    // Its own copy is filled from the stream too (transcripts, the window), also for the
    // room nobody joined here.
    QTRY_COMPARE_WITH_TIMEOUT(later->store->lastSeq("general"), 30, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(later->store->lastSeq("quiet"), 7, 10000);
    QCOMPARE(later->store->history("quiet", std::nullopt, std::nullopt, 200).size(), 7);

    // The next message comes live, right after the history.
    ada->send(say("a31", "now"));
    const QJsonObject live = bob->take("message", 10000);
    QCOMPARE(live.value("seq").toInteger(), 31);
    QCOMPARE(live.value("text").toString(), QStringLiteral("now"));
}

void TestRedisHistory::pagingAgreesWithOneProcess_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<int>("expected"); // how many messages the single process gives
    // 250 messages, seq 1..250.
    QTest::newRow("no fields: newest 50") << QJsonObject {} << 50;
    QTest::newRow("limit 1") << obj({{"limit", 1}}) << 1;
    QTest::newRow("limit 7") << obj({{"limit", 7}}) << 7;
    QTest::newRow("limit 200 (the cap)") << obj({{"limit", 200}}) << 200;
    QTest::newRow("after 0: oldest 50") << obj({{"after", 0}}) << 50;
    QTest::newRow("after 0 limit 200") << obj({{"after", 0}, {"limit", 200}}) << 200;
    QTest::newRow("after 100 limit 10") << obj({{"after", 100}, {"limit", 10}}) << 10;
    QTest::newRow("after 245") << obj({{"after", 245}}) << 5;
    QTest::newRow("after 250") << obj({{"after", 250}}) << 0;
    QTest::newRow("after 9000") << obj({{"after", 9000}}) << 0;
    QTest::newRow("before 0") << obj({{"before", 0}}) << 0;
    QTest::newRow("before 1") << obj({{"before", 1}}) << 0;
    QTest::newRow("before 2") << obj({{"before", 2}}) << 1;
    QTest::newRow("before 100") << obj({{"before", 100}}) << 50;
    QTest::newRow("before 100 limit 3") << obj({{"before", 100}, {"limit", 3}}) << 3;
    QTest::newRow("before 9000 limit 20") << obj({{"before", 9000}, {"limit", 20}}) << 20;
    QTest::newRow("after 10 before 20") << obj({{"after", 10}, {"before", 20}}) << 9;
    QTest::newRow("after 10 before 11") << obj({{"after", 10}, {"before", 11}}) << 0;
    QTest::newRow("after 10 before 12") << obj({{"after", 10}, {"before", 12}}) << 1;
    QTest::newRow("after 10 before 200 limit 5")
        << obj({{"after", 10}, {"before", 200}, {"limit", 5}}) << 5;
    QTest::newRow("after 20 before 10") << obj({{"after", 20}, {"before", 10}}) << 0;
    QTest::newRow("unknown room") << obj({{"room", "nowhere"}}) << 0;
}

void TestRedisHistory::pagingAgreesWithOneProcess()
{
    QFETCH(QJsonObject, request);
    QFETCH(int, expected);
    constexpr int Said = 250;
    if (!m_paging) {
        auto p = std::make_unique<Paging>();
        QVERIFY(p->cluster.start(1));
        QVERIFY(p->single.start());
        // The same messages, from the same nick, on both.
        for (TestServer *s : {p->cluster.at(0), &p->single}) {
            auto ada = s->client(QStringLiteral("ada"));
            QVERIFY(ada);
            for (int i = 1; i <= Said; ++i)
                ada->send(say(QStringLiteral("m%1").arg(i), QStringLiteral("text %1").arg(i)));
            QTRY_COMPARE_WITH_TIMEOUT(ada->count("message"), Said, 20000);
        }
        // Asked on a server started afterwards, and on the writer once its own copy is
        // gone (so the answer can only come from the stream).
        TestServer *later = p->cluster.add();
        QVERIFY(later);
        p->atSingle = p->single.client(QStringLiteral("q1"));
        p->atLater = later->client(QStringLiteral("q2"));
        p->atWiped = p->cluster.at(0)->client(QStringLiteral("q3"));
        QVERIFY(p->atSingle && p->atLater && p->atWiped);
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("wipe"));
            db.setDatabaseName(p->cluster.at(0)->dir.filePath(QStringLiteral("history.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM messages")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("wipe"));
        QCOMPARE(p->cluster.at(0)->store->history("general").size(), 0);
        m_paging = std::move(p);
    }
    Paging &p = *m_paging;
    const QString id = QStringLiteral("p%1").arg(++p.queries);
    const QJsonArray single = askHistory(*p.atSingle, request, id);
    QCOMPARE(single.size(), expected);
    const QList<qint64> seqs = seqsOf(single);
    QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
    QCOMPARE(contentOf(askHistory(*p.atLater, request, id)), contentOf(single));
    QCOMPARE(contentOf(askHistory(*p.atWiped, request, id)), contentOf(single));
}

void TestRedisHistory::historyAndLiveFitUnderConcurrentSenders()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    // Two senders on each server, and a watcher that tells how far the room got.
    std::vector<std::unique_ptr<ChatTestClient>> senders;
    for (int i = 0; i < 4; ++i) {
        senders.push_back(cluster.at(i % 2)->client(QStringLiteral("s%1").arg(i)));
        QVERIFY(senders.back());
        senders.back()->send(obj({{"type", "join"}, {"id", "j"}, {"room", "busy"}}));
        QVERIFY(!senders.back()->take("history").isEmpty());
    }
    // Joiners wait in `general` and join `busy` while it is busiest, each on its server.
    constexpr int Joiners = 6;
    std::vector<std::unique_ptr<ChatTestClient>> joiners;
    for (int i = 0; i < Joiners; ++i) {
        joiners.push_back(cluster.at(i % 2)->client(QStringLiteral("j%1").arg(i)));
        QVERIFY(joiners.back());
    }
    // A member that catches up with `history after` in the middle of it.
    auto member = cluster.at(1)->client(QStringLiteral("member"));
    QVERIFY(member);
    member->send(obj({{"type", "join"}, {"id", "j"}, {"room", "busy"}}));
    QVERIFY(!member->take("history").isEmpty());

    // Rounds of 16 messages (4 per sender), at most two rounds in flight; a joiner joins
    // (and speaks at once: its own message must come after its history too) every fifth
    // round, and the member asks `history after` what it has seen, mid-way.
    constexpr int Rounds = 40;
    constexpr int PerSender = 4;
    constexpr int Total = Rounds * 4 * PerSender;
    ChatTestClient &watcher = *senders[0];
    auto seen = [&watcher] {
        qint64 top = 0;
        for (const QJsonObject &f : std::as_const(watcher.frames))
            top = qMax(top, f.value("seq").toInteger());
        return top;
    };
    int joined = 0;
    bool memberAsked = false;
    qint64 memberAskedAfter = 0;
    for (int r = 0; r < Rounds; ++r) {
        for (int k = 0; k < PerSender; ++k) {
            for (int i = 0; i < 4; ++i)
                senders[size_t(i)]->send(say(QStringLiteral("m%1-%2").arg(r).arg(k),
                                             QStringLiteral("s%1 %2").arg(i).arg(r * PerSender + k),
                                             "busy"));
        }
        if (r % 5 == 2 && joined < Joiners) {
            ChatTestClient &j = *joiners[size_t(joined)];
            j.send(obj({{"type", "join"}, {"id", "jb"}, {"room", "busy"}}));
            j.send(say(QStringLiteral("own"), QStringLiteral("j%1 here").arg(joined), "busy"));
            ++joined;
        }
        if (r == Rounds / 2) {
            for (const QJsonObject &f : std::as_const(member->frames))
                memberAskedAfter = qMax(memberAskedAfter, f.value("seq").toInteger());
            member->send(obj({{"type", "history"},
                              {"id", "catch"},
                              {"room", "busy"},
                              {"after", memberAskedAfter},
                              {"limit", 200}}));
            memberAsked = true;
        }
        if (r > 0)
            QTRY_VERIFY_WITH_TIMEOUT(seen() >= r * 4 * PerSender, 20000);
    }
    QCOMPARE(joined, Joiners);
    QVERIFY(memberAsked);
    const qint64 last = Total + Joiners; // every sender's and every joiner's message

    for (int i = 0; i < Joiners; ++i) {
        ChatTestClient &c = *joiners[size_t(i)];
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(c, last), 30000);
        // joined, then the history, then live messages: one gapless run, each seq once.
        qsizetype at = 0;
        auto next = [&c, &at](const QString &room) {
            while (at < c.frames.size()) {
                const QJsonObject f = c.frames.at(at++);
                if (f.value("room").toString() == room
                    && (f.value("type").toString() == "message"
                        || f.value("type").toString() == "history"
                        || f.value("type").toString() == "joined"))
                    return f;
            }
            return QJsonObject();
        };
        QCOMPARE(next("busy").value("type").toString(), QStringLiteral("joined"));
        const QJsonObject history = next("busy");
        QCOMPARE(history.value("type").toString(), QStringLiteral("history"));
        QCOMPARE(history.value("re").toString(), QStringLiteral("jb"));
        QList<qint64> seqs = seqsOf(history.value("messages").toArray());
        QVERIFY2(!seqs.isEmpty(), "joined while the room was busy: its history has messages");
        bool ownSeen = false;
        for (QJsonObject m = next("busy"); !m.isEmpty(); m = next("busy")) {
            QCOMPARE(m.value("type").toString(), QStringLiteral("message"));
            seqs.append(m.value("seq").toInteger());
            if (m.value("re").toString() == QLatin1String("own")) {
                QCOMPARE(m.value("text").toString(), QStringLiteral("j%1 here").arg(i));
                ownSeen = true;
            }
        }
        QVERIFY(ownSeen);
        for (qsizetype k = 1; k < seqs.size(); ++k)
            QVERIFY2(seqs.at(k) == seqs.at(k - 1) + 1,
                     qPrintable(QStringLiteral("joiner %1: seq %2 after %3")
                                    .arg(i)
                                    .arg(seqs.at(k))
                                    .arg(seqs.at(k - 1))));
        QCOMPARE(seqs.last(), last);
    }

    // The member: every seq at least once; after its history answer, each live message is
    // the next after everything it has (live before the answer, and the answer).
    QTRY_VERIFY_WITH_TIMEOUT(hasMessage(*member, last), 30000);
    QSet<qint64> all;
    qint64 top = 0;
    bool answered = false;
    for (const QJsonObject &f : std::as_const(member->frames)) {
        const QString type = f.value("type").toString();
        if (type == "history" && f.value("re").toString() == "catch") {
            const QList<qint64> got = seqsOf(f.value("messages").toArray());
            QVERIFY(!got.isEmpty());
            QCOMPARE(got.first(), memberAskedAfter + 1);
            for (qsizetype k = 1; k < got.size(); ++k)
                QCOMPARE(got.at(k), got.at(k - 1) + 1);
            all.unite(QSet<qint64>(got.begin(), got.end()));
            top = qMax(top, got.last());
            answered = true;
        } else if (type == "message" && f.value("room").toString() == "busy") {
            const qint64 seq = f.value("seq").toInteger();
            if (answered)
                QCOMPARE(seq, top + 1); // right after everything seen, history included
            top = qMax(top, seq);
            all.insert(seq);
        }
    }
    QVERIFY(answered);
    QCOMPARE(all.size(), qsizetype(last));
}

void TestRedisHistory::pipelinedRequestsKeepTheirOrder()
{
    Cluster cluster;
    auto ada = cluster.startWith(2, QStringLiteral("ada"));
    QVERIFY(ada);
    QVERIFY(saysHi(*ada, 3));

    // Everything in one go on the other server: the replies come in the order asked.
    ChatTestClient bob;
    QVERIFY(bob.open(cluster.at(1)->port()));
    const QList<QJsonObject> requests = {
        obj({{"type", "hello"}, {"id", "1"}, {"nick", "bob"}}),
        obj({{"type", "join"}, {"id", "2"}, {"room", "side"}}),
        obj({{"type", "history"}, {"id", "3"}, {"room", "general"}, {"limit", 2}}),
        obj({{"type", "ping"}, {"id", "4"}}),
        obj({{"type", "history"}, {"id", "5"}, {"room", "general"}, {"after", 0}}),
        obj({{"type", "rooms"}, {"id", "6"}}),
        obj({{"type", "join"}, {"id", "7"}, {"room", "general"}}),
        obj({{"type", "history"}, {"id", "7h"}, {"room", "later"}}),
        obj({{"type", "join"}, {"id", "7j"}, {"room", "later"}}),
        obj({{"type", "ping"}, {"id", "8"}}),
    };
    for (const QJsonObject &r : requests)
        bob.send(r);
    QTRY_VERIFY_WITH_TIMEOUT(bob.last("pong").value("re").toString() == "8", 10000);
    QStringList replies;
    for (const QJsonObject &f : std::as_const(bob.frames)) {
        if (f.contains("re"))
            replies.append(f.value("re").toString() + ' ' + f.value("type").toString() + ' '
                           + f.value("room").toString());
    }
    QCOMPARE(replies,
             QStringList({"1 welcome ", "1 joined general", "1 history general", "2 joined side",
                          "2 history side", "3 history general", "4 pong ", "5 history general",
                          "6 rooms ", "7 joined general", "7 history general", "7h history later",
                          "7j joined later", "7j history later", "8 pong "}));
    // And each history holds what it was asked for.
    QList<QJsonObject> histories;
    for (const QJsonObject &f : std::as_const(bob.frames)) {
        if (f.value("type").toString() == "history")
            histories.append(f);
    }
    QCOMPARE(seqsOf(histories.at(0).value("messages").toArray()), QList<qint64>({1, 2, 3}));
    QCOMPARE(seqsOf(histories.at(2).value("messages").toArray()), QList<qint64>({2, 3}));
    QCOMPARE(seqsOf(histories.at(3).value("messages").toArray()), QList<qint64>({1, 2, 3}));

    // A resumed session gets joined + history for each of its rooms, in turn.
    const QString token = bob.frames.first().value("session").toString();
    QVERIFY(!token.isEmpty());
    bob.socket.abort();
    QTRY_COMPARE_WITH_TIMEOUT(cluster.at(1)->chat->clientCount(), 0, 10000);
    ChatTestClient again;
    QVERIFY(again.open(cluster.at(1)->port()));
    again.send(obj({{"type", "hello"}, {"id", "r"}, {"nick", "bob"}, {"resume", token}}));
    QVERIFY(again.barrier(10000));
    QStringList resumed;
    for (const QJsonObject &f : std::as_const(again.frames))
        resumed.append(f.value("type").toString() + ' ' + f.value("room").toString());
    QCOMPARE(resumed,
             QStringList({"welcome ", "joined general", "history general", "joined side",
                          "history side", "joined later", "history later"}));
}

void TestRedisHistory::redisDownAnswersFromTheLocalCopy()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    auto ada = cluster.at(0)->client(QStringLiteral("ada"));
    auto bob = cluster.at(1)->client(QStringLiteral("bob"));
    auto cleo = cluster.at(1)->client(QStringLiteral("cleo"));
    QVERIFY(ada && bob && cleo);
    for (int i = 1; i <= 5; ++i)
        ada->send(say(QStringLiteral("a%1").arg(i), QStringLiteral("hi %1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(bob->count("message"), 5, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cleo->count("message"), 5, 10000);

    QVERIFY(cluster.stopRedis());
    // Bob's server answers from its own copy (all it has seen): nobody is disconnected.
    QCOMPARE(seqsOf(askHistory(*bob, {}, "h")), QList<qint64>({1, 2, 3, 4, 5}));
    QCOMPARE(seqsOf(askHistory(*bob, obj({{"after", 3}}), "h2")), QList<qint64>({4, 5}));
    // So does a join's history, on either server.
    cleo->send(obj({{"type", "join"}, {"id", "j"}, {"room", "general"}}));
    QCOMPARE(seqsOf(cleo->take("history", 10000).value("messages").toArray()),
             QList<qint64>({1, 2, 3, 4, 5}));
    ada->send(obj({{"type", "join"}, {"id", "j"}, {"room", "general"}}));
    QCOMPARE(seqsOf(ada->take("history", 10000).value("messages").toArray()),
             QList<qint64>({1, 2, 3, 4, 5}));
    QVERIFY(ada->barrier() && bob->barrier() && cleo->barrier());
    QVERIFY(!ada->disconnected && !bob->disconnected && !cleo->disconnected);
}

void TestRedisHistory::pollingClientGetsTheStreamHistory()
{
    Cluster cluster;
    auto ada = cluster.startWith(1, QStringLiteral("ada"));
    QVERIFY(ada);
    QVERIFY(saysHi(*ada, 3));
    // Over HTTP polling, on a server started afterwards: welcome, joined, then the history
    // with all three (it comes in a later poll), then the next message.
    TestServer *later = cluster.add();
    QVERIFY(later);
    PollTestClient bob(later->port());
    QVERIFY(bob.hello(QStringLiteral("bob")));
    const QJsonObject history = bob.take("history", 10000);
    QCOMPARE(seqsOf(history.value("messages").toArray()), QList<qint64>({1, 2, 3}));
    ada->send(say("a4", "hi 4"));
    QCOMPARE(bob.take("message", 10000).value("seq").toInteger(), 4);
    QStringList order;
    for (const QJsonObject &f : std::as_const(bob.all))
        order.append(f.value("type").toString());
    QCOMPARE(order, QStringList({"welcome", "joined", "history", "message"}));
}

void TestRedisHistory::kickedWhileWaitingGetsWhatWasHeld()
{
    Cluster cluster;
    auto ada = cluster.startWith(1, QStringLiteral("ada"));
    QVERIFY(ada);
    TestServer *s = cluster.at(0);
    // Redis stops answering (SIGSTOP: the connection stays up), so Ada's `history` waits,
    // and the pong of her next request waits behind it.
    const auto redisPid = pid_t(cluster.redis.process.processId());
    QCOMPARE(::kill(redisPid, SIGSTOP), 0);
    ada->send(obj({{"type", "history"}, {"id", "h"}, {"room", "general"}}));
    ada->send(obj({{"type", "ping"}, {"id", "p"}}));
    // Once the server has handled both (hello, history, ping: three frames)...
    auto framesIn = [s] {
        for (const ClientInfo &c : s->chat->clients()) {
            if (c.nick == QLatin1String("ada"))
                return c.framesIn;
        }
        return qint64(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(framesIn(), qint64(3), 10000);
    QCOMPARE(ada->count("pong"), 0);
    // ...the teacher kicks her: what was held for her still goes out before the close.
    QVERIFY(s->chat->kick(s->idOf(QStringLiteral("ada")), QStringLiteral("enough")));
    QVERIFY(ada->waitDisconnected(10000));
    QCOMPARE(ada->closeCode, 4001);
    QCOMPARE(ada->count("pong"), 1);
    QCOMPARE(::kill(redisPid, SIGCONT), 0);
}

void TestRedisHistory::cleanupTestCase()
{
    m_paging.reset();
}

QTEST_MAIN(TestRedisHistory)
#include "tst_redis_history.moc"
