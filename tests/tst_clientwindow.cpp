// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The chat window driven like a user would: typing and Enter, slash commands, whisper
// tabs, unread badges, the inspector, the connect dialog's live validation and errors,
// the status bar, and peer HTML shown as the characters it is. Real ChatServer on
// 127.0.0.1. With DUPLEX_SCREENSHOT_DIR set, screenshots() renders the docs' PNGs.

#include "chattestclient.h"
#include "clientwindowfixture.h"
#include "testserver.h"

#include <chatinput.h>
#include <chatserver.h>
#include <chatstate.h>
#include <chatview.h>
#include <clientsession.h>
#include <connectdialog.h>
#include <historystore.h>
#include <inspectordock.h>
#include <mainwindow.h>
#include <messagedelegate.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace duplex;
using namespace duplex::client;
using duplex::test::TestServer;

namespace {

ClientSession::Config fastConfig(int backoffMs = 50)
{
    return test::fastClientConfig(backoffMs);
}

/// A headless peer (another student).
struct Peer : test::HeadlessPeer {
    Peer(const QUrl &url, const QString &nick)
        : HeadlessPeer(url, nick, fastConfig())
    {
    }
};

/// The window under test, with its own settings file.
struct Window : test::ClientWindow {
    explicit Window(int backoffMs = 50, const QString &settingsPath = {})
        : ClientWindow(fastConfig(backoffMs), settingsPath)
    {
    }
};

QStringList messageTexts(const ConversationModel *c)
{
    QStringList out;
    for (int i = 0; c && i < c->rowCount(); ++i) {
        if (c->line(i).kind == ChatLine::Kind::Message)
            out.append(c->line(i).text);
    }
    return out;
}

const QString General = QStringLiteral("#general");

} // namespace

class tst_ClientWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void typeEnterReachesAnotherSession();
    void shiftEnterNewlineAndUpRecalls();
    void htmlShownLiterally();
    void unreadBadgesCountAndClear();
    void inspectorListsFramesAndIsRemembered();
    void msgOpensWhisperTab();
    void slashCommands();
    void typingIndicatorBothWays();
    void statusBarStateRttAndReconnect();
    void pendingWhileOfflineThenDelivered();
    void connectDialogValidatesNickLive();
    void nickTakenReopensDialog();
    void refusedConnectionExplained();
    void daySeparatorsAndSenderRuns();
    void takeoverEndsWithoutReconnect();
    void alertOnlyWhileInactive();
    void typedTooFastShowsWaitingThenArrivesInOrder();
    void screenshots();
    void transportPickerIsRememberedAndShown();
    void pollingScreenshot();
};

void tst_ClientWindow::initTestCase()
{
    QApplication::setApplicationName(QStringLiteral("tst_clientwindow"));
}

void tst_ClientWindow::typeEnterReachesAnotherSession()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);
    QCOMPARE(w.window.currentKey(), General);
    QVERIFY(!w.window.windowIcon().isNull());
    QVERIFY(w.window.windowTitle().contains(QLatin1String("alice")));

    w.type(QStringLiteral("hello from the window"));
    QTRY_COMPARE(messageTexts(bob.state.conversation(General)),
                 QStringList {QStringLiteral("hello from the window")});
    QVERIFY(w.input()->toPlainText().isEmpty());
    // Sent with the copy confirmed: shown as delivered, own.
    ConversationModel *mine = w.state.conversation(General);
    QTRY_COMPARE(mine->line(mine->rowCount() - 1).delivery, ChatLine::Delivery::Delivered);
    QVERIFY(mine->line(mine->rowCount() - 1).own);
    // The Send button does the same.
    QTest::keyClicks(w.input(), QStringLiteral("by button"));
    QTest::mouseClick(w.find<QPushButton>(QStringLiteral("sendButton")), Qt::LeftButton);
    QTRY_COMPARE(messageTexts(bob.state.conversation(General)).size(), 2);
    // Settings remembered the server and nick.
    QCOMPARE(w.settings.value(QStringLiteral("nick")).toString(), QStringLiteral("alice"));
    QCOMPARE(w.settings.value(QStringLiteral("recentServers")).toStringList().value(0),
             server.url().toString());
}

