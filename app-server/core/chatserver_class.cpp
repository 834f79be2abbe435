// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatServer, class control (protocol-v1.md, "Class control"): the operator's side. The
// checks on the clients' side are in chathandlers_class.cpp; the state in classcontrol.*.

#include "chatserver_p.h"

#include <names.h>

#include <QDateTime>

namespace duplex::server {

using namespace proto;

namespace {

QString minutesText(qint64 ms)
{
    return QString::number(double(ms) / 60000.0, 'g', 3);
}

} // namespace

bool ChatServer::kick(quint64 clientId, const QString &reason, qint64 banMs)
{
    Engine &e = d->engine;
    if (e.redis && RedisRoomBroker::isRemoteId(clientId))
        return e.redis->kickRemote(clientId, reason, banMs); // its server kicks it as here
    Peer *p = e.find(clientId);
    if (!p || p->closing())
        return false;
    const QString nick = p->session ? p->session->nick : QString();
    QString text = reason.isEmpty() ? tr("%1 was kicked.").arg(p->who())
                                    : tr("%1 was kicked: %2").arg(p->who(), reason);
    if (banMs > 0) {
        // The address too, except the teacher's own machine (loopback, unless limitLoopback).
        const bool spare = p->info.address.isLoopback() && !e.config.limitLoopback;
        const QString address = spare ? QString() : ClassControl::addressKey(p->info.address);
        const qint64 until = Engine::nowMs() + banMs;
        if (!nick.isEmpty() || !address.isEmpty()) {
            const quint64 id = e.control.ban(nick, nickKey(nick), address, until, reason);
            if (e.redis)
                e.redis->shareBan(id); // every server of the cluster refuses it too
        }
        text += QLatin1Char(' ')
            + tr("Banned for %1 min (until %2).")
                  .arg(minutesText(banMs),
                       QDateTime::fromMSecsSinceEpoch(until).toString(QStringLiteral("HH:mm")));
    }
    e.recorder.event(p, EventKind::Kick, text, close::Kicked);
    e.closePeer(p, close::Kicked, reason);
    if (banMs > 0)
        Q_EMIT classControlChanged();
    return true;
}

void ChatServer::setJoinCode(const QString &code)
{
    if (ClassControl::normalizedCode(code) == ClassControl::normalizedCode(joinCode()))
        return;
    d->engine.control.setJoinCode(code);
    if (d->engine.redis)
        d->engine.redis->shareJoinCode(code); // the cluster's code (server-engine.md)
    d->engine.recorder.event(
        nullptr, EventKind::Control,
        code.trimmed().isEmpty()
            ? tr("No join code needed any more.")
            : tr("New sessions need the join code \u201c%1\u201d.").arg(code.trimmed()));
    Q_EMIT classControlChanged();
}

QString ChatServer::joinCode() const
{
    return d->engine.control.joinCode();
}

void ChatServer::setBanPeriod(qint64 ms)
{
    d->engine.control.setBanMs(ms);
    Q_EMIT classControlChanged();
}

qint64 ChatServer::banPeriod() const
{
    return d->engine.control.banMs();
}

QList<BanInfo> ChatServer::bans() const
{
    return d->engine.control.bans(Engine::nowMs());
}

bool ChatServer::liftBan(quint64 banId)
{
    Engine &e = d->engine;
    const QList<BanInfo> all = e.control.bans(Engine::nowMs());
    for (const BanInfo &b : all) {
        if (b.id != banId)
            continue;
        e.control.liftBan(banId);
        if (e.redis)
            e.redis->shareLift(banId);
        const QString who = b.nick.isEmpty() ? b.address
            : b.address.isEmpty()            ? b.nick
                                             : QStringLiteral("%1 (%2)").arg(b.nick, b.address);
        e.recorder.event(nullptr, EventKind::Control, tr("The ban of %1 was lifted.").arg(who));
        Q_EMIT classControlChanged();
        return true;
    }
    return false;
}

void ChatServer::setMuted(const QString &nick, bool muted)
{
    const QString key = nickKey(nick);
    if (d->engine.control.isMuted(key) == muted)
        return;
    d->engine.control.setMuted(key, muted);
    if (d->engine.redis)
        d->engine.redis->shareMute(key, nick, muted);
    d->engine.recorder.event(nullptr, EventKind::Control,
                             muted ? tr("\u201c%1\u201d is muted.").arg(nick)
                                   : tr("\u201c%1\u201d is no longer muted.").arg(nick));
    Q_EMIT classControlChanged();
}

bool ChatServer::isMuted(const QString &nick) const
{
    return d->engine.control.isMuted(nickKey(nick));
}

void ChatServer::lockServer(bool locked)
{
    if (d->engine.control.isLocked() == locked)
        return;
    d->engine.control.setLocked(locked);
    d->engine.recorder.event(nullptr, EventKind::Control,
                             locked ? tr("The server is locked: no new sessions.")
                                    : tr("The server is open for new sessions again."));
    Q_EMIT classControlChanged();
}

bool ChatServer::isServerLocked() const
{
    return d->engine.control.isLocked();
}

void ChatServer::lockRoom(const QString &room, bool locked)
{
    if (d->engine.control.isRoomLocked(room) == locked)
        return;
    d->engine.control.setRoomLocked(room, locked);
    d->engine.recorder.event(nullptr, EventKind::Control,
                             locked ? tr("#%1 is locked: nobody new can join it.").arg(room)
                                    : tr("#%1 is open again.").arg(room));
    Q_EMIT classControlChanged();
}

void ChatServer::setSlowMode(const QString &room, int seconds)
{
    seconds = qMax(0, seconds);
    if (d->engine.control.slowMode(room) == seconds)
        return;
    d->engine.control.setSlowMode(room, seconds);
    d->engine.recorder.event(
        nullptr, EventKind::Control,
        seconds > 0
            ? tr("Slow mode in #%1: one message every %2 s per member.").arg(room).arg(seconds)
            : tr("Slow mode in #%1 is off.").arg(room));
    Q_EMIT classControlChanged();
}

void ChatServer::setReservedNicks(const QStringList &nicks)
{
    d->engine.control.setReservedNicks(nicks);
    Q_EMIT classControlChanged();
}

QList<HeldNick> ChatServer::heldNicks() const
{
    const Engine &e = d->engine;
    QList<HeldNick> out;
    // Every detached session (its drop was at or before now).
    for (const Session *s : e.sessions.expired(Engine::nowMs(), 0)) {
        HeldNick h;
        h.nick = s->nick;
        h.rooms = s->rooms;
        h.expiresMs = s->detachedAtMs + e.config.resumeGraceMs;
        out.append(h);
    }
    std::sort(out.begin(), out.end(), [](const HeldNick &a, const HeldNick &b) {
        return a.nick.compare(b.nick, Qt::CaseInsensitive) < 0;
    });
    return out;
}

bool ChatServer::releaseHeldNick(const QString &nick)
{
    Engine &e = d->engine;
    Session *s = e.sessions.byNick(nickKey(nick));
    if (!s || s->peer)
        return false;
    const QString name = s->nick;
    e.sessions.remove(s);
    e.recorder.event(nullptr, EventKind::Control,
                     tr("The nickname \u201c%1\u201d held for a dropped connection is free again "
                        "(that session cannot be resumed).")
                         .arg(name));
    Q_EMIT classControlChanged();
    return true;
}

ClassControlState ChatServer::classControlState() const
{
    ClassControl &c = d->engine.control;
    ClassControlState st;
    st.joinCode = c.joinCode();
    st.banMs = c.banMs();
    st.locked = c.isLocked();
    st.lockedRooms = c.lockedRooms();
    st.slowModes = c.slowModes();
    st.muted = c.muted();
    st.reservedNicks = c.reservedNicks();
    st.bans = c.bans(Engine::nowMs());
    st.held = heldNicks();
    return st;
}

} // namespace duplex::server
