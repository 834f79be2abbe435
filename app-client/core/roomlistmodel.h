// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace duplex::client {

/// The sidebar: joined rooms first, then whisper partners, each with an unread count.
/// Keys are "#room" and "@nick" (see ChatState::roomKey / whisperKey).
class RoomListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Kind { Room, Whisper };
    enum Role { KeyRole = Qt::UserRole + 1, NameRole, KindRole, UnreadRole };

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Adds an entry (no-op when the key exists). Returns its row.
    int add(Kind kind, const QString &key, const QString &name);
    void remove(const QString &key);
    void rename(const QString &key, const QString &name);
    int rowOf(const QString &key) const;
    QString keyAt(int row) const;
    QStringList keys() const;

    int unread(const QString &key) const;
    void incrementUnread(const QString &key);
    void clearUnread(const QString &key);
    int totalUnread() const;

Q_SIGNALS:
    void totalUnreadChanged(int total);

private:
    struct Entry {
        Kind kind;
        QString key;
        QString name;
        int unread = 0;
    };
    QList<Entry> m_entries;
};

} // namespace duplex::client
