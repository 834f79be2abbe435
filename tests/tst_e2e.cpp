// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// End to end: 20 real WebSocket clients chat through one server at the same time; every
// client receives every message exactly once, in seq order. Then one client drops, the
// others keep talking, and the dropped one resumes and catches up from history without a
// gap or a duplicate.

#include "chattestclient.h"

#include <chatserver.h>
#include <historystore.h>
#include <trafficlog.h>

#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::obj;

namespace {

constexpr int Clients = 20;
constexpr int PerClient = 10;

/// seq -> text of every `message` in general the client has seen (live or from history),
/// counting duplicates.
struct Seen {
    std::map<int, QString> bySeq;
    int duplicates = 0;
    QList<int> liveOrder;

    void add(const QJsonObject &m, bool live)
    {
        const int seq = m.value("seq").toInt();
        if (bySeq.count(seq))
            ++duplicates;
        bySeq[seq] = m.value("text").toString();
        if (live)
            liveOrder.append(seq);
    }
};

void collect(ChatTestClient &c, Seen &seen)
{
    for (const auto &f : std::as_const(c.frames)) {
        if (f.value("type") == "message" && f.value("room") == "general")
            seen.add(f, true);
        if (f.value("type") == "history" && f.value("room") == "general") {
            for (const auto &m : f.value("messages").toArray())
                seen.add(m.toObject(), false);
        }
    }
    c.frames.clear();
}

} // namespace

class TestE2e : public QObject
{
    Q_OBJECT
private slots:
    void twentyClientsEveryMessageOnceInOrder();
};

void TestE2e::twentyClientsEveryMessageOnceInOrder()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath("history.sqlite")));
    TrafficLog traffic;
    ServerConfig config;
    config.resumeGraceMs = 60000;
    ChatServer server(config, &store, &traffic);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    std::vector<std::unique_ptr<ChatTestClient>> clients;
    std::vector<QString> tokens;
    for (int i = 0; i < Clients; ++i) {
        auto c = std::make_unique<ChatTestClient>();
        QVERIFY(c->open(server.port()));
        c->send(obj({{"type", "hello"}, {"nick", QStringLiteral("user%1").arg(i)}}));
        const QJsonObject w = c->take("welcome");
        QVERIFY(!w.isEmpty());
        tokens.push_back(w.value("session").toString());
        clients.push_back(std::move(c));
    }
    QTRY_COMPARE(server.rooms().constFirst().count, Clients);
    std::vector<Seen> seen(Clients);
    for (int i = 0; i < Clients; ++i)
        collect(*clients[size_t(i)], seen[size_t(i)]);

    // Phase 1: everyone talks at once, interleaved.
    for (int k = 0; k < PerClient; ++k) {
        for (int i = 0; i < Clients; ++i) {
            clients[size_t(i)]->send(obj({{"type", "say"},
                                          {"id", QStringLiteral("%1-%2").arg(i).arg(k)},
                                          {"room", "general"},
                                          {"text", QStringLiteral("from %1 #%2").arg(i).arg(k)}}));
        }
    }
    const int phase1 = Clients * PerClient;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int i = 0; i < Clients; ++i)
                collect(*clients[size_t(i)], seen[size_t(i)]);
            for (const auto &s : seen) {
                if (int(s.bySeq.size()) < phase1)
                    return false;
            }
            return true;
        }(),
        20000);
    QList<int> expected;
    for (int s = 1; s <= phase1; ++s)
        expected.append(s);
    for (int i = 0; i < Clients; ++i) {
        QCOMPARE(seen[size_t(i)].liveOrder, expected); // exactly once, in seq order
        QCOMPARE(seen[size_t(i)].duplicates, 0);
    }
    // Everyone has the same text under each seq.
    for (int i = 1; i < Clients; ++i)
        QVERIFY(seen[size_t(i)].bySeq == seen[0].bySeq);

    // Phase 2: user0 drops without a close frame; the others keep talking.
    clients[0]->socket.abort();
    QTRY_COMPARE(server.clientCount(), Clients - 1);
    for (int i = 1; i < Clients; ++i) {
        clients[size_t(i)]->send(obj({{"type", "say"},
                                      {"room", "general"},
                                      {"text", QStringLiteral("while away %1").arg(i)}}));
    }
    const int total = phase1 + Clients - 1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int i = 1; i < Clients; ++i)
                collect(*clients[size_t(i)], seen[size_t(i)]);
            for (int i = 1; i < Clients; ++i) {
                if (int(seen[size_t(i)].bySeq.size()) < total)
                    return false;
            }
            return true;
        }(),
        20000);

    // user0 comes back with its token and asks for what it missed.
    auto back = std::make_unique<ChatTestClient>();
    QVERIFY(back->open(server.port()));
    back->send(obj({{"type", "hello"}, {"nick", "user0"}, {"resume", tokens[0]}}));
    QCOMPARE(back->take("welcome").value("nick").toString(), QStringLiteral("user0"));
    back->take("joined");
    back->take("history"); // the join history (last 50): ignored here
    back->frames.clear();
    back->send(obj({{"type", "history"},
                    {"id", "catch-up"},
                    {"room", "general"},
                    {"after", seen[0].bySeq.rbegin()->first},
                    {"limit", 200}}));
    const QJsonObject missed
        = back->take([](const QJsonObject &o) { return o.value("re") == "catch-up"; });
    Seen &s0 = seen[0];
    for (const auto &m : missed.value("messages").toArray())
        s0.add(m.toObject(), false);
    QCOMPARE(int(s0.bySeq.size()), total);
    QCOMPARE(s0.duplicates, 0);
    QVERIFY(s0.bySeq == seen[1].bySeq);
    QCOMPARE(s0.bySeq.begin()->first, 1);
    QCOMPARE(s0.bySeq.rbegin()->first, total);
    QCOMPARE(store.messageCount(), total);
}

QTEST_GUILESS_MAIN(TestE2e)
#include "tst_e2e.moc"
