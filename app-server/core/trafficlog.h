// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <vector>

namespace duplex::server {

enum class TrafficDirection { In, Out, Event };

/// One row of the traffic log: an inbound frame, one outbound fan-out (NOT one row per
/// recipient), or a connection event.
struct TrafficEntry {
    quint64 serial = 0; ///< assigned by TrafficLog::append, strictly increasing
    qint64 timeMs = 0;  ///< ms since the Unix epoch
    TrafficDirection direction = TrafficDirection::Event;
    quint64 clientId = 0; ///< the one client concerned; 0 for a fan-out to many
    QString client;       ///< nick, or "address:port" before hello; empty for many
    QString type;         ///< wire type ("say", "message", ...) or event kind
                          ///< ("open", "hello", "close", "error", "kick", ...)
    qint64 bytes = 0;     ///< frame size in bytes (UTF-8)
    int recipients = 0;   ///< Out: how many clients got this frame
    int closeCode = 0;    ///< "close" events
    QString summary;      ///< events: a plain-text sentence; frames: may be empty
                          ///< (views derive a one-liner from the payload lazily)
    QByteArray payload;   ///< the frame (implicitly shared, not copied); events: empty
};

/// A bounded ring buffer of TrafficEntry (default 20,000). append() is O(1) and emits
/// nothing per entry: views poll entriesSince() on a timer and insert in batches.
/// Thread-safe: the engine may append from its worker thread (ServerHost) while the GUI
/// polls; the object itself (and cleared()) belongs to the GUI thread.
class TrafficLog final : public QObject
{
    Q_OBJECT
public:
    explicit TrafficLog(int capacity = 20000, QObject *parent = nullptr);

    /// Stores the entry (assigning serial and, when 0, timeMs) and returns its serial.
    quint64 append(TrafficEntry entry);

    /// Entries with serial > after, oldest first (only those still in the buffer).
    QList<TrafficEntry> entriesSince(quint64 after) const;
    /// All entries in the buffer, oldest first.
    QList<TrafficEntry> entries() const;

    quint64 lastSerial() const;
    int size() const;
    int capacity() const { return m_capacity; }
    void clear();

Q_SIGNALS:
    void cleared();

private:
    mutable QMutex m_mutex; // appends are O(1); the GUI locks once per poll
    int m_capacity;
    std::vector<TrafficEntry> m_ring;
    qsizetype m_head = 0; // index of the oldest entry once the ring is full
    quint64 m_lastSerial = 0;
};

} // namespace duplex::server
