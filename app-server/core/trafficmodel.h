// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "trafficlog.h"
#include "wirelog.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimer>

#include <deque>

class QIODevice;

namespace duplex::server {

/// What TrafficModel::exportJsonLines writes besides the rows.
struct TrafficExportOptions {
    /// Resume tokens (welcome's `session`, hello's `resume`) are secrets: a file that is
    /// passed around must not let anyone take over a student's session. Off: dropped.
    bool includeTokens = false;
    /// When set: each frame row gets `wire`, the hex of the bytes the tap saw (omitted
    /// for frames carrying a token unless includeTokens).
    const WireLog *wire = nullptr;
};

/// The traffic panel's table over a TrafficLog. It polls the log on a timer (100 ms) and
/// inserts each batch with ONE beginInsertRows; it is bounded (the oldest rows go in ONE
/// beginRemoveRows), so however fast frames flow the view gets at most ten small updates
/// a second. Filtering happens here, per batch; pausing freezes the rows while the log
/// keeps recording and pendingCount() counts what arrived meanwhile.
class TrafficModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        ClientColumn,
        TypeColumn,
        BytesColumn,
        RecipientsColumn, ///< "→ 12 clients" for a fan-out (its own column: never cut off)
        SummaryColumn,
        ColumnCount
    };
    enum Role {
        SerialRole = Qt::UserRole + 1, ///< quint64
        DirectionRole,                 ///< int(TrafficDirection)
        ClientIdRole,                  ///< quint64 (0 for a fan-out)
        TypeRole,                      ///< QString wire type or event kind
        PrettyJsonRole,                ///< the frame, pretty-printed (or the event sentence)
        RecipientsRole,                ///< int
    };

    struct Filter {
        quint64 clientId = 0;       ///< 0 = every client
        QString type;               ///< empty = every type
        QString text;               ///< case-insensitive substring of client/type/frame
        bool hideKeepAlive = false; ///< hide ping, pong and typing
        bool operator==(const Filter &o) const
        {
            return clientId == o.clientId && type == o.type && text == o.text
                && hideKeepAlive == o.hideKeepAlive;
        }
        bool operator!=(const Filter &o) const { return !(*this == o); }
    };

    /// log is not owned and must outlive the model. capacity bounds the rows shown.
    explicit TrafficModel(TrafficLog *log, int capacity = 10000, QObject *parent = nullptr);

    /// 0 stops the timer (tests then call poll() themselves).
    void setPollInterval(int ms);
    int pollInterval() const;
    int capacity() const { return m_capacity; }

    void setFilter(const Filter &filter);
    Filter filter() const { return m_filter; }

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// Entries (passing the filter) recorded since the view was paused.
    int pendingCount() const { return m_pending; }

    /// Empties the view and the log.
    void clear();

    /// Pulls what the log recorded since the last poll (the timer calls this).
    void poll();

    TrafficEntry entryAt(int row) const;
    QString prettyJsonAt(int row) const;
    /// Writes the rows shown (oldest first) as JSON Lines; returns how many were written.
    int exportJsonLines(QIODevice *device, const TrafficExportOptions &options = {}) const;
    /// Every type / event kind seen so far, sorted (for the type filter).
    QStringList knownTypes() const;

    static bool isKeepAlive(const QString &type);
    /// A one-line plain-text description of a frame or event, e.g. "#general: hi → 12 clients".
    static QString summarize(const TrafficEntry &entry);
    /// The fan-out part of summarize(): "→ 12 clients", or empty for a frame to one client.
    static QString recipientsText(const TrafficEntry &entry);
    static QString prettyJson(const TrafficEntry &entry);
    bool accepts(const TrafficEntry &entry) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void pendingCountChanged(int count);
    void pausedChanged(bool paused);
    /// After a batch was appended (the view scrolls to the bottom when it was there).
    void batchInserted(int count);
    void knownTypesChanged();

private:
    struct Row {
        TrafficEntry entry;
        mutable QString summary;
        mutable bool summaryDone = false;
    };
    void append(const QList<TrafficEntry> &entries);
    void rebuild();
    void noteTypes(const QList<TrafficEntry> &entries);
    void onLogCleared();

    TrafficLog *m_log;
    int m_capacity;
    QTimer m_timer;
    std::deque<Row> m_rows;
    Filter m_filter;
    bool m_paused = false;
    int m_pending = 0;
    quint64 m_shownSerial = 0;   // last serial considered for the rows
    quint64 m_scannedSerial = 0; // last serial counted while paused
    QSet<QString> m_types;
};

} // namespace duplex::server
