// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace duplex::server {

/// Measures how late the event loop runs a 10 ms timer (DUPLEX_LAG_PROBE=<file>). The
/// figures (p50/p99/max lag in ms and the sample count) are written to the file when the
/// probe is destroyed or writeReport() is called.
class LagProbe final : public QObject
{
    Q_OBJECT
public:
    explicit LagProbe(QString reportPath, int intervalMs = 10, QObject *parent = nullptr);
    ~LagProbe() override;

    struct Figures {
        double p50 = 0, p99 = 0, max = 0;
        qsizetype samples = 0;
    };
    Figures figures() const;
    bool writeReport() const;

private:
    QString m_path;
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<float> m_lagMs;
};

} // namespace duplex::server
