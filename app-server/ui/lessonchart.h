// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <lessonstats.h>

#include <QList>
#include <QWidget>

namespace duplex::server {

/// The lesson panel's chart: bytes/s (or requests/s) per transport over the last minutes,
/// one line per transport, the moments the class was switched as labelled vertical lines.
/// Plain QPainter, repainted only when the panel hands it new data (a few times a second).
class LessonChart final : public QWidget
{
    Q_OBJECT
public:
    enum class Series { Bytes, Requests };

    explicit LessonChart(QWidget *parent = nullptr);

    void setData(const QList<LessonStats::Point> &points,
                 const QList<LessonStats::Switch> &switches, qint64 nowMs);
    void setSeries(Series s);
    Series series() const { return m_series; }
    /// The time span across the width (default five minutes).
    void setSpanMs(qint64 ms);

    /// "Polling 500 ms", "Push", "Long polling": what a switch line and the switch show.
    static QString modeLabel(const ClassTransport &t);
    /// The colour of a transport's column, line and bars (high contrast on white).
    static QColor transportColor(Transport t);
    static QString transportName(Transport t);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<LessonStats::Point> m_points;
    QList<LessonStats::Switch> m_switches;
    qint64 m_nowMs = 0;
    qint64 m_spanMs = 300'000;
    Series m_series = Series::Bytes;
};

} // namespace duplex::server
