// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "mainwindow.h"

#include "chatinput.h"
#include "chatview.h"
#include "connectdialog.h"
#include "inspectordock.h"
#include "roomdelegate.h"

#include <chatstate.h>
#include <names.h>
#include <serveraddress.h>
#include <sessionmemory.h>
#include <slashcommand.h>
#include <typingnotifier.h>

#include <duplex/version.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace duplex::client {

namespace {
constexpr int MaxRecentServers = 8;

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setTextFormat(Qt::PlainText);
    return l;
}
} // namespace

MainWindow::MainWindow(ChatState *state, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_state(state)
    , m_settings(settings)
    , m_typing(new TypingNotifier(this))
{
    setObjectName(QStringLiteral("clientMainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/duplex-client.svg")));
    ClientSession *session = state->session();

    // --- sidebar: rooms and whisper partners --------------------------------------------
    auto *sidebar = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(6, 6, 0, 6);
    auto *sideHead = new QHBoxLayout;
    auto *roomsTitle = plainLabel(QStringLiteral("roomsTitle"), sidebar);
    roomsTitle->setText(tr("Conversations"));
    QFont titleFont = roomsTitle->font();
    titleFont.setBold(true);
    roomsTitle->setFont(titleFont);
    m_joinButton = new QToolButton(sidebar);
    m_joinButton->setObjectName(QStringLiteral("joinRoomButton"));
    m_joinButton->setText(tr("+ Join"));
    m_joinButton->setToolTip(tr("Join or create a room (Ctrl+J)"));
    m_joinButton->setAutoRaise(true);
    sideHead->addWidget(roomsTitle, 1);
    sideHead->addWidget(m_joinButton);
    sideLayout->addLayout(sideHead);
    m_roomList = new QListView(sidebar);
    m_roomList->setObjectName(QStringLiteral("roomList"));
    m_roomList->setModel(state->roomList());
    m_roomList->setItemDelegate(new RoomDelegate(m_roomList));
    m_roomList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_roomList->setSpacing(1);
    m_roomList->setToolTip(
        tr("Rooms you are in and private conversations; red badges count unread messages"));
    sideLayout->addWidget(m_roomList, 1);

    // --- centre: conversation tabs, typing line, input -----------------------------------
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 6, 0, 6);
    m_tabs = new QTabWidget(centre);
    m_tabs->setObjectName(QStringLiteral("conversationTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false);
    centreLayout->addWidget(m_tabs, 1);
    m_typingLabel = plainLabel(QStringLiteral("typingLabel"), centre);
    {
        QFont f = m_typingLabel->font();
        f.setItalic(true);
        m_typingLabel->setFont(f);
        QPalette p = m_typingLabel->palette();
        p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
        m_typingLabel->setPalette(p);
        m_typingLabel->setMinimumHeight(m_typingLabel->fontMetrics().height());
        m_typingLabel->setContentsMargins(8, 0, 0, 0);
    }
    centreLayout->addWidget(m_typingLabel);
    auto *inputRow = new QHBoxLayout;
    m_input = new ChatInput(centre);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_sendButton = new QPushButton(tr("Send"), centre);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Send the message (Enter)"));
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    centreLayout->addLayout(inputRow);

    // --- right: members ------------------------------------------------------------------
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 6);
    m_membersTitle = plainLabel(QStringLiteral("membersTitle"), right);
    m_membersTitle->setFont(titleFont);
    rightLayout->addWidget(m_membersTitle);
    m_memberList = new QListView(right);
    m_memberList->setObjectName(QStringLiteral("memberList"));
    m_memberList->setItemDelegate(new MemberDelegate(m_memberList));
    m_memberList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_memberList->setSpacing(2);
    m_memberList->setToolTip(tr("Members of this room; double-click someone to whisper"));
    rightLayout->addWidget(m_memberList, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(sidebar);
    split->addWidget(centre);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({180, 560, 170});
    split->setChildrenCollapsible(false);
    setCentralWidget(split);

    // --- status bar ----------------------------------------------------------------------
    m_stateLabel = plainLabel(QStringLiteral("stateLabel"), this);
    m_serverLabel = plainLabel(QStringLiteral("serverLabel"), this);
    m_rttLabel = plainLabel(QStringLiteral("rttLabel"), this);
    m_rttLabel->setToolTip(tr("Round-trip time of the last WebSocket ping (sent every 5 s)"));
    m_countdownLabel = plainLabel(QStringLiteral("reconnectLabel"), this);
    m_reconnectButton = new QPushButton(tr("Reconnect now"), this);
    m_reconnectButton->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnectButton->setToolTip(tr("Skip the wait and try to reconnect immediately"));
    m_reconnectButton->setFlat(true);
    statusBar()->addWidget(m_stateLabel);
    statusBar()->addWidget(m_serverLabel);
    statusBar()->addWidget(m_countdownLabel);
    statusBar()->addWidget(m_reconnectButton);
    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(QStringLiteral("statusTransportCombo"));
    m_transportCombo->addItem(ClientSession::transportName(ClientSession::Transport::Push, 0),
                              int(ClientSession::Transport::Push));
    m_transportCombo->addItem(ClientSession::transportName(ClientSession::Transport::LongPoll, 0),
                              int(ClientSession::Transport::LongPoll));
    m_transportCombo->addItem(ClientSession::transportName(ClientSession::Transport::Poll, 500),
                              int(ClientSession::Transport::Poll));
    m_transportCombo->setItemData(0,
                                  tr("One WebSocket stays open; the server pushes each message "
                                     "the moment it exists"),
                                  Qt::ToolTipRole);
    m_transportCombo->setItemData(1,
                                  tr("HTTP requests the server holds until it has something (up "
                                     "to 25 s), then the client asks again"),
                                  Qt::ToolTipRole);
    m_transportCombo->setItemData(2,
                                  tr("An HTTP request every few hundred milliseconds asks "
                                     "“anything new?” – mostly the answer is no"),
                                  Qt::ToolTipRole);
    m_transportCombo->setToolTip(
        tr("The transport in use. Switching keeps your session: nick, rooms and messages "
           "continue. Open the protocol inspector (F12) to watch what each one costs."));
    m_transportCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pollSpin = new QSpinBox(this);
    m_pollSpin->setObjectName(QStringLiteral("statusPollSpin"));
    m_pollSpin->setRange(100, 10000);
    m_pollSpin->setSingleStep(100);
    m_pollSpin->setSuffix(tr(" ms"));
    m_pollSpin->setToolTip(tr("How often the client asks the server when polling"));
    m_pollSpin->setKeyboardTracking(false);
    statusBar()->addPermanentWidget(m_transportCombo);
    statusBar()->addPermanentWidget(m_pollSpin);
    statusBar()->addPermanentWidget(m_rttLabel);

    // --- inspector -----------------------------------------------------------------------
    m_inspector = new InspectorDock(state->frameLog(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_inspector);
    m_inspector->hide(); // off by default; restoreState() brings it back when it was on
    connect(m_inspector, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // First time shown without a saved layout: a third of the window, not half.
        if (visible && !m_inspectorSized) {
            m_inspectorSized = true;
            resizeDocks({m_inspector}, {height() / 3}, Qt::Vertical);
        }
    });

    buildMenus();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Duplex Client"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }

    // --- wiring --------------------------------------------------------------------------
    connect(state, &ChatState::conversationAdded, this, &MainWindow::addConversationTab);
    connect(state, &ChatState::conversationRemoved, this, &MainWindow::removeConversationTab);
    connect(state, &ChatState::conversationActivated, this, &MainWindow::activate);
    connect(state, &ChatState::incomingMessage, this,
            [this](const QString &key, const QString &from, const QString &) {
                alertIncoming(key, from);
            });
    connect(state->roomList(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::refreshTabTitles);
    connect(state->roomList(), &RoomListModel::totalUnreadChanged, this, &MainWindow::refreshTitle);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        auto *view = qobject_cast<ChatView *>(m_tabs->widget(index));
        if (view && !ChatState::isRoomKey(view->key()))
            m_state->closeWhisper(ChatState::keyName(view->key()));
    });
    connect(m_roomList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_syncingSelection && current.isValid())
                    activate(current.data(RoomListModel::KeyRole).toString());
            });
    connect(m_memberList, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString nick = index.data(RosterModel::NickRole).toString();
        if (!nick.isEmpty() && !index.data(RosterModel::SelfRole).toBool())
            m_state->openWhisper(nick);
    });
    connect(m_joinButton, &QToolButton::clicked, this, &MainWindow::askJoinRoom);
    connect(m_input, &ChatInput::submitted, this, &MainWindow::submitInput);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (!m_input->toPlainText().trimmed().isEmpty())
            submitInput(m_input->toPlainText());
        m_input->setFocus();
    });
    connect(m_input, &ChatInput::textEdited, m_typing, [this](const QString &text) {
        // A slash command is not a message being typed: nobody needs to see "typing".
        m_typing->textEdited(text.startsWith(QLatin1Char('/')) ? QString() : text);
    });
    connect(m_typing, &TypingNotifier::typingChanged, session,
            [session](const QString &room, bool on) { session->setTyping(room, on); });
    connect(m_reconnectButton, &QPushButton::clicked, session, &ClientSession::reconnectNow);

    connect(session, &ClientSession::stateChanged, this, [this] {
        refreshStatus();
        refreshTitle();
    });
    {
        const QString mode = m_settings->value(QStringLiteral("transport/mode")).toString();
        const int interval
            = m_settings->value(QStringLiteral("transport/pollInterval"), 500).toInt();
        session->setTransport(mode == QLatin1String("poll") ? ClientSession::Transport::Poll
                                  : mode == QLatin1String("long-poll")
                                  ? ClientSession::Transport::LongPoll
                                  : ClientSession::Transport::Push,
                              interval);
        if (mode != QLatin1String("poll"))
            m_pollSpin->setValue(qBound(100, interval, 10000));
    }
    connect(session, &ClientSession::transportChanged, this, &MainWindow::refreshTransport);
    connect(session, &ClientSession::transportRequestedByServer, this,
            [this](ClientSession::Transport t, int ms) {
                statusBar()->showMessage(tr("The server switched this client to: %1")
                                             .arg(ClientSession::transportName(t, ms)),
                                         10000);
            });
    connect(m_transportCombo, &QComboBox::activated, this, [this] {
        pickTransport(ClientSession::Transport(m_transportCombo->currentData().toInt()),
                      m_pollSpin->value());
    });
    connect(m_pollSpin, &QSpinBox::valueChanged, this, [this](int ms) {
        if (m_state->session()->transport() == ClientSession::Transport::Poll)
            pickTransport(ClientSession::Transport::Poll, ms);
    });
    refreshTransport();
    connect(session, &ClientSession::welcomed, this, [this] {
        refreshStatus();
        refreshTitle();
    });
    connect(session, &ClientSession::nickChanged, this, &MainWindow::refreshTitle);
    connect(session, &ClientSession::serverSwitched, this, [this](const QUrl &url) {
        // Failover (issue 17): the server it was on went away, another one of the list
        // took the session.
        const QString text = tr("Switched to %1").arg(shortServerName(url));
        statusBar()->showMessage(text, 15000);
        for (const QString &key : m_state->conversationKeys())
            m_state->addLocalNote(key, text);
        refreshStatus();
    });
    connect(session, &ClientSession::reconnectCountdown, this, &MainWindow::refreshStatus);
    connect(session, &ClientSession::rttChanged, this,
            [this](qint64 ms) { m_rttLabel->setText(tr("RTT %1 ms").arg(ms)); });
    connect(session, &ClientSession::connectionFailed, this,
            [this](const QString &reason) { showConnectDialog(reason); });
    connect(session, &ClientSession::connectionEnded, this,
            [this](int code, const QString &reason) {
                if (code == 0) {
                    // The server refused the nick: ask again, saying why.
                    showConnectDialog(reason);
                    return;
                }
                statusBar()->showMessage(reason, 15000);
                for (const QString &key : m_state->conversationKeys())
                    m_state->addLocalNote(key, reason);
            });

    for (const QString &key : state->conversationKeys())
        addConversationTab(key);

    // --- settings ------------------------------------------------------------------------
    if (!restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1000, 640);
    m_inspectorSized
        = restoreState(m_settings->value(QStringLiteral("window/state")).toByteArray());
    m_inspector->setVisible(m_settings->value(QStringLiteral("inspector/visible"), false).toBool());

    setupUx();
    refreshStatus();
    refreshTitle();
    refreshMembersTitle();
    m_input->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    ClientSession *session = m_state->session();
    QMenu *conn = menuBar()->addMenu(tr("&Connection"));
    QAction *connectAct
        = conn->addAction(tr("&Connect\u2026"), this, [this] { showConnectDialog(); });
    connectAct->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    connectAct->setToolTip(tr("Connect to a server, or change server or nickname"));
    conn->addAction(tr("&Disconnect"), session, &ClientSession::close);
    QAction *now = conn->addAction(tr("&Reconnect now"), session, &ClientSession::reconnectNow);
    now->setShortcut(QKeySequence(tr("Ctrl+R")));
    QAction *drop
        = conn->addAction(tr("Simulate a network &drop"), session, &ClientSession::simulateDrop);
    drop->setToolTip(
        tr("Cut the connection without a goodbye, to watch reconnect and resume work"));
    conn->addSeparator();
    QAction *quit = conn->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *room = menuBar()->addMenu(tr("&Room"));
    QAction *join = room->addAction(tr("&Join room\u2026"), this, &MainWindow::askJoinRoom);
    join->setShortcut(QKeySequence(tr("Ctrl+J")));
    room->addAction(tr("&Leave room"), this, [this] { submitInput(QStringLiteral("/leave")); });
    QAction *whisper = room->addAction(tr("&Whisper to\u2026"), this, &MainWindow::askWhisper);
    // Ctrl+W closes a tab, as in every other program (buildNavigation).
    whisper->setShortcut(QKeySequence(tr("Ctrl+Shift+W")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *inspect = m_inspector->toggleViewAction();
    inspect->setText(tr("Protocol &inspector"));
    inspect->setShortcut(QKeySequence(tr("F12")));
    inspect->setToolTip(tr("Show every WebSocket frame sent and received"));
    view->addAction(inspect);
    buildNavigation(view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Commands"), this, [this] { submitInput(QStringLiteral("/help")); });
    help->addAction(tr("&About Duplex Client"), this, [this] {
        QMessageBox box(this);
        box.setWindowTitle(tr("About Duplex Client"));
        box.setIconPixmap(windowIcon().pixmap(64, 64));
        box.setTextFormat(Qt::PlainText);
        box.setText(
            tr("Duplex Client %1\n\nA WebSocket chat client for teaching full-duplex push.\n"
               "MIT License. Built with Qt %2.")
                .arg(QStringLiteral(DUPLEX_VERSION_STRING), QString::fromLatin1(qVersion())));
        box.exec();
    });
}

QString MainWindow::currentKey() const
{
    auto *view = qobject_cast<ChatView *>(m_tabs->currentWidget());
    return view ? view->key() : QString();
}

void MainWindow::connectTo(const QUrl &url, const QString &nick)
{
    connectTo(QList<QUrl> {url}, nick);
}

void MainWindow::connectTo(const QList<QUrl> &urls, const QString &nick)
{
    if (urls.isEmpty())
        return;
    const QUrl url = urls.first();
    const QString server = formatServerAddresses(urls);
    QStringList recent = m_settings->value(QStringLiteral("recentServers")).toStringList();
    recent.removeAll(server);
    recent.prepend(server);
    while (recent.size() > MaxRecentServers)
        recent.removeLast();
    m_settings->setValue(QStringLiteral("recentServers"), recent);
    m_settings->setValue(QStringLiteral("server"), server);
    m_settings->setValue(QStringLiteral("nick"), nick);
    if (m_state->session()->state() == ClientSession::State::Disconnected)
        m_memory->restore(url, nick); // a restarted client resumes where it was
    m_state->session()->open(urls, nick);
    refreshTitle();
}

ConnectDialog *MainWindow::showConnectDialog(const QString &error)
{
    if (!m_connectDialog) {
        m_connectDialog = new ConnectDialog(this);
        m_connectDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_connectDialog->setRecentServers(
            m_settings->value(QStringLiteral("recentServers")).toStringList());
        const ClientSession *session = m_state->session();
        const QString server = session->url().isValid()
            ? formatServerAddresses(session->urls())
            : m_settings->value(QStringLiteral("server")).toString();
        if (!server.isEmpty())
            m_connectDialog->setServer(server);
        m_connectDialog->setNick(session->nick().isEmpty()
                                     ? m_settings->value(QStringLiteral("nick")).toString()
                                     : session->nick());
        m_connectDialog->setTransport(session->transport(), session->pollIntervalMs());
        ConnectDialog *dialog = m_connectDialog;
        m_connectDialog->setJoinCode(session->joinCode());
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            m_state->session()->setJoinCode(dialog->joinCode());
            pickTransport(dialog->transport(), dialog->pollIntervalMs());
            connectTo(dialog->serverUrls(), dialog->nick());
        });
        m_connectDialog->setWindowModality(Qt::WindowModal);
    }
    m_connectDialog->setError(error);
    m_connectDialog->show();
    m_connectDialog->raise();
    m_connectDialog->activateWindow();
    return m_connectDialog;
}

