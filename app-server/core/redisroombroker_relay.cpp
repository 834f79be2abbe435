// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// RedisRoomBroker: class control and private traffic across processes (issue 17). On the
// control channel next to `state`, `presence` and `notice`:
//   kick         a window asks the process holding a nick to kick it (like a local kick)
//   ban / unban  a ban made or lifted anywhere (also kept in the hash duplex:bans)
//   mute         a mute set or lifted anywhere (also kept in the set duplex:muted)
//   code         the join code set in a window (also kept in duplex:joincode)
//   whisper      a whisper to a nick another process holds; whisper-re is its answer
//   typing       typing signals, batched every 100 ms
// Bans, mutes and the join code kept in Redis: redisroombroker_control.cpp.
#include "redisroombroker.h"

#include "clientinfo.h"
#include "engine.h"
#include "frame.h"

#include <names.h>

#include <QDateTime>
#include <QJsonDocument>

namespace duplex::server {

namespace sv = proto::server;

namespace {

constexpr char ControlChannel[] = "duplex:ctl";
constexpr int TypingBatchMs = 100;
constexpr qint64 TypingRepeatMs = 2000;
constexpr int WhisperAnswerMs = 5000;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

void RedisRoomBroker::startRelay()
{
    addControlScripts();
    connect(m_link.get(), &RedisLink::message, this,
            [this](const QByteArray &channel, const QByteArray &payload) {
                if (channel == ControlChannel)
                    onRelay(payload);
            });
    connect(m_link.get(), &RedisLink::up, this, [this] { loadShared(); });
    m_typingFlush.setSingleShot(true);
    m_typingFlush.setInterval(TypingBatchMs);
    connect(&m_typingFlush, &QTimer::timeout, this, [this] { flushTyping(); });
}

QString RedisRoomBroker::processName(const QByteArray &origin) const
{
    const auto it = m_remotes.find(origin);
    if (it != m_remotes.end() && !it->second.name.isEmpty())
        return it->second.name;
    return QString::fromLatin1(origin);
}

// --- the clients of the other processes ----------------------------------------------------

QJsonArray RedisRoomBroker::clientsForState() const
{
    QJsonArray out;
    if (!m_engine)
        return out;
    for (const auto &[id, p] : m_engine->peers) {
        if (!p->session || p->closing())
            continue;
        out.append(QJsonArray {p->session->nick, ClassControl::addressKey(p->info.address),
                               p->info.connectedSince.toMSecsSinceEpoch()});
    }
    return out;
}

void RedisRoomBroker::readClients(Remote &r, const QJsonValue &list)
{
    // Each client's rooms from the state's member lists (one pass over them, not one per
    // client), and its nick key (the skeleton is not cheap: kept from the last state).
    QHash<QString, QStringList> roomsOf;
    for (auto it = r.members.cbegin(); it != r.members.cend(); ++it) {
        for (const QString &nick : it.value())
            roomsOf[nick].append(it.key());
    }
    QHash<QString, QString> keys;
    for (const RemoteClientEntry &c : std::as_const(r.clientList))
        keys.insert(c.nick, c.key);
    r.clientList.clear();
    r.byKey.clear();
    for (const QJsonValue &v : list.toArray()) {
        const QJsonArray a = v.toArray();
        RemoteClientEntry c;
        c.nick = a.at(0).toString();
        c.key = keys.value(c.nick);
        if (c.key.isEmpty())
            c.key = proto::nickKey(c.nick);
        c.address = a.at(1).toString();
        c.sinceMs = qint64(a.at(2).toDouble());
        c.rooms = roomsOf.value(c.nick);
        c.rooms.sort();
        r.byKey.insert(c.key, int(r.clientList.size()));
        r.clientList.append(c);
    }
}

QByteArray RedisRoomBroker::holderOf(const QString &nickKey) const
{
    for (const auto &[origin, r] : m_remotes) {
        if (r.byKey.contains(nickKey))
            return origin;
    }
    return {};
}

QList<ClientInfo> RedisRoomBroker::remoteClients() const
{
    QList<ClientInfo> out;
    for (const auto &[origin, r] : m_remotes) {
        for (const RemoteClientEntry &e : r.clientList) {
            const QString key = QString::fromLatin1(origin) + QChar(0x1f) + e.key;
            quint64 &id = m_remoteIds[key];
            if (!id)
                id = RemoteIdBit | m_nextRemoteId++;
            ClientInfo c;
            c.id = id;
            c.nick = e.nick;
            c.address = QHostAddress(e.address);
            c.rooms = e.rooms;
            c.connectedSince = QDateTime::fromMSecsSinceEpoch(e.sinceMs);
            c.welcomed = true;
            c.server = r.name.isEmpty() ? QString::fromLatin1(origin) : r.name;
            out.append(c);
        }
    }
    return out;
}

// --- whispers and typing --------------------------------------------------------------------

void RedisRoomBroker::whisperElsewhere(const QString &toKey, const sv::Whisper &w, WhisperDone done,
                                       bool probe)
{
    const QByteArray holder = holderOf(toKey);
    if (holder.isEmpty() || !m_link->isUp()) {
        WhisperResult result;
        result.code = holder.isEmpty() ? proto::ErrorCode::NoSuchUser : proto::ErrorCode::Internal;
        if (!holder.isEmpty())
            result.message = QStringLiteral("the server lost its connection to Redis");
        QTimer::singleShot(0, this, [done, result] { done(result); });
        return;
    }
    const quint64 q = m_nextWhisper++;
    m_whispers[q] = {std::move(done), holder};
    QJsonObject o;
    o.insert(QLatin1String("to"), QString::fromLatin1(holder));
    o.insert(QLatin1String("q"), qint64(q));
    o.insert(QLatin1String("k"), toKey);
    o.insert(QLatin1String("f"), w.from);
    o.insert(QLatin1String("t"), w.text);
    o.insert(QLatin1String("ts"), w.ts);
    if (probe)
        o.insert(QLatin1String("probe"), true);
    sendControl("whisper", compact(o));
    QTimer::singleShot(WhisperAnswerMs, this, [this, q] {
        const auto it = m_whispers.find(q);
        if (it == m_whispers.end())
            return;
        const WhisperDone cb = std::move(it->second.done);
        m_whispers.erase(it);
        WhisperResult result;
        result.message = QStringLiteral("the server holding that nickname did not answer");
        cb(result);
    });
}

void RedisRoomBroker::relayTyping(const QString &room, const QString &nick, bool on)
{
    if (!m_link->isUp())
        return;
    m_typingQueue[room + QChar(0x1f) + nick] = {room, nick, on};
    if (!m_typingFlush.isActive())
        m_typingFlush.start();
}

void RedisRoomBroker::flushTyping()
{
    const qint64 now = Engine::nowMs();
    // An "on" older than the repeat interval suppresses nothing any more.
    for (auto it = m_typingSent.begin(); it != m_typingSent.end();) {
        if (now - it->sentMs >= TypingRepeatMs)
            it = m_typingSent.erase(it);
        else
            ++it;
    }
    QJsonArray batch;
    for (const auto &[key, t] : m_typingQueue) {
        if (!t.on) {
            // Off always goes: the next "on" goes at once again.
            m_typingSent.remove(key);
            batch.append(QJsonArray {t.room, t.nick, false});
            continue;
        }
        TypingState &sent = m_typingSent[key];
        if (sent.on && now - sent.sentMs < TypingRepeatMs)
            continue; // said less than 2 s ago: the others' clients still show it
        sent = {true, now};
        batch.append(QJsonArray {t.room, t.nick, true});
    }
    m_typingQueue.clear();
    if (batch.isEmpty())
        return;
    QJsonObject o;
    o.insert(QLatin1String("l"), batch);
    sendControl("typing", compact(o));
}

// --- what the others send -------------------------------------------------------------------

void RedisRoomBroker::onRelay(const QByteArray &payload)
{
    QByteArray origin, kind, body;
    if (!m_engine || !splitControl(payload, &origin, &kind, &body))
        return;
    if (origin == m_origin || kind == "state" || kind == "presence" || kind == "notice")
        return; // ours, or the cluster view's (redisroombroker_cluster.cpp)
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const bool forUs = o.value(QLatin1String("to")).toString().toLatin1() == m_origin;
    Engine &e = *m_engine;
    const QString from = processName(origin);

    if (kind == "kick" && forUs) {
        const Session *s = e.sessions.byNick(o.value(QLatin1String("k")).toString());
        if (s && s->peer && !s->peer->closing())
            Q_EMIT kickRequested(s->peer->id(), o.value(QLatin1String("reason")).toString(),
                                 qint64(o.value(QLatin1String("ban")).toDouble()));
    } else if (kind == "ban") {
        applyBan(o.value(QLatin1String("id")).toString(), o, from);
        Q_EMIT e.events->classControlChanged();
    } else if (kind == "unban") {
        const QString uid = o.value(QLatin1String("id")).toString();
        const auto it = m_banByUid.constFind(uid);
        if (it == m_banByUid.constEnd())
            return;
        const quint64 id = it.value();
        m_banByUid.erase(it);
        m_banUid.remove(id);
        QString who;
        for (const BanInfo &ban : e.control.bans(Engine::nowMs())) {
            if (ban.id == id)
                who = ban.nick.isEmpty() ? ban.address : ban.nick;
        }
        if (e.control.liftBan(id)) {
            e.recorder.event(QStringLiteral("redis"), EventKind::Control,
                             tr("Server %1 lifted the ban of %2.").arg(from, who));
            Q_EMIT e.events->classControlChanged();
        }
    } else if (kind == "mute") {
        const QString key = o.value(QLatin1String("k")).toString();
        const bool on = o.value(QLatin1String("on")).toBool();
        const QString oldKey = o.value(QLatin1String("ok")).toString();
        if (!oldKey.isEmpty()) {
            // A muted student changed nick on that server: still muted, under the new nick.
            e.control.renamed(oldKey, key);
            e.control.setMuted(key, true);
            e.recorder.event(QStringLiteral("redis"), EventKind::Control,
                             tr("Server %1: the muted \u201c%2\u201d is now \u201c%3\u201d and "
                                "stays muted.")
                                 .arg(from, o.value(QLatin1String("on0")).toString(),
                                      o.value(QLatin1String("n")).toString()));
            Q_EMIT e.events->classControlChanged();
            return;
        }
        if (e.control.isMuted(key) == on)
            return;
        e.control.setMuted(key, on);
        const QString nick = o.value(QLatin1String("n")).toString();
        e.recorder.event(QStringLiteral("redis"), EventKind::Control,
                         on ? tr("Server %1 muted \u201c%2\u201d: muted here too.").arg(from, nick)
                            : tr("Server %1 lifted the mute of \u201c%2\u201d.").arg(from, nick));
        Q_EMIT e.events->classControlChanged();
    } else if (kind == "code") {
        const QString code = o.value(QLatin1String("c")).toString();
        if (ClassControl::normalizedCode(code)
            == ClassControl::normalizedCode(e.control.joinCode()))
            return;
        e.control.setJoinCode(code);
        e.recorder.event(
            QStringLiteral("redis"), EventKind::Control,
            code.isEmpty()
                ? tr("Server %1 removed the join code: no code needed here either.").arg(from)
                : tr("Server %1 set the join code \u201c%2\u201d: it holds here too.")
                      .arg(from, code));
        Q_EMIT e.events->classControlChanged();
    } else if (kind == "pnotice" && forUs) {
        // A private notice from another server's window: as this server's own.
        const Session *s = e.sessions.byNick(o.value(QLatin1String("k")).toString());
        if (!s || !s->peer || s->peer->closing())
            return;
        sv::Notice n;
        n.text = o.value(QLatin1String("text")).toString();
        n.ts = qint64(o.value(QLatin1String("ts")).toDouble());
        n.to = s->nick;
        const Frame f(proto::ServerMessage {n});
        if (s->peer->deliver(f)) {
            e.recorder.out(s->peer, 1, f);
            e.recordEvent(RoomEvent::Kind::Notice, QString(), QString(), n.text, n.to);
        }
    } else if (kind == "whisper" && forUs) {
        // Exactly what a local whisper does for its recipient.
        Session *target = e.sessions.byNick(o.value(QLatin1String("k")).toString());
        QJsonObject answer;
        answer.insert(QLatin1String("to"), QString::fromLatin1(origin));
        answer.insert(QLatin1String("q"), o.value(QLatin1String("q")));
        if (!target || !target->peer || target->peer->closing()) {
            answer.insert(QLatin1String("e"), proto::errorCodeName(proto::ErrorCode::NoSuchUser));
        } else if (o.value(QLatin1String("probe")).toBool()) {
            answer.insert(QLatin1String("n"), target->nick); // there; the sender refuses itself
        } else if (!target->inbox.take(Engine::nowMs())) {
            ++e.shared.counters.rateLimited;
            answer.insert(QLatin1String("e"), proto::errorCodeName(proto::ErrorCode::RateLimited));
            answer.insert(QLatin1String("m"),
                          QStringLiteral("%1 receives too many whispers").arg(target->nick));
        } else {
            sv::Whisper w;
            w.from = o.value(QLatin1String("f")).toString();
            w.to = target->nick;
            w.text = o.value(QLatin1String("t")).toString();
            w.ts = qint64(o.value(QLatin1String("ts")).toDouble());
            e.send(target->peer, w);
            answer.insert(QLatin1String("n"), target->nick);
        }
        sendControl("whisper-re", compact(answer));
    } else if (kind == "whisper-re" && forUs) {
        const auto it = m_whispers.find(quint64(o.value(QLatin1String("q")).toDouble()));
        if (it == m_whispers.end())
            return;
        const WhisperDone done = std::move(it->second.done);
        m_whispers.erase(it);
        WhisperResult result;
        const QString code = o.value(QLatin1String("e")).toString();
        result.delivered = code.isEmpty();
        result.code = proto::errorCodeFromName(code).value_or(proto::ErrorCode::Internal);
        result.message = o.value(QLatin1String("m")).toString();
        result.nick = o.value(QLatin1String("n")).toString();
        done(result);
    } else if (kind == "typing") {
        for (const QJsonValue &v : o.value(QLatin1String("l")).toArray()) {
            const QJsonArray t = v.toArray();
            sv::Typing typing;
            typing.room = t.at(0).toString();
            typing.nick = t.at(1).toString();
            typing.on = t.at(2).toBool();
            if (m_local->count(typing.room) == 0 || isLarge(count(typing.room)))
                continue; // nobody here, or a large room (typing is not relayed there)
            const Frame f(proto::ServerMessage {typing});
            e.recorder.out(nullptr, m_local->publish(typing.room, f, nullptr), f);
        }
    }
}

} // namespace duplex::server
