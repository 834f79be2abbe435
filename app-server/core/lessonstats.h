// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The push-vs-polling lesson panel's arithmetic, apart from any widget: fed TransportFigures
// snapshots (monotonic totals) with explicit timestamps, it turns them into what the panel
// shows: per-transport rates over the last second, latency percentiles over the last few
// seconds, a five-minute history with the moments the class was switched, and the
// "300 students polling every 500 ms" projection. Pure: no timers, no clock, no engine.

#include "transportstats.h"

#include <QList>

#include <array>
#include <deque>

namespace duplex::server {

class LessonStats
{
public:
    /// What one transport costs now.
    struct Rates {
        int clients = 0;
        double requestsPerSec = 0;
        double messagesInPerSec = 0;
        double messagesOutPerSec = 0; ///< messages delivered to clients
        double bytesInPerSec = 0;     ///< on the wire, client -> server
        double bytesOutPerSec = 0;    ///< on the wire, server -> client
        /// Share (0..1) of poll responses that carried nothing; -1: no poll answered.
        double emptyShare = -1;
        /// Wire bytes (both directions) per message delivered; -1: nothing delivered.
        double bytesPerMessage = -1;
        /// Wire bytes (both directions) per poll request; -1: no request.
        double bytesPerRequest = -1;
        /// Delivery latency over the latency window, ms; -1: nothing delivered.
        double p50Ms = -1;
        double p99Ms = -1;
        double bytesPerSec() const { return bytesInPerSec + bytesOutPerSec; }
    };

    /// Everything at the newest snapshot.
    struct Now {
        qint64 tMs = 0;
        std::array<Rates, TransportCount> transports;
        /// The server's CPU time per wall time over the rate window, in % of one core; -1
        /// before two snapshots.
        double cpuPercent = -1;
        ClassTransport classTransport;
        const Rates &of(Transport t) const { return transports[size_t(t)]; }
    };

    /// One point of the history chart (one a second).
    struct Point {
        qint64 tMs = 0;
        std::array<double, TransportCount> bytesPerSec {};
        std::array<double, TransportCount> requestsPerSec {};
        std::array<int, TransportCount> clients {};
    };

    /// The teacher switched the class at tMs (seen between two snapshots): another mode, or
    /// another interval for polling.
    struct Switch {
        qint64 tMs = 0;
        ClassTransport from;
        ClassTransport to;
    };

    /// The lesson's example, scaled from what was measured (see projection()).
    struct Projection {
        int students = 300;
        int intervalMs = 500;
        /// Polling side: students * 1000 / intervalMs requests per second.
        double pollRequestsPerSec = 0;
        /// pollRequestsPerSec * bytesPerPollRequest; -1: no poll request measured yet.
        double pollBytesPerSec = -1;
        double pollEmptyShare = -1; ///< as measured on the poll column; -1: not yet
        double bytesPerPollRequest = -1;
        /// Push side: students * the push column's bytes/s per client; -1: no push client
        /// measured yet.
        double pushBytesPerSec = -1;
        double pushBytesPerClientPerSec = -1;
        /// pollBytesPerSec / pushBytesPerSec; -1 when either side is unknown.
        double factor = -1;
    };

    static constexpr qint64 DefaultRateWindowMs = 1000;
    static constexpr qint64 DefaultLatencyWindowMs = 5000;
    static constexpr int DefaultHistoryPoints = 300; ///< five minutes at one a second

    LessonStats() = default;

    void setRateWindowMs(qint64 ms) { m_rateWindowMs = qMax<qint64>(1, ms); }
    void setLatencyWindowMs(qint64 ms) { m_latencyWindowMs = qMax<qint64>(1, ms); }
    void setHistoryPoints(int n) { m_historyPoints = qMax(2, n); }
    qint64 rateWindowMs() const { return m_rateWindowMs; }
    qint64 latencyWindowMs() const { return m_latencyWindowMs; }
    int historyPoints() const { return m_historyPoints; }

    /// Feeds one snapshot taken at tMs (any monotonic clock, ms). A snapshot older than
    /// the newest is ignored; one whose totals went down (a restarted engine) starts the
    /// rates afresh (the history and the switches stay).
    void add(qint64 tMs, const TransportFigures &figures);
    /// Forgets everything.
    void clear();

    /// At least two snapshots: rates exist.
    bool hasRates() const { return m_snaps.size() >= 2; }
    const Now &now() const { return m_now; }
    /// Oldest first, at most historyPoints().
    const QList<Point> &history() const { return m_history; }
    /// Oldest first; only those at or after the oldest history point (and any since).
    const QList<Switch> &switches() const { return m_switches; }
    /// The last figures fed (totals), for a "since start" line.
    const TransportFigures &latest() const { return m_latest; }

    /// Scales what was measured to `students` clients polling every intervalMs, next to
    /// the same class on push:
    /// - polling: students * 1000 / intervalMs requests/s, each costing the bytes a poll
    ///   request cost on the poll column (request + response, heads included, with what
    ///   the responses carried at the measured message rate);
    /// - push: students * what one push client cost per second (pings and framing
    ///   included, at the measured message rate).
    /// Uses the columns' latest measured values: when a column has no client now, the last
    /// time it had one (so the line stays after switching back to push).
    Projection projection(int students = 300, int intervalMs = 500) const;

private:
    struct Snap {
        qint64 tMs;
        TransportFigures f;
    };
    /// The newest snapshot at least `window` older than the newest (or the oldest kept).
    const Snap &baseFor(qint64 window) const;
    void recompute();

    qint64 m_rateWindowMs = DefaultRateWindowMs;
    qint64 m_latencyWindowMs = DefaultLatencyWindowMs;
    int m_historyPoints = DefaultHistoryPoints;

    std::deque<Snap> m_snaps; ///< oldest first, spanning a little over the latency window
    TransportFigures m_latest;
    Now m_now;
    QList<Point> m_history;
    QList<Switch> m_switches;
    bool m_haveClass = false;
    ClassTransport m_lastClass;
    // The last measured per-column costs (for the projection).
    double m_lastBytesPerPollRequest = -1;
    double m_lastPollEmptyShare = -1;
    double m_lastPushBytesPerClientPerSec = -1;
};

} // namespace duplex::server
