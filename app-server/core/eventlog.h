// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// What a room was told besides its messages (joins, leaves, nick changes, notices), kept in
// the history database's `events` table for transcripts (issue 15, "Transcripts"). Owned
// by HistoryStore (same SQLite connection); the engine records, the transcript reads.
//
// Cost under churn: record() only appends to a buffer; the buffer is written in one
// transaction per flush (HistoryStore flushes it on a timer, and before every read), and
// joins/leaves are capped per room per second: past the cap they are only counted, and
// one row "…and N more joins" stands for them.

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace duplex::server {

struct RoomEvent {
    enum class Kind { Join, Leave, Nick, Notice };
    Kind kind = Kind::Join;
    /// Empty for a notice to everyone (merged into every room's transcript) and for a
    /// private notice (never in a room's transcript).
    QString room;
    qint64 ts = 0;
    /// Join, leave: who (empty on a "…and N more" row). Nick: the new nick.
    QString nick;
    /// Notice: its text. Nick: the old nick.
    QString text;
    /// A private notice: to whom (then room is empty).
    QString to;
    /// Join, leave: how many this row stands for; > 1 with an empty nick is "…and N more".
    int count = 1;

    bool isMore() const { return nick.isEmpty() && (kind == Kind::Join || kind == Kind::Leave); }
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

class EventLog
{
public:
    /// Joins and leaves written per room and second before they are only counted.
    static constexpr int DefaultPerRoomPerSecond = 20;

    /// db: the history store's open connection (the table exists already).
    explicit EventLog(const QSqlDatabase &db);

    /// Adds the events table to a database older than `version` (PRAGMA user_version 0:
    /// messages only) and sets user_version. Rows already there are untouched.
    static bool migrate(QSqlDatabase &db, int version, QString *why);
    bool prepare(QString *why);
    /// Buffers the event (joins and leaves past the cap are only counted).
    void record(const RoomEvent &event);
    /// Writes the buffer (and the counts past the cap) in one transaction. The number of
    /// rows written, or -1 on an error (why says which; the buffer is dropped).
    int flush(QString *why);
    /// Rows or counts wait for the next flush.
    bool hasPending() const;

    /// The room's events and the notices to everyone with ts >= sinceMs, ascending ts (no
    /// private notices). Flush first to include the buffer.
    QList<RoomEvent> events(const QString &room, qint64 sinceMs, QString *why);

    void setPerRoomPerSecond(int cap) { m_cap = cap; }
    int perRoomPerSecond() const { return m_cap; }

private:
    struct Window {
        qint64 second = -1;
        int written = 0;
        int moreJoins = 0;
        int moreLeaves = 0;
        qint64 lastMoreTs = 0;
    };
    void closeWindow(const QString &room, Window &w);

    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_insert;
    std::optional<QSqlQuery> m_select;
    QList<RoomEvent> m_pending;
    QHash<QString, Window> m_windows; // room -> this second's tally
    int m_cap = DefaultPerRoomPerSecond;
};

} // namespace duplex::server
