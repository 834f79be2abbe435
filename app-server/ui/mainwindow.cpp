// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "mainwindow.h"

#include "classcontrolui.h"
#include "clientspanel.h"
#include "joincard.h"
#include "lessonpanel.h"
#include "pushbar.h"
#include "settingsdialog.h"
#include "statspanel.h"
#include "trafficpanel.h"
#include "uiutil.h"
#include "xrayview.h"

#include <clientmodel.h>
#include <roommodel.h>
#include <serverhost.h>
#include <serveroptions.h>
#include <serverstats.h>
#include <trafficlog.h>
#include <trafficmodel.h>

#include <duplex/version.h>

#include <websocket.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace duplex::server {

namespace {

constexpr int MaxEventLines = 2000;

QString endSentence(const ClientInfo &info)
{
    switch (info.end) {
    case EndKind::ClosedCleanly:
        return MainWindow::tr("closed the connection cleanly with %1 (%2)")
            .arg(info.closeCode)
            .arg(ws::closeCodeMeaning(info.closeCode));
    case EndKind::ClosedByServer:
        return MainWindow::tr("was disconnected by the server with %1 (%2)")
            .arg(info.closeCode)
            .arg(ws::closeCodeMeaning(info.closeCode));
    case EndKind::Dropped:
        return MainWindow::tr("dropped without a close frame (network cut, crash or timeout)");
    case EndKind::Open: break;
    }
    return MainWindow::tr("disconnected");
}

} // namespace

