// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "lagprobe.h"

#include <QFile>

#include <algorithm>
#include <ctime>

namespace {
// CPU time this thread has used: tells a window that was busy from one that waited.
qint64 threadCpuNs()
{
    timespec ts {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
} // namespace

namespace duplex::server {

LagProbe::LagProbe(QString reportPath, int intervalMs, int skipMs, int untilMs, QObject *parent)
    : QObject(parent)
    , m_path(std::move(reportPath))
    , m_intervalMs(intervalMs)
    , m_skipNs(qint64(skipMs) * 1000000)
    , m_untilNs(qint64(untilMs) * 1000000)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        const double interval = double(now - m_lastNs) / 1e6;
        const double lag = std::max(0.0, interval - m_intervalMs);
        const qint64 cpu = threadCpuNs();
        const double busy = double(cpu - m_lastCpuNs) / 1e6;
        m_lastNs = now;
        m_lastCpuNs = cpu;
        if (now < m_skipNs || (m_untilNs > 0 && now > m_untilNs))
            return;
        ++m_samples;
        m_maxMs = std::max(m_maxMs, lag);
        // Where a late tick's time went: the GUI thread's own work, or waiting for a core.
        m_maxBusyMs = std::max(m_maxBusyMs, busy);
        m_maxWaitMs = std::max(m_maxWaitMs, interval - busy);
        ++m_histogram[size_t(std::min<qint64>(Buckets - 1, qint64(lag * BucketsPerMs)))];
    });
    m_reportTimer.setInterval(1000);
    connect(&m_reportTimer, &QTimer::timeout, this, [this] { writeReport(); });
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_lastCpuNs = threadCpuNs();
    m_timer.start();
    m_reportTimer.start();
}

LagProbe::~LagProbe()
{
    writeReport();
}

LagProbe::Figures LagProbe::figures() const
{
    Figures f;
    f.samples = m_samples;
    f.max = m_maxMs;
    if (m_samples == 0)
        return f;
    auto percentile = [this](double q) {
        const qint64 rank = std::max<qint64>(1, qint64(q * double(m_samples) + 0.5));
        qint64 seen = 0;
        for (int b = 0; b < Buckets; ++b) {
            seen += m_histogram[size_t(b)];
            if (seen >= rank)
                return double(b + 1) / BucketsPerMs; // upper edge of the bucket
        }
        return m_maxMs;
    };
    f.p50 = std::min(percentile(0.50), m_maxMs);
    f.p99 = std::min(percentile(0.99), m_maxMs);
    return f;
}

bool LagProbe::writeReport() const
{
    if (m_path.isEmpty())
        return false;
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    const Figures f = figures();
    file.write(QStringLiteral("p50_ms=%1\np99_ms=%2\nmax_ms=%3\nsamples=%4\n"
                              "max_busy_ms=%5\nmax_wait_ms=%6\n")
                   .arg(f.p50, 0, 'f', 2)
                   .arg(f.p99, 0, 'f', 2)
                   .arg(f.max, 0, 'f', 2)
                   .arg(f.samples)
                   .arg(m_maxBusyMs, 0, 'f', 2)
                   .arg(m_maxWaitMs, 0, 'f', 2)
                   .toUtf8());
    return true;
}

} // namespace duplex::server
