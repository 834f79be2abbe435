// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// What every kind of client connection is to the engine: something that frames can be
// delivered to and that can be closed. Rooms and handlers hold Peer*, never a socket.

#include "clientinfo.h"
#include "frame.h"
#include "ratelimiter.h"

#include <QString>

#include <array>
#include <memory>

namespace duplex::server {

struct Session;

/// One address's share (protocol limits per address, not per connection): its connections
/// open now, new connections, and one message bucket for all of them together.
struct AddressLimits {
    int connections = 0;
    TokenBucket connects;
    TokenBucket messages;
    qint64 lastSeenMs = 0;
};

class Peer;

/// Holds a peer's frames for a while, in order (the Redis broker, while the peer waits for a
/// `history` read from Redis: everything else for that peer goes out after it). Shared by
/// the peer and its holder, so neither outlives what it points to.
class PeerHold
{
public:
    virtual ~PeerHold() = default;
    /// Takes a frame that deliver() would have queued (the holder sends it later, with
    /// Peer::deliverNow, or drops it when the history it waits behind has it already).
    virtual void hold(const Frame &frame) = 0;
    /// What it holds and has not sent, in order, and forgets it (a takeover moves it to the
    /// new connection).
    virtual QList<Frame> takeHeld() = 0;
};

/// What a transport reports to the engine. A plain interface rather than signals: a signal
/// connection costs every connection ~100 bytes and a QObject ~150 more, and the engine
/// has thousands of them. A transport calls it and never calls into sessions or rooms.
class PeerObserver
{
public:
    /// One application message (a WebSocket text frame, a message of a poll's `send`).
    virtual void peerText(Peer *peer, const QByteArray &json) = 0;
    /// A binary frame (not part of the protocol).
    virtual void peerBinary(Peer *peer, const QByteArray &data) = 0;
    /// The peer passed its queued-bytes cap and takes nothing more. Called on a later pass
    /// of the event loop, never from inside Peer::deliver().
    virtual void peerStalled(Peer *peer, qint64 waiting) = 0;
    /// The transport refused the client's data and closed (WebSocket: 1009, 1002, 1007).
    virtual void peerRefused(Peer *peer, int code, const QString &reason) = 0;
    /// The connection is gone; peer->end() tells how. The engine deletes the peer later.
    virtual void peerEnded(Peer *peer) = 0;
    /// A control frame from the client (a WebSocket ping) within its rate limit? False: it
    /// is not answered. Called from inside the transport's reader: close nothing here.
    virtual bool peerPinged(Peer *peer)
    {
        (void)peer;
        return true;
    }

protected:
    ~PeerObserver() = default;
};

/// What every peer shares with the engine: the totals it adds to and the server-wide
/// delivery debt (the "server busy" rule).
struct PeerShared {
    ServerCounters counters;
    qint64 queuedTotal = 0; ///< every peer's queued bytes together
    /// Per transport: requests, messages and bytes on the wire, delivery latency (the
    /// lesson's figures; `clients` is counted when a snapshot is taken).
    std::array<TransportCounters, TransportCount> transports;
    TransportCounters &of(Transport t) { return transports[size_t(t)]; }
};

class Peer
{
public:
    enum class Kind { WebSocket, Poll };

    Peer(quint64 id, PeerShared *shared);
    virtual ~Peer();
    Peer(const Peer &) = delete;
    Peer &operator=(const Peer &) = delete;

    quint64 id() const { return m_id; }
    virtual Kind kind() const = 0;

    /// Queues one frame (a shared reference, no copy); it goes out on this pass of the
    /// event loop. False when the peer is closing: then nothing more goes out. Never
    /// closes the peer from inside (a fan-out may be iterating): a peer over its queue cap
    /// stops taking frames and reports it later (PeerObserver::peerStalled).
    bool deliver(const Frame &frame);
    /// deliver() past a hold (the holder sending what it held, in order).
    bool deliverNow(const Frame &frame);
    /// While set, deliver() hands every frame to the hold instead of queuing it.
    void setHold(std::shared_ptr<PeerHold> hold) { m_hold = std::move(hold); }
    PeerHold *hold() const { return m_hold.get(); }
    /// Closes from our side with a code and reason (kick, flood, takeover, shutdown...).
    /// What was queued before goes out first. The peer reports its end later.
    virtual void close(int code, const QString &reason) = 0;
    /// Drops the connection without a goodbye (timeout); reported like a lost connection.
    virtual void drop(const QString &why) = 0;
    /// Outgoing bytes the client has not taken yet.
    virtual qint64 queuedBytes() const = 0;
    /// Takes no more frames, forgets what is queued, and reports peerStalled on a later
    /// pass: what happens past the queue cap, and what the server does to the peers whose
    /// backlog makes it busy.
    virtual void stall() = 0;
    /// Keep-alive: a transport-level ping where the transport has one.
    virtual void ping() { }
    /// How the client talks to the server now.
    virtual Transport transport() const { return Transport::Push; }
    /// Takes away what was queued for the client and never reached it (WebSocket: not yet
    /// written; polling: not acknowledged), as JSON texts in order, for the peer that takes
    /// the session over. The peer sends none of it afterwards.
    virtual QList<QByteArray> takeUndelivered() { return {}; }
    /// Last time the client showed it is alive (a frame, a pong, a poll).
    qint64 lastSeenMs() const { return m_lastSeenMs; }
    void touch(qint64 nowMs) { m_lastSeenMs = nowMs; }

    bool closing() const { return m_closing; }
    /// Takes no more frames from now on (the server is stopping and closes it next).
    void stopDelivery() { m_closing = true; }
    bool hasEnded() const { return m_ended; }

    // --- what the engine keeps per peer --------------------------------------------------
    Session *session = nullptr; ///< set once welcomed; null again after a takeover
    TokenBucket bucket;
    bool rateLimitedReported = false; ///< one event per flood streak, not one per frame
    /// Its address's share, once counted in (null: loopback, or not limited per address).
    /// Held here so that a message costs no address lookup.
    std::shared_ptr<AddressLimits> address;
    ClientInfo info; ///< address, counters, handshake (not nick/rooms/end)
    /// The session's timeline (set once welcomed; kept after, so the end can be recorded).
    std::shared_ptr<ActivityLog> activity;
    quint64 activitySpan = 0; ///< this connection's open span (WebSocket), 0 when none

    /// nick once welcomed (or the nick it had), "address:port" before.
    QString label() const;
    /// "nick (address:port)" or "address:port", for sentences.
    QString who() const;
    /// A snapshot for observers: info plus the session's nick/rooms and the end record.
    ClientInfo snapshot() const;
    /// Copies what the session knew into info, so that the record still says who it was
    /// after the session is gone or moved to another peer.
    void keepIdentity();

    /// How it ended, told truthfully.
    struct End {
        EndKind kind = EndKind::Open;
        int code = 0;
        QString reason;
    };
    const End &end() const { return m_end; }

protected:
    /// Transport part of deliver(): queue the frame. False if it cannot take it.
    virtual bool enqueue(const Frame &frame) = 0;
    /// Records how it ended, once (the first reason wins).
    void setEnd(EndKind kind, int code, const QString &reason);
    void markEnded() { m_ended = true; }

    PeerShared *m_shared;
    bool m_closing = false;
    qint64 m_lastSeenMs = 0;

private:
    quint64 m_id;
    std::shared_ptr<PeerHold> m_hold;
    End m_end;
    bool m_ended = false;
};

/// "address:port", IPv4-mapped addresses shown as IPv4, IPv6 in brackets.
QString endpointText(const QHostAddress &address, quint16 port);

} // namespace duplex::server
