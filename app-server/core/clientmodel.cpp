// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "clientmodel.h"

#include <QLocale>

namespace duplex::server {

ClientModel::ClientModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

void ClientModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void ClientModel::setClients(const QList<ClientInfo> &clients)
{
    QHash<quint64, int> incoming;
    incoming.reserve(clients.size());
    for (int i = 0; i < clients.size(); ++i)
        incoming.insert(clients.at(i).id, i);

    // 1. Remove rows that are gone, as contiguous ranges from the end so row numbers of
    //    ranges still to be removed stay valid.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (incoming.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !incoming.contains(m_rows.at(row).id))
            --row;
        const int first = row + 1;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    rebuildIndex();

    // 2. Update the survivors in place; one dataChanged over the whole span (the
    //    "connected for" column changes every second anyway).
    for (int r = 0; r < m_rows.size(); ++r)
        m_rows[r] = clients.at(incoming.value(m_rows.at(r).id));
    if (!m_rows.isEmpty()) {
        if (m_rows.size() <= quietThreshold())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        else
            Q_EMIT countersRefreshed();
    }

    // 3. Append newcomers in one batch, in the snapshot's order.
    QList<ClientInfo> fresh;
    for (const ClientInfo &c : clients) {
        if (!m_rowOfId.contains(c.id))
            fresh.append(c);
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.append(fresh);
        rebuildIndex();
        endInsertRows();
    }
}

void ClientModel::rebuildIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (int r = 0; r < m_rows.size(); ++r)
        m_rowOfId.insert(m_rows.at(r).id, r);
}

int ClientModel::rowForId(quint64 id) const
{
    return m_rowOfId.value(id, -1);
}

quint64 ClientModel::idAt(int row) const
{
    return (row >= 0 && row < m_rows.size()) ? m_rows.at(row).id : 0;
}

const ClientInfo *ClientModel::clientAt(int row) const
{
    return (row >= 0 && row < m_rows.size()) ? &m_rows.at(row) : nullptr;
}

int ClientModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClientModel::formatDuration(qint64 s)
{
    if (s < 0)
        s = 0;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString ClientModel::formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < qint64(1024) * 1024 * 1024)
        return tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return tr("%1 GiB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
}

QVariant ClientModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClientInfo &c = m_rows.at(index.row());
    if (role == IdRole)
        return QVariant::fromValue(c.id);
    const bool remote = !c.server.isEmpty();
    if (role == RemoteRole)
        return remote;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() >= ConnectedColumn && index.column() <= RttColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    // Read the clock only for the column that needs it (painting asks many roles per cell).
    const auto connectedSecs
        = [&] { return c.connectedSince.isValid() ? c.connectedSince.secsTo(m_now()) : qint64(0); };
    if (role == SortRole) {
        switch (index.column()) {
        case NickColumn: return c.nick.toCaseFolded();
        case AddressColumn:
            return QStringLiteral("%1:%2")
                .arg(c.address.toString())
                .arg(c.port, 5, 10, QLatin1Char('0'));
        case AgentColumn: return c.agent.toCaseFolded();
        case RoomsColumn: return c.rooms.join(QLatin1Char(' '));
        case ConnectedColumn: return connectedSecs();
        case FramesInColumn: return c.framesIn;
        case FramesOutColumn: return c.framesOut;
        case BytesInColumn: return c.bytesIn;
        case BytesOutColumn: return c.bytesOut;
        case RttColumn: return c.rttMs;
        case ServerColumn: return c.server.toCaseFolded();
        }
        return {};
    }
    if (role == Qt::DisplayRole && remote) {
        // Another server's client: its state says who, where from, which rooms and since
        // when; the counters, agent and port are that server's to show.
        switch (index.column()) {
        case NickColumn: return c.nick;
        case AddressColumn: return c.address.toString();
        case RoomsColumn: return c.rooms.join(QStringLiteral(", "));
        case ConnectedColumn: return formatDuration(connectedSecs());
        case AgentColumn: return QString();
        case ServerColumn: return c.server;
        }
        return QStringLiteral("–");
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NickColumn: return c.welcomed ? c.nick : tr("(no hello yet)");
        case AddressColumn: {
            QHostAddress a = c.address;
            bool isV4 = false;
            const quint32 v4 = a.toIPv4Address(&isV4);
            if (isV4)
                a = QHostAddress(v4); // show ::ffff:1.2.3.4 as 1.2.3.4
            if (a.protocol() == QAbstractSocket::IPv6Protocol)
                return QStringLiteral("[%1]:%2").arg(a.toString()).arg(c.port);
            return QStringLiteral("%1:%2").arg(a.toString()).arg(c.port);
        }
        case AgentColumn: return c.agent;
        case RoomsColumn: return c.rooms.join(QStringLiteral(", "));
        case ConnectedColumn: return formatDuration(connectedSecs());
        case FramesInColumn: return QLocale().toString(c.framesIn);
        case FramesOutColumn: return QLocale().toString(c.framesOut);
        case BytesInColumn: return formatBytes(c.bytesIn);
        case BytesOutColumn: return formatBytes(c.bytesOut);
        case RttColumn: return c.rttMs < 0 ? QStringLiteral("–") : tr("%1 ms").arg(c.rttMs);
        case ServerColumn: return tr("here");
        }
        return {};
    }
    if (role == Qt::ToolTipRole && remote) {
        return tr("Connected to another server of the cluster. Kick, ban, mute and a private "
                  "notice reach it through Redis; its counters and handshake are in that "
                  "server's window.");
    }
    if (role == Qt::ToolTipRole) {
        // Tool tips guess rich text: never put peer text in them. Explain the column instead.
        return headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole);
    }
    return {};
}

QVariant ClientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NickColumn: return tr("Nick");
        case AddressColumn: return tr("Address");
        case AgentColumn: return tr("Agent");
        case RoomsColumn: return tr("Rooms");
        case ConnectedColumn: return tr("Connected");
        case FramesInColumn: return tr("Frames in");
        case FramesOutColumn: return tr("Frames out");
        case BytesInColumn: return tr("Bytes in");
        case BytesOutColumn: return tr("Bytes out");
        case RttColumn: return tr("RTT");
        case ServerColumn: return tr("Server");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NickColumn: return tr("The nickname the client chose in its hello.");
        case AddressColumn:
            return tr("The client's IP address and TCP port: each connection is one TCP connection "
                      "that stays open.");
        case AgentColumn:
            return tr("The program the client says it is (the agent field of hello).");
        case RoomsColumn: return tr("The rooms this client has joined.");
        case ConnectedColumn: return tr("How long this WebSocket connection has been open.");
        case FramesInColumn: return tr("Messages received from this client.");
        case FramesOutColumn: return tr("Messages the server pushed to this client.");
        case BytesInColumn: return tr("Bytes received from this client.");
        case BytesOutColumn: return tr("Bytes sent to this client.");
        case RttColumn:
            return tr("Round-trip time of the last WebSocket ping/pong, in milliseconds.");
        case ServerColumn:
            return tr("Which server of the cluster (--redis) the client is connected to: "
                      "\u201chere\u201d is this one.");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace duplex::server
