// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// RedisRoomBroker: `history` read from the room's stream (docs/server-engine.md, "The Redis
// broker", History). The read is asynchronous, so each peer waiting for an answer gets an
// outbox: its history answers and every other frame for it, in the order they were made.
// A member's answer goes out once this process has delivered every message up to the
// newest one read (what the read found and this process lacks goes into the room's order,
// which fills the SQLite copy and backfills a gap), so the live messages continue exactly
// where the answer ends: nothing missing, doubled or out of order.
#include "redisroombroker.h"

#include "engine.h"
#include "frame.h"
#include "historystore.h"

#include <QJsonDocument>

#include <algorithm>
#include <deque>
#include <variant>

namespace duplex::server {

namespace sv = proto::server;

namespace {

constexpr char StreamKeyPrefix[] = "duplex:stream:";
constexpr char SeqKeyPrefix[] = "duplex:seq:";
/// The cut of an answer to someone outside the room: none.
constexpr qint64 NoCut = qint64(1) << 60;
/// Keys per SCAN step when looking for rooms this process has not caught up with.
constexpr int ScanCount = 500;

/// A room message frame's room, seq and whether it is a sender's own copy (carries `re`).
struct MessageRef {
    QString room;
    qint64 seq = 0;
    bool own = false;
};

std::optional<MessageRef> messageRef(const Frame &f)
{
    if (f.type() != QLatin1String("message"))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.json()).object();
    MessageRef r;
    r.room = o.value(QLatin1String("room")).toString();
    r.seq = qint64(o.value(QLatin1String("seq")).toDouble());
    r.own = o.contains(QLatin1String("re"));
    return r;
}

} // namespace

/// One history answer to make.
struct RedisRoomBroker::HistoryStep {
    QString room;
    QString re;
    std::optional<qint64> before;
    std::optional<qint64> after;
    int limit = proto::limits::HistoryDefault;
    bool join = false;   ///< the history after `joined`
    bool member = false; ///< the peer was in the room when it asked (gets its live messages)
    bool read = false;   ///< Redis answered (or could not)
    bool noWait = false; ///< Redis went away: answer with what this process has
    /// The answer covers seq <= cut (the newest read, or what was delivered here when it
    /// was asked, whichever is higher); the peer's live messages continue after it.
    qint64 cut = 0;
    QList<sv::Message> fromStream; ///< ascending
};

/// What waits for one peer: history answers and, behind them, everything else for it.
struct RedisRoomBroker::Outbox final : PeerHold {
    using Item = std::variant<Frame, std::shared_ptr<HistoryStep>>;
    std::deque<Item> items;
    qint64 heldBytes = 0;
    qint64 cap = 0; ///< the per-client queue cap: past it the peer is stalled (too slow)
    Peer *peer = nullptr;

    void hold(const Frame &frame) override
    {
        // A live message that a join's history (read already) holds: not again. (A
        // process catching up a room delivers its whole gap to a joiner waiting here.)
        const auto readJoin = [](const Item &item) {
            const auto *step = std::get_if<std::shared_ptr<HistoryStep>>(&item);
            return step && (*step)->join && (*step)->read;
        };
        if (std::any_of(items.begin(), items.end(), readJoin)) {
            if (const auto ref = messageRef(frame); ref && !ref->own) {
                for (const Item &item : items) {
                    if (!readJoin(item))
                        continue;
                    const HistoryStep &step = *std::get<std::shared_ptr<HistoryStep>>(item);
                    if (step.room == ref->room && ref->seq <= step.cut)
                        return;
                }
            }
        }
        items.emplace_back(frame);
        heldBytes += frame.json().size();
        if (cap > 0 && heldBytes > cap)
            peer->stall(); // reported on a later pass, like any reader too slow
    }
    QList<Frame> takeHeld() override
    {
        QList<Frame> out;
        for (const Item &item : items) {
            if (const Frame *f = std::get_if<Frame>(&item))
                out.append(*f);
        }
        items.clear();
        heldBytes = 0;
        return out;
    }
};

void RedisRoomBroker::startHistory()
{
    connect(m_link.get(), &RedisLink::down, this, [this] {
        // Nothing to wait for: answer from what this process has.
        for (auto &[id, box] : m_outboxes) {
            for (Outbox::Item &item : box->items) {
                if (auto *step = std::get_if<std::shared_ptr<HistoryStep>>(&item))
                    (*step)->noWait = true;
            }
        }
        pumpOutboxes();
    });
    connect(m_link.get(), &RedisLink::up, this, [this] { catchUp("0"); });
}

