// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "trafficlog.h"

#include <QDateTime>

namespace duplex::server {

TrafficLog::TrafficLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    m_ring.reserve(size_t(m_capacity));
}

quint64 TrafficLog::append(TrafficEntry entry)
{
    if (entry.timeMs == 0)
        entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    const QMutexLocker lock(&m_mutex);
    entry.serial = ++m_lastSerial;
    if (m_ring.size() < size_t(m_capacity)) {
        m_ring.push_back(std::move(entry));
    } else {
        m_ring[size_t(m_head)] = std::move(entry);
        m_head = (m_head + 1) % m_capacity;
    }
    return m_lastSerial;
}

QList<TrafficEntry> TrafficLog::entriesSince(quint64 after) const
{
    QList<TrafficEntry> out;
    const QMutexLocker lock(&m_mutex);
    const qsizetype n = qsizetype(m_ring.size());
    if (n == 0 || after >= m_lastSerial)
        return out;
    const quint64 oldest = m_lastSerial - quint64(n) + 1;
    const quint64 first = qMax(after + 1, oldest);
    out.reserve(qsizetype(m_lastSerial - first + 1));
    for (quint64 s = first; s <= m_lastSerial; ++s) {
        const qsizetype offset = qsizetype(s - oldest);
        out.append(m_ring[size_t((m_head + offset) % n)]);
    }
    return out;
}

QList<TrafficEntry> TrafficLog::entries() const
{
    return entriesSince(0);
}

quint64 TrafficLog::lastSerial() const
{
    const QMutexLocker lock(&m_mutex);
    return m_lastSerial;
}

int TrafficLog::size() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_ring.size());
}

void TrafficLog::clear()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_ring.clear();
        m_head = 0;
    }
    Q_EMIT cleared();
}

} // namespace duplex::server
