// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Class control (protocol-v1.md "Class control", issue 15): every refusal a student can
// meet, the operator's actions, dup on resends, held nicks, transcripts from the real
// duplex-server binary, and the window's moderation actions.

#include "testserver.h"

#include <chatserver.h>
#include <classcontrol.h>
#include <classcontrolui.h>
#include <clientmodel.h>
#include <clientsession.h>
#include <clientspanel.h>
#include <historystore.h>
#include <joincard.h>
#include <serverhost.h>
#include <serveroptions.h>
#include <settingsdialog.h>
#include <transcript.h>

#include <QAction>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::obj;
using duplex::test::TestServer;

namespace {

/// Loopback counts as a student's address (address bans and strikes apply) and the
/// per-address connection limits are off, so a test may open connections quickly.
ServerConfig classConfig()
{
    ServerConfig c = TestServer::unlimited();
    c.limitLoopback = true;
    c.maxConnectionsPerAddress = 0;
    c.connectsPerSecPerAddress = 0;
    c.addressRateFactor = 0;
    return c;
}

QJsonObject helloObj(const QString &nick, const QString &code = {}, const QString &resume = {})
{
    QJsonObject h = obj({{"type", "hello"}, {"id", "h"}, {"nick", nick}});
    if (!code.isNull())
        h.insert(QStringLiteral("code"), code);
    if (!resume.isEmpty())
        h.insert(QStringLiteral("resume"), resume);
    return h;
}

std::unique_ptr<ChatTestClient> opened(const TestServer &s)
{
    auto c = std::make_unique<ChatTestClient>();
    if (!c->open(s.port()))
        return nullptr;
    return c;
}

/// A client welcomed with a join code (welcome, joined and history consumed).
std::unique_ptr<ChatTestClient> joinWithCode(const TestServer &s, const QString &nick,
                                             const QString &code)
{
    auto c = opened(s);
    if (!c)
        return nullptr;
    c->send(helloObj(nick, code));
    if (c->take("welcome").isEmpty() || c->take("joined").isEmpty() || c->take("history").isEmpty())
        return nullptr;
    return c;
}

QJsonObject say(const QString &room, const QString &text, const QString &id)
{
    return obj({{"type", "say"}, {"room", room}, {"text", text}, {"id", id}});
}

} // namespace

class TstClassControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeIsNormalised();
    void joinCodeRequiredAndCompared();
    void wrongCodesStrikeOutTheAddress();
    void resumeNeedsNoCode();
    void kickBansNickAndAddressForThePeriod();
    void kickedTokenIsVoid();
    void loopbackKickBansTheNickOnly();
    void liftBan();
    void muteRefusesSayAndWhisperOnly();
    void lockedRoomRefusesNewJoins();
    void lockedServerRefusesNewSessionsButResumes();
    void slowModeAnswersRetryAfter();
    void reservedNickInAnyCase();
    void dupOnResendOnly();
    void heldNickSaysSoAndCanBeFreed();
    void transcriptFormats();
    void transcriptCli();
    void optionsReachTheEngine();
    void hostModerationActions();
    void moderationDialogListsBansAndHeldNicks();
    void joinCardShowsTheCode();
    void qtClientSaysWhyInPlainWords();
};

