// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// RedisRoomBroker: nicks and sessions held in Redis (docs/server-engine.md, "The Redis
// broker"). A nick key is a lease of one session of one process, claimed by a script (two
// processes claiming one nick at once: one wins); it counts as free once that process's
// liveness key is gone (a crash frees its nicks within ProcTtlMs). A session's resume token
// is a key with its nick and rooms, so a client resumes on any process, also one started
// after its own process died. Both are kept alive in tenths, one tenth per beat.
#include "redisroombroker.h"

#include "engine.h"

#include <names.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace duplex::server {

namespace {

constexpr char NickPrefix[] = "duplex:nick:";       // nick key -> "origin \n token"
constexpr char SessionPrefix[] = "duplex:session:"; // token -> "origin \n key \n {n, r}"
constexpr char ProcPrefix[] = "duplex:proc:";       // origin -> name, alive while it beats
/// A process that did not beat for this long is gone: its leases are free.
constexpr int ProcTtlMs = 5000;
/// Each session's key and lease are refreshed every this many beats (one tenth per beat).
constexpr int RefreshEvery = 10;
/// How much longer than the grace a key lives after its last refresh (the beats between
/// two refreshes and one more).
constexpr int SlackMs = (RefreshEvery + 1) * 1000;
/// Keys per refresh script.
constexpr int RefreshBatch = 1000;
/// Releases kept while Redis is unreachable, sent when it is back.
constexpr int MaxUnreleased = 20000;

// A lease: taken when free, when this token holds it already (its session resumed here), or
// when its owner process is gone. Another token of a live process (this one included): 0.
// KEYS: 1 nick key. ARGV: 1 origin, 2 token, 3 proc prefix, 4 ttl ms
constexpr char ClaimScript[] = R"lua(
local v = redis.call('get', KEYS[1])
if v then
  local o, t = string.match(v, '^([^\n]*)\n(.*)$')
  if o and t ~= ARGV[2] and (o == ARGV[1] or redis.call('exists', ARGV[3] .. o) == 1) then
    return 0
  end
end
redis.call('set', KEYS[1], ARGV[1] .. '\n' .. ARGV[2], 'PX', ARGV[4])
return 1
)lua";

// Deletes each key whose value still starts with its prefix (still ours).
// KEYS: the keys. ARGV: one prefix per key.
constexpr char ReleaseScript[] = R"lua(
local n = 0
for i, k in ipairs(KEYS) do
  local v = redis.call('get', k)
  if v and string.sub(v, 1, #ARGV[i]) == ARGV[i] then
    redis.call('del', k)
    n = n + 1
  end
end
return n
)lua";

// Writes a session's key unless another live process has taken the session over.
// KEYS: 1 session key. ARGV: 1 origin, 2 value, 3 ttl ms, 4 proc prefix
constexpr char PutScript[] = R"lua(
local v = redis.call('get', KEYS[1])
if v then
  local o = string.match(v, '^([^\n]*)')
  if o ~= ARGV[1] and redis.call('exists', ARGV[4] .. o) == 1 then return 0 end
end
redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
)lua";

// A resume on this process: the session's key and its nick lease become ours in one step,
// unless the nick is held by another session of a live process (then it is not resumable).
// KEYS: 1 session key. ARGV: 1 origin, 2 token, 3 proc prefix, 4 nick prefix,
//       5 session ttl ms, 6 lease ttl ms
// Returns {1, key, body, old origin, old origin alive} or {0}.
constexpr char TakeScript[] = R"lua(
local v = redis.call('get', KEYS[1])
if not v then return {0} end
local o, k, body = string.match(v, '^([^\n]*)\n([^\n]*)\n(.*)$')
if not o then return {0} end
local lk = ARGV[4] .. k
local lease = redis.call('get', lk)
if lease then
  local lo, lt = string.match(lease, '^([^\n]*)\n(.*)$')
  if lo and lt ~= ARGV[2] and (lo == ARGV[1] or redis.call('exists', ARGV[3] .. lo) == 1) then
    return {0}
  end
end
redis.call('set', lk, ARGV[1] .. '\n' .. ARGV[2], 'PX', ARGV[6])
redis.call('set', KEYS[1], ARGV[1] .. '\n' .. k .. '\n' .. body, 'PX', ARGV[5])
local alive = 0
if o ~= ARGV[1] then alive = redis.call('exists', ARGV[3] .. o) end
return {1, k, body, o, alive}
)lua";

// KEYS: the keys. ARGV: one ttl ms per key.
constexpr char RefreshScript[] = R"lua(
for i, k in ipairs(KEYS) do redis.call('pexpire', k, ARGV[i]) end
return #KEYS
)lua";

