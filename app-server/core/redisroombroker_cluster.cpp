// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// RedisRoomBroker: the other processes. Each process publishes its state (name, clients,
// room members) on one control channel once a second and whenever its members change; the
// others keep the last state of each process for the keep-alive time, so counts and member
// lists are the cluster's and a crashed process's members disappear. Presence, notices and
// `forget` (a session taken over elsewhere) travel the same channel. Nicks and sessions are
// keys in Redis (redisroombroker_sessions.cpp).
#include "redisroombroker.h"

#include "engine.h"
#include "frame.h"

#include <names.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>

namespace duplex::server {

namespace sv = proto::server;

namespace {

constexpr char ControlChannel[] = "duplex:ctl";
constexpr int BeatMs = 1000;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

} // namespace

void RedisRoomBroker::startCluster()
{
    m_link->addPattern(ControlChannel);
    connect(m_link.get(), &RedisLink::message, this,
            [this](const QByteArray &channel, const QByteArray &payload) {
                if (channel == ControlChannel)
                    onControl(payload);
            });
    connect(m_link.get(), &RedisLink::up, this, [this] {
        reassertSessions();
        stateSoon();
    });
    m_beat.setInterval(BeatMs);
    connect(&m_beat, &QTimer::timeout, this, [this] {
        sessionBeat();
        sendState();
    });
    m_beat.start();
}

void RedisRoomBroker::sendControl(const QByteArray &kind, const QByteArray &json)
{
    if (m_link->isUp())
        m_link->command({"PUBLISH", ControlChannel, m_origin + '\n' + kind + '\n' + json}, {});
}

void RedisRoomBroker::stateSoon()
{
    if (m_stateQueued)
        return;
    m_stateQueued = true;
    QTimer::singleShot(0, this, [this] { sendState(); });
}

void RedisRoomBroker::sendState()
{
    m_stateQueued = false;
    if (!m_engine)
        return;
    QJsonObject rooms;
    for (const auto &[room, n] : m_local->roomCounts()) {
        if (n > 0)
            rooms.insert(room, toArray(m_local->memberNicks(room, INT_MAX)));
    }
    QJsonObject state;
    state.insert(QLatin1String("n"), m_engine->config.name);
    state.insert(QLatin1String("c"), int(m_engine->peers.size()));
    state.insert(QLatin1String("m"), m_viaRedis);
    state.insert(QLatin1String("r"), rooms);
    state.insert(QLatin1String("a"), clientsForState()); // for the windows (relay.cpp)
    sendControl("state", QJsonDocument(state).toJson(QJsonDocument::Compact));
}

bool RedisRoomBroker::splitControl(const QByteArray &payload, QByteArray *origin, QByteArray *kind,
                                   QByteArray *body)
{
    // `origin \n kind \n json` (sendControl)
    const qsizetype a = payload.indexOf('\n');
    const qsizetype b = a < 0 ? -1 : payload.indexOf('\n', a + 1);
    if (b < 0)
        return false;
    *origin = payload.left(a);
    *kind = payload.mid(a + 1, b - a - 1);
    *body = payload.mid(b + 1);
    return true;
}

void RedisRoomBroker::onControl(const QByteArray &payload)
{
    QByteArray origin, kind, body;
    if (!m_engine || !splitControl(payload, &origin, &kind, &body) || origin == m_origin)
        return;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    Remote &r = m_remotes[origin];
    r.seenMs = Engine::nowMs();
    if (kind == "state") {
        r.name = o.value(QLatin1String("n")).toString();
        r.clients = o.value(QLatin1String("c")).toInt();
        r.messagesViaRedis = qint64(o.value(QLatin1String("m")).toDouble());
        r.members.clear();
        const QJsonObject rooms = o.value(QLatin1String("r")).toObject();
        for (auto it = rooms.begin(); it != rooms.end(); ++it)
            r.members.insert(it.key(), toList(it.value()));
        readClients(r, o.value(QLatin1String("a")));
    } else if (kind == "forget") {
        onForget(o.value(QLatin1String("t")).toString());
    } else if (kind == "presence") {
        const QString room = o.value(QLatin1String("room")).toString();
        const QString nick = o.value(QLatin1String("nick")).toString();
        const bool joined = o.value(QLatin1String("join")).toBool();
        QStringList &members = r.members[room];
        members.removeAll(nick);
        if (joined)
            members.append(nick);
        // Our members of the room see it like a local join or leave (not in large rooms:
        // their counts come with the next state).
        const int here = m_local->count(room);
        if (here > 0 && !isLarge(count(room))) {
            sv::Presence p;
            p.room = room;
            p.event = joined ? sv::PresenceEvent::Join : sv::PresenceEvent::Leave;
            p.nick = nick;
            const Frame f(proto::ServerMessage {p});
            m_engine->recorder.out(nullptr, m_local->publish(room, f, nullptr), f);
        }
    } else if (kind == "notice") {
        sv::Notice n;
        n.text = o.value(QLatin1String("text")).toString();
        n.room = o.value(QLatin1String("room")).toString();
        n.ts = qint64(o.value(QLatin1String("ts")).toDouble());
        const Frame f(proto::ServerMessage {n});
        int count = 0;
        if (n.room.isEmpty()) {
            for (const auto &[id, p] : m_engine->peers) {
                if (p->session && p->deliver(f))
                    ++count;
            }
        } else {
            count = m_local->publish(n.room, f, nullptr);
        }
        m_engine->recorder.out(nullptr, count, f);
    }
}

void RedisRoomBroker::presence(const QString &room, const QString &nick, bool joined)
{
    QJsonObject o;
    o.insert(QLatin1String("room"), room);
    o.insert(QLatin1String("nick"), nick);
    o.insert(QLatin1String("join"), joined);
    sendControl("presence", QJsonDocument(o).toJson(QJsonDocument::Compact));
    stateSoon();
}

void RedisRoomBroker::relayNotice(const sv::Notice &notice)
{
    QJsonObject o;
    o.insert(QLatin1String("text"), notice.text);
    o.insert(QLatin1String("room"), notice.room);
    o.insert(QLatin1String("ts"), notice.ts);
    sendControl("notice", QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool RedisRoomBroker::exists(const QString &room) const
{
    return m_local->exists(room) || count(room) > 0;
}

int RedisRoomBroker::count(const QString &room) const
{
    int n = m_local->count(room);
    for (const auto &[origin, r] : m_remotes)
        n += int(r.members.value(room).size());
    return n;
}

bool RedisRoomBroker::join(const QString &room, Peer *peer, const QString &nick)
{
    if (!m_local->join(room, peer, nick))
        return false;
    presence(room, nick, true);
    return true;
}

bool RedisRoomBroker::leave(const QString &room, Peer *peer, const QString &nick, bool announce)
{
    if (!m_local->leave(room, peer, nick, announce))
        return false;
    if (announce)
        presence(room, nick, false);
    else
        stateSoon();
    return true;
}

QStringList RedisRoomBroker::memberNicks(const QString &room, int max) const
{
    QStringList all = m_local->memberNicks(room, INT_MAX);
    for (const auto &[origin, r] : m_remotes)
        all += r.members.value(room);
    std::sort(all.begin(), all.end(), [](const QString &a, const QString &b) {
        return proto::nickKey(a) < proto::nickKey(b);
    });
    return all.mid(0, qMax(0, max));
}

QList<QPair<QString, int>> RedisRoomBroker::roomCounts() const
{
    std::map<QString, int> counts;
    for (const auto &[room, n] : m_local->roomCounts())
        counts[room] += n;
    for (const auto &[origin, r] : m_remotes) {
        for (auto it = r.members.begin(); it != r.members.end(); ++it) {
            if (!it.value().isEmpty())
                counts[it.key()] += int(it.value().size());
        }
    }
    QList<QPair<QString, int>> out;
    for (const auto &[room, n] : counts)
        out.append({room, n});
    return out;
}

void RedisRoomBroker::tick(qint64 nowMs)
{
    m_local->tick(nowMs);
    // A process that said nothing for the keep-alive time crashed or lost Redis: its
    // members and nicks are gone.
    const qint64 keepAlive = m_engine ? m_engine->config.peerTimeoutMs : 45000;
    for (auto it = m_remotes.begin(); it != m_remotes.end();) {
        if (nowMs - it->second.seenMs > keepAlive)
            it = m_remotes.erase(it);
        else
            ++it;
    }
}

QList<RedisRoomBroker::Process> RedisRoomBroker::processes() const
{
    QList<Process> out;
    Process self;
    self.origin = m_origin;
    self.name = m_engine ? m_engine->config.name : QString();
    self.clients = m_engine ? int(m_engine->peers.size()) : 0;
    self.messagesViaRedis = m_viaRedis;
    self.self = true;
    out.append(self);
    for (const auto &[origin, r] : m_remotes) {
        Process p;
        p.origin = origin;
        p.name = r.name;
        p.clients = r.clients;
        p.messagesViaRedis = r.messagesViaRedis;
        out.append(p);
    }
    return out;
}

} // namespace duplex::server