MainWindow::MainWindow(ServerHost *server, TrafficLog *traffic, WindowConfig config,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_server(server)
    , m_traffic(traffic)
    , m_config(std::move(config))
    , m_settings(m_config.settingsPath.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(m_config.settingsPath, QSettings::IniFormat))
    , m_clientModel(new ClientModel(this))
    , m_trafficModel(new TrafficModel(traffic, 10000, this))
    , m_roomModel(new RoomModel(this))
    , m_stats(new ServerStats([server] { return server->counters(); }, this))
{
    setObjectName(QStringLiteral("serverMainWindow"));
    setWindowTitle(tr("Duplex Server"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/duplex-server.svg")));
    m_baseFont = font();
    // The font the panels below size their columns with (projector mode rescales them).
    m_appliedPointSize = m_baseFont.pointSizeF();

    // --- central: header, clients | traffic, push bar -----------------------------------
    auto *central = new QWidget(this);
    auto *header = new QFrame(central);
    buildHeader(header);
    m_clientsPanel = new ClientsPanel(m_server, m_clientModel, central);
    m_trafficPanel = new TrafficPanel(m_trafficModel, m_clientModel, central);
    m_pushBar = new PushBar(m_server, m_roomModel, central);
    auto *split = new QSplitter(Qt::Horizontal, central);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(m_clientsPanel);
    split->addWidget(m_trafficPanel);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({440, 660});
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->addWidget(header);
    layout->addWidget(split, 1);
    layout->addWidget(m_pushBar);
    setCentralWidget(central);

    // --- docks: rooms, statistics, events -------------------------------------------------
    m_roomsTree = new QTreeView(this);
    m_roomsTree->setObjectName(QStringLiteral("roomsTree"));
    m_roomsTree->setModel(m_roomModel);
    m_roomsTree->setUniformRowHeights(true);
    m_roomsTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_roomsTree->header()->setStretchLastSection(false);
    m_roomsTree->header()->setSectionResizeMode(RoomModel::NameColumn, QHeaderView::Stretch);
    m_roomsTree->header()->setSectionResizeMode(RoomModel::CountColumn,
                                                QHeaderView::ResizeToContents);
    m_roomsTree->setToolTip(tr("Rooms and who is in them. A message said in a room is pushed "
                               "to every member."));
    connect(m_roomModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                // Small rooms open expanded: members visible at a glance.
                for (int r = first; r <= last; ++r) {
                    const QModelIndex room = m_roomModel->index(r, 0);
                    if (m_roomModel->rowCount(room) <= 30)
                        m_roomsTree->expand(room);
                }
            });
    auto *roomsDock = new QDockWidget(tr("Rooms"), this);
    roomsDock->setObjectName(QStringLiteral("roomsDock"));
    roomsDock->setWidget(m_roomsTree);
    addDockWidget(Qt::RightDockWidgetArea, roomsDock);

    m_statsPanel = new StatsPanel(m_stats, this);
    // A scroll area: a short dock scrolls instead of squeezing the charts into each other.
    auto *statsScroll = new QScrollArea(this);
    statsScroll->setObjectName(QStringLiteral("statsScroll"));
    statsScroll->setWidget(m_statsPanel);
    statsScroll->setWidgetResizable(true);
    statsScroll->setFrameShape(QFrame::NoFrame);
    statsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *statsDock = new QDockWidget(tr("Live statistics (last 5 minutes)"), this);
    statsDock->setObjectName(QStringLiteral("statsDock"));
    statsDock->setWidget(statsScroll);
    addDockWidget(Qt::RightDockWidgetArea, statsDock);

    m_events = new QPlainTextEdit(this);
    m_events->setObjectName(QStringLiteral("eventList"));
    m_events->setReadOnly(true);
    m_events->setMaximumBlockCount(MaxEventLines);
    m_events->setFont(monospaceFont());
    m_events->setToolTip(tr("Connections, disconnections (with the close code in words), kicks, "
                            "rate limits and errors."));
    auto *eventsDock = new QDockWidget(tr("Events"), this);
    eventsDock->setObjectName(QStringLiteral("eventsDock"));
    eventsDock->setWidget(m_events);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);
    // The frame X-ray (issue 14): its own dock, beside the events.
    XrayView::install(this, m_server, m_trafficPanel->table(), m_trafficModel,
                      m_clientsPanel->table());
    m_trafficPanel->setWireLog(m_server->wireLog());
    // The push-vs-polling lesson (issue 13): its own dock, beside the live statistics.
    LessonPanel::install(this, m_server, m_clientsPanel);
    resizeDocks({roomsDock, statsDock}, {220, 380}, Qt::Vertical);
    resizeDocks({roomsDock}, {300}, Qt::Horizontal);
    resizeDocks({eventsDock}, {130}, Qt::Vertical);

    // --- status bar --------------------------------------------------------------------
    m_clientsLabel = new QLabel(this);
    m_clientsLabel->setObjectName(QStringLiteral("clientsStatusLabel"));
    m_uptimeLabel = new QLabel(this);
    m_uptimeLabel->setObjectName(QStringLiteral("uptimeLabel"));
    m_uptimeLabel->setToolTip(tr("How long the server has been listening."));
    m_dbLabel = new QLabel(this);
    m_dbLabel->setObjectName(QStringLiteral("dbPathLabel"));
    m_dbLabel->setTextFormat(Qt::PlainText);
    m_dbLabel->setText(
        tr("Database: %1").arg(m_config.dbPath.isEmpty() ? tr("(in memory)") : m_config.dbPath));
    m_dbLabel->setToolTip(tr("Where messages are stored (SQLite). History survives restarts."));
    m_clusterLabel = new QLabel(this);
    m_clusterLabel->setObjectName(QStringLiteral("clusterLabel"));
    m_clusterLabel->setVisible(false);
    statusBar()->addWidget(m_clientsLabel);
    statusBar()->addWidget(m_uptimeLabel);
    statusBar()->addWidget(m_clusterLabel);
    statusBar()->addPermanentWidget(m_dbLabel);

    buildMenus();
    m_projectorAction->setChecked(false);

    // --- wiring --------------------------------------------------------------------------
    connect(m_clientsPanel, &ClientsPanel::selectionChanged, m_pushBar,
            &PushBar::setSelectedClient);
    connect(m_pushBar, &PushBar::noticeSent, this,
            [this](const QString &text, const QString &target, int n) {
                logEvent(QStringLiteral("notice"),
                         (n == 1 ? tr("pushed to %1 (1 client): %2")
                                 : tr("pushed to %1 (%n clients): %2", nullptr, n))
                             .arg(target, text));
            });
    connect(m_server, &ServerHost::listeningChanged, this, [this] { updateHeader(); });
    // Class control: the join card shows the join code; the rooms panel's menu moderates.
    connect(m_server, &ServerHost::classControlChanged, this,
            [this] { m_joinCard->setJoinCode(m_server->classControl().joinCode); });
    m_joinCard->setJoinCode(m_server->classControl().joinCode);
    m_roomsTree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_roomsTree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_roomsTree->indexAt(pos);
        const QString room = at.data(RoomModel::RoomNameRole).toString(); // a member: its room
        if (room.isEmpty())
            return;
        QMenu menu(this);
        ClassControlUi::addRoomActions(&menu, m_server, room, this, m_settings.get());
        menu.exec(m_roomsTree->viewport()->mapToGlobal(pos));
    });
    // A change is followed by a fresh snapshot from the engine thread (~50 ms later): show
    // that one soon, instead of waiting for the regular refresh.
    connect(m_server, &ServerHost::clientConnected, this, [this] { m_changed = true; });
    connect(m_server, &ServerHost::clientWelcomed, this, [this] { m_changed = true; });
    connect(m_server, &ServerHost::clientUpdated, this, [this] { m_changed = true; });
    connect(m_server, &ServerHost::roomsChanged, this, [this] { m_changed = true; });
    connect(m_server, &ServerHost::snapshotsUpdated, this, [this] {
        if (m_changed)
            scheduleRefresh();
    });
    connect(m_server, &ServerHost::clientDisconnected, this,
            [this](const ClientInfo &info) { onClientDisconnected(info); });
    connect(m_server, &ServerHost::eventLogged, this, [this](EventKind kind, const QString &text) {
        // Disconnects are written by onClientDisconnected with the close code in words.
        if (kind != EventKind::Close)
            logEvent(eventKindName(kind), text);
    });

    m_refreshTimer.setInterval(500);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { applySnapshots(); });
    m_refreshTimer.start();
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(100);
    connect(&m_refreshSoon, &QTimer::timeout, this, [this] { applySnapshots(); });
    m_eventFlush.setInterval(200);
    connect(&m_eventFlush, &QTimer::timeout, this, [this] { flushEvents(); });
    m_eventFlush.start();
    m_uptimeTimer.setInterval(1000);
    connect(&m_uptimeTimer, &QTimer::timeout, this, [this] { updateStatusBar(); });
    m_uptimeTimer.start();
    m_stats->setInterval(1000);
    m_stats->sample();

    // --- remembered state ----------------------------------------------------------------
    resize(1400, 900);
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    setProjectorMode(m_settings->value(QStringLiteral("view/projector"), false).toBool());
    // Panels and column widths as they were in this mode (after the fonts: the widths were
    // saved at that size); splitters once the window has its size (showEvent).
    if (!restoreViewState())
        applyDefaultLayout();
    m_built = true;
    updateHeader();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    // The application font is shared: leave it as the desktop had it.
    if (m_projector)
        projector::apply(false);
}