void MainWindow::addConversationTab(const QString &key)
{
    if (m_views.contains(key))
        return;
    ConversationModel *model = m_state->conversation(key);
    if (!model)
        return;
    auto *view = new ChatView(model, key, m_tabs);
    m_views.insert(key, view);
    wireChatView(view);
    const int row = m_state->roomList()->rowOf(key);
    const int index = m_tabs->insertTab(row < 0 ? m_tabs->count() : qMin(row, m_tabs->count()),
                                        view, QString());
    if (ChatState::isRoomKey(key)) {
        // Rooms are left with /leave or the Room menu, not by closing a tab by accident.
        m_tabs->tabBar()->setTabButton(index, QTabBar::RightSide, nullptr);
        m_tabs->tabBar()->setTabButton(index, QTabBar::LeftSide, nullptr);
    }
    refreshTabTitles();
    if (m_tabs->count() == 1)
        onCurrentTabChanged();
}

void MainWindow::removeConversationTab(const QString &key)
{
    ChatView *view = m_views.take(key);
    if (!view)
        return;
    m_tabs->removeTab(m_tabs->indexOf(view));
    view->deleteLater();
    refreshTabTitles();
}

void MainWindow::activate(const QString &key)
{
    if (ChatView *view = m_views.value(key))
        m_tabs->setCurrentWidget(view);
}