namespace {
/// Saves a grab when DUPLEX_SCREENSHOT_DIR is set (to look at; docs/screenshots/ keeps some).
void keep(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
} // namespace

void TstClassControl::codeIsNormalised()
{
    QCOMPARE(ClassControl::normalizedCode(QStringLiteral(" Blue\tFox 42 ")),
             QStringLiteral("bluefox42"));
    ClassControl c;
    QVERIFY(c.codeMatches(QString())); // no code set: anything goes
    c.setJoinCode(QStringLiteral("Blue Fox"));
    QVERIFY(c.codeMatches(QStringLiteral("bluefox")));
    QVERIFY(c.codeMatches(QStringLiteral("  BLUE   FOX ")));
    QVERIFY(!c.codeMatches(QStringLiteral("blue fax")));
    QVERIFY(!c.codeMatches(QString()));
}

void TstClassControl::joinCodeRequiredAndCompared()
{
    ServerConfig config = classConfig();
    config.joinCode = QStringLiteral("Blue Fox");
    TestServer s(config);
    QVERIFY(s.start());
    auto c = opened(s);
    QVERIFY(c);
    c->send(helloObj(QStringLiteral("ann")));
    QJsonObject e = c->takeError(QStringLiteral("bad_code"));
    QCOMPARE(e.value("re").toString(), QStringLiteral("h"));
    QVERIFY(e.value("message").toString().contains(QLatin1String("join code")));
    c->send(helloObj(QStringLiteral("ann"), QStringLiteral("red fox")));
    QVERIFY(!c->takeError(QStringLiteral("bad_code")).isEmpty());
    // The connection stayed open for another hello; case and spaces do not matter.
    c->send(helloObj(QStringLiteral("ann"), QStringLiteral("  BLUEFOX")));
    QCOMPARE(c->take("welcome").value("nick").toString(), QStringLiteral("ann"));
    QVERIFY(!c->disconnected);
    // Changed at run time: the next new session needs the new code.
    s.chat->setJoinCode(QStringLiteral("owl"));
    auto d = opened(s);
    d->send(helloObj(QStringLiteral("bo"), QStringLiteral("blue fox")));
    QVERIFY(!d->takeError(QStringLiteral("bad_code")).isEmpty());
    d->send(helloObj(QStringLiteral("bo"), QStringLiteral("OWL")));
    QVERIFY(!d->take("welcome").isEmpty());
}

void TstClassControl::wrongCodesStrikeOutTheAddress()
{
    ServerConfig config = classConfig();
    config.joinCode = QStringLiteral("owl");
    config.strikeWindowMs = 1500;
    TestServer s(config);
    QVERIFY(s.start());
    QElapsedTimer clock;
    clock.start();
    auto c = opened(s);
    QVERIFY(c);
    for (int i = 1; i <= 4; ++i) {
        c->send(helloObj(QStringLiteral("guess"), QStringLiteral("cat%1").arg(i)));
        QVERIFY(!c->takeError(QStringLiteral("bad_code")).isEmpty());
    }
    // Before a welcome a ping is answered with not_welcomed: a barrier all the same.
    c->send(obj({{"type", "ping"}, {"id", "b"}}));
    QCOMPARE(c->takeError(QStringLiteral("not_welcomed")).value("re").toString(),
             QStringLiteral("b"));
    QVERIFY(!c->disconnected); // four strikes: still open
    c->send(helloObj(QStringLiteral("guess"), QStringLiteral("cat5")));
    QVERIFY(!c->takeError(QStringLiteral("bad_code")).isEmpty());
    QVERIFY(c->waitDisconnected());
    QCOMPARE(c->closeCode, 1008);

    // Even the right code from that address is refused until the minute (here 1.5 s) is over.
    auto d = opened(s);
    QVERIFY(d);
    d->send(helloObj(QStringLiteral("legit"), QStringLiteral("owl")));
    QVERIFY(!d->takeError(QStringLiteral("bad_code")).isEmpty());
    QVERIFY(d->waitDisconnected());
    QCOMPARE(d->closeCode, 1008);
    const bool stillInWindow = clock.elapsed() < 1500;
    QVERIFY2(stillInWindow, "the machine was too slow for this window");

    // After the window: welcome again (tried every 100 ms; each try is a new connection).
    bool welcomed = false;
    std::unique_ptr<ChatTestClient> e;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (welcomed)
                return true;
            e = opened(s);
            if (!e)
                return false;
            e->send(helloObj(QStringLiteral("legit"), QStringLiteral("owl")));
            welcomed = !e->take([](const QJsonObject &o) {
                             return o.value("type").toString() == QLatin1String("welcome")
                                 || o.value("type").toString() == QLatin1String("error");
                         })
                            .value("session")
                            .toString()
                            .isEmpty();
            return welcomed;
        },
        10000));
    QVERIFY(clock.elapsed() >= 1400);
}

void TstClassControl::resumeNeedsNoCode()
{
    ServerConfig config = classConfig();
    config.joinCode = QStringLiteral("owl");
    TestServer s(config);
    QVERIFY(s.start());
    auto a = joinWithCode(s, QStringLiteral("ann"), QStringLiteral("owl"));
    QVERIFY(a);
    auto b = opened(s);
    b->send(helloObj(QStringLiteral("bea"), QStringLiteral("owl")));
    const QString beaToken = b->take("welcome").value("session").toString();
    QVERIFY(!beaToken.isEmpty());
    b->socket.abort(); // a drop: the session is kept
    QTRY_VERIFY(s.chat->heldNicks().size() == 1);
    auto back = opened(s);
    back->send(helloObj(QStringLiteral("bea"), QString(), beaToken)); // no code
    const QJsonObject w = back->take("welcome");
    QCOMPARE(w.value("nick").toString(), QStringLiteral("bea"));
    QCOMPARE(w.value("session").toString(), beaToken);
    // A takeover of a live session needs none either.
    auto again = opened(s);
    again->send(helloObj(QStringLiteral("bea"), QString(), beaToken));
    QCOMPARE(again->take("welcome").value("session").toString(), beaToken);
    QVERIFY(back->waitDisconnected());
    QCOMPARE(back->closeCode, 4000);
}

