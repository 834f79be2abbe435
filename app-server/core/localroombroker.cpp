// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "localroombroker.h"

#include "frame.h"
#include "peer.h"
#include "sessionregistry.h"
#include "trafficrecorder.h"

#include <algorithm>

namespace duplex::server {

namespace sv = proto::server;

namespace {

/// Large rooms: at most one `count` presence per room per this many ms.
constexpr qint64 CountIntervalMs = 1000;

} // namespace

LocalRoomBroker::LocalRoomBroker(int largeRoomThreshold, TrafficRecorder *recorder)
    : m_largeRoomThreshold(largeRoomThreshold)
    , m_recorder(recorder)
{
}

LocalRoomBroker::Room *LocalRoomBroker::find(const QString &room)
{
    const auto it = m_rooms.find(room);
    return it == m_rooms.end() ? nullptr : &it->second;
}

const LocalRoomBroker::Room *LocalRoomBroker::find(const QString &room) const
{
    const auto it = m_rooms.find(room);
    return it == m_rooms.end() ? nullptr : &it->second;
}

void LocalRoomBroker::ensure(const QString &room)
{
    m_rooms.try_emplace(room);
}

bool LocalRoomBroker::exists(const QString &room) const
{
    return find(room) != nullptr;
}

bool LocalRoomBroker::contains(const QString &room, const Peer *peer) const
{
    const Room *r = find(room);
    return r && r->index.contains(peer);
}

int LocalRoomBroker::count(const QString &room) const
{
    const Room *r = find(room);
    return r ? int(r->members.size()) : 0;
}

bool LocalRoomBroker::join(const QString &room, Peer *peer, const QString &nick)
{
    Room &r = m_rooms[room];
    if (r.index.contains(peer))
        return false;
    r.index.insert(peer, qsizetype(r.members.size()));
    r.members.push_back(peer);
    announce(room, r, nick, true, peer, int(r.members.size()));
    return true;
}

bool LocalRoomBroker::leave(const QString &room, Peer *peer, const QString &nick, bool announce)
{
    Room *r = find(room);
    if (!r)
        return false;
    const auto it = r->index.find(peer);
    if (it == r->index.end())
        return false;
    const int before = int(r->members.size());
    const qsizetype pos = it.value();
    r->index.erase(it);
    Peer *last = r->members.back();
    r->members.pop_back();
    if (last != peer) {
        r->members[size_t(pos)] = last;
        r->index[last] = pos;
    }
    if (announce)
        this->announce(room, *r, nick, false, nullptr, before);
    if (r->members.empty()) {
        // An empty room costs nothing: a script joining random rooms cannot grow us.
        m_rooms.erase(room);
        m_dirtyCounts.remove(room);
    }
    return true;
}

void LocalRoomBroker::replace(const QString &room, Peer *from, Peer *to)
{
    Room *r = find(room);
    if (!r)
        return;
    const auto it = r->index.find(from);
    if (it == r->index.end())
        return;
    const qsizetype pos = it.value();
    r->index.erase(it);
    r->members[size_t(pos)] = to;
    r->index.insert(to, pos);
}

void LocalRoomBroker::announce(const QString &room, Room &r, const QString &nick, bool joined,
                               const Peer *except, int countBefore)
{
    // So that a join costs O(1) frames for everyone else in a large room, not O(N).
    if (isLarge(countBefore)) {
        m_dirtyCounts.insert(room);
        return;
    }
    if (r.members.empty() || (joined && r.members.size() == 1))
        return;
    sv::Presence p;
    p.room = room;
    p.event = joined ? sv::PresenceEvent::Join : sv::PresenceEvent::Leave;
    p.nick = nick;
    const Frame f(proto::ServerMessage {p});
    const int n = publish(room, f, except);
    if (m_recorder)
        m_recorder->out(nullptr, n, f);
}

int LocalRoomBroker::publish(const QString &room, const Frame &frame, const Peer *except)
{
    Room *r = find(room);
    if (!r)
        return 0;
    int n = 0;
    // Index loop: deliver() never changes membership (closes are deferred).
    for (size_t i = 0; i < r->members.size(); ++i) {
        Peer *m = r->members[i];
        if (m != except && m->deliver(frame))
            ++n;
    }
    return n;
}

QStringList LocalRoomBroker::memberNicks(const QString &room, int max) const
{
    const Room *r = find(room);
    if (!r)
        return {};
    // Sorted by the nick key (case-folded once, when the nick was taken): comparing with
    // Qt::CaseInsensitive folded both strings on every comparison and was 39 % of the
    // server's instructions in a 200-client profile (docs/performance.md).
    std::vector<std::pair<QString, QString>> sorted;
    sorted.reserve(r->members.size());
    for (const Peer *m : r->members) {
        if (m->session)
            sorted.emplace_back(m->session->key, m->session->nick);
        else
            sorted.emplace_back(m->label(), m->label());
    }
    const size_t listed = std::min(sorted.size(), size_t(std::max(0, max)));
    std::partial_sort(sorted.begin(), sorted.begin() + qsizetype(listed), sorted.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    out.reserve(qsizetype(listed));
    for (size_t i = 0; i < listed; ++i)
        out.append(sorted[i].second);
    return out;
}

QList<QPair<QString, int>> LocalRoomBroker::roomCounts() const
{
    QList<QPair<QString, int>> out;
    out.reserve(qsizetype(m_rooms.size()));
    for (const auto &[name, room] : m_rooms)
        out.append({name, int(room.members.size())});
    return out;
}

void LocalRoomBroker::tick(qint64 nowMs)
{
    // Large rooms: one `count` presence per room at most once a second while it changes.
    for (auto it = m_dirtyCounts.begin(); it != m_dirtyCounts.end();) {
        Room *r = find(*it);
        if (!r) {
            it = m_dirtyCounts.erase(it);
            continue;
        }
        if (nowMs - r->lastCountSentMs < CountIntervalMs) {
            ++it;
            continue;
        }
        const int count = int(r->members.size());
        if (count != r->lastCountSent && count > 0) {
            sv::Presence p;
            p.room = *it;
            p.event = sv::PresenceEvent::Count;
            p.count = count;
            const Frame f(proto::ServerMessage {p});
            const int n = publish(*it, f, nullptr);
            if (m_recorder)
                m_recorder->out(nullptr, n, f);
            r->lastCountSent = count;
            r->lastCountSentMs = nowMs;
        }
        it = m_dirtyCounts.erase(it);
    }
}

} // namespace duplex::server
