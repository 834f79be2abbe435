// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatServer: what observers switch on and read besides the snapshots (the wire tap, the
// push-vs-polling lesson's figures).
#include "chatserver_p.h"

#include "wsconnection.h"

namespace duplex::server {

void ChatServer::setClassTransport(const ClassTransport &transport)
{
    // TODO(#13): tell the clients; poll sessions. For now the mode is only remembered.
    if (d->classTransport == transport)
        return;
    d->classTransport = transport;
    Q_EMIT classTransportChanged(transport);
}

ClassTransport ChatServer::classTransport() const
{
    return d->classTransport;
}

TransportFigures ChatServer::transportFigures() const
{
    // TODO(#13): per-transport counters and latency; for now push only, from counters().
    TransportFigures f;
    const ServerCounters c = counters();
    TransportCounters &ws = f.of(Transport::Push);
    ws.clients = c.clients;
    ws.messagesIn = c.framesIn;
    ws.messagesOut = c.framesOut;
    ws.bytesIn = c.bytesIn;
    ws.bytesOut = c.bytesOut;
    f.classTransport = d->classTransport;
    return f;
}

ClientActivity ChatServer::activity(quint64 clientId) const
{
    Q_UNUSED(clientId); // TODO(#13)
    return {};
}

void ChatServer::setWireTapAll(bool on)
{
    d->taps.setTapAll(on);
    for (const auto &[id, p] : d->engine.peers) {
        if (p->kind() == Peer::Kind::WebSocket)
            d->taps.apply(static_cast<WsConnection *>(p)->tcp(), id);
    }
}

bool ChatServer::wireTapAll() const
{
    return d->taps.tapAll();
}

void ChatServer::setWireTap(quint64 clientId, bool on)
{
    d->taps.setTapped(clientId, on);
    Peer *p = d->engine.find(clientId);
    if (p && p->kind() == Peer::Kind::WebSocket)
        d->taps.apply(static_cast<WsConnection *>(p)->tcp(), clientId);
}

bool ChatServer::isWireTapped(quint64 clientId) const
{
    return d->taps.wanted(clientId);
}

WireLog *ChatServer::wireLog() const
{
    return d->taps.log();
}

WireTapStats ChatServer::wireTapStats() const
{
    return d->taps.stats();
}

void ChatServer::setWireLog(WireLog *log)
{
    d->taps.setLog(log ? log : &d->ownWire);
}

} // namespace duplex::server
