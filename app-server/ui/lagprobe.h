// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <array>

namespace duplex::server {

/// Measures how late the event loop runs a 10 ms timer (DUPLEX_LAG_PROBE=<file>). Lags go
/// into a 0.1 ms histogram (constant memory, percentiles in O(buckets)), and the figures
/// (p50/p99/max in ms, sample count) are rewritten to the file every second and on
/// destruction, so a run stopped from outside still leaves its numbers. max_busy_ms and
/// max_wait_ms split the worst gaps: the GUI thread's own CPU time between two ticks, and
/// the time it did not run (waiting for a core, or blocked).
class LagProbe final : public QObject
{
    Q_OBJECT
public:
    /// skipMs: samples in the first skipMs are not counted (e.g. a benchmark's connect phase).
    /// untilMs > 0: samples after untilMs are not counted either (a benchmark's teardown).
    explicit LagProbe(QString reportPath, int intervalMs = 10, int skipMs = 0, int untilMs = 0,
                      QObject *parent = nullptr);
    ~LagProbe() override;

    struct Figures {
        double p50 = 0, p99 = 0, max = 0;
        qint64 samples = 0;
    };
    Figures figures() const;
    bool writeReport() const;

private:
    static constexpr int BucketsPerMs = 10;
    static constexpr int Buckets = 2000 * BucketsPerMs; // up to 2 s; beyond -> last bucket

    QString m_path;
    int m_intervalMs;
    qint64 m_skipNs = 0;
    qint64 m_untilNs = 0;
    QTimer m_timer;
    QTimer m_reportTimer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_samples = 0;
    double m_maxMs = 0;
    double m_maxBusyMs = 0; ///< most GUI-thread CPU time between two ticks
    double m_maxWaitMs = 0; ///< most time between two ticks NOT spent on the GUI thread's CPU
    std::array<quint32, Buckets> m_histogram {};
};

} // namespace duplex::server
