// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Several server addresses and failover (issue 17, the client side): the address list is
// parsed and remembered; when the server a client is on stops, the client is on the next
// address within the backoff cap, with its nick and rooms, and chats there (WebSocket and
// polling); before the first welcome every address gets its chance; the window says which
// server it is on and that it switched. Two real ChatServers on 127.0.0.1 that share
// nothing (no Redis): the second does not know the token, so the client says hello again
// and joins its rooms, as the protocol's cluster rules say.

#include "chattestclient.h"
#include "testserver.h"

#include <chatserver.h>
#include <chatstate.h>
#include <clientsession.h>
#include <connectdialog.h>
#include <mainwindow.h>
#include <serveraddress.h>
#include <sessionmemory.h>

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace duplex;
using namespace duplex::client;
using duplex::test::TestServer;
using Transport = ClientSession::Transport;

namespace {

constexpr int BackoffInitialMs = 200;
constexpr int BackoffMaxMs = 1000;

ClientSession::Config failoverConfig()
{
    ClientSession::Config c;
    c.backoffInitialMs = BackoffInitialMs;
    c.backoffMaxMs = BackoffMaxMs;
    c.agent = QStringLiteral("tst_clientfailover");
    return c;
}

QStringList messageTexts(const ConversationModel *c)
{
    QStringList out;
    for (int i = 0; c && i < c->rowCount(); ++i) {
        if (c->line(i).kind == ChatLine::Kind::Message)
            out.append(c->line(i).text);
    }
    return out;
}

QStringList systemTexts(const ConversationModel *c)
{
    QStringList out;
    for (int i = 0; c && i < c->rowCount(); ++i) {
        if (c->line(i).kind == ChatLine::Kind::System)
            out.append(c->line(i).text);
    }
    return out;
}

bool join(test::ChatTestClient &c, const QString &room)
{
    c.send(test::obj({{"type", "join"}, {"id", "j"}, {"room", room}}));
    return !c.take("history").isEmpty();
}

void say(test::ChatTestClient &c, const QString &room, const QString &text)
{
    static int ids = 0;
    c.send(test::obj({{"type", "say"},
                      {"id", QStringLiteral("f%1").arg(++ids)},
                      {"room", room},
                      {"text", text}}));
}

/// A loopback port nobody listens on (bound, then let go).
quint16 deadPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class tst_ClientFailover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addressListParsed();
    void dialogTakesSeveralAddresses();
    void stoppedServerFailsOverWithNickAndRooms_data();
    void stoppedServerFailsOverWithNickAndRooms();
    void firstAttemptTriesEveryAddress();
    void windowShowsTheSwitchAndRemembersTheList();
    void restartedClientGoesBackToTheServerItWasOn();
};

void tst_ClientFailover::addressListParsed()
{
    const ServerAddresses three = parseServerAddresses(
        QStringLiteral(" 127.0.0.1:8080, ws://127.0.0.1:8081/  http://127.0.0.1:8082/join?x=1 "));
    QVERIFY2(three.problem.isEmpty(), qPrintable(three.problem));
    QCOMPARE(three.urls,
             (QList<QUrl> {QUrl(QStringLiteral("ws://127.0.0.1:8080")),
                           QUrl(QStringLiteral("ws://127.0.0.1:8081/")),
                           QUrl(QStringLiteral("ws://127.0.0.1:8082/"))}));
    QCOMPARE(formatServerAddresses(three.urls),
             QStringLiteral("ws://127.0.0.1:8080, ws://127.0.0.1:8081/, ws://127.0.0.1:8082/"));
    // What formatServerAddresses writes reads back the same (settings, the dialog).
    QCOMPARE(parseServerAddresses(formatServerAddresses(three.urls)).urls, three.urls);
    // Doubles once; one address is a list of one.
    QCOMPARE(parseServerAddresses(QStringLiteral("a:1,a:1")).urls.size(), 1);
    QCOMPARE(parseServerAddresses(QStringLiteral("a:1")).urls,
             QList<QUrl> {parseServerAddress(QStringLiteral("a:1")).url});
    // A bad one is named by its place.
    const ServerAddresses bad = parseServerAddresses(QStringLiteral("a:1, ftp://b:2"));
    QVERIFY(bad.urls.isEmpty());
    QVERIFY2(bad.problem.startsWith(QStringLiteral("Address 2 (\u201cftp://b:2\u201d)")),
             qPrintable(bad.problem));
    QVERIFY(!parseServerAddresses(QStringLiteral(" , ")).problem.isEmpty());
    QCOMPARE(shortServerName(QUrl(QStringLiteral("ws://127.0.0.1:8081/"))),
             QStringLiteral("127.0.0.1:8081"));
    QCOMPARE(shortServerName(QUrl(QStringLiteral("wss://chat.example"))),
             QStringLiteral("chat.example:443"));
}

