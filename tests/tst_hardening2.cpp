// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Issue 16, the rest: closes that reach a client still sending, the truth about shutdown
// closes, frames Qt 6.4 should refuse (pinned), look-alike and invisible nicks, blank
// texts, history and pings in the rate limit, a database that vanishes, rooms bounded.

#include "chattestclient.h"
#include "headlessserver.h"
#include "testserver.h"

#include <chatserver.h>
#include <historystore.h>
#include <names.h>
#include <trafficlog.h>
#include <websocket.h>

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::Headless;
using duplex::test::obj;
using duplex::test::RawWsClient;
using duplex::test::TestServer;

namespace {

QJsonObject say(const QString &id, const QString &room, const QString &text)
{
    return obj({{"type", "say"}, {"id", id}, {"room", room}, {"text", text}});
}

/// Every complete frame in a byte stream from the server.
std::vector<duplex::ws::WireFrame> framesIn(const QByteArray &bytes)
{
    std::vector<duplex::ws::WireFrame> out;
    duplex::ws::FrameStream stream(1 << 20);
    stream.feed(bytes, [&](duplex::ws::WireFrame &&f) { out.push_back(std::move(f)); });
    return out;
}

/// The close code of the first close frame in the stream, -1 when there is none.
int closeCodeIn(const QByteArray &bytes)
{
    for (const auto &f : framesIn(bytes)) {
        if (f.header.opcode == 0x8 && f.wire.size() >= f.header.headerLength + 2) {
            const auto *p
                = reinterpret_cast<const uchar *>(f.wire.constData()) + f.header.headerLength;
            return (p[0] << 8) | p[1];
        }
    }
    return -1;
}

/// A hello frame, masked as a client must.
void hello(RawWsClient &raw, const QString &nick)
{
    raw.sendText(
        QJsonDocument(obj({{"type", "hello"}, {"nick", nick}})).toJson(QJsonDocument::Compact));
}

/// The error code the server answers a hello with that nick ("" for a welcome).
QString helloOutcome(quint16 port, const QString &nick)
{
    ChatTestClient c;
    if (!c.open(port))
        return QStringLiteral("no connection");
    c.send(obj({{"type", "hello"}, {"nick", nick}}));
    const QJsonObject first = c.take([](const QJsonObject &o) {
        return o.value("type") == QLatin1String("welcome")
            || o.value("type") == QLatin1String("error");
    });
    return first.value("type").toString() == QLatin1String("welcome")
        ? QString()
        : first.value("code").toString();
}

} // namespace

class TestHardening2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void floodingClientStillSendingGetsTheCloseFrame();
    void shutdownLogSaysWhoClosedInTime();
    void unmaskedClientFrameIsClosed1002();
    void characterSplitAcrossFragmentsIsAccepted();
    void byteOrderMarkBeforeTheJsonIsAccepted();
    void nicksAreComparedByTheirLook();
    void invisibleNicksAreRefused();
    void blankLookingTextsAreRefusedAsEmpty();
    void historyIsCostedByItsBytes();
    void clientPingsCountInTheRateLimit();
    void vanishedDatabaseIsReportedAndAnsweredInternal();
    void roomsPerSessionAndRoomsRepliesAreBounded();
};

void TestHardening2::floodingClientStillSendingGetsTheCloseFrame()
{
    // A script floods without reading (a small receive window: the server's answers and
    // its close frame wait in the server's send queue) and keeps sending after it was
    // closed. Before: the server closed the socket with unread input, the kernel sent a
    // reset and dropped the queue, close frame included (Node's ws reported 1006).
    ServerConfig config;
    config.burst = 20;
    config.ratePerSec = 1;
    TestServer s(config);
    QVERIFY(s.start());
    RawWsClient flood;
    QVERIFY(flood.connectTo(s.port(), 2048));
    QVERIFY(flood.waitUpgraded());
    flood.tcp.setReadBufferSize(1); // Qt reads (almost) nothing from now on
    hello(flood, QStringLiteral("flo"));
    QSignalSpy gone(s.chat.get(), &ChatServer::clientDisconnected);
    const QByteArray frame = R"({"type":"say","id":"x","room":"general","text":"spam"})";
    int rounds = 0;
    // Flood until the server gave up on us, then three more rounds: still sending.
    for (int after = 0; after < 3 && rounds < 500; ++rounds) {
        for (int i = 0; i < 50; ++i)
            flood.sendText(frame);
        (void)QTest::qWaitFor([&] { return flood.tcp.bytesToWrite() == 0; }, 2000);
        if (!gone.isEmpty())
            ++after;
        if (flood.tcp.state() != QAbstractSocket::ConnectedState)
            break;
    }
    QTRY_COMPARE(gone.count(), 1);
    QCOMPARE(gone.constFirst().at(0).value<ClientInfo>().closeCode, 1008);
    // Now read everything the server sent until the connection ends.
    flood.tcp.setReadBufferSize(0);
    QByteArray got = flood.inbox;
    QTRY_VERIFY_WITH_TIMEOUT(
        (got += flood.tcp.readAll(),
         closeCodeIn(got) != -1 || flood.tcp.state() != QAbstractSocket::ConnectedState),
        10000);
    got += flood.tcp.readAll();
    QVERIFY2(got.contains("rate_limited"), got.left(200).constData());
    QCOMPARE(closeCodeIn(got), 1008);
}

