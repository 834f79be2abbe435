// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "lessonchart.h"

#include "statspanel.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace duplex::server {

LessonChart::LessonChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lessonChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QString LessonChart::transportName(Transport t)
{
    switch (t) {
    case Transport::Push: return tr("Push (WebSocket)");
    case Transport::Poll: return tr("Polling");
    case Transport::LongPoll: return tr("Long polling");
    }
    return {};
}

QString LessonChart::modeLabel(const ClassTransport &t)
{
    if (t.mode == Transport::Poll)
        return tr("Polling every %1 ms").arg(t.intervalMs);
    return transportName(t.mode);
}

QColor LessonChart::transportColor(Transport t)
{
    switch (t) {
    case Transport::Push: return QColor(0x1b, 0x5e, 0x20);     // dark green
    case Transport::Poll: return QColor(0xbf, 0x36, 0x0c);     // deep orange
    case Transport::LongPoll: return QColor(0x0d, 0x47, 0xa1); // dark blue
    }
    return Qt::black;
}

void LessonChart::setData(const QList<LessonStats::Point> &points,
                          const QList<LessonStats::Switch> &switches, qint64 nowMs)
{
    m_points = points;
    m_switches = switches;
    m_nowMs = nowMs;
    update();
}

void LessonChart::setSeries(Series s)
{
    m_series = s;
    update();
}

void LessonChart::setSpanMs(qint64 ms)
{
    m_spanMs = qMax<qint64>(10'000, ms);
    update();
}

QSize LessonChart::sizeHint() const
{
    const int line = fontMetrics().height();
    return {24 * line, 10 * line};
}

QSize LessonChart::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {12 * line, 6 * line};
}

void LessonChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const auto value = [this](const LessonStats::Point &pt, int i) {
        return m_series == Series::Bytes ? pt.bytesPerSec[size_t(i)] : pt.requestsPerSec[size_t(i)];
    };
    const auto format = [this](double v) {
        return m_series == Series::Bytes ? StatsPanel::formatByteRate(v)
                                         : StatsPanel::formatRate(v);
    };

    // Legend on the first line.
    int x = 4;
    const int legendY = 2;
    for (int i = 0; i < TransportCount; ++i) {
        const QColor c = transportColor(Transport(i));
        p.fillRect(QRect(x, legendY + fm.height() / 4, fm.height() / 2 * 2, fm.height() / 2), c);
        x += fm.height() + 4;
        p.setPen(palette().color(QPalette::WindowText));
        const QString name = transportName(Transport(i));
        p.drawText(QPoint(x, legendY + fm.ascent()), name);
        x += fm.horizontalAdvance(name) + 2 * fm.height();
    }

    double peak = 0;
    for (const LessonStats::Point &pt : std::as_const(m_points)) {
        if (m_nowMs - pt.tMs > m_spanMs)
            continue;
        for (int i = 0; i < TransportCount; ++i)
            peak = std::max(peak, value(pt, i));
    }
    const double top = peak > 0 ? peak * 1.15 : 1.0;
    const int yLabelWidth = fm.horizontalAdvance(format(top)) + 8;
    const QRectF plot(yLabelWidth, legendY + fm.height() + 6, width() - yLabelWidth - 6,
                      height() - (legendY + fm.height() + 6) - fm.height() - 6);
    if (plot.width() < 20 || plot.height() < 20)
        return;
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Base));
    p.drawRect(plot);

    // Horizontal grid: 0, half, top.
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
    for (double f : {0.0, 0.5, 1.0}) {
        const double y = plot.bottom() - f * plot.height();
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    p.setPen(palette().color(QPalette::WindowText));
    for (double f : {0.0, 0.5, 1.0}) {
        const double y = plot.bottom() - f * plot.height();
        p.drawText(QRectF(0, y - fm.height() / 2.0, yLabelWidth - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, format(f * top));
    }
    // Time axis: a label a minute (or every 10 s for short spans), "now" at the right.
    const qint64 step = m_spanMs > 120'000 ? 60'000 : 10'000;
    const auto xOf = [&](qint64 t) {
        return plot.right() - double(m_nowMs - t) / double(m_spanMs) * plot.width();
    };
    for (qint64 back = 0; back <= m_spanMs; back += step) {
        const double gx = xOf(m_nowMs - back);
        const QString label = back == 0 ? tr("now")
            : step >= 60'000            ? tr("-%1 min").arg(back / 60'000)
                                        : tr("-%1 s").arg(back / 1000);
        const int w = fm.horizontalAdvance(label);
        const double lx = std::clamp(gx - w / 2.0, plot.left(), plot.right() - w);
        p.drawText(QPointF(lx, plot.bottom() + fm.ascent() + 3), label);
    }

    // One line per transport.
    p.setClipRect(plot.adjusted(-2, -2, 2, 2));
    for (int i = 0; i < TransportCount; ++i) {
        QPainterPath line;
        bool started = false;
        bool any = false;
        for (const LessonStats::Point &pt : std::as_const(m_points)) {
            if (m_nowMs - pt.tMs > m_spanMs)
                continue;
            const double v = value(pt, i);
            any = any || v > 0;
            const QPointF q(xOf(pt.tMs), plot.bottom() - 1 - v / top * (plot.height() - 2));
            if (!started)
                line.moveTo(q);
            else
                line.lineTo(q);
            started = true;
        }
        if (!any)
            continue; // a transport nobody used stays off the chart (no line along zero)
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(transportColor(Transport(i)), qMax(2.0, fm.height() / 7.0)));
        p.drawPath(line);
    }

    // The switch moments: dashed vertical lines with the new mode written beside them.
    for (const LessonStats::Switch &s : std::as_const(m_switches)) {
        if (m_nowMs - s.tMs > m_spanMs || s.tMs > m_nowMs)
            continue;
        const double sx = xOf(s.tMs);
        const QColor c = transportColor(s.to.mode);
        p.setPen(QPen(c, 2, Qt::DashLine));
        p.drawLine(QPointF(sx, plot.top()), QPointF(sx, plot.bottom()));
        const QString label = tr("→ %1").arg(modeLabel(s.to));
        const int w = fm.horizontalAdvance(label) + 6;
        QRectF box(sx + 3, plot.top() + 2, w, fm.height() + 2);
        if (box.right() > plot.right())
            box.moveRight(sx - 3);
        p.setPen(Qt::NoPen);
        QColor bg = palette().color(QPalette::Base);
        bg.setAlpha(220);
        p.setBrush(bg);
        p.drawRect(box);
        p.setPen(c);
        p.drawText(box, Qt::AlignCenter, label);
    }
    p.setClipping(false);

    if (m_points.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("Waiting for figures…"));
    }
}

} // namespace duplex::server