void tst_ClientWindow::shiftEnterNewlineAndUpRecalls()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);

    w.input()->setFocus();
    QTest::keyClicks(w.input(), QStringLiteral("line one"));
    QTest::keyClick(w.input(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(w.input(), QStringLiteral("line two"));
    QCOMPARE(w.input()->toPlainText(), QStringLiteral("line one\nline two"));
    QTest::keyClick(w.input(), Qt::Key_Return);
    QTRY_COMPARE(messageTexts(bob.state.conversation(General)),
                 QStringList {QStringLiteral("line one\nline two")});
    QVERIFY(w.input()->toPlainText().isEmpty());
    QTest::keyClick(w.input(), Qt::Key_Up);
    QCOMPARE(w.input()->toPlainText(), QStringLiteral("line one\nline two"));
}

void tst_ClientWindow::htmlShownLiterally()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);

    QString table;
    while (table.size() < 300)
        table += QStringLiteral("<table><tr><td>");
    const QString bold = QStringLiteral("<b>x</b>");
    bob.state.sendText(General, bold);
    bob.state.sendText(General, table);
    ConversationModel *c = w.state.conversation(General);
    QTRY_COMPARE(messageTexts(c), (QStringList {bold, table}));

    ChatView *view = w.window.chatView(General);
    const QModelIndex boldIndex = c->index(c->rowCount() - 2);
    const QModelIndex tableIndex = c->index(c->rowCount() - 1);
    // What the delegate draws is the characters, not markup.
    QCOMPARE(MessageDelegate::displayedText(boldIndex), bold);
    QCOMPARE(MessageDelegate::displayedText(tableIndex), table);
    // A plain-text layout of 300 characters is a few lines, not a rendered table.
    QStyleOptionViewItem option;
    option.initFrom(view);
    const int lineHeight = view->fontMetrics().lineSpacing();
    QVERIFY(view->itemDelegate()->sizeHint(option, boldIndex).height() < 4 * lineHeight);
    // Rich-text layout of this message takes Qt over 10 s; plain text paints at once. The
    // bound is deliberately loose: it catches the freeze, not a slow machine.
    QElapsedTimer clock;
    clock.start();
    const QPixmap shot = w.window.grab();
    QVERIFY(!shot.isNull());
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    // No label anywhere in the window guesses rich text.
    const auto labels = w.window.findChildren<QLabel *>();
    for (const QLabel *l : labels) {
        if (!l->text().isEmpty())
            QVERIFY2(l->textFormat() == Qt::PlainText || !l->text().contains(QLatin1Char('<')),
                     qPrintable(l->objectName()));
    }
}

