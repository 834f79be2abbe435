// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The engine's shared state and the few operations every part needs (send to a peer,
// enter and leave rooms, end a session, close a peer, rate limits). The handlers
// (chathandlers.*) and the connection lifecycle (chatserver.cpp) are built on it; it
// knows no socket and no handler.

#include "classcontrol.h"
#include "engineevents.h"
#include "eventlog.h"
#include "peer.h"
#include "roombroker.h"
#include "serverconfig.h"
#include "sessionregistry.h"
#include "trafficrecorder.h"

#include <protocol.h>

#include <QCoreApplication>
#include <QHash>

#include <memory>
#include <unordered_map>

namespace duplex::server {

class HistoryStore;
class RedisRoomBroker;

class Engine
{
    // The sentences keep the context they always had, so the catalogs still match.
    Q_DECLARE_TR_FUNCTIONS(duplex::server::ChatServer)

public:
    /// history: not owned (null: an in-memory store of its own). broker: not owned (null:
    /// a LocalRoomBroker of its own). events: the facade that emits the engine's signals.
    Engine(ServerConfig config, HistoryStore *history, TrafficLog *traffic, RoomBroker *broker,
           EngineEvents *events);
    ~Engine();

    ServerConfig config;
    HistoryStore *store = nullptr;
    TrafficRecorder recorder;
    EngineEvents *events;
    PeerShared shared;
    SessionRegistry sessions;
    RoomBroker *rooms = nullptr;
    /// With --redis: the broker that orders room messages through Redis (also `rooms`).
    RedisRoomBroker *redis = nullptr;
    ClassControl control; ///< join code, bans, mutes, locks, slow mode, reserved nicks
    /// Every open peer by id (not owned: the lifecycle code creates and deletes them).
    std::unordered_map<quint64, Peer *> peers;
    quint64 nextId = 1;
    /// stop(): everyone is being closed (with --redis their sessions stay resumable on the
    /// other servers of the cluster).
    bool shuttingDown = false;
    bool busyReported = false; ///< one event per busy streak
    /// What the teacher chose for the class (protocol-v1-http.md): told to every client.
    ClassTransport classTransport;

    Peer *find(quint64 id) const;

    // --- sending ---------------------------------------------------------------------
    void send(Peer *p, const proto::ServerMessage &m);
    void sendError(Peer *p, proto::ErrorCode code, const QString &re, const QString &message = {});

    /// Tells the client which transport the class uses: a `transport` message over
    /// WebSocket, the `transport` field of the next poll responses over polling.
    void tellTransport(Peer *p);
    /// The peer is now the session's: its timeline continues there (a WebSocket opens a
    /// span that its end closes).
    void attachActivity(Peer *p);
    /// Closes the peer's open span (it ended).
    void closeActivity(Peer *p);
    /// At a takeover: what the old peer never got to its client goes to the new one first.
    void moveUndelivered(Peer *from, Peer *to);

    // --- rooms and sessions ----------------------------------------------------------
    /// Adds the welcomed peer to the room (announcing it); no replies. False if it was in.
    bool enterRoom(Peer *p, const QString &room);
    /// Removes the peer from the room (announcing it); the session's list is the caller's.
    void exitRoom(Peer *p, const QString &room, const QString &nick);
    /// Keeps what the room was told (a join, leave, nick change or notice) for its
    /// transcript: HistoryStore::recordEvent (buffered, capped under churn).
    void recordEvent(RoomEvent::Kind kind, const QString &room, const QString &nick,
                     const QString &text = {}, const QString &to = {});
    /// `joined` then `history` for one room, both carrying `re`.
    void sendJoined(Peer *p, const QString &room, const QString &re);
    /// Takes the peer out of its session's rooms. endSession: forget the session (clean
    /// close, kick...); otherwise keep it resumable for the grace period.
    void detachSession(Peer *p, bool endSession);

    // --- closing and limits ----------------------------------------------------------
    /// We close the peer: its session ends (except after a takeover, which moved it away
    /// first), then the peer says goodbye with code and reason.
    void closePeer(Peer *p, int code, const QString &reason);
    /// Rate limit and flood check for one inbound message. False when it must be dropped.
    bool admit(Peer *p, const QString &re);
    /// The same for a control frame (a WebSocket ping from the client): one token, but no
    /// error frame when refused (its pong is dropped). Flooding closes 1008 on a later pass.
    bool admitControl(Peer *p);
    /// A reply of `bytes` (history) costs one token per HistoryBytesPerToken on the peer's
    /// and its address's bucket, taken after it was sent (the buckets may go into debt).
    void chargeBytes(Peer *p, qint64 bytes);
    static constexpr qint64 HistoryBytesPerToken = 16 * 1024;
    /// Server busy (ServerConfig::maxQueuedBytesTotal): first the peers that cause it are
    /// closed (shedOffenders); if that is not enough, refuses a say/whisper. The sender
    /// learns it; nothing is stored or fanned out. One event per streak.
    bool refuseIfBusy(Peer *p, const QString &re);
    /// Stalls the peers whose backlog makes the server busy, biggest first, until the
    /// total is under `target`.
    void shedOffenders(qint64 target);

    /// Per-address admission of a new connection: false (and why) when the address has
    /// too many open or opens them too fast. Counts it in when admitted.
    bool admitConnection(Peer *p, QString *why);
    /// The peer is gone: its address has one connection less.
    void releaseConnection(Peer *p);
    /// Forgets addresses with no connection that have been quiet for a while.
    void pruneAddresses(qint64 nowMs);

    static qint64 nowMs();

private:
    /// Flooded past 5x the burst: counted, logged, closed 1008 "flooding".
    void closeFlooder(Peer *p);
    /// The share of the peer's address (created on first use), or null when loopback is
    /// not limited.
    std::shared_ptr<AddressLimits> limitsFor(const Peer *p);

    QHash<QString, std::shared_ptr<AddressLimits>> m_addresses; // address text -> share
    std::unique_ptr<HistoryStore> m_ownStore;
    std::unique_ptr<RoomBroker> m_ownRooms;
};

} // namespace duplex::server
