// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "redisroombroker.h"

#include "engine.h"
#include "frame.h"
#include "historystore.h"
#include "transportstats.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace duplex::server {

namespace sv = proto::server;

namespace {

constexpr char SeqPrefix[] = "duplex:seq:";       // hash: seq, epoch
constexpr char StreamPrefix[] = "duplex:stream:"; // the room's messages, id "SEQ-0"
constexpr char ChannelPrefix[] = "duplex:msg:";   // publications
constexpr char DedupPrefix[] = "duplex:dedup:";   // sender key \x1f request id
/// The stream keeps the newest this many messages of a room (MAXLEN ~).
constexpr int StreamMaxLen = 10000;
/// A backfill reads at most this many entries per XRANGE.
constexpr int BackfillBatch = 1000;

// One script per message, after Centrifugo's broker_history_add_stream.lua: a resend is
// answered from the dedup key; otherwise the room's seq is incremented (seeded with the
// highest seq the sending process knows, under a new epoch, when Redis has none), the
// message goes into the stream under that seq and is published. Atomic, so every process
// sees one order.
// KEYS: 1 seq hash, 2 stream, 3 dedup key ("" without a request id)
// ARGV: 1 seed, 2 new epoch, 3 maxlen, 4 channel, 5 fingerprint, 6 dedup ttl ms, 7 ts,
//       8 origin, 9 peer, 10 body
// Returns {0, seq, ts} for a resend, {1, seq, epoch, seeded} for a new message.
constexpr char SayScript[] = R"lua(
if KEYS[3] ~= '' then
  local v = redis.call('get', KEYS[3])
  if v then
    local fp, seq, ts = string.match(v, '^([^:]*):(%d+):(%d+)$')
    if fp == ARGV[5] then return {0, tonumber(seq), tonumber(ts)} end
  end
end
local epoch = redis.call('hget', KEYS[1], 'epoch')
local seeded = 0
if not epoch then
  epoch = ARGV[2]
  redis.call('hset', KEYS[1], 'epoch', epoch, 'seq', ARGV[1])
  seeded = 1
end
local seq = redis.call('hincrby', KEYS[1], 'seq', 1)
redis.call('xadd', KEYS[2], 'MAXLEN', '~', ARGV[3], seq .. '-0',
           'e', epoch, 'o', ARGV[8], 'p', ARGV[9], 'd', ARGV[10])
redis.call('publish', ARGV[4], seq .. '\n' .. epoch .. '\n' .. ARGV[8] .. '\n' .. ARGV[9]
           .. '\n' .. ARGV[10])
if KEYS[3] ~= '' then
  redis.call('set', KEYS[3], ARGV[5] .. ':' .. seq .. ':' .. ARGV[7], 'PX', ARGV[6])
end
return {1, seq, epoch, seeded}
)lua";

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

} // namespace

