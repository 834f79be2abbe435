// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// Every row of the protocol contract, driven by raw QWebSocket clients against a real
// ChatServer on 127.0.0.1 (port 0) with a real SQLite history in a temporary directory.
// Limits, abuse, keep-alive and resume live in tst_chatserver_abuse.cpp.

#include "testserver.h"

#include <chatserver.h>
#include <historystore.h>
#include <trafficlog.h>
#include <websocket.h>

#include <QtTest>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::obj;
using duplex::test::TestServer;

namespace {

QStringList toStrings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &x : v.toArray())
        out.append(x.toString());
    return out;
}

} // namespace

class TestChatServer : public QObject
{
    Q_OBJECT
private slots:
    void listensOnPortZero();
    void helloGetsWelcomeJoinedHistory();
    void subprotocolSelectedWhenOffered();
    void noSubprotocolAccepted();
    void requestBeforeHelloIsNotWelcomed();
    void secondHelloIsAlreadyWelcomed();
    void badNick_data();
    void badNick();
    void nickTakenCaseInsensitive();
    void joinAnnouncesPresenceAndListsMembers();
    void joinBadRoom();
    void sayFansOutToEveryMemberWithReForSender();
    void framesOfEverySizeArriveWholeAndInOrder();
    void sayNotInRoom();
    void sayTextErrors_data();
    void sayTextErrors();
    void textIsSanitisedBeforeStoring();
    void storageFailureIsInternal();
    void whisperReachesOnlyTarget();
    void whisperNoSuchUser();
    void typingRelayedNotEchoed();
    void historyPaging();
    void historyOfUnjoinedRoom();
    void nickChangeAnnounced();
    void leaveAnnouncesAndRepliesLeft();
    void leaveNotInRoom();
    void roomsListsCounts();
    void pingPong();
    void malformedFrames_data();
    void malformedFrames();
    void binaryFrameRefusedConnectionStays();
    void noticeToAllRoomAndOne();
    void kickClosesWith4001();
    void cleanCloseEndsSession();
    void handshakeCaptured();
    void trafficLogOneRowPerFrameAndFanOut();
    void clientInfoAndCounters();
};

void TestChatServer::listensOnPortZero()
{
    TestServer f;
    QVERIFY(f.start());
    QVERIFY(f.chat->isListening());
    QVERIFY(f.chat->port() != 0);
    QCOMPARE(f.chat->address(), QHostAddress(QHostAddress::LocalHost));

    // A second server on the same port fails with a reason instead of crashing.
    ChatServer other(ServerConfig {}, nullptr, nullptr);
    QVERIFY(!other.listen(QHostAddress::LocalHost, f.chat->port()));
    QVERIFY(!other.errorString().isEmpty());
}

void TestChatServer::helloGetsWelcomeJoinedHistory()
{
    TestServer f;
    QVERIFY(f.start());
    ChatTestClient c;
    QVERIFY(c.open(f.port()));
    c.send(obj({{"type", "hello"}, {"id", "h1"}, {"nick", "Ada"}, {"agent", "tst/1"}}));
    const QJsonObject w = c.take("welcome");
    QCOMPARE(w.value("re").toString(), QStringLiteral("h1"));
    QCOMPARE(w.value("protocol").toInt(), 1);
    QCOMPARE(w.value("server").toString(), QStringLiteral("Test server"));
    QCOMPARE(w.value("nick").toString(), QStringLiteral("Ada"));
    QVERIFY(w.value("session").toString().size() >= 16);
    const QJsonObject limits = w.value("limits").toObject();
    QCOMPARE(limits.value("maxText").toInt(), 4000);
    QCOMPARE(limits.value("maxBytes").toInt(), 65536);
    QCOMPARE(limits.value("burst").toInt(), 20);
    QCOMPARE(limits.value("ratePerSec").toDouble(), 10.0);

    const QJsonObject joined = c.take("joined");
    QCOMPARE(joined.value("room").toString(), QStringLiteral("general"));
    QCOMPARE(joined.value("re").toString(), QStringLiteral("h1"));
    QCOMPARE(joined.value("count").toInt(), 1);
    QCOMPARE(toStrings(joined.value("members")), QStringList {"Ada"});
    const QJsonObject history = c.take("history");
    QCOMPARE(history.value("room").toString(), QStringLiteral("general"));
    QCOMPARE(history.value("re").toString(), QStringLiteral("h1"));
    QVERIFY(history.value("messages").toArray().isEmpty());

    // The engine saw it too.
    QTRY_COMPARE(f.chat->clients().size(), 1);
    const ClientInfo info = f.chat->clients().constFirst();
    QCOMPARE(info.nick, QStringLiteral("Ada"));
    QCOMPARE(info.agent, QStringLiteral("tst/1"));
    QCOMPARE(info.rooms, QStringList {"general"});
    QVERIFY(info.welcomed);
}

