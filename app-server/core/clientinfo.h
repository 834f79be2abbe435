// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Plain records the engine (ChatServer) hands to observers (models, the window, logs).
// They are snapshots: copying them is cheap and they never point into the engine.

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include "transportstats.h"

namespace duplex::server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// The WebSocket opening handshake of one connection: the request head as it arrived and
/// the 101 response as it left (both captured from the socket, so the window shows the
/// real bytes). Implicitly shared: copying a ClientInfo does not copy them.
struct HandshakeInfo {
    QByteArray request;  ///< request line + headers + blank line, as received
    QByteArray response; ///< the 101 response head, as sent
    /// True when the bytes above were not captured and had to be rebuilt from what
    /// QWebSocket exposes (the window then says so).
    bool reconstructed = false;

    QString requestLine() const;        ///< e.g. "GET / HTTP/1.1"
    HeaderList requestHeaders() const;  ///< in order, names as sent
    QString responseStatusLine() const; ///< "HTTP/1.1 101 Switching Protocols"
    HeaderList responseHeaders() const;
};

/// Splits an HTTP head into its first line and its headers (names as sent, values trimmed).
HeaderList splitHttpHead(QByteArrayView head, QString *firstLine);

/// How a connection ended, told truthfully (Qt reports 1000 even after a TCP reset).
enum class EndKind {
    Open,           ///< still connected
    ClosedCleanly,  ///< a close frame arrived from the peer (closeCode/closeReason valid)
    ClosedByServer, ///< we closed it (kick, flood, too big, too slow, full, shutdown, takeover)
    Dropped,        ///< reset, timeout or no close frame
};

/// One connection, as the clients panel shows it.
struct ClientInfo {
    quint64 id = 0; ///< unique per connection for the server's lifetime
    QString nick;   ///< empty until welcomed
    /// The session it carries (Session::id): the same across a resume or a transport
    /// switch, new after a leave even for the same nick; 0 until welcomed.
    quint64 sessionId = 0;
    QHostAddress address;
    quint16 port = 0;
    QString agent;
    QStringList rooms;
    QDateTime connectedSince;
    qint64 framesIn = 0;
    qint64 framesOut = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    int rttMs = -1;         ///< last WebSocket ping round trip; -1 unknown
    qint64 queuedBytes = 0; ///< outgoing bytes not yet taken by the kernel (slow reader)
    bool welcomed = false;
    Transport transport = Transport::Push; ///< how it talks to the server now
    HandshakeInfo handshake;
    EndKind end = EndKind::Open;
    int closeCode = 0;
    QString closeReason;
    /// Empty: a connection of this server. Otherwise the name of the other server of the
    /// cluster (--redis) that holds it: only nick, address, rooms and since are known.
    QString server;
};

/// One room, as the rooms panel shows it.
struct RoomInfo {
    QString name;
    QStringList members; ///< nicks (for huge rooms the first 1000 only)
    int count = 0;
};

/// Monotonic totals since start; ServerStats turns them into rates.
struct ServerCounters {
    int clients = 0;       ///< connections open now
    quint64 framesIn = 0;  ///< application frames received
    quint64 framesOut = 0; ///< frames written (a fan-out to N counts N)
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 messagesStored = 0; ///< room messages stored
    quint64 connectionsTotal = 0;
    quint64 rateLimited = 0;         ///< rate_limited errors sent
    quint64 slowDisconnects = 0;     ///< closed 1008 "too slow"
    quint64 floodDisconnects = 0;    ///< closed 1008 for flooding
    quint64 oversizeDisconnects = 0; ///< closed 1009
    quint64 errorsSent = 0;
    quint64 busyRefusals = 0; ///< say/whisper refused because the server was busy
    /// Closes we started (1008, 1009, 1001, ...), after the close frame: the peer closed its
    /// side in time (it had the frame), or it did not within the grace period (cut off).
    quint64 closesAnswered = 0;
    quint64 closesUnanswered = 0;
    int closesPending = 0;  ///< still waiting for the peer to close its side
    qint64 queuedBytes = 0; ///< bytes queued for every client together (ours, not Qt's)
    quint64 heapTrims = 0;  ///< free heap pages handed back to the kernel (heaptrim.h)
    qint64 heapTrimUs = 0;  ///< how long the last of them took (microseconds)
};

} // namespace duplex::server

// Queued across threads (ServerHost): declared here, before any signal uses them.
Q_DECLARE_METATYPE(duplex::server::ClientInfo)
Q_DECLARE_METATYPE(duplex::server::RoomInfo)
Q_DECLARE_METATYPE(duplex::server::ServerCounters)