void MainWindow::saveViewState()
{
    m_settings->setValue(modeKey(QStringLiteral("window/state")), saveState());
    // Every named table's columns (widths, order, hidden, sort) and every named splitter, so
    // panels added later are remembered without code of their own.
    const QList<QTableView *> tables = findChildren<QTableView *>();
    for (const QTableView *t : tables) {
        if (!t->objectName().isEmpty() && !t->objectName().endsWith(QLatin1String("Frozen")))
            m_settings->setValue(modeKey(QStringLiteral("columns/") + t->objectName()),
                                 t->horizontalHeader()->saveState());
    }
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (const QSplitter *s : splitters) {
        // While the handshake is in its own window its splitter holds only the table.
        if (s->objectName() == QLatin1String("clientsSplitter")
            && m_clientsPanel->isHandshakePoppedOut())
            continue;
        if (!s->objectName().isEmpty())
            m_settings->setValue(modeKey(QStringLiteral("splitters/") + s->objectName()),
                                 s->saveState());
    }
}

bool MainWindow::restoreViewState()
{
    const QList<QTableView *> tables = findChildren<QTableView *>();
    for (QTableView *t : tables) {
        const QByteArray state
            = m_settings->value(modeKey(QStringLiteral("columns/") + t->objectName()))
                  .toByteArray();
        if (!t->objectName().isEmpty() && !state.isEmpty())
            t->horizontalHeader()->restoreState(state);
    }
    return restoreState(m_settings->value(modeKey(QStringLiteral("window/state"))).toByteArray());
}

