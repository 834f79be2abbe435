// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "backoff.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace duplex::client {

/// A message typed by the user that has not been confirmed by the server yet.
struct OutboxEntry {
    enum class Kind { Say, Whisper };
    QString id; ///< unique (UUID); resent with the SAME id, the server deduplicates
    Kind kind = Kind::Say;
    QString target; ///< room (Say) or nick (Whisper)
    QString text;
    qint64 queuedMs = 0;
    int sends = 0;         ///< how many times it went on the wire
    bool inFlight = false; ///< sent on this connection, no answer yet
    /// Refused with rate_limited: the server dropped it; it is resent after a backoff.
    bool waiting = false;
};

/// The `say`s and `whisper`s the server has not confirmed yet, in the order they were
/// typed. An entry leaves only when the server answers its id (its own copy with `re`, or
/// an error); until then it is sent again, with the same id, on every new connection, so
/// the server's deduplication makes it appear exactly once.
///
/// After a `rate_limited` refusal the outbox goes into slow mode: it waits a jittered
/// backoff (doubling while refusals go on), then sends one entry at a time, oldest first,
/// spaced by the server's announced rate, until it is empty again.
///
/// It does not own the connection: `transmit` puts one entry on the wire, `canSend` says
/// whether the connection takes messages now (online and caught up).
class Outbox final : public QObject
{
    Q_OBJECT
public:
    using Transmit = std::function<void(const OutboxEntry &)>;
    using CanSend = std::function<bool()>;

    Outbox(Transmit transmit, CanSend canSend, QObject *parent = nullptr);

    /// The waits after `rate_limited`.
    void setBackoff(const Backoff::Params &params) { m_backoff.setParams(params); }
    /// The server's announced rate (messages per second, 0 = unlimited): the spacing of
    /// slow mode after a delivery.
    void setServerRate(double perSec) { m_serverRate = perSec; }

    QList<OutboxEntry> entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    /// In slow mode after a `rate_limited` refusal.
    bool isPacing() const { return m_pacing; }
    /// Milliseconds until slow mode sends the next entry (-1 when nothing is scheduled).
    int retryInMs() const { return m_rateTimer.remainingTime(); }

    /// Queues a say (target = room) or whisper (target = nick) under a new unique id and
    /// sends it at once when the connection takes messages and no refusal is pending.
    /// Emits queued() before it is sent. Returns the id.
    QString add(OutboxEntry::Kind kind, const QString &target, const QString &text);
    /// Every entry on the wire, in order: the connection just caught up.
    void sendAll();
    /// The server answered `id` (delivered, or refused for good): it leaves the outbox.
    /// False when no entry has that id.
    bool take(const QString &id);
    /// The server refused `id` with `rate_limited` and dropped it: it stays and is resent
    /// after the backoff. False when no entry has that id.
    /// retryAfterMs > 0 (slow mode): wait at least that long before the next try.
    bool rateLimited(const QString &id, qint64 retryAfterMs = 0);
    /// The connection is gone: nothing is in flight any more, and slow mode ends (a new
    /// connection sends everything again).
    void connectionLost();
    /// Forgets every entry (another server).
    void clear();

Q_SIGNALS:
    void queued(const duplex::client::OutboxEntry &entry);
    /// Refused with rate_limited: sent again in about retryInMs.
    void waiting(const QString &id, int retryInMs);
    /// A waiting entry went on the wire again.
    void resent(const QString &id);

private:
    void send(OutboxEntry &entry);
    void sendNextPaced();
    void stopPacing();

    Transmit m_transmit;
    CanSend m_canSend;
    QList<OutboxEntry> m_entries;
    QTimer m_rateTimer;
    Backoff m_backoff {{1000, 16000, 0.2}};
    double m_serverRate = 0;
    bool m_pacing = false; ///< the server said rate_limited: send one at a time
};

} // namespace duplex::client

Q_DECLARE_METATYPE(duplex::client::OutboxEntry)
