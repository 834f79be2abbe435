// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The chat window's everyday comforts (issue 15), driven like a user would: the connect
// dialog takes host:port or the join card's http:// address and shows its hint whole;
// Ctrl+Tab / Ctrl+PgDn / Alt+1..9 switch conversations and Ctrl+W closes a private one;
// Ctrl+plus zooms the chat (remembered); an outage shows a banner, greys the members and
// says "Reconnected — N messages caught up" afterwards; scrolling to the top loads older
// messages without moving what the user reads. Real ChatServer on 127.0.0.1. With
// DUPLEX_SCREENSHOT_DIR set, screenshots() renders the outage banner and the German client.

#include "chattestclient.h"
#include "clientwindowfixture.h"
#include "testserver.h"

#include <chatinput.h>
#include <chatserver.h>
#include <chatstate.h>
#include <chatview.h>
#include <clientsession.h>
#include <connectdialog.h>
#include <mainwindow.h>
#include <messagedelegate.h>
#include <offlinebanner.h>
#include <serveraddress.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace duplex;
using namespace duplex::client;
using duplex::test::TestServer;

namespace {

const QString General = ChatState::roomKey(QStringLiteral("general"));

/// Quick reconnects without jitter: every wait exactly as long.
ClientSession::Config fastConfig(int backoffMs = 50)
{
    return test::fastClientConfig(backoffMs, 0.0);
}

struct Peer : test::HeadlessPeer {
    Peer(const QUrl &url, const QString &nick)
        : HeadlessPeer(url, nick, fastConfig())
    {
    }
};

struct Window : test::ClientWindow {
    explicit Window(int backoffMs = 50, const QString &settingsPath = {})
        : ClientWindow(fastConfig(backoffMs), settingsPath, QSize(1000, 640))
    {
    }
};

QStringList systemLines(const ConversationModel *c)
{
    QStringList out;
    for (int i = 0; c && i < c->rowCount(); ++i) {
        if (c->line(i).kind == ChatLine::Kind::System)
            out.append(c->line(i).text);
    }
    return out;
}

void say(test::ChatTestClient &who, const QString &room, const QString &prefix, int n)
{
    static int ids = 0;
    for (int i = 1; i <= n; ++i)
        who.send(test::obj({{"type", "say"},
                            {"id", QStringLiteral("u%1").arg(++ids)},
                            {"room", room},
                            {"text", prefix + QString::number(i)}}));
}

void sayText(test::ChatTestClient &who, const QString &room, const QString &text)
{
    static int ids = 0;
    who.send(test::obj({{"type", "say"},
                        {"id", QStringLiteral("t%1").arg(++ids)},
                        {"room", room},
                        {"text", text}}));
}

} // namespace

class tst_ClientUx : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addressParsing_data();
    void addressParsing();
    void connectDialogTakesHostPortAndShowsItsHintWhole();
    void keyboardSwitchesAndClosesConversations();
    void zoomIsRememberedAcrossRuns();
    void outageBannerGreyedMembersAndCaughtUpMarker();
    void scrollingToTheTopLoadsOlderWithoutAJump();
    void privateNoticeLooksPrivate();
    void screenshots();
};

void tst_ClientUx::addressParsing_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("url"); // empty: refused
    QTest::newRow("host:port") << "127.0.0.1:8080"
                               << "ws://127.0.0.1:8080";
    QTest::newRow("spaces") << "  192.168.1.20:8080 "
                            << "ws://192.168.1.20:8080";
    QTest::newRow("name:port") << "lab-pc:9000"
                               << "ws://lab-pc:9000";
    QTest::newRow("host only") << "localhost"
                               << "ws://localhost";
    QTest::newRow("ws") << "ws://127.0.0.1:8080/"
                        << "ws://127.0.0.1:8080/";
    QTest::newRow("wss") << "wss://chat.example:443/"
                         << "wss://chat.example:443/";
    QTest::newRow("join card page") << "http://192.168.1.20:8080/"
                                    << "ws://192.168.1.20:8080/";
    QTest::newRow("page with query") << "http://192.168.1.20:8080/?nick=ann&room=lab"
                                     << "ws://192.168.1.20:8080/";
    QTest::newRow("https page") << "HTTPS://school.example:8443/app/"
                                << "wss://school.example:8443/";
    QTest::newRow("ipv6") << "[::1]:8080"
                          << "ws://[::1]:8080";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("other scheme") << "ftp://example"
                                  << "";
    QTest::newRow("no host") << "ws://:8080"
                             << "";
}

