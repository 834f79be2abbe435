// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "xrayview.h"

#include "frameexplainer.h"
#include "uiutil.h"

#include <clientmodel.h>
#include <pcapng.h>
#include <serverhost.h>
#include <trafficmodel.h>

#include <QAbstractProxyModel>
#include <QCheckBox>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace duplex::server {

namespace {

enum Column { TimeColumn, DirectionColumn, KindColumn, LengthColumn, SummaryColumn, Columns };

} // namespace

XrayView::XrayView(WireLog *log, ServerHost *host, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_host(host)
    , m_title(new QLabel(this))
    , m_tapAll(new QCheckBox(tr("Tap every connection"), this))
    , m_tapClient(new QCheckBox(tr("Tap this client"), this))
    , m_export(new QToolButton(this))
    , m_list(new QTableWidget(0, Columns, this))
    , m_detail(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("xrayView"));
    m_title->setObjectName(QStringLiteral("xrayTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText); // it names a client
    m_tapAll->setObjectName(QStringLiteral("xrayTapAll"));
    m_tapAll->setToolTip(tr("Record the exact bytes of every connection's frames (new "
                            "connections from their handshake on). Off by default: it costs "
                            "memory (at most 16 MiB) and a little time per frame."));
    m_tapClient->setObjectName(QStringLiteral("xrayTapClient"));
    m_tapClient->setToolTip(tr("Record the exact bytes of the selected client's frames from "
                               "its next frame on."));
    m_export->setObjectName(QStringLiteral("xrayExportPcapng"));
    m_export->setText(tr("Export .pcapng\u2026"));
    m_export->setToolTip(tr("Save every frame the tap kept (all clients) as a capture file that "
                            "Wireshark opens and dissects as HTTP and WebSocket."));
    connect(m_export, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export .pcapng"), QStringLiteral("duplex-wire.pcapng"),
            tr("Wireshark capture (*.pcapng);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !exportPcapng(path, &error))
            QMessageBox::warning(this, tr("Export .pcapng"),
                                 tr("Could not write %1: %2").arg(path, error));
    });
    m_list->setObjectName(QStringLiteral("xrayFrames"));
    m_list->setHorizontalHeaderLabels(
        {tr("Time"), tr("Direction"), tr("Frame"), tr("Payload length"), tr("Content")});
    m_list->horizontalHeader()->setFont(m_list->font());
    m_list->setToolTip(tr("Every frame of the client as it went over the wire: control "
                          "frames (ping, pong, close) and continuation frames have rows of "
                          "their own, and so do the HTTP heads of the handshake. Select one "
                          "to see its bytes."));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    fitColumns();
    m_list->setTabKeyNavigation(false);
    m_list->setFocusPolicy(Qt::StrongFocus);
    m_detail->setObjectName(QStringLiteral("xrayDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setFocusPolicy(Qt::StrongFocus);
    m_detail->setToolTip(tr("The selected frame byte by byte: each header field has a colour, "
                            "a number (\u2460-\u2464) and a name; below, every field in words "
                            "and the unmasking worked out."));
    // Black on white whatever the desktop theme: the tints are chosen for that.
    QPalette pal = m_detail->palette();
    pal.setColor(QPalette::Base, Qt::white);
    pal.setColor(QPalette::Text, Qt::black);
    m_detail->setPalette(pal);

    auto *switches = new QHBoxLayout;
    switches->addWidget(m_title, 1);
    switches->addWidget(m_tapClient);
    switches->addWidget(m_tapAll);
    switches->addWidget(m_export);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(switches);
    layout->addWidget(split, 1);
    setTabOrder(m_tapClient, m_tapAll);
    setTabOrder(m_tapAll, m_list);
    setTabOrder(m_list, m_detail);

    m_tapAll->setVisible(m_host);
    m_tapClient->setVisible(m_host);
    connect(m_tapAll, &QCheckBox::toggled, this, [this](bool on) {
        if (m_host && on != m_host->wireTapAll())
            m_host->setWireTapAll(on);
        updateSwitches();
    });
    connect(m_tapClient, &QCheckBox::toggled, this, [this](bool on) {
        if (m_host && m_client != 0 && on != m_host->isWireTapped(m_client))
            m_host->setWireTap(m_client, on);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onRowChanged(current.row()); });

    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &XrayView::poll);
    showClient(0);
}

void XrayView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    poll();
    m_timer.start();
}

void XrayView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_list->horizontalHeader()->setFont(m_list->font()); // set explicitly above
        fitColumns();                                        // projector mode
    }
}