void tst_ClientWindow::unreadBadgesCountAndClear()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);
    QAbstractItemModelTester tester(w.state.roomList(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    w.type(QStringLiteral("/join dev"));
    QTRY_COMPARE(w.window.currentKey(), QStringLiteral("#dev"));
    bob.state.sendText(General, QStringLiteral("one"));
    bob.state.sendText(General, QStringLiteral("two"));
    QTRY_COMPARE(w.state.roomList()->unread(General), 2);
    QCOMPARE(w.tabText(General), QStringLiteral("#general (2)"));
    QVERIFY(w.window.windowTitle().startsWith(QLatin1String("(2)")));
    auto *rooms = w.find<QListView>(QStringLiteral("roomList"));
    const QModelIndex generalRow = w.state.roomList()->index(w.state.roomList()->rowOf(General));
    QCOMPARE(generalRow.data(RoomListModel::UnreadRole).toInt(), 2);

    // Clicking the room in the sidebar shows it and clears its badge.
    QTest::mouseClick(rooms->viewport(), Qt::LeftButton, {},
                      rooms->visualRect(generalRow).center());
    QTRY_COMPARE(w.window.currentKey(), General);
    QCOMPARE(w.state.roomList()->unread(General), 0);
    QCOMPARE(w.tabText(General), QStringLiteral("#general"));
    QVERIFY(!w.window.windowTitle().startsWith(QLatin1String("(")));
    // Messages in the room being looked at do not count.
    bob.state.sendText(General, QStringLiteral("three"));
    QTRY_COMPARE(messageTexts(w.state.conversation(General)).size(), 3);
    QCOMPARE(w.state.roomList()->unread(General), 0);
}

void tst_ClientWindow::inspectorListsFramesAndIsRemembered()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("remember.ini"));
    {
        Window w(50, ini);
        auto *dock = w.find<InspectorDock>(QStringLiteral("inspectorDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible()); // off by default
        w.window.connectTo(server.url(), QStringLiteral("alice"));
        QTRY_VERIFY(w.session.isSynchronized());
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
        auto *table = w.find<QTableView>(QStringLiteral("inspectorTable"));
        QTRY_VERIFY(table->model()->rowCount() >= 3);
        QCOMPARE(table->model()->index(0, FrameLogModel::TypeColumn).data().toString(),
                 QStringLiteral("hello"));
        QCOMPARE(table->model()->index(0, FrameLogModel::DirectionColumn).data().toString(),
                 QStringLiteral("\u2192 out"));
        QCOMPARE(table->model()->index(1, FrameLogModel::TypeColumn).data().toString(),
                 QStringLiteral("welcome"));

        auto *filter = w.find<QLineEdit>(QStringLiteral("inspectorFilter"));
        QTest::keyClicks(filter, QStringLiteral("welcome"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        const QString detail
            = w.find<QPlainTextEdit>(QStringLiteral("inspectorDetail"))->toPlainText();
        QVERIFY2(detail.contains(QLatin1String("\"server\": \"Test server\"")), qPrintable(detail));
        filter->clear();
        // A push from the server shows up as an inbound frame nobody asked for.
        server.chat->sendNotice(QStringLiteral("Pushed by the teacher"));
        QTRY_VERIFY(table->model()
                        ->index(table->model()->rowCount() - 1, FrameLogModel::TypeColumn)
                        .data()
                        .toString()
                    == QLatin1String("notice"));
        w.window.close();
    }
    QSettings check(ini, QSettings::IniFormat);
    QCOMPARE(check.value(QStringLiteral("inspector/visible")).toBool(), true);
    Window again(50, ini);
    QVERIFY(again.find<InspectorDock>(QStringLiteral("inspectorDock"))->isVisible());
}

void tst_ClientWindow::msgOpensWhisperTab()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);

    w.type(QStringLiteral("/msg bob just between us"));
    const QString key = ChatState::whisperKey(QStringLiteral("bob"));
    QTRY_VERIFY(w.window.chatView(key) != nullptr);
    QCOMPARE(w.window.currentKey(), key);
    QCOMPARE(w.tabText(key), QStringLiteral("\u2709 bob"));
    QTRY_VERIFY(bob.state.conversation(ChatState::whisperKey(QStringLiteral("alice"))) != nullptr);
    QCOMPARE(messageTexts(bob.state.conversation(ChatState::whisperKey(QStringLiteral("alice")))),
             QStringList {QStringLiteral("just between us")});
    // Typing in the whisper tab whispers, and the answer lands in the same tab.
    w.type(QStringLiteral("second"));
    bob.state.sendText(ChatState::whisperKey(QStringLiteral("alice")), QStringLiteral("ok!"));
    QTRY_COMPARE(messageTexts(w.state.conversation(key)),
                 (QStringList {QStringLiteral("just between us"), QStringLiteral("second"),
                               QStringLiteral("ok!")}));
    QVERIFY(messageTexts(w.state.conversation(General)).isEmpty());
    // Closing the tab closes the conversation.
    auto *tabs = w.tabs();
    emit tabs->tabCloseRequested(tabs->indexOf(w.window.chatView(key)));
    QTRY_VERIFY(w.window.chatView(key) == nullptr);
}

void tst_ClientWindow::slashCommands()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);

    w.type(QStringLiteral("/help"));
    ConversationModel *c = w.state.conversation(General);
    QTRY_VERIFY(c->rowCount() > 0);
    QCOMPARE(c->line(c->rowCount() - 1).kind, ChatLine::Kind::System);
    QVERIFY(c->line(c->rowCount() - 1).text.contains(QLatin1String("/msg NICK")));

    w.type(QStringLiteral("/join Bad Room"));
    QCOMPARE(w.input()->toPlainText(), QStringLiteral("/join Bad Room")); // kept, to fix
    QVERIFY(c->line(c->rowCount() - 1).text.contains(QLatin1String("a-z"))
            || c->line(c->rowCount() - 1).kind == ChatLine::Kind::System);
    w.input()->clear();

    w.type(QStringLiteral("/join homework"));
    QTRY_COMPARE(w.window.currentKey(), QStringLiteral("#homework"));
    QVERIFY(w.session.rooms().contains(QStringLiteral("homework")));
    w.type(QStringLiteral("/nick alicia"));
    QTRY_COMPARE(w.session.nick(), QStringLiteral("alicia"));
    QTRY_VERIFY(w.window.windowTitle().contains(QLatin1String("alicia")));
    w.type(QStringLiteral("/leave"));
    QTRY_VERIFY(w.window.chatView(QStringLiteral("#homework")) == nullptr);
    QVERIFY(!w.session.rooms().contains(QStringLiteral("homework")));
    QCOMPARE(w.window.currentKey(), General);
    w.type(QStringLiteral("/bogus"));
    QVERIFY(c->line(c->rowCount() - 1).text.contains(QLatin1String("Unknown command")));
}