void TstClassControl::kickBansNickAndAddressForThePeriod()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(bob);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(s.chat->kick(s.idOf(QStringLiteral("bob")), QStringLiteral("enough"), 1500));
    QVERIFY(bob->waitDisconnected());
    QCOMPARE(bob->closeCode, 4001);
    QCOMPARE(s.chat->bans().size(), 1);
    QCOMPARE(s.chat->bans().constFirst().nick, QStringLiteral("bob"));
    QCOMPARE(s.chat->bans().constFirst().address, QStringLiteral("127.0.0.1"));

    // The nick (any case) and the address (any nick) are refused with banned {until}, 4003.
    for (const QString &nick : {QStringLiteral("BOB"), QStringLiteral("carol")}) {
        auto c = opened(s);
        QVERIFY(c);
        c->send(helloObj(nick));
        const QJsonObject e = c->takeError(QStringLiteral("banned"));
        QVERIFY2(!e.isEmpty(), qPrintable(nick));
        const qint64 until = qint64(e.value("until").toDouble());
        QVERIFY(until >= before + 1500 && until <= QDateTime::currentMSecsSinceEpoch() + 1500);
        QVERIFY(c->waitDisconnected());
        QCOMPARE(c->closeCode, 4003);
    }
    // The period ends: welcome.
    QTRY_VERIFY_WITH_TIMEOUT(s.chat->bans().isEmpty(), 10000);
    auto back = s.client(QStringLiteral("bob"));
    QVERIFY(back);
}

void TstClassControl::kickedTokenIsVoid()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    s.chat->setBanPeriod(0); // no ban: only the session ends
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(bob);
    const QString token = bob->welcome.value("session").toString();
    bob->send(obj({{"type", "join"}, {"room", "lab"}}));
    QVERIFY(!bob->take("history").isEmpty());
    QVERIFY(s.chat->kick(s.idOf(QStringLiteral("bob")), QStringLiteral("bye")));
    QVERIFY(bob->waitDisconnected());
    QCOMPARE(bob->closeCode, 4001);
    QVERIFY(s.chat->bans().isEmpty());
    // Ctrl+R: the old token resumes nothing; a new session in #general only.
    auto again = opened(s);
    again->send(helloObj(QStringLiteral("bob"), QString(), token));
    const QJsonObject w = again->take("welcome");
    QCOMPARE(w.value("nick").toString(), QStringLiteral("bob"));
    QVERIFY(w.value("session").toString() != token);
    QCOMPARE(again->take("joined").value("room").toString(), QStringLiteral("general"));
    QVERIFY(again->barrier());
    QCOMPARE(again->count(QStringLiteral("joined")), 0); // not #lab
}

void TstClassControl::loopbackKickBansTheNickOnly()
{
    TestServer s(TestServer::unlimited()); // loopback spared, as on the teacher's machine
    QVERIFY(s.start());
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(bob);
    QVERIFY(s.chat->kick(s.idOf(QStringLiteral("bob")), QString()));
    QVERIFY(bob->waitDisconnected());
    QCOMPARE(s.chat->bans().size(), 1);
    QVERIFY(s.chat->bans().constFirst().address.isEmpty());
    QVERIFY(s.chat->bans().constFirst().untilMs
            > QDateTime::currentMSecsSinceEpoch() + 9 * 60 * 1000); // the default 10 min
    QVERIFY(s.client(QStringLiteral("carol")));
    auto c = opened(s);
    c->send(helloObj(QStringLiteral("Bob")));
    QVERIFY(!c->takeError(QStringLiteral("banned")).isEmpty());
}

void TstClassControl::liftBan()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(bob);
    QSignalSpy changed(s.chat.get(), &ChatServer::classControlChanged);
    QVERIFY(s.chat->kick(s.idOf(QStringLiteral("bob")), QString(), 60 * 60 * 1000));
    QVERIFY(bob->waitDisconnected());
    const QList<BanInfo> bans = s.chat->bans();
    QCOMPARE(bans.size(), 1);
    QVERIFY(!s.chat->liftBan(bans.constFirst().id + 100));
    QVERIFY(s.chat->liftBan(bans.constFirst().id));
    QVERIFY(s.chat->bans().isEmpty());
    QVERIFY(changed.count() >= 2);
    QVERIFY(s.client(QStringLiteral("bob")));
}

