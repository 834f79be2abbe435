// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "clientspanel.h"

#include "classcontrolui.h"
#include "frozencolumn.h"
#include "handshakeexplainer.h"
#include "uiutil.h"

#include <clientmodel.h>
#include <names.h>
#include <serverhost.h>

#include <QApplication>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

namespace duplex::server {

namespace {

// Sorts on the snapshots' fields directly: no QVariant, no case-folded copy, no clock read
// per comparison. A re-sort of 5000 rows (after a connect storm) is then a few ms instead of
// the ~100 ms that data(SortRole) cost per comparison pair.
class ClientSortProxy final : public QSortFilterProxyModel
{
public:
    ClientSortProxy(ClientModel *model, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_model(model)
    {
    }

    static int compare(const ClientInfo &a, const ClientInfo &b, int column)
    {
        const auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
        switch (column) {
        case ClientModel::NickColumn: return a.nick.compare(b.nick, Qt::CaseInsensitive);
        case ClientModel::AddressColumn: {
            const int byHost = a.address.toString().compare(b.address.toString());
            return byHost != 0 ? byHost : cmp(a.port, b.port);
        }
        case ClientModel::AgentColumn: return a.agent.compare(b.agent, Qt::CaseInsensitive);
        case ClientModel::RoomsColumn:
            return a.rooms.join(QLatin1Char(' ')).compare(b.rooms.join(QLatin1Char(' ')));
        case ClientModel::ConnectedColumn: // connected longer = more seconds
            return cmp(b.connectedSince.toMSecsSinceEpoch(), a.connectedSince.toMSecsSinceEpoch());
        case ClientModel::FramesInColumn: return cmp(a.framesIn, b.framesIn);
        case ClientModel::FramesOutColumn: return cmp(a.framesOut, b.framesOut);
        case ClientModel::BytesInColumn: return cmp(a.bytesIn, b.bytesIn);
        case ClientModel::BytesOutColumn: return cmp(a.bytesOut, b.bytesOut);
        case ClientModel::RttColumn: return cmp(a.rttMs, b.rttMs);
        case ClientModel::ServerColumn: return a.server.compare(b.server, Qt::CaseInsensitive);
        default: return 0;
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        // Another server's client: greyed (only kick, ban and mute apply to it).
        if (role == Qt::ForegroundRole && index.data(ClientModel::RemoteRole).toBool())
            return QApplication::palette().color(QPalette::PlaceholderText);
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const ClientInfo *a = m_model->clientAt(left.row());
        const ClientInfo *b = m_model->clientAt(right.row());
        if (!a || !b)
            return QSortFilterProxyModel::lessThan(left, right);
        return compare(*a, *b, left.column()) < 0;
    }

private:
    ClientModel *m_model;
};

// The handshake pane's own window: closing it puts the pane back (the callback).
class HandshakeWindow final : public QWidget
{
public:
    HandshakeWindow(std::function<void()> onClose, QWidget *parent)
        : QWidget(parent, Qt::Window)
        , m_onClose(std::move(onClose))
    {
        setObjectName(QStringLiteral("handshakeWindow"));
        setWindowTitle(ClientsPanel::tr("Opening handshake"));
        new QVBoxLayout(this);
        resize(900, 700);
    }

protected:
    void closeEvent(QCloseEvent *event) override
    {
        QWidget::closeEvent(event);
        if (m_onClose)
            QMetaObject::invokeMethod(this, m_onClose, Qt::QueuedConnection);
    }

private:
    std::function<void()> m_onClose;
};

} // namespace

ClientsPanel::ClientsPanel(ServerHost *server, ClientModel *model, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
    , m_model(model)
    , m_proxy(new ClientSortProxy(model, this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_noticeButton(new QToolButton(this))
    , m_kickButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("clientsPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClientModel::SortRole);
    // Re-sorting on every snapshot costs O(n log n) plus a layout change per refresh; with
    // hundreds of clients the table is sorted when a header is clicked instead.
    m_proxy->setDynamicSortFilter(true);

    m_table->setObjectName(QStringLiteral("clientsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClientModel::NickColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    {
        // Widths from the font and the header texts, never from the rows (that is O(rows)).
        const QFontMetrics fm = m_table->fontMetrics();
        QHeaderView *h = m_table->horizontalHeader();
        auto fit = [&](int column, const QString &sample) {
            const QString title = m_model->headerData(column, Qt::Horizontal).toString();
            h->resizeSection(
                column, qMax(fm.horizontalAdvance(sample), fm.horizontalAdvance(title) + 20) + 12);
        };
        fit(ClientModel::NickColumn, QStringLiteral("MMMMMMMM"));
        fit(ClientModel::AddressColumn, QStringLiteral("127.0.0.1:55555"));
        fit(ClientModel::AgentColumn, QStringLiteral("duplex-client/0.1"));
        fit(ClientModel::RoomsColumn, QStringLiteral("general, lab"));
        fit(ClientModel::ConnectedColumn, QStringLiteral("59 min 59 s"));
        fit(ClientModel::FramesInColumn, QStringLiteral("99,999"));
        fit(ClientModel::FramesOutColumn, QStringLiteral("99,999"));
        fit(ClientModel::BytesInColumn, QStringLiteral("999.9 KiB"));
        fit(ClientModel::BytesOutColumn, QStringLiteral("999.9 KiB"));
        fit(ClientModel::RttColumn, QStringLiteral("999 ms"));
    }
    // Several servers (--redis): the other servers' clients are listed too, with their server.
    m_table->setColumnHidden(ClientModel::ServerColumn, m_server->config().redisUrl.isEmpty());
    m_table->setToolTip(tr("Every open WebSocket connection. Click a client to see its handshake; "
                           "right-click to push a notice or kick."));

    m_detail->setObjectName(QStringLiteral("handshakeView"));
    m_detail->setReadOnly(true);
    m_detail->setFont(monospaceFont());
    m_detail->setPlaceholderText(tr("Select a client to see how its connection was opened: the "
                                    "HTTP request, the 101 answer, and the Accept proof."));
    m_detail->setToolTip(tr("The opening handshake of the selected connection, header by header."));

    m_noticeButton->setObjectName(QStringLiteral("noticeClientButton"));
    m_noticeButton->setText(tr("Notice…"));
    m_noticeButton->setIcon(uiIcon(QStringLiteral("notice")));
    m_noticeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_noticeButton->setToolTip(tr("Push a notice to the selected client only."));
    m_kickButton->setObjectName(QStringLiteral("kickButton"));
    m_kickButton->setText(tr("Kick…"));
    m_kickButton->setIcon(uiIcon(QStringLiteral("kick")));
    m_kickButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_kickButton->setToolTip(
        tr("Close the selected client's connection with code 4001 and a reason."));
    m_count->setObjectName(QStringLiteral("clientCountLabel"));
    m_muteAction = new QAction(uiIcon(QStringLiteral("mute")), tr("&Mute"), this);
    m_muteAction->setObjectName(QStringLiteral("actionMute"));
    m_muteAction->setCheckable(true);
    m_muteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_muteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_muteAction->setToolTip(tr("Muted: the selected student's messages and whispers are "
                                "refused (error muted); joining and reading still work "
                                "(Ctrl+M)."));
    addAction(m_muteAction);
    connect(m_muteAction, &QAction::triggered, this, [this](bool on) {
        const QString nick = selectedClientNick();
        if (!nick.isEmpty())
            m_server->setMuted(nick, on);
        updateActions();
    });
    connect(m_server, &ServerHost::classControlChanged, this, [this] { updateActions(); });
    m_muteButton = new QToolButton(this);
    m_muteButton->setObjectName(QStringLiteral("muteButton"));
    m_muteButton->setDefaultAction(m_muteAction);
    m_muteButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *title = new QLabel(tr("Clients"), this);
    QFont bold; // only the weight: size follows the window (projector mode)
    bold.setBold(true);
    title->setFont(bold);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(title);
    bar->addWidget(m_count);
    bar->addStretch(1);
    bar->addWidget(m_noticeButton);
    bar->addWidget(m_muteButton);
    bar->addWidget(m_kickButton);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_table);

    // The handshake pane: a title bar with "Pop out" (its own window: the whole handshake
    // without scrolling, e.g. on a second screen), then the text.
    m_detailBox = new QWidget(this);
    m_detailBox->setObjectName(QStringLiteral("handshakePane"));
    auto *detailTitle = new QLabel(tr("Opening handshake"), m_detailBox);
    detailTitle->setFont(bold);
    m_popOut = new QToolButton(m_detailBox);
    m_popOut->setObjectName(QStringLiteral("handshakePopOut"));
    m_popOut->setText(tr("Pop out"));
    m_popOut->setToolTip(tr("Show the handshake in a window of its own; closing that window "
                            "puts it back here."));
    auto *detailBar = new QHBoxLayout;
    detailBar->setContentsMargins(0, 0, 0, 0);
    detailBar->addWidget(detailTitle);
    detailBar->addStretch(1);
    detailBar->addWidget(m_popOut);
    auto *detailLayout = new QVBoxLayout(m_detailBox);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addLayout(detailBar);
    detailLayout->addWidget(m_detail, 1);
    connect(m_popOut, &QToolButton::clicked, this,
            [this] { setHandshakePoppedOut(!isHandshakePoppedOut()); });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("clientsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_detailBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_splitter = splitter;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    // The nick stays in view while the other columns scroll sideways.
    FrozenColumn::install(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetail();
        updateActions();
        // Another server's client: nothing here for the push bar or the timeline to use.
        if (selectedIsRemote())
            Q_EMIT selectionChanged(0, QString());
        else
            Q_EMIT selectionChanged(selectedClientId(), selectedClientNick());
    });
    auto recount = [this] {
        int remote = 0;
        for (int r = 0; r < m_model->rowCount(); ++r)
            remote += m_model->index(r, 0).data(ClientModel::RemoteRole).toBool() ? 1 : 0;
        m_count->setText(remote == 0 ? tr("(%1 connected)").arg(m_model->rowCount() - remote)
                                     : tr("(%1 connected, %n on other servers)", nullptr, remote)
                                           .arg(m_model->rowCount() - remote));
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, recount);
    auto pace = [this] {
        m_proxy->setDynamicSortFilter(m_model->rowCount() <= ClientModel::quietThreshold());
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, pace);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, pace);
    // Large classes: the model refreshes values quietly; repaint what is visible, and
    // re-sort now and then (one layout change) rather than on every snapshot.
    connect(m_model, &ClientModel::countersRefreshed, this, [this] {
        m_table->viewport()->update();
        if (!m_resort.isValid() || m_resort.elapsed() > 5000) {
            m_resort.start();
            const int column = m_table->horizontalHeader()->sortIndicatorSection();
            // A re-sort of 1000 rows (a layout change for the whole view) takes 20-50 ms:
            // skip it when the rows are still in order (sorted by nick they nearly always
            // are; an O(n) look is a fraction of that).
            const Qt::SortOrder order = m_table->horizontalHeader()->sortIndicatorOrder();
            if (!stillSorted(column, order))
                m_proxy->sort(column, order);
        }
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this, recount] {
        recount();
        if (m_detailId != 0 && m_model->rowForId(m_detailId) < 0) {
            // The client left: keep its handshake readable, say it is gone.
            m_detail->appendPlainText(tr("\n(This client has disconnected.)"));
            m_detailId = 0;
        }
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, recount);
    recount();
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_table->indexAt(pos);
        if (!at.isValid())
            return;
        m_table->selectRow(at.row());
        QMenu menu(this);
        menu.addAction(uiIcon(QStringLiteral("notice")),
                       tr("Push a notice to %1…").arg(selectedClientNick()), this,
                       [this] { askNotice(); });
        if (!selectedClientNick().isEmpty())
            menu.addAction(m_muteAction);
        menu.addAction(uiIcon(QStringLiteral("kick")), tr("Kick %1…").arg(selectedClientNick()),
                       this, [this] { askKick(); });
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_noticeButton, &QToolButton::clicked, this, [this] { askNotice(); });
    connect(m_kickButton, &QToolButton::clicked, this, [this] { askKick(); });
    updateActions();
}

void ClientsPanel::setCompact(bool on)
{
    for (int c : {int(ClientModel::AgentColumn), int(ClientModel::BytesInColumn),
                  int(ClientModel::BytesOutColumn)})
        m_table->setColumnHidden(c, on);
}

bool ClientsPanel::isHandshakePoppedOut() const
{
    return m_detailWindow && m_detailBox->window() == m_detailWindow;
}

void ClientsPanel::setHandshakePoppedOut(bool out)
{
    if (out == isHandshakePoppedOut())
        return;
    if (out) {
        if (!m_detailWindow)
            m_detailWindow = new HandshakeWindow([this] { setHandshakePoppedOut(false); }, this);
        m_splitterBeforePopOut = m_splitter->saveState();
        m_detailWindow->layout()->addWidget(m_detailBox);
        m_popOut->setText(tr("Put back"));
        m_popOut->setToolTip(tr("Put the handshake back under the clients table."));
        m_detailWindow->show();
        m_detailWindow->raise();
    } else {
        m_splitter->addWidget(m_detailBox);
        m_detailBox->show();
        if (!m_splitterBeforePopOut.isEmpty())
            m_splitter->restoreState(m_splitterBeforePopOut);
        m_popOut->setText(tr("Pop out"));
        m_popOut->setToolTip(tr("Show the handshake in a window of its own; closing that "
                                "window puts it back here."));
        if (m_detailWindow->isVisible())
            m_detailWindow->hide();
    }
}

quint64 ClientsPanel::selectedClientId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(ClientModel::IdRole).value<quint64>();
}

QString ClientsPanel::selectedClientNick() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(ClientModel::NickColumn);
    return rows.isEmpty() ? QString() : rows.first().data().toString();
}

void ClientsPanel::updateActions()
{
    const bool any = selectedClientId() != 0;
    m_noticeButton->setEnabled(any);
    m_kickButton->setEnabled(any);
    const QString nick = selectedClientNick();
    const bool muted
        = !nick.isEmpty() && m_server->classControl().muted.contains(proto::nickKey(nick));
    m_muteAction->setEnabled(any && !nick.isEmpty());
    m_muteAction->setChecked(muted);
    m_muteAction->setText(muted ? tr("Un&mute") : tr("&Mute"));
}

void ClientsPanel::showDetail()
{
    const quint64 id = selectedClientId();
    if (id == 0)
        return; // keep the last detail: deselecting should not blank what is being read
    m_detailId = id;
    const ClientInfo *c = m_model->clientAt(m_model->rowForId(id));
    if (!c)
        return;
    if (!c->server.isEmpty()) {
        m_detail->setPlainText(
            tr("%1 from %2 is connected to the server %3 of the cluster, not to this one. Its "
               "opening handshake is in that server's window. Kick, ban, mute and a private "
               "notice from here reach it through Redis.")
                .arg(c->nick, c->address.toString(), c->server));
        return;
    }
    QString head = tr("%1 from %2")
                       .arg(c->welcomed ? c->nick : tr("(no hello yet)"),
                            m_model->index(m_model->rowForId(id), ClientModel::AddressColumn)
                                .data()
                                .toString());
    if (!c->agent.isEmpty())
        head += tr(", agent: %1").arg(c->agent);
    m_detail->setPlainText(head + QStringLiteral("\n\n") + handshake::describe(*c));
}

bool ClientsPanel::kickSelected(const QString &reason)
{
    const quint64 id = selectedClientId();
    return id != 0 && m_server->kick(id, reason);
}

bool ClientsPanel::kickSelected(const QString &reason, qint64 banMs)
{
    const quint64 id = selectedClientId();
    return id != 0 && m_server->kick(id, reason, banMs);
}

bool ClientsPanel::selectedIsRemote() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return !rows.isEmpty() && rows.first().data(ClientModel::RemoteRole).toBool();
}

int ClientsPanel::noticeToSelected(const QString &text)
{
    const quint64 id = selectedClientId();
    if (id == 0 || text.trimmed().isEmpty())
        return 0;
    NoticeTarget target;
    target.kind = NoticeTarget::Kind::Client;
    target.clientId = id;
    return m_server->sendNotice(text, target);
}

void ClientsPanel::askKick()
{
    if (selectedClientId() == 0)
        return;
    KickDialog dialog(selectedClientNick(), double(m_server->classControl().banMs) / 60000.0, this);
    if (dialog.exec() == QDialog::Accepted)
        kickSelected(dialog.textValue(), qint64(dialog.banMinutes() * 60000.0));
}

void ClientsPanel::askNotice()
{
    if (selectedClientId() == 0)
        return;
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("clientNoticeDialog"));
    dialog.setWindowTitle(tr("Notice to %1").arg(selectedClientNick()));
    // Named in the dialog itself (a window title is easy to miss, and some desktops hide it).
    dialog.setLabelText(
        tr("Private notice to %1 (nobody else sees it):").arg(selectedClientNick()));
    if (dialog.exec() == QDialog::Accepted)
        noticeToSelected(dialog.textValue());
}

bool ClientsPanel::stillSorted(int column, Qt::SortOrder order) const
{
    if (column < 0)
        return true;
    const int n = m_proxy->rowCount();
    const ClientInfo *previous = nullptr;
    for (int r = 0; r < n; ++r) {
        const ClientInfo *c = m_model->clientAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
        if (!c)
            return false;
        if (previous) {
            const int d = ClientSortProxy::compare(*previous, *c, column);
            if (order == Qt::AscendingOrder ? d > 0 : d < 0)
                return false;
        }
        previous = c;
    }
    return true;
}

} // namespace duplex::server
