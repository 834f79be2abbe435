// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QWidget>

class QLabel;

namespace duplex::server {

class ServerStats;
class Sparkline;

/// Live charts over the last five minutes plus totals since start.
class StatsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit StatsPanel(ServerStats *stats, QWidget *parent = nullptr);

    static QString formatRate(double perSec);
    static QString formatByteRate(double bytesPerSec);

private:
    void refresh();

    ServerStats *m_stats;
    Sparkline *m_clients;
    Sparkline *m_in;
    Sparkline *m_out;
    Sparkline *m_bytesIn;
    Sparkline *m_bytesOut;
    QLabel *m_totals;
};

} // namespace duplex::server