bool RedisRoomBroker::answerHistory(Peer *peer, const QString &room, const QString &re,
                                    std::optional<qint64> before, std::optional<qint64> after,
                                    int limit, bool join)
{
    auto step = std::make_shared<HistoryStep>();
    step->room = room;
    step->re = re;
    step->before = before;
    step->after = after;
    step->limit = std::clamp(limit, 1, proto::limits::HistoryMax);
    step->join = join;
    // For a member, what this process has delivered in the room; someone who only asks
    // about a room gets no live messages of it, so nothing needs cutting (and no Order or
    // cache entry is made for whatever room name a client asks about).
    step->member = m_local->contains(room, peer);
    step->cut = step->member ? order(room).last : NoCut;
    std::shared_ptr<Outbox> &box = m_outboxes[peer->id()];
    if (!box) {
        box = std::make_shared<Outbox>();
        box->peer = peer;
        box->cap = m_engine->config.maxQueuedBytesPerClient;
        peer->setHold(box);
    }
    box->items.emplace_back(step);
    readHistory(peer->id(), step);
    return true;
}

void RedisRoomBroker::readHistory(quint64 peer, const std::shared_ptr<HistoryStep> &step)
{
    // The protocol's paging rule on the stream (ids are SEQ-0): with after, the oldest
    // `limit` after it (XRANGE); otherwise the newest `limit`, below before when given
    // (XREVRANGE). A bare seq as an end id covers all of that seq.
    const bool empty = (step->before && *step->before <= 1)
        || (step->before && step->after && *step->after + 1 > *step->before - 1);
    if (empty || !m_link->isUp()) {
        step->read = true; // nothing to read, or Redis down: this process's copy
        pumpOutbox(peer);
        return;
    }
    const QByteArray key = QByteArray(StreamKeyPrefix) + step->room.toUtf8();
    const QByteArray low = step->after ? QByteArray::number(*step->after + 1) : "-";
    const QByteArray high = step->before ? QByteArray::number(*step->before - 1) : "+";
    const QByteArray count = QByteArray::number(step->limit);
    const QList<QByteArray> command = step->after
        ? QList<QByteArray> {"XRANGE", key, low, high, "COUNT", count}
        : QList<QByteArray> {"XREVRANGE", key, high, low, "COUNT", count};
    m_link->command(command, [this, peer, step](const RedisValue &v) {
        step->read = true;
        if (v.type != RedisValue::Type::Array) {
            if (v.isError())
                m_engine->recorder.event(QStringLiteral("redis"), EventKind::Error,
                                         tr("Redis did not answer a history read of \"%1\": %2")
                                             .arg(step->room, QString::fromUtf8(v.str)));
            pumpOutbox(peer); // lost with the connection: this process's copy
            return;
        }
        QList<Incoming> entries;
        entries.reserve(v.elements.size());
        for (const RedisValue &entry : v.elements) {
            Incoming in = incomingOf(entry);
            if (in.seq <= 0)
                continue;
            step->fromStream.append(
                messageOf(step->room, in.seq, QJsonDocument::fromJson(in.body).object()));
            step->cut = qMax(step->cut, in.seq);
            entries.append(std::move(in));
        }
        std::sort(step->fromStream.begin(), step->fromStream.end(),
                  [](const sv::Message &a, const sv::Message &b) { return a.seq < b.seq; });
        // What the read found and this process has not delivered yet goes into the room's
        // order (its members get it, its copy keeps it; a gap before it is backfilled).
        for (Incoming &in : entries) {
            if (in.seq > order(step->room).last)
                accept(step->room, std::move(in));
        }
        pumpOutbox(peer);
    });
}

void RedisRoomBroker::pumpOutboxes()
{
    std::vector<quint64> ids;
    ids.reserve(m_outboxes.size());
    for (const auto &[id, box] : m_outboxes)
        ids.push_back(id);
    for (quint64 id : ids)
        pumpOutbox(id);
}