void tst_ClientFailover::dialogTakesSeveralAddresses()
{
    ConnectDialog dialog;
    dialog.show();
    auto *server = dialog.findChild<QComboBox *>(QStringLiteral("serverCombo"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("serverHint"));
    auto *connectButton = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(server && hint && connectButton);
    dialog.setNick(QStringLiteral("alice"));
    server->setEditText(QStringLiteral("127.0.0.1:8080, 127.0.0.1:8081"));
    QVERIFY(connectButton->isEnabled());
    QVERIFY(hint->isHidden());
    QCOMPARE(dialog.serverUrls().size(), 2);
    QCOMPARE(dialog.serverUrl(), QUrl(QStringLiteral("ws://127.0.0.1:8080")));
    server->setEditText(QStringLiteral("127.0.0.1:8080, mailto:x"));
    QVERIFY(!connectButton->isEnabled());
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().startsWith(QStringLiteral("Address 2")), qPrintable(hint->text()));
}

void tst_ClientFailover::stoppedServerFailsOverWithNickAndRooms_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("push") << Transport::Push;
    QTest::newRow("poll") << Transport::Poll;
    QTest::newRow("long-poll") << Transport::LongPoll;
}

void tst_ClientFailover::stoppedServerFailsOverWithNickAndRooms()
{
    QFETCH(Transport, transport);
    TestServer first(TestServer::unlimited());
    TestServer second(TestServer::unlimited());
    QVERIFY(first.start());
    QVERIFY(second.start());

    ClientSession session(failoverConfig());
    session.setTransport(transport, 100);
    ChatState state(&session);
    QSignalSpy switched(&session, &ClientSession::serverSwitched);
    QSignalSpy failed(&session, &ClientSession::connectionFailed);
    QSignalSpy ended(&session, &ClientSession::connectionEnded);
    session.open(QList<QUrl> {first.url(), second.url()}, QStringLiteral("alice"));
    QTRY_VERIFY(session.isSynchronized());
    QCOMPARE(session.url(), first.url());
    state.joinRoom(QStringLiteral("lab"));
    QTRY_COMPARE(session.rooms(), (QStringList {QStringLiteral("general"), QStringLiteral("lab")}));
    {
        auto bob = first.client(QStringLiteral("bob"));
        QVERIFY(bob);
        QVERIFY(join(*bob, QStringLiteral("lab")));
        say(*bob, QStringLiteral("lab"), QStringLiteral("on the first"));
        QTRY_COMPARE(messageTexts(state.conversation(ChatState::roomKey(QStringLiteral("lab")))),
                     QStringList {QStringLiteral("on the first")});
    }

    // The first server stops (its process ends): the session is on the second within the
    // backoff's cap (the first retry goes to the next address), as alice, in both rooms.
    QElapsedTimer clock;
    clock.start();
    first.stop();
    QTRY_VERIFY_WITH_TIMEOUT(session.isSynchronized() && session.url() == second.url(), 15000);
    const qint64 tookMs = clock.elapsed();
    qInfo("on the second server after %lld ms (backoff cap %d ms)", tookMs, BackoffMaxMs);
    QVERIFY2(tookMs < BackoffMaxMs + 4000, qPrintable(QString::number(tookMs)));
    QCOMPARE(switched.count(), 1);
    QCOMPARE(switched.at(0).at(0).toUrl(), second.url());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(ended.count(), 0);
    QCOMPARE(session.nick(), QStringLiteral("alice"));
    QTRY_COMPARE(session.rooms(), (QStringList {QStringLiteral("general"), QStringLiteral("lab")}));

    // The second server has alice in lab: bob there sees her, and they chat both ways.
    auto carol = second.client(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->send(test::obj({{"type", "join"}, {"id", "jl"}, {"room", "lab"}}));
    const QJsonObject joined = carol->take("joined");
    QVERIFY(joined.value(QStringLiteral("members"))
                .toVariant()
                .toStringList()
                .contains(QStringLiteral("alice")));
    say(*carol, QStringLiteral("lab"), QStringLiteral("on the second"));
    ConversationModel *lab = state.conversation(ChatState::roomKey(QStringLiteral("lab")));
    QTRY_VERIFY(messageTexts(lab).contains(QStringLiteral("on the second")));
    // What was said on the first stays in the conversation, once.
    QCOMPARE(messageTexts(lab).count(QStringLiteral("on the first")), 1);
    state.sendText(ChatState::roomKey(QStringLiteral("lab")), QStringLiteral("hi carol"));
    const QJsonObject heard = carol->take([](const QJsonObject &o) {
        return o.value(QStringLiteral("type")).toString() == QLatin1String("message")
            && o.value(QStringLiteral("text")).toString() == QLatin1String("hi carol");
    });
    QCOMPARE(heard.value(QStringLiteral("from")).toString(), QStringLiteral("alice"));
    QVERIFY(session.outbox().isEmpty());
}

void tst_ClientFailover::firstAttemptTriesEveryAddress()
{
    TestServer live(TestServer::unlimited());
    QVERIFY(live.start());
    const quint16 dead = deadPort();
    QVERIFY(dead != 0);
    const QUrl deadUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(dead));

    ClientSession session(failoverConfig()); // no retry before the first welcome
    QSignalSpy failed(&session, &ClientSession::connectionFailed);
    QSignalSpy switched(&session, &ClientSession::serverSwitched);
    session.open(QList<QUrl> {deadUrl, live.url()}, QStringLiteral("alice"));
    QTRY_VERIFY(session.isSynchronized());
    QCOMPARE(session.url(), live.url());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(switched.count(), 0); // the first welcome is not a switch

    // All of them dead: one failure naming every address.
    ClientSession lonely(failoverConfig());
    QSignalSpy lonelyFailed(&lonely, &ClientSession::connectionFailed);
    const QUrl deadToo(QStringLiteral("ws://127.0.0.1:%1/").arg(deadPort()));
    lonely.open(QList<QUrl> {deadUrl, deadToo}, QStringLiteral("bob"));
    QTRY_COMPARE(lonelyFailed.count(), 1);
    const QString why = lonelyFailed.at(0).at(0).toString();
    QVERIFY2(why.contains(deadUrl.toString()) && why.contains(deadToo.toString()), qPrintable(why));
    QCOMPARE(lonely.state(), ClientSession::State::Disconnected);
}

