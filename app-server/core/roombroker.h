// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Rooms: who is in which room, and delivering one frame to a room. An interface, so that a
// broker that shares rooms between server processes (Redis) can stand beside the local
// one; the engine only ever talks to this. No sockets, no JSON.

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace duplex::server {

class Frame;
class Peer;

class RoomBroker
{
public:
    virtual ~RoomBroker() = default;

    /// Makes the room known (rooms with history are listed even when empty).
    virtual void ensure(const QString &room) = 0;
    virtual bool exists(const QString &room) const = 0;
    virtual bool contains(const QString &room, const Peer *peer) const = 0;
    /// Members now (0 for an unknown room).
    virtual int count(const QString &room) const = 0;
    /// More members than this make a room large (protocol-v1.md, "Large rooms").
    virtual bool isLarge(int count) const = 0;

    /// Adds the welcomed peer and tells the others (a `presence` join, or in a large room a
    /// `count` later). False when it was a member already.
    virtual bool join(const QString &room, Peer *peer, const QString &nick) = 0;
    /// Removes the peer; when `announce`, tells the others (presence leave or a count).
    /// False when it was not a member.
    virtual bool leave(const QString &room, Peer *peer, const QString &nick, bool announce) = 0;
    /// Puts `to` in the place of `from` without telling anyone (a session taken over).
    virtual void replace(const QString &room, Peer *from, Peer *to) = 0;

    /// Delivers the frame to every member but `except`. Returns how many took it.
    virtual int publish(const QString &room, const Frame &frame, const Peer *except) = 0;

    /// Up to `max` member nicks, sorted case-insensitively.
    virtual QStringList memberNicks(const QString &room, int max) const = 0;
    /// Every known room, sorted by name, with its member count.
    virtual QList<QPair<QString, int>> roomCounts() const = 0;

    /// Housekeeping once a second or so: the large rooms' `count` presences.
    virtual void tick(qint64 nowMs) = 0;

    /// Answers a `history` request itself, later (a broker that reads it from a store shared
    /// by several processes: Redis); `join`: the history that follows `joined`. False: the
    /// caller answers from its own store, now.
    virtual bool answerHistory(Peer *peer, const QString &room, const QString &re,
                               std::optional<qint64> before, std::optional<qint64> after, int limit,
                               bool join)
    {
        (void)peer, (void)room, (void)re, (void)before, (void)after, (void)limit, (void)join;
        return false;
    }
};

} // namespace duplex::server
