// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "engine.h"

#include "historystore.h"
#include "localroombroker.h"
#include "pollpeer.h"

#include <codec.h>

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace duplex::server {

using namespace proto;
namespace sv = proto::server;

Engine::Engine(ServerConfig cfg, HistoryStore *history, TrafficLog *traffic, RoomBroker *broker,
               EngineEvents *engineEvents)
    : config(std::move(cfg))
    , store(history)
    , recorder(traffic, engineEvents)
    , events(engineEvents)
    , rooms(broker)
    , control(ClassControl::Settings {config.joinCode, config.banMs, config.strikeLimit,
                                      config.strikeWindowMs, config.reservedNicks,
                                      config.startLocked})
    , classTransport(config.classTransport)
{
    if (!store) {
        m_ownStore = std::make_unique<HistoryStore>();
        m_ownStore->open(QStringLiteral(":memory:"));
        store = m_ownStore.get();
    }
    if (!rooms) {
        m_ownRooms = std::make_unique<LocalRoomBroker>(config.largeRoomThreshold, &recorder);
        rooms = m_ownRooms.get();
    }
}

Engine::~Engine() = default;

qint64 Engine::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Peer *Engine::find(quint64 id) const
{
    const auto it = peers.find(id);
    return it == peers.end() ? nullptr : it->second;
}

void Engine::send(Peer *p, const ServerMessage &m)
{
    const Frame f(m);
    if (p->deliver(f))
        recorder.out(p, 1, f);
}

void Engine::sendError(Peer *p, ErrorCode code, const QString &re, const QString &message)
{
    ++shared.counters.errorsSent;
    send(p, makeError(code, re, message));
}

void Engine::tellTransport(Peer *p)
{
    if (p->kind() == Peer::Kind::Poll) {
        static_cast<PollPeer *>(p)->setWanted(classTransport);
        return;
    }
    sv::Transport t;
    t.mode = transportModeName(classTransport.mode);
    t.interval = classTransport.intervalMs;
    send(p, t);
}

void Engine::attachActivity(Peer *p)
{
    Session *s = p->session;
    if (!s)
        return;
    if (!s->activity)
        s->activity = std::make_shared<ActivityLog>();
    if (p->activity == s->activity)
        return;
    p->activity = s->activity;
    if (p->kind() == Peer::Kind::WebSocket) {
        ActivitySpan span;
        span.kind = ActivitySpan::Kind::WebSocket;
        span.startMs = p->info.connectedSince.toMSecsSinceEpoch();
        p->activitySpan = p->activity->addSpan(span);
    }
}

void Engine::closeActivity(Peer *p)
{
    if (!p->activity || !p->activitySpan)
        return;
    if (ActivitySpan *span = p->activity->span(p->activitySpan)) {
        span->endMs = nowMs();
        span->bytesIn = quint64(p->info.bytesIn);
        span->bytesOut = quint64(p->info.bytesOut);
        span->messages = int(p->info.framesOut);
    }
    p->activitySpan = 0;
}

void Engine::moveUndelivered(Peer *from, Peer *to)
{
    for (const QByteArray &json : from->takeUndelivered())
        to->deliver(Frame(json, peekType(json)));
    if (PeerHold *held = from->hold()) { // what waited behind a history answer from Redis
        for (const Frame &f : held->takeHeld())
            to->deliver(f);
    }
}

bool Engine::enterRoom(Peer *p, const QString &room)
{
    Session *s = p->session;
    if (!rooms->join(room, p, s->nick))
        return false;
    recordEvent(RoomEvent::Kind::Join, room, s->nick);
    if (!s->rooms.contains(room))
        s->rooms.append(room);
    sessions.changed(s);
    return true;
}

void Engine::exitRoom(Peer *p, const QString &room, const QString &nick)
{
    if (rooms->leave(room, p, nick, true))
        recordEvent(RoomEvent::Kind::Leave, room, nick);
    if (p->session)
        sessions.changed(p->session);
}

void Engine::recordEvent(RoomEvent::Kind kind, const QString &room, const QString &nick,
                         const QString &text, const QString &to)
{
    RoomEvent e;
    e.kind = kind;
    e.room = room;
    e.ts = nowMs();
    e.nick = nick;
    e.text = text;
    e.to = to;
    store->recordEvent(e);
}

void Engine::sendJoined(Peer *p, const QString &room, const QString &re)
{
    sv::Joined j;
    j.re = re;
    j.room = room;
    j.count = rooms->count(room);
    if (!rooms->isLarge(j.count))
        j.members = rooms->memberNicks(room, j.count);
    send(p, j);
    if (rooms->answerHistory(p, room, re, std::nullopt, std::nullopt, limits::JoinHistory, true))
        return; // from Redis (redisroombroker_history.cpp)
    sv::History h;
    h.re = re;
    h.room = room;
    h.messages = store->history(room, std::nullopt, std::nullopt, limits::JoinHistory);
    send(p, h);
}

void Engine::detachSession(Peer *p, bool endSession)
{
    Session *s = p->session;
    if (!s)
        return;
    p->keepIdentity();
    p->session = nullptr;
    for (const QString &room : std::as_const(s->rooms))
        exitRoom(p, room, s->nick);
    s->peer = nullptr;
    if (endSession) {
        sessions.remove(s);
    } else {
        s->detachedAtMs = nowMs();
        sessions.changed(s);
    }
    Q_EMIT events->roomsChanged();
}

void Engine::closePeer(Peer *p, int code, const QString &reason)
{
    if (p->end().kind != EndKind::Open || p->hasEnded())
        return;
    detachSession(p, true);
    if (PeerHold *held = p->hold()) { // what waited behind a history answer goes out first
        for (const Frame &f : held->takeHeld())
            p->deliverNow(f);
    }
    p->close(code, reason);
}

std::shared_ptr<AddressLimits> Engine::limitsFor(const Peer *p)
{
    if (p->info.address.isLoopback() && !config.limitLoopback)
        return nullptr;
    bool v4 = false;
    const quint32 ip4 = p->info.address.toIPv4Address(&v4); // IPv4-mapped as IPv4
    const QString key = v4 ? QHostAddress(ip4).toString() : p->info.address.toString();
    std::shared_ptr<AddressLimits> &a = m_addresses[key];
    if (!a) {
        const qint64 now = nowMs();
        a = std::make_shared<AddressLimits>();
        a->connects
            = TokenBucket(config.connectsPerSecPerAddress, config.connectBurstPerAddress, now);
        a->messages = TokenBucket(config.ratePerSec * config.addressRateFactor,
                                  config.burst * config.addressRateFactor, now);
    }
    a->lastSeenMs = nowMs();
    return a;
}

bool Engine::admitConnection(Peer *p, QString *why)
{
    std::shared_ptr<AddressLimits> a = limitsFor(p);
    if (!a)
        return true;
    if (config.maxConnectionsPerAddress > 0 && a->connections >= config.maxConnectionsPerAddress) {
        *why = QStringLiteral("too many connections from your address");
        return false;
    }
    if (config.connectsPerSecPerAddress > 0 && !a->connects.take(nowMs())) {
        *why = QStringLiteral("connecting too often from your address");
        return false;
    }
    ++a->connections;
    p->address = std::move(a);
    return true;
}

void Engine::releaseConnection(Peer *p)
{
    if (!p->address)
        return;
    --p->address->connections;
    p->address->lastSeenMs = nowMs();
    p->address.reset();
}

void Engine::pruneAddresses(qint64 now)
{
    // A quiet minute refills every bucket: nothing is lost by forgetting the address.
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        if ((*it)->connections <= 0 && now - (*it)->lastSeenMs > 60 * 1000)
            it = m_addresses.erase(it);
        else
            ++it;
    }
}