void TestChatServer::subprotocolSelectedWhenOffered()
{
    TestServer f;
    QVERIFY(f.start());
    ChatTestClient c;
    QVERIFY(c.open(f.port(), {QStringLiteral("other"), QStringLiteral("duplex.v1")}));
    QCOMPARE(c.socket.subprotocol(), QStringLiteral("duplex.v1"));
}

void TestChatServer::noSubprotocolAccepted()
{
    TestServer f;
    QVERIFY(f.start());
    ChatTestClient c;
    QVERIFY(c.open(f.port(), {}));
    QVERIFY(c.socket.subprotocol().isEmpty());
    QVERIFY(c.hello("Bob"));
    QCOMPARE(c.welcome.value("nick").toString(), QStringLiteral("Bob"));
}

void TestChatServer::requestBeforeHelloIsNotWelcomed()
{
    TestServer f;
    QVERIFY(f.start());
    ChatTestClient c;
    QVERIFY(c.open(f.port()));
    c.send(obj({{"type", "join"}, {"id", "j1"}, {"room", "x"}}));
    const QJsonObject e = c.takeError("not_welcomed");
    QCOMPARE(e.value("re").toString(), QStringLiteral("j1"));
    QVERIFY(!e.value("message").toString().isEmpty());
    // Still open, and hello still works.
    QVERIFY(c.hello("Late"));
    QCOMPARE(c.welcome.value("type").toString(), QStringLiteral("welcome"));
}

void TestChatServer::secondHelloIsAlreadyWelcomed()
{
    TestServer f;
    QVERIFY(f.start());
    auto c = f.client("Ada");
    QVERIFY(c);
    c->send(obj({{"type", "hello"}, {"id", "h2"}, {"nick", "Other"}}));
    QCOMPARE(c->takeError("already_welcomed").value("re").toString(), QStringLiteral("h2"));
}

void TestChatServer::badNick_data()
{
    QTest::addColumn<QString>("nick");
    QTest::newRow("empty") << QString();
    QTest::newRow("25 characters") << QString(25, QLatin1Char('a'));
    QTest::newRow("space") << QStringLiteral("a b");
    QTest::newRow("reserved server") << QStringLiteral("Server");
    QTest::newRow("reserved system") << QStringLiteral("SYSTEM");
    QTest::newRow("markup") << QStringLiteral("<b>");
}

void TestChatServer::badNick()
{
    QFETCH(QString, nick);
    TestServer f;
    QVERIFY(f.start());
    ChatTestClient c;
    QVERIFY(c.open(f.port()));
    c.send(obj({{"type", "hello"}, {"id", "h"}, {"nick", nick}}));
    QCOMPARE(c.takeError("bad_nick").value("re").toString(), QStringLiteral("h"));
    QVERIFY(!c.disconnected);
}

void TestChatServer::nickTakenCaseInsensitive()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Zoë");
    QVERIFY(a);
    ChatTestClient b;
    QVERIFY(b.open(f.port()));
    b.send(obj({{"type", "hello"}, {"id", "h"}, {"nick", "ZOË"}}));
    QCOMPARE(b.takeError("nick_taken").value("re").toString(), QStringLiteral("h"));
    QVERIFY(b.hello("Zoe2"));
    QCOMPARE(b.welcome.value("nick").toString(), QStringLiteral("Zoe2"));
    // A Unicode nick of letters and combining marks is fine.
    auto c = f.client(QStringLiteral("Jürgen_ñ-1.x"));
    QVERIFY(c);
}

void TestChatServer::joinAnnouncesPresenceAndListsMembers()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    // Ada sees Bob arrive in general.
    const QJsonObject p = a->take("presence");
    QCOMPARE(p.value("event").toString(), QStringLiteral("join"));
    QCOMPARE(p.value("nick").toString(), QStringLiteral("Bob"));
    QCOMPARE(p.value("room").toString(), QStringLiteral("general"));

    a->send(obj({{"type", "join"}, {"id", "j"}, {"room", "lab"}}));
    QJsonObject joined = a->take("joined");
    QCOMPARE(joined.value("re").toString(), QStringLiteral("j"));
    QCOMPARE(joined.value("count").toInt(), 1);
    QCOMPARE(a->take("history").value("re").toString(), QStringLiteral("j"));
    b->send(obj({{"type", "join"}, {"room", "lab"}}));
    joined = b->take("joined");
    QCOMPARE(joined.value("count").toInt(), 2);
    QCOMPARE(toStrings(joined.value("members")), (QStringList {"Ada", "Bob"}));
    const QJsonObject p2 = a->take([](const QJsonObject &o) {
        return o.value("type") == "presence" && o.value("room") == "lab";
    });
    QCOMPARE(p2.value("event").toString(), QStringLiteral("join"));
    QCOMPARE(p2.value("nick").toString(), QStringLiteral("Bob"));
    // The joiner gets no presence about itself (its join is done: it got `joined`).
    QVERIFY(b->barrier());
    QCOMPARE(b->count("presence"), 0);
}