void TstClassControl::muteRefusesSayAndWhisperOnly()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto ann = s.client(QStringLiteral("ann"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ann && bob);
    s.chat->setMuted(QStringLiteral("BOB"), true);
    QVERIFY(s.chat->isMuted(QStringLiteral("bob")));
    bob->send(say(QStringLiteral("general"), QStringLiteral("hi"), QStringLiteral("s1")));
    QCOMPARE(bob->takeError(QStringLiteral("muted")).value("re").toString(), QStringLiteral("s1"));
    bob->send(obj({{"type", "whisper"}, {"to", "ann"}, {"text", "psst"}, {"id", "w1"}}));
    QCOMPARE(bob->takeError(QStringLiteral("muted")).value("re").toString(), QStringLiteral("w1"));
    // Everything else works.
    bob->send(obj({{"type", "join"}, {"room", "lab"}, {"id", "j"}}));
    QVERIFY(!bob->take("joined").isEmpty());
    bob->send(obj({{"type", "rooms"}, {"id", "r"}}));
    QVERIFY(!bob->take("rooms").isEmpty());
    QVERIFY(bob->barrier());
    QVERIFY(ann->barrier());
    QCOMPARE(ann->count(QStringLiteral("message")), 0);
    QCOMPARE(ann->count(QStringLiteral("whisper")), 0);
    QCOMPARE(s.store->lastSeq(QStringLiteral("general")), 0); // nothing stored
    // A nick change keeps the mute.
    bob->send(obj({{"type", "nick"}, {"nick", "bobby"}}));
    QVERIFY(!bob->take("presence").isEmpty());
    QVERIFY(s.chat->isMuted(QStringLiteral("bobby")));
    s.chat->setMuted(QStringLiteral("bobby"), false);
    bob->send(say(QStringLiteral("general"), QStringLiteral("sorry"), QStringLiteral("s2")));
    QCOMPARE(ann->take("message").value("text").toString(), QStringLiteral("sorry"));
}

void TstClassControl::lockedRoomRefusesNewJoins()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto ann = s.client(QStringLiteral("ann"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ann && bob);
    ann->send(obj({{"type", "join"}, {"room", "lab"}}));
    QVERIFY(!ann->take("history").isEmpty());
    s.chat->lockRoom(QStringLiteral("lab"), true);
    bob->send(obj({{"type", "join"}, {"room", "lab"}, {"id", "j1"}}));
    QCOMPARE(bob->takeError(QStringLiteral("room_locked")).value("re").toString(),
             QStringLiteral("j1"));
    // Members stay and talk; a member's repeated join is still answered.
    ann->send(say(QStringLiteral("lab"), QStringLiteral("still here"), QStringLiteral("s")));
    QVERIFY(!ann->take("message").isEmpty());
    ann->send(obj({{"type", "join"}, {"room", "lab"}, {"id", "j2"}}));
    QVERIFY(!ann->take("joined").isEmpty());
    s.chat->lockRoom(QStringLiteral("lab"), false);
    bob->send(obj({{"type", "join"}, {"room", "lab"}, {"id", "j3"}}));
    QVERIFY(!bob->take("joined").isEmpty());
}

void TstClassControl::lockedServerRefusesNewSessionsButResumes()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto ann = s.client(QStringLiteral("ann"));
    QVERIFY(ann);
    const QString token = ann->welcome.value("session").toString();
    s.chat->lockServer(true);
    auto c = opened(s);
    c->send(helloObj(QStringLiteral("zed")));
    QVERIFY(!c->takeError(QStringLiteral("locked")).isEmpty());
    QVERIFY(c->waitDisconnected());
    QCOMPARE(c->closeCode, 4002);
    // ann drops and resumes while locked.
    ann->socket.abort();
    QTRY_COMPARE(s.chat->heldNicks().size(), 1);
    auto back = opened(s);
    back->send(helloObj(QStringLiteral("ann"), QString(), token));
    QCOMPARE(back->take("welcome").value("session").toString(), token);
    s.chat->lockServer(false);
    QVERIFY(s.client(QStringLiteral("zed")));
}

void TstClassControl::slowModeAnswersRetryAfter()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto ann = s.client(QStringLiteral("ann"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ann && bob);
    s.chat->setSlowMode(QStringLiteral("general"), 30);
    ann->send(say(QStringLiteral("general"), QStringLiteral("one"), QStringLiteral("a1")));
    QCOMPARE(ann->take("message").value("text").toString(), QStringLiteral("one"));
    ann->send(say(QStringLiteral("general"), QStringLiteral("two"), QStringLiteral("a2")));
    const QJsonObject e = ann->takeError(QStringLiteral("rate_limited"));
    QCOMPARE(e.value("re").toString(), QStringLiteral("a2"));
    const qint64 retry = qint64(e.value("retryAfter").toDouble());
    QVERIFY2(retry > 25000 && retry <= 30000, qPrintable(QString::number(retry)));
    // Per member: bob may still speak once.
    bob->send(say(QStringLiteral("general"), QStringLiteral("three"), QStringLiteral("b1")));
    QCOMPARE(bob->take([](const QJsonObject &o) {
                    return o.value("re").toString() == QLatin1String("b1");
                })
                 .value("text")
                 .toString(),
             QStringLiteral("three"));
    QVERIFY(bob->barrier());
    QVERIFY(ann->barrier());
    QCOMPARE(s.store->lastSeq(QStringLiteral("general")), 2); // "two" not stored
    // A resend of the stored one is not a new message: no slow-mode refusal.
    ann->send(say(QStringLiteral("general"), QStringLiteral("one"), QStringLiteral("a1")));
    QVERIFY(ann->take([](const QJsonObject &o) {
                   return o.value("re").toString() == QLatin1String("a1");
               })
                .value("dup")
                .toBool());
    s.chat->setSlowMode(QStringLiteral("general"), 0);
    ann->send(say(QStringLiteral("general"), QStringLiteral("four"), QStringLiteral("a3")));
    QCOMPARE(ann->take([](const QJsonObject &o) {
                    return o.value("type").toString() == QLatin1String("message")
                        && o.value("re").toString() == QLatin1String("a3");
                })
                 .value("text")
                 .toString(),
             QStringLiteral("four"));
}