void XrayView::fitColumns()
{
    // Widths from the font and the header texts, never from the rows.
    const QFontMetrics fm(m_list->font());
    const auto width = [&](int column, const QString &sample) {
        const QString header = m_list->horizontalHeaderItem(column)
            ? m_list->horizontalHeaderItem(column)->text()
            : QString();
        m_list->setColumnWidth(
            column, qMax(fm.horizontalAdvance(sample), fm.horizontalAdvance(header)) + 20);
    };
    width(TimeColumn, QStringLiteral("00:00:00.000"));
    width(DirectionColumn, tr("\u2190 out"));
    width(KindColumn, QStringLiteral("continuation"));
    width(LengthColumn, tr("%1 (%2-bit)").arg(65536).arg(64));
}

void XrayView::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QWidget::hideEvent(event);
}

void XrayView::showClient(quint64 clientId, const QString &label)
{
    if (clientId == m_client && clientId != 0)
        return;
    m_client = clientId;
    m_label = label;
    refill();
    updateSwitches();
    if (m_client == 0)
        m_detail->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(tr("Select a client, or a message in the traffic log, to see "
                                      "its frames byte by byte. Tap the client first: the X-ray "
                                      "shows only frames sent while the tap was on.")));
}

void XrayView::updateSwitches()
{
    const QSignalBlocker a(m_tapAll);
    const QSignalBlocker b(m_tapClient);
    const bool all = m_host && m_host->wireTapAll();
    m_tapAll->setChecked(all);
    m_tapClient->setEnabled(m_client != 0 && !all);
    m_tapClient->setChecked(m_host && m_client != 0 && m_host->isWireTapped(m_client));
    m_title->setText(m_client == 0
                         ? tr("Frame X-ray: no client selected")
                         : tr("Frame X-ray: %1")
                               .arg(m_label.isEmpty() ? tr("client %1").arg(m_client) : m_label));
}

void XrayView::refill()
{
    m_records.clear();
    m_list->setRowCount(0);
    m_lastSerial = m_log ? m_log->lastSerial() : 0;
    if (!m_log || m_client == 0)
        return;
    QList<WireRecord> all = m_log->recordsFor(m_client);
    if (all.size() > MaxRows)
        all.remove(0, all.size() - MaxRows);
    // Tapped after it connected: its handshake is still known (kept for the handshake
    // view), so the 101's raw bytes head the list all the same.
    const bool hasHeads = std::any_of(all.cbegin(), all.cend(), [](const WireRecord &r) {
        return r.kind == WireRecord::Kind::Http;
    });
    if (!hasHeads && m_host) {
        if (const auto info = m_host->client(m_client); info && !info->handshake.reconstructed) {
            const qint64 t = info->connectedSince.toMSecsSinceEpoch();
            QList<WireRecord> heads;
            for (const QByteArray &head : {info->handshake.request, info->handshake.response}) {
                if (head.isEmpty())
                    continue;
                WireRecord r;
                r.clientId = m_client;
                r.timeMs = t;
                r.out = head.startsWith("HTTP/");
                r.kind = WireRecord::Kind::Http;
                r.length = head.size();
                r.wire = head;
                heads.append(r);
            }
            all = heads + all;
        }
    }
    for (const WireRecord &r : std::as_const(all))
        addRow(r);
}

void XrayView::poll()
{
    if (!m_log || m_client == 0)
        return;
    if (m_log->lastSerial() == m_lastSerial)
        return;
    const quint64 after = m_lastSerial;
    m_lastSerial = m_log->lastSerial();
    const quint64 client = m_client;
    const QList<WireRecord> fresh
        = m_log->find(client, [after](const WireRecord &r) { return r.serial > after; });
    if (fresh.isEmpty())
        return;
    const bool atEnd = m_list->currentRow() < 0 || m_list->currentRow() == m_list->rowCount() - 1;
    for (const WireRecord &r : fresh)
        addRow(r);
    const int excess = int(m_records.size()) - MaxRows;
    if (excess > 0) {
        m_records.remove(0, excess);
        for (int i = 0; i < excess; ++i)
            m_list->removeRow(0);
    }
    if (atEnd)
        m_list->scrollToBottom();
}