void TestChatServer::joinBadRoom()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->send(obj({{"type", "join"}, {"id", "j"}, {"room", "Big Room"}}));
    QCOMPARE(a->takeError("bad_room").value("re").toString(), QStringLiteral("j"));
    a->send(obj({{"type", "join"}, {"id", "j2"}, {"room", QString(33, QLatin1Char('a'))}}));
    QCOMPARE(a->takeError("bad_room").value("re").toString(), QStringLiteral("j2"));
}

void TestChatServer::sayFansOutToEveryMemberWithReForSender()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    auto c = f.client("Cy");
    QVERIFY(a && b && c);
    a->send(obj({{"type", "say"}, {"id", "m1"}, {"room", "general"}, {"text", "hello all"}}));
    const QJsonObject own = a->take("message");
    QCOMPARE(own.value("re").toString(), QStringLiteral("m1"));
    QCOMPARE(own.value("seq").toInt(), 1);
    QCOMPARE(own.value("from").toString(), QStringLiteral("Ada"));
    QCOMPARE(own.value("text").toString(), QStringLiteral("hello all"));
    QVERIFY(own.value("ts").toDouble() > 1.7e12);
    for (ChatTestClient *other : {b.get(), c.get()}) {
        const QJsonObject m = other->take("message");
        QCOMPARE(m.value("seq").toInt(), 1);
        QCOMPARE(m.value("from").toString(), QStringLiteral("Ada"));
        QVERIFY(!m.contains("re"));
    }
    // A `from` sent by the client is never trusted; seq goes on.
    b->send(obj({{"type", "say"}, {"room", "general"}, {"text", "second"}, {"from", "Ada"}}));
    QCOMPARE(a->take("message").value("from").toString(), QStringLiteral("Bob"));
    QCOMPARE(c->take("message").value("seq").toInt(), 2);
    // Stored before fan-out.
    QCOMPARE(f.store->lastSeq(QStringLiteral("general")), 2);
}

// The server frames each broadcast itself, once (7-, 16- and 64-bit lengths), and queues
// shared frames per connection: a burst of mixed sizes must reach every member whole, in
// order, and a history reply over 64 KiB must arrive as one intact message.
void TestChatServer::framesOfEverySizeArriveWholeAndInOrder()
{
    ServerConfig config;
    config.ratePerSec = 0; // the burst must not be rate limited
    TestServer f(config);
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    const int sizes[] = {1, 40, 125, 126, 300, 4000};
    QStringList texts;
    for (int i = 0; i < 60; ++i) {
        // Two-byte UTF-8 characters: a 4000-character text is an 8000-byte frame.
        const int n = sizes[i % 6];
        QString text = QString::number(i) + QLatin1Char(' ');
        text += QString(qMax(1, n - int(text.size())), QChar(0xE9));
        texts.append(text);
        a->send(obj({{"type", "say"}, {"room", "general"}, {"text", text}}));
    }
    for (int i = 0; i < texts.size(); ++i) {
        const QJsonObject m = b->take("message");
        QCOMPARE(m.value("seq").toInt(), i + 1);
        QCOMPARE(m.value("text").toString(), texts.at(i));
    }
    // The last 50 (about 200 kB of JSON) come back in one history frame on join.
    auto c = std::make_unique<ChatTestClient>();
    QVERIFY(c->open(f.port()));
    c->send(obj({{"type", "hello"}, {"nick", "Cy"}}));
    QCOMPARE(c->take("welcome").value("nick").toString(), QStringLiteral("Cy"));
    c->take("joined");
    const QJsonArray history = c->take("history").value("messages").toArray();
    QCOMPARE(history.size(), 50);
    QCOMPARE(history.first().toObject().value("text").toString(), texts.at(10));
    QCOMPARE(history.last().toObject().value("text").toString(), texts.at(59));
}

void TestChatServer::sayNotInRoom()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->send(obj({{"type", "say"}, {"id", "s"}, {"room", "elsewhere"}, {"text", "hi"}}));
    QCOMPARE(a->takeError("not_in_room").value("re").toString(), QStringLiteral("s"));
    QCOMPARE(f.store->lastSeq(QStringLiteral("elsewhere")), 0);
}

void TestChatServer::sayTextErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("blank") << QStringLiteral("   \n\t ") << QStringLiteral("empty");
    QTest::newRow("only control characters")
        << QStringLiteral("\u0001\u0007\u202e") << QStringLiteral("empty");
    QTest::newRow("4001 characters")
        << QString(4001, QLatin1Char('x')) << QStringLiteral("too_long");
}