void TstClassControl::reservedNickInAnyCase()
{
    ServerConfig config = classConfig();
    config.reservedNicks = {QStringLiteral("Teacher")};
    TestServer s(config);
    QVERIFY(s.start());
    auto c = opened(s);
    c->send(helloObj(QStringLiteral("tEACHER")));
    QVERIFY(c->takeError(QStringLiteral("bad_nick"))
                .value("message")
                .toString()
                .contains(QLatin1String("reserved")));
    auto ann = s.client(QStringLiteral("ann"));
    QVERIFY(ann);
    ann->send(obj({{"type", "nick"}, {"nick", "TEACHER"}, {"id", "n"}}));
    QCOMPARE(ann->takeError(QStringLiteral("bad_nick")).value("re").toString(),
             QStringLiteral("n"));
    s.chat->setReservedNicks({});
    ann->send(obj({{"type", "nick"}, {"nick", "TEACHER"}, {"id", "n2"}}));
    QVERIFY(!ann->take("presence").isEmpty());

    // The server's own machine (loopback without limitLoopback) may use it.
    ServerConfig own = TestServer::unlimited();
    own.reservedNicks = {QStringLiteral("teacher")};
    TestServer t(own);
    QVERIFY(t.start());
    QVERIFY(t.client(QStringLiteral("Teacher")));
}

void TstClassControl::dupOnResendOnly()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto ann = s.client(QStringLiteral("ann"));
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(ann && bob);
    ann->send(say(QStringLiteral("general"), QStringLiteral("once"), QStringLiteral("m1")));
    const QJsonObject first = ann->take("message");
    QVERIFY(!first.contains("dup"));
    ann->send(say(QStringLiteral("general"), QStringLiteral("once"), QStringLiteral("m1")));
    const QJsonObject second = ann->take("message");
    QCOMPARE(second.value("dup").toBool(), true);
    QCOMPARE(second.value("seq"), first.value("seq"));
    QVERIFY(!bob->take("message").contains("dup"));
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count(QStringLiteral("message")), 0); // fanned out once

    ann->send(obj({{"type", "whisper"}, {"to", "bob"}, {"text", "psst"}, {"id", "w1"}}));
    QVERIFY(!ann->take("whisper").contains("dup"));
    ann->send(obj({{"type", "whisper"}, {"to", "bob"}, {"text", "psst"}, {"id", "w1"}}));
    QCOMPARE(ann->take("whisper").value("dup").toBool(), true);
    QVERIFY(!bob->take("whisper").isEmpty());
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count(QStringLiteral("whisper")), 0);
    // History never carries dup.
    ann->send(obj({{"type", "history"}, {"room", "general"}, {"id", "h"}}));
    const QJsonArray messages = ann->take("history").value("messages").toArray();
    QCOMPARE(messages.size(), 1);
    QVERIFY(!messages.at(0).toObject().contains("dup"));
}

void TstClassControl::heldNickSaysSoAndCanBeFreed()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto bob = s.client(QStringLiteral("bob"));
    QVERIFY(bob);
    bob->socket.abort(); // crashed client: the session is held for its resume
    QTRY_COMPARE(s.chat->heldNicks().size(), 1);
    QCOMPARE(s.chat->heldNicks().constFirst().nick, QStringLiteral("bob"));
    QVERIFY(s.chat->heldNicks().constFirst().expiresMs > QDateTime::currentMSecsSinceEpoch());

    auto again = opened(s);
    again->send(helloObj(QStringLiteral("Bob")));
    const QJsonObject e = again->takeError(QStringLiteral("nick_taken"));
    QCOMPARE(e.value("held").toBool(), true);
    QVERIFY2(e.value("message").toString().contains(
                 QLatin1String("your previous connection is still held; reconnecting resumes it")),
             qPrintable(e.value("message").toString()));
    // A nick taken by a live connection says no such thing.
    auto ann = s.client(QStringLiteral("ann"));
    again->send(helloObj(QStringLiteral("ann")));
    QVERIFY(!again->takeError(QStringLiteral("nick_taken")).contains("held"));

    QVERIFY(!s.chat->releaseHeldNick(QStringLiteral("ann"))); // live: kick instead
    QVERIFY(s.chat->releaseHeldNick(QStringLiteral("BOB")));
    QVERIFY(s.chat->heldNicks().isEmpty());
    again->send(helloObj(QStringLiteral("Bob")));
    QCOMPARE(again->take("welcome").value("nick").toString(), QStringLiteral("Bob"));
}

