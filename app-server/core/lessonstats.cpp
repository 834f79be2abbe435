// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "lessonstats.h"

namespace duplex::server {

namespace {

/// a - b for totals that only grow; 0 if b is ahead (a restarted engine is caught earlier).
double delta(quint64 a, quint64 b)
{
    return a >= b ? double(a - b) : 0.0;
}

/// What the class sees changed: the mode, or the interval of polling (the interval the
/// engine keeps while on push or long polling means nothing to the class).
bool switched(const ClassTransport &from, const ClassTransport &to)
{
    return from.mode != to.mode || (to.mode == Transport::Poll && from.intervalMs != to.intervalMs);
}

bool wentDown(const TransportFigures &now, const TransportFigures &before)
{
    if (now.cpuMs < before.cpuMs)
        return true;
    for (int i = 0; i < TransportCount; ++i) {
        const TransportCounters &a = now.transports[size_t(i)];
        const TransportCounters &b = before.transports[size_t(i)];
        if (a.requests < b.requests || a.emptyResponses < b.emptyResponses
            || a.messagesIn < b.messagesIn || a.messagesOut < b.messagesOut || a.bytesIn < b.bytesIn
            || a.bytesOut < b.bytesOut || a.latency.total() < b.latency.total())
            return true;
    }
    return false;
}

} // namespace

void LessonStats::clear()
{
    m_snaps.clear();
    m_latest = {};
    m_now = {};
    m_history.clear();
    m_switches.clear();
    m_haveClass = false;
    m_lastClass = {};
    m_lastBytesPerPollRequest = -1;
    m_lastPollEmptyShare = -1;
    m_lastPushBytesPerClientPerSec = -1;
}

const LessonStats::Snap &LessonStats::baseFor(qint64 window) const
{
    const qint64 want = m_snaps.back().tMs - window;
    // Newest first: the first one at least `window` old.
    for (auto it = m_snaps.crbegin(); it != m_snaps.crend(); ++it) {
        if (it->tMs <= want)
            return *it;
    }
    return m_snaps.front();
}

void LessonStats::add(qint64 tMs, const TransportFigures &figures)
{
    if (!m_snaps.empty()) {
        if (tMs <= m_snaps.back().tMs)
            return;
        if (wentDown(figures, m_snaps.back().f))
            m_snaps.clear();
    }
    m_snaps.push_back({tMs, figures});
    m_latest = figures;
    // Keep one snapshot at least the longest window old, and not many more (a caller that
    // feeds every few ms must not grow this without bound).
    const qint64 keep = qMax(m_rateWindowMs, m_latencyWindowMs);
    while (m_snaps.size() > 2 && m_snaps[1].tMs <= tMs - keep)
        m_snaps.pop_front();
    while (m_snaps.size() > 4096)
        m_snaps.pop_front();

    if (m_haveClass && switched(m_lastClass, figures.classTransport))
        m_switches.append({tMs, m_lastClass, figures.classTransport});
    m_haveClass = true;
    m_lastClass = figures.classTransport;

    recompute();

    // One history point per second of the caller's clock.
    if (hasRates() && (m_history.isEmpty() || tMs / 1000 > m_history.last().tMs / 1000)) {
        Point p;
        p.tMs = tMs;
        for (int i = 0; i < TransportCount; ++i) {
            const Rates &r = m_now.transports[size_t(i)];
            p.bytesPerSec[size_t(i)] = r.bytesPerSec();
            p.requestsPerSec[size_t(i)] = r.requestsPerSec;
            p.clients[size_t(i)] = r.clients;
        }
        m_history.append(p);
        if (m_history.size() > m_historyPoints)
            m_history.remove(0, m_history.size() - m_historyPoints);
    }
    const qint64 oldest = tMs - qint64(m_historyPoints) * 1000;
    while (!m_switches.isEmpty() && m_switches.first().tMs < oldest)
        m_switches.removeFirst();
}

void LessonStats::recompute()
{
    const Snap &cur = m_snaps.back();
    const Snap &base = baseFor(m_rateWindowMs);
    const Snap &slow = baseFor(m_latencyWindowMs);
    const double dt = double(cur.tMs - base.tMs) / 1000.0;
    const double dtSlow = double(cur.tMs - slow.tMs) / 1000.0;

    m_now = {};
    m_now.tMs = cur.tMs;
    m_now.classTransport = cur.f.classTransport;
    if (dt > 0)
        m_now.cpuPercent = 100.0 * double(cur.f.cpuMs - base.f.cpuMs) / (dt * 1000.0);

    for (int i = 0; i < TransportCount; ++i) {
        const TransportCounters &c = cur.f.transports[size_t(i)];
        const TransportCounters &b = base.f.transports[size_t(i)];
        Rates &r = m_now.transports[size_t(i)];
        r.clients = c.clients;
        if (dt > 0) {
            r.requestsPerSec = delta(c.requests, b.requests) / dt;
            r.messagesInPerSec = delta(c.messagesIn, b.messagesIn) / dt;
            r.messagesOutPerSec = delta(c.messagesOut, b.messagesOut) / dt;
            r.bytesInPerSec = delta(c.bytesIn, b.bytesIn) / dt;
            r.bytesOutPerSec = delta(c.bytesOut, b.bytesOut) / dt;
        }
        const double requests = delta(c.requests, b.requests);
        const double bytes = delta(c.bytesIn, b.bytesIn) + delta(c.bytesOut, b.bytesOut);
        if (requests > 0) {
            r.emptyShare = delta(c.emptyResponses, b.emptyResponses) / requests;
            r.bytesPerRequest = bytes / requests;
        }
        const double delivered = delta(c.messagesOut, b.messagesOut);
        if (delivered > 0)
            r.bytesPerMessage = bytes / delivered;

        // Latency and the projection's inputs: over the last few seconds (steadier).
        const TransportCounters &s = slow.f.transports[size_t(i)];
        const LatencyHistogram lat = c.latency.since(s.latency);
        r.p50Ms = lat.percentileMs(50);
        r.p99Ms = lat.percentileMs(99);
        if (dtSlow <= 0)
            continue;
        const double slowBytes = delta(c.bytesIn, s.bytesIn) + delta(c.bytesOut, s.bytesOut);
        const double slowRequests = delta(c.requests, s.requests);
        if (Transport(i) == Transport::Poll && slowRequests > 0) {
            m_lastBytesPerPollRequest = slowBytes / slowRequests;
            m_lastPollEmptyShare = delta(c.emptyResponses, s.emptyResponses) / slowRequests;
        }
        if (Transport(i) == Transport::Push && c.clients > 0 && s.clients > 0)
            m_lastPushBytesPerClientPerSec = slowBytes / dtSlow / double(c.clients);
    }
}

LessonStats::Projection LessonStats::projection(int students, int intervalMs) const
{
    Projection p;
    p.students = qMax(1, students);
    p.intervalMs = qMax(1, intervalMs);
    p.pollRequestsPerSec = double(p.students) * 1000.0 / double(p.intervalMs);
    p.bytesPerPollRequest = m_lastBytesPerPollRequest;
    p.pollEmptyShare = m_lastPollEmptyShare;
    if (p.bytesPerPollRequest >= 0)
        p.pollBytesPerSec = p.pollRequestsPerSec * p.bytesPerPollRequest;
    p.pushBytesPerClientPerSec = m_lastPushBytesPerClientPerSec;
    if (p.pushBytesPerClientPerSec >= 0)
        p.pushBytesPerSec = double(p.students) * p.pushBytesPerClientPerSec;
    if (p.pollBytesPerSec > 0 && p.pushBytesPerSec > 0)
        p.factor = p.pollBytesPerSec / p.pushBytesPerSec;
    return p;
}

} // namespace duplex::server
