// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "clientinfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace duplex::server {

/// Turns the engine's monotonic counters into rates: sampled once a second, kept for the
/// last five minutes (300 samples) for the window's live charts. The counter source is a
/// function so tests need no server.
class ServerStats final : public QObject
{
    Q_OBJECT
public:
    enum class Series { Clients, MessagesIn, MessagesOut, BytesIn, BytesOut };

    struct Sample {
        qint64 timeMs = 0; ///< when it was taken (monotonic ms since start)
        int clients = 0;
        double messagesInPerSec = 0;
        double messagesOutPerSec = 0;
        double bytesInPerSec = 0;
        double bytesOutPerSec = 0;
    };

    explicit ServerStats(std::function<ServerCounters()> source, QObject *parent = nullptr);

    /// Starts sampling every intervalMs (default 1000). 0 stops it (tests call sampleAt()).
    void setInterval(int ms);
    /// Samples now. Rates are the counter deltas since the previous sample over the time
    /// between them (the first sample only records the baseline and has zero rates).
    void sample();
    /// As sample(), with an explicit clock in ms (tests).
    void sampleAt(qint64 timeMs);

    /// How many samples are kept: five minutes at one a second.
    int windowSize() const { return m_windowSize; }
    void setWindowSize(int samples);

    const std::deque<Sample> &samples() const { return m_samples; }
    QList<double> series(Series which) const;
    Sample latest() const;
    /// The totals of the last sample (monotonic since the server started).
    ServerCounters totals() const { return m_last; }
    /// Peaks over the kept window.
    double peak(Series which) const;

Q_SIGNALS:
    void sampled();

private:
    std::function<ServerCounters()> m_source;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::deque<Sample> m_samples;
    ServerCounters m_last;
    qint64 m_lastTimeMs = -1;
    int m_windowSize = 300;
};

} // namespace duplex::server