bool Engine::admit(Peer *p, const QString &re)
{
    const qint64 now = nowMs();
    // Both buckets: the connection's own, and its address's (shared by all its
    // connections, so more sockets or reconnecting buy no more messages).
    if (p->bucket.take(now) && (!p->address || p->address->messages.take(now))) {
        p->rateLimitedReported = false;
        return true;
    }
    ++shared.counters.rateLimited;
    if (p->bucket.refusedInARow() > limits::FloodCloseFactor * config.burst) {
        closeFlooder(p);
        return false;
    }
    if (!p->rateLimitedReported) {
        p->rateLimitedReported = true;
        recorder.event(p, EventKind::RateLimited,
                       tr("%1 sends too fast (over %2/s, burst %3): messages dropped.")
                           .arg(p->who())
                           .arg(config.ratePerSec)
                           .arg(config.burst));
    }
    sendError(p, ErrorCode::RateLimited, re);
    return false;
}

void Engine::closeFlooder(Peer *p)
{
    ++shared.counters.floodDisconnects;
    recorder.event(p, EventKind::Flood,
                   tr("%1 kept flooding past %2 refused messages: closed with 1008.")
                       .arg(p->who())
                       .arg(limits::FloodCloseFactor * config.burst),
                   close::PolicyViolation);
    closePeer(p, close::PolicyViolation, QStringLiteral("flooding"));
}

