// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "classcontrol.h"

#include <names.h>

#include <algorithm>

namespace duplex::server {

ClassControl::ClassControl()
    : ClassControl(Settings())
{
}

ClassControl::ClassControl(Settings settings)
    : m_settings(std::move(settings))
{
    setJoinCode(m_settings.joinCode);
    setReservedNicks(m_settings.reservedNicks);
    m_settings.banMs = qMax<qint64>(0, m_settings.banMs);
}

QString ClassControl::normalizedCode(const QString &code)
{
    QString out;
    out.reserve(code.size());
    for (const QChar c : code) {
        if (!c.isSpace())
            out.append(c);
    }
    return out.toCaseFolded();
}

void ClassControl::setJoinCode(const QString &code)
{
    m_settings.joinCode = code.trimmed();
    m_code = normalizedCode(code);
}

bool ClassControl::codeMatches(const QString &given) const
{
    return m_code.isEmpty() || normalizedCode(given) == m_code;
}

bool ClassControl::struckOut(const QString &address, qint64 nowMs) const
{
    const auto it = m_strikes.constFind(address);
    return it != m_strikes.cend() && it->outUntilMs > nowMs;
}

bool ClassControl::strike(const QString &address, qint64 nowMs)
{
    Strikes &s = m_strikes[address];
    while (!s.times.isEmpty() && nowMs - s.times.first() >= m_settings.strikeWindowMs)
        s.times.removeFirst();
    s.times.append(nowMs);
    if (s.times.size() < m_settings.strikeLimit)
        return false;
    // "until the minute is over": the minute of the strikes, counted from the first of them.
    s.outUntilMs = s.times.first() + m_settings.strikeWindowMs;
    return true;
}

void ClassControl::setStrikeRule(int limit, qint64 windowMs)
{
    m_settings.strikeLimit = qMax(1, limit);
    m_settings.strikeWindowMs = qMax<qint64>(1, windowMs);
}

quint64 ClassControl::ban(const QString &nick, const QString &nickKey, const QString &address,
                          qint64 untilMs, const QString &reason)
{
    BanInfo b;
    b.id = m_nextBan++;
    b.nick = nick;
    b.address = address;
    b.untilMs = untilMs;
    b.reason = reason;
    m_bans.append(b);
    m_banKeys.insert(b.id, nickKey);
    return b.id;
}

qint64 ClassControl::bannedUntil(const QString &nickKey, const QString &address, qint64 nowMs)
{
    qint64 until = 0;
    for (const BanInfo &b : std::as_const(m_bans)) {
        if (b.untilMs <= nowMs)
            continue;
        const QString key = m_banKeys.value(b.id);
        const bool nickHit = !key.isEmpty() && key == nickKey;
        const bool addressHit = !b.address.isEmpty() && b.address == address;
        if (nickHit || addressHit)
            until = qMax(until, b.untilMs);
    }
    return until;
}

bool ClassControl::liftBan(quint64 id)
{
    const auto it
        = std::find_if(m_bans.begin(), m_bans.end(), [id](const BanInfo &b) { return b.id == id; });
    if (it == m_bans.end())
        return false;
    m_bans.erase(it);
    m_banKeys.remove(id);
    return true;
}

QList<BanInfo> ClassControl::bans(qint64 nowMs)
{
    prune(nowMs);
    return m_bans;
}

void ClassControl::setMuted(const QString &nickKey, bool on)
{
    if (on)
        m_muted.insert(nickKey);
    else
        m_muted.remove(nickKey);
}

void ClassControl::renamed(const QString &oldKey, const QString &newKey)
{
    if (oldKey != newKey && m_muted.remove(oldKey))
        m_muted.insert(newKey);
}

void ClassControl::setRoomLocked(const QString &room, bool on)
{
    if (on)
        m_lockedRooms.insert(room);
    else
        m_lockedRooms.remove(room);
}

void ClassControl::setSlowMode(const QString &room, int seconds)
{
    if (seconds > 0) {
        m_slow.insert(room, seconds);
    } else {
        m_slow.remove(room);
        const QString prefix = room + QChar(0x1f);
        for (auto it = m_lastSay.begin(); it != m_lastSay.end();) {
            if (it.key().startsWith(prefix))
                it = m_lastSay.erase(it);
            else
                ++it;
        }
    }
}

qint64 ClassControl::slowWait(const QString &room, const QString &nickKey, qint64 nowMs)
{
    const int seconds = m_slow.value(room, 0);
    if (seconds <= 0)
        return 0;
    const QString key = room + QChar(0x1f) + nickKey;
    const qint64 period = qint64(seconds) * 1000;
    const auto it = m_lastSay.constFind(key);
    if (it != m_lastSay.cend() && nowMs - *it < period)
        return qMax<qint64>(1, period - (nowMs - *it));
    m_lastSay.insert(key, nowMs);
    return 0;
}

void ClassControl::setReservedNicks(const QStringList &nicks)
{
    QStringList kept;
    m_reserved.clear();
    for (const QString &raw : nicks) {
        const QString nick = raw.trimmed();
        if (nick.isEmpty())
            continue;
        const QString key = proto::nickKey(nick);
        if (m_reserved.contains(key))
            continue;
        m_reserved.insert(key);
        kept.append(nick);
    }
    m_settings.reservedNicks = kept;
}

QString ClassControl::addressKey(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4).toString() : address.toString();
}

void ClassControl::prune(qint64 nowMs)
{
    for (auto it = m_bans.begin(); it != m_bans.end();) {
        if (it->untilMs <= nowMs) {
            m_banKeys.remove(it->id);
            it = m_bans.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_strikes.begin(); it != m_strikes.end();) {
        const bool stale = it->outUntilMs <= nowMs
            && (it->times.isEmpty() || nowMs - it->times.last() >= m_settings.strikeWindowMs);
        if (stale)
            it = m_strikes.erase(it);
        else
            ++it;
    }
    qint64 longest = 0;
    for (const int s : std::as_const(m_slow))
        longest = qMax(longest, qint64(s) * 1000);
    for (auto it = m_lastSay.begin(); it != m_lastSay.end();) {
        if (nowMs - *it >= longest)
            it = m_lastSay.erase(it);
        else
            ++it;
    }
}

} // namespace duplex::server
