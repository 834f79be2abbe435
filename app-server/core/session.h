// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The engine's private bookkeeping: one Connection per socket, one Session per logical
// user (survives a drop for the resume grace period), one Room per room name.
// Used only by chatserver.cpp; plain structs, no signals.

#include "clientinfo.h"
#include "ratelimiter.h"

#include <QHash>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QWebSocket>

#include <deque>
#include <vector>

namespace duplex::server {

struct Session;

/// One WebSocket connection.
struct Connection {
    quint64 id = 0;
    QWebSocket *socket = nullptr; ///< owned: deleteLater() when the connection goes
    /// The QWebSocket's device (the QTcpSocket we accepted): our frames are written to it
    /// directly, already framed, so one broadcast is encoded once, not once per recipient.
    QPointer<QTcpSocket> tcp;
    /// Complete frames not yet handed to tcp, in order. Shared with every other recipient
    /// of the same broadcast (refcounted, never copied per connection).
    std::deque<QByteArray> outQueue;
    qint64 outQueuedBytes = 0;  ///< bytes in outQueue
    bool flushListed = false;   ///< already in the server's to-flush list this pass
    ClientInfo info;            ///< counters, handshake, end (nick/rooms come from session)
    QString label;              ///< nick once welcomed, "address:port" before
    Session *session = nullptr; ///< set once welcomed; null again after a takeover
    TokenBucket bucket;
    qint64 lastSeenMs = 0;            ///< last frame or pong from the peer (keep-alive)
    bool rateLimitedReported = false; ///< one event per flood streak, not one per frame

    // How it ends, told truthfully. Qt's closeCode() says 1000 even after a reset, so we
    // record what we did and whether the peer's close frame really arrived.
    bool closing = false; ///< we started a close: send nothing more
    bool closeFrameReceived = false;
    EndKind endKind = EndKind::Open;
    int endCode = 0;
    QString endReason;
    bool ended = false; ///< disconnect already handled
};

/// A logical user: nick and rooms, resumable for the grace period after a drop.
struct Session {
    QString token; ///< resume token (random, 128 bits, hex)
    QString nick;
    QString key; ///< proto::nickKey(nick)
    QString agent;
    QStringList rooms;          ///< in join order
    Connection *conn = nullptr; ///< null while detached (dropped, waiting for resume)
    qint64 detachedAtMs = 0;
};

/// A room: members in a flat vector (fan-out iterates it) with an index for O(1) removal.
struct Room {
    QString name;
    std::vector<Connection *> members;
    QHash<Connection *, qsizetype> index;
    int lastCountSent = -1; ///< large rooms: the last `count` presence sent

    int count() const { return int(members.size()); }
    bool contains(Connection *c) const { return index.contains(c); }
    void add(Connection *c)
    {
        if (index.contains(c))
            return;
        index.insert(c, qsizetype(members.size()));
        members.push_back(c);
    }
    void remove(Connection *c)
    {
        const auto it = index.find(c);
        if (it == index.end())
            return;
        const qsizetype pos = it.value();
        index.erase(it);
        Connection *last = members.back();
        members.pop_back();
        if (last != c) {
            members[size_t(pos)] = last;
            index[last] = pos;
        }
    }
    void replace(Connection *from, Connection *to)
    {
        const auto it = index.find(from);
        if (it == index.end())
            return;
        const qsizetype pos = it.value();
        index.erase(it);
        members[size_t(pos)] = to;
        index.insert(to, pos);
    }
};

} // namespace duplex::server