void TstClassControl::transcriptFormats()
{
    QList<duplex::proto::server::Message> ms;
    duplex::proto::server::Message m;
    m.room = QStringLiteral("general");
    m.seq = 1;
    m.from = QStringLiteral("ann");
    m.text = QStringLiteral("two\nlines, \"quoted\"");
    m.ts = QDateTime(QDate(2026, 12, 7), QTime(14, 5, 9)).toMSecsSinceEpoch();
    ms.append(m);
    QCOMPARE(transcriptText(ms),
             QStringLiteral("[2026-12-07 14:05:09] ann: two\u21b5lines, \"quoted\"\n"));
    QCOMPARE(transcriptCsv(ms),
             QStringLiteral("seq,ts,nick,text\r\n1,%1,ann,\"two\nlines, "
                            "\"\"quoted\"\"\"\r\n")
                 .arg(m.ts));
    QCOMPARE(parseSince(QStringLiteral("2026-12-07")),
             QDate(2026, 12, 7).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(parseSince(QStringLiteral("2026-12-07 14:05")),
             QDateTime(QDate(2026, 12, 7), QTime(14, 5)).toMSecsSinceEpoch());
    QCOMPARE(parseSince(QStringLiteral("2026-12-07T14:05:00Z")),
             QDateTime(QDate(2026, 12, 7), QTime(14, 5), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(parseSince(QStringLiteral("14:05")),
             QDateTime(QDate::currentDate(), QTime(14, 5)).toMSecsSinceEpoch());
    QCOMPARE(parseSince(QStringLiteral("yesterday")), qint64(-1));
}

void TstClassControl::transcriptCli()
{
    TestServer s(classConfig());
    QVERIFY(s.start());
    auto ann = s.client(QStringLiteral("ann"));
    QVERIFY(ann);
    ann->send(
        say(QStringLiteral("general"), QStringLiteral("hello, \"world\""), QStringLiteral("1")));
    QVERIFY(!ann->take("message").isEmpty());
    ann->send(say(QStringLiteral("general"), QStringLiteral("two\nlines"), QStringLiteral("2")));
    QVERIFY(!ann->take("message").isEmpty());
    const QString db = s.dir.filePath(QStringLiteral("history.sqlite"));
    ann.reset();
    s.stop();

    auto run = [&db](const QStringList &extra, QString *out, QString *err) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // no display needed
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DUPLEX_SERVER_EXE),
                QStringList {QStringLiteral("--db"), db, QStringLiteral("--transcript"),
                             QStringLiteral("general")}
                    + extra);
        if (!p.waitForFinished(30000))
            return -1;
        *out = QString::fromUtf8(p.readAllStandardOutput());
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    QString out;
    QString err;
    QCOMPARE(run({}, &out, &err), 0);
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QRegularExpression stamp(
        QStringLiteral("^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\] ann: "));
    QVERIFY2(stamp.match(lines.at(0)).hasMatch(), qPrintable(out));
    QVERIFY(lines.at(0).endsWith(QStringLiteral("ann: hello, \"world\"")));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("ann: two\u21b5lines")));

    QCOMPARE(run({QStringLiteral("--format"), QStringLiteral("csv")}, &out, &err), 0);
    QVERIFY2(out.startsWith(QStringLiteral("seq,ts,nick,text\r\n1,")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral(",ann,\"hello, \"\"world\"\"\"\r\n2,")));
    QVERIFY(out.endsWith(QStringLiteral(",ann,\"two\nlines\"\r\n")));

    QCOMPARE(run({QStringLiteral("--since"), QStringLiteral("2099-01-01")}, &out, &err), 0);
    QVERIFY(out.isEmpty());
    QCOMPARE(run({QStringLiteral("--since"), QStringLiteral("soon")}, &out, &err), 2);
    QVERIFY(err.contains(QLatin1String("--since")));
}

