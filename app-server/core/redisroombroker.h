// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Rooms shared by several server processes through Redis (`--redis`; docs/server-engine.md,
// "The Redis broker"). Members stay in a LocalRoomBroker of this process; room messages are
// ordered by one Lua script per message (seq, stream, publish) and delivered to the local
// members when the publication comes back, in seq order, gaps backfilled from the stream.

#include "localroombroker.h"
#include "redislink.h"
#include "sessionregistry.h"

#include <protocol.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace duplex::server {

class Engine;

class RedisRoomBroker final : public QObject, public RoomBroker, public SessionRegistry::Observer
{
    Q_OBJECT
public:
    explicit RedisRoomBroker(const QUrl &url, QObject *parent = nullptr);
    ~RedisRoomBroker() override;

    /// Binds to the engine (its peers, store and recorder) and connects to Redis.
    void attach(Engine *engine);
    RedisLink *link() const { return m_link.get(); }
    /// A random id of this process (its publications carry it).
    QByteArray origin() const { return m_origin; }
    /// Room messages delivered here that came through Redis.
    qint64 messagesViaRedis() const { return m_viaRedis; }

    /// A `say` through Redis: the sender gets its copy (with `re`) when the publication
    /// comes back, in the room's order; a resend within the dedup window gets its first
    /// copy again (dup); Redis down or an error: `internal`.
    void say(Peer *p, const QString &room, const QString &id, const QString &text, qint64 now);

    // --- sessions and nick leases (redisroombroker_sessions.cpp) ------------------------
    bool isUp() const { return m_link->isUp(); }
    enum class Claim {
        Ok,     ///< the lease on the nick key is this session's
        Taken,  ///< a session of a live process holds it
        Failed, ///< Redis down or an error: nothing is known
    };
    /// Asks Redis for the lease on a nick key for the session with that token (atomic: of
    /// two processes claiming one key at once, one gets Ok, the other Taken). `done` is
    /// called later, never from inside this call.
    void claimNick(const QString &key, const QString &token, std::function<void(Claim)> done);
    /// Gives the lease back (if it is still that session's here).
    void releaseNick(const QString &key, const QString &token);
    /// A session found in Redis by its resume token and moved to this process (its lease
    /// and key say so now): where it was, whether that process is alive.
    struct Taken {
        Claim result = Claim::Failed; ///< Ok: found and moved; Taken: unknown or its nick held
        QString nick;
        QString key;
        QStringList rooms;
        QByteArray origin; ///< the process that had it
        bool originAlive = false;
    };
    /// Looks the resume token up in Redis and, in one script, moves the session here.
    void takeSession(const QString &token, std::function<void(const Taken &)> done);
    /// Tells the process that had the session to let go of it (close its connection with
    /// 4000 if it still has one, forget it).
    void forgetElsewhere(const QString &token, const QByteArray &origin);
    // SessionRegistry::Observer: the session's key and lease in Redis follow it.
    void sessionChanged(Session *s) override;
    void sessionRemoved(Session *s) override;

    // --- the cluster (redisroombroker_cluster.cpp) ----------------------------------------
    /// A notice to everyone or a room: the other processes deliver it to their clients.
    void relayNotice(const proto::server::Notice &notice);
    struct Process {
        QByteArray origin;
        QString name;
        int clients = 0;
        qint64 messagesViaRedis = 0;
        bool self = false;
    };
    /// This process and every other one seen within the keep-alive time.
    QList<Process> processes() const;

    // RoomBroker: members are this process's (the local broker); counts, member lists and
    // the room list add the other processes' members.
    void ensure(const QString &room) override { m_local->ensure(room); }
    bool exists(const QString &room) const override;
    bool contains(const QString &room, const Peer *peer) const override
    {
        return m_local->contains(room, peer);
    }
    int count(const QString &room) const override;
    bool isLarge(int count) const override { return m_local->isLarge(count); }
    bool join(const QString &room, Peer *peer, const QString &nick) override;
    bool leave(const QString &room, Peer *peer, const QString &nick, bool announce) override;
    void replace(const QString &room, Peer *from, Peer *to) override
    {
        m_local->replace(room, from, to);
    }
    int publish(const QString &room, const Frame &frame, const Peer *except) override
    {
        return m_local->publish(room, frame, except);
    }
    QStringList memberNicks(const QString &room, int max) const override;
    QList<QPair<QString, int>> roomCounts() const override;
    void tick(qint64 nowMs) override;

Q_SIGNALS:
    void stateChanged(bool up);

private:
    struct Incoming {
        qint64 seq = 0;
        QByteArray epoch;
        QByteArray origin;
        quint64 peer = 0;
        QByteArray body;
    };
    struct Order {
        qint64 last = -1; ///< the highest seq delivered here (-1: not read yet)
        QByteArray epoch;
        bool backfilling = false;
        std::map<qint64, Incoming> pending; ///< arrived ahead of a gap
    };
    void onMessage(const QByteArray &channel, const QByteArray &payload);
    Order &order(const QString &room);
    void accept(const QString &room, Incoming in);
    void drain(const QString &room);
    void backfill(const QString &room);
    void deliver(const QString &room, const Incoming &in);

    /// What another process last said about itself.
    struct Remote {
        QString name;
        int clients = 0;
        qint64 messagesViaRedis = 0;
        QHash<QString, QStringList> members; ///< room -> member nicks
        qint64 seenMs = 0;
    };
    void startCluster();
    void onControl(const QByteArray &payload);
    void sendControl(const QByteArray &kind, const QByteArray &json);
    /// Our state goes out on the next turn of the event loop (and once a second anyway).
    void stateSoon();
    void sendState();
    void presence(const QString &room, const QString &nick, bool joined);

    // Sessions (redisroombroker_sessions.cpp).
    void addSessionScripts();
    /// Once a second: this process's liveness key, and a tenth of the sessions' keys and
    /// leases kept alive.
    void sessionBeat();
    /// After a (re)connect: liveness, then every session's lease and key written again
    /// (a Redis that lost its data).
    void reassertSessions();
    void flushSessions();
    /// The token's key (`put`); ttlMs 0: as the session is now (sessionTtlMs).
    void writeSession(const Session *s, qint64 ttlMs = 0);
    /// A `forget` from the process that took one of our sessions over.
    void onForget(const QString &token);
    qint64 sessionTtlMs(const Session *s) const;

    std::unique_ptr<RedisLink> m_link;
    std::unique_ptr<LocalRoomBroker> m_local;
    Engine *m_engine = nullptr;
    QByteArray m_origin;
    std::map<QString, Order> m_order;
    qint64 m_viaRedis = 0;
    std::map<QByteArray, Remote> m_remotes;
    QTimer m_beat;
    bool m_stateQueued = false;
    QSet<QString> m_dirty; ///< tokens whose key is written on the next turn
    bool m_flushQueued = false;
    quint64 m_beats = 0;
    /// Releases (key, "still ours" prefix) that waited for Redis to come back.
    QList<QPair<QByteArray, QByteArray>> m_unreleased;
};

} // namespace duplex::server
