// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// RedisRoomBroker: kicks, bans, mutes and the join code across processes (issue 17), kept
// in Redis (duplex:bans, duplex:muted, duplex:joincode) and announced on the control channel
// (redisroombroker_relay.cpp handles what the others announce). A process that connects
// (or reconnects) to Redis reads them; what it changed while Redis was away goes first.
#include "redisroombroker.h"

#include "clientinfo.h"
#include "engine.h"

#include <names.h>

#include <QDateTime>
#include <QJsonDocument>

namespace duplex::server {

namespace sv = proto::server;

namespace {

constexpr char BansKey[] = "duplex:bans";         // hash: origin:id -> ban JSON
constexpr char MutedKey[] = "duplex:muted";       // set of nick keys
constexpr char JoinCodeKey[] = "duplex:joincode"; // string ("" = no code)
// Set when a process first reads the above and never deleted: gone, Redis is new or lost
// its data.
constexpr char MarkerKey[] = "duplex:cc";

// Stores one ban and keeps the hash alive until its last ban ends.
// KEYS: 1 the hash; ARGV: 1 field, 2 JSON, 3 ms until that ban ends
constexpr char BanScript[] = R"lua(
redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
local ttl = redis.call('pttl', KEYS[1])
if ttl >= 0 and ttl < tonumber(ARGV[3]) or ttl == -1 then
  redis.call('pexpire', KEYS[1], ARGV[3])
end
return 1
)lua";

// A process (re)connected: if the marker is missing, sets it and puts back the mutes and bans
// it knows (one step, so another process reading now reads all of it); 1: seeded, 0: the
// marker was there (what Redis has is the cluster's).
// KEYS: 1 marker, 2 mutes, 3 bans; ARGV: 1 n, 2..n+1 muted keys, then (field, JSON, ms left)*
constexpr char SeedScript[] = R"lua(
if not redis.call('set', KEYS[1], '1', 'NX') then return 0 end
local n = tonumber(ARGV[1])
for i = 2, n + 1 do redis.call('sadd', KEYS[2], ARGV[i]) end
for i = n + 2, #ARGV - 2, 3 do
  redis.call('hset', KEYS[3], ARGV[i], ARGV[i + 1])
  local ttl = redis.call('pttl', KEYS[3])
  if ttl == -1 or ttl < tonumber(ARGV[i + 2]) then redis.call('pexpire', KEYS[3], ARGV[i + 2]) end
end
return 1
)lua";

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm"));
}

/// A ban as the hash keeps it.
QJsonObject banObject(const BanInfo &b)
{
    QJsonObject o;
    o.insert(QLatin1String("n"), b.nick);
    o.insert(QLatin1String("k"), proto::nickKey(b.nick));
    o.insert(QLatin1String("a"), b.address);
    o.insert(QLatin1String("u"), b.untilMs);
    o.insert(QLatin1String("r"), b.reason);
    return o;
}

} // namespace

void RedisRoomBroker::addControlScripts()
{
    m_link->addScript("ban", BanScript);
    m_link->addScript("seed", SeedScript);
}

// --- kicks, bans, mutes, the join code ------------------------------------------------------

bool RedisRoomBroker::findRemote(quint64 id, QByteArray *origin, QString *nick) const
{
    for (const auto &[o, r] : m_remotes) {
        for (const RemoteClientEntry &e : r.clientList) {
            const QString key = QString::fromLatin1(o) + QChar(0x1f) + e.key;
            if (m_remoteIds.value(key) == id) {
                *origin = o;
                *nick = e.nick;
                return true;
            }
        }
    }
    return false;
}

QString RedisRoomBroker::remoteNick(const QString &nickKey) const
{
    for (const auto &[o, r] : m_remotes) {
        const int i = r.byKey.value(nickKey, -1);
        if (i >= 0)
            return r.clientList.at(i).nick;
    }
    return {};
}

bool RedisRoomBroker::addressTo(quint64 id, QByteArray *origin, QString *nick, QJsonObject *o)
{
    // A message for the process holding that client: `to` it, `k` the client's nick key.
    if (!m_link->isUp() || !m_engine || !findRemote(id, origin, nick))
        return false;
    o->insert(QLatin1String("to"), QString::fromLatin1(*origin));
    o->insert(QLatin1String("k"), proto::nickKey(*nick));
    return true;
}

