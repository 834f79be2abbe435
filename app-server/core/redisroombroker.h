// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Rooms shared by several server processes through Redis (`--redis`; docs/server-engine.md,
// "The Redis broker"). Members stay in a LocalRoomBroker of this process; room messages are
// ordered by one Lua script per message (seq, stream, publish) and delivered to the local
// members when the publication comes back, in seq order, gaps backfilled from the stream.

#include "localroombroker.h"
#include "redislink.h"

#include <QObject>

#include <map>
#include <memory>

namespace duplex::server {

class Engine;

class RedisRoomBroker final : public QObject, public RoomBroker
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

    // RoomBroker: members are this process's (the local broker).
    void ensure(const QString &room) override { m_local->ensure(room); }
    bool exists(const QString &room) const override { return m_local->exists(room); }
    bool contains(const QString &room, const Peer *peer) const override
    {
        return m_local->contains(room, peer);
    }
    int count(const QString &room) const override { return m_local->count(room); }
    bool isLarge(int count) const override { return m_local->isLarge(count); }
    bool join(const QString &room, Peer *peer, const QString &nick) override
    {
        return m_local->join(room, peer, nick);
    }
    bool leave(const QString &room, Peer *peer, const QString &nick, bool announce) override
    {
        return m_local->leave(room, peer, nick, announce);
    }
    void replace(const QString &room, Peer *from, Peer *to) override
    {
        m_local->replace(room, from, to);
    }
    int publish(const QString &room, const Frame &frame, const Peer *except) override
    {
        return m_local->publish(room, frame, except);
    }
    QStringList memberNicks(const QString &room, int max) const override
    {
        return m_local->memberNicks(room, max);
    }
    QList<QPair<QString, int>> roomCounts() const override { return m_local->roomCounts(); }
    void tick(qint64 nowMs) override { m_local->tick(nowMs); }

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

    std::unique_ptr<RedisLink> m_link;
    std::unique_ptr<LocalRoomBroker> m_local;
    Engine *m_engine = nullptr;
    QByteArray m_origin;
    std::map<QString, Order> m_order;
    qint64 m_viaRedis = 0;
};

} // namespace duplex::server
