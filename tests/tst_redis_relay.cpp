// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Class control and private traffic across servers (issue 17), with a real redis-server:
// a kick (and its ban) from one server's window of a client on another, bans and mutes
// that every server enforces (also one started later), the join code of the cluster,
// whispers both ways with the same frames and errors as on one server, typing across
// servers without flooding Redis, and the window listing and kicking another server's
// client.

#include "chattestclient.h"
#include "clusterfixture.h"

#include <chatserver.h>
#include <clientmodel.h>
#include <clientspanel.h>
#include <redisroombroker.h>
#include <serverhost.h>

#include <QAction>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace duplex::server;
using namespace duplex::test;

class TestRedisRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kickOnOneServerOfAClientOnAnother();
    void muteAndJoinCodeHoldOnEveryServer();
    void whisperAcrossServers();
    void recipientsWhisperLimitHoldsAcrossServers();
    void typingAcrossServers();
    void windowListsAndKicksAnotherServersClient();
    void classControlWhileRedisIsAwayIsSharedWhenItIsBack();
    void redisThatLostItsDataGetsTheMutesBackAndRemovalsAreReadBack();
};

namespace {

ServerConfig named(const QString &name)
{
    ServerConfig c = TestServer::unlimited();
    c.name = name;
    return c;
}

/// The id under which `on` lists another server's client (0 until its state arrived).
quint64 remoteIdOf(const TestServer *on, const QString &nick)
{
    for (const ClientInfo &c : on->chat->clients()) {
        if (c.nick == nick && !c.server.isEmpty())
            return c.id;
    }
    return 0;
}

/// A hello on a fresh connection: the first welcome or error it gets.
QJsonObject helloAnswer(ChatTestClient &c, quint16 port, const QString &nick,
                        const QString &code = {})
{
    if (!c.open(port))
        return {};
    QJsonObject h = obj({{"type", "hello"}, {"id", "h"}, {"nick", nick}, {"agent", "tst"}});
    if (!code.isEmpty())
        h.insert(QStringLiteral("code"), code);
    c.send(h);
    return c.take([](const QJsonObject &o) {
        const QString t = o.value("type").toString();
        return t == QLatin1String("welcome") || t == QLatin1String("error");
    });
}

QJsonObject whisper(const QString &id, const QString &to, const QString &text)
{
    return obj({{"type", "whisper"}, {"id", id}, {"to", to}, {"text", text}});
}

/// Redis, server A (unlimited) and server B (`configB`), then Ada on A and Bob on B.
bool startAdaAndBob(Cluster &cluster, std::unique_ptr<ChatTestClient> &ada,
                    std::unique_ptr<ChatTestClient> &bob,
                    const ServerConfig &configB = TestServer::unlimited())
{
    if (!cluster.redis.start() || !cluster.add() || !cluster.add(configB))
        return false;
    ada = cluster.at(0)->client(QStringLiteral("ada"));
    bob = cluster.at(1)->client(QStringLiteral("bob"));
    return ada && bob;
}

} // namespace