void TestHardening2::shutdownLogSaysWhoClosedInTime()
{
    // One client answers the server's 1001, one never reads or answers (a frozen tab):
    // the log must not claim both closed.
    Headless h;
    QVERIFY(h.port);
    ChatTestClient good;
    QVERIFY(good.open(h.port));
    good.send(obj({{"type", "hello"}, {"nick", "ada"}}));
    QVERIFY(!good.take("welcome").isEmpty());
    RawWsClient frozen;
    QVERIFY(frozen.connectTo(h.port));
    QVERIFY(frozen.waitUpgraded());
    hello(frozen, QStringLiteral("ben"));
    QTRY_VERIFY(h.log.contains(QStringLiteral("said hello as \"ben\"")));
    frozen.tcp.setReadBufferSize(1); // reads nothing more: never sees the close, nor the FIN
    ::kill(pid_t(h.process.processId()), SIGTERM);
    QVERIFY(good.waitDisconnected(10000));
    QCOMPARE(good.closeCode, 1001);
    QTRY_COMPARE_WITH_TIMEOUT(h.process.state(), QProcess::NotRunning, 10000);
    QVERIFY2(h.log.contains(QStringLiteral("1001 sent to 2 clients: 1 closed in time, 1 did not")),
             qPrintable(h.log));
    // The frozen one had the frame all along, unread.
    frozen.tcp.setReadBufferSize(0);
    QByteArray got = frozen.inbox;
    QTRY_VERIFY((got += frozen.tcp.readAll(), closeCodeIn(got) != -1));
    QCOMPARE(closeCodeIn(got), 1001);
}

void TestHardening2::unmaskedClientFrameIsClosed1002()
{
    // RFC 6455 5.1: a server must close the connection on an unmasked client frame.
    TestServer s;
    QVERIFY(s.start());
    RawWsClient raw;
    QVERIFY(raw.connectTo(s.port()));
    QVERIFY(raw.waitUpgraded());
    hello(raw, QStringLiteral("nomask"));
    QTRY_VERIFY(raw.tcp.bytesAvailable() > 0 && raw.tcp.peek(4096).contains("welcome"));
    const QByteArray ping = R"({"type":"ping","id":"p"})";
    raw.tcp.write(QByteArray(1, char(0x81)) + char(ping.size()) + ping); // no mask bit
    raw.tcp.flush();
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT(
        (got += raw.tcp.readAll(), closeCodeIn(got) != -1 || got.contains(R"("type":"pong")")),
        5000);
    QCOMPARE(closeCodeIn(got), 1002);
}

void TestHardening2::characterSplitAcrossFragmentsIsAccepted()
{
    // "é" (C3 A9) split between the first fragment and the continuation of one message:
    // valid UTF-8 as a message (RFC 6455 5.6 validates the whole message).
    TestServer s;
    QVERIFY(s.start());
    RawWsClient raw;
    QVERIFY(raw.connectTo(s.port()));
    QVERIFY(raw.waitUpgraded());
    hello(raw, QStringLiteral("frag"));
    QTRY_VERIFY(raw.tcp.bytesAvailable() > 0 && raw.tcp.peek(4096).contains("welcome"));
    const QByteArray text = R"({"type":"ping","id":"caf)" + QByteArray("\xC3\xA9") + R"("})";
    const qsizetype cut = text.indexOf('\xC3') + 1;
    raw.sendFrame(0x1, text.left(cut), false);
    raw.sendFrame(0x0, text.mid(cut), true);
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT(
        (got += raw.tcp.readAll(), closeCodeIn(got) != -1 || got.contains(R"("type":"pong")")),
        5000);
    QVERIFY2(got.contains(R"("type":"pong")"), got.constData());
}

