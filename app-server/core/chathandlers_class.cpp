// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatHandlers, class control (protocol-v1.md, "Class control"): the checks the handlers
// in chathandlers.cpp call before they act. The state is ClassControl (engine.control).

#include "chathandlers.h"

#include "engine.h"

#include <codec.h>
#include <names.h>

#include <QDateTime>

namespace duplex::server {

using namespace proto;

namespace {

/// Address bans and strikes spare loopback unless limitLoopback (the teacher's machine).
QString addressOf(const Engine &e, const Peer *p)
{
    if (p->info.address.isLoopback() && !e.config.limitLoopback)
        return {};
    return ClassControl::addressKey(p->info.address);
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm"));
}

} // namespace

void ChatHandlers::sendError(Peer *p, const proto::server::Error &error)
{
    ++e.shared.counters.errorsSent;
    e.send(p, error);
}

bool ChatHandlers::refuseStruckOut(Peer *p, const client::Hello &m)
{
    const QString address = addressOf(e, p);
    if (address.isEmpty() || !e.control.struckOut(address, Engine::nowMs()))
        return false;
    sendError(p,
              makeError(ErrorCode::BadCode, m.id,
                        tr("Too many wrong join codes from your address: wait a minute.")));
    e.recorder.event(
        p, EventKind::Refused,
        tr("%1: too many wrong join codes from this address; closed with 1008.").arg(p->who()),
        close::PolicyViolation);
    e.closePeer(p, close::PolicyViolation, QStringLiteral("too many wrong join codes"));
    return true;
}

bool ChatHandlers::refuseNewSession(Peer *p, const client::Hello &m)
{
    const qint64 now = Engine::nowMs();
    const QString address = addressOf(e, p);
    if (const qint64 until = e.control.bannedUntil(nickKey(m.nick), address, now)) {
        proto::server::Error error
            = makeError(ErrorCode::Banned, m.id,
                        tr("You were removed from this server until %1.").arg(timeText(until)));
        error.until = until;
        sendError(p, error);
        e.recorder.event(p, EventKind::Refused,
                         tr("%1 (\"%2\") is banned until %3; closed with 4003.")
                             .arg(p->who(), m.nick, timeText(until)),
                         close::Banned);
        e.closePeer(p, close::Banned, QStringLiteral("banned"));
        return true;
    }
    if (e.control.isLocked()) {
        sendError(p, makeError(ErrorCode::Locked, m.id));
        e.recorder.event(
            p, EventKind::Refused,
            tr("%1 (\"%2\"): the server is locked; closed with 4002.").arg(p->who(), m.nick),
            close::Locked);
        e.closePeer(p, close::Locked, QStringLiteral("server locked"));
        return true;
    }
    if (e.control.codeMatches(m.code))
        return false;
    const bool out = !address.isEmpty() && e.control.strike(address, now);
    sendError(p,
              makeError(ErrorCode::BadCode, m.id,
                        m.code.isEmpty() ? tr("This server needs a join code. Ask your teacher.")
                                         : tr("The join code is wrong. Ask your teacher.")));
    if (out) {
        e.recorder.event(
            p, EventKind::Refused,
            tr("%1: too many wrong join codes from this address; closed with 1008.").arg(p->who()),
            close::PolicyViolation);
        e.closePeer(p, close::PolicyViolation, QStringLiteral("too many wrong join codes"));
    } else {
        e.recorder.event(p, EventKind::Refused,
                         m.code.isEmpty()
                             ? tr("%1 (\"%2\") sent no join code.").arg(p->who(), m.nick)
                             : tr("%1 (\"%2\") sent a wrong join code.").arg(p->who(), m.nick));
    }
    return true;
}

bool ChatHandlers::refuseNick(Peer *p, const QString &nick, const QString &key, const QString &re,
                              const QString &ownKey)
{
    // The teacher's own machine (loopback, unless limitLoopback) may use a reserved nick.
    if (e.control.isReserved(key) && !addressOf(e, p).isEmpty()) {
        sendError(
            p,
            makeError(ErrorCode::BadNick, re,
                      tr("The nickname \u201c%1\u201d is reserved on this server.").arg(nick)));
        return true;
    }
    if (key == ownKey)
        return false;
    // Here only; with --redis the other servers' sessions answer through the nick's lease
    // (ChatHandlers::claimNewSession, claimNickChange).
    const Session *holder = e.sessions.byNick(key);
    if (!holder)
        return false;
    if (holder->peer) {
        sendError(p, makeError(ErrorCode::NickTaken, re));
        return true;
    }
    const qint64 left
        = qMax<qint64>(1, (holder->detachedAtMs + e.config.resumeGraceMs - Engine::nowMs()) / 1000);
    proto::server::Error error = makeError(
        ErrorCode::NickTaken, re,
        tr("The nickname \u201c%1\u201d belongs to a connection that dropped: your previous "
           "connection is still held; reconnecting resumes it. Otherwise it is free in %2 s, or "
           "the teacher can free it.")
            .arg(holder->nick)
            .arg(left));
    error.held = true;
    sendError(p, error);
    return true;
}

bool ChatHandlers::refuseMuted(Peer *p, const QString &re)
{
    if (!e.control.isMuted(p->session->key))
        return false;
    sendError(p, makeError(ErrorCode::Muted, re));
    return true;
}

bool ChatHandlers::refuseLockedRoom(Peer *p, const QString &room, const QString &re)
{
    if (!e.control.isRoomLocked(room) || e.rooms->contains(room, p))
        return false;
    sendError(p,
              makeError(ErrorCode::RoomLocked, re,
                        tr("The room #%1 is locked: nobody new can join it.").arg(room)));
    return true;
}

bool ChatHandlers::refuseSlow(Peer *p, const QString &room, const QString &re)
{
    const qint64 wait = e.control.slowWait(room, p->session->key, Engine::nowMs());
    if (wait <= 0)
        return false;
    ++e.shared.counters.rateLimited;
    proto::server::Error error
        = makeError(ErrorCode::RateLimited, re,
                    tr("Slow mode in #%1: one message every %2 s. Wait %3 s.")
                        .arg(room)
                        .arg(e.control.slowMode(room))
                        .arg((wait + 999) / 1000));
    error.retryAfter = wait;
    sendError(p, error);
    return true;
}

} // namespace duplex::server