void RedisRoomBroker::pumpOutbox(quint64 peer)
{
    const auto it = m_outboxes.find(peer);
    if (it == m_outboxes.end())
        return;
    std::shared_ptr<Outbox> box = it->second; // alive while this runs
    Peer *p = m_engine->find(peer);
    if (!p || p != box->peer) {
        m_outboxes.erase(it); // the peer is gone: nobody to answer
        return;
    }
    while (!box->items.empty()) {
        Outbox::Item &front = box->items.front();
        if (const Frame *f = std::get_if<Frame>(&front)) {
            const Frame frame = *f;
            box->heldBytes -= frame.json().size();
            box->items.pop_front();
            p->deliverNow(frame);
            continue;
        }
        const std::shared_ptr<HistoryStep> step = std::get<std::shared_ptr<HistoryStep>>(front);
        if (!step->read)
            return;
        // A member waits until this process has delivered up to the cut (its live messages
        // continue right after the answer). Redis gone: no waiting.
        if (!step->noWait && step->member && order(step->room).last < step->cut)
            return;
        box->items.pop_front();
        finishStep(p, *box, *step);
    }
    p->setHold(nullptr);
    m_outboxes.erase(peer);
}

void RedisRoomBroker::finishStep(Peer *p, Outbox &box, const HistoryStep &step)
{
    Engine &e = *m_engine;
    // This process's copy up to the cut: what the stream no longer has (trimmed, or lost
    // with a Redis that restarted) and, while Redis is down, everything.
    std::optional<qint64> before = step.before;
    if (!before || *before > step.cut + 1)
        before = step.cut + 1;
    QList<sv::Message> merged = step.fromStream;
    merged += e.store->history(step.room, before, step.after, step.limit);
    std::stable_sort(merged.begin(), merged.end(),
                     [](const sv::Message &a, const sv::Message &b) { return a.seq < b.seq; });
    merged.erase(
        std::unique(merged.begin(), merged.end(),
                    [](const sv::Message &a, const sv::Message &b) { return a.seq == b.seq; }),
        merged.end());
    // The paging rule on the union: with after the oldest `limit`, else the newest.
    if (merged.size() > step.limit) {
        if (step.after)
            merged.resize(step.limit);
        else
            merged.remove(0, merged.size() - step.limit);
    }
    sv::History h;
    h.re = step.re;
    h.room = step.room;
    h.messages = merged;
    const Frame f(proto::ServerMessage {h});
    if (p->deliverNow(f))
        e.recorder.out(p, 1, f);
    if (!step.join)
        e.chargeBytes(p, f.json().size()); // costed by its size, as without Redis

    // Live messages held behind it that it holds: a join's history stands for everything
    // up to the cut; another answer for the messages it carries.
    QSet<qint64> carried;
    if (!step.join) {
        for (const sv::Message &m : std::as_const(merged))
            carried.insert(m.seq);
    }
    for (auto it = box.items.begin(); it != box.items.end();) {
        const Frame *held = std::get_if<Frame>(&*it);
        const auto ref = held ? messageRef(*held) : std::nullopt;
        if (ref && !ref->own && ref->room == step.room
            && (step.join ? ref->seq <= step.cut : carried.contains(ref->seq))) {
            box.heldBytes -= held->json().size();
            it = box.items.erase(it);
        } else {
            ++it;
        }
    }
}

void RedisRoomBroker::catchUp(const QByteArray &cursor)
{
    // Rooms said in before this process started (or while it was cut off) that nobody here
    // joined since: read up to their seq, so that the copy (and --transcript) is complete.
    m_link->command(
        {"SCAN", cursor, "MATCH", QByteArray(SeqKeyPrefix) + '*', "COUNT",
         QByteArray::number(ScanCount)},
        [this](const RedisValue &v) {
            if (v.type != RedisValue::Type::Array || v.elements.size() != 2)
                return; // Redis down: again when it is back
            for (const RedisValue &key : v.elements[1].elements) {
                const QString room
                    = QString::fromUtf8(key.str.mid(qsizetype(sizeof SeqKeyPrefix) - 1));
                m_link->command({"HGET", key.str, "seq"}, [this, room](const RedisValue &seq) {
                    const qint64 head = seq.str.toLongLong();
                    if (seq.type != RedisValue::Type::String || head <= 0)
                        return;
                    Order &o = order(room);
                    if (head <= o.last || head <= o.target)
                        return;
                    o.target = head;
                    m_local->ensure(room);
                    if (!o.backfilling)
                        backfill(room);
                });
            }
            if (v.elements[0].str != "0")
                catchUp(v.elements[0].str);
        });
}

} // namespace duplex::server