bool RedisRoomBroker::kickRemote(quint64 id, const QString &reason, qint64 banMs)
{
    QByteArray origin;
    QString nick;
    QJsonObject o;
    if (!addressTo(id, &origin, &nick, &o))
        return false;
    o.insert(QLatin1String("reason"), reason);
    o.insert(QLatin1String("ban"), banMs);
    sendControl("kick", compact(o));
    m_engine->recorder.event(
        QStringLiteral("redis"), EventKind::Kick,
        tr("Server %1 is asked to kick \u201c%2\u201d.").arg(processName(origin), nick));
    return true;
}

bool RedisRoomBroker::noticeRemote(quint64 id, const sv::Notice &notice)
{
    QByteArray origin;
    QString nick;
    QJsonObject o;
    if (!addressTo(id, &origin, &nick, &o))
        return false;
    o.insert(QLatin1String("text"), notice.text);
    o.insert(QLatin1String("ts"), notice.ts);
    sendControl("pnotice", compact(o));
    return true;
}

void RedisRoomBroker::shareBan(quint64 banId)
{
    // Made while Redis is away: shared when it is back (if the ban still holds then).
    m_link->whenUp([this, banId] {
        if (!m_engine)
            return;
        const qint64 now = Engine::nowMs();
        for (const BanInfo &b : m_engine->control.bans(now)) {
            if (b.id != banId)
                continue;
            const QString uid
                = QString::fromLatin1(m_origin) + QLatin1Char(':') + QString::number(b.id);
            m_banUid.insert(b.id, uid);
            m_banByUid.insert(uid, b.id);
            QJsonObject o = banObject(b);
            const QByteArray json = compact(o);
            m_link->eval("ban", {BansKey},
                         {uid.toUtf8(), json, QByteArray::number(b.untilMs - now)}, {});
            o.insert(QLatin1String("id"), uid);
            sendControl("ban", compact(o));
            return;
        }
    });
}

void RedisRoomBroker::applyBan(const QString &uid, const QJsonObject &o, const QString &from)
{
    const qint64 until = qint64(o.value(QLatin1String("u")).toDouble());
    if (m_banByUid.contains(uid) || until <= Engine::nowMs())
        return;
    const QString nick = o.value(QLatin1String("n")).toString();
    const QString address = o.value(QLatin1String("a")).toString();
    const quint64 id = m_engine->control.ban(nick, o.value(QLatin1String("k")).toString(), address,
                                             until, o.value(QLatin1String("r")).toString());
    m_banUid.insert(id, uid);
    m_banByUid.insert(uid, id);
    const QString who = nick.isEmpty() ? address
        : address.isEmpty()            ? nick
                                       : QStringLiteral("%1 (%2)").arg(nick, address);
    m_engine->recorder.event(
        QStringLiteral("redis"), EventKind::Control,
        tr("Server %1 banned %2 until %3: refused here too.").arg(from, who, timeText(until)));
}

void RedisRoomBroker::shareLift(quint64 banId)
{
    const QString uid = m_banUid.take(banId);
    if (uid.isEmpty())
        return;
    m_banByUid.remove(uid);
    m_link->whenUp([this, uid] {
        m_link->command({"HDEL", BansKey, uid.toUtf8()}, {});
        sendControl("unban", compact(QJsonObject {{QLatin1String("id"), uid}}));
    });
}

void RedisRoomBroker::shareMute(const QString &nickKey, const QString &nick, bool muted)
{
    m_link->whenUp([this, nickKey, nick, muted] {
        m_link->command({muted ? "SADD" : "SREM", MutedKey, nickKey.toUtf8()}, {});
        QJsonObject o;
        o.insert(QLatin1String("k"), nickKey);
        o.insert(QLatin1String("n"), nick);
        o.insert(QLatin1String("on"), muted);
        sendControl("mute", compact(o));
    });
}

void RedisRoomBroker::shareMuteRename(const QString &oldKey, const QString &newKey,
                                      const QString &oldNick, const QString &newNick)
{
    m_link->whenUp([=] {
        m_link->command({"SREM", MutedKey, oldKey.toUtf8()}, {});
        m_link->command({"SADD", MutedKey, newKey.toUtf8()}, {});
        QJsonObject o;
        o.insert(QLatin1String("k"), newKey);
        o.insert(QLatin1String("n"), newNick);
        o.insert(QLatin1String("on"), true);
        o.insert(QLatin1String("ok"), oldKey);
        o.insert(QLatin1String("on0"), oldNick);
        sendControl("mute", compact(o));
    });
}

void RedisRoomBroker::shareJoinCode(const QString &code)
{
    m_link->whenUp([this, code = code.trimmed()] {
        m_link->command({"SET", JoinCodeKey, code.toUtf8()}, {});
        sendControl("code", compact(QJsonObject {{QLatin1String("c"), code}}));
    });
}

