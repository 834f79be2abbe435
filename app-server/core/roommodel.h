// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "clientinfo.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace duplex::server {

/// The rooms panel's tree: top-level rows are rooms (name, member count), their children
/// the members' nicks. Fed with snapshots (ChatServer::rooms()); setRooms() diffs by room
/// name and by nick, so expanded rooms stay expanded.
class RoomModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, ColumnCount };
    enum Role { RoomNameRole = Qt::UserRole + 1, IsRoomRole };

    explicit RoomModel(QObject *parent = nullptr);
    ~RoomModel() override;

    void setRooms(const QList<RoomInfo> &rooms);
    QStringList roomNames() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Room {
        QString name;
        int count = 0;
        QStringList members;
    };
    int rowOf(const Room *room) const;
    void updateMembers(int roomRow, const QStringList &members);

    std::vector<std::unique_ptr<Room>> m_rooms;
};

} // namespace duplex::server
