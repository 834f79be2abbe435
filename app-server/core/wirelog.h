// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// What the wire tap saw, kept for the window's frame X-ray: one record per frame and per
// HTTP head, in and out, with the exact bytes (cut after 4 KiB). Bounded per client and in
// total; thread-safe like TrafficLog (the engine appends in its worker thread, the window
// reads copies).

#include <websocket.h>

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <deque>
#include <functional>
#include <optional>
#include <unordered_map>

namespace duplex::server {

/// One frame or HTTP head as it went over the wire.
struct WireRecord {
    enum class Kind : quint8 { Ws, Http };

    quint64 serial = 0; ///< assigned by WireLog::append, strictly increasing
    qint64 timeMs = 0;  ///< when its first byte was seen, ms since the Unix epoch
    quint64 clientId = 0;
    bool out = false; ///< sent by the server
    Kind kind = Kind::Ws;
    ws::FrameHeader header; ///< Ws only
    qint64 length = 0;      ///< payload length (Ws) or head length (Http)
    QByteArray wire;        ///< the exact bytes, header included, cut after 4 KiB
    bool cut = false;

    /// The payload bytes kept (unmasked for a masked frame). Empty for HTTP.
    QByteArray payload() const;
};

/// What the taps are doing now (tests, the window's status line).
struct WireTapStats {
    int taps = 0;         ///< connections with a tap attached
    quint64 bytesIn = 0;  ///< bytes seen arriving, all taps together
    quint64 bytesOut = 0; ///< bytes seen leaving
};

class WireLog
{
public:
    struct Limits {
        qint64 bytesPerClient = 1024 * 1024; ///< wire bytes kept per client
        qint64 bytesTotal = 16 * 1024 * 1024;
        int recordsTotal = 50000;
    };

    explicit WireLog(Limits limits);
    WireLog()
        : WireLog(Limits {})
    {
    }
    WireLog(const WireLog &) = delete;
    WireLog &operator=(const WireLog &) = delete;

    /// Stores the record (assigning its serial) and evicts the oldest records over the
    /// limits: that client's own first, then anyone's. Returns the serial.
    quint64 append(WireRecord record);

    /// The client's records still kept, oldest first.
    QList<WireRecord> recordsFor(quint64 clientId) const;
    /// Every record with serial > after still kept, oldest first (at most `max`).
    QList<WireRecord> since(quint64 after, int max = 100000) const;
    /// The records `match` accepts (clientId 0: every client's), searched without copying
    /// the others.
    QList<WireRecord> find(quint64 clientId,
                           const std::function<bool(const WireRecord &)> &match) const;
    /// The frame that carried a message (its first frame, if it was fragmented): a text
    /// frame of that client (0: anyone's, e.g. a fan-out's copies are the same bytes) and
    /// direction whose payload starts `message`; the one nearest `nearMs`.
    std::optional<WireRecord> frameCarrying(quint64 clientId, bool out, const QByteArray &message,
                                            qint64 nearMs) const;
    /// Clients that have records, in order of their first record kept.
    QList<quint64> clients() const;

    quint64 lastSerial() const;
    /// Wire bytes held now (bounded by Limits::bytesTotal plus one record).
    qint64 bytesHeld() const;
    int size() const;
    /// Records evicted so far (by either limit).
    quint64 evicted() const;
    void clear();

private:
    struct PerClient {
        std::deque<WireRecord> records;
        qint64 bytes = 0;
    };
    // The caller holds the mutex.
    void evictOldest();
    void compactOrder();
    bool isLive(quint64 clientId, quint64 serial) const;
    void popFront(PerClient &c, quint64 clientId);

    Limits m_limits;
    mutable QMutex m_mutex;
    std::unordered_map<quint64, PerClient> m_clients;
    /// (client, serial) of every record in arrival order, for the global limits.
    std::deque<std::pair<quint64, quint64>> m_order;
    qint64 m_bytes = 0;
    int m_count = 0;
    quint64 m_lastSerial = 0;
    quint64 m_evicted = 0;
};

} // namespace duplex::server
