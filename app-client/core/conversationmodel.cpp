// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "conversationmodel.h"

#include <QDateTime>

#include <algorithm>

namespace duplex::client {

ConversationModel::ConversationModel(Type type, const QString &name, QObject *parent)
    : QAbstractListModel(parent)
    , m_type(type)
    , m_name(name)
{
}

void ConversationModel::setBound(int maxRows, int trimBatch)
{
    m_maxRows = std::max(1, maxRows);
    m_trimBatch = std::clamp(trimBatch, 1, m_maxRows);
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChatLine &l = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return l.text;
    case KindRole: return int(l.kind);
    case DeliveryRole: return int(l.delivery);
    case SeqRole: return l.seq;
    case IdRole: return l.id;
    case SenderRole: return l.from;
    case TimestampRole: return l.ts;
    case TimeRole: return QDateTime::fromMSecsSinceEpoch(l.ts);
    case OwnRole: return l.own;
    case FailureRole: return l.failure;
    case PresenceCountRole: return int(l.joinedNicks.size() + l.leftNicks.size());
    case Qt::ToolTipRole:
        if (l.isPresenceRun() && l.joinedNicks.size() + l.leftNicks.size() > 1) {
            QStringList parts;
            if (!l.joinedNicks.isEmpty())
                parts.append(tr("Joined: %1").arg(l.joinedNicks.join(QStringLiteral(", "))));
            if (!l.leftNicks.isEmpty())
                parts.append(tr("Left: %1").arg(l.leftNicks.join(QStringLiteral(", "))));
            return parts.join(QLatin1Char('\n'));
        }
        return {};
    }
    return {};
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(DeliveryRole, "delivery");
    names.insert(SeqRole, "seq");
    names.insert(IdRole, "id");
    names.insert(SenderRole, "sender");
    names.insert(TextRole, "text");
    names.insert(TimestampRole, "timestamp");
    names.insert(TimeRole, "time");
    names.insert(OwnRole, "own");
    names.insert(FailureRole, "failure");
    return names;
}

int ConversationModel::pendingStart() const
{
    int row = int(m_lines.size());
    while (row > 0
           && (m_lines.at(row - 1).delivery == ChatLine::Delivery::Pending
               || m_lines.at(row - 1).delivery == ChatLine::Delivery::Waiting))
        --row;
    return row;
}

int ConversationModel::trimOldest()
{
    const int n = std::min(m_trimBatch, pendingStart());
    if (n <= 0)
        return 0;
    beginRemoveRows({}, 0, n - 1);
    for (int r = 0; r < n; ++r) {
        const qint64 seq = m_lines.at(r).seq;
        if (seq > 0) {
            m_seqs.remove(seq);
            m_trimmedThrough = std::max(m_trimmedThrough, seq);
        }
    }
    m_lines.remove(0, n);
    endRemoveRows();
    return n;
}

void ConversationModel::insertLine(int row, const ChatLine &line)
{
    if (m_lines.size() >= m_maxRows)
        row = std::max(0, row - trimOldest());
    beginInsertRows({}, row, row);
    m_lines.insert(row, line);
    endInsertRows();
}

bool ConversationModel::addMessage(const ChatLine &line)
{
    if (line.seq <= 0) {
        insertLine(pendingStart(), line);
        return true;
    }
    // Already here, or older than what the bound has dropped (it would go again at once).
    if (m_seqs.contains(line.seq) || line.seq <= m_trimmedThrough)
        return false;
    m_seqs.insert(line.seq);
    const int end = pendingStart();
    int row = end;
    if (line.seq < m_maxSeq) {
        // An older message (history after a gap): before the first message with a larger
        // seq. Scan backwards: catch-up history lands near the end.
        for (int r = end - 1; r >= 0; --r) {
            const ChatLine &other = m_lines.at(r);
            if (other.seq > line.seq)
                row = r;
            else if (other.seq > 0)
                break;
        }
    }
    m_maxSeq = qMax(m_maxSeq, line.seq);
    insertLine(row, line);
    return true;
}

void ConversationModel::addPending(const QString &id, const QString &from, const QString &text,
                                   qint64 ts)
{
    ChatLine l;
    l.kind = ChatLine::Kind::Message;
    l.delivery = ChatLine::Delivery::Pending;
    l.id = id;
    l.from = from;
    l.text = text;
    l.ts = ts;
    l.own = true;
    insertLine(int(m_lines.size()), l);
}

bool ConversationModel::hasPending(const QString &id) const
{
    for (const ChatLine &l : m_lines) {
        if (l.id == id
            && (l.delivery == ChatLine::Delivery::Pending
                || l.delivery == ChatLine::Delivery::Waiting
                || l.delivery == ChatLine::Delivery::Failed))
            return true;
    }
    return false;
}