RedisRoomBroker::RedisRoomBroker(const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_link(std::make_unique<RedisLink>(url))
    , m_origin(randomHex(6))
{
    m_link->addScript("say", SayScript);
    addSessionScripts();
    m_link->addPattern(QByteArray(ChannelPrefix) + '*');
    connect(m_link.get(), &RedisLink::message, this, &RedisRoomBroker::onMessage);
}

RedisRoomBroker::~RedisRoomBroker()
{
    m_link.reset(); // its callbacks point here
}

void RedisRoomBroker::attach(Engine *engine)
{
    m_engine = engine;
    m_local
        = std::make_unique<LocalRoomBroker>(engine->config.largeRoomThreshold, &engine->recorder);
    connect(m_link.get(), &RedisLink::down, this, [this](const QString &why) {
        m_engine->recorder.event(QStringLiteral("redis"), EventKind::Error,
                                 tr("Redis at %1 is unreachable (%2): messages are refused "
                                    "until it is back.")
                                     .arg(m_link->address(), why));
        Q_EMIT stateChanged(false);
    });
    connect(m_link.get(), &RedisLink::up, this, [this] {
        m_engine->recorder.event(QStringLiteral("redis"), EventKind::Control,
                                 tr("Connected to Redis at %1.").arg(m_link->address()));
        // Publications missed while the subscription was down: the next message of a
        // room shows the gap; rooms waiting on a failed backfill try again now.
        for (auto &[room, o] : m_order) {
            if (!o.pending.empty() && !o.backfilling)
                backfill(room);
        }
        Q_EMIT stateChanged(true);
    });
    engine->sessions.setObserver(this);
    startCluster();
    startRelay();
    startHistory();
    m_link->start();
}

RedisRoomBroker::Order &RedisRoomBroker::order(const QString &room)
{
    Order &o = m_order[room];
    if (o.last < 0)
        o.last = m_engine->store->lastSeq(room);
    return o;
}

void RedisRoomBroker::say(Peer *p, const QString &room, const QString &id, const QString &text,
                          qint64 now)
{
    Engine &e = *m_engine;
    const Session *s = p->session;
    if (!m_link->isUp()) {
        e.sendError(p, proto::ErrorCode::Internal, id,
                    QStringLiteral("the server lost its connection to Redis"));
        return;
    }
    const Order &o = order(room);
    const qint64 seed = qMax(o.last, e.store->lastSeq(room));
    QJsonObject body;
    body.insert(QLatin1String("f"), s->nick);
    body.insert(QLatin1String("k"), s->key);
    body.insert(QLatin1String("t"), text);
    body.insert(QLatin1String("ts"), now);
    body.insert(QLatin1String("i"), id);
    const QByteArray roomKey = room.toUtf8();
    const QByteArray dedupKey = id.isEmpty()
        ? QByteArray()
        : QByteArray(DedupPrefix) + s->key.toUtf8() + '\x1f' + id.toUtf8();
    const QByteArray fingerprint
        = QCryptographicHash::hash(roomKey + '\x1f' + text.toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(16);
    const quint64 peerId = p->id();
    m_link->eval(
        "say", {QByteArray(SeqPrefix) + roomKey, QByteArray(StreamPrefix) + roomKey, dedupKey},
        {QByteArray::number(seed), randomHex(8), QByteArray::number(StreamMaxLen),
         QByteArray(ChannelPrefix) + roomKey, fingerprint,
         QByteArray::number(e.config.dedupWindowMs), QByteArray::number(now), m_origin,
         QByteArray::number(peerId), QJsonDocument(body).toJson(QJsonDocument::Compact)},
        [this, peerId, room, id, text, nick = s->nick](const RedisValue &v) {
            Engine &e = *m_engine;
            Peer *p = e.find(peerId);
            if (v.type == RedisValue::Type::Array && v.elements.size() >= 3
                && v.elements[0].integer == 0) {
                // A resend: its first copy again, nothing for anyone else.
                if (!p)
                    return;
                sv::Message m;
                m.room = room;
                m.seq = v.elements[1].integer;
                m.from = nick;
                m.text = text;
                m.ts = v.elements[2].integer;
                m.re = id;
                m.dup = true;
                e.send(p, m);
                return;
            }
            if (v.type == RedisValue::Type::Array && v.elements.size() >= 4) {
                if (v.elements[3].integer == 1)
                    e.recorder.event(QStringLiteral("redis"), EventKind::Control,
                                     tr("Room \"%1\" starts epoch %2 in Redis after seq %3.")
                                         .arg(room, QString::fromLatin1(v.elements[2].str))
                                         .arg(v.elements[1].integer - 1));
                return; // the copies go out when the publication comes back
            }
            e.recorder.event(QStringLiteral("redis"), EventKind::Error,
                             tr("Redis did not take a message for \"%1\": %2")
                                 .arg(room, QString::fromUtf8(v.str)));
            if (p)
                e.sendError(p, proto::ErrorCode::Internal, id,
                            QStringLiteral("the message did not reach Redis"));
        });
}

void RedisRoomBroker::onMessage(const QByteArray &channel, const QByteArray &payload)
{
    if (!m_engine || !channel.startsWith(ChannelPrefix))
        return;
    Incoming in;
    qsizetype from = 0;
    QByteArray *fields[] = {nullptr, &in.epoch, &in.origin, nullptr};
    QByteArray seq, peer;
    fields[0] = &seq;
    fields[3] = &peer;
    for (QByteArray *f : fields) {
        const qsizetype nl = payload.indexOf('\n', from);
        if (nl < 0)
            return;
        *f = payload.mid(from, nl - from);
        from = nl + 1;
    }
    in.seq = seq.toLongLong();
    in.peer = peer.toULongLong();
    in.body = payload.mid(from);
    accept(QString::fromUtf8(channel.mid(qsizetype(sizeof ChannelPrefix) - 1)), std::move(in));
}

void RedisRoomBroker::accept(const QString &room, Incoming in)
{
    Order &o = order(room);
    if (o.epoch != in.epoch) {
        if (!o.epoch.isEmpty())
            m_engine->recorder.event(QStringLiteral("redis"), EventKind::Control,
                                     tr("Room \"%1\" continues at seq %2 in a new epoch (Redis "
                                        "lost its data).")
                                         .arg(room)
                                         .arg(in.seq));
        o.epoch = in.epoch;
    }
    if (in.seq <= o.last)
        return; // delivered already (a backfill overlapping a publication)
    o.pending.emplace(in.seq, std::move(in));
    drain(room);
}

void RedisRoomBroker::drain(const QString &room)
{
    Order &o = m_order[room];
    while (!o.pending.empty() && o.pending.begin()->first <= o.last + 1) {
        auto node = o.pending.extract(o.pending.begin());
        if (node.key() == o.last + 1) {
            deliver(room, node.mapped());
            o.last = node.key();
        }
    }
    if ((!o.pending.empty() || o.target > o.last) && !o.backfilling)
        backfill(room);
    if (!m_outboxes.empty())
        pumpOutboxes(); // history answers waiting for this process to catch up
}

void RedisRoomBroker::backfill(const QString &room)
{
    Order &o = m_order[room];
    const qint64 from = o.last + 1;
    const qint64 to = o.pending.empty() ? qMax(from, o.target) : o.pending.begin()->first - 1;
    o.backfilling = true;
    const QByteArray roomKey = room.toUtf8();
    m_link->command(
        {"XRANGE", QByteArray(StreamPrefix) + roomKey, QByteArray::number(from) + "-0",
         QByteArray::number(to) + "-0", "COUNT", QByteArray::number(BackfillBatch)},
        [this, room, from](const RedisValue &v) {
            Order &o = m_order[room];
            o.backfilling = false;
            if (v.type != RedisValue::Type::Array)
                return; // Redis down: tried again when it is back
            for (const RedisValue &entry : v.elements) {
                Incoming in = incomingOf(entry);
                if (in.seq > o.last)
                    o.pending.emplace(in.seq, std::move(in));
            }
            if (v.elements.isEmpty() && o.pending.empty())
                o.target = o.last; // nothing more to read up to the target
            if (o.last + 1 == from && !o.pending.empty() && o.pending.begin()->first > o.last + 1) {
                // Not in the stream any more (trimmed, or a Redis that lost its data):
                // the gap cannot be filled, go on after it.
                m_engine->recorder.event(QStringLiteral("redis"), EventKind::Error,
                                         tr("Room \"%1\": messages %2 to %3 are not in Redis "
                                            "any more.")
                                             .arg(room)
                                             .arg(from)
                                             .arg(o.pending.begin()->first - 1));
                o.last = o.pending.begin()->first - 1;
            }
            drain(room);
        });
}

RedisRoomBroker::Incoming RedisRoomBroker::incomingOf(const RedisValue &entry)
{
    Incoming in;
    if (entry.elements.size() != 2)
        return in;
    in.seq = entry.elements[0].str.split('-').value(0).toLongLong();
    const QList<RedisValue> &f = entry.elements[1].elements;
    for (qsizetype i = 0; i + 1 < f.size(); i += 2) {
        const QByteArray &name = f[i].str;
        if (name == "e")
            in.epoch = f[i + 1].str;
        else if (name == "o")
            in.origin = f[i + 1].str;
        else if (name == "p")
            in.peer = f[i + 1].str.toULongLong();
        else if (name == "d")
            in.body = f[i + 1].str;
    }
    return in;
}

sv::Message RedisRoomBroker::messageOf(const QString &room, qint64 seq, const QJsonObject &body)
{
    sv::Message m;
    m.room = room;
    m.seq = seq;
    m.from = body.value(QLatin1String("f")).toString();
    m.text = body.value(QLatin1String("t")).toString();
    m.ts = qint64(body.value(QLatin1String("ts")).toDouble());
    return m;
}

void RedisRoomBroker::deliver(const QString &room, const Incoming &in)
{
    Engine &e = *m_engine;
    const QJsonObject body = QJsonDocument::fromJson(in.body).object();
    sv::Message m = messageOf(room, in.seq, body);
    const QString id = body.value(QLatin1String("i")).toString();
    // The local copy keeps --transcript and `history` working.
    if (!e.store->insert(m, body.value(QLatin1String("k")).toString(), id))
        e.recorder.event(
            QStringLiteral("redis"), EventKind::Error,
            tr("Could not store a message from %1: %2").arg(m.from, e.store->lastError()));
    ++e.shared.counters.messagesStored;
    ++m_viaRedis;
    Frame shared(proto::ServerMessage {m});
    const qint64 storedUs = steadyMicros();
    shared.setStoredUs(storedUs);
    Peer *sender = in.origin == m_origin ? e.find(in.peer) : nullptr;
    int n = 0;
    if (sender && !id.isEmpty()) {
        m.re = id;
        Frame own(proto::ServerMessage {m});
        own.setStoredUs(storedUs);
        n = m_local->publish(room, shared, sender);
        if (sender->deliver(own))
            ++n;
    } else {
        n = m_local->publish(room, shared, nullptr);
    }
    e.recorder.out(nullptr, n, shared);
}

} // namespace duplex::server