void MainWindow::onCurrentTabChanged()
{
    const QString key = currentKey();
    m_state->setCurrentConversation(key);
    {
        m_syncingSelection = true;
        const int row = m_state->roomList()->rowOf(key);
        m_roomList->setCurrentIndex(row >= 0 ? m_state->roomList()->index(row) : QModelIndex());
        m_syncingSelection = false;
    }
    disconnect(m_rosterTyping);
    disconnect(m_rosterCount);
    RosterModel *roster
        = ChatState::isRoomKey(key) ? m_state->roster(ChatState::keyName(key)) : nullptr;
    m_memberList->setModel(roster);
    if (roster) {
        m_rosterTyping
            = connect(roster, &RosterModel::typingChanged, this, &MainWindow::refreshTyping);
        m_rosterCount
            = connect(roster, &RosterModel::countChanged, this, &MainWindow::refreshMembersTitle);
    }
    m_typing->setTarget(roster ? ChatState::keyName(key) : QString());
    refreshTyping();
    refreshMembersTitle();
    refreshTabTitles();
    refreshTitle();
    m_input->setFocus();
}

void MainWindow::refreshTabTitles()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *view = qobject_cast<ChatView *>(m_tabs->widget(i));
        if (!view)
            continue;
        const QString key = view->key();
        const bool room = ChatState::isRoomKey(key);
        const ConversationModel *model = view->conversation();
        const QString name = room ? QStringLiteral("#") + ChatState::keyName(key)
                                  : QStringLiteral("\u2709 ") + model->name();
        const int unread = m_state->roomList()->unread(key);
        m_tabs->setTabText(i, unread > 0 ? tr("%1 (%2)").arg(name).arg(unread) : name);
        m_tabs->setTabToolTip(i,
                              room ? tr("Room #%1").arg(ChatState::keyName(key))
                                   : tr("Private conversation with %1").arg(model->name()));
    }
}

