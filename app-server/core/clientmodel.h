// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "clientinfo.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace duplex::server {

/// The clients panel's table: one row per open connection, fed with snapshots
/// (ChatServer::clients()). setClients() diffs by id: rows are inserted, removed and
/// updated with dataChanged, never reset, so selection and scroll position survive.
class ClientModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NickColumn,
        AddressColumn,
        AgentColumn,
        RoomsColumn,
        ConnectedColumn,
        FramesInColumn,
        FramesOutColumn,
        BytesInColumn,
        BytesOutColumn,
        RttColumn,
        ServerColumn, ///< with --redis: which server of the cluster holds the client
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< quint64 client id
        SortRole,                  ///< a value that sorts naturally (numbers as numbers)
        RemoteRole, ///< bool: a client of another server of the cluster (ClientInfo::server)
    };

    explicit ClientModel(QObject *parent = nullptr);

    /// Replaces the content with this snapshot (any order), diffing by ClientInfo::id.
    /// Up to quietThreshold() rows the changed values are announced with one dataChanged;
    /// above it (a class of hundreds under load, where every counter changes every time)
    /// only countersRefreshed() is emitted: a sorting proxy would otherwise split the one
    /// signal into one per row, which costs tens of ms per snapshot at 1000 clients.
    void setClients(const QList<ClientInfo> &clients);
    static constexpr int quietThreshold() { return 200; }
    /// The clock used for "connected for" (tests inject a fixed one).
    void setClock(std::function<QDateTime()> now);

    int rowForId(quint64 id) const;
    quint64 idAt(int row) const;
    /// The snapshot of that row (nullptr when out of range); valid until the next update.
    const ClientInfo *clientAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A snapshot updated the values of many rows without dataChanged (see setClients()):
    /// views repaint what they show.
    void countersRefreshed();

public:
    /// "1 h 02 min", "3 min 05 s", "12 s".
    static QString formatDuration(qint64 seconds);
    /// "512 B", "1.5 KiB", "3.2 MiB".
    static QString formatBytes(qint64 bytes);

private:
    void rebuildIndex();

    QList<ClientInfo> m_rows; // in order of first appearance
    QHash<quint64, int> m_rowOfId;
    std::function<QDateTime()> m_now;
};

} // namespace duplex::server