void tst_ClientWindow::typingIndicatorBothWays()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);
    QTRY_COMPARE(w.state.roster(QStringLiteral("general"))->count(), 2);
    QTRY_COMPARE(bob.state.roster(QStringLiteral("general"))->count(), 2);

    bob.session.setTyping(QStringLiteral("general"), true);
    auto *label = w.find<QLabel>(QStringLiteral("typingLabel"));
    QTRY_COMPARE(label->text(), QStringLiteral("bob is typing\u2026"));
    auto *members = w.find<QListView>(QStringLiteral("memberList"));
    QCOMPARE(members->model()->rowCount(), 2);
    QCOMPARE(w.find<QLabel>(QStringLiteral("membersTitle"))->text(), QStringLiteral("Members (2)"));
    bob.session.setTyping(QStringLiteral("general"), false);
    QTRY_VERIFY(label->text().isEmpty());

    // Alice's first keystroke tells bob.
    w.input()->setFocus();
    QTest::keyClicks(w.input(), QStringLiteral("h"));
    QTRY_VERIFY(bob.state.roster(QStringLiteral("general"))->isTyping(QStringLiteral("alice")));
}

void tst_ClientWindow::statusBarStateRttAndReconnect()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w(60000);
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    auto *state = w.find<QLabel>(QStringLiteral("stateLabel"));
    auto *serverLabel = w.find<QLabel>(QStringLiteral("serverLabel"));
    auto *countdown = w.find<QLabel>(QStringLiteral("reconnectLabel"));
    auto *button = w.find<QPushButton>(QStringLiteral("reconnectButton"));
    QCOMPARE(state->text(), QStringLiteral("Online"));
    QVERIFY(serverLabel->text().contains(QLatin1String("Test server")));
    QVERIFY(w.find<QLabel>(QStringLiteral("rttLabel"))->text().startsWith(QLatin1String("RTT")));
    QVERIFY(!button->isVisible());

    w.session.simulateDrop();
    QCOMPARE(state->text(), QStringLiteral("Reconnecting"));
    QVERIFY(countdown->isVisible());
    QVERIFY2(countdown->text().startsWith(QLatin1String("Reconnecting in")),
             qPrintable(countdown->text()));
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(state->text(), QStringLiteral("Online"));
    QVERIFY(!countdown->isVisible());
}

void tst_ClientWindow::pendingWhileOfflineThenDelivered()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w(60000);
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.session.isSynchronized());
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.window.chatView(General) != nullptr);
    w.session.simulateDrop();
    w.type(QStringLiteral("sent while offline"));
    ConversationModel *c = w.state.conversation(General);
    QCOMPARE(c->line(c->rowCount() - 1).delivery, ChatLine::Delivery::Pending);
    QVERIFY(w.input()->toPlainText().isEmpty());
    w.session.reconnectNow();
    // (Below it, once caught up, comes the "Reconnected — nothing missed" marker.)
    const auto mine = [c] {
        for (int row = c->rowCount() - 1; row >= 0; --row) {
            if (c->line(row).text == QLatin1String("sent while offline"))
                return c->line(row).delivery;
        }
        return ChatLine::Delivery::None;
    };
    QTRY_COMPARE(mine(), ChatLine::Delivery::Delivered);
    QTRY_COMPARE(messageTexts(bob.state.conversation(General)),
                 QStringList {QStringLiteral("sent while offline")});
}

