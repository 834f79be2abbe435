// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "lagprobe.h"

#include <QFile>

#include <algorithm>

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
        const double lag = std::max(0.0, double(now - m_lastNs) / 1e6 - m_intervalMs);
        m_lastNs = now;
        if (now < m_skipNs || (m_untilNs > 0 && now > m_untilNs))
            return;
        ++m_samples;
        m_maxMs = std::max(m_maxMs, lag);
        ++m_histogram[size_t(std::min<qint64>(Buckets - 1, qint64(lag * BucketsPerMs)))];
    });
    m_reportTimer.setInterval(1000);
    connect(&m_reportTimer, &QTimer::timeout, this, [this] { writeReport(); });
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
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
    file.write(QStringLiteral("p50_ms=%1\np99_ms=%2\nmax_ms=%3\nsamples=%4\n")
                   .arg(f.p50, 0, 'f', 2)
                   .arg(f.p99, 0, 'f', 2)
                   .arg(f.max, 0, 'f', 2)
                   .arg(f.samples)
                   .toUtf8());
    return true;
}

} // namespace duplex::server