bool Engine::admitControl(Peer *p)
{
    if (p->closing())
        return false;
    const qint64 now = nowMs();
    if (p->bucket.take(now) && (!p->address || p->address->messages.take(now)))
        return true;
    ++shared.counters.rateLimited;
    if (p->bucket.refusedInARow() > limits::FloodCloseFactor * config.burst) {
        // Asked from inside Qt's frame reader (about to write the pong): not here.
        p->stopDelivery();
        const quint64 id = p->id();
        QTimer::singleShot(0, events, [this, id] {
            if (Peer *q = find(id); q && !q->hasEnded())
                closeFlooder(q);
        });
    }
    return false;
}

void Engine::chargeBytes(Peer *p, qint64 bytes)
{
    const double tokens = double(bytes) / double(HistoryBytesPerToken);
    if (tokens < 0.01)
        return;
    const qint64 now = nowMs();
    p->bucket.charge(tokens, now);
    if (p->address)
        p->address->messages.charge(tokens, now);
}

void Engine::shedOffenders(qint64 target)
{
    // The peers that hold a large share of the backlog (a quarter of the per-client cap or
    // more: a few readers that stopped reading) are the cause, not the class: close them,
    // biggest first, until the total is back under the target. When the backlog is spread
    // thin (the server itself is too slow for everyone) nobody is singled out and the
    // caller refuses new messages instead.
    const qint64 offender = config.maxQueuedBytesPerClient / 4;
    std::vector<std::pair<qint64, Peer *>> big;
    for (const auto &[id, p] : peers) {
        const qint64 queued = p->queuedBytes();
        if (!p->closing() && queued >= offender)
            big.emplace_back(queued, p);
    }
    std::sort(big.begin(), big.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[queued, p] : big) {
        if (shared.queuedTotal <= target)
            break;
        p->stall(); // reported (1008 "too slow") on the next pass
    }
}

bool Engine::refuseIfBusy(Peer *p, const QString &re)
{
    if (config.maxQueuedBytesTotal <= 0)
        return false;
    const qint64 threshold = qMax(config.maxQueuedBytesTotal, 2 * config.maxQueuedBytesPerClient);
    if (shared.queuedTotal > threshold)
        shedOffenders(threshold / 2);
    if (shared.queuedTotal <= threshold) {
        if (busyReported && shared.queuedTotal < threshold / 2)
            busyReported = false; // caught up: the next streak is reported again
        return false;
    }
    ++shared.counters.rateLimited;
    ++shared.counters.busyRefusals;
    if (!busyReported) {
        busyReported = true;
        recorder.event(nullptr, EventKind::Busy,
                       tr("The server is busy (%1 bytes waiting to be sent): new messages are "
                          "refused until it catches up.")
                           .arg(shared.queuedTotal));
    }
    sendError(p, ErrorCode::RateLimited, re, QStringLiteral("server busy"));
    return true;
}

} // namespace duplex::server
