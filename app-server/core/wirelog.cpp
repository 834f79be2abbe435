// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "wirelog.h"

#include <algorithm>

namespace duplex::server {

namespace {

/// What a record costs besides its bytes (the struct and the deque slot), for the bound.
constexpr qint64 RecordOverhead = qint64(sizeof(WireRecord)) + 16;

qint64 cost(const WireRecord &r)
{
    return r.wire.size() + RecordOverhead;
}

} // namespace

QByteArray WireRecord::payload() const
{
    if (kind != Kind::Ws)
        return {};
    const QByteArray bytes = wire.mid(header.headerLength);
    return header.masked ? ws::applyMask(bytes, header.maskKey) : bytes;
}

WireLog::WireLog(Limits limits)
    : m_limits(limits)
{
}

quint64 WireLog::append(WireRecord record)
{
    const QMutexLocker lock(&m_mutex);
    record.serial = ++m_lastSerial;
    const quint64 id = record.clientId;
    PerClient &c = m_clients[id];
    const qint64 bytes = cost(record);
    m_order.emplace_back(id, record.serial);
    c.records.push_back(std::move(record));
    c.bytes += bytes;
    m_bytes += bytes;
    ++m_count;
    // One client flooding pushes out only its own history...
    while (c.bytes > m_limits.bytesPerClient && c.records.size() > 1)
        popFront(c, id);
    if (m_order.size() > 2 * size_t(m_count) + 1024)
        compactOrder();
    // ...and everyone together stays under the total.
    while ((m_bytes > m_limits.bytesTotal || m_count > m_limits.recordsTotal) && m_count > 1)
        evictOldest();
    return m_lastSerial;
}

void WireLog::popFront(PerClient &c, quint64)
{
    const qint64 bytes = cost(c.records.front());
    c.records.pop_front();
    c.bytes -= bytes;
    m_bytes -= bytes;
    --m_count;
    ++m_evicted;
    // Its entry in m_order stays until it reaches the front (evictOldest skips it).
}

bool WireLog::isLive(quint64 clientId, quint64 serial) const
{
    // Both limits take a client's records from its front: a record is still kept when its
    // serial is not older than the client's first.
    auto it = m_clients.find(clientId);
    return it != m_clients.end() && !it->second.records.empty()
        && serial >= it->second.records.front().serial;
}

void WireLog::compactOrder()
{
    // Per-client evictions leave their entries here; drop them all at once (amortised O(1)).
    std::deque<std::pair<quint64, quint64>> live;
    for (const auto &entry : m_order) {
        if (isLive(entry.first, entry.second))
            live.push_back(entry);
    }
    m_order.swap(live);
}

void WireLog::evictOldest()
{
    while (!m_order.empty()) {
        const auto [id, serial] = m_order.front();
        m_order.pop_front();
        if (!isLive(id, serial))
            continue; // already gone (the per-client limit took it)
        auto it = m_clients.find(id);
        popFront(it->second, id);
        if (it->second.records.empty())
            m_clients.erase(it);
        return;
    }
}

QList<WireRecord> WireLog::recordsFor(quint64 clientId) const
{
    const QMutexLocker lock(&m_mutex);
    QList<WireRecord> out;
    auto it = m_clients.find(clientId);
    if (it == m_clients.end())
        return out;
    out.reserve(qsizetype(it->second.records.size()));
    for (const WireRecord &r : it->second.records)
        out.append(r);
    return out;
}

QList<WireRecord> WireLog::since(quint64 after, int max) const
{
    const QMutexLocker lock(&m_mutex);
    QList<WireRecord> out;
    for (const auto &[id, c] : m_clients) {
        // Records are in serial order per client: skip to the first one after `after`.
        auto first = std::upper_bound(c.records.begin(), c.records.end(), after,
                                      [](quint64 s, const WireRecord &r) { return s < r.serial; });
        for (auto it = first; it != c.records.end(); ++it)
            out.append(*it);
    }
    std::sort(out.begin(), out.end(),
              [](const WireRecord &a, const WireRecord &b) { return a.serial < b.serial; });
    if (out.size() > max)
        out.remove(0, out.size() - max);
    return out;
}

QList<WireRecord> WireLog::find(quint64 clientId,
                                const std::function<bool(const WireRecord &)> &match) const
{
    const QMutexLocker lock(&m_mutex);
    QList<WireRecord> out;
    for (const auto &[id, c] : m_clients) {
        if (clientId != 0 && id != clientId)
            continue;
        for (const WireRecord &r : c.records) {
            if (match(r))
                out.append(r);
        }
    }
    return out;
}

std::optional<WireRecord> WireLog::frameCarrying(quint64 clientId, bool out,
                                                 const QByteArray &message, qint64 nearMs) const
{
    if (message.isEmpty())
        return std::nullopt;
    const QList<WireRecord> found = find(clientId, [&](const WireRecord &r) {
        if (r.kind != WireRecord::Kind::Ws || r.header.opcode != 0x1 || r.out != out)
            return false;
        const QByteArray p = r.payload();
        if (p.isEmpty() || !message.startsWith(p))
            return false;
        return !r.header.fin || r.cut || p.size() == message.size();
    });
    const WireRecord *best = nullptr;
    for (const WireRecord &r : found) {
        if (!best || qAbs(r.timeMs - nearMs) < qAbs(best->timeMs - nearMs))
            best = &r;
    }
    if (!best)
        return std::nullopt;
    return *best;
}

QList<quint64> WireLog::clients() const
{
    const QMutexLocker lock(&m_mutex);
    QList<std::pair<quint64, quint64>> firsts;
    for (const auto &[id, c] : m_clients) {
        if (!c.records.empty())
            firsts.append({c.records.front().serial, id});
    }
    std::sort(firsts.begin(), firsts.end());
    QList<quint64> out;
    for (const auto &f : firsts)
        out.append(f.second);
    return out;
}

quint64 WireLog::lastSerial() const
{
    const QMutexLocker lock(&m_mutex);
    return m_lastSerial;
}

qint64 WireLog::bytesHeld() const
{
    const QMutexLocker lock(&m_mutex);
    return m_bytes;
}

int WireLog::size() const
{
    const QMutexLocker lock(&m_mutex);
    return m_count;
}

quint64 WireLog::evicted() const
{
    const QMutexLocker lock(&m_mutex);
    return m_evicted;
}

void WireLog::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_clients.clear();
    m_order.clear();
    m_bytes = 0;
    m_count = 0;
}

} // namespace duplex::server