bool ConversationModel::confirm(const QString &id, const ChatLine &line)
{
    for (int r = int(m_lines.size()) - 1; r >= 0; --r) {
        ChatLine &l = m_lines[r];
        if (l.id != id || l.delivery == ChatLine::Delivery::Delivered)
            continue;
        if (m_type == Type::Whisper || line.seq <= 0) {
            // No seq to order by: the line keeps its place and just changes state.
            l = line;
            l.delivery = ChatLine::Delivery::Delivered;
            Q_EMIT dataChanged(index(r), index(r));
            return true;
        }
        beginRemoveRows({}, r, r);
        m_lines.removeAt(r);
        endRemoveRows();
        ChatLine delivered = line;
        delivered.delivery = ChatLine::Delivery::Delivered;
        addMessage(delivered); // false when history already brought that seq: fine
        return true;
    }
    return false;
}

void ConversationModel::markFailed(const QString &id, const QString &reason)
{
    const int tailStart = pendingStart();
    for (int r = int(m_lines.size()) - 1; r >= tailStart; --r) {
        if (m_lines.at(r).id != id)
            continue;
        ChatLine failed = m_lines.at(r);
        failed.delivery = ChatLine::Delivery::Failed;
        failed.failure = reason;
        if (r == tailStart) {
            m_lines[r] = failed;
            Q_EMIT dataChanged(index(r), index(r));
        } else {
            // A failed line is no longer waiting: it moves above the pending tail.
            beginRemoveRows({}, r, r);
            m_lines.removeAt(r);
            endRemoveRows();
            insertLine(tailStart, failed);
        }
        return;
    }
}

void ConversationModel::markWaiting(const QString &id, bool waiting)
{
    const auto from = waiting ? ChatLine::Delivery::Pending : ChatLine::Delivery::Waiting;
    for (int r = int(m_lines.size()) - 1; r >= 0; --r) {
        ChatLine &l = m_lines[r];
        if (l.id != id || l.delivery != from)
            continue;
        l.delivery = waiting ? ChatLine::Delivery::Waiting : ChatLine::Delivery::Pending;
        Q_EMIT dataChanged(index(r), index(r), {DeliveryRole});
        return;
    }
}

void ConversationModel::addSystem(const QString &text, qint64 ts)
{
    ChatLine l;
    l.kind = ChatLine::Kind::System;
    l.text = text;
    l.ts = ts;
    insertLine(pendingStart(), l);
}

void ConversationModel::addNotice(const QString &from, const QString &text, qint64 ts)
{
    ChatLine l;
    l.kind = ChatLine::Kind::Notice;
    l.from = from;
    l.text = text;
    l.ts = ts;
    insertLine(pendingStart(), l);
}

void ConversationModel::addPrivateNotice(const QString &from, const QString &text, qint64 ts)
{
    ChatLine l;
    l.kind = ChatLine::Kind::Notice;
    l.from = from;
    l.text = text;
    l.ts = ts;
    l.own = true; // a notice for this user alone (the delegate says "private")
    insertLine(pendingStart(), l);
}

namespace {
QString nameList(const QStringList &nicks, int shown)
{
    QString out = nicks.mid(0, shown).join(QStringLiteral(", "));
    if (nicks.size() > shown)
        out += QStringLiteral(", \u2026");
    return out;
}
} // namespace

void ConversationModel::addPresence(bool joined, const QString &nick, qint64 ts)
{
    const int last = pendingStart() - 1;
    const bool merge = last >= 0 && m_lines.at(last).isPresenceRun()
        && ts - m_lines.at(last).runEndTs <= PresenceRunGapMs;
    ChatLine l;
    if (merge) {
        l = m_lines.at(last);
    } else {
        l.kind = ChatLine::Kind::System;
        l.ts = ts;
    }
    (joined ? l.joinedNicks : l.leftNicks).append(nick);
    l.runEndTs = ts;
    QStringList parts;
    const int nj = int(l.joinedNicks.size());
    const int nl = int(l.leftNicks.size());
    if (nj == 1)
        parts.append(tr("%1 joined").arg(l.joinedNicks.first()));
    else if (nj > 1)
        parts.append(
            tr("%n joined: %1", nullptr, nj).arg(nameList(l.joinedNicks, PresenceRunNames)));
    if (nl == 1)
        parts.append(tr("%1 left").arg(l.leftNicks.first()));
    else if (nl > 1)
        parts.append(tr("%n left: %1", nullptr, nl).arg(nameList(l.leftNicks, PresenceRunNames)));
    l.text = parts.join(QStringLiteral(" \u00b7 "));
    if (merge) {
        m_lines[last] = l;
        Q_EMIT dataChanged(index(last), index(last));
    } else {
        insertLine(pendingStart(), l);
    }
}

qint64 ConversationModel::firstSeq() const
{
    for (const ChatLine &l : m_lines) {
        if (l.seq > 0)
            return l.seq;
    }
    return 0;
}

void ConversationModel::restartNumbering()
{
    for (ChatLine &l : m_lines)
        l.seq = 0;
    m_seqs.clear();
    m_maxSeq = 0;
    m_trimmedThrough = 0;
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1), {SeqRole});
}

QList<qint64> ConversationModel::seqs() const
{
    QList<qint64> out;
    for (const ChatLine &l : m_lines) {
        if (l.seq > 0)
            out.append(l.seq);
    }
    return out;
}

int ConversationModel::messageCount() const
{
    int n = 0;
    for (const ChatLine &l : m_lines)
        n += l.kind == ChatLine::Kind::Message ? 1 : 0;
    return n;
}

} // namespace duplex::client
