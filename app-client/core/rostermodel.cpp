// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "rostermodel.h"

#include <names.h>

namespace duplex::client {

RosterModel::RosterModel(const QString &room, QObject *parent)
    : QAbstractListModel(parent)
    , m_room(room)
{
    m_clock.start();
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, this, &RosterModel::expireTyping);
}

void RosterModel::setSelfNick(const QString &nick)
{
    m_selfKey = proto::nickKey(nick);
    if (!m_members.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_members.size()) - 1), {SelfRole});
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NickRole: return m.nick;
    case TypingRole: return m.typing;
    case SelfRole: return proto::nickKey(m.nick) == m_selfKey;
    case Qt::ToolTipRole:
        // Nicks are restricted to letters, digits and _ - . so no markup can hide here.
        return m.typing ? tr("%1 is typing").arg(m.nick) : m.nick;
    }
    return {};
}

QHash<int, QByteArray> RosterModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(NickRole, "nick");
    names.insert(TypingRole, "typing");
    names.insert(SelfRole, "self");
    return names;
}

int RosterModel::find(const QString &nick) const
{
    const QString key = proto::nickKey(nick);
    for (int i = 0; i < m_members.size(); ++i) {
        if (proto::nickKey(m_members.at(i).nick) == key)
            return i;
    }
    return -1;
}

int RosterModel::insertPosition(const QString &nick) const
{
    int i = 0;
    while (i < m_members.size() && m_members.at(i).nick.compare(nick, Qt::CaseInsensitive) < 0)
        ++i;
    return i;
}

void RosterModel::setMembers(const QStringList &nicks, int count)
{
    beginResetModel();
    m_members.clear();
    QStringList sorted = nicks;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    for (const QString &n : std::as_const(sorted))
        m_members.append(Member {n, false, 0});
    endResetModel();
    setCount(count >= 0 ? count : int(nicks.size()));
    m_expiry.stop();
}

void RosterModel::addMember(const QString &nick)
{
    if (find(nick) >= 0)
        return;
    const int row = insertPosition(nick);
    beginInsertRows({}, row, row);
    m_members.insert(row, Member {nick, false, 0});
    endInsertRows();
    setCount(qMax(m_count + 1, int(m_members.size())));
}

void RosterModel::removeMember(const QString &nick)
{
    const int row = find(nick);
    if (row < 0)
        return;
    const bool wasTyping = m_members.at(row).typing;
    beginRemoveRows({}, row, row);
    m_members.removeAt(row);
    endRemoveRows();
    setCount(qMax(0, m_count - 1));
    if (wasTyping)
        Q_EMIT typingChanged();
}

void RosterModel::renameMember(const QString &oldNick, const QString &newNick)
{
    const int row = find(oldNick);
    if (row < 0)
        return;
    removeMember(oldNick);
    addMember(newNick);
}

void RosterModel::setTyping(const QString &nick, bool on)
{
    const int row = find(nick);
    if (row < 0)
        return;
    Member &m = m_members[row];
    if (on)
        m.typingSinceMs = m_clock.elapsed();
    if (m.typing == on)
        return;
    m.typing = on;
    Q_EMIT dataChanged(index(row), index(row), {TypingRole, Qt::ToolTipRole});
    Q_EMIT typingChanged();
    if (on && !m_expiry.isActive())
        m_expiry.start();
}

void RosterModel::clearTyping()
{
    for (const Member &m : std::as_const(m_members)) {
        if (m.typing)
            setTyping(m.nick, false);
    }
}

void RosterModel::setCount(int count)
{
    if (m_count == count)
        return;
    m_count = count;
    Q_EMIT countChanged(count);
}

QStringList RosterModel::nicks() const
{
    QStringList out;
    for (const Member &m : m_members)
        out.append(m.nick);
    return out;
}

bool RosterModel::isTyping(const QString &nick) const
{
    const int row = find(nick);
    return row >= 0 && m_members.at(row).typing;
}

QStringList RosterModel::typingNicks() const
{
    QStringList out;
    for (const Member &m : m_members) {
        if (m.typing)
            out.append(m.nick);
    }
    return out;
}

void RosterModel::expireTyping()
{
    const qint64 now = m_clock.elapsed();
    bool any = false;
    for (int i = 0; i < m_members.size(); ++i) {
        const Member &m = m_members.at(i);
        if (!m.typing)
            continue;
        if (now - m.typingSinceMs >= m_typingTimeoutMs)
            setTyping(m.nick, false);
        else
            any = true;
    }
    if (!any)
        m_expiry.stop();
}

} // namespace duplex::client
