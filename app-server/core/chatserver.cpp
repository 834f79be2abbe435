// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chatserver_p.h"

#include "historystore.h"
#include "listener.h"
#include "wiretap.h"
#include "wsconnection.h"

#include <codec.h>
#include <names.h>
#include <websocket.h>

#include <QTimer>

namespace duplex::server {

using namespace proto;
namespace sv = proto::server; // `server` alone would be ambiguous here

// The composition root: builds the parts and reacts to what the transports report (a
// transport never calls into sessions or rooms itself; see docs/server-engine.md).

void ChatServer::Private::onWebSocket(QTcpSocket *tcp, const HandshakeInfo &handshake,
                                      const QString &subprotocol)
{
    const ServerConfig &config = engine.config;
    if (!listener->isListening()) {
        // Its handshake finished after stop(): the server is going away.
        WsConnection::refuse(tcp, close::GoingAway, tr("server shutting down"), {}, listener);
        return;
    }
    const QString key = endpointText(tcp->peerAddress(), tcp->peerPort());
    if (int(engine.peers.size()) >= config.maxClients) {
        // The contract: `error server_full` right after the handshake, then close 1013.
        ++engine.shared.counters.errorsSent;
        WsConnection::refuse(
            tcp, close::TryAgainLater, QStringLiteral("server full"),
            ws::serverFrame(encode(ServerMessage {makeError(ErrorCode::ServerFull)})), listener);
        engine.recorder.event(key, EventKind::Full,
                              tr("Refused %1: the server is full (%n clients); closed with 1013.",
                                 nullptr, config.maxClients)
                                  .arg(key),
                              close::TryAgainLater);
        return;
    }

    WsConnection::Limits limits;
    limits.maxBytes = config.maxBytes;
    limits.maxQueuedBytes = config.maxQueuedBytesPerClient;
    auto *c = new WsConnection(engine.nextId++, tcp, limits, &engine.shared, &flush, this,
                               Engine::nowMs());
    c->info.handshake = handshake;
    TransportCounters &push = engine.shared.of(Transport::Push);
    push.bytesIn += quint64(handshake.request.size());
    push.bytesOut += quint64(handshake.response.size());
    c->bucket = TokenBucket(config.ratePerSec, config.burst, Engine::nowMs());
    engine.peers.emplace(c->id(), c);
    taps.upgraded(tcp, c->id());
    ++engine.shared.counters.connectionsTotal;
    engine.shared.counters.clients = int(engine.peers.size());

    engine.recorder.event(c, EventKind::Open,
                          tr("%1 connected (%2).")
                              .arg(key,
                                   subprotocol.isEmpty() ? tr("no subprotocol")
                                                         : tr("subprotocol %1").arg(subprotocol)));
    Q_EMIT q->clientConnected(c->id());

    QString why;
    if (!engine.admitConnection(c, &why)) {
        ++engine.shared.counters.rateLimited;
        engine.recorder.event(c, EventKind::Flood,
                              tr("%1: %2; closed with 1008.").arg(c->who(), why),
                              close::PolicyViolation);
        engine.sendError(c, ErrorCode::RateLimited, {}, why);
        engine.closePeer(c, close::PolicyViolation, why);
    }
}

void ChatServer::Private::peerStalled(Peer *c, qint64 waiting)
{
    if (c->hasEnded())
        return;
    ++engine.shared.counters.slowDisconnects;
    engine.recorder.event(c, EventKind::TooSlow,
                          tr("%1 does not read its messages (%2 bytes waiting): closed with 1008.")
                              .arg(c->who())
                              .arg(waiting),
                          close::PolicyViolation);
    engine.detachSession(c, true);
    // Its buffer is full: the close frame would not get through. Record the close, free
    // the memory now.
    c->close(close::PolicyViolation, QStringLiteral("too slow"));
    c->drop(QString());
}

void ChatServer::Private::peerRefused(Peer *c, int code, const QString &reason)
{
    if (code == 1009) {
        ++engine.shared.counters.oversizeDisconnects;
        engine.recorder.event(c, EventKind::TooBig,
                              tr("%1 sent more than %2 bytes in one message: closed with 1009.")
                                  .arg(c->who())
                                  .arg(engine.config.maxBytes),
                              code);
    } else {
        engine.recorder.event(c, EventKind::Error,
                              tr("%1 broke the WebSocket protocol: closed with %2 (%3).")
                                  .arg(c->who())
                                  .arg(code)
                                  .arg(reason),
                              code);
    }
    engine.detachSession(c, true);
}

void ChatServer::Private::peerEnded(Peer *c)
{
    const Peer::End &end = c->end();
    // The contract: only a close with 1000 sent by the client ends its session at once;
    // any other end (1001 from a reloaded page, a reset, a timeout) is a drop and the
    // session stays resumable.
    const bool endSession = end.kind == EndKind::ClosedCleanly && end.code == close::Normal;
    const bool resumable = c->session && !endSession;
    engine.detachSession(c, endSession);

    const QString words = ws::closeCodeWords(end.code);
    const QString code = words.isEmpty() ? QString::number(end.code)
                                         : QStringLiteral("%1 (%2)").arg(end.code).arg(words);
    const QString reason
        = end.reason.isEmpty() ? QString() : QStringLiteral(", reason \"%1\"").arg(end.reason);
    QString text;
    switch (end.kind) {
    case EndKind::ClosedCleanly:
        text = tr("%1 disconnected: closed cleanly with code %2%3.").arg(c->who(), code, reason);
        break;
    case EndKind::ClosedByServer:
        text = tr("%1 disconnected: closed by the server with code %2%3.")
                   .arg(c->who(), code, reason);
        break;
    case EndKind::Dropped:
    case EndKind::Open:
        text = tr("%1 disconnected: dropped (%2).").arg(c->who(), end.reason);
        break;
    }
    if (resumable)
        text += QLatin1Char(' ')
            + tr("The session can be resumed for %1 s.").arg(engine.config.resumeGraceMs / 1000);
    engine.recorder.event(c, EventKind::Close, text, end.code);

    const ClientInfo info = c->snapshot();
    engine.closeActivity(c);
    engine.releaseConnection(c);
    engine.peers.erase(c->id());
    engine.shared.counters.clients = int(engine.peers.size());
    bury(c);
    Q_EMIT q->clientDisconnected(info);
}

void ChatServer::Private::bury(Peer *p)
{
    graveyard.push_back(p);
    if (graveyard.size() == 1) {
        QMetaObject::invokeMethod(
            q,
            [this] {
                for (Peer *dead : std::exchange(graveyard, {}))
                    delete dead;
            },
            Qt::QueuedConnection);
    }
}

void ChatServer::Private::pingTick()
{
    const ServerConfig &config = engine.config;
    const qint64 now = Engine::nowMs();
    const bool pingNow = now - lastPingMs >= config.pingIntervalMs - pingTimer.interval() / 2;
    if (pingNow)
        lastPingMs = now;
    // If this tick comes late, the event loop itself was stuck (a busy window, a stopped
    // process): the peers' pongs may be waiting unread in the sockets. Give everyone a fresh
    // timeout window instead of judging them, so that our own stall never drops everyone.
    const bool stalled = now - lastTickMs > 2 * pingTimer.interval() + 50;
    lastTickMs = now;
    std::vector<quint64> silent;
    std::vector<quint64> mute;
    for (const auto &[id, p] : engine.peers) {
        if (p->closing())
            continue;
        if (!p->session && !p->info.welcomed && config.helloTimeoutMs > 0
            && now - p->info.connectedSince.toMSecsSinceEpoch() > config.helloTimeoutMs) {
            mute.push_back(id);
            continue;
        }
        if (stalled)
            p->touch(qMax(p->lastSeenMs(), now));
        if (now - p->lastSeenMs() > config.peerTimeoutMs)
            silent.push_back(id);
        else if (pingNow)
            p->ping();
    }
    for (quint64 id : mute) {
        if (Peer *p = engine.find(id)) {
            engine.recorder.event(p, EventKind::Timeout,
                                  tr("%1 did not say hello within %2 s: closed with 1008.")
                                      .arg(p->who())
                                      .arg(double(config.helloTimeoutMs) / 1000.0),
                                  close::PolicyViolation);
            engine.closePeer(p, close::PolicyViolation, QStringLiteral("no hello"));
        }
    }
    const double seconds = double(config.peerTimeoutMs) / 1000.0;
    for (quint64 id : silent) {
        if (Peer *p = engine.find(id)) {
            if (p->kind() == Peer::Kind::Poll) {
                engine.recorder.event(
                    p, EventKind::Timeout,
                    tr("%1 sent no poll for %2 s: dropped.").arg(p->who()).arg(seconds));
                p->drop(tr("no poll for %1 s").arg(seconds));
                continue;
            }
            engine.recorder.event(
                p, EventKind::Timeout,
                tr("%1 did not answer pings for %2 s: dropped.").arg(p->who()).arg(seconds));
            p->drop(tr("no answer to pings for %1 s").arg(seconds));
        }
    }
}

void ChatServer::Private::houseTick()
{
    const qint64 now = Engine::nowMs();
    engine.rooms->tick(now);
    for (const auto &[id, p] : engine.peers) {
        if (p->activity)
            p->activity->expire(now); // nobody looks any more: no more frame ticks
    }
    // Resumable sessions whose grace period is over: the nick is free again.
    for (Session *s : engine.sessions.expired(now, engine.config.resumeGraceMs)) {
        engine.recorder.event(
            nullptr, EventKind::Expired,
            tr("Nobody resumed the session of \"%1\" within %2 s: the nickname is free again.")
                .arg(s->nick)
                .arg(engine.config.resumeGraceMs / 1000.0));
        engine.sessions.remove(s);
    }
    handlers.prune(now);
    engine.pruneAddresses(now);
    engine.control.prune(now);
    // After churn the heap holds free pages that no one uses (fragmentation, not a leak):
    // back to the kernel once a minute, on this quiet tick, never in a fan-out.
    ServerCounters &k = engine.shared.counters;
    if (heapTrimmer.tick(now, k.connectionsTotal - quint64(engine.peers.size()))) {
        k.heapTrims = heapTrimmer.trims();
        k.heapTrimUs = heapTrimmer.lastTrimUs();
    }
}

// ---------------------------------------------------------------------------------------

ChatServer::ChatServer(ServerConfig config, HistoryStore *history, TrafficLog *traffic,
                       QObject *parent)
    : ChatServer(std::move(config), history, traffic, nullptr, parent)
{
}

ChatServer::ChatServer(ServerConfig config, HistoryStore *history, TrafficLog *traffic,
                       RoomBroker *rooms, QObject *parent)
    : EngineEvents(parent)
    , d(std::make_unique<Private>(this, std::move(config), history, traffic, rooms))
{
}

ChatServer::~ChatServer()
{
    // Peers are not children of this object: delete them here, without running our
    // handlers (the object is half destroyed). A shared broker must not keep them.
    std::vector<Peer *> peers;
    for (const auto &[id, p] : d->engine.peers)
        peers.push_back(p);
    for (Peer *p : peers) {
        if (p->session) {
            for (const QString &room : std::as_const(p->session->rooms))
                d->engine.rooms->leave(room, p, p->session->nick, false);
        }
        delete p;
    }
    d->engine.peers.clear();
    for (Peer *dead : std::exchange(d->graveyard, {}))
        delete dead;
}

bool ChatServer::listen(const QHostAddress &address, quint16 port)
{
    if (isListening())
        stop();
    d->recordError.clear();
    if (!d->engine.config.recordPath.isEmpty() && !d->taps.recording()
        && !d->taps.startRecording(d->engine.config.recordPath, &d->recordError)) {
        d->recordError
            = tr("Cannot record to %1: %2").arg(d->engine.config.recordPath, d->recordError);
        return false;
    }
    if (!d->listener->listen(address, port))
        return false;
    d->engine.shuttingDown = false;
    for (const QString &room : d->engine.store->rooms())
        d->engine.rooms->ensure(room);
    d->lastPingMs = Engine::nowMs();
    d->lastTickMs = d->lastPingMs;
    d->pingTimer.start();
    d->houseTimer.start();
    Q_EMIT listeningChanged(true);
    return true;
}

void ChatServer::stop()
{
    const bool was = isListening();
    d->listener->close();
    d->pingTimer.stop();
    d->houseTimer.stop();
    std::vector<quint64> ids;
    ids.reserve(d->engine.peers.size());
    for (const auto &[id, p] : d->engine.peers)
        ids.push_back(id);
    // Everyone here is closed: none of them takes a frame any more, so the leave presences
    // reach only members of other engines sharing the rooms (a shared broker), not O(N^2)
    // frames to clients that are going anyway.
    for (const auto &[id, p] : d->engine.peers)
        p->stopDelivery();
    // With --redis the sessions ended below stay resumable on the other servers.
    d->engine.shuttingDown = true;
    for (quint64 id : ids) {
        if (Peer *p = d->engine.find(id))
            d->engine.closePeer(p, close::GoingAway, tr("server shutting down"));
    }
    // Nobody can resume into a stopped server.
    d->engine.sessions.clear();
    d->taps.flush();
    if (was)
        Q_EMIT listeningChanged(false);
}

bool ChatServer::isListening() const
{
    return d->listener->isListening();
}

quint16 ChatServer::port() const
{
    return d->listener->port();
}

QHostAddress ChatServer::address() const
{
    return d->listener->address();
}

QString ChatServer::errorString() const
{
    if (!d->recordError.isEmpty())
        return d->recordError;
    return d->listener->errorString();
}

const ServerConfig &ChatServer::config() const
{
    return d->engine.config;
}

void ChatServer::setName(const QString &name)
{
    d->engine.config.name = name;
    d->listener->setServerName(name);
}

int ChatServer::sendNotice(const QString &text, const NoticeTarget &target)
{
    Engine &e = d->engine;
    sv::Notice n;
    n.text = sanitizeText(text);
    n.ts = Engine::nowMs();
    if (n.text.isEmpty())
        return 0;
    int count = 0;
    switch (target.kind) {
    case NoticeTarget::Kind::Everyone: {
        const Frame f(ServerMessage {n});
        for (const auto &[id, p] : e.peers) {
            if (p->session && p->deliver(f))
                ++count;
        }
        e.recorder.out(nullptr, count, f);
        // One row without a room: every room's transcript shows it (eventlog.h).
        e.recordEvent(RoomEvent::Kind::Notice, QString(), QString(), n.text);
        if (e.redis)
            e.redis->relayNotice(n); // the other servers' clients too
        break;
    }
    case NoticeTarget::Kind::Room: {
        if (!e.rooms->exists(target.room))
            return 0;
        n.room = target.room;
        const Frame f(ServerMessage {n});
        count = e.rooms->publish(target.room, f, nullptr);
        e.recorder.out(nullptr, count, f);
        e.recordEvent(RoomEvent::Kind::Notice, target.room, QString(), n.text);
        if (e.redis)
            e.redis->relayNotice(n);
        break;
    }
    case NoticeTarget::Kind::Client: {
        if (e.redis && RedisRoomBroker::isRemoteId(target.clientId))
            return e.redis->noticeRemote(target.clientId, n) ? 1 : 0; // its server delivers
        Peer *p = e.find(target.clientId);
        if (!p)
            return 0;
        if (p->session)
            n.to = p->session->nick; // private: the client shows it as for them alone
        const Frame f(ServerMessage {n});
        if (p->deliver(f)) {
            count = 1;
            e.recorder.out(p, 1, f);
            // Kept, marked private, but never in a room's transcript.
            if (p->session)
                e.recordEvent(RoomEvent::Kind::Notice, QString(), QString(), n.text, n.to);
        }
        break;
    }
    }
    return count;
}

bool ChatServer::kick(quint64 clientId, const QString &reason)
{
    return kick(clientId, reason, d->engine.control.banMs());
}

QList<ClientInfo> ChatServer::clients() const
{
    QList<ClientInfo> out;
    out.reserve(qsizetype(d->engine.peers.size()));
    for (const auto &[id, p] : d->engine.peers)
        out.append(p->snapshot());
    if (d->engine.redis)
        out += d->engine.redis->remoteClients(); // the other servers' (ids with RemoteIdBit)
    std::sort(out.begin(), out.end(),
              [](const ClientInfo &a, const ClientInfo &b) { return a.id < b.id; });
    return out;
}

std::optional<ClientInfo> ChatServer::client(quint64 clientId) const
{
    if (const Peer *p = d->engine.find(clientId))
        return p->snapshot();
    if (d->engine.redis && RedisRoomBroker::isRemoteId(clientId)) {
        for (const ClientInfo &c : d->engine.redis->remoteClients()) {
            if (c.id == clientId)
                return c;
        }
    }
    return std::nullopt;
}

QList<RoomInfo> ChatServer::rooms() const
{
    const RoomBroker &broker = *d->engine.rooms;
    QList<RoomInfo> out;
    for (const auto &[name, count] : broker.roomCounts()) {
        RoomInfo info;
        info.name = name;
        info.count = count;
        // As many as a `joined` lists: the window shows a large room's count, not its names.
        info.members = broker.memberNicks(name, d->engine.config.largeRoomThreshold);
        out.append(info);
    }
    return out;
}

ServerCounters ChatServer::counters() const
{
    ServerCounters c = d->engine.shared.counters;
    c.clients = int(d->engine.peers.size());
    c.queuedBytes = d->engine.shared.queuedTotal;
    return c;
}

int ChatServer::clientCount() const
{
    return int(d->engine.peers.size());
}

} // namespace duplex::server