void MainWindow::restoreSplitters()
{
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *s : splitters) {
        const QByteArray state
            = m_settings->value(modeKey(QStringLiteral("splitters/") + s->objectName()))
                  .toByteArray();
        if (!s->objectName().isEmpty() && !state.isEmpty()) {
            s->restoreState(state);
        } else if (m_projector && s->objectName() == QLatin1String("clientsSplitter")) {
            // Projector default: the table gets the height, the handshake keeps its title
            // bar with "Pop out" and a few lines.
            const int total = s->height();
            const int pane = qMin(total / 4, 6 * QFontMetrics(font()).height());
            s->setSizes({total - pane, pane});
        } else if (m_projector && s->objectName() == QLatin1String("mainSplitter")) {
            // Nick, address, rooms and "connected" whole beside the traffic.
            const int total = s->width();
            s->setSizes({total * 45 / 100, total - total * 45 / 100});
        }
    }
}

void MainWindow::buildHeader(QWidget *header)
{
    header->setObjectName(QStringLiteral("headerBar"));
    auto *frame = qobject_cast<QFrame *>(header);
    if (frame)
        frame->setFrameShape(QFrame::StyledPanel);
    m_stateLabel = new QLabel(header);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true);
    m_nameLabel = new QLabel(header);
    m_nameLabel->setObjectName(QStringLiteral("serverNameLabel"));
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_nameLabel->setToolTip(tr("The server name clients see when they connect."));
    m_startStop = new QPushButton(header);
    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_startStop->setToolTip(tr("Start or stop accepting WebSocket connections. Stopping "
                               "closes every client with 1001 (going away)."));
    m_retry = new QPushButton(header);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setToolTip(tr("Listen on the next port instead."));
    m_retry->hide();
    m_joinCard = new JoinCard(m_settings.get(), header);

    auto *left = new QVBoxLayout;
    left->addWidget(m_stateLabel);
    left->addWidget(m_nameLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startStop);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    left->addLayout(buttons);
    left->addStretch(1);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(10, 6, 10, 6);
    row->addLayout(left, 2);
    row->addSpacing(20);
    row->addWidget(m_joinCard, 5);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_server->isListening())
            stopListening();
        else
            startListening();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_config.port != 0 && m_config.port < 65535)
            ++m_config.port;
        startListening();
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction
        = file->addAction(uiIcon(QStringLiteral("export")), tr("&Export traffic…"), this,
                          [this] { m_trafficPanel->exportToFile(); });
    exportAction->setObjectName(QStringLiteral("actionExportTraffic"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    m_startStopAction = server->addAction(tr("&Stop listening"), this, [this] {
        if (m_server->isListening())
            stopListening();
        else
            startListening();
    });
    m_startStopAction->setObjectName(QStringLiteral("actionStartStop"));
    QAction *settings = server->addAction(tr("S&ettings…"), this, [this] { openSettings(); });
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence::Preferences);

    menuBar()->addMenu(ClassControlUi::createClassMenu(m_server, this, m_settings.get()));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_projectorAction = view->addAction(tr("&Projector mode"));
    m_projectorAction->setObjectName(QStringLiteral("actionProjectorMode"));
    m_projectorAction->setCheckable(true);
    m_projectorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_projectorAction->setToolTip(tr("Larger fonts everywhere, for the back row."));
    connect(m_projectorAction, &QAction::toggled, this, [this](bool on) { setProjectorMode(on); });
    view->addAction(m_joinCard->fullScreenAction());
    view->addSeparator();
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Duplex Server"), this, [this] { showAbout(); });
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

bool MainWindow::startListening()
{
    m_lastError.clear();
    const bool ok = m_server->listen(m_config.bind, m_config.port);
    if (ok) {
        m_listeningFor.start();
        logEvent(QStringLiteral("listen"),
                 tr("listening on %1 port %2").arg(m_config.bind.toString()).arg(m_server->port()));
    } else {
        m_lastError = m_server->errorString();
        logEvent(QStringLiteral("error"),
                 tr("could not listen on port %1: %2").arg(m_config.port).arg(m_lastError));
    }
    updateHeader();
    return ok;
}

void MainWindow::stopListening()
{
    m_server->stop();
    m_lastError.clear();
    logEvent(QStringLiteral("stop"), tr("stopped listening; every client was closed with 1001"));
    updateHeader();
    scheduleRefresh();
}

void MainWindow::updateHeader()
{
    const bool listening = m_server->isListening();
    QPalette pal = m_stateLabel->palette();
    if (listening) {
        m_stateLabel->setText(tr("● Listening on port %1").arg(m_server->port()));
        pal.setColor(QPalette::WindowText, QColor(0x2e, 0x7d, 0x32));
        m_retry->hide();
    } else if (!m_lastError.isEmpty()) {
        m_stateLabel->setText(tr("▲ Error: %1").arg(m_lastError));
        pal.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
        const quint16 next = m_config.port == 0 ? 0 : quint16(m_config.port + 1);
        m_retry->setText(next == 0 ? tr("Retry") : tr("Retry on port %1").arg(next));
        m_retry->show();
    } else {
        m_stateLabel->setText(tr("■ Stopped"));
        pal.setColor(QPalette::WindowText, QColor(0x61, 0x61, 0x61));
        m_retry->hide();
    }
    m_stateLabel->setPalette(pal);
    m_nameLabel->setText(tr("Server name: %1").arg(m_server->config().name));
    m_joinCard->setServerName(m_server->config().name);
    m_startStop->setText(listening ? tr("Stop") : tr("Start"));
    m_startStop->setIcon(
        uiIcon(listening ? QStringLiteral("disconnect") : QStringLiteral("connect")));
    if (m_startStopAction)
        m_startStopAction->setText(listening ? tr("&Stop listening") : tr("&Start listening"));
    rebuildAddresses();
    updateStatusBar();
}

void MainWindow::rebuildAddresses()
{
    const QStringList hosts
        = m_server->isListening() ? joinHosts(m_server->address(), m_config.bind) : QStringList();
    QStringList urls;
    for (const QString &h : std::as_const(hosts))
        urls.append(QStringLiteral("ws://%1:%2").arg(h).arg(m_server->port()));
    m_addresses = urls;
    // The same hosts in the browser page's http:// address, with its QR code (unchanged
    // hosts keep the card's widgets as they are).
    m_joinCard->setHosts(hosts, m_server->port());
}

void MainWindow::setProjectorMode(bool on)
{
    if (m_projectorAction && m_projectorAction->isChecked() != on) {
        m_projectorAction->setChecked(on); // re-enters through toggled
        return;
    }
    if (m_built && on == m_projector)
        return;
    // Each mode keeps its own layout: the projector's gives the clients table the height.
    if (m_built)
        saveViewState();
    m_projector = on;
    m_settings->setValue(QStringLiteral("view/projector"), on);
    applyFonts();
    if (m_built) {
        if (!restoreViewState())
            applyDefaultLayout();
        restoreSplitters();
    }
}

QString MainWindow::modeKey(const QString &key) const
{
    return m_projector ? QStringLiteral("projector/") + key : key;
}

void MainWindow::applyDefaultLayout()
{
    auto *stats = findChild<QDockWidget *>(QStringLiteral("statsDock"));
    const QList<QDockWidget *> lower = {findChild<QDockWidget *>(QStringLiteral("eventsDock")),
                                        findChild<QDockWidget *>(QStringLiteral("xrayDock"))};
    if (!stats || lower.contains(nullptr))
        return;
    if (m_projector) {
        // The events join the rooms as a tab on the right, and the X-ray waits in the View
        // menu (opened, it takes the bottom, wide enough for the bytes): the whole height
        // goes to the clients and the traffic (about 25 client rows at 1080 lines).
        auto *rooms = findChild<QDockWidget *>(QStringLiteral("roomsDock"));
        if (!rooms)
            return;
        addDockWidget(Qt::RightDockWidgetArea, lower.at(0));
        tabifyDockWidget(rooms, lower.at(0)); // short tab titles: "Rooms", "Events"
        lower.at(1)->hide();
        rooms->raise();
        // Wide enough for the totals at the projector's font size (once laid out).
        QTimer::singleShot(0, this, [this, rooms] {
            resizeDocks({rooms}, {32 * QFontMetrics(font()).averageCharWidth()}, Qt::Horizontal);
        });
    } else {
        addDockWidget(Qt::BottomDockWidgetArea, lower.at(0));
        addDockWidget(Qt::BottomDockWidgetArea, lower.at(1));
        tabifyDockWidget(lower.at(0), lower.at(1));
        lower.at(1)->show();
        lower.at(0)->raise();
        resizeDocks({lower.at(0)}, {130}, Qt::Vertical);
    }
}

void MainWindow::applyFonts()
{
    // The application font: menus, dialogs and tool tips (windows of their own, which do not
    // inherit the main window's font) follow it, also those opened later. Every widget
    // without a font size of its own follows it; panels need to do nothing.
    projector::apply(m_projector);
    const QFont f = QApplication::font();
    setFont(f);
    // Row heights and column widths follow the font (fixed for speed, so set them here).
    const double ratio = m_appliedPointSize > 0 ? f.pointSizeF() / m_appliedPointSize : 1.0;
    m_appliedPointSize = f.pointSizeF();
    const QList<QTableView *> tables = findChildren<QTableView *>();
    for (QTableView *t : tables) {
        projector::followFont(t);
        if (ratio != 1.0) {
            QHeaderView *h = t->horizontalHeader();
            for (int c = 0; c + 1 < h->count(); ++c)
                h->resizeSection(c, int(h->sectionSize(c) * ratio));
        }
    }

    // A dock draws its title in the platform's dock title font, cached when it was made,
    // whenever its font equals the application's: give it an (equal-looking) font of its own.
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks) {
        QFont title = f;
        title.setStyleStrategy(QFont::PreferAntialias);
        dock->setFont(m_projector ? title : QFont());
    }
    // Fewer, more readable columns for the back row.
    m_clientsPanel->setCompact(m_projector);
    m_trafficPanel->setCompact(m_projector);
    // The join card's addresses follow the window's font by themselves (JoinCard).
    QFont state;
    state.setPointSizeF(f.pointSizeF() * 1.25);
    state.setBold(true);
    m_stateLabel->setFont(state);
}

