// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "eventlog.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

namespace duplex::server {

QString RoomEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Join: return QStringLiteral("join");
    case Kind::Leave: return QStringLiteral("leave");
    case Kind::Nick: return QStringLiteral("nick");
    case Kind::Notice: break;
    }
    return QStringLiteral("notice");
}

std::optional<RoomEvent::Kind> RoomEvent::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Join, Kind::Leave, Kind::Nick, Kind::Notice}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

EventLog::EventLog(const QSqlDatabase &db)
    : m_db(db)
{
}

bool EventLog::migrate(QSqlDatabase &db, int version, QString *why)
{
    QSqlQuery q(db);
    auto failed = [&] {
        if (why)
            *why = q.lastError().text();
        return false;
    };
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return failed();
    const int stored = q.value(0).toInt();
    q.finish();
    if (stored >= version)
        return true;
    // A database from a newer version keeps its number; version 1 is the events table.
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS events ("
            " id INTEGER PRIMARY KEY, room TEXT, ts INTEGER NOT NULL, kind TEXT NOT NULL,"
            " nick TEXT, text TEXT, to_nick TEXT, count INTEGER NOT NULL DEFAULT 1)"))
        || !q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS events_room_ts ON events (room, ts)"))
        || !q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version)))
        return failed();
    return true;
}

bool EventLog::prepare(QString *why)
{
    m_insert.emplace(m_db);
    m_select.emplace(m_db);
    m_select->setForwardOnly(true);
    if (!m_insert->prepare(
            QStringLiteral("INSERT INTO events (room, ts, kind, nick, text, to_nick, count)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)"))
        || !m_select->prepare(
            QStringLiteral("SELECT room, ts, kind, nick, text, to_nick, count FROM events"
                           " WHERE (room = ? OR (room IS NULL AND to_nick IS NULL)) AND ts >= ?"
                           " ORDER BY ts, id"))) {
        if (why)
            *why = m_db.lastError().text();
        return false;
    }
    return true;
}

void EventLog::record(const RoomEvent &event)
{
    if (event.kind != RoomEvent::Kind::Join && event.kind != RoomEvent::Kind::Leave) {
        m_pending.append(event);
        return;
    }
    // A reconnect flood must not write a row per connection: m_cap rows per room and
    // second, then only a count ("…and N more joins", written at the next flush).
    Window &w = m_windows[event.room];
    const qint64 second = event.ts / 1000;
    if (w.second != second) {
        closeWindow(event.room, w);
        w.second = second;
        w.written = 0;
    }
    if (m_cap <= 0 || w.written < m_cap) {
        ++w.written;
        m_pending.append(event);
        return;
    }
    if (event.kind == RoomEvent::Kind::Join)
        ++w.moreJoins;
    else
        ++w.moreLeaves;
    w.lastMoreTs = event.ts;
}

void EventLog::closeWindow(const QString &room, Window &w)
{
    for (auto [kind, n] : {std::pair {RoomEvent::Kind::Join, w.moreJoins},
                           std::pair {RoomEvent::Kind::Leave, w.moreLeaves}}) {
        if (n <= 0)
            continue;
        RoomEvent more;
        more.kind = kind;
        more.room = room;
        more.ts = w.lastMoreTs;
        more.count = n;
        m_pending.append(more);
    }
    w.moreJoins = 0;
    w.moreLeaves = 0;
}

bool EventLog::hasPending() const
{
    if (!m_pending.isEmpty())
        return true;
    for (const Window &w : m_windows) {
        if (w.moreJoins > 0 || w.moreLeaves > 0)
            return true;
    }
    return false;
}

int EventLog::flush(QString *why)
{
    // The counts so far become rows now; the windows of past seconds are forgotten (the
    // current second's keeps its tally, so flushing often does not raise the cap).
    const qint64 nowSecond = QDateTime::currentMSecsSinceEpoch() / 1000;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        closeWindow(it.key(), it.value());
        if (it->second < nowSecond)
            it = m_windows.erase(it);
        else
            ++it;
    }
    if (m_pending.isEmpty())
        return 0;
    const QList<RoomEvent> rows = std::exchange(m_pending, {});
    auto failed = [&](const QString &error) {
        if (why)
            *why = error;
        m_db.rollback();
        return -1;
    };
    if (!m_insert || !m_db.transaction())
        return failed(m_db.lastError().text());
    QSqlQuery &q = *m_insert;
    for (const RoomEvent &e : rows) {
        q.addBindValue(e.room.isEmpty() ? QVariant() : QVariant(e.room));
        q.addBindValue(e.ts);
        q.addBindValue(RoomEvent::kindName(e.kind));
        q.addBindValue(e.nick.isEmpty() ? QVariant() : QVariant(e.nick));
        q.addBindValue(e.text.isEmpty() ? QVariant() : QVariant(e.text));
        q.addBindValue(e.to.isEmpty() ? QVariant() : QVariant(e.to));
        q.addBindValue(e.count);
        if (!q.exec()) {
            const QString error = q.lastError().text();
            q.finish();
            return failed(error);
        }
    }
    q.finish();
    if (!m_db.commit())
        return failed(m_db.lastError().text());
    return int(rows.size());
}

QList<RoomEvent> EventLog::events(const QString &room, qint64 sinceMs, QString *why)
{
    QList<RoomEvent> out;
    if (!m_select)
        return out;
    QSqlQuery &q = *m_select;
    q.addBindValue(room);
    q.addBindValue(sinceMs);
    if (!q.exec()) {
        if (why)
            *why = q.lastError().text();
        q.finish();
        return out;
    }
    while (q.next()) {
        const std::optional<RoomEvent::Kind> kind = RoomEvent::kindFromName(q.value(2).toString());
        if (!kind)
            continue; // a kind from a newer version: left out
        RoomEvent e;
        e.kind = *kind;
        e.room = q.value(0).toString();
        e.ts = q.value(1).toLongLong();
        e.nick = q.value(3).toString();
        e.text = q.value(4).toString();
        e.to = q.value(5).toString();
        e.count = q.value(6).toInt();
        out.append(e);
    }
    q.finish(); // ends the read transaction, so a checkpoint can fold the whole WAL
    return out;
}

} // namespace duplex::server
