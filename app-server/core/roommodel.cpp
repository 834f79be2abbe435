// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "roommodel.h"

#include <QHash>
#include <QSet>

namespace duplex::server {

// Internal ids: a room row has a null internal pointer; a member row points at its Room,
// which is heap-allocated and stable while the room exists.

RoomModel::RoomModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

RoomModel::~RoomModel() = default;

QStringList RoomModel::roomNames() const
{
    QStringList out;
    for (const auto &r : m_rooms)
        out.append(r->name);
    return out;
}

int RoomModel::rowOf(const Room *room) const
{
    for (size_t i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms[i].get() == room)
            return int(i);
    }
    return -1;
}

void RoomModel::setRooms(const QList<RoomInfo> &rooms)
{
    QHash<QString, int> incoming;
    for (int i = 0; i < rooms.size(); ++i)
        incoming.insert(rooms.at(i).name, i);

    // Removed rooms, contiguous ranges from the end.
    int row = int(m_rooms.size()) - 1;
    while (row >= 0) {
        if (incoming.contains(m_rooms[size_t(row)]->name)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !incoming.contains(m_rooms[size_t(row)]->name))
            --row;
        const int first = row + 1;
        beginRemoveRows({}, first, last);
        m_rooms.erase(m_rooms.begin() + first, m_rooms.begin() + last + 1);
        endRemoveRows();
    }

    // Survivors: count and members.
    QSet<QString> known;
    for (int r = 0; r < int(m_rooms.size()); ++r) {
        Room &room = *m_rooms[size_t(r)];
        known.insert(room.name);
        const RoomInfo &info = rooms.at(incoming.value(room.name));
        updateMembers(r, info.members);
        if (room.count != info.count) {
            room.count = info.count;
            Q_EMIT dataChanged(index(r, CountColumn), index(r, CountColumn));
        }
    }

    // New rooms, appended in one batch.
    std::vector<std::unique_ptr<Room>> fresh;
    for (const RoomInfo &info : rooms) {
        if (known.contains(info.name))
            continue;
        known.insert(info.name);
        auto room = std::make_unique<Room>();
        room->name = info.name;
        room->count = info.count;
        room->members = info.members;
        fresh.push_back(std::move(room));
    }
    if (!fresh.empty()) {
        const int first = int(m_rooms.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (auto &r : fresh)
            m_rooms.push_back(std::move(r));
        endInsertRows();
    }
}

void RoomModel::updateMembers(int roomRow, const QStringList &members)
{
    Room &room = *m_rooms[size_t(roomRow)];
    if (room.members == members)
        return; // the common case, and far cheaper than building two sets
    const QModelIndex parentIndex = index(roomRow, 0);
    const QSet<QString> wanted(members.cbegin(), members.cend());
    int row = int(room.members.size()) - 1;
    while (row >= 0) {
        if (wanted.contains(room.members.at(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !wanted.contains(room.members.at(row)))
            --row;
        const int first = row + 1;
        beginRemoveRows(parentIndex, first, last);
        room.members.remove(first, last - first + 1);
        endRemoveRows();
    }
    const QSet<QString> have(room.members.cbegin(), room.members.cend());
    QStringList fresh;
    for (const QString &m : members) {
        if (!have.contains(m))
            fresh.append(m);
    }
    if (!fresh.isEmpty()) {
        const int first = int(room.members.size());
        beginInsertRows(parentIndex, first, first + int(fresh.size()) - 1);
        room.members.append(fresh);
        endInsertRows();
    }
}

QModelIndex RoomModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid()) {
        if (row >= int(m_rooms.size()))
            return {};
        return createIndex(row, column, nullptr);
    }
    if (parent.internalPointer() != nullptr || parent.column() != 0)
        return {}; // members have no children
    if (parent.row() >= int(m_rooms.size()))
        return {};
    Room *room = m_rooms[size_t(parent.row())].get();
    if (row >= room->members.size())
        return {};
    return createIndex(row, column, room);
}

QModelIndex RoomModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalPointer() == nullptr)
        return {};
    const int r = rowOf(static_cast<const Room *>(child.internalPointer()));
    return r < 0 ? QModelIndex() : createIndex(r, 0, nullptr);
}

int RoomModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rooms.size());
    if (parent.internalPointer() != nullptr || parent.column() != 0)
        return 0;
    return int(m_rooms[size_t(parent.row())]->members.size());
}

int RoomModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RoomModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto *memberOf = static_cast<const Room *>(index.internalPointer());
    if (memberOf == nullptr) {
        const Room &room = *m_rooms[size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return QStringLiteral("#") + room.name;
            return room.count;
        case RoomNameRole: return room.name;
        case IsRoomRole: return true;
        case Qt::ToolTipRole:
            return index.column() == CountColumn
                ? tr("Members in this room. Every message said here is pushed to all of them.")
                : tr("A room: expand it to see who is in it.");
        default: return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? memberOf->members.at(index.row()) : QVariant();
    case RoomNameRole: return memberOf->name;
    case IsRoomRole: return false;
    default: return {};
    }
}

QVariant RoomModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        if (section == NameColumn)
            return tr("Room / member");
        if (section == CountColumn)
            return tr("Members");
    }
    return QAbstractItemModel::headerData(section, orientation, role);
}

} // namespace duplex::server
