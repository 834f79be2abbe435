// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// One WebSocket client connection on its bare TCP socket: the frame reader (ours, over
// the socket's bytes), the shared-frame queue, the pump that writes it (coalesced, whole
// frames only), the slow-reader cap, keep-alive, the closing handshake and the truthful
// record of how it ended. It knows nothing of sessions, rooms or handlers: it reports to its
// PeerObserver, and the engine reacts.

#include "directsocket.h"
#include "peer.h"

#include <framereader.h>

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <QList>

#include <array>
#include <vector>

namespace duplex::server {

class WsConnection;

/// Writes every connection with queued frames once per pass of the event loop: a pass
/// that fans out many messages writes each socket once with all of them. One per engine.
class FlushScheduler final : public QObject
{
public:
    using QObject::QObject;
    ~FlushScheduler() override;
    void schedule(WsConnection *c);
    void forget(WsConnection *c);

private:
    void flushAll();
    std::vector<WsConnection *> m_list;
    bool m_posted = false;

public:
    /// Closing connections whose socket we keep reading (and discarding) until the peer
    /// closes: at most this many at once, beyond that they are closed at once.
    int lingering = 0;
    static constexpr int MaxLingering = 1024;
};

/// Not a QObject (see PeerObserver): its socket's signals are connected with the socket as
/// context, so they go with it.
class WsConnection final : public Peer, private ws::FrameSink
{
public:
    struct Limits {
        qint64 maxBytes = 64 * 1024;             ///< per incoming frame and message
        qint64 maxQueuedBytes = 4 * 1024 * 1024; ///< slow reader cap
    };

    /// Takes ownership of tcp, an upgraded socket (the 101 written): what it holds unread is
    /// the client's first frames.
    WsConnection(quint64 id, QTcpSocket *tcp, Limits limits, PeerShared *shared,
                 FlushScheduler *flush, PeerObserver *observer, qint64 nowMs);
    ~WsConnection() override;

    Kind kind() const override { return Kind::WebSocket; }
    void close(int code, const QString &reason) override;
    void drop(const QString &why) override;
    qint64 queuedBytes() const override;
    void stall() override;
    void ping() override;
    QList<QByteArray> takeUndelivered() override;

    QTcpSocket *tcp() const { return m_tcp; }
    /// Closes an upgraded socket that never becomes a connection (server full, shutting
    /// down): `before` (whole frames) and a close frame, then the socket goes. owner deletes
    /// it if the socket outlives the engine.
    static void refuse(QTcpSocket *tcp, int code, const QString &reason, const QByteArray &before,
                       QObject *owner);
    /// Writes queued frames while the socket holds less than the low watermark; `all`
    /// ignores the watermark (before a close, so nothing queued is lost).
    void pump(bool all);

protected:
    bool enqueue(const Frame &frame) override;

private:
    void onReadyRead();
    // ws::FrameSink: what the reader found.
    void frameMessage(bool text, QByteArray &&payload, qint64 wireBytes) override;
    void framePing(QByteArray &&payload) override;
    void framePong(QByteArray &&payload) override;
    void frameClose(int code, QString &&reason) override;
    void frameError(int code, const QString &reason) override;
    /// A control frame of ours, written now (not queued: the socket is always at a frame
    /// boundary between our writes, and it counts in queuedBytes() like everything else).
    void sendControl(ws::Opcode opcode, QByteArrayView payload);
    void onDisconnected();
    void dropQueue();
    void armAbort();
    /// After our close frame: keep the TCP connection readable (a duplicate descriptor)
    /// after we close Qt's socket, read and discard until the peer closes or CloseGraceMs, and
    /// half-close (FIN) once Qt has written everything. Without it, a peer still sending
    /// gets a TCP reset, which discards our close frame (the peer sees 1006).
    void linger();
    /// Disconnects exactly our slots from the socket (not Qt's own connections).
    void unlink();
    /// The lesson's figures for frames handed to the socket now.
    void countIn(qint64 payload);
    void wrote(qint64 bytes, const QList<qint64> &stored, qsizetype from, qsizetype count);

    QPointer<QTcpSocket> m_tcp;
    FlushScheduler *m_flush;
    PeerObserver *m_observer;
    std::array<QMetaObject::Connection, 3> m_links;
    ws::FrameReader m_reader;
    qint64 m_maxQueuedBytes;
    qint64 m_pingSentMs = 0; ///< our last ping (the pong's round trip), 0: none yet
    /// Complete frames not yet handed to the socket, in order, shared with every other
    /// recipient of the same broadcast (refcounted, never copied per connection). A QList:
    /// O(1) at both ends in Qt 6, and nothing allocated while empty (an empty std::deque
    /// holds ~600 bytes, which every idle connection would pay).
    QList<QByteArray> m_queue;
    /// Beside m_queue, frame by frame: when the room message was stored (0: not one).
    QList<qint64> m_stored;
    qint64 m_queued = 0;
    bool m_flushListed = false;
    bool m_pumping = false; ///< inside pump(): bytesWritten must not re-enter it

    friend class FlushScheduler;
};

} // namespace duplex::server
