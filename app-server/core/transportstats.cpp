// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "transportstats.h"

#include <QtAlgorithms>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace duplex::server {

QString transportStatsKey(Transport t)
{
    switch (t) {
    case Transport::Push: return QStringLiteral("ws");
    case Transport::Poll: return QStringLiteral("poll");
    case Transport::LongPoll: return QStringLiteral("longPoll");
    }
    return {};
}

QString transportModeName(Transport t)
{
    switch (t) {
    case Transport::Push: return QStringLiteral("push");
    case Transport::Poll: return QStringLiteral("poll");
    case Transport::LongPoll: return QStringLiteral("long-poll");
    }
    return {};
}

bool transportFromModeName(const QString &name, Transport *out)
{
    for (int i = 0; i < TransportCount; ++i) {
        if (name == transportModeName(Transport(i))) {
            *out = Transport(i);
            return true;
        }
    }
    return false;
}

int LatencyHistogram::bucketOf(qint64 micros)
{
    if (micros < 1)
        return 0;
    // 4 buckets per octave: the octave from the highest bit, the quarter from the next two.
    const auto v = quint64(micros);
    const int octave = 63 - int(qCountLeadingZeroBits(v));
    const int quarter = octave >= 2 ? int((v >> (octave - 2)) & 3) : int((v << (2 - octave)) & 3);
    return std::min(Buckets - 1, 1 + octave * 4 + quarter);
}

double LatencyHistogram::upperEdgeMs(int bucket)
{
    if (bucket <= 0)
        return 0.001;
    const int octave = (bucket - 1) / 4;
    const int quarter = (bucket - 1) % 4;
    const double upperMicros = std::ldexp(1.0 + (quarter + 1) / 4.0, octave);
    return upperMicros / 1000.0;
}

void LatencyHistogram::add(qint64 micros)
{
    ++counts[size_t(bucketOf(micros))];
}

quint64 LatencyHistogram::total() const
{
    quint64 n = 0;
    for (quint64 c : counts)
        n += c;
    return n;
}

double LatencyHistogram::percentileMs(double p) const
{
    const quint64 n = total();
    if (n == 0)
        return -1;
    const auto rank = quint64(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(n)));
    quint64 seen = 0;
    for (int i = 0; i < Buckets; ++i) {
        seen += counts[size_t(i)];
        if (seen >= std::max<quint64>(rank, 1))
            return upperEdgeMs(i);
    }
    return upperEdgeMs(Buckets - 1);
}

double LatencyHistogram::maxMs() const
{
    for (int i = Buckets - 1; i >= 0; --i) {
        if (counts[size_t(i)])
            return upperEdgeMs(i);
    }
    return -1;
}

LatencyHistogram LatencyHistogram::since(const LatencyHistogram &older) const
{
    LatencyHistogram d;
    for (int i = 0; i < Buckets; ++i)
        d.counts[size_t(i)] = counts[size_t(i)] >= older.counts[size_t(i)]
            ? counts[size_t(i)] - older.counts[size_t(i)]
            : 0;
    return d;
}

quint64 ActivityLog::addSpan(const ActivitySpan &span)
{
    const quint64 id = m_nextId++;
    if (m_spans.size() < size_t(MaxSpans)) {
        m_spans.push_back(span);
        m_spanIds.push_back(id);
    } else {
        m_spans[m_spanNext] = span;
        m_spanIds[m_spanNext] = id;
        m_spanNext = (m_spanNext + 1) % size_t(MaxSpans);
    }
    return id;
}

ActivitySpan *ActivityLog::span(quint64 id)
{
    for (size_t i = 0; i < m_spanIds.size(); ++i) {
        if (m_spanIds[i] == id)
            return &m_spans[i];
    }
    return nullptr;
}

void ActivityLog::addTick(const ActivityTick &tick)
{
    if (m_ticks.size() < size_t(MaxTicks)) {
        m_ticks.push_back(tick);
    } else {
        m_ticks[m_tickNext] = tick;
        m_tickNext = (m_tickNext + 1) % size_t(MaxTicks);
    }
}

void ActivityLog::watch(qint64 untilMs)
{
    m_watchedUntil = std::max(m_watchedUntil, untilMs);
    m_watched = true;
}

void ActivityLog::expire(qint64 nowMs)
{
    if (m_watched && nowMs > m_watchedUntil)
        m_watched = false;
}

ClientActivity ActivityLog::snapshot(const QString &nick) const
{
    ClientActivity out;
    out.nick = nick;
    out.spans.reserve(qsizetype(m_spans.size()));
    for (size_t i = 0; i < m_spans.size(); ++i)
        out.spans.append(m_spans[(m_spanNext + i) % m_spans.size()]);
    out.ticks.reserve(qsizetype(m_ticks.size()));
    for (size_t i = 0; i < m_ticks.size(); ++i)
        out.ticks.append(m_ticks[(m_tickNext + i) % m_ticks.size()]);
    return out;
}

} // namespace duplex::server