void MainWindow::refreshStatus()
{
    const ClientSession *session = m_state->session();
    const ClientSession::State state = session->state();
    m_stateLabel->setText(ClientSession::stateName(state));
    QString color;
    switch (state) {
    case ClientSession::State::Online: color = QStringLiteral("#1a7f37"); break;
    case ClientSession::State::Reconnecting:
    case ClientSession::State::Connecting:
    case ClientSession::State::Handshaking: color = QStringLiteral("#9a6700"); break;
    case ClientSession::State::Disconnected: color = QStringLiteral("#b42318"); break;
    }
    QPalette p = m_stateLabel->palette();
    p.setColor(QPalette::WindowText, QColor(color));
    m_stateLabel->setPalette(p);
    QFont f = m_stateLabel->font();
    f.setBold(true);
    m_stateLabel->setFont(f);

    const QString where = session->url().isValid() ? session->url().toString() : QString();
    if (session->urls().size() > 1) {
        // A cluster: the label names the server it is on; the tooltip lists them all.
        m_serverLabel->setToolTip(tr("Servers, tried in this order when one stops: %1")
                                      .arg(formatServerAddresses(session->urls())));
    } else {
        m_serverLabel->setToolTip(QString());
    }
    m_serverLabel->setText(session->serverName().isEmpty()
                               ? where
                               : tr("%1 \u2013 %2").arg(session->serverName(), where));
    const bool reconnecting = state == ClientSession::State::Reconnecting;
    m_countdownLabel->setVisible(reconnecting);
    if (reconnecting && !session->retryReason().isEmpty())
        m_countdownLabel->setText(
            tr("Reconnecting in %n s: %1", nullptr, session->reconnectSecondsLeft())
                .arg(session->retryReason()));
    else if (reconnecting)
        m_countdownLabel->setText(
            tr("Reconnecting in %n s", nullptr, session->reconnectSecondsLeft()));
    m_countdownLabel->setToolTip(reconnecting ? session->retryReason() : QString());
    m_reconnectButton->setVisible(
        reconnecting || (state == ClientSession::State::Disconnected && session->url().isValid()));
    if (session->rttMs() < 0 || state != ClientSession::State::Online)
        m_rttLabel->setText(tr("RTT —")); // a stale figure would claim a live connection
    m_memberList->setEnabled(state == ClientSession::State::Online); // greyed while offline
    m_input->setHint(
        state == ClientSession::State::Online
            ? tr(
                "Type a message \u2013 Enter sends, Shift+Enter for a new line, /help for commands")
            : tr("Offline \u2013 what you type is queued and sent when the connection is back"));
}