void MainWindow::refreshSnapshots()
{
    m_server->refreshNow();
    applySnapshots();
}

void MainWindow::applySnapshots()
{
    m_changed = false;
    // The snapshots are the engine thread's latest push: reading them costs nothing here,
    // only the model diffs below do.
    QElapsedTimer cost;
    cost.start();
    m_clientModel->setClients(m_server->clients());
    m_roomModel->setRooms(m_server->rooms());
    // Keep the snapshot work a small share of the event loop however many clients there
    // are: at 1000 clients a snapshot can take a few ms, so poll less often then.
    const qint64 ms = cost.elapsed();
    m_refreshTimer.setInterval(int(qBound(qint64(500), ms * 50, qint64(3000))));
    // The same for the refresh that follows connects and joins: during a connect storm
    // the events come every millisecond, the snapshots only every few hundred.
    m_refreshSoon.setInterval(int(qBound(qint64(100), ms * 20, qint64(1000))));
}

void MainWindow::prepareScreenshot(const QString &notice)
{
    if (!notice.isEmpty()) {
        if (auto *text = m_pushBar->findChild<QLineEdit *>(QStringLiteral("pushText"))) {
            text->setText(notice);
            m_pushBar->send();
        }
    }
    refreshSnapshots();
    m_trafficModel->poll();
    QTableView *clients = m_clientsPanel->table();
    if (clients->model()->rowCount() > 0)
        clients->selectRow(0);
    QTableView *traffic = m_trafficPanel->table();
    for (int r = traffic->model()->rowCount() - 1; r >= 0; --r) {
        if (traffic->model()->index(r, TrafficModel::TypeColumn).data().toString()
            == QLatin1String("say")) {
            traffic->selectRow(r);
            break;
        }
    }
    traffic->scrollToBottom();
}