void TstClassControl::optionsReachTheEngine()
{
    ServerOptions o;
    QString error;
    QVERIFY(parseServerOptions({QStringLiteral("duplex-server"), QStringLiteral("--join-code"),
                                QStringLiteral("Blue Fox"), QStringLiteral("--ban-minutes"),
                                QStringLiteral("2.5"), QStringLiteral("--reserve-nick"),
                                QStringLiteral("teacher,Tutor"), QStringLiteral("--reserve-nick"),
                                QStringLiteral("admin"), QStringLiteral("--lock")},
                               &o, &error));
    const ServerConfig c = serverConfigFrom(o);
    QCOMPARE(c.joinCode, QStringLiteral("Blue Fox"));
    QCOMPARE(c.banMs, qint64(150000));
    QCOMPARE(
        c.reservedNicks,
        QStringList({QStringLiteral("teacher"), QStringLiteral("Tutor"), QStringLiteral("admin")}));
    QVERIFY(c.startLocked);
    QVERIFY(!parseServerOptions(
        {QStringLiteral("duplex-server"), QStringLiteral("--ban-minutes"), QStringLiteral("-1")},
        &o, &error));
    QVERIFY(error.contains(QLatin1String("--ban-minutes")));
    QVERIFY(!parseServerOptions({QStringLiteral("duplex-server"), QStringLiteral("--reserve-nick"),
                                 QStringLiteral("no spaces")},
                                &o, &error));
    QVERIFY(!parseServerOptions({QStringLiteral("duplex-server"), QStringLiteral("--transcript"),
                                 QStringLiteral("general")},
                                &o, &error)); // needs --db
}

void TstClassControl::hostModerationActions()
{
    // The window's side: ServerHost (engine in its own thread) and the clients panel menu.
    ServerConfig config = classConfig();
    ServerHost host(config, QString(), nullptr);
    QVERIFY(host.ok());
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    auto bob = duplex::test::connectClient(host.port(), QStringLiteral("bob"));
    QVERIFY(bob);
    host.refreshNow();
    QCOMPARE(host.clients().size(), 1);
    const quint64 id = host.clients().constFirst().id;

    ClientModel model;
    model.setClients(host.clients());
    ClientsPanel panel(&host, &model);
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *table = panel.table();
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);

    // Mute from the panel's action, then unmute.
    QAction *mute = panel.findChild<QAction *>(QStringLiteral("actionMute"));
    QVERIFY(mute);
    QVERIFY(mute->isEnabled());
    mute->trigger();
    QVERIFY(host.classControl().muted.contains(QStringLiteral("bob")));
    bob->send(say(QStringLiteral("general"), QStringLiteral("x"), QStringLiteral("1")));
    QVERIFY(!bob->takeError(QStringLiteral("muted")).isEmpty());
    QTRY_VERIFY(mute->isChecked());
    mute->trigger();
    QVERIFY(!host.classControl().muted.contains(QStringLiteral("bob")));

    // Lock server from the host, and kick with a ban through the host.
    host.lockServer(true);
    QVERIFY(host.classControl().locked);
    host.lockServer(false);
    QVERIFY(host.kick(id, QStringLiteral("out"), 60000));
    QVERIFY(bob->waitDisconnected());
    QCOMPARE(bob->closeCode, 4001);
    QCOMPARE(host.classControl().bans.size(), 1);
    QVERIFY(host.liftBan(host.classControl().bans.constFirst().id));
    QVERIFY(host.classControl().bans.isEmpty());
}

void TstClassControl::moderationDialogListsBansAndHeldNicks()
{
    ServerHost host(classConfig(), QString(), nullptr);
    QVERIFY(host.ok());
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    auto bob = duplex::test::connectClient(host.port(), QStringLiteral("bob"));
    auto eve = duplex::test::connectClient(host.port(), QStringLiteral("eve"));
    QVERIFY(bob && eve);
    host.refreshNow();
    quint64 eveId = 0;
    for (const ClientInfo &c : host.clients())
        eveId = c.nick == QLatin1String("eve") ? c.id : eveId;
    QVERIFY(host.kick(eveId, QStringLiteral("spam"), 10 * 60 * 1000));
    bob->socket.abort(); // held for its resume
    QTRY_COMPARE(host.refreshClassControl().held.size(), 1);

    ModerationDialog dialog(&host);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.bansList()->topLevelItemCount(), 1);
    QCOMPARE(dialog.bansList()->topLevelItem(0)->text(0), QStringLiteral("eve"));
    QCOMPARE(dialog.bansList()->topLevelItem(0)->text(3), QStringLiteral("spam"));
    QCOMPARE(dialog.heldList()->topLevelItemCount(), 1);
    QCOMPARE(dialog.heldList()->topLevelItem(0)->text(0), QStringLiteral("bob"));
    keep(&dialog, QStringLiteral("class-moderation"));

    // Free the held nick, lift the ban: both lists empty, both students can come back.
    dialog.heldList()->setCurrentItem(dialog.heldList()->topLevelItem(0));
    auto *free = dialog.findChild<QPushButton *>(QStringLiteral("freeNickButton"));
    QVERIFY(free && free->isEnabled());
    QTest::mouseClick(free, Qt::LeftButton);
    QCOMPARE(dialog.heldList()->topLevelItemCount(), 0);
    dialog.bansList()->setCurrentItem(dialog.bansList()->topLevelItem(0));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("liftBanButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.bansList()->topLevelItemCount(), 0);
    QVERIFY(duplex::test::connectClient(host.port(), QStringLiteral("bob")));
    QVERIFY(duplex::test::connectClient(host.port(), QStringLiteral("eve")));

    // The Kick dialog: reason plus a ban period, the period from the settings.
    KickDialog kick(QStringLiteral("eve"), 10, nullptr);
    kick.show();
    QVERIFY(QTest::qWaitForWindowExposed(&kick));
    auto *minutes = kick.findChild<QDoubleSpinBox *>(QStringLiteral("kickBanMinutes"));
    QVERIFY(minutes && minutes->isVisible());
    QCOMPARE(kick.banMinutes(), 10.0);
    keep(&kick, QStringLiteral("class-kick"));

    SettingsDialog settings(8080, QStringLiteral("Room 101"));
    settings.setJoinCode(QStringLiteral("owl 42"));
    settings.setBanMinutes(5);
    settings.setReservedNicks({QStringLiteral("teacher"), QStringLiteral("admin")});
    settings.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settings));
    QCOMPARE(settings.reservedNicks(),
             QStringList({QStringLiteral("teacher"), QStringLiteral("admin")}));
    keep(&settings, QStringLiteral("class-settings"));
}