void MainWindow::pickTransport(ClientSession::Transport transport, int pollIntervalMs)
{
    m_settings->setValue(QStringLiteral("transport/mode"),
                         transport == ClientSession::Transport::Poll ? QStringLiteral("poll")
                             : transport == ClientSession::Transport::LongPoll
                             ? QStringLiteral("long-poll")
                             : QStringLiteral("push"));
    if (transport == ClientSession::Transport::Poll)
        m_settings->setValue(QStringLiteral("transport/pollInterval"), pollIntervalMs);
    m_state->session()->setTransport(transport, pollIntervalMs);
    refreshTransport();
}

void MainWindow::refreshTransport()
{
    const ClientSession *session = m_state->session();
    const ClientSession::Transport t = session->transport();
    const QSignalBlocker b1(m_transportCombo);
    const QSignalBlocker b2(m_pollSpin);
    const int poll = m_transportCombo->findData(int(ClientSession::Transport::Poll));
    m_transportCombo->setItemText(
        poll,
        ClientSession::transportName(ClientSession::Transport::Poll, session->pollIntervalMs()));
    m_transportCombo->setCurrentIndex(m_transportCombo->findData(int(t)));
    if (t == ClientSession::Transport::Poll)
        m_pollSpin->setValue(session->pollIntervalMs());
    m_pollSpin->setVisible(t == ClientSession::Transport::Poll);
    m_rttLabel->setToolTip(t == ClientSession::Transport::Push
                               ? tr("Round-trip time of the last WebSocket ping (sent every 5 s)")
                               : tr("Round-trip time of the last short poll request"));
}