void XrayView::addRow(const WireRecord &r)
{
    m_records.append(r);
    const int row = m_list->rowCount();
    m_list->insertRow(row);
    auto *time = new QTableWidgetItem(
        QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")));
    // Words, not only arrows or colours.
    auto *dir = new QTableWidgetItem(r.out ? tr("\u2190 out") : tr("\u2192 in"));
    dir->setToolTip(r.out ? tr("sent by the server") : tr("sent by the client"));
    auto *kind = new QTableWidgetItem(xray::kindName(r));
    if (r.kind == WireRecord::Kind::Ws && r.header.isControl()) {
        QFont f = kind->font();
        f.setItalic(true);
        kind->setFont(f);
        kind->setToolTip(tr("a control frame"));
    }
    auto *length
        = new QTableWidgetItem(r.kind == WireRecord::Kind::Http
                                   ? QString::number(r.length)
                                   : tr("%1 (%2-bit)").arg(r.length).arg(int(r.header.lengthForm)));
    length->setToolTip(r.kind == WireRecord::Kind::Http
                           ? tr("bytes in the head")
                           : tr("payload bytes, and the length form: %1")
                                 .arg(xray::lengthFormWords(r.header.lengthForm)));
    auto *content = new QTableWidgetItem(xray::summary(r));
    m_list->setItem(row, TimeColumn, time);
    m_list->setItem(row, DirectionColumn, dir);
    m_list->setItem(row, KindColumn, kind);
    m_list->setItem(row, LengthColumn, length);
    m_list->setItem(row, SummaryColumn, content);
}

void XrayView::onRowChanged(int row)
{
    if (row < 0 || row >= m_records.size())
        return;
    m_detail->setHtml(xray::explainHtml(m_records.at(row), m_label));
}

void XrayView::showRecord(const WireRecord &record)
{
    if (record.clientId != m_client)
        showClient(record.clientId);
    for (int i = int(m_records.size()) - 1; i >= 0; --i) {
        if (m_records.at(i).serial == record.serial) {
            m_list->setCurrentCell(i, KindColumn);
            m_list->scrollTo(m_list->model()->index(i, 0));
            return;
        }
    }
    m_detail->setHtml(xray::explainHtml(record, m_label));
}

bool XrayView::showTrafficEntry(const TrafficEntry &entry)
{
    if (!m_log || entry.direction == TrafficDirection::Event || entry.payload.isEmpty())
        return false;
    // The frame nearest in time among those carrying this message (a fan-out: any
    // recipient's, they are the same bytes).
    const std::optional<WireRecord> best = m_log->frameCarrying(
        entry.clientId, entry.direction == TrafficDirection::Out, entry.payload, entry.timeMs);
    if (!best) {
        if (entry.clientId != 0)
            showClient(entry.clientId, entry.client);
        m_detail->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(tr("The tap did not see this frame: it was off for this "
                                      "client when the frame went over the wire. Tap the "
                                      "client (or every connection) and select a newer one.")));
        return false;
    }
    if (best->clientId != m_client)
        showClient(best->clientId, entry.clientId != 0 ? entry.client : QString());
    showRecord(*best);
    return true;
}

bool XrayView::exportPcapng(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const quint16 port = m_host && m_host->port() ? m_host->port() : 8080;
    return writePcapng(m_log ? m_log->since(0) : QList<WireRecord> {}, &file, port, error);
}

QString XrayView::detailText() const
{
    return m_detail->toPlainText();
}

XrayView *XrayView::install(QMainWindow *window, ServerHost *host, QTableView *trafficTable,
                            TrafficModel *trafficModel, QTableView *clientsTable)
{
    auto *view = new XrayView(host->wireLog(), host, window);
    auto *dock = new QDockWidget(tr("Frame X-ray"), window);
    dock->setObjectName(QStringLiteral("xrayDock"));
    dock->setWidget(view);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *events = window->findChild<QDockWidget *>(QStringLiteral("eventsDock"))) {
        window->tabifyDockWidget(events, dock);
        events->raise(); // the events stay in front until the teacher opens the X-ray
    }
    if (trafficTable && trafficModel) {
        auto follow = [view, trafficTable, trafficModel, dock](const QModelIndex &i) {
            if (!i.isValid() || !dock->isVisible())
                return;
            QModelIndex source = i;
            if (auto *proxy = qobject_cast<QAbstractProxyModel *>(trafficTable->model()))
                source = proxy->mapToSource(i);
            view->showTrafficEntry(trafficModel->entryAt(source.row()));
        };
        QObject::connect(trafficTable->selectionModel(), &QItemSelectionModel::currentRowChanged,
                         view, follow);
        // Brought to the front (it shares a tab with the events): show the selected row.
        QObject::connect(dock, &QDockWidget::visibilityChanged, view,
                         [trafficTable, follow](bool visible) {
                             if (visible)
                                 follow(trafficTable->currentIndex());
                         });
    }
    if (clientsTable) {
        QObject::connect(clientsTable->selectionModel(), &QItemSelectionModel::currentRowChanged,
                         view, [view, clientsTable](const QModelIndex &i) {
                             if (!i.isValid())
                                 return;
                             const QModelIndex nick = i.siblingAtColumn(ClientModel::NickColumn);
                             view->showClient(nick.data(ClientModel::IdRole).toULongLong(),
                                              nick.data().toString());
                         });
    }
    return view;
}

} // namespace duplex::server