void tst_ClientFailover::windowShowsTheSwitchAndRemembersTheList()
{
    TestServer first(TestServer::unlimited());
    TestServer second(TestServer::unlimited());
    QVERIFY(first.start());
    QVERIFY(second.start());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("client.ini"));
    const QList<QUrl> urls {first.url(), second.url()};
    {
        QSettings settings(file, QSettings::IniFormat);
        ClientSession session(failoverConfig());
        ChatState state(&session);
        MainWindow window(&state, &settings);
        window.resize(900, 500);
        window.show();
        window.connectTo(urls, QStringLiteral("alice"));
        QTRY_VERIFY(session.isSynchronized());
        auto *serverLabel = window.findChild<QLabel *>(QStringLiteral("serverLabel"));
        QVERIFY(serverLabel);
        QVERIFY2(serverLabel->text().contains(first.url().toString()),
                 qPrintable(serverLabel->text()));
        QVERIFY(serverLabel->toolTip().contains(second.url().toString()));

        first.stop();
        const QString expected = QStringLiteral("Switched to 127.0.0.1:%1").arg(second.port());
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), expected, 15000);
        QTRY_VERIFY(session.isSynchronized());
        QVERIFY2(serverLabel->text().contains(second.url().toString()),
                 qPrintable(serverLabel->text()));
        QVERIFY(!serverLabel->text().contains(first.url().toString()));
        // The conversation says it too, where the student reads.
        QVERIFY(systemTexts(state.conversation(ChatState::roomKey(QStringLiteral("general"))))
                    .contains(expected));
        if (const QByteArray shots = qgetenv("DUPLEX_SCREENSHOT_DIR"); !shots.isEmpty())
            window.grab().save(QDir(QString::fromLocal8Bit(shots))
                                   .filePath(QStringLiteral("client-failover.png")));
        // The dialog opens with the whole list.
        ConnectDialog *dialog = window.showConnectDialog();
        QCOMPARE(dialog->serverUrls(), urls);
        dialog->close();
    }
    QSettings settings(file, QSettings::IniFormat);
    QCOMPARE(parseServerAddresses(settings.value(QStringLiteral("server")).toString()).urls, urls);
    QCOMPARE(parseServerAddresses(
                 settings.value(QStringLiteral("recentServers")).toStringList().value(0))
                 .urls,
             urls);
}