void TstClassControl::joinCardShowsTheCode()
{
    JoinCard card(nullptr);
    card.setHosts({QStringLiteral("192.168.1.20")}, 8080);
    card.resize(900, 260);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    auto *code = card.findChild<QLabel *>(QStringLiteral("joinCodeLabel"));
    QVERIFY(code);
    QVERIFY(!code->isVisible());
    card.setJoinCode(QStringLiteral("owl 42"));
    QVERIFY(code->isVisible());
    QCOMPARE(code->text(), QStringLiteral("Join code: owl 42"));
    QCOMPARE(JoinCard::withCode(card.selectedPageUrl(), card.joinCode()),
             QStringLiteral("http://192.168.1.20:8080/?code=owl%2042"));
    keep(&card, QStringLiteral("class-joincard"));
}

void TstClassControl::qtClientSaysWhyInPlainWords()
{
    using duplex::client::ClientSession;
    ServerConfig config = classConfig();
    config.joinCode = QStringLiteral("owl");
    TestServer s(config);
    QVERIFY(s.start());
    // No code: the session ends with a sentence about the join code (the connect dialog
    // shows it), no reconnect loop.
    ClientSession noCode;
    QSignalSpy ended(&noCode, &ClientSession::connectionEnded);
    noCode.open(s.url(), QStringLiteral("ann"));
    QTRY_COMPARE(ended.count(), 1);
    QVERIFY2(ended.at(0).at(1).toString().contains(QLatin1String("join code")),
             qPrintable(ended.at(0).at(1).toString()));
    QCOMPARE(noCode.state(), ClientSession::State::Disconnected);
    // With the code (any case): in.
    ClientSession withCode;
    withCode.setJoinCode(QStringLiteral("OWL"));
    withCode.open(s.url(), QStringLiteral("ann"));
    QTRY_VERIFY(withCode.isSynchronized());
    // Locked: said so.
    s.chat->lockServer(true);
    ClientSession late;
    late.setJoinCode(QStringLiteral("owl"));
    QSignalSpy lateEnded(&late, &ClientSession::connectionEnded);
    late.open(s.url(), QStringLiteral("bo"));
    QTRY_COMPARE(lateEnded.count(), 1);
    QVERIFY(lateEnded.at(0).at(1).toString().contains(QLatin1String("locked")));
    s.chat->lockServer(false);
    // Kicked and banned: coming back says until when.
    QVERIFY(s.chat->kick(s.idOf(QStringLiteral("ann")), QStringLiteral("out"), 60000));
    QTRY_COMPARE(withCode.state(), ClientSession::State::Disconnected);
    ClientSession again;
    again.setJoinCode(QStringLiteral("owl"));
    QSignalSpy againEnded(&again, &ClientSession::connectionEnded);
    again.open(s.url(), QStringLiteral("ann"));
    QTRY_COMPARE(againEnded.count(), 1);
    QVERIFY2(
        againEnded.at(0).at(1).toString().contains(QLatin1String("removed from this server until")),
        qPrintable(againEnded.at(0).at(1).toString()));
    // Muted and slow mode, as sentences (the outbox line and the chat note use them).
    duplex::proto::server::Error e;
    e.code = duplex::proto::ErrorCode::Muted;
    QVERIFY(ClientSession::describeError(e).contains(QLatin1String("muted")));
    e.code = duplex::proto::ErrorCode::RateLimited;
    e.retryAfter = 2500;
    QVERIFY(ClientSession::describeError(e).contains(QLatin1String("Wait 3 more second")));
    e.code = duplex::proto::ErrorCode::RoomLocked;
    QVERIFY(ClientSession::describeError(e).contains(QLatin1String("room is locked")));
}

QTEST_MAIN(TstClassControl)
#include "tst_classcontrol.moc"