void TestChatServer::sayTextErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->send(obj({{"type", "say"}, {"id", "s"}, {"room", "general"}, {"text", text}}));
    QCOMPARE(a->takeError(code).value("re").toString(), QStringLiteral("s"));
    QCOMPARE(f.store->lastSeq(QStringLiteral("general")), 0);
    // 4000 characters (code points; emoji count once) are fine.
    QString max;
    for (int i = 0; i < 4000; ++i)
        max += QStringLiteral("\U0001F600");
    a->send(obj({{"type", "say"}, {"room", "general"}, {"text", max}}));
    QCOMPARE(a->take("message").value("text").toString(), max);
}

void TestChatServer::textIsSanitisedBeforeStoring()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->send(obj({{"type", "say"},
                 {"room", "general"},
                 {"text", QStringLiteral("  a\u0000b\u202ec\u2066d\u0007\ne\tf<b>x</b>  ")}}));
    const QString expected = QStringLiteral("abcd\ne\tf<b>x</b>");
    QCOMPARE(b->take("message").value("text").toString(), expected);
    QCOMPARE(f.store->history(QStringLiteral("general")).constFirst().text, expected);
}

void TestChatServer::storageFailureIsInternal()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    f.store->close(); // the disk went away
    a->send(obj({{"type", "say"}, {"id", "lost"}, {"room", "general"}, {"text", "hello?"}}));
    const QJsonObject e = a->takeError("internal");
    QCOMPARE(e.value("re").toString(), QStringLiteral("lost"));
    QVERIFY(!e.value("message").toString().isEmpty());
    // Not carried out: nobody got a message without a stored seq.
    QVERIFY(a->barrier() && b->barrier()); // Ada got her error: the say is done
    QCOMPARE(a->count("message"), 0);
    QCOMPARE(b->count("message"), 0);
    QVERIFY(!a->disconnected);
}

void TestChatServer::whisperReachesOnlyTarget()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    auto c = f.client("Cy");
    QVERIFY(a && b && c);
    a->send(obj({{"type", "whisper"}, {"id", "w1"}, {"to", "bob"}, {"text", "psst"}}));
    const QJsonObject got = b->take("whisper");
    QCOMPARE(got.value("from").toString(), QStringLiteral("Ada"));
    QCOMPARE(got.value("to").toString(), QStringLiteral("Bob"));
    QCOMPARE(got.value("text").toString(), QStringLiteral("psst"));
    QVERIFY(!got.contains("re"));
    const QJsonObject own = a->take("whisper");
    QCOMPARE(own.value("re").toString(), QStringLiteral("w1"));
    QCOMPARE(own.value("to").toString(), QStringLiteral("Bob"));
    QVERIFY(c->barrier()); // the whisper is done: Ada got her copy
    QCOMPARE(c->count("whisper"), 0);
    // Whispers are not room messages: nothing stored.
    QCOMPARE(f.store->messageCount(), 0);
}

void TestChatServer::whisperNoSuchUser()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->send(obj({{"type", "whisper"}, {"id", "w"}, {"to", "Nobody"}, {"text", "hi"}}));
    QCOMPARE(a->takeError("no_such_user").value("re").toString(), QStringLiteral("w"));
}

void TestChatServer::typingRelayedNotEchoed()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->send(obj({{"type", "typing"}, {"room", "general"}, {"on", true}}));
    const QJsonObject t = b->take("typing");
    QCOMPARE(t.value("nick").toString(), QStringLiteral("Ada"));
    QCOMPARE(t.value("room").toString(), QStringLiteral("general"));
    QCOMPARE(t.value("on").toBool(), true);
    a->send(obj({{"type", "typing"}, {"room", "general"}, {"on", false}}));
    QCOMPARE(b->take("typing").value("on").toBool(), false);
    QVERIFY(a->barrier()); // her ping follows her typing frames on the same connection
    QCOMPARE(a->count("typing"), 0);
    a->send(obj({{"type", "typing"}, {"id", "t"}, {"room", "nope"}, {"on", true}}));
    QCOMPARE(a->takeError("not_in_room").value("re").toString(), QStringLiteral("t"));
}

