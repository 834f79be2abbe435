// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// One HTTP polling session (protocol-v1-http.md, "HTTP polling transport"): a mailbox of
// numbered messages kept until the client acknowledges them, and at most one held (long)
// poll waiting for the next message. A Peer like a WebSocket connection: rooms, presence,
// notices and kicks reach it through deliver()/close(). It knows nothing of sessions or
// rooms: the engine feeds it the requests (chatserver_poll.cpp) and it reports its end to
// its PeerObserver on a later pass of the event loop.

#include "httprouter.h"
#include "peer.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace duplex::server {

class PollPeer final : public Peer
{
public:
    struct Limits {
        qint64 maxQueuedBytes = 4 * 1024 * 1024; ///< unacknowledged bytes: the slow-reader cap
    };
    PollPeer(quint64 id, const QHostAddress &address, quint16 port, Limits limits,
             PeerShared *shared, PeerObserver *observer, qint64 nowMs);
    ~PollPeer() override;

    Kind kind() const override { return Kind::Poll; }
    Transport transport() const override { return m_mode; }
    void close(int code, const QString &reason) override;
    void drop(const QString &why) override;
    qint64 queuedBytes() const override { return m_queued; }
    void stall() override;
    QList<QByteArray> takeUndelivered() override;

    /// A poll arrived with this `wait`: the client is on short polls (0) or long polls.
    void setMode(Transport mode) { m_mode = mode; }
    Transport mode() const { return m_mode; }
    /// Forgets every message up to n (the client has them).
    void ack(qint64 n);
    /// Messages waiting (not acknowledged; some may have been sent already).
    bool hasMessages() const { return !m_mailbox.isEmpty(); }
    /// Messages never sent in a response yet.
    bool hasNew() const { return !m_mailbox.isEmpty() && m_mailbox.constLast().n > m_sentUpTo; }

    /// The `transport` field of the next responses, until a poll shows the client switched
    /// (null: none).
    void setWanted(std::optional<ClassTransport> wanted) { m_wanted = wanted; }
    /// A `transport` field is due (the client has not switched yet).
    bool switchDue() const;
    /// Answers a held poll now (a newer poll of the same session arrived).
    void answerHeld();

    /// Answers a poll now with everything unacknowledged: counts the request (requestBytes
    /// on the wire) and the response, and the latency of first deliveries. False when the
    /// client was gone.
    bool answer(const http::Router::Reply &reply, const QString &token, qint64 requestBytes,
                int messagesIn);
    /// Holds a poll until a message arrives or waitMs pass. A poll already held is answered
    /// first (empty, or with what came).
    void hold(http::Router::Reply reply, const QString &token, qint64 requestBytes, int messagesIn,
              int waitMs);
    bool holding() const { return bool(m_held); }
    /// Answers a held poll with 409 session_gone (the session moved or ended).
    void releaseGone();

protected:
    bool enqueue(const Frame &frame) override;

private:
    struct Entry {
        qint64 n = 0;
        QByteArray json;
        qint64 storedUs = 0;
    };
    struct Held {
        http::Router::Reply reply;
        QString token;
        qint64 requestBytes = 0;
        int messagesIn = 0;
        qint64 startMs = 0;
    };
    QByteArray responseBody(const QString &token) const;
    void wake();
    void finish();
    void forgetMailbox();

    PeerObserver *m_observer;
    /// The context of its deferred calls and of the hold timer: they go with the peer.
    QObject m_guard;
    QTimer m_holdTimer;
    Limits m_limits;
    QList<Entry> m_mailbox;
    qint64 m_nextN = 1;
    qint64 m_sentUpTo = 0; ///< the highest n sent in a response so far
    qint64 m_queued = 0;
    Transport m_mode = Transport::Poll;
    std::optional<ClassTransport> m_wanted;
    std::optional<Held> m_held;
    bool m_wakePosted = false;
    bool m_finishPosted = false;
};

/// The 409 every poll of a session that is unknown, expired or taken over gets.
http::Response sessionGone();

} // namespace duplex::server