void MainWindow::refreshTitle()
{
    const ClientSession *session = m_state->session();
    QString title = tr("Duplex Client");
    if (!session->nick().isEmpty() && session->url().isValid()) {
        const QString server
            = session->serverName().isEmpty() ? session->url().host() : session->serverName();
        title = tr("%1 @ %2 \u2013 Duplex Client").arg(session->nick(), server);
    }
    const int unread = m_state->roomList()->totalUnread();
    if (unread > 0)
        title = tr("(%1) %2").arg(unread).arg(title);
    setWindowTitle(title);
}

void MainWindow::refreshTyping()
{
    const QString key = currentKey();
    const RosterModel *roster
        = ChatState::isRoomKey(key) ? m_state->roster(ChatState::keyName(key)) : nullptr;
    const QStringList typing = roster ? roster->typingNicks() : QStringList();
    QString text;
    if (typing.size() == 1)
        text = tr("%1 is typing\u2026").arg(typing.at(0));
    else if (typing.size() == 2)
        text = tr("%1 and %2 are typing\u2026").arg(typing.at(0), typing.at(1));
    else if (typing.size() > 2)
        text = tr("Several people are typing\u2026");
    m_typingLabel->setText(text);
}

void MainWindow::refreshMembersTitle()
{
    const QString key = currentKey();
    if (ChatState::isRoomKey(key)) {
        const RosterModel *roster = m_state->roster(ChatState::keyName(key));
        m_membersTitle->setText(tr("Members (%n)", nullptr, roster ? roster->count() : 0));
    } else if (!key.isEmpty()) {
        m_membersTitle->setText(tr("Private conversation"));
    } else {
        m_membersTitle->setText(tr("Members"));
    }
}