void TestChatServer::historyPaging()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    for (int i = 1; i <= 60; ++i)
        f.store->append(QStringLiteral("general"), QStringLiteral("Ada"), QStringLiteral("ada"), {},
                        QStringLiteral("m%1").arg(i), 1000 + i);
    auto seqs = [](const QJsonObject &h) {
        QList<int> out;
        for (const auto &m : h.value("messages").toArray())
            out.append(m.toObject().value("seq").toInt());
        return out;
    };
    auto range = [](int from, int to) {
        QList<int> out;
        for (int i = from; i <= to; ++i)
            out.append(i);
        return out;
    };
    a->send(obj({{"type", "history"}, {"id", "h1"}, {"room", "general"}}));
    QJsonObject h = a->take("history");
    QCOMPARE(h.value("re").toString(), QStringLiteral("h1"));
    QCOMPARE(seqs(h), range(11, 60)); // newest 50, ascending
    a->send(obj({{"type", "history"}, {"room", "general"}, {"before", 11}, {"limit", 5}}));
    QCOMPARE(seqs(a->take("history")), range(6, 10));
    a->send(obj({{"type", "history"}, {"room", "general"}, {"after", 52}}));
    QCOMPARE(seqs(a->take("history")), range(53, 60));
    a->send(obj({{"type", "history"}, {"room", "general"}, {"after", 10}, {"limit", 3}}));
    QCOMPARE(seqs(a->take("history")), range(11, 13)); // oldest after it
    a->send(obj({{"type", "history"}, {"room", "general"}, {"after", 10}, {"before", 14}}));
    QCOMPARE(seqs(a->take("history")), range(11, 13));
    // One reply per request, nothing more.
    QVERIFY(a->barrier());
    QCOMPARE(a->count("history"), 0);
    // Message fields are complete and carry no `re`.
    a->send(obj({{"type", "history"}, {"room", "general"}, {"after", 0}, {"limit", 1}}));
    const QJsonObject m = a->take("history").value("messages").toArray().at(0).toObject();
    QCOMPARE(m.value("text").toString(), QStringLiteral("m1"));
    QCOMPARE(m.value("from").toString(), QStringLiteral("Ada"));
    QCOMPARE(m.value("room").toString(), QStringLiteral("general"));
    QCOMPARE(m.value("ts").toInteger(), 1001);
    QVERIFY(!m.contains("re"));
    // limit out of 1..200 is bad_message.
    a->send(obj({{"type", "history"}, {"id", "x"}, {"room", "general"}, {"limit", 201}}));
    QCOMPARE(a->takeError("bad_message").value("re").toString(), QStringLiteral("x"));
}

void TestChatServer::historyOfUnjoinedRoom()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->send(obj({{"type", "join"}, {"room", "secret"}}));
    a->take("joined");
    a->send(obj({{"type", "say"}, {"room", "secret"}, {"text", "one"}}));
    a->take("message");
    b->send(obj({{"type", "history"}, {"room", "secret"}}));
    const QJsonObject h = b->take("history");
    QCOMPARE(h.value("messages").toArray().size(), 1);
    b->send(obj({{"type", "history"}, {"room", "never-used"}}));
    QVERIFY(b->take("history").value("messages").toArray().isEmpty());
}

void TestChatServer::nickChangeAnnounced()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    auto c = f.client("Cy");
    QVERIFY(a && b && c);
    a->send(obj({{"type", "join"}, {"room", "lab"}}));
    a->take("joined");
    b->send(obj({{"type", "join"}, {"room", "lab"}}));
    b->take("joined");
    a->frames.clear();
    b->frames.clear();
    c->frames.clear();
    a->send(obj({{"type", "nick"}, {"id", "n"}, {"nick", "Countess"}}));
    // Ada gets one presence per room she is in, each with re.
    for (const char *room : {"general", "lab"}) {
        const QJsonObject p = a->take([room](const QJsonObject &o) {
            return o.value("type") == "presence" && o.value("room") == QLatin1String(room);
        });
        QCOMPARE(p.value("event").toString(), QStringLiteral("nick"));
        QCOMPARE(p.value("nick").toString(), QStringLiteral("Countess"));
        QCOMPARE(p.value("old").toString(), QStringLiteral("Ada"));
        QCOMPARE(p.value("re").toString(), QStringLiteral("n"));
    }
    QCOMPARE(b->take("presence").value("old").toString(), QStringLiteral("Ada"));
    QCOMPARE(c->take("presence").value("nick").toString(), QStringLiteral("Countess"));
    // The old nick is free, the new one is taken.
    ChatTestClient d;
    QVERIFY(d.open(f.port()));
    d.send(obj({{"type", "hello"}, {"nick", "countess"}}));
    QVERIFY(!d.takeError("nick_taken").isEmpty());
    QVERIFY(d.hello("Ada"));
    QCOMPARE(d.welcome.value("nick").toString(), QStringLiteral("Ada"));
    // Errors.
    b->send(obj({{"type", "nick"}, {"id", "n2"}, {"nick", "ada"}}));
    QCOMPARE(b->takeError("nick_taken").value("re").toString(), QStringLiteral("n2"));
    b->send(obj({{"type", "nick"}, {"id", "n3"}, {"nick", "no spaces"}}));
    QCOMPARE(b->takeError("bad_nick").value("re").toString(), QStringLiteral("n3"));
    // Messages now come from the new nick.
    a->send(obj({{"type", "say"}, {"room", "general"}, {"text", "hi"}}));
    QCOMPARE(c->take("message").value("from").toString(), QStringLiteral("Countess"));
}