void TestRedisRelay::kickOnOneServerOfAClientOnAnother()
{
    Cluster cluster;
    QVERIFY(cluster.redis.start());
    TestServer *a = cluster.add(named(QStringLiteral("A")));
    TestServer *b = cluster.add(named(QStringLiteral("B")));
    QVERIFY(a && b);
    auto bob = b->client(QStringLiteral("bob"));
    QVERIFY(bob);
    // A lists Bob (from B's state) and kicks him with a ban of a minute.
    QTRY_VERIFY_WITH_TIMEOUT(remoteIdOf(a, QStringLiteral("bob")) != 0, 10000);
    const quint64 id = remoteIdOf(a, QStringLiteral("bob"));
    QVERIFY(RedisRoomBroker::isRemoteId(id));
    QCOMPARE(a->chat->client(id)->server, QStringLiteral("B"));
    QVERIFY(a->chat->kick(id, QStringLiteral("enough for today"), 60000));
    // B closes him exactly as its own kick would: 4001 with the reason.
    QVERIFY(bob->waitDisconnected(10000));
    QCOMPARE(bob->closeCode, 4001);
    QCOMPARE(bob->closeReason, QStringLiteral("enough for today"));
    QCOMPARE(b->chat->bans().size(), 1);
    QCOMPARE(b->chat->bans().constFirst().nick, QStringLiteral("bob"));
    // Both servers refuse him while banned: banned {until}, closed 4003.
    QTRY_COMPARE_WITH_TIMEOUT(a->chat->bans().size(), 1, 10000);
    QCOMPARE(a->chat->bans().constFirst().reason, QStringLiteral("enough for today"));
    for (TestServer *s : {a, b}) {
        ChatTestClient again;
        const QJsonObject e = helloAnswer(again, s->port(), QStringLiteral("Bob"));
        QCOMPARE(e.value("code").toString(), QStringLiteral("banned"));
        QVERIFY(e.value("until").toDouble() > QDateTime::currentMSecsSinceEpoch() + 50000);
        QVERIFY(again.waitDisconnected());
        QCOMPARE(again.closeCode, 4003);
    }
    // A server that starts later reads the bans from Redis.
    TestServer *c = cluster.add(named(QStringLiteral("C")));
    QVERIFY(c);
    QTRY_COMPARE_WITH_TIMEOUT(c->chat->bans().size(), 1, 10000);
    {
        ChatTestClient again;
        QCOMPARE(helloAnswer(again, c->port(), QStringLiteral("bob")).value("code").toString(),
                 QStringLiteral("banned"));
    }
    // Lifting it on B lifts it everywhere: he is welcome on A again.
    QVERIFY(b->chat->liftBan(b->chat->bans().constFirst().id));
    QTRY_VERIFY_WITH_TIMEOUT(a->chat->bans().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(c->chat->bans().isEmpty(), 10000);
    ChatTestClient back;
    QCOMPARE(helloAnswer(back, a->port(), QStringLiteral("bob")).value("type").toString(),
             QStringLiteral("welcome"));
    // A kick of someone who already left: nothing to ask for.
    QVERIFY(!a->chat->kick(RedisRoomBroker::RemoteIdBit | 999, QStringLiteral("x"), 0));
}

void TestRedisRelay::muteAndJoinCodeHoldOnEveryServer()
{
    Cluster cluster;
    std::unique_ptr<ChatTestClient> ada, bob;
    QVERIFY(startAdaAndBob(cluster, ada, bob));
    TestServer *a = cluster.at(0), *b = cluster.at(1);
    QTRY_VERIFY_WITH_TIMEOUT(remoteIdOf(b, QStringLiteral("ada")) != 0, 10000); // B knows her
    // Muted on A: B refuses his messages and whispers.
    a->chat->setMuted(QStringLiteral("Bob"), true);
    QTRY_VERIFY_WITH_TIMEOUT(b->chat->isMuted(QStringLiteral("bob")), 10000);
    bob->send(sayRequest(QStringLiteral("m1"), QStringLiteral("hello?")));
    QCOMPARE(bob->takeError(QStringLiteral("muted")).value("re").toString(), QStringLiteral("m1"));
    bob->send(whisper(QStringLiteral("w1"), QStringLiteral("ada"), QStringLiteral("psst")));
    QCOMPARE(bob->takeError(QStringLiteral("muted"), 10000).value("re").toString(),
             QStringLiteral("w1")); // after asking A whether Ada is there, as locally
    // A new nick does not shake it off, on any server.
    bob->send(obj({{"type", "nick"}, {"id", "n"}, {"nick", "bobby"}}));
    QVERIFY(!bob->take("presence").isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(a->chat->isMuted(QStringLiteral("bobby")), 10000);
    QVERIFY(!a->chat->isMuted(QStringLiteral("bob")));
    QVERIFY(b->chat->isMuted(QStringLiteral("bobby")));
    bob->send(obj({{"type", "nick"}, {"id", "n2"}, {"nick", "bob"}}));
    QVERIFY(!bob->take("presence").isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(a->chat->isMuted(QStringLiteral("bob")), 10000);
    // A server started later knows the mute.
    TestServer *c = cluster.add();
    QVERIFY(c);
    QTRY_VERIFY_WITH_TIMEOUT(c->chat->isMuted(QStringLiteral("bob")), 10000);
    // Unmuted on A: his next message goes out to everyone.
    a->chat->setMuted(QStringLiteral("bob"), false);
    QTRY_VERIFY_WITH_TIMEOUT(!b->chat->isMuted(QStringLiteral("bob")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!c->chat->isMuted(QStringLiteral("bob")), 10000);
    bob->send(sayRequest(QStringLiteral("m2"), QStringLiteral("thanks")));
    QCOMPARE(ada->take("message", 10000).value("text").toString(), QStringLiteral("thanks"));

    // The join code set in A's window holds on B (and on a server started later).
    a->chat->setJoinCode(QStringLiteral("Blue Fox"));
    QTRY_COMPARE_WITH_TIMEOUT(b->chat->joinCode(), QStringLiteral("Blue Fox"), 10000);
    {
        ChatTestClient eve;
        QCOMPARE(helloAnswer(eve, b->port(), QStringLiteral("eve")).value("code").toString(),
                 QStringLiteral("bad_code"));
        ChatTestClient carl;
        QCOMPARE(helloAnswer(carl, b->port(), QStringLiteral("carl"), QStringLiteral("bluefox"))
                     .value("type")
                     .toString(),
                 QStringLiteral("welcome"));
    }
    TestServer *d = cluster.add();
    QVERIFY(d);
    QTRY_COMPARE_WITH_TIMEOUT(d->chat->joinCode(), QStringLiteral("Blue Fox"), 10000);
    // Removed on B: no code anywhere.
    b->chat->setJoinCode(QString());
    QTRY_COMPARE_WITH_TIMEOUT(a->chat->joinCode(), QString(), 10000);
    ChatTestClient fay;
    QCOMPARE(helloAnswer(fay, a->port(), QStringLiteral("fay")).value("type").toString(),
             QStringLiteral("welcome"));
}

void TestRedisRelay::whisperAcrossServers()
{
    Cluster cluster;
    std::unique_ptr<ChatTestClient> ada, bob;
    QVERIFY(startAdaAndBob(cluster, ada, bob));
    TestServer *a = cluster.at(0), *b = cluster.at(1);
    QTRY_VERIFY_WITH_TIMEOUT(remoteIdOf(a, QStringLiteral("bob")) != 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(remoteIdOf(b, QStringLiteral("ada")) != 0, 10000);

    // A -> B: Bob gets the whisper, Ada her copy with `re` (the nick as Bob spells it).
    ada->send(whisper(QStringLiteral("w1"), QStringLiteral("BOB"), QStringLiteral("psst")));
    const QJsonObject got = bob->take("whisper", 10000);
    QCOMPARE(got.value("from").toString(), QStringLiteral("ada"));
    QCOMPARE(got.value("to").toString(), QStringLiteral("bob"));
    QCOMPARE(got.value("text").toString(), QStringLiteral("psst"));
    QVERIFY(!got.contains("re"));
    const QJsonObject copy = ada->take("whisper", 10000);
    QCOMPARE(copy.value("re").toString(), QStringLiteral("w1"));
    QCOMPARE(copy.value("to").toString(), QStringLiteral("bob"));
    QCOMPARE(copy.value("ts").toDouble(), got.value("ts").toDouble());
    // B -> A.
    bob->send(whisper(QStringLiteral("w2"), QStringLiteral("ada"), QStringLiteral("hi back")));
    QCOMPARE(ada->take("whisper", 10000).value("text").toString(), QStringLiteral("hi back"));
    QCOMPARE(bob->take("whisper", 10000).value("re").toString(), QStringLiteral("w2"));
    // A resend of w1 is answered from Ada's server alone (dup), Bob gets nothing more.
    ada->send(whisper(QStringLiteral("w1"), QStringLiteral("Bob"), QStringLiteral("psst")));
    const QJsonObject dup = ada->take("whisper", 10000);
    QCOMPARE(dup.value("re").toString(), QStringLiteral("w1"));
    QVERIFY(dup.value("dup").toBool());
    QCOMPARE(dup.value("to").toString(), QStringLiteral("bob"));
    // Nobody in the cluster has that nick: no_such_user, at once.
    ada->send(whisper(QStringLiteral("w3"), QStringLiteral("nobody"), QStringLiteral("?")));
    QCOMPARE(ada->takeError(QStringLiteral("no_such_user")).value("re").toString(),
             QStringLiteral("w3"));
    // Bob's connection drops (B holds his session for its resume): as on one server,
    // no_such_user for whispers to him meanwhile.
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count("whisper"), 0);
    bob->socket.abort();
    QTRY_VERIFY_WITH_TIMEOUT(b->chat->heldNicks().size() == 1, 10000);
    ada->send(whisper(QStringLiteral("w4"), QStringLiteral("bob"), QStringLiteral("there?")));
    QCOMPARE(ada->takeError(QStringLiteral("no_such_user"), 10000).value("re").toString(),
             QStringLiteral("w4"));
    // As on one server, no_such_user comes before the sender's own refusals (Ada muted).
    a->chat->setMuted(QStringLiteral("ada"), true);
    ada->send(whisper(QStringLiteral("w6"), QStringLiteral("bob"), QStringLiteral("there?")));
    QCOMPARE(ada->takeError(QStringLiteral("no_such_user"), 10000).value("re").toString(),
             QStringLiteral("w6"));
    QVERIFY(ada->barrier());
    QCOMPARE(ada->count("error"), 0);
}

void TestRedisRelay::recipientsWhisperLimitHoldsAcrossServers()
{
    // Bob's server limits what one user receives (its rate and burst); whispers from Ada on
    // the other server count against it like local ones.
    Cluster cluster;
    ServerConfig limited = named(QStringLiteral("B"));
    limited.ratePerSec = 1;
    limited.burst = 2;
    std::unique_ptr<ChatTestClient> ada, bob;
    QVERIFY(startAdaAndBob(cluster, ada, bob, limited));
    QTRY_VERIFY_WITH_TIMEOUT(remoteIdOf(cluster.at(0), QStringLiteral("bob")) != 0, 10000);
    for (int i = 0; i < 10; ++i)
        ada->send(
            whisper(QStringLiteral("r%1").arg(i), QStringLiteral("bob"), QStringLiteral("x")));
    const QJsonObject refused = ada->takeError(QStringLiteral("rate_limited"), 10000);
    QVERIFY(!refused.isEmpty());
    QCOMPARE(refused.value("message").toString(), QStringLiteral("bob receives too many whispers"));
    // Every one has its answer: a copy for each Bob got, an error for the rest.
    QTRY_COMPARE_WITH_TIMEOUT(ada->count("whisper") + ada->count("error") + 1, 10, 10000);
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count("whisper"), ada->count("whisper"));
    QVERIFY(bob->count("whisper") >= 2);
}

void TestRedisRelay::typingAcrossServers()
{
    Cluster cluster;
    std::unique_ptr<ChatTestClient> ada, bob;
    QVERIFY(startAdaAndBob(cluster, ada, bob));
    QCOMPARE(ada->take("presence", 10000).value("nick").toString(), QStringLiteral("bob"));
    // A burst of 50 "typing on" (a client sends one per key press at worst): Bob on the
    // other server sees one "on", not 50 frames (Redis carries one batch).
    const auto typing = [](bool on) {
        return obj({{"type", "typing"}, {"room", "general"}, {"on", on}});
    };
    for (int i = 0; i < 50; ++i)
        ada->send(typing(true));
    const QJsonObject on = bob->take("typing", 10000);
    QCOMPARE(on.value("nick").toString(), QStringLiteral("ada"));
    QCOMPARE(on.value("room").toString(), QStringLiteral("general"));
    QVERIFY(on.value("on").toBool());
    // More key presses, then she stops: "off" follows, the repeated "on" do not.
    for (int i = 0; i < 20; ++i)
        ada->send(typing(true));
    QVERIFY(ada->barrier()); // A has handled (and queued) them
    ada->send(typing(false));
    const QJsonObject off = bob->take(
        [](const QJsonObject &o) {
            return o.value("type").toString() == "typing" && !o.value("on").toBool();
        },
        10000);
    QCOMPARE(off.value("nick").toString(), QStringLiteral("ada"));
    // At most one repeated "on" between (a 2 s repeat under a very slow machine).
    QVERIFY(bob->count("typing") <= 1);
    // And back: Bob types, Ada sees it.
    bob->send(obj({{"type", "typing"}, {"room", "general"}, {"on", true}}));
    const QJsonObject back = ada->take("typing", 10000);
    QCOMPARE(back.value("nick").toString(), QStringLiteral("bob"));
    QVERIFY(back.value("on").toBool());
}

void TestRedisRelay::windowListsAndKicksAnotherServersClient()
{
    Cluster cluster;
    QVERIFY(cluster.redis.start());
    TestServer *b = cluster.add(named(QStringLiteral("Room 102")));
    QVERIFY(b);
    // Server A is a window's: ServerHost (engine in its own thread) and the clients panel.
    ServerConfig config = named(QStringLiteral("Room 101"));
    config.redisUrl = cluster.redis.url();
    ServerHost host(config, QString(), nullptr);
    QVERIFY(host.ok());
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    // Its link to Redis up first (as Cluster::add waits for): a hello before it is refused.
    QTRY_VERIFY_WITH_TIMEOUT((host.refreshNow(), host.clusterState().up), 20000);
    auto ada = connectClient(host.port(), QStringLiteral("ada"));
    auto bob = b->client(QStringLiteral("bob"));
    QVERIFY(ada && bob);
    bob->send(obj({{"type", "join"}, {"id", "j"}, {"room", "lab"}}));
    QVERIFY(!bob->take("joined").isEmpty());

    ClientModel model;
    ClientsPanel panel(&host, &model);
    panel.resize(1100, 420);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const auto listed = [&] {
        host.refreshNow();
        model.setClients(host.clients());
        const int row = model.rowForId([&] {
            for (const ClientInfo &c : host.clients()) {
                if (c.nick == QLatin1String("bob") && c.rooms.contains("lab"))
                    return c.id;
            }
            return quint64(0);
        }());
        return row >= 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);
    QCOMPARE(model.rowCount(), 2);
    QTableView *table = panel.table();
    QVERIFY(!table->isColumnHidden(ClientModel::ServerColumn));
    auto *count = panel.findChild<QLabel *>(QStringLiteral("clientCountLabel"));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("(1 connected, 1 on other servers)"));
    // Bob's row: his server, his rooms, greyed; Ada's row says "here".
    int bobRow = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, ClientModel::NickColumn).data().toString() == "bob")
            bobRow = r;
    }
    QVERIFY(bobRow >= 0);
    const QAbstractItemModel *view = table->model();
    QCOMPARE(view->index(bobRow, ClientModel::ServerColumn).data().toString(),
             QStringLiteral("Room 102"));
    QCOMPARE(view->index(bobRow, ClientModel::RoomsColumn).data().toString(),
             QStringLiteral("general, lab"));
    QCOMPARE(view->index(bobRow, ClientModel::AddressColumn).data().toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(view->index(1 - bobRow, ClientModel::ServerColumn).data().toString(),
             QStringLiteral("here"));
    QCOMPARE(view->index(bobRow, ClientModel::NickColumn).data(Qt::ForegroundRole).value<QColor>(),
             QApplication::palette().color(QPalette::PlaceholderText));

    // Selected: a private notice, mute and kick apply; the push bar and the timeline are told
    // that no client of this server is selected.
    QSignalSpy selected(&panel, &ClientsPanel::selectionChanged);
    table->selectRow(bobRow);
    QVERIFY(panel.selectedIsRemote());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().at(0).value<quint64>(), quint64(0));
    QVERIFY(panel.findChild<QToolButton *>(QStringLiteral("noticeClientButton"))->isEnabled());
    QVERIFY(panel.findChild<QToolButton *>(QStringLiteral("kickButton"))->isEnabled());
    QVERIFY(panel.muteAction()->isEnabled());
    const QString dir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        // The greyed row unselected, the pane still explaining it (docs/screenshots/).
        table->clearSelection();
        QTRY_VERIFY(count->width() >= count->sizeHint().width()); // laid out
        panel.grab().save(dir + QStringLiteral("/server-cluster-clients.png"));
        table->selectRow(bobRow);
    }

    // A private notice from this window: Bob gets it as for him alone, Ada nothing.
    QCOMPARE(panel.noticeToSelected(QStringLiteral("see me after class")), 1);
    const QJsonObject notice = bob->take("notice", 10000);
    QCOMPARE(notice.value("text").toString(), QStringLiteral("see me after class"));
    QCOMPARE(notice.value("to").toString(), QStringLiteral("bob"));
    QVERIFY(ada->barrier());
    QCOMPARE(ada->count("notice"), 0);

    // Mute from this window: Bob's server refuses his messages.
    panel.muteAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(b->chat->isMuted(QStringLiteral("bob")), 10000);
    bob->send(sayRequest(QStringLiteral("m"), QStringLiteral("hey")));
    QVERIFY(!bob->takeError(QStringLiteral("muted"), 10000).isEmpty());

    // Kick with a ban from this window: Bob's server closes him 4001 and bans him; the
    // window's ban list shows it.
    QVERIFY(panel.kickSelected(QStringLiteral("phones away"), 5 * 60000));
    QVERIFY(bob->waitDisconnected(10000));
    QCOMPARE(bob->closeCode, 4001);
    QCOMPARE(bob->closeReason, QStringLiteral("phones away"));
    QTRY_COMPARE_WITH_TIMEOUT(host.classControl().bans.size(), 1, 10000); // the window is told
    QCOMPARE(host.classControl().bans.constFirst().nick, QStringLiteral("bob"));
    // Gone from the list with B's next state.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            host.refreshNow();
            model.setClients(host.clients());
            return model.rowCount() == 1;
        }(),
        10000);
    QCOMPARE(count->text(), QStringLiteral("(1 connected)"));
}

