// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace duplex::client {

/// One line of a conversation.
struct ChatLine {
    enum class Kind { Message, System, Notice };
    /// Waiting: the server refused it with rate_limited; it is resent after a backoff.
    enum class Delivery { None, Pending, Delivered, Failed, Waiting };
    Kind kind = Kind::Message;
    Delivery delivery = Delivery::None;
    qint64 seq = 0; ///< room messages only (0 for whispers, system lines, pending)
    QString id;     ///< outbox id of an own message (pending or delivered)
    QString from;
    QString text;  ///< plain text, never markup
    qint64 ts = 0; ///< ms since the epoch
    bool own = false;
    QString failure; ///< why a pending message was refused
    /// A run of joins and leaves shown as one System line ("27 joined: a, b, c…"): who
    /// joined and who left, in order, and when the run's last event came.
    QStringList joinedNicks;
    QStringList leftNicks;
    qint64 runEndTs = 0;
    bool isPresenceRun() const { return !joinedNicks.isEmpty() || !leftNicks.isEmpty(); }
};

/// The lines of one room or one whisper partner. Room messages are kept in seq order and
/// each seq appears once, whatever order and however often they arrive (live, history on
/// join, catch-up history after a reconnect, a resent id's original copy). Pending own
/// messages sit at the end until their copy comes back.
class ConversationModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Type { Room, Whisper };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int (ChatLine::Kind)
        DeliveryRole,                ///< int (ChatLine::Delivery)
        SeqRole,
        IdRole,
        SenderRole,
        TextRole,
        TimestampRole, ///< qint64 ms since the epoch
        TimeRole,      ///< QDateTime (local)
        OwnRole,
        FailureRole,
        PresenceCountRole, ///< int: joins + leaves a presence-run line stands for (0 else)
    };
    /// Joins and leaves further apart than this start a new run line.
    static constexpr qint64 PresenceRunGapMs = 120000;
    /// How many nicks a run line names before "…" (the tooltip names all).
    static constexpr int PresenceRunNames = 5;

    /// The most lines a conversation keeps: a classroom left open all day must not grow
    /// without bound (and a view with that many rows gets slow). Beyond it the oldest go.
    static constexpr int MaxRows = 5000;
    /// How many of the oldest lines go at once when MaxRows is reached: one
    /// rowsRemoved per batch keeps views and proxies from re-laying out per message.
    static constexpr int TrimBatch = 500;

    ConversationModel(Type type, const QString &name, QObject *parent = nullptr);

    /// Another bound than MaxRows/TrimBatch (tests: QAbstractItemModelTester re-checks
    /// every row on each change, so it runs against a small bound).
    void setBound(int maxRows, int trimBatch);
    int maxRows() const { return m_maxRows; }
    int trimBatch() const { return m_trimBatch; }

    Type type() const { return m_type; }
    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const ChatLine &line(int row) const { return m_lines.at(row); }

    /// Adds a room message at its seq position (or appends a whisper). False when that seq
    /// is already present (nothing changes).
    bool addMessage(const ChatLine &line);
    /// An own message waiting in the outbox.
    void addPending(const QString &id, const QString &from, const QString &text, qint64 ts);
    /// The copy of a pending message came back: the pending row is replaced by `line`
    /// (placed by seq). Returns false when no such pending row exists.
    bool confirm(const QString &id, const ChatLine &line);
    void markFailed(const QString &id, const QString &reason);
    /// A pending own message the server asked us to resend later (rate_limited), or back
    /// to plain pending (waiting false) once it is on the wire again.
    void markWaiting(const QString &id, bool waiting);
    bool hasPending(const QString &id) const;
    void addSystem(const QString &text, qint64 ts);
    void addNotice(const QString &from, const QString &text, qint64 ts);
    /// A notice pushed to this user alone (shown as private, not as a broadcast).
    void addPrivateNotice(const QString &from, const QString &text, qint64 ts);
    /// Someone joined (or left): merged into the presence-run line at the end when there
    /// is one (no message since, within PresenceRunGapMs), else a new run line.
    void addPresence(bool joined, const QString &nick, qint64 ts);
    /// The seq of the oldest room message held (0 when none).
    qint64 firstSeq() const;

    /// The server numbers this room from 1 again (it lost its history): the lines so far
    /// keep their place but no longer take part in ordering or de-duplication.
    void restartNumbering();

    /// The seqs of room messages, in row order (for tests and the catch-up logic).
    QList<qint64> seqs() const;
    qint64 lastSeq() const { return m_maxSeq; }
    /// The highest seq dropped by the bound (0 when nothing was dropped); messages at or
    /// below it are not taken back.
    qint64 trimmedThrough() const { return m_trimmedThrough; }
    int messageCount() const;

private:
    int pendingStart() const; ///< index of the first pending row (rowCount() when none)
    void insertLine(int row, const ChatLine &line);
    /// Drops the oldest TrimBatch lines (never pending ones); returns how many went.
    int trimOldest();

    Type m_type;
    QString m_name;
    QList<ChatLine> m_lines;
    QSet<qint64> m_seqs;
    qint64 m_maxSeq = 0;
    qint64 m_trimmedThrough = 0;
    int m_maxRows = MaxRows;
    int m_trimBatch = TrimBatch;
};

} // namespace duplex::client
