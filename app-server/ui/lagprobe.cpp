// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "lagprobe.h"

#include <QFile>

#include <algorithm>

namespace duplex::server {

LagProbe::LagProbe(QString reportPath, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_path(std::move(reportPath))
    , m_intervalMs(intervalMs)
{
    m_lagMs.reserve(100000);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        const double lag = double(now - m_lastNs) / 1e6 - m_intervalMs;
        m_lastNs = now;
        m_lagMs.push_back(float(std::max(0.0, lag)));
    });
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

LagProbe::~LagProbe()
{
    writeReport();
}

LagProbe::Figures LagProbe::figures() const
{
    Figures f;
    f.samples = qsizetype(m_lagMs.size());
    if (m_lagMs.empty())
        return f;
    std::vector<float> sorted = m_lagMs;
    std::sort(sorted.begin(), sorted.end());
    auto at = [&sorted](double q) {
        return double(sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))]);
    };
    f.p50 = at(0.50);
    f.p99 = at(0.99);
    f.max = double(sorted.back());
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
                       .arg(f.p50, 0, 'f', 2).arg(f.p99, 0, 'f', 2).arg(f.max, 0, 'f', 2)
                       .arg(f.samples).toUtf8());
    return true;
}

} // namespace duplex::server