void tst_ClientFailover::restartedClientGoesBackToTheServerItWasOn()
{
    // A client that failed over and then crashed: the next run starts on the server it was
    // on (where its token is known and its nick held), not on the first of the list.
    TestServer first(TestServer::unlimited());
    TestServer second(TestServer::unlimited());
    QVERIFY(first.start());
    QVERIFY(second.start());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("client.ini"));
    const QList<QUrl> urls {first.url(), second.url()};
    QString token;
    {
        QSettings settings(file, QSettings::IniFormat);
        ClientSession session(failoverConfig());
        ChatState state(&session);
        SessionMemory memory(&session, &settings);
        memory.restore(urls.first(), QStringLiteral("alice"));
        session.open(urls, QStringLiteral("alice"));
        QTRY_VERIFY(session.isSynchronized());
        state.joinRoom(QStringLiteral("lab"));
        QTRY_VERIFY(session.rooms().contains(QStringLiteral("lab")));
        first.stop();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSynchronized() && session.url() == second.url(), 15000);
        QTRY_VERIFY(session.rooms().contains(QStringLiteral("lab")));
        token = session.sessionToken();
        memory.save();
        // The process dies here: no close frame, the second server holds alice's session.
    }
    QSettings settings(file, QSettings::IniFormat);
    ClientSession session(failoverConfig());
    ChatState state(&session);
    SessionMemory memory(&session, &settings);
    QSignalSpy ended(&session, &ClientSession::connectionEnded);
    QSignalSpy failed(&session, &ClientSession::connectionFailed);
    QVERIFY(memory.restore(urls.first(), QStringLiteral("alice")));
    session.open(urls, QStringLiteral("alice"));
    QCOMPARE(session.url(), second.url());
    QTRY_VERIFY(session.isSynchronized());
    QCOMPARE(session.url(), second.url());
    QCOMPARE(session.nick(), QStringLiteral("alice"));
    QCOMPARE(session.sessionToken(), token); // resumed, not a new session
    QCOMPARE(session.rooms(), (QStringList {QStringLiteral("general"), QStringLiteral("lab")}));
    QCOMPARE(ended.count(), 0);
    QCOMPARE(failed.count(), 0);
}

QTEST_MAIN(tst_ClientFailover)
#include "tst_clientfailover.moc"
