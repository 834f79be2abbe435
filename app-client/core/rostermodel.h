// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace duplex::client {

/// The members of one room, sorted case-insensitively, each with a typing flag. A typing
/// flag also expires by itself (a peer that vanished mid-sentence must not type forever).
class RosterModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { NickRole = Qt::UserRole + 1, TypingRole, SelfRole };

    explicit RosterModel(const QString &room, QObject *parent = nullptr);

    QString room() const { return m_room; }
    void setSelfNick(const QString &nick);
    void setTypingTimeout(int ms) { m_typingTimeoutMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMembers(const QStringList &nicks, int count = -1);
    void addMember(const QString &nick);
    void removeMember(const QString &nick);
    void renameMember(const QString &oldNick, const QString &newNick);
    void setTyping(const QString &nick, bool on);
    void clearTyping();
    /// Members as the server counts them (may exceed rowCount() in large rooms).
    int count() const { return m_count; }
    void setCount(int count);

    QStringList nicks() const;
    bool isTyping(const QString &nick) const;
    /// Nicks currently typing, in roster order.
    QStringList typingNicks() const;

Q_SIGNALS:
    void typingChanged();
    void countChanged(int count);

private:
    struct Member {
        QString nick;
        bool typing = false;
        qint64 typingSinceMs = 0;
    };
    int find(const QString &nick) const;
    int insertPosition(const QString &nick) const;
    void expireTyping();

    QString m_room;
    QString m_selfKey;
    QList<Member> m_members;
    QElapsedTimer m_clock;
    QTimer m_expiry;
    int m_typingTimeoutMs = 8000;
    int m_count = 0;
};

} // namespace duplex::client
