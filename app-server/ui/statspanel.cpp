// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "statspanel.h"

#include "sparkline.h"

#include <clientmodel.h>
#include <serverstats.h>

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace duplex::server {

QString StatsPanel::formatRate(double v)
{
    if (v >= 10000)
        return tr("%1k/s").arg(v / 1000.0, 0, 'f', 1);
    return tr("%1/s").arg(v, 0, 'f', v < 10 ? 1 : 0);
}

QString StatsPanel::formatByteRate(double v)
{
    return ClientModel::formatBytes(qint64(v)) + tr("/s");
}

StatsPanel::StatsPanel(ServerStats *stats, QWidget *parent)
    : QWidget(parent)
    , m_stats(stats)
    , m_clients(new Sparkline(tr("Clients connected"), QColor(0x6a, 0x1b, 0x9a), this))
    , m_in(new Sparkline(tr("Messages in"), QColor(0x2e, 0x7d, 0x32), this))
    , m_out(new Sparkline(tr("Messages out"), QColor(0x15, 0x65, 0xc0), this))
    , m_bytesIn(new Sparkline(tr("Bytes in"), QColor(0x55, 0x8b, 0x2f), this))
    , m_bytesOut(new Sparkline(tr("Bytes out"), QColor(0x00, 0x83, 0x8f), this))
    , m_totals(new QLabel(this))
{
    setObjectName(QStringLiteral("statsPanel"));
    m_clients->setObjectName(QStringLiteral("sparkClients"));
    m_in->setObjectName(QStringLiteral("sparkMessagesIn"));
    m_out->setObjectName(QStringLiteral("sparkMessagesOut"));
    m_bytesIn->setObjectName(QStringLiteral("sparkBytesIn"));
    m_bytesOut->setObjectName(QStringLiteral("sparkBytesOut"));
    m_clients->setFormatter([](double v) { return QString::number(qRound(v)); });
    m_in->setFormatter(&StatsPanel::formatRate);
    m_out->setFormatter(&StatsPanel::formatRate);
    m_bytesIn->setFormatter(&StatsPanel::formatByteRate);
    m_bytesOut->setFormatter(&StatsPanel::formatByteRate);
    m_clients->setToolTip(tr("Open WebSocket connections, over the last five minutes."));
    m_in->setToolTip(tr("Frames received from clients per second."));
    m_out->setToolTip(tr("Frames pushed to clients per second. One message said in a room of 30 "
                         "is 1 in and 30 out: that is fan-out."));
    m_bytesIn->setToolTip(tr("Bytes received per second."));
    m_bytesOut->setToolTip(tr("Bytes sent per second."));
    m_totals->setObjectName(QStringLiteral("statsTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    m_totals->setWordWrap(true);
    m_totals->setToolTip(tr("Totals since the server started."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);
    for (Sparkline *s : {m_clients, m_in, m_out, m_bytesIn, m_bytesOut}) {
        s->setCapacity(m_stats->windowSize());
        layout->addWidget(s);
    }
    layout->addWidget(m_totals);
    layout->addStretch(1);
    connect(m_stats, &ServerStats::sampled, this, [this] { refresh(); });
    refresh();
}

void StatsPanel::refresh()
{
    using S = ServerStats::Series;
    m_clients->setValues(m_stats->series(S::Clients));
    m_in->setValues(m_stats->series(S::MessagesIn));
    m_out->setValues(m_stats->series(S::MessagesOut));
    m_bytesIn->setValues(m_stats->series(S::BytesIn));
    m_bytesOut->setValues(m_stats->series(S::BytesOut));
    const ServerCounters t = m_stats->totals();
    const QLocale l;
    m_totals->setText(
        tr("Totals: %1 connections, %2 messages in, %3 out, %4 stored\n"
           "%5 in, %6 out; %7 rate-limited, %8 closed for abuse")
            .arg(l.toString(t.connectionsTotal), l.toString(t.framesIn), l.toString(t.framesOut),
                 l.toString(t.messagesStored), ClientModel::formatBytes(qint64(t.bytesIn)),
                 ClientModel::formatBytes(qint64(t.bytesOut)), l.toString(t.rateLimited),
                 l.toString(t.floodDisconnects + t.slowDisconnects + t.oversizeDisconnects)));
}

} // namespace duplex::server