void RedisRoomBroker::loadShared()
{
    if (!m_engine)
        return;
    // What this process changed while Redis was away went first (RedisLink::whenUp). Then:
    // a Redis without the marker gets what this process knows (it is new, or it lost its
    // data); one with it has the cluster's state, so what is not there any more was lifted
    // or unmuted elsewhere meanwhile and goes here too.
    const qint64 now = Engine::nowMs();
    const QSet<QString> muted = m_engine->control.muted();
    QList<QByteArray> args {QByteArray::number(muted.size())};
    for (const QString &key : muted)
        args.append(key.toUtf8());
    for (const BanInfo &b : m_engine->control.bans(now)) {
        const QString uid = m_banUid.value(b.id);
        if (!uid.isEmpty())
            args << uid.toUtf8() << compact(banObject(b)) << QByteArray::number(b.untilMs - now);
    }
    m_link->eval("seed", {MarkerKey, MutedKey, BansKey}, args, [this](const RedisValue &v) {
        readShared(v.type == RedisValue::Type::Integer && v.integer == 0);
    });
}

void RedisRoomBroker::readShared(bool exact)
{
    m_link->command({"HGETALL", BansKey}, [this, exact](const RedisValue &v) {
        const qint64 now = Engine::nowMs();
        const int before = int(m_engine->control.bans(now).size());
        QSet<QString> listed;
        for (qsizetype i = 0; i + 1 < v.elements.size(); i += 2) {
            const QString uid = QString::fromUtf8(v.elements.at(i).str);
            const QJsonObject o = QJsonDocument::fromJson(v.elements.at(i + 1).str).object();
            listed.insert(uid);
            if (qint64(o.value(QLatin1String("u")).toDouble()) <= now)
                m_link->command({"HDEL", BansKey, uid.toUtf8()}, {}); // ended
            else
                applyBan(uid, o, processName(uid.section(QLatin1Char(':'), 0, 0).toLatin1()));
        }
        bool lifted = false;
        for (auto it = m_banByUid.begin(); exact && it != m_banByUid.end();) {
            if (listed.contains(it.key())) {
                ++it;
                continue;
            }
            lifted = m_engine->control.liftBan(it.value()) || lifted;
            m_banUid.remove(it.value());
            it = m_banByUid.erase(it);
        }
        if (lifted)
            m_engine->recorder.event(
                QStringLiteral("redis"), EventKind::Control,
                tr("Bans lifted on another server while this one could not reach Redis are "
                   "lifted here too."));
        if (lifted || m_engine->control.bans(now).size() != before)
            Q_EMIT m_engine->events->classControlChanged();
    });
    m_link->command({"SMEMBERS", MutedKey}, [this, exact](const RedisValue &v) {
        QSet<QString> listed;
        for (const RedisValue &k : v.elements)
            listed.insert(QString::fromUtf8(k.str));
        const QSet<QString> muted = m_engine->control.muted();
        for (const QString &key : listed - muted)
            m_engine->control.setMuted(key, true);
        const QSet<QString> unmuted = exact ? muted - listed : QSet<QString> {};
        for (const QString &key : unmuted) {
            m_engine->control.setMuted(key, false);
            m_engine->recorder.event(
                QStringLiteral("redis"), EventKind::Control,
                tr("“%1” was unmuted on another server while this one could not "
                   "reach Redis: unmuted here too.")
                    .arg(key));
        }
        if (!(listed - muted).isEmpty() || !unmuted.isEmpty())
            Q_EMIT m_engine->events->classControlChanged();
    });
    m_link->command({"GET", JoinCodeKey}, [this](const RedisValue &v) {
        ClassControl &c = m_engine->control;
        if (v.type != RedisValue::Type::String) {
            // The cluster has none yet: ours (--join-code) becomes the cluster's.
            if (v.type == RedisValue::Type::Nil && v.str.isEmpty() && c.codeRequired())
                shareJoinCode(c.joinCode());
            return;
        }
        const QString code = QString::fromUtf8(v.str);
        if (ClassControl::normalizedCode(code) == ClassControl::normalizedCode(c.joinCode()))
            return;
        c.setJoinCode(code);
        m_engine->recorder.event(
            QStringLiteral("redis"), EventKind::Control,
            code.isEmpty()
                ? tr("The cluster needs no join code: neither does this server.")
                : tr("The cluster's join code \u201c%1\u201d holds here too.").arg(code));
        Q_EMIT m_engine->events->classControlChanged();
    });
}

} // namespace duplex::server