void TestChatServer::leaveAnnouncesAndRepliesLeft()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->take("presence");
    b->send(obj({{"type", "leave"}, {"id", "l"}, {"room", "general"}}));
    const QJsonObject left = b->take("left");
    QCOMPARE(left.value("room").toString(), QStringLiteral("general"));
    QCOMPARE(left.value("re").toString(), QStringLiteral("l"));
    const QJsonObject p = a->take("presence");
    QCOMPARE(p.value("event").toString(), QStringLiteral("leave"));
    QCOMPARE(p.value("nick").toString(), QStringLiteral("Bob"));
    // Bob no longer gets general's messages.
    a->send(obj({{"type", "say"}, {"room", "general"}, {"text", "gone?"}}));
    a->take("message"); // the fan-out is done
    QVERIFY(b->barrier());
    QCOMPARE(b->count("message"), 0);
}

void TestChatServer::leaveNotInRoom()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->send(obj({{"type", "leave"}, {"id", "l"}, {"room", "lab"}}));
    QCOMPARE(a->takeError("not_in_room").value("re").toString(), QStringLiteral("l"));
}

void TestChatServer::roomsListsCounts()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->send(obj({{"type", "join"}, {"room", "lab"}}));
    a->take("joined");
    b->send(obj({{"type", "rooms"}, {"id", "r"}}));
    const QJsonObject r = b->take("rooms");
    QCOMPARE(r.value("re").toString(), QStringLiteral("r"));
    QMap<QString, int> counts;
    for (const auto &v : r.value("rooms").toArray())
        counts.insert(v.toObject().value("name").toString(), v.toObject().value("members").toInt());
    QCOMPARE(counts.value("general"), 2);
    QCOMPARE(counts.value("lab"), 1);

    const QList<RoomInfo> rooms = f.chat->rooms();
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms.at(0).name, QStringLiteral("general"));
    QCOMPARE(rooms.at(0).members, (QStringList {"Ada", "Bob"}));
}

void TestChatServer::pingPong()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->send(obj({{"type", "ping"}, {"id", "p"}, {"t", 12345.5}}));
    const QJsonObject p = a->take("pong");
    QCOMPARE(p.value("re").toString(), QStringLiteral("p"));
    QCOMPARE(p.value("t").toDouble(), 12345.5);
    a->send(obj({{"type", "ping"}}));
    QVERIFY(!a->take("pong").contains("t"));
}

void TestChatServer::malformedFrames_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("re");
    QTest::newRow("not JSON") << "hello there"
                              << "bad_json"
                              << "";
    QTest::newRow("JSON array") << "[1,2]"
                                << "bad_json"
                                << "";
    QTest::newRow("no type") << R"({"id":"a","room":"x"})"
                             << "bad_message"
                             << "a";
    QTest::newRow("unknown type") << R"({"type":"dance","id":"b"})"
                                  << "unknown_type"
                                  << "b";
    QTest::newRow("room is a number") << R"({"type":"join","id":"c","room":5})"
                                      << "bad_message"
                                      << "c";
    QTest::newRow("text missing") << R"({"type":"say","id":"d","room":"general"})"
                                  << "bad_message"
                                  << "d";
    QTest::newRow("typing on not bool") << R"({"type":"typing","room":"general","on":"yes"})"
                                        << "bad_message"
                                        << "";
}

void TestChatServer::malformedFrames()
{
    QFETCH(QString, frame);
    QFETCH(QString, code);
    QFETCH(QString, re);
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->sendRaw(frame);
    const QJsonObject e = a->takeError(code);
    QCOMPARE(e.value("code").toString(), code);
    QCOMPARE(e.value("re").toString(), re);
    QVERIFY(!e.value("message").toString().isEmpty());
    // The connection stays usable.
    a->send(obj({{"type", "ping"}, {"id", "after"}}));
    QCOMPARE(a->take("pong").value("re").toString(), QStringLiteral("after"));
}

void TestChatServer::binaryFrameRefusedConnectionStays()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    QVERIFY(a);
    a->socket.sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    QVERIFY(!a->takeError("binary_unsupported").isEmpty());
    a->send(obj({{"type", "say"}, {"room", "general"}, {"text", "still here"}}));
    QCOMPARE(a->take("message").value("text").toString(), QStringLiteral("still here"));
    QVERIFY(!a->disconnected);
}

