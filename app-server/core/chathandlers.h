// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// One function per client message (protocol-v1.md, "Client -> server"), dispatched by
// std::visit: rate limit, validate, store, publish. They talk to Peer, the session
// registry and the room broker, never to a socket.

#include <protocol.h>

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace duplex::server {

class Engine;
class Peer;

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

    Engine &e;
    QHash<size_t, WhisperSeen> m_whisperSeen; // hash of nickKey + '\x1f' + id
};

} // namespace duplex::server