void tst_ClientWindow::connectDialogValidatesNickLive()
{
    ConnectDialog dialog;
    dialog.setRecentServers(
        {QStringLiteral("ws://127.0.0.1:9000"), QStringLiteral("ws://10.0.0.5:8080")});
    dialog.show();
    auto *nick = dialog.findChild<QLineEdit *>(QStringLiteral("nickEdit"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("nickHint"));
    auto *connectButton = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
    auto *server = dialog.findChild<QComboBox *>(QStringLiteral("serverCombo"));
    QCOMPARE(server->count(), 2);
    QVERIFY(!connectButton->isEnabled()); // no nick yet

    QTest::keyClicks(nick, QStringLiteral("bad nick!"));
    QVERIFY(!connectButton->isEnabled());
    QVERIFY(hint->isVisible());
    QVERIFY(!hint->text().isEmpty());
    QCOMPARE(hint->textFormat(), Qt::PlainText);
    QCOMPARE(hint->palette().color(QPalette::WindowText).red() > 150, true);

    nick->clear();
    QTest::keyClicks(nick, QStringLiteral("Zo"));
    nick->insert(
        QStringLiteral("\u00EB_2")); // letters of any script are fine (keyClicks is ASCII only)
    QVERIFY(connectButton->isEnabled());
    QVERIFY(!hint->isVisible());

    nick->setText(QStringLiteral("server")); // reserved
    QVERIFY(!connectButton->isEnabled());
    nick->setText(QStringLiteral("alice"));
    server->setEditText(QStringLiteral("ftp://example"));
    QVERIFY(!connectButton->isEnabled());
    server->setCurrentIndex(1);
    QVERIFY(connectButton->isEnabled());
    QCOMPARE(dialog.serverUrl(), QUrl(QStringLiteral("ws://10.0.0.5:8080")));
    QCOMPARE(dialog.nick(), QStringLiteral("alice"));
}

void tst_ClientWindow::nickTakenReopensDialog()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(bob.session.isSynchronized());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(w.window.connectDialog() != nullptr);
    ConnectDialog *dialog = w.window.connectDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("connectError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("taken"), Qt::CaseInsensitive),
             qPrintable(error->text()));
    QCOMPARE(dialog->nick(), QStringLiteral("bob"));
    QCOMPARE(w.session.state(), ClientSession::State::Disconnected);
    // Pick another nick and connect from the dialog.
    auto *nick = dialog->findChild<QLineEdit *>(QStringLiteral("nickEdit"));
    nick->setText(QStringLiteral("bob2"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(w.session.isSynchronized());
    QCOMPARE(w.session.nick(), QStringLiteral("bob2"));
}

void tst_ClientWindow::refusedConnectionExplained()
{
    quint16 freePort = 0;
    {
        TestServer probe;
        QVERIFY(probe.start());
        freePort = probe.port();
        probe.chat->stop();
    }
    Window w;
    w.window.connectTo(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(freePort)),
                       QStringLiteral("alice"));
    QTRY_VERIFY(w.window.connectDialog() != nullptr);
    auto *error = w.window.connectDialog()->findChild<QLabel *>(QStringLiteral("connectError"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("not reachable")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QLatin1String("firewall")));
}

void tst_ClientWindow::daySeparatorsAndSenderRuns()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    const QDateTime today(QDate::currentDate(), QTime(9, 0));
    const QDateTime yesterday = today.addDays(-1);
    auto add = [&](qint64 seq, const QString &from, const QDateTime &when) {
        ChatLine l;
        l.seq = seq;
        l.from = from;
        l.text = QStringLiteral("m%1").arg(seq);
        l.ts = when.toMSecsSinceEpoch();
        model.addMessage(l);
    };
    add(1, QStringLiteral("bob"), yesterday);
    add(2, QStringLiteral("bob"), yesterday.addSecs(60));    // same run: no header
    add(3, QStringLiteral("carol"), today);                  // new day
    add(4, QStringLiteral("carol"), today.addSecs(10 * 60)); // same sender after a pause
    add(5, QStringLiteral("dave"), today.addSecs(11 * 60));
    model.addSystem(QStringLiteral("erin joined"), today.addSecs(12 * 60).toMSecsSinceEpoch());
    add(6, QStringLiteral("dave"), today.addSecs(13 * 60)); // after a system line
    auto idx = [&](int row) { return model.index(row); };
    QVERIFY(MessageDelegate::needsDaySeparator(idx(0)));
    QVERIFY(!MessageDelegate::needsDaySeparator(idx(1)));
    QVERIFY(MessageDelegate::needsDaySeparator(idx(2)));
    QVERIFY(!MessageDelegate::needsDaySeparator(idx(3)));
    QVERIFY(MessageDelegate::showsHeader(idx(0)));
    QVERIFY(!MessageDelegate::showsHeader(idx(1)));
    QVERIFY(MessageDelegate::showsHeader(idx(2)));
    QVERIFY(MessageDelegate::showsHeader(idx(3)));
    QVERIFY(MessageDelegate::showsHeader(idx(4)));
    QVERIFY(!MessageDelegate::showsHeader(idx(5))); // system lines have none
    QVERIFY(MessageDelegate::showsHeader(idx(6)));
    QCOMPARE(MessageDelegate::plainLine(idx(0)), QStringLiteral("[09:00] <bob> m1"));
    QCOMPARE(MessageDelegate::plainLine(idx(5)), QStringLiteral("[09:12] * erin joined"));
    // Same nick, same colour, in every client and every run.
    QCOMPARE(MessageDelegate::nickColor(QStringLiteral("bob")),
             MessageDelegate::nickColor(QStringLiteral("BOB")));

    // Rows with a separator or a header are taller than a continuation line.
    ChatView view(&model, General);
    view.resize(500, 400);
    view.show();
    QStyleOptionViewItem option;
    option.initFrom(&view);
    const int first = view.itemDelegate()->sizeHint(option, idx(0)).height();
    const int continuation = view.itemDelegate()->sizeHint(option, idx(1)).height();
    QVERIFY(first > continuation);
    QVERIFY(!view.grab().isNull());
}

