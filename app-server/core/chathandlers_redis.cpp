// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatHandlers with --redis: a hello or nick change that needs Redis (a nick's lease, a
// resume token another process had) is answered when Redis has answered. The peer's frames
// that come meanwhile (a client may send hello, join and say in one TCP segment) wait in
// order, bounded, and are handled after it. Without --redis none of this runs.

#include "chathandlers.h"

#include "engine.h"
#include "redisroombroker.h"

#include <codec.h>

namespace duplex::server {

using namespace proto;

namespace {

/// Frames and bytes a peer may send while its hello or nick change waits for Redis (a
/// round trip, milliseconds): a pipelining client needs a few, not more.
constexpr int MaxHeldFrames = 64;
constexpr qint64 MaxHeldBytes = 256 * 1024;

} // namespace

void ChatHandlers::hold(Peer *p)
{
    m_held[p->id()].waiting = true;
}

Peer *ChatHandlers::answered(quint64 id)
{
    const auto it = m_held.find(id);
    if (it != m_held.end())
        it->waiting = false;
    Peer *p = e.find(id);
    return p && !p->closing() ? p : nullptr;
}

void ChatHandlers::unhold(quint64 id)
{
    const auto it = m_held.find(id);
    if (it == m_held.end() || it->waiting)
        return;
    QList<QPair<bool, QByteArray>> queue = std::move(it->frames);
    QList<std::function<void()>> after = std::move(it->after);
    m_held.erase(it);
    while (!queue.isEmpty()) {
        Peer *p = e.find(id);
        if (!p || p->closing())
            break;
        const auto [binary, data] = queue.takeFirst();
        if (binary)
            onBinary(p, data);
        else
            onText(p, data);
        if (const auto again = m_held.find(id); again != m_held.end()) {
            // It waits for Redis again (a nick change): the rest waits behind it.
            for (const auto &f : std::as_const(queue))
                again->bytes += f.second.size();
            again->frames = std::move(queue);
            again->after = std::move(after) + again->after;
            return;
        }
    }
    for (const auto &fn : std::as_const(after))
        fn();
}

bool ChatHandlers::heldFrame(Peer *p, bool binary, const QByteArray &data)
{
    const auto it = m_held.find(p->id());
    if (it == m_held.end())
        return false;
    if (p->closing())
        return true;
    if (it->frames.size() >= MaxHeldFrames || it->bytes + data.size() > MaxHeldBytes) {
        e.recorder.event(
            p, EventKind::Flood,
            tr("%1 sent too much before its hello was answered: closed with 1008.").arg(p->who()),
            close::PolicyViolation);
        e.closePeer(p, close::PolicyViolation, QStringLiteral("too much before the welcome"));
        return true;
    }
    it->frames.append({binary, data});
    it->bytes += data.size();
    return true;
}

void ChatHandlers::sendRedisDown(Peer *p, const QString &re)
{
    sendError(p,
              makeError(ErrorCode::Internal, re, QStringLiteral("the server cannot reach Redis")));
}

void ChatHandlers::helloFromCluster(Peer *p, const client::Hello &m)
{
    if (!e.redis->isUp()) {
        // Unknown here, and nobody to ask: no new session on guesswork (the client's
        // session may be alive in Redis); the client tries again.
        sendRedisDown(p, m.id);
        return;
    }
    hold(p);
    e.redis->takeSession(m.resume, [this, id = p->id(), m](const RedisRoomBroker::Taken &t) {
        Peer *p = answered(id);
        using Claim = RedisRoomBroker::Claim;
        if (t.result == Claim::Ok && !e.sessions.byToken(m.resume) && !e.sessions.byNick(t.key)) {
            // Its process died (or the client moved here): the session is this one's now.
            Session *s = e.sessions.adopt(m.resume, t.nick, t.key, m.agent);
            s->rooms = t.rooms;
            s->inbox = TokenBucket(e.config.ratePerSec, e.config.burst, Engine::nowMs());
            if (t.originAlive)
                e.redis->forgetElsewhere(m.resume, t.origin);
            if (!p) {
                s->detachedAtMs = Engine::nowMs(); // gone meanwhile: resumable here
                e.sessions.changed(s);
            } else {
                reattach(p, s); // as one back from a drop
                welcome(p, m, true);
            }
        } else if (t.result != Claim::Failed) {
            if (p)
                helloNew(p, m); // unknown or expired: a new session, as on one server
        } else if (p) {
            sendRedisDown(p, m.id);
        }
        unhold(id);
    });
}

void ChatHandlers::claimNewSession(Peer *p, const client::Hello &m, const QString &nick,
                                   const QString &key)
{
    if (!e.redis->isUp()) {
        sendRedisDown(p, m.id); // whether the nick is free is not known
        return;
    }
    const QString token = SessionRegistry::newToken();
    hold(p);
    e.redis->claimNick(key, token, [this, id = p->id(), m, nick, key, token](auto claim) {
        using Claim = RedisRoomBroker::Claim;
        Peer *p = answered(id);
        if (claim == Claim::Ok && p && !p->session && !e.sessions.byNick(key)) {
            Session *s = e.sessions.create(nick, key, m.agent, token);
            s->inbox = TokenBucket(e.config.ratePerSec, e.config.burst, Engine::nowMs());
            s->peer = p;
            p->session = s;
            welcome(p, m, false);
        } else {
            if (claim == Claim::Ok)
                e.redis->releaseNick(key, token); // nobody to give it to any more
            if (p && claim == Claim::Failed)
                sendRedisDown(p, m.id);
            else if (p)
                sendError(p, makeError(ErrorCode::NickTaken, m.id));
        }
        unhold(id);
    });
}

void ChatHandlers::claimNickChange(Peer *p, const client::Nick &m, const QString &nick,
                                   const QString &key)
{
    if (!e.redis->isUp()) {
        sendRedisDown(p, m.id);
        return;
    }
    const QString token = p->session->token;
    hold(p);
    e.redis->claimNick(key, token, [this, id = p->id(), m, nick, key, token](auto claim) {
        using Claim = RedisRoomBroker::Claim;
        Peer *p = answered(id);
        Session *s = p ? p->session : nullptr;
        const bool same = s && s->token == token;
        if (claim == Claim::Ok && same
            && (!e.sessions.byNick(key) || e.sessions.byNick(key) == s)) {
            const QString old = s->key;
            applyNick(p, m, nick, key);
            if (old != key)
                e.redis->releaseNick(old, token);
        } else {
            if (claim == Claim::Ok)
                e.redis->releaseNick(key, token);
            if (p && claim == Claim::Failed)
                sendRedisDown(p, m.id);
            else if (p)
                sendError(p, makeError(ErrorCode::NickTaken, m.id));
        }
        unhold(id);
    });
}

} // namespace duplex::server
