// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "serverstats.h"

#include <algorithm>

namespace duplex::server {

ServerStats::ServerStats(std::function<ServerCounters()> source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
{
    m_clock.start();
    connect(&m_timer, &QTimer::timeout, this, [this] { sample(); });
}

void ServerStats::setInterval(int ms)
{
    if (ms <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(ms);
}

void ServerStats::setWindowSize(int samples)
{
    m_windowSize = qMax(2, samples);
    while (int(m_samples.size()) > m_windowSize)
        m_samples.pop_front();
}

void ServerStats::sample()
{
    sampleAt(m_clock.elapsed());
}

void ServerStats::sampleAt(qint64 timeMs)
{
    const ServerCounters now = m_source ? m_source() : ServerCounters {};
    Sample s;
    s.timeMs = timeMs;
    s.clients = now.clients;
    if (m_lastTimeMs >= 0 && timeMs > m_lastTimeMs) {
        const double secs = double(timeMs - m_lastTimeMs) / 1000.0;
        // Counters only grow; a smaller value means a restarted engine: treat as zero.
        auto rate = [secs](quint64 cur, quint64 prev) {
            return cur >= prev ? double(cur - prev) / secs : 0.0;
        };
        s.messagesInPerSec = rate(now.framesIn, m_last.framesIn);
        s.messagesOutPerSec = rate(now.framesOut, m_last.framesOut);
        s.bytesInPerSec = rate(now.bytesIn, m_last.bytesIn);
        s.bytesOutPerSec = rate(now.bytesOut, m_last.bytesOut);
    }
    m_last = now;
    m_lastTimeMs = timeMs;
    m_samples.push_back(s);
    while (int(m_samples.size()) > m_windowSize)
        m_samples.pop_front();
    Q_EMIT sampled();
}

static double valueOf(const ServerStats::Sample &s, ServerStats::Series which)
{
    switch (which) {
    case ServerStats::Series::Clients: return s.clients;
    case ServerStats::Series::MessagesIn: return s.messagesInPerSec;
    case ServerStats::Series::MessagesOut: return s.messagesOutPerSec;
    case ServerStats::Series::BytesIn: return s.bytesInPerSec;
    case ServerStats::Series::BytesOut: return s.bytesOutPerSec;
    }
    return 0;
}

QList<double> ServerStats::series(Series which) const
{
    QList<double> out;
    out.reserve(qsizetype(m_samples.size()));
    for (const Sample &s : m_samples)
        out.append(valueOf(s, which));
    return out;
}

ServerStats::Sample ServerStats::latest() const
{
    return m_samples.empty() ? Sample {} : m_samples.back();
}

double ServerStats::peak(Series which) const
{
    double p = 0;
    for (const Sample &s : m_samples)
        p = std::max(p, valueOf(s, which));
    return p;
}

} // namespace duplex::server