void TestRedisRelay::classControlWhileRedisIsAwayIsSharedWhenItIsBack()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    TestServer *a = cluster.at(0), *b = cluster.at(1);
    auto bob = b->client(QStringLiteral("bob"));
    auto carl = a->client(QStringLiteral("carl"));
    QVERIFY(bob && carl);
    quint64 carlId = 0;
    for (const ClientInfo &c : a->chat->clients()) {
        if (c.nick == QLatin1String("carl") && c.server.isEmpty())
            carlId = c.id;
    }
    QVERIFY(carlId);

    // Redis goes away; the teacher at A mutes Bob, kicks Carl with a ban and sets a code.
    QVERIFY(cluster.stopRedis());
    a->chat->setMuted(QStringLiteral("bob"), true);
    QVERIFY(a->chat->kick(carlId, QStringLiteral("out"), 60000));
    QVERIFY(carl->waitDisconnected());
    a->chat->setJoinCode(QStringLiteral("Red Owl"));
    QVERIFY(!b->chat->isMuted(QStringLiteral("bob"))); // B cannot know yet

    // Back (empty): what A did meanwhile reaches B.
    QVERIFY(cluster.restartRedis());
    QTRY_VERIFY_WITH_TIMEOUT(b->chat->isMuted(QStringLiteral("bob")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(b->chat->joinCode(), QStringLiteral("Red Owl"), 10000);
    bob->send(duplex::test::sayRequest(QStringLiteral("m1"), QStringLiteral("hello?")));
    QCOMPARE(bob->takeError(QStringLiteral("muted")).value("re").toString(), QStringLiteral("m1"));
    ChatTestClient again;
    QCOMPARE(helloAnswer(again, b->port(), QStringLiteral("carl"), QStringLiteral("red owl"))
                 .value("code")
                 .toString(),
             QStringLiteral("banned"));
}

void TestRedisRelay::redisThatLostItsDataGetsTheMutesBackAndRemovalsAreReadBack()
{
    Cluster cluster;
    QVERIFY(cluster.start(2));
    TestServer *a = cluster.at(0), *b = cluster.at(1);
    a->chat->setMuted(QStringLiteral("bob"), true);
    QTRY_VERIFY_WITH_TIMEOUT(b->chat->isMuted(QStringLiteral("bob")), 10000);

    // Redis restarts empty: the servers put the mute back, and it holds on both.
    QVERIFY(cluster.stopRedis());
    QVERIFY(cluster.restartRedis());
    QTRY_VERIFY_WITH_TIMEOUT(cluster.redis.command("SMEMBERS duplex:muted").contains("bob"), 10000);
    QVERIFY(a->chat->isMuted(QStringLiteral("bob")) && b->chat->isMuted(QStringLiteral("bob")));

    // An unmute both missed (as if made on a third server while their links were down):
    // when their links come back they read it back.
    QVERIFY(cluster.redis.command("SREM duplex:muted bob").startsWith(":1"));
    QVERIFY(cluster.redis.command("CLIENT KILL TYPE pubsub").startsWith(":"));
    QTRY_VERIFY_WITH_TIMEOUT(!a->chat->isMuted(QStringLiteral("bob")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!b->chat->isMuted(QStringLiteral("bob")), 20000);
}

QTEST_MAIN(TestRedisRelay)
#include "tst_redis_relay.moc"