void tst_ClientUx::addressParsing()
{
    QFETCH(QString, typed);
    QFETCH(QString, url);
    const ServerAddress a = parseServerAddress(typed);
    if (url.isEmpty()) {
        QVERIFY(!a.problem.isEmpty());
        QVERIFY(!a.url.isValid());
    } else {
        QVERIFY2(a.problem.isEmpty(), qPrintable(a.problem));
        QCOMPARE(a.url, QUrl(url));
    }
}

void tst_ClientUx::connectDialogTakesHostPortAndShowsItsHintWhole()
{
    ConnectDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *server = dialog.findChild<QComboBox *>(QStringLiteral("serverCombo"));
    auto *nick = dialog.findChild<QLineEdit *>(QStringLiteral("nickEdit"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("serverHint"));
    auto *connectButton = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
    nick->setText(QStringLiteral("alice"));
    server->setEditText(QStringLiteral("127.0.0.1:8080"));
    QVERIFY(connectButton->isEnabled());
    QVERIFY(!hint->isVisible());
    QCOMPARE(dialog.serverUrl(), QUrl(QStringLiteral("ws://127.0.0.1:8080")));
    server->setEditText(QStringLiteral("http://192.168.1.20:8080/?room=lab"));
    QCOMPARE(dialog.serverUrl(), QUrl(QStringLiteral("ws://192.168.1.20:8080/")));

    // A refused address: the hint shows, and all of its wrapped lines fit.
    server->setEditText(QStringLiteral("ftp://example"));
    QVERIFY(!connectButton->isEnabled());
    QTRY_VERIFY(hint->isVisible());
    QTRY_VERIFY2(hint->height() >= hint->heightForWidth(hint->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(hint->height())
                                .arg(hint->heightForWidth(hint->width()))));
    QVERIFY(dialog.rect().contains(QRect(hint->mapTo(&dialog, QPoint(0, 0)), hint->size())));
    // Narrow dialog: more lines, still whole.
    dialog.resize(dialog.minimumWidth(), dialog.height());
    QTRY_VERIFY(hint->height() >= hint->heightForWidth(hint->width()));
    QVERIFY(dialog.height() >= dialog.minimumSizeHint().height());
}

void tst_ClientUx::keyboardSwitchesAndClosesConversations()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(bob.session.isSynchronized());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    w.state.joinRoom(QStringLiteral("lab"));
    QTRY_VERIFY(w.window.chatView(ChatState::roomKey(QStringLiteral("lab"))));
    w.state.joinRoom(QStringLiteral("quiz"));
    QTRY_VERIFY(w.window.chatView(ChatState::roomKey(QStringLiteral("quiz"))));
    const QString whisper = w.state.openWhisper(QStringLiteral("bob"));
    QTRY_COMPARE(w.tabs()->count(), 4);
    QVERIFY(w.activate());
    QTabWidget *tabs = w.tabs();
    tabs->setCurrentIndex(0);
    QCOMPARE(w.window.currentKey(), General);
    QTRY_VERIFY(QApplication::focusWidget() == w.window.input());

    w.press(Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    w.press(Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    w.press(Qt::Key_Tab, Qt::ControlModifier);
    w.press(Qt::Key_Tab, Qt::ControlModifier); // wraps round
    QCOMPARE(tabs->currentIndex(), 0);
    w.press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier); // what Ctrl+Shift+Tab sends
    QCOMPARE(tabs->currentIndex(), 3);
    w.press(Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    w.press(Qt::Key_1, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    w.press(Qt::Key_4, Qt::AltModifier);
    QCOMPARE(w.window.currentKey(), whisper);
    w.press(Qt::Key_9, Qt::AltModifier); // no ninth conversation: nothing happens
    QCOMPARE(w.window.currentKey(), whisper);

    // Ctrl+W closes the private conversation, as it closes a tab elsewhere...
    w.press(Qt::Key_W, Qt::ControlModifier);
    QTRY_COMPARE(tabs->count(), 3);
    QVERIFY(!w.window.chatView(whisper));
    // ...but never leaves a room by accident.
    w.press(Qt::Key_1, Qt::AltModifier);
    w.press(Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 3);
    QVERIFY(w.window.statusBar()->currentMessage().contains(QLatin1String("/leave")));
    // Whisper moved to Ctrl+Shift+W, and no two actions share a shortcut.
    QHash<QString, QString> seen;
    for (const QAction *a : w.window.findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts()) {
            const QString text = k.toString();
            QVERIFY2(!seen.contains(text),
                     qPrintable(text + QLatin1String(": ") + seen.value(text)
                                + QLatin1String(" and ") + a->text()));
            seen.insert(text, a->text());
        }
    }
    QVERIFY(seen.value(QStringLiteral("Ctrl+Shift+W")).contains(QLatin1String("Whisper")));
}

void tst_ClientUx::zoomIsRememberedAcrossRuns()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("client.ini"));
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    qreal normal = 0;
    {
        Window w(50, file);
        w.window.connectTo(server.url(), QStringLiteral("alice"));
        QTRY_VERIFY(w.window.chatView(General));
        QVERIFY(w.activate());
        ChatView *view = w.window.chatView(General);
        normal = view->font().pointSizeF();
        w.press(Qt::Key_Plus, Qt::ControlModifier);
        w.press(Qt::Key_Equal, Qt::ControlModifier); // Ctrl+= (plus without Shift)
        QCOMPARE(w.window.chatZoom(), 2);
        QVERIFY(view->font().pointSizeF() > normal * 1.15);
        w.press(Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->font().pointSizeF(), normal);
        w.press(Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->font().pointSizeF() < normal);
        w.press(Qt::Key_Plus, Qt::ControlModifier);
        w.press(Qt::Key_Plus, Qt::ControlModifier);
        w.press(Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(w.window.chatZoom(), 2);
        w.window.close();
    }
    Window again(50, file);
    QCOMPARE(again.window.chatZoom(), 2);
    again.window.connectTo(server.url(), QStringLiteral("alice2"));
    QTRY_VERIFY(again.window.chatView(General));
    QVERIFY(again.window.chatView(General)->font().pointSizeF() > normal * 1.15);
}

void tst_ClientUx::outageBannerGreyedMembersAndCaughtUpMarker()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    auto bob = server.client(QStringLiteral("bob"));
    QVERIFY(bob);
    Window w(3000); // a 3 s wait before the retry: time to look at the banner
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    sayText(*bob, QStringLiteral("general"), QStringLiteral("Who has the lab sheet?"));
    QTRY_COMPARE(w.state.conversation(General)->messageCount(), 1);
    auto *banner = w.window.offlineBanner();
    auto *members = w.find<QListView>(QStringLiteral("memberList"));
    auto *rtt = w.find<QLabel>(QStringLiteral("rttLabel"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    QTRY_VERIFY(rtt->text().contains(QLatin1String("ms")));
    QVERIFY(members->isEnabled());

    w.session.simulateDrop();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Offline — reconnecting in 3 s")),
             qPrintable(banner->text()));
    QVERIFY(!members->isEnabled()); // greyed: it may be stale
    QCOMPARE(rtt->text(), QStringLiteral("RTT —"));

    say(*bob, QStringLiteral("general"), QStringLiteral("while away "), 2);
    QVERIFY(bob->barrier());
    const QString shots = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(w.window.grab().save(QDir(shots).filePath(QStringLiteral("client-offline.png"))));

    auto *now = banner->findChild<QPushButton *>(QStringLiteral("bannerReconnectButton"));
    QVERIFY(now && now->isEnabled());
    QTest::mouseClick(now, Qt::LeftButton);
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY(members->isEnabled());
    QTRY_VERIFY(systemLines(w.state.conversation(General))
                    .contains(QStringLiteral("Reconnected — 2 messages caught up")));
}

void tst_ClientUx::scrollingToTheTopLoadsOlderWithoutAJump()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    auto bob = server.client(QStringLiteral("bob"));
    QVERIFY(bob);
    say(*bob, QStringLiteral("general"), QStringLiteral("line "), 120);
    QVERIFY(bob->barrier());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    ChatView *view = w.window.chatView(General);
    QVERIFY(view);
    ConversationModel *c = w.state.conversation(General);
    QTRY_COMPARE(c->firstSeq(), 71);
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);

    // Scrolled up to seq 71, the oldest held: its row is at the top of the view.
    auto rowOfSeq = [c](qint64 seq) {
        for (int i = 0; i < c->rowCount(); ++i) {
            if (c->line(i).seq == seq)
                return i;
        }
        return -1;
    };
    QSignalSpy loading(&w.state, &ChatState::olderLoadingChanged);
    view->verticalScrollBar()->setValue(0);
    QCOMPARE(loading.count(), 1);
    QVERIFY(view->isLoadingOlder());
    auto *indicator = view->findChild<QLabel *>(QStringLiteral("loadingOlder"));
    QVERIFY(indicator && indicator->isVisible());
    QCOMPARE(indicator->text(), QStringLiteral("Loading older…"));
    // (Seq 72: seq 71 loses its day separator and sender header once older lines from
    // the same sender land above it, so its own top moves by design.)
    const int topBefore = view->visualRect(c->index(rowOfSeq(72))).top();

    QTRY_COMPARE(c->firstSeq(), 21);
    QTRY_VERIFY(!view->isLoadingOlder());
    // What the user was reading stays where it was: it did not move down the page.
    QTRY_VERIFY(view->verticalScrollBar()->value() > 0);
    const int topAfter = view->visualRect(c->index(rowOfSeq(72))).top();
    QVERIFY2(qAbs(topAfter - topBefore) <= 4,
             qPrintable(QStringLiteral("%1 -> %2").arg(topBefore).arg(topAfter)));

    // On up to the first message; then scrolling to the top asks nothing more.
    view->verticalScrollBar()->setValue(0);
    QTRY_COMPARE(c->firstSeq(), 1);
    QTRY_VERIFY(!view->isLoadingOlder());
    const int asked = loading.count();
    view->verticalScrollBar()->setValue(10);
    view->verticalScrollBar()->setValue(0);
    QCOMPARE(loading.count(), asked);
}