void MainWindow::scheduleRefresh()
{
    if (!m_refreshSoon.isActive())
        m_refreshSoon.start();
}

void MainWindow::logEvent(const QString &kind, const QString &text)
{
    m_pendingEvents.append(QStringLiteral("%1  %2  %3")
                               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                    kind.leftJustified(10), text));
    // Bound the backlog: an event storm must not grow memory between two flushes.
    if (m_pendingEvents.size() > MaxEventLines) {
        const qsizetype drop = m_pendingEvents.size() - MaxEventLines;
        m_pendingEvents.erase(m_pendingEvents.begin(), m_pendingEvents.begin() + drop);
        m_skippedEvents += int(drop);
    }
}

void MainWindow::flushEvents()
{
    if (m_pendingEvents.isEmpty())
        return;
    // One append per flush: plain text, never interpreted as markup. Follow the newest
    // line unless the user scrolled up to read.
    QScrollBar *bar = m_events->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    // A bounded share per flush (a connect storm of 5000 clients logs ~10,000 lines): a
    // long append holds the event loop; the rest follows 200 ms later.
    constexpr qsizetype PerFlush = 150;
    const qsizetype n = qMin(PerFlush, m_pendingEvents.size());
    QString text;
    if (m_skippedEvents > 0) {
        text = tr("… %n event(s) not shown (too many at once)", nullptr, m_skippedEvents)
            + QLatin1Char('\n');
        m_skippedEvents = 0;
    }
    text += QStringList(m_pendingEvents.mid(0, n)).join(QLatin1Char('\n'));
    m_events->appendPlainText(text);
    m_pendingEvents.remove(0, n);
    if (atBottom)
        bar->setValue(bar->maximum());
}

