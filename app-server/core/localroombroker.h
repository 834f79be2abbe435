// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "roombroker.h"

#include <QHash>
#include <QSet>

#include <map>
#include <vector>

namespace duplex::server {

class TrafficRecorder;

/// Rooms in this process: members in a flat vector (fan-out iterates it) with an index for
/// O(1) removal. Several engines in one process may share one (tests rehearse the Redis
/// broker that way).
class LocalRoomBroker final : public RoomBroker
{
public:
    /// recorder (may be null) logs the presence fan-outs this broker sends by itself.
    LocalRoomBroker(int largeRoomThreshold, TrafficRecorder *recorder);

    void ensure(const QString &room) override;
    bool exists(const QString &room) const override;
    bool contains(const QString &room, const Peer *peer) const override;
    int count(const QString &room) const override;
    bool isLarge(int count) const override { return count > m_largeRoomThreshold; }
    bool join(const QString &room, Peer *peer, const QString &nick) override;
    bool leave(const QString &room, Peer *peer, const QString &nick, bool announce) override;
    void replace(const QString &room, Peer *from, Peer *to) override;
    int publish(const QString &room, const Frame &frame, const Peer *except) override;
    QStringList memberNicks(const QString &room, int max) const override;
    QList<QPair<QString, int>> roomCounts() const override;
    void tick(qint64 nowMs) override;

private:
    struct Room {
        std::vector<Peer *> members;
        QHash<const Peer *, qsizetype> index;
        int lastCountSent = -1; ///< large rooms: the last `count` presence sent
        qint64 lastCountSentMs = 0;
    };
    Room *find(const QString &room);
    const Room *find(const QString &room) const;
    void announce(const QString &room, Room &r, const QString &nick, bool joined,
                  const Peer *except, int countBefore);

    int m_largeRoomThreshold;
    TrafficRecorder *m_recorder;
    std::map<QString, Room> m_rooms; // sorted, stable addresses
    QSet<QString> m_dirtyCounts;     // large rooms whose count changed
};

} // namespace duplex::server
