// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The engine's signals, declared once. ChatServer emits them (it is an EngineEvents);
// ServerHost is one too and forwards every signal of this class from the engine's thread
// to the window's with forwardEngineEvents(), without listing them again.

#include "clientinfo.h"

#include <QObject>
#include <QString>

namespace duplex::server {

/// What a line of the event list (and a traffic-log event row) is about.
enum class EventKind {
    Open,        ///< a WebSocket connection was accepted
    Hello,       ///< a client was welcomed (new session or resumed)
    Nick,        ///< a nick change
    Close,       ///< a connection ended (the sentence tells how)
    Kick,        ///< the operator kicked a client
    Takeover,    ///< a resume took a session over from a half-open connection
    Expired,     ///< a dropped session was not resumed in time
    RateLimited, ///< a client sends too fast (once per streak)
    Flood,       ///< a client kept flooding: closed 1008
    TooSlow,     ///< a client does not read: closed 1008
    TooBig,      ///< a frame or message over the limit: closed 1009
    Timeout,     ///< no answer to pings: dropped
    Full,        ///< a connection refused because the server is full
    Busy,        ///< the server started refusing messages (delivery backlog)
    Http,        ///< a plain HTTP request (a page load, a refused request)
    Error,       ///< a protocol error or a storage failure
    Transport,   ///< the class was switched between push and polling
};

/// The stable machine name of a kind ("open", "rate_limited", ...): headless log lines,
/// traffic-log rows and exports use it.
QString eventKindName(EventKind kind);

class EngineEvents : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void listeningChanged(bool listening);
    void clientConnected(quint64 clientId);
    void clientWelcomed(quint64 clientId, const QString &nick);
    /// After the socket is gone. info.end/closeCode/closeReason tell how it really ended.
    void clientDisconnected(const duplex::server::ClientInfo &info);
    /// A human sentence for the event list (connects, kicks, rate limits, errors...).
    void eventLogged(duplex::server::EventKind kind, const QString &text);
    /// Room membership changed (a join, leave, drop or resume). Views re-read rooms().
    void roomsChanged();
    /// A client's nick, agent or rooms changed. Views re-read client(clientId).
    void clientUpdated(quint64 clientId);
    /// The class's transport changed (setClassTransport(), --class-transport).
    void classTransportChanged(const duplex::server::ClassTransport &transport);
};

/// Connects every signal of EngineEvents on `from` to the same signal on `to` (queued when
/// they live in different threads). `except` names signals the caller forwards itself.
void forwardEngineEvents(const EngineEvents *from, EngineEvents *to,
                         const QList<QByteArray> &except = {});

} // namespace duplex::server

Q_DECLARE_METATYPE(duplex::server::EventKind)
