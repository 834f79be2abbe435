// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// One function per client message (protocol-v1.md, "Client -> server"), dispatched by
// std::visit: rate limit, validate, store, publish. They talk to Peer, the session
// registry and the room broker, never to a socket.

#include <protocol.h>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace duplex::server {

class Engine;
class Peer;
struct Session;

class ChatHandlers
{
    Q_DECLARE_TR_FUNCTIONS(duplex::server::ChatServer)

public:
    explicit ChatHandlers(Engine &engine)
        : e(engine)
    {
    }

    /// One text frame (or poll message) from a peer: decode, admit, handle.
    void onText(Peer *p, const QByteArray &json);
    /// A binary frame: not part of the protocol.
    void onBinary(Peer *p, const QByteArray &data);
    /// Forgets whisper dedup entries older than the dedup window.
    void prune(qint64 nowMs);
    /// With --redis: the peer's hello (or nick change) waits for Redis.
    bool waiting(quint64 peerId) const { return m_held.contains(peerId); }
    /// Runs fn once the peer no longer waits (its held frames handled) or is gone. A
    /// polling client's first poll is answered so, with its session token.
    void afterAnswer(quint64 peerId, std::function<void()> fn)
    {
        m_held[peerId].after.append(std::move(fn));
    }

    void operator()(Peer *p, const proto::client::Hello &m);
    void operator()(Peer *p, const proto::client::Join &m);
    void operator()(Peer *p, const proto::client::Leave &m);
    void operator()(Peer *p, const proto::client::Say &m);
    void operator()(Peer *p, const proto::client::Whisper &m);
    void operator()(Peer *p, const proto::client::Typing &m);
    void operator()(Peer *p, const proto::client::History &m);
    void operator()(Peer *p, const proto::client::Nick &m);
    void operator()(Peer *p, const proto::client::Rooms &m);
    void operator()(Peer *p, const proto::client::Ping &m);

private:
    /// The text of a say or whisper, cleaned and checked, and the server not too busy for
    /// it; false (the sender told why) when it must not go out.
    bool admitText(Peer *p, const QString &raw, const QString &re, QString *out);
    /// Resumes (or takes over) a session; false when the token is unknown.
    bool resume(Peer *p, const proto::client::Hello &m);
    /// A whisper to a nick another server of the cluster holds (chathandlers_relay.cpp).
    void whisperElsewhere(Peer *p, const proto::client::Whisper &m);
    /// A hello that is not a resume of a session of this process: checks, then a new
    /// session (with --redis once Redis gave it the nick).
    void helloNew(Peer *p, const proto::client::Hello &m);
    /// A detached session gets the peer: its rooms joined again (the others see `join`).
    void reattach(Peer *p, Session *s);
    /// The peer has its session: welcome, joined + history of its rooms.
    void welcome(Peer *p, const proto::client::Hello &m, bool resumed);
    /// Renames the session (the new nick is free and, with --redis, leased).
    void applyNick(Peer *p, const proto::client::Nick &m, const QString &nick, const QString &key);

    // With --redis (chathandlers_redis.cpp): a hello or nick change waits for Redis (the
    // nick lease, or the session of a resume token that another process had); the peer's
    // frames that come meanwhile wait in order and are handled after the answer.
    /// A resume token unknown here: the session from Redis, or a new one.
    void helloFromCluster(Peer *p, const proto::client::Hello &m);
    void claimNewSession(Peer *p, const proto::client::Hello &m, const QString &nick,
                         const QString &key);
    void claimNickChange(Peer *p, const proto::client::Nick &m, const QString &nick,
                         const QString &key);
    /// The peer waits for Redis: its next frames are held.
    void hold(Peer *p);
    /// Redis answered for that peer: the peer if it is still open (null when gone).
    Peer *answered(quint64 id);
    /// Handles the held frames in order, until one of them waits for Redis again.
    void unhold(quint64 id);
    /// Keeps the frame if the peer waits (true); closes it 1008 past the bound.
    bool heldFrame(Peer *p, bool binary, const QByteArray &data);
    /// `internal` for a request that needed Redis.
    void sendRedisDown(Peer *p, const QString &re);

    // Class control (chathandlers_class.cpp). Each returns true when it refused (the peer
    // was told, and closed where the contract says so).
    /// An address that used up its join-code strikes: bad_code, close 1008.
    bool refuseStruckOut(Peer *p, const proto::client::Hello &m);
    /// A new session: banned (4003), locked (4002), missing or wrong join code (a strike).
    bool refuseNewSession(Peer *p, const proto::client::Hello &m);
    /// A reserved nick (bad_nick) or one taken (nick_taken; `held` when its session
    /// dropped and waits for its resume). ownKey: the asking session's own nick key.
    bool refuseNick(Peer *p, const QString &nick, const QString &key, const QString &re,
                    const QString &ownKey = {});
    bool refuseMuted(Peer *p, const QString &re);
    bool refuseLockedRoom(Peer *p, const QString &room, const QString &re);
    /// Slow mode: rate_limited {retryAfter}; otherwise the message is counted.
    bool refuseSlow(Peer *p, const QString &room, const QString &re);
    void sendError(Peer *p, const proto::server::Error &error);

    struct WhisperSeen {
        size_t fingerprint = 0; ///< hash of the target's nick key and the text
        qint64 ts = 0;
    };
    /// Whisper dedup: `key` names (sender, id) (0: no id, no dedup), `print` the target's
    /// nick key and the text.
    struct WhisperKeys {
        size_t key = 0;
        size_t print = 0;
    };
    static WhisperKeys whisperKeys(const Session *sender, const QString &id, const QString &toKey,
                                   const QString &text);
    /// A resend of a whisper accepted within the dedup window: the sender gets `w` again
    /// with `dup` and its first time (true); false when it is new.
    bool resentWhisper(Peer *p, const QString &id, const WhisperKeys &k, proto::server::Whisper w,
                       qint64 now);

    struct Held {
        QList<QPair<bool, QByteArray>> frames; ///< binary?, payload
        qint64 bytes = 0;
        bool waiting = true;
        QList<std::function<void()>> after; ///< afterAnswer()
    };

    Engine &e;
    QHash<size_t, WhisperSeen> m_whisperSeen; // hash of nickKey + '\x1f' + id
    QHash<quint64, Held> m_held;              // peer id -> frames waiting for Redis
};

} // namespace duplex::server