void TestHardening2::byteOrderMarkBeforeTheJsonIsAccepted()
{
    // A text message starting with a UTF-8 byte order mark (some editors and scripts add
    // one) is welcomed, as when Qt read the server's frames (its decoder dropped the mark;
    // the server's own reader drops it too, and the JSON decoder would also accept it).
    TestServer s;
    QVERIFY(s.start());
    RawWsClient raw;
    QVERIFY(raw.connectTo(s.port()));
    QVERIFY(raw.waitUpgraded());
    raw.sendText("\xEF\xBB\xBF"
                 R"({"type":"hello","nick":"bom"})");
    QTRY_VERIFY(raw.tcp.bytesAvailable() > 0 && raw.tcp.peek(4096).contains("welcome"));
}

void TestHardening2::nicksAreComparedByTheirLook()
{
    using namespace duplex::proto;
    // Cyrillic Ѕ, е; Cyrillic а; "e" + combining acute.
    const QString cyrServer = QStringLiteral("\u0405\u0435rv\u0435r");
    const QString cyrAlice = QStringLiteral("\u0430lice");
    const QString decomposed = QStringLiteral("e\u0301mile");
    QVERIFY(nickLooksLike(cyrAlice, QStringLiteral("alice")));
    QVERIFY(nickLooksLike(QStringLiteral("ALICE"), QStringLiteral("alice")));
    QVERIFY(nickLooksLike(decomposed, QStringLiteral("\u00e9mile")));
    QVERIFY(!nickLooksLike(QStringLiteral("alice"), QStringLiteral("alice2")));
    QVERIFY(!nickLooksLike(QStringLiteral("emile"), QStringLiteral("\u00e9mile")));
    QCOMPARE(normalizedNick(decomposed), QStringLiteral("\u00e9mile"));
    QVERIFY(nickProblem(cyrServer).has_value());
    QVERIFY(nickProblem(QStringLiteral("SYSTEM")).has_value());

    TestServer s;
    QVERIFY(s.start());
    auto alice = s.client(QStringLiteral("alice"));
    auto emile = s.client(QStringLiteral("\u00e9mile"));
    QVERIFY(alice && emile);
    QCOMPARE(helloOutcome(s.port(), cyrAlice), QStringLiteral("nick_taken"));
    QCOMPARE(helloOutcome(s.port(), decomposed), QStringLiteral("nick_taken"));
    QCOMPARE(helloOutcome(s.port(), cyrServer), QStringLiteral("bad_nick"));
    // A decomposed nick is kept composed (NFC), as everyone is shown it.
    ChatTestClient zoe;
    QVERIFY(zoe.open(s.port()));
    zoe.send(obj({{"type", "hello"}, {"nick", QStringLiteral("zo\u0065\u0308")}}));
    QCOMPARE(zoe.take("welcome").value("nick").toString(), QStringLiteral("zo\u00eb"));
    // Renaming into a look-alike is refused too.
    emile->send(obj({{"type", "nick"}, {"id", "n"}, {"nick", QStringLiteral("\u0410LICE")}}));
    QCOMPARE(emile->takeError(QStringLiteral("nick_taken")).value("re").toString(),
             QStringLiteral("n"));
}

void TestHardening2::invisibleNicksAreRefused()
{
    using namespace duplex::proto;
    TestServer s;
    QVERIFY(s.start());
    const QString cases[] = {
        QStringLiteral("\u3164"),             // HANGUL FILLER alone (a "letter")
        QStringLiteral("ab\u3164"),           // ... or inside
        QStringLiteral("\u0301"),             // a combining mark alone
        QStringLiteral("\u0301\u0308\u0301"), // marks alone
        QStringLiteral("a\u200Bb"),           // zero-width space
        QStringLiteral("\uFFA0"),             // HALFWIDTH HANGUL FILLER
        QStringLiteral("ann\uFE0F"),          // a variation selector (default-ignorable mark)
    };
    for (const QString &nick : cases) {
        QVERIFY2(nickProblem(normalizedNick(nick)).has_value(), qPrintable(nick));
        QCOMPARE(helloOutcome(s.port(), nick), QStringLiteral("bad_nick"));
    }
    ChatTestClient c;
    QVERIFY(c.open(s.port()));
    c.send(obj({{"type", "hello"}, {"nick", QStringLiteral("\u3164")}}));
    QCOMPARE(c.takeError(QStringLiteral("bad_nick")).value("message").toString(),
             QStringLiteral("A nickname cannot contain invisible characters."));
    // Real names with marks stay fine.
    QCOMPARE(helloOutcome(s.port(), QStringLiteral("\u0928\u093f\u0927\u093f")), QString());
    QCOMPARE(helloOutcome(s.port(), QStringLiteral("Zo\u00eb")), QString());
}