void MainWindow::onClientDisconnected(const ClientInfo &info)
{
    const QString who = info.welcomed && !info.nick.isEmpty()
        ? info.nick
        : QStringLiteral("%1:%2").arg(info.address.toString()).arg(info.port);
    QString text = who + QLatin1Char(' ') + endSentence(info);
    if (!info.closeReason.isEmpty())
        text += tr(", reason: \"%1\"").arg(info.closeReason);
    logEvent(info.closeCode == proto::close::Kicked ? QStringLiteral("kick")
                                                    : QStringLiteral("disconnect"),
             text);
    m_changed = true; // the engine's next snapshot no longer lists it
}

void MainWindow::updateStatusBar()
{
    const int n = m_clientModel->rowCount();
    m_clientsLabel->setText(n == 1 ? tr("1 client") : tr("%n clients", nullptr, n));
    if (m_server->isListening() && m_listeningFor.isValid()) {
        const qint64 s = m_listeningFor.elapsed() / 1000;
        m_uptimeLabel->setText(tr("Up %1:%2:%3")
                                   .arg(s / 3600)
                                   .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                                   .arg(s % 60, 2, 10, QLatin1Char('0')));
    } else {
        m_uptimeLabel->setText(tr("Not listening"));
    }
    updateClusterLabel();
}