void MainWindow::alertIncoming(const QString &key, const QString &from)
{
    if (isActiveWindow())
        return;
    QApplication::alert(this);
    if (m_tray) {
        // Nicks and room names cannot hold markup; the message text is not shown here
        // because some notification servers interpret markup in the body.
        const QString where = ChatState::isRoomKey(key) ? tr("in #%1").arg(ChatState::keyName(key))
                                                        : tr("privately");
        m_tray->showMessage(tr("Duplex Client"), tr("New message from %1 %2").arg(from, where),
                            QSystemTrayIcon::Information, 5000);
    }
    Q_EMIT alerted(key, from);
}

void MainWindow::askJoinRoom()
{
    bool ok = false;
    const QString room = QInputDialog::getText(this, tr("Join a room"),
                                               tr("Room name (a-z, 0-9, _ and -, up to 32):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (ok && !room.isEmpty())
        submitInput(QStringLiteral("/join ") + room);
}

void MainWindow::askWhisper()
{
    bool ok = false;
    const QString nick = QInputDialog::getText(this, tr("Whisper"), tr("Nickname:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (ok && !nick.isEmpty())
        submitInput(QStringLiteral("/msg ") + nick);
}

void MainWindow::submitInput(const QString &raw)
{
    const QString line = raw.trimmed();
    if (line.isEmpty())
        return;
    const QString key = currentKey();
    const SlashCommand cmd = parseSlashCommand(line);
    auto note = [this, key](const QString &text) {
        if (!key.isEmpty())
            m_state->addLocalNote(key, text);
        else
            statusBar()->showMessage(text, 10000);
    };
    bool done = true;
    switch (cmd.kind) {
    case SlashCommand::Kind::Text: {
        if (key.isEmpty()) {
            note(tr("Join a room first: /join general"));
            done = false;
            break;
        }
        const int max = m_state->session()->limits().maxText;
        if (const auto problem = proto::textProblem(cmd.text, max)) {
            note(*problem == proto::ErrorCode::TooLong
                     ? tr("That message is too long (%n characters; the limit is %1).", nullptr,
                          int(proto::codePointLength(cmd.text.trimmed())))
                           .arg(max)
                     : tr("Nothing to send."));
            done = false;
            break;
        }
        m_state->sendText(key, cmd.text);
        m_typing->messageSent();
        break;
    }
    case SlashCommand::Kind::Join: m_state->joinRoom(cmd.arg); break;
    case SlashCommand::Kind::Leave: {
        if (!cmd.arg.isEmpty()) {
            m_state->leaveRoom(cmd.arg);
        } else if (ChatState::isRoomKey(key)) {
            m_state->leaveRoom(ChatState::keyName(key));
        } else if (!key.isEmpty()) {
            m_state->closeWhisper(ChatState::keyName(key));
        }
        break;
    }
    case SlashCommand::Kind::Nick: m_state->session()->changeNick(cmd.arg); break;
    case SlashCommand::Kind::Msg: {
        const QString whisperKey = m_state->openWhisper(cmd.arg);
        if (!cmd.text.isEmpty())
            m_state->sendText(whisperKey, cmd.text);
        break;
    }
    case SlashCommand::Kind::Help: note(slashCommandHelp()); break;
    case SlashCommand::Kind::Invalid:
        note(cmd.error);
        done = false;
        break;
    }
    if (done) {
        m_input->rememberSent(raw);
        m_input->clear();
    }
}

void MainWindow::saveSettings()
{
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), saveState());
    m_settings->setValue(QStringLiteral("inspector/visible"), m_inspector->isVisible());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_state->session()->close();
    QMainWindow::closeEvent(event);
    Q_EMIT closed();
}

} // namespace duplex::client