void TestHardening2::blankLookingTextsAreRefusedAsEmpty()
{
    TestServer s;
    QVERIFY(s.start());
    auto ada = s.client(QStringLiteral("ada"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ada && bob);
    const QString blanks[] = {
        QStringLiteral("\u200B\u200B\u200B"),  // zero-width spaces
        QStringLiteral("\u0301\u0301"),        // combining marks alone
        QStringLiteral("\u3164\u3164"),        // HANGUL FILLER
        QStringLiteral("\u2060\uFEFF \u200D"), // word joiner, BOM, space, ZWJ
        QStringLiteral("\u2800"),              // BRAILLE PATTERN BLANK
    };
    int i = 0;
    for (const QString &text : blanks) {
        const QString id = QStringLiteral("b%1").arg(++i);
        ada->send(say(id, QStringLiteral("general"), text));
        const QJsonObject e = ada->takeError(QStringLiteral("empty"));
        QCOMPARE(e.value("re").toString(), id);
        ada->send(obj({{"type", "whisper"}, {"id", id + "w"}, {"to", "bob"}, {"text", text}}));
        QCOMPARE(ada->takeError(QStringLiteral("empty")).value("re").toString(), id + "w");
    }
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count(QStringLiteral("message")), 0);
    QCOMPARE(bob->count(QStringLiteral("whisper")), 0);
    // A mark on a letter, an emoji with its selector: real text.
    ada->send(say(QStringLiteral("ok"), QStringLiteral("general"),
                  QStringLiteral("e\u0301 \u2764\uFE0F")));
    QVERIFY(!ada->take("message").isEmpty());
}

void TestHardening2::historyIsCostedByItsBytes()
{
    // 50 stored messages of 12 KB: one history reply is 600 KB, ~37 tokens at 16 KiB a
    // token. Twenty such requests used to pass within the burst of 20.
    TestServer s; // the defaults: burst 20, 10/s
    QVERIFY(s.start());
    const QString big(4000, QChar(0x20AC)); // 4000 × "€": 12 000 bytes of UTF-8
    for (int i = 0; i < 50; ++i)
        QVERIFY(s.store->append(QStringLiteral("general"), QStringLiteral("old"),
                                QStringLiteral("old"), QString(), big, 1000 + i));
    auto hammer = s.client(QStringLiteral("hammer"));
    auto other = s.client(QStringLiteral("other"));
    QVERIFY(hammer && other);
    for (int i = 0; i < 10; ++i)
        hammer->send(obj({{"type", "history"},
                          {"id", QStringLiteral("h%1").arg(i)},
                          {"room", "general"},
                          {"limit", 50}}));
    int served = 0;
    int limited = 0;
    for (int i = 0; i < 10; ++i) {
        const QJsonObject r = hammer->take(
            [](const QJsonObject &o) {
                return (o.value("type") == QLatin1String("history")
                        && o.value("re").toString().startsWith(QLatin1Char('h')))
                    || o.value("type") == QLatin1String("error");
            },
            10000);
        QVERIFY(!r.isEmpty());
        if (r.value("type").toString() == QLatin1String("history")) {
            ++served;
            QCOMPARE(r.value("messages").toArray().size(), 50);
        } else {
            QCOMPARE(r.value("code").toString(), QStringLiteral("rate_limited"));
            ++limited;
        }
    }
    QVERIFY2(served <= 2 && limited >= 8,
             qPrintable(QStringLiteral("%1 served, %2 limited").arg(served).arg(limited)));
    // Everyone else's requests are untouched (the other one joined the same room: its
    // join's history is not charged).
    for (int i = 0; i < 5; ++i)
        QVERIFY(other->barrier());
    QCOMPARE(other->count(QStringLiteral("error")), 0);
}