void TestChatServer::noticeToAllRoomAndOne()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    auto c = f.client("Cy");
    QVERIFY(a && b && c);
    c->send(obj({{"type", "join"}, {"room", "lab"}}));
    c->take("joined");

    QCOMPARE(f.chat->sendNotice(QStringLiteral("to everyone")), 3);
    for (ChatTestClient *x : {a.get(), b.get(), c.get()}) {
        const QJsonObject n = x->take("notice");
        QCOMPARE(n.value("text").toString(), QStringLiteral("to everyone"));
        QCOMPARE(n.value("from").toString(), QStringLiteral("server"));
        QVERIFY(!n.contains("room"));
        QVERIFY(n.value("ts").toDouble() > 0);
    }
    NoticeTarget room;
    room.kind = NoticeTarget::Kind::Room;
    room.room = QStringLiteral("lab");
    QCOMPARE(f.chat->sendNotice(QStringLiteral("to lab"), room), 1);
    QCOMPARE(c->take("notice").value("room").toString(), QStringLiteral("lab"));

    NoticeTarget one;
    one.kind = NoticeTarget::Kind::Client;
    one.clientId = f.idOf(QStringLiteral("Bob"));
    QVERIFY(one.clientId != 0);
    QCOMPARE(f.chat->sendNotice(QStringLiteral("just you"), one), 1);
    QCOMPARE(b->take("notice").value("text").toString(), QStringLiteral("just you"));
    // sendNotice() wrote before it returned: a ping now is answered after anything it sent.
    QVERIFY(a->barrier() && c->barrier());
    QCOMPARE(a->count("notice"), 0);
    QCOMPARE(c->count("notice"), 0);
    one.clientId = 999999;
    QCOMPARE(f.chat->sendNotice(QStringLiteral("nobody"), one), 0);
}

void TestChatServer::kickClosesWith4001()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->take("presence");
    QSignalSpy gone(f.chat.get(), &ChatServer::clientDisconnected);
    const quint64 bobId = f.chat->clients().at(1).id;
    QVERIFY(f.chat->kick(bobId, QStringLiteral("be nice")));
    QVERIFY(b->waitDisconnected());
    QCOMPARE(b->closeCode, 4001);
    QCOMPARE(b->closeReason, QStringLiteral("be nice"));
    QCOMPARE(a->take("presence").value("event").toString(), QStringLiteral("leave"));
    QTRY_COMPARE(gone.count(), 1);
    const auto info = gone.at(0).at(0).value<ClientInfo>();
    QCOMPARE(info.end, EndKind::ClosedByServer);
    QCOMPARE(info.closeCode, 4001);
    QVERIFY(!f.chat->kick(bobId, QString()));
    // Kicked: the session ends (no resume reservation) and the nick is banned for the ban
    // period (class control, tst_classcontrol); once the ban is lifted it is free at once.
    QCOMPARE(f.chat->bans().size(), 1);
    QVERIFY(f.chat->liftBan(f.chat->bans().constFirst().id));
    QVERIFY(f.client("Bob"));
}

void TestChatServer::cleanCloseEndsSession()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->take("presence");
    QSignalSpy gone(f.chat.get(), &ChatServer::clientDisconnected);
    b->socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("bye"));
    QCOMPARE(a->take("presence").value("event").toString(), QStringLiteral("leave"));
    QTRY_COMPARE(gone.count(), 1);
    const auto info = gone.at(0).at(0).value<ClientInfo>();
    QCOMPARE(info.end, EndKind::ClosedCleanly);
    QCOMPARE(info.closeCode, 1000);
    QCOMPARE(info.closeReason, QStringLiteral("bye"));
    QCOMPARE(info.nick, QStringLiteral("Bob"));
    // 1000 from the client ends the session: the nick is free at once.
    QVERIFY(f.client("Bob"));
}