QByteArray nickKeyOf(const QString &key)
{
    return QByteArray(NickPrefix) + key.toUtf8();
}

QByteArray sessionKeyOf(const QString &token)
{
    return QByteArray(SessionPrefix) + token.toUtf8();
}

} // namespace

void RedisRoomBroker::addSessionScripts()
{
    m_link->addScript("claim", ClaimScript);
    m_link->addScript("release", ReleaseScript);
    m_link->addScript("put", PutScript);
    m_link->addScript("take", TakeScript);
    m_link->addScript("refresh", RefreshScript);
}

qint64 RedisRoomBroker::sessionTtlMs(const Session *s) const
{
    const qint64 grace = m_engine->config.resumeGraceMs;
    if (s->peer)
        return grace + SlackMs;
    return qMax<qint64>(1, s->detachedAtMs + grace - Engine::nowMs());
}

void RedisRoomBroker::claimNick(const QString &key, const QString &token,
                                std::function<void(Claim)> done)
{
    if (!m_link->isUp()) {
        QTimer::singleShot(0, this, [done] { done(Claim::Failed); });
        return;
    }
    m_link->eval("claim", {nickKeyOf(key)},
                 {m_origin, token.toUtf8(), ProcPrefix,
                  QByteArray::number(m_engine->config.resumeGraceMs + SlackMs)},
                 [done](const RedisValue &v) {
                     if (v.type != RedisValue::Type::Integer)
                         done(Claim::Failed);
                     else
                         done(v.integer == 1 ? Claim::Ok : Claim::Taken);
                 });
}

void RedisRoomBroker::releaseNick(const QString &key, const QString &token)
{
    const QByteArray lease = nickKeyOf(key);
    const QByteArray ours = m_origin + '\n' + token.toUtf8();
    if (!m_link->isUp()) {
        if (m_unreleased.size() < MaxUnreleased)
            m_unreleased.append({lease, ours});
        return;
    }
    m_link->eval("release", {lease}, {ours}, {});
    m_link->flush(); // a close 1000 frees the nick before anything else happens here
}

void RedisRoomBroker::takeSession(const QString &token, std::function<void(const Taken &)> done)
{
    if (!m_link->isUp()) {
        QTimer::singleShot(0, this, [done] { done(Taken {}); });
        return;
    }
    const qint64 grace = m_engine->config.resumeGraceMs;
    m_link->eval("take", {sessionKeyOf(token)},
                 {m_origin, token.toUtf8(), ProcPrefix, NickPrefix,
                  QByteArray::number(grace + SlackMs), QByteArray::number(grace + SlackMs)},
                 [done](const RedisValue &v) {
                     Taken t;
                     if (v.type != RedisValue::Type::Array || v.elements.isEmpty()) {
                         done(t); // Failed
                         return;
                     }
                     t.result = Claim::Taken;
                     if (v.elements[0].integer == 1 && v.elements.size() >= 5) {
                         const QJsonObject body
                             = QJsonDocument::fromJson(v.elements[2].str).object();
                         t.result = Claim::Ok;
                         t.key = QString::fromUtf8(v.elements[1].str);
                         t.nick = body.value(QLatin1String("n")).toString();
                         for (const QJsonValue &r : body.value(QLatin1String("r")).toArray())
                             t.rooms.append(r.toString());
                         t.origin = v.elements[3].str;
                         t.originAlive = v.elements[4].integer == 1;
                     }
                     done(t);
                 });
}

