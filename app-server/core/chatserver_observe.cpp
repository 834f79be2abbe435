// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatServer: what observers switch on and read besides the snapshots (the wire tap, the
// push-vs-polling lesson's figures).
#include "chatserver_p.h"

#include "wsconnection.h"

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace duplex::server {

namespace {

/// How long WebSocket frames are ticked after the last look at a client's timeline.
constexpr qint64 ActivityWatchMs = 10000;

/// The process's CPU time (user + system), ms; 0 where unknown.
qint64 processCpuMs()
{
#if defined(Q_OS_UNIX)
    rusage u {};
    if (getrusage(RUSAGE_SELF, &u) != 0)
        return 0;
    const auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(u.ru_utime) + ms(u.ru_stime);
#else
    return 0;
#endif
}

} // namespace

void ChatServer::setClassTransport(const ClassTransport &transport)
{
    Engine &e = d->engine;
    if (e.classTransport == transport)
        return;
    e.classTransport = transport;
    // Every welcomed client is told (over WebSocket now, over polling in its next
    // response); new sessions are told in their welcome flow (ChatHandlers, hello).
    int told = 0;
    for (const auto &[id, p] : e.peers) {
        if (p->session && !p->closing()) {
            e.tellTransport(p);
            ++told;
        }
    }
    QString text;
    switch (transport.mode) {
    case Transport::Poll:
        text = tr("The class switches to polling every %1 ms (%n clients told).", nullptr, told)
                   .arg(transport.intervalMs);
        break;
    case Transport::LongPoll:
        text = tr("The class switches to long polling (%n clients told).", nullptr, told);
        break;
    case Transport::Push:
        text = tr("The class switches to WebSocket push (%n clients told).", nullptr, told);
        break;
    }
    e.recorder.event(nullptr, EventKind::Transport, text);
    Q_EMIT classTransportChanged(transport);
}

ClassTransport ChatServer::classTransport() const
{
    return d->engine.classTransport;
}

TransportFigures ChatServer::transportFigures() const
{
    TransportFigures f;
    f.transports = d->engine.shared.transports;
    for (TransportCounters &t : f.transports)
        t.clients = 0;
    for (const auto &[id, p] : d->engine.peers) {
        if (!p->hasEnded())
            ++f.of(p->transport()).clients;
    }
    f.uptimeMs = Engine::nowMs() - d->startedMs;
    f.cpuMs = processCpuMs();
    f.classTransport = d->engine.classTransport;
    return f;
}

ClientActivity ChatServer::activity(quint64 clientId) const
{
    const Peer *p = d->engine.find(clientId);
    if (!p || !p->activity)
        return {};
    // Someone is looking: WebSocket frames are ticked for the next seconds too.
    p->activity->watch(Engine::nowMs() + ActivityWatchMs);
    ClientActivity out = p->activity->snapshot(p->session ? p->session->nick : p->info.nick);
    out.sessionId = p->session ? p->session->id : p->info.sessionId;
    // The open WebSocket span, with its bytes so far.
    if (p->activitySpan) {
        for (ActivitySpan &span : out.spans) {
            if (span.kind == ActivitySpan::Kind::WebSocket && span.endMs < 0) {
                span.bytesIn = quint64(p->info.bytesIn);
                span.bytesOut = quint64(p->info.bytesOut);
                span.messages = int(p->info.framesOut);
            }
        }
    }
    return out;
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

ChatServer::ClusterState ChatServer::clusterState() const
{
    ClusterState c;
    if (const RedisRoomBroker *r = d->engine.redis) {
        c.enabled = true;
        c.up = r->link()->isUp();
        c.address = r->link()->address();
        c.messagesViaRedis = r->messagesViaRedis();
        for (const RedisRoomBroker::Process &p : r->processes())
            c.nodes.append({p.name, p.clients, p.messagesViaRedis, p.self});
    }
    return c;
}

} // namespace duplex::server