void tst_ClientWindow::takeoverEndsWithoutReconnect()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    w.type(QStringLiteral("/join general"));
    QTRY_VERIFY(w.state.conversation(General));
    const QString token = w.session.sessionToken();
    QVERIFY(!token.isEmpty());

    // Another program resumes alice's session with her token: it takes the session over.
    test::ChatTestClient other;
    QVERIFY(other.open(server.port()));
    QVERIFY(other.hello(QStringLiteral("alice"), token));
    QCOMPARE(other.welcome.value(QStringLiteral("nick")).toString(), QStringLiteral("alice"));
    QTRY_COMPARE(w.session.state(), ClientSession::State::Disconnected);

    auto *state = w.find<QLabel>(QStringLiteral("stateLabel"));
    QCOMPARE(state->text(), QStringLiteral("Disconnected"));
    QVERIFY2(w.window.statusBar()->currentMessage().contains(QLatin1String("taken over")),
             qPrintable(w.window.statusBar()->currentMessage()));
    const ConversationModel *room = w.state.conversation(General);
    QVERIFY(room->rowCount() > 0);
    QVERIFY2(room->line(room->rowCount() - 1).text.contains(QLatin1String("taken over")),
             qPrintable(room->line(room->rowCount() - 1).text));

    // No automatic comeback: it would steal the session back (backoff here is 50 ms).
    QVERIFY(!QTest::qWaitFor(
        [&] { return w.session.state() != ClientSession::State::Disconnected; }, 500));
    QCOMPARE(server.chat->clientCount(), 1);
    other.send(QJsonObject {{QStringLiteral("type"), QStringLiteral("ping")},
                            {QStringLiteral("id"), QStringLiteral("p1")}});
    QVERIFY(!other.take("pong").isEmpty());
    QVERIFY(!other.disconnected);
}

void tst_ClientWindow::alertOnlyWhileInactive()
{
    TestServer server(TestServer::unlimited());
    QVERIFY(server.start());
    Window w;
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(bob.session.isSynchronized());
    QSignalSpy alerted(&w.window, &MainWindow::alerted);

    // Looking at the window: a whisper needs no alert.
    w.window.activateWindow();
    QTRY_VERIFY(w.window.isActiveWindow());
    bob.session.whisper(QStringLiteral("alice"), QStringLiteral("are you there?"));
    QTRY_VERIFY(w.state.conversation(ChatState::whisperKey(QStringLiteral("bob"))));
    QTRY_COMPARE(
        messageTexts(w.state.conversation(ChatState::whisperKey(QStringLiteral("bob")))).size(), 1);
    QCOMPARE(alerted.count(), 0);

    // Another window in front: the next whisper flags the window.
    QWidget elsewhere;
    elsewhere.show();
    elsewhere.activateWindow();
    QTRY_VERIFY(!w.window.isActiveWindow());
    bob.session.whisper(QStringLiteral("alice"), QStringLiteral("hello?"));
    QTRY_COMPARE(alerted.count(), 1);
    QCOMPARE(alerted.at(0).at(0).toString(), ChatState::whisperKey(QStringLiteral("bob")));
    QCOMPARE(alerted.at(0).at(1).toString(), QStringLiteral("bob"));
    // Her own messages never alert her.
    w.state.sendText(ChatState::whisperKey(QStringLiteral("bob")), QStringLiteral("yes"));
    QTRY_COMPARE(
        messageTexts(w.state.conversation(ChatState::whisperKey(QStringLiteral("bob")))).size(), 3);
    QCOMPARE(alerted.count(), 1);
}

void tst_ClientWindow::typedTooFastShowsWaitingThenArrivesInOrder()
{
    TestServer server(TestServer::unlimited());
    server.config.ratePerSec = 2;
    server.config.burst = 3;
    QVERIFY(server.start());
    Window w;
    w.window.resize(900, 600);
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(w.state.conversation(General) && bob.state.conversation(General));

    QStringList typed;
    for (int i = 1; i <= 7; ++i) {
        typed.append(QStringLiteral("quick %1").arg(i));
        w.type(typed.last());
    }
    const ConversationModel *mine = w.state.conversation(General);
    const auto waitingRows = [mine] {
        int n = 0;
        for (int i = 0; i < mine->rowCount(); ++i)
            n += mine->line(i).delivery == ChatLine::Delivery::Waiting ? 1 : 0;
        return n;
    };
    QTRY_VERIFY(waitingRows() > 0);
    const QString shots = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        w.window.grab().save(QDir(shots).filePath(QStringLiteral("client-waiting.png")));

    QTRY_COMPARE_WITH_TIMEOUT(messageTexts(bob.state.conversation(General)), typed, 20000);
    QTRY_COMPARE(messageTexts(mine), typed);
    QCOMPARE(waitingRows(), 0);
    for (int i = 0; i < mine->rowCount(); ++i)
        QVERIFY(mine->line(i).delivery != ChatLine::Delivery::Failed);
    if (!shots.isEmpty())
        w.window.grab().save(QDir(shots).filePath(QStringLiteral("client-delivered.png")));
}