void RedisRoomBroker::forgetElsewhere(const QString &token, const QByteArray &origin)
{
    QJsonObject o;
    o.insert(QLatin1String("t"), token);
    o.insert(QLatin1String("o"), QString::fromLatin1(origin));
    sendControl("forget", QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void RedisRoomBroker::onForget(const QString &token)
{
    Engine &e = *m_engine;
    Session *s = e.sessions.byToken(token);
    if (!s)
        return;
    if (Peer *old = s->peer) {
        // Still attached here (half-open: the client went to another server): silently out
        // of its rooms (its members see it join there), closed with 4000.
        for (const QString &room : std::as_const(s->rooms))
            m_local->leave(room, old, s->nick, false);
        old->keepIdentity();
        old->session = nullptr;
        s->peer = nullptr;
        e.recorder.event(old, EventKind::Takeover,
                         tr("%1: the session was resumed on another server; this connection is "
                            "closed with 4000.")
                             .arg(old->who()));
        e.closePeer(old, proto::close::TakenOver, QStringLiteral("session taken over"));
    } else {
        e.recorder.event(nullptr, EventKind::Control,
                         tr("The session of \"%1\" was resumed on another server.").arg(s->nick));
    }
    e.sessions.remove(s); // its key and lease are the other server's now: nothing released
    stateSoon();
    Q_EMIT e.events->roomsChanged();
}

void RedisRoomBroker::sessionChanged(Session *s)
{
    m_dirty.insert(s->token);
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QTimer::singleShot(0, this, [this] { flushSessions(); });
}

void RedisRoomBroker::flushSessions()
{
    m_flushQueued = false;
    if (!m_engine)
        return;
    for (const QString &token : std::exchange(m_dirty, {})) {
        if (const Session *s = m_engine->sessions.byToken(token))
            writeSession(s);
    }
}

void RedisRoomBroker::writeSession(const Session *s, qint64 ttlMs)
{
    if (!m_link->isUp())
        return; // written again when Redis is back (reassertSessions)
    QJsonObject body;
    body.insert(QLatin1String("n"), s->nick);
    body.insert(QLatin1String("r"), QJsonArray::fromStringList(s->rooms));
    const QByteArray value = m_origin + '\n' + s->key.toUtf8() + '\n'
        + QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_link->eval(
        "put", {sessionKeyOf(s->token)},
        {m_origin, value, QByteArray::number(ttlMs > 0 ? ttlMs : sessionTtlMs(s)), ProcPrefix}, {});
}

void RedisRoomBroker::sessionRemoved(Session *s)
{
    m_dirty.remove(s->token);
    if (m_engine && m_engine->shuttingDown && m_link->isUp()) {
        // This server stops (1001 to its clients): their sessions stay in Redis for the
        // grace, as if dropped, and resume on another server (the lease has their token).
        writeSession(s, m_engine->config.resumeGraceMs);
        m_link->flush();
        return;
    }
    const QByteArray lease = nickKeyOf(s->key);
    const QByteArray ours = m_origin + '\n' + s->token.toUtf8();
    const QByteArray key = sessionKeyOf(s->token);
    if (!m_link->isUp()) {
        if (m_unreleased.size() < MaxUnreleased) {
            m_unreleased.append({lease, ours});
            m_unreleased.append({key, m_origin + '\n'});
        }
        return;
    }
    m_link->eval("release", {lease, key}, {ours, m_origin + '\n'}, {});
    m_link->flush(); // a close 1000 frees the nick before anything else happens here
}

void RedisRoomBroker::sessionBeat()
{
    if (!m_engine || !m_link->isUp())
        return;
    const qint64 beat = qint64(m_beats++ % RefreshEvery);
    m_link->command({"SET", ProcPrefix + m_origin, m_engine->config.name.toUtf8(), "PX",
                     QByteArray::number(ProcTtlMs)},
                    {});
    const QByteArray leaseTtl = QByteArray::number(m_engine->config.resumeGraceMs + SlackMs);
    QList<QByteArray> keys, ttls;
    const auto send = [&] {
        if (!keys.isEmpty())
            m_link->eval("refresh", std::exchange(keys, {}), std::exchange(ttls, {}), {});
    };
    for (const Session *s : m_engine->sessions.all()) {
        if (qint64(s->id % RefreshEvery) != beat)
            continue;
        keys.append(nickKeyOf(s->key));
        ttls.append(leaseTtl);
        keys.append(sessionKeyOf(s->token));
        ttls.append(QByteArray::number(sessionTtlMs(s)));
        if (keys.size() >= RefreshBatch)
            send();
    }
    send();
}

void RedisRoomBroker::reassertSessions()
{
    if (!m_engine)
        return;
    m_link->command({"SET", ProcPrefix + m_origin, m_engine->config.name.toUtf8(), "PX",
                     QByteArray::number(ProcTtlMs)},
                    {});
    for (const auto &[key, prefix] : std::exchange(m_unreleased, {}))
        m_link->eval("release", {key}, {prefix}, {});
    // A Redis that lost its data (or expired our keys while it was away): every session
    // here claims its nick again and writes its key.
    for (const Session *s : m_engine->sessions.all()) {
        const QString nick = s->nick;
        claimNick(s->key, s->token, [this, nick](Claim c) {
            if (c == Claim::Taken)
                m_engine->recorder.event(
                    QStringLiteral("redis"), EventKind::Error,
                    tr("The nickname \"%1\" was taken on another server while Redis was "
                       "unreachable: two clients use it now.")
                        .arg(nick));
        });
        writeSession(s);
    }
}

} // namespace duplex::server
