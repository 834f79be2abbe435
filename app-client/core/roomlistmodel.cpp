// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "roomlistmodel.h"

namespace duplex::client {

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return e.kind == Kind::Room ? QStringLiteral("#") + e.name : e.name;
    case Qt::ToolTipRole:
        // Room names and nicks are restricted by the protocol (no markup characters).
        if (e.kind == Kind::Room)
            return e.unread ? tr("Room #%1, %n unread", nullptr, e.unread).arg(e.name)
                            : tr("Room #%1").arg(e.name);
        return e.unread ? tr("Whispers with %1, %n unread", nullptr, e.unread).arg(e.name)
                        : tr("Whispers with %1").arg(e.name);
    case KeyRole: return e.key;
    case NameRole: return e.name;
    case KindRole: return int(e.kind);
    case UnreadRole: return e.unread;
    }
    return {};
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(NameRole, "name");
    names.insert(KindRole, "kind");
    names.insert(UnreadRole, "unread");
    return names;
}

int RoomListModel::add(Kind kind, const QString &key, const QString &name)
{
    const int existing = rowOf(key);
    if (existing >= 0)
        return existing;
    // Rooms stay above whispers; each group in the order it was opened.
    int row = int(m_entries.size());
    if (kind == Kind::Room) {
        row = 0;
        while (row < m_entries.size() && m_entries.at(row).kind == Kind::Room)
            ++row;
    }
    beginInsertRows({}, row, row);
    m_entries.insert(row, Entry {kind, key, name, 0});
    endInsertRows();
    return row;
}

void RoomListModel::remove(const QString &key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    const bool hadUnread = m_entries.at(row).unread > 0;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    if (hadUnread)
        Q_EMIT totalUnreadChanged(totalUnread());
}

void RoomListModel::rename(const QString &key, const QString &name)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_entries[row].name = name;
    Q_EMIT dataChanged(index(row), index(row));
}

int RoomListModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).key == key)
            return i;
    }
    return -1;
}

QString RoomListModel::keyAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).key : QString();
}

QStringList RoomListModel::keys() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out.append(e.key);
    return out;
}

int RoomListModel::unread(const QString &key) const
{
    const int row = rowOf(key);
    return row >= 0 ? m_entries.at(row).unread : 0;
}

void RoomListModel::incrementUnread(const QString &key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    ++m_entries[row].unread;
    Q_EMIT dataChanged(index(row), index(row), {UnreadRole, Qt::ToolTipRole});
    Q_EMIT totalUnreadChanged(totalUnread());
}

void RoomListModel::clearUnread(const QString &key)
{
    const int row = rowOf(key);
    if (row < 0 || m_entries.at(row).unread == 0)
        return;
    m_entries[row].unread = 0;
    Q_EMIT dataChanged(index(row), index(row), {UnreadRole, Qt::ToolTipRole});
    Q_EMIT totalUnreadChanged(totalUnread());
}

int RoomListModel::totalUnread() const
{
    int total = 0;
    for (const Entry &e : m_entries)
        total += e.unread;
    return total;
}

} // namespace duplex::client
