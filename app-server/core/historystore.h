// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Room history on SQLite (Qt SQL, QSQLITE driver, WAL mode).

#include "eventlog.h"
#include "walcheckpointer.h"

#include <protocol.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace duplex::server {

/// Stores every room message before it is fanned out and answers history queries.
/// seq is per room, starts at 1, is never reused and survives a restart (it is derived
/// from the stored rows, which are never deleted). One instance = one SQLite connection
/// with a unique connection name, so several stores may live in one process (tests).
class HistoryStore final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override;

    /// Opens (creating when missing) the database at path; ":memory:" is allowed.
    /// On failure returns false and, when error is given, a human sentence saying why.
    bool open(const QString &path, QString *error = nullptr);
    /// Flushes (WAL checkpoint) and closes. Safe to call twice.
    void close();
    bool isOpen() const;
    QString path() const;

    /// Assigns the next seq of the room and stores the message (one SQLite transaction).
    /// senderKey is proto::nickKey(from); clientId is the request id (may be empty).
    /// std::nullopt when the store failed (the caller answers `internal`).
    std::optional<proto::server::Message> append(const QString &room, const QString &from,
                                                 const QString &senderKey, const QString &clientId,
                                                 const QString &text, qint64 ts);

    /// Stores a message whose seq was assigned elsewhere (the Redis broker's script); a
    /// message already stored under that seq is left alone (true). False when the store
    /// failed.
    bool insert(const proto::server::Message &m, const QString &senderKey, const QString &clientId);

    /// Messages of the room in ascending seq, per the contract's paging rule: with after,
    /// the oldest `limit` with seq > after; otherwise the newest `limit` (seq < before when
    /// given). limit is clamped to 1..HistoryMax.
    QList<proto::server::Message> history(const QString &room,
                                          std::optional<qint64> before = std::nullopt,
                                          std::optional<qint64> after = std::nullopt,
                                          int limit = proto::limits::HistoryDefault);

    /// The message this sender already stored under that request id at or after sinceTs
    /// (dedup of resent `say`s; works across restarts). std::nullopt when none.
    std::optional<proto::server::Message> findByClientId(const QString &senderKey,
                                                         const QString &clientId, qint64 sinceTs);

    /// Rooms that have at least one stored message, sorted.
    QStringList rooms();
    /// The highest seq stored in the room (0 when none).
    qint64 lastSeq(const QString &room);
    /// Total stored messages (all rooms).
    qint64 messageCount();

    // --- events (eventlog.h): what rooms were told besides their messages ------------
    /// Buffers a join, leave, nick change or notice for the room transcripts. Written in
    /// one transaction per EventFlushMs (and before any read of events), joins and leaves
    /// capped per room and second (setEventRateLimit).
    void recordEvent(const RoomEvent &event);
    /// Writes what recordEvent() buffered now. False on an error (lastError()).
    bool flushEvents();
    /// The room's events and the notices to everyone with ts >= sinceMs, ascending ts;
    /// never private notices. Flushes first.
    QList<RoomEvent> events(const QString &room, qint64 sinceMs = 0);
    /// Joins and leaves stored per room and second; more are only counted (<= 0: no cap).
    void setEventRateLimit(int perRoomPerSecond);
    static constexpr int EventFlushMs = 250;
    /// PRAGMA user_version of the schema this build writes (1: the events table).
    static constexpr int SchemaVersion = 1;

    /// The last error as a human sentence (empty when none).
    QString lastError() const;

    /// When the background checkpointer folds the WAL into the database file: after
    /// everyAppends appends, and every intervalMs when anything is left to fold. If the
    /// WAL still holds more than forceFrames pages after a few non-blocking (PASSIVE)
    /// tries, because writes never pause, one blocking RESTART checkpoint bounds it.
    /// Takes effect at the next open(). everyAppends <= 0: no background checkpointer,
    /// SQLite checkpoints inside the commit of an append every 1000 pages (the behaviour
    /// before; kept for comparisons in duplex-historybench).
    using CheckpointPolicy = WalCheckpointPolicy;
    void setCheckpointPolicy(const CheckpointPolicy &policy);
    CheckpointPolicy checkpointPolicy() const;
    /// Checkpoints the background thread has completed (the whole WAL folded into the
    /// database file, so the next append starts the WAL over). Thread-safe.
    qint64 checkpointCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace duplex::server
