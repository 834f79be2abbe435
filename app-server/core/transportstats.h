// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The push-vs-polling lesson's figures (protocol-v1-http.md, "Live figures"): what the
// engine counts per transport, the delivery-latency histogram, and a client's connection
// timeline. Plain records, like clientinfo.h: snapshots, cheap to copy, no engine pointers.

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <chrono>
#include <vector>

namespace duplex::server {

/// How a client talks to the server now. The order is the order of the lesson panel's
/// columns and of TransportFigures::transports.
enum class Transport : quint8 {
    Push = 0,     ///< WebSocket ("ws" in /v1/stats, "push" in the transport message)
    Poll = 1,     ///< short polls every interval ("poll")
    LongPoll = 2, ///< held polls ("longPoll" in /v1/stats, "long-poll" in the message)
};
constexpr int TransportCount = 3;

/// A monotonic clock in microseconds (delivery latency: stored -> written).
inline qint64 steadyMicros()
{
    return qint64(std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count());
}

/// "ws", "poll", "longPoll": the keys of /v1/stats.
QString transportStatsKey(Transport t);
/// "push", "poll", "long-poll": the `mode` of the transport message and --class-transport.
QString transportModeName(Transport t);
/// The inverse of transportModeName(); false for anything else.
bool transportFromModeName(const QString &name, Transport *out);

/// What the teacher chose for the whole class (the `transport` message of the contract).
struct ClassTransport {
    Transport mode = Transport::Push;
    int intervalMs = 500; ///< the poll period for Transport::Poll
    friend bool operator==(const ClassTransport &a, const ClassTransport &b)
    {
        return a.mode == b.mode && a.intervalMs == b.intervalMs;
    }
    friend bool operator!=(const ClassTransport &a, const ClassTransport &b) { return !(a == b); }
};

/// Delivery latency, from the moment a message is stored to the moment its bytes are
/// written to a client, counted since start. Log-scale buckets, 4 per octave of
/// microseconds (bucket 0: under 1 us; the last bucket: everything above ~2^24 us). Being
/// cumulative, two snapshots subtract into the distribution of the time between them.
struct LatencyHistogram {
    static constexpr int Buckets = 100;
    std::array<quint64, Buckets> counts {};

    void add(qint64 micros);
    quint64 total() const;
    /// Percentile p (0..100) in milliseconds (the upper edge of the bucket it falls in);
    /// -1 when empty.
    double percentileMs(double p) const;
    /// The largest recorded latency's bucket upper edge, ms; -1 when empty.
    double maxMs() const;
    /// this - older, bucket by bucket (older: an earlier snapshot of the same histogram).
    LatencyHistogram since(const LatencyHistogram &older) const;
    static int bucketOf(qint64 micros);
    static double upperEdgeMs(int bucket);
};

/// Monotonic totals for one transport since start (clients: open now).
struct TransportCounters {
    int clients = 0;
    quint64 requests = 0;       ///< HTTP poll requests (0 for Push)
    quint64 emptyResponses = 0; ///< poll responses that carried no message (0 for Push)
    quint64 messagesIn = 0;     ///< application messages received
    quint64 messagesOut = 0;    ///< application messages delivered
    quint64 bytesIn = 0;        ///< on the wire: HTTP heads and WebSocket framing included
    quint64 bytesOut = 0;
    LatencyHistogram latency;
};

/// Everything the lesson panel and GET /v1/stats show, at one moment.
struct TransportFigures {
    qint64 uptimeMs = 0;
    std::array<TransportCounters, TransportCount> transports;
    qint64 cpuMs = 0; ///< the server process's CPU time (user + system) since start
    ClassTransport classTransport;
    const TransportCounters &of(Transport t) const { return transports[size_t(t)]; }
    TransportCounters &of(Transport t) { return transports[size_t(t)]; }
};

/// One piece of a client's connection timeline (the "what persistent means" view).
struct ActivitySpan {
    enum class Kind : quint8 {
        WebSocket,   ///< one connection: startMs .. endMs
        PollRequest, ///< one HTTP poll: request arrived .. response written
    };
    Kind kind = Kind::WebSocket;
    qint64 startMs = 0; ///< ms since the Unix epoch
    qint64 endMs = -1;  ///< -1: still open / held
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    int messages = 0; ///< messages it brought to the client (a poll: 0 = empty response)
};

/// A frame on a WebSocket span (a tick on its bar).
struct ActivityTick {
    qint64 timeMs = 0;
    bool out = true; ///< server -> client
    quint32 bytes = 0;
};

/// A session's recent connections (bounded: the last 256 spans and 2048 ticks), across
/// transports and reconnects.
struct ClientActivity {
    QString nick;
    quint64 sessionId = 0;     ///< the session it belongs to (ClientInfo::sessionId)
    QList<ActivitySpan> spans; ///< oldest first
    QList<ActivityTick> ticks; ///< oldest first
};

/// A session's timeline as the engine keeps it: two bounded rings, O(1) per record. Spans
/// are always kept (one per WebSocket connection, one per poll); frame ticks only while
/// someone looks (ChatServer::activity() was asked in the last seconds), so that the
/// WebSocket fan-out pays one branch per write and nothing more.
class ActivityLog
{
public:
    static constexpr int MaxSpans = 256;
    static constexpr int MaxTicks = 2048;

    /// Adds a span; returns its id (for closing an open one later).
    quint64 addSpan(const ActivitySpan &span);
    /// The span with that id if it is still kept (null otherwise).
    ActivitySpan *span(quint64 id);
    void addTick(const ActivityTick &tick);
    bool ticking() const { return m_watched; }
    /// Ticks are recorded until untilMs.
    void watch(qint64 untilMs);
    /// Stops ticking once the watch is over.
    void expire(qint64 nowMs);
    ClientActivity snapshot(const QString &nick) const;

private:
    std::vector<ActivitySpan> m_spans; // ring
    std::vector<quint64> m_spanIds;
    std::vector<ActivityTick> m_ticks; // ring
    size_t m_spanNext = 0;
    size_t m_tickNext = 0;
    quint64 m_nextId = 1;
    qint64 m_watchedUntil = 0;
    bool m_watched = false;
};

} // namespace duplex::server

Q_DECLARE_METATYPE(duplex::server::ClassTransport)
Q_DECLARE_METATYPE(duplex::server::TransportFigures)
Q_DECLARE_METATYPE(duplex::server::ClientActivity)