void tst_ClientUx::privateNoticeLooksPrivate()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    ConversationModel *c = w.state.conversation(General);
    QVERIFY(c);
    server::NoticeTarget everyone;
    QCOMPARE(server.chat->sendNotice(QStringLiteral("Quiz at ten"), everyone), 1);
    server::NoticeTarget one;
    one.kind = server::NoticeTarget::Kind::Client;
    one.clientId = server.idOf(QStringLiteral("alice"));
    QCOMPARE(server.chat->sendNotice(QStringLiteral("See me after class"), one), 1);
    QTRY_COMPARE(c->rowCount(), 2);
    QCOMPARE(MessageDelegate::noticeTitle(c->index(0)),
             QStringLiteral("⚑ Notice from the teacher"));
    QCOMPARE(MessageDelegate::noticeTitle(c->index(1)),
             QStringLiteral("⚑ Private notice from the teacher – only you see this"));
    QVERIFY(MessageDelegate::plainLine(c->index(1))
                .endsWith(QStringLiteral("only you see this: See me after class")));
}

void tst_ClientUx::screenshots()
{
    const QString outDir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set DUPLEX_SCREENSHOT_DIR to render docs/screenshots/client-de.png");
    // The German client with a plural count: 27 students joined in one line.
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/duplex_client_de.qm")));
    QCoreApplication::installTranslator(&de);
    TestServer server(TestServer::unlimited());
    server.config.name = QStringLiteral("Raum 101");
    QVERIFY(server.start());
    auto teacher = server.client(QStringLiteral("Frau_Klein"));
    QVERIFY(teacher);
    Window w;
    w.window.resize(1100, 680);
    w.window.connectTo(server.url(), QStringLiteral("Jürgen"));
    QTRY_VERIFY(w.session.isSynchronized());
    sayText(*teacher, QStringLiteral("general"),
            QStringLiteral("Willkommen! Bitte tragt euch mit eurem Vornamen ein."));
    std::vector<std::unique_ptr<test::ChatTestClient>> students;
    const QStringList names {QStringLiteral("Ali"),   QStringLiteral("Ben"),
                             QStringLiteral("Clara"), QStringLiteral("David"),
                             QStringLiteral("Emma"),  QStringLiteral("Finn")};
    for (int i = 0; i < 27; ++i) {
        students.push_back(
            server.client(i < names.size() ? names.at(i) : QStringLiteral("Schüler%1").arg(i + 1)));
        QVERIFY(students.back());
    }
    QTRY_COMPARE(w.state.roster(QStringLiteral("general"))->count(), 29);
    sayText(*students.front(), QStringLiteral("general"), QStringLiteral("Hallo zusammen!"));
    server::NoticeTarget one;
    one.kind = server::NoticeTarget::Kind::Client;
    one.clientId = server.idOf(QStringLiteral("Jürgen"));
    server.chat->sendNotice(QStringLiteral("Jürgen, bitte nach der Stunde kurz zu mir."), one);
    QTRY_VERIFY(systemLines(w.state.conversation(General))
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("27 sind hinzugekommen")));
    QTRY_COMPARE(w.state.conversation(General)->messageCount(), 2);
    QTRY_COMPARE(w.state.conversation(General)->rowCount(), 4);
    QVERIFY(w.window.grab().save(QDir(outDir).filePath(QStringLiteral("client-de.png"))));
    QCoreApplication::removeTranslator(&de);
}

QTEST_MAIN(tst_ClientUx)
#include "tst_clientux.moc"