void TestChatServer::handshakeCaptured()
{
    TestServer f;
    QVERIFY(f.start());
    duplex::test::RawWsClient raw;
    QVERIFY(raw.connectTo(f.port()));
    QVERIFY(raw.waitUpgraded());
    QTRY_COMPARE(f.chat->clients().size(), 1);
    const HandshakeInfo h = f.chat->clients().constFirst().handshake;
    QCOMPARE(h.requestLine(), QStringLiteral("GET / HTTP/1.1"));
    QByteArray key;
    for (const auto &header : h.requestHeaders()) {
        if (header.first == "Sec-WebSocket-Key")
            key = header.second;
    }
    QCOMPARE(key, raw.key);
    QCOMPARE(h.responseStatusLine(), QStringLiteral("HTTP/1.1 101 Switching Protocols"));
    QByteArray accept;
    for (const auto &header : h.responseHeaders()) {
        if (header.first == "Sec-WebSocket-Accept")
            accept = header.second;
    }
    // Both heads are the bytes that crossed the wire, not rebuilt.
    QVERIFY(!h.reconstructed);
    QVERIFY(raw.response.startsWith(h.response));
    QVERIFY(h.request.startsWith("GET / HTTP/1.1\r\n"));
    QVERIFY(h.request.endsWith("\r\n\r\n"));
    QVERIFY(raw.response.contains("Sec-WebSocket-Accept: " + accept));
    QCOMPARE(accept, duplex::ws::acceptKey(raw.key));
    // RFC 6455's own example.
    QCOMPARE(duplex::ws::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
             QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));

    // With a subprotocol the 101 names it.
    ChatTestClient c;
    QVERIFY(c.open(f.port()));
    QTRY_COMPARE(f.chat->clients().size(), 2);
    bool hasProtocol = false;
    for (const auto &header : f.chat->clients().at(1).handshake.responseHeaders())
        hasProtocol
            |= header == qMakePair(QByteArray("Sec-WebSocket-Protocol"), QByteArray("duplex.v1"));
    QVERIFY(hasProtocol);
}

void TestChatServer::trafficLogOneRowPerFrameAndFanOut()
{
    TestServer f;
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    auto c = f.client("Cy");
    QVERIFY(a && b && c);
    const quint64 mark = f.traffic.lastSerial();
    a->send(obj({{"type", "say"}, {"id", "x"}, {"room", "general"}, {"text", "fan"}}));
    b->take("message");
    c->take("message");
    a->take("message");
    QList<TrafficEntry> rows;
    QTRY_VERIFY((rows = f.traffic.entriesSince(mark)).size() >= 2);
    QCOMPARE(rows.size(), 2); // one in, one fan-out: not one row per recipient
    QCOMPARE(rows.at(0).direction, TrafficDirection::In);
    QCOMPARE(rows.at(0).type, QStringLiteral("say"));
    QCOMPARE(rows.at(0).client, QStringLiteral("Ada"));
    QVERIFY(rows.at(0).payload.contains("\"fan\""));
    QCOMPARE(rows.at(0).bytes, rows.at(0).payload.size());
    QCOMPARE(rows.at(1).direction, TrafficDirection::Out);
    QCOMPARE(rows.at(1).type, QStringLiteral("message"));
    QCOMPARE(rows.at(1).recipients, 3);
    QVERIFY(rows.at(1).payload.contains("\"seq\":1"));

    // Events: open, hello, close.
    bool sawOpen = false, sawHello = false;
    for (const auto &e : f.traffic.entries()) {
        sawOpen |= e.direction == TrafficDirection::Event && e.type == QLatin1String("open");
        sawHello |= e.direction == TrafficDirection::Event && e.type == QLatin1String("hello");
    }
    QVERIFY(sawOpen && sawHello);
    const quint64 mark2 = f.traffic.lastSerial();
    b->socket.close();
    QTRY_VERIFY([&] {
        for (const auto &e : f.traffic.entriesSince(mark2)) {
            if (e.type == QLatin1String("close") && e.closeCode == 1000
                && e.summary.contains(QLatin1String("cleanly")))
                return true;
        }
        return false;
    }());
}

void TestChatServer::clientInfoAndCounters()
{
    ServerConfig config;
    config.pingIntervalMs = 100;
    TestServer f(config);
    QVERIFY(f.start());
    auto a = f.client("Ada");
    auto b = f.client("Bob");
    QVERIFY(a && b);
    a->send(obj({{"type", "say"}, {"room", "general"}, {"text", "count me"}}));
    b->take("message");
    // RTT comes from the WebSocket pings (every 100 ms here).
    QTRY_VERIFY(f.chat->clients().at(0).rttMs >= 0);
    const ClientInfo ada = f.chat->clients().at(0);
    QCOMPARE(ada.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(ada.port, a->socket.localPort());
    QCOMPARE(ada.framesIn, 2);   // hello, say
    QVERIFY(ada.framesOut >= 5); // welcome, joined, history, presence, message
    QVERIFY(ada.bytesIn > 20 && ada.bytesOut > 50);
    QVERIFY(ada.connectedSince.isValid());
    QCOMPARE(ada.end, EndKind::Open);
    const ServerCounters n = f.chat->counters();
    QCOMPARE(n.clients, 2);
    QCOMPARE(n.connectionsTotal, 2u);
    QCOMPARE(n.framesIn, 3u);
    QCOMPARE(n.messagesStored, 1u);
    QVERIFY(n.framesOut >= 9);
    QVERIFY(n.bytesOut > n.bytesIn);
    QCOMPARE(f.chat->clientCount(), 2);
}

QTEST_GUILESS_MAIN(TestChatServer)
#include "tst_chatserver.moc"