void tst_ClientWindow::screenshots()
{
    const QString outDir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set DUPLEX_SCREENSHOT_DIR to render docs/screenshots/client*.png");
    TestServer server(TestServer::unlimited());
    server.config.name = QStringLiteral("Room 204 \u2013 Networks class");
    QVERIFY(server.start());
    Peer bob(server.url(), QStringLiteral("bob"));
    Peer carol(server.url(), QStringLiteral("carol"));
    Peer dave(server.url(), QStringLiteral("dave"));
    QTRY_VERIFY(bob.session.isSynchronized());
    QTRY_VERIFY(carol.session.isSynchronized());
    QTRY_VERIFY(dave.session.isSynchronized());
    bob.state.sendText(General,
                       QStringLiteral("Morning all! Did anyone get the WebSocket lab working?"));
    carol.state.sendText(General,
                         QStringLiteral("Yes \u2013 the trick was the Upgrade header. The server "
                                        "answers 101 Switching Protocols."));
    QTRY_COMPARE(messageTexts(carol.state.conversation(General)).size(), 2);

    Window w;
    w.window.resize(1280, 800);
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY(w.session.isSynchronized());
    carol.session.join(QStringLiteral("homework"));
    QTRY_VERIFY(w.window.chatView(General) != nullptr);
    dave.state.sendText(
        General,
        QStringLiteral("And after that the connection stays open both ways \u2013 no polling."));
    QTRY_COMPARE(messageTexts(w.state.conversation(General)).size(), 3);
    w.type(QStringLiteral("So the server can push to us whenever it likes? <b>nice</b>"));
    bob.state.sendText(
        General,
        QStringLiteral("Exactly. Watch the inspector: frames arrive that we never asked for."));
    server.chat->sendNotice(QStringLiteral("Lab submissions close at 16:00 today."));
    w.type(QStringLiteral("/join homework"));
    QTRY_COMPARE(w.window.currentKey(), QStringLiteral("#homework"));
    carol.state.sendText(QStringLiteral("#homework"),
                         QStringLiteral("Question 3: is seq per room or global?"));
    QTRY_COMPARE(messageTexts(w.state.conversation(QStringLiteral("#homework"))).size(), 1);
    w.type(QStringLiteral("Per room \u2013 it starts at 1 in every room."));
    bob.state.openWhisper(QStringLiteral("alice"));
    bob.state.sendText(ChatState::whisperKey(QStringLiteral("alice")),
                       QStringLiteral("psst, want to pair on question 4?"));
    QTRY_VERIFY(w.window.chatView(ChatState::whisperKey(QStringLiteral("bob"))) != nullptr);
    bob.state.sendText(General, QStringLiteral("Anyone else seeing RTT under 1 ms on loopback?"));
    dave.state.sendText(General, QStringLiteral("Yep, 0 ms here."));
    QTRY_COMPARE(w.state.roomList()->unread(General), 2);
    // Back in general, bob is typing; the inspector shows the traffic.
    w.window.chatView(General);
    w.type(QStringLiteral("/join general"));
    QTRY_COMPARE(w.window.currentKey(), General);
    carol.session.setTyping(QStringLiteral("general"), true);
    QTRY_VERIFY(!w.find<QLabel>(QStringLiteral("typingLabel"))->text().isEmpty());
    bob.state.sendText(ChatState::whisperKey(QStringLiteral("alice")),
                       QStringLiteral("I'll be in the library after class."));
    QTRY_COMPARE(w.state.roomList()->unread(ChatState::whisperKey(QStringLiteral("bob"))), 2);
    w.window.inspector()->show();
    QTRY_VERIFY(w.state.frameLog()->rowCount() > 10);
    w.state.frameLog()->flush();
    auto *table = w.find<QTableView>(QStringLiteral("inspectorTable"));
    QApplication::processEvents();
    table->selectRow(table->model()->rowCount() - 2);
    QApplication::processEvents();
    QTRY_VERIFY(w.window.chatView(General)->isAtBottom());
    QVERIFY(w.window.grab().save(outDir + QStringLiteral("/client.png")));

    w.window.connectDialog();
    ConnectDialog *dialog = w.window.showConnectDialog();
    dialog->setRecentServers(
        {QStringLiteral("ws://127.0.0.1:8080"), QStringLiteral("ws://192.168.1.20:8080")});
    dialog->setServer(QStringLiteral("ws://192.168.1.20:8080"));
    dialog->setNick(QStringLiteral("alice smith"));
    dialog->resize(dialog->sizeHint().expandedTo(QSize(460, 0)));
    QApplication::processEvents();
    QVERIFY(dialog->grab().save(outDir + QStringLiteral("/client-connect.png")));
}

