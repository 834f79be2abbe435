// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The engine's facade: one port speaking protocol v1 (WebSocket, and plain HTTP beside
// it). It builds the parts (listener, peers, session registry, room broker, handlers; see
// docs/server-engine.md) and keeps the API the window, the headless mode and the tests use.
// No widgets. API contract with its observers: add to it freely, do not rename or remove.

#include "classcontrol.h"
#include "clientinfo.h"
#include "engineevents.h"
#include "serverconfig.h"
#include "wirelog.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace duplex::server {

class HistoryStore;
class RoomBroker;
class TrafficLog;

class ChatServer final : public EngineEvents
{
    Q_OBJECT
public:
    /// history and traffic are not owned and may be null (history null: an in-memory store
    /// of its own; traffic null: nothing is logged).
    ChatServer(ServerConfig config, HistoryStore *history, TrafficLog *traffic,
               QObject *parent = nullptr);
    /// The same with rooms in a broker that is not owned (shared with other engines: every
    /// engine's members of a room receive what any of them publishes). Engines that share a
    /// broker share a HistoryStore too, so that each room has one seq.
    ChatServer(ServerConfig config, HistoryStore *history, TrafficLog *traffic, RoomBroker *rooms,
               QObject *parent = nullptr);
    ~ChatServer() override;

    /// Starts listening. Port 0 picks a free port; see port(). False + errorString() on failure.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /// Stops accepting and closes every client with 1001 (going away).
    void stop();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;

    const ServerConfig &config() const;
    void setName(const QString &name);

    // --- operator actions ---------------------------------------------------------------
    /// Pushes a `notice` (from "server"). Returns how many clients it was sent to.
    int sendNotice(const QString &text, const NoticeTarget &target = {});
    /// Closes that client with 4001 and the reason. False if there is no such client.
    /// Its session ends for good (the resume token is void) and its nick and address are
    /// banned for the default ban period (setBanPeriod(); 0 = no ban).
    bool kick(quint64 clientId, const QString &reason);
    /// The same with this ban period (ms; 0 = no ban).
    bool kick(quint64 clientId, const QString &reason, qint64 banMs);
    /// Ends that HTTP polling session as its peer timeout would (dropped; the session stays
    /// resumable for the grace period): its held or next poll gets 409 session_gone. False
    /// if it is not a live poll session. For tests: an expiry without a wait or a restart.
    bool expirePollSession(quint64 clientId);

    // --- class control (protocol-v1.md "Class control"; chatserver_class.cpp) ----------
    /// The join code new sessions need (compared case-insensitively, whitespace ignored;
    /// empty: none).
    void setJoinCode(const QString &code);
    QString joinCode() const;
    /// The ban period of kick(id, reason) (ms; 0 = none).
    void setBanPeriod(qint64 ms);
    qint64 banPeriod() const;
    QList<BanInfo> bans() const;
    /// Lifts one ban (BanInfo::id). False when there is no such ban (any more).
    bool liftBan(quint64 banId);
    /// A muted nick's say and whisper get `error muted` (the mute follows a nick change).
    void setMuted(const QString &nick, bool muted);
    bool isMuted(const QString &nick) const;
    /// A locked server refuses new sessions (error locked, close 4002); resumes work.
    void lockServer(bool locked);
    bool isServerLocked() const;
    /// A locked room refuses new joins (error room_locked).
    void lockRoom(const QString &room, bool locked);
    /// One message per `seconds` per member in the room (0: off).
    void setSlowMode(const QString &room, int seconds);
    /// Nicks no student can take, in any letter case (besides server and system).
    void setReservedNicks(const QStringList &nicks);
    /// Nicks held for dropped sessions waiting for their resume.
    QList<HeldNick> heldNicks() const;
    /// Ends the dropped session holding that nick (its token is void, the nick free).
    /// False when no dropped session holds it (a connected one is kicked instead).
    bool releaseHeldNick(const QString &nick);
    ClassControlState classControlState() const;

    // --- observation (snapshots; cheap enough to call a few times a second) -------------
    QList<ClientInfo> clients() const;
    std::optional<ClientInfo> client(quint64 clientId) const;
    QList<RoomInfo> rooms() const;
    ServerCounters counters() const;
    /// Open connections now (welcomed or not); same as counters().clients.
    int clientCount() const;

    // --- the push-vs-polling lesson (protocol-v1-http.md) --------------------------------
    /// Tells every client that supports it to switch (the `transport` message) and makes
    /// it the mode new clients are told in their welcome flow. Emits classTransportChanged.
    void setClassTransport(const ClassTransport &transport);
    ClassTransport classTransport() const;
    /// The figures of GET /v1/stats and the lesson panel, now.
    TransportFigures transportFigures() const;
    /// The recent connection timeline of that client's session (empty if unknown).
    ClientActivity activity(quint64 clientId) const;

    // --- the wire tap (frame X-ray; off by default, no cost when off) -------------------
    /// Taps every connection (new ones from their first byte, open ones from their next
    /// frame), or only those chosen with setWireTap().
    void setWireTapAll(bool on);
    bool wireTapAll() const;
    /// Taps one client's connection from its next frame (or stops).
    void setWireTap(quint64 clientId, bool on);
    bool isWireTapped(quint64 clientId) const;
    /// Where the tap's records go (thread-safe; the window reads it). By default a log of
    /// the server's own; log (not owned) must outlive this object.
    WireLog *wireLog() const;
    void setWireLog(WireLog *log);
    WireTapStats wireTapStats() const;

    // --- several processes (--redis, issue 17) ------------------------------------------
    struct ClusterState {
        bool enabled = false;        ///< started with --redis
        bool up = false;             ///< both connections to Redis are up
        QString address;             ///< HOST:PORT of Redis
        qint64 messagesViaRedis = 0; ///< room messages delivered here through Redis
        struct Node {
            QString name;
            int clients = 0;
            qint64 messagesViaRedis = 0;
            bool self = false;
        };
        QList<Node> nodes; ///< this process first, then every other one seen lately
    };
    ClusterState clusterState() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace duplex::server