void TestHardening2::clientPingsCountInTheRateLimit()
{
    ServerConfig config;
    config.burst = 5;
    config.ratePerSec = 1;
    TestServer s(config);
    QVERIFY(s.start());
    RawWsClient raw;
    QVERIFY(raw.connectTo(s.port()));
    QVERIFY(raw.waitUpgraded());
    hello(raw, QStringLiteral("pinger")); // one token
    for (int i = 0; i < 20; ++i)
        raw.sendFrame(0x9, "p");
    // An application ping after them: answered only after the refused control frames.
    raw.sendText(R"({"type":"ping","id":"after"})");
    QByteArray got = raw.inbox;
    QTRY_VERIFY_WITH_TIMEOUT((got += raw.tcp.readAll(), got.contains(R"("re":"after")")), 5000);
    int pongs = 0;
    for (const auto &f : framesIn(got))
        pongs += f.header.opcode == 0xA ? 1 : 0;
    QVERIFY2(pongs <= 5, qPrintable(QString::number(pongs))); // burst 5 - hello
    QVERIFY(s.chat->counters().rateLimited >= 15);
    // Past 5x the burst refused, flooding with pings closes like flooding with messages.
    for (int i = 0; i < 30; ++i)
        raw.sendFrame(0x9, "p");
    QTRY_VERIFY_WITH_TIMEOUT((got += raw.tcp.readAll(), closeCodeIn(got) != -1), 5000);
    QCOMPARE(closeCodeIn(got), 1008);
    QCOMPARE(s.chat->counters().floodDisconnects, 1u);
}

void TestHardening2::vanishedDatabaseIsReportedAndAnsweredInternal()
{
    TestServer s;
    QVERIFY(s.start());
    QSignalSpy events(s.chat.get(), &ChatServer::eventLogged);
    auto ada = s.client(QStringLiteral("ada"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ada && bob);
    ada->send(say(QStringLiteral("s1"), QStringLiteral("general"), QStringLiteral("stored")));
    QCOMPARE(ada->take("message").value("seq").toInteger(), 1);
    QVERIFY(!bob->take("message").isEmpty());
    // Someone removes the directory while the server runs (SQLite's open descriptor
    // would keep "writing" into the deleted file).
    QVERIFY(QDir(s.dir.path()).removeRecursively());
    ada->send(say(QStringLiteral("s2"), QStringLiteral("general"), QStringLiteral("lost?")));
    QCOMPARE(ada->takeError(QStringLiteral("internal")).value("re").toString(),
             QStringLiteral("s2"));
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count(QStringLiteral("message")), 0); // nothing unstored went out
    bool reported = false;
    for (const QList<QVariant> &e : events) {
        if (e.at(0).value<EventKind>() == EventKind::Error
            && e.at(1).toString().contains(QStringLiteral("removed or replaced")))
            reported = true;
    }
    QVERIFY(reported);
    // Replaced by a directory of the same name: the same.
    QVERIFY(QDir().mkpath(s.dir.filePath(QStringLiteral("history.sqlite"))));
    ada->send(say(QStringLiteral("s3"), QStringLiteral("general"), QStringLiteral("lost?")));
    QCOMPARE(ada->takeError(QStringLiteral("internal")).value("re").toString(),
             QStringLiteral("s3"));
}

void TestHardening2::roomsPerSessionAndRoomsRepliesAreBounded()
{
    ServerConfig config;
    config.ratePerSec = 0;
    config.maxRoomsPerSession = 3;
    config.maxRoomsListed = 2;
    TestServer s(config);
    QVERIFY(s.start());
    auto ada = s.client(QStringLiteral("ada")); // in general
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ada && bob);
    for (const char *room : {"a", "b"}) {
        ada->send(obj({{"type", "join"}, {"room", room}}));
        QVERIFY(!ada->take("history").isEmpty());
    }
    ada->send(obj({{"type", "join"}, {"id", "j"}, {"room", "c"}}));
    const QJsonObject e = ada->takeError(QStringLiteral("bad_room"));
    QCOMPARE(e.value("re").toString(), QStringLiteral("j"));
    QCOMPARE(e.value("message").toString(),
             QStringLiteral("you are in 3 rooms already: leave one first"));
    // Joining a room one is in already is no new room.
    ada->send(obj({{"type", "join"}, {"id", "again"}, {"room", "a"}}));
    QCOMPARE(ada->take([](const QJsonObject &o) { return o.value("re") == QLatin1String("again"); })
                 .value("type")
                 .toString(),
             QStringLiteral("joined"));
    // Four rooms exist (general, a, b, and bob's d); the reply lists the 2 fullest.
    bob->send(obj({{"type", "join"}, {"room", "d"}}));
    QVERIFY(!bob->take("history").isEmpty());
    QTRY_COMPARE(s.chat->rooms().size(), 4);
    ada->send(obj({{"type", "rooms"}, {"id", "r"}}));
    const QJsonArray rooms = ada->take("rooms").value("rooms").toArray();
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms.at(0).toObject().value("name").toString(), QStringLiteral("general"));
}

QTEST_GUILESS_MAIN(TestHardening2)
#include "tst_hardening2.moc"