void tst_ClientWindow::transportPickerIsRememberedAndShown()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("client.ini"));
    {
        Window w(50, ini);
        auto *combo = w.find<QComboBox>(QStringLiteral("statusTransportCombo"));
        auto *spin = w.find<QSpinBox>(QStringLiteral("statusPollSpin"));
        QVERIFY(combo && spin);
        QCOMPARE(combo->currentText(), QStringLiteral("Push (WebSocket)"));
        QVERIFY(!combo->toolTip().isEmpty());
        QVERIFY(!combo->itemData(2, Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(spin->isHidden());
        // The user picks polling: the session follows, the status bar says so.
        combo->setCurrentIndex(combo->findData(int(ClientSession::Transport::Poll)));
        Q_EMIT combo->activated(combo->currentIndex());
        QCOMPARE(w.session.transport(), ClientSession::Transport::Poll);
        QCOMPARE(w.session.pollIntervalMs(), 500);
        QCOMPARE(combo->currentText(), QStringLiteral("Polling every 500 ms"));
        QVERIFY(spin->isVisible());
        spin->setValue(800);
        QCOMPARE(w.session.pollIntervalMs(), 800);
        QCOMPARE(combo->currentText(), QStringLiteral("Polling every 800 ms"));
        // The connect dialog shows the same choice and can change it.
        ConnectDialog *dialog = w.window.showConnectDialog();
        QCOMPARE(dialog->transport(), ClientSession::Transport::Poll);
        QCOMPARE(dialog->pollIntervalMs(), 800);
        auto *dialogCombo = dialog->findChild<QComboBox *>(QStringLiteral("transportCombo"));
        dialogCombo->setCurrentIndex(
            dialogCombo->findData(int(ClientSession::Transport::LongPoll)));
        QVERIFY(!dialog->findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"))->isEnabled());
        dialog->reject();
        w.window.pickTransport(ClientSession::Transport::LongPoll, 800);
        QCOMPARE(combo->currentText(), QStringLiteral("Long polling"));
        QVERIFY(spin->isHidden());
        w.window.close();
    }
    // The next start remembers it.
    Window again(50, ini);
    QCOMPARE(again.session.transport(), ClientSession::Transport::LongPoll);
    QCOMPARE(again.find<QComboBox>(QStringLiteral("statusTransportCombo"))->currentText(),
             QStringLiteral("Long polling"));
}

void tst_ClientWindow::pollingScreenshot()
{
    const QString outDir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set DUPLEX_SCREENSHOT_DIR to render docs/screenshots/client-polling.png");
    TestServer server(TestServer::unlimited());
    server.config.name = QStringLiteral("Room 204 \u2013 Networks class");
    QVERIFY(server.start());
    Peer bob(server.url(), QStringLiteral("bob"));
    QTRY_VERIFY(bob.session.isSynchronized());
    Window w;
    w.window.resize(1280, 800);
    w.window.pickTransport(ClientSession::Transport::Poll, 500);
    w.window.connectTo(server.url(), QStringLiteral("alice"));
    QTRY_VERIFY_WITH_TIMEOUT(w.session.isSynchronized(), 15000);
    w.window.inspector()->show();
    w.window.resizeDocks({w.window.inspector()}, {400}, Qt::Vertical);
    bob.state.sendText(General, QStringLiteral("Is it me, or are your messages a bit late now?"));
    QTRY_COMPARE_WITH_TIMEOUT(messageTexts(w.state.conversation(General)).size(), 1, 15000);
    w.type(QStringLiteral("I switched to polling every 500 ms. Look at all those empty answers!"));
    QTRY_COMPARE_WITH_TIMEOUT(messageTexts(bob.state.conversation(General)).size(), 2, 15000);
    bob.state.sendText(
        General,
        QStringLiteral(
            "Each one costs headers both ways. Push sends nothing when nothing happens."));
    QTRY_COMPARE_WITH_TIMEOUT(messageTexts(w.state.conversation(General)).size(), 3, 15000);
    // A few empty polls after the last message.
    const qint64 rows = w.state.frameLog()->totalCount();
    QTRY_VERIFY_WITH_TIMEOUT(w.state.frameLog()->totalCount() >= rows + 6, 15000);
    w.state.frameLog()->flush();
    auto *table = w.find<QTableView>(QStringLiteral("inspectorTable"));
    QApplication::processEvents();
    // Select the answer that brought a message, so the detail shows a response head.
    for (int row = table->model()->rowCount() - 1; row >= 0; --row) {
        if (table->model()->index(row, FrameLogModel::TypeColumn).data().toString()
            == ClientSession::tr("poll: 1 message")) {
            table->selectRow(row);
            break;
        }
    }
    QApplication::processEvents();
    QVERIFY(w.window.grab().save(outDir + QStringLiteral("/client-polling.png")));
}

QTEST_MAIN(tst_ClientWindow)
#include "tst_clientwindow.moc"