void MainWindow::updateClusterLabel()
{
    const ChatServer::ClusterState c = m_server->clusterState();
    m_clusterLabel->setVisible(c.enabled);
    if (!c.enabled)
        return;
    if (!c.up) {
        m_clusterLabel->setText(tr("Redis at %1 unreachable").arg(c.address));
        m_clusterLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        m_clusterLabel->setToolTip(tr("Clients stay connected; their messages are refused "
                                      "until Redis is back."));
        return;
    }
    m_clusterLabel->setStyleSheet(QString());
    const auto clientsText
        = [this](int n) { return n == 1 ? tr("1 client") : tr("%n clients", nullptr, n); };
    int clients = 0;
    QStringList lines;
    for (const auto &node : c.nodes) {
        clients += node.clients;
        lines.append(QStringLiteral("%1%2: %3")
                         .arg(node.name, node.self ? tr(" (this one)") : QString(),
                              clientsText(node.clients)));
    }
    const int servers = int(c.nodes.size());
    m_clusterLabel->setText(
        tr("Redis %1: %2, %3 in all")
            .arg(c.address, servers == 1 ? tr("1 server") : tr("%n servers", nullptr, servers),
                 clientsText(clients)));
    const int via = int(qMin<qint64>(c.messagesViaRedis, 2147483647));
    lines.append(via == 1 ? tr("1 message came through Redis here.")
                          : tr("%n messages came through Redis here.", nullptr, via));
    m_clusterLabel->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::openSettings()
{
    const quint16 shownPort = m_server->isListening() ? m_server->port() : m_config.port;
    SettingsDialog dialog(shownPort, m_server->config().name, this);
    const ClassControlState control = m_server->classControl();
    dialog.setJoinCode(control.joinCode);
    dialog.setBanMinutes(double(control.banMs) / 60000.0);
    dialog.setReservedNicks(control.reservedNicks);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_server->setJoinCode(dialog.joinCode());
    m_server->setBanPeriod(qint64(dialog.banMinutes() * 60000.0));
    m_server->setReservedNicks(dialog.reservedNicks());
    m_settings->setValue(QStringLiteral("class/joinCode"), dialog.joinCode());
    m_settings->setValue(QStringLiteral("class/banMinutes"), dialog.banMinutes());
    m_settings->setValue(QStringLiteral("class/reservedNicks"), dialog.reservedNicks());
    m_server->setName(dialog.name());
    m_settings->setValue(QStringLiteral("server/name"), dialog.name());
    m_settings->setValue(QStringLiteral("server/port"), dialog.port());
    if (dialog.port() != shownPort) {
        m_config.port = dialog.port();
        if (m_server->isListening())
            m_server->stop();
        startListening();
    }
    updateHeader();
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setWindowTitle(tr("About Duplex Server"));
    box.setIconPixmap(QIcon(QStringLiteral(":/icons/duplex-server.svg")).pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Duplex Server %1").arg(QStringLiteral(DUPLEX_VERSION_STRING)));
    box.setInformativeText(
        tr("A WebSocket chat server for teaching full-duplex push: see every client, the "
           "HTTP 101 upgrade and every frame, and push to the room.\n\n"
           "Released under the MIT license.\nCopyright 2026 The Duplex authors.\n"
           "Built with Qt %1.")
            .arg(QString::fromLatin1(qVersion())));
    box.exec();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_splittersRestored)
        return;
    m_splittersRestored = true;
    // A splitter's saved sizes only come back as they were once it has its final size: a
    // resize afterwards spreads the difference by stretch factors, not proportionally.
    QTimer::singleShot(0, this, [this] { restoreSplitters(); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_joinCard->closeFullScreenCard(); // it is a window of its own
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_clientsPanel->setHandshakePoppedOut(false); // a window of its own: would keep the app up
    m_settings->setValue(QStringLiteral("view/projector"), m_projector);
    saveViewState();
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

} // namespace duplex::server
