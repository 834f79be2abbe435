// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "sparkline.h"

#include "uiutil.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace duplex::server {

Sparkline::Sparkline(const QString &title, QColor color, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_color(color)
    , m_format([](double v) { return QString::number(v, 'f', v < 10 ? 1 : 0); })
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QList<double> &values)
{
    m_values = values;
    update();
}

void Sparkline::setFormatter(std::function<QString(double)> format)
{
    m_format = std::move(format);
    update();
}

void Sparkline::setCapacity(int points)
{
    m_capacity = qMax(2, points);
    update();
}

QSize Sparkline::sizeHint() const
{
    const int line = fontMetrics().height();
    return {16 * line, 3 * line + 8};
}

QSize Sparkline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {8 * line, 3 * line + 8};
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QRect all = rect().adjusted(1, 1, -1, -1);

    // Title left, current value right, on the first line.
    const double current = m_values.isEmpty() ? 0.0 : m_values.last();
    const QRect textRow(all.left() + 4, all.top(), all.width() - 8, fm.height());
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(textRow, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(m_color.darker(120));
    p.drawText(textRow, Qt::AlignRight | Qt::AlignVCenter, m_format(current));
    p.setFont(font());

    const QRectF chart(all.left() + 2, all.top() + fm.height() + 3, all.width() - 4,
                       all.height() - fm.height() - 5);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(chart, 3, 3);
    if (m_values.size() < 2)
        return;

    const double peak = *std::max_element(m_values.cbegin(), m_values.cend());
    const double top = peak > 0 ? peak * 1.1 : 1.0;
    const double dx = chart.width() / double(m_capacity - 1);
    // Newest sample at the right edge; older ones scroll left.
    const int n = int(qMin<qsizetype>(m_values.size(), m_capacity));
    const int offset = int(m_values.size()) - n;
    QPainterPath line;
    for (int i = 0; i < n; ++i) {
        const double x = chart.right() - double(n - 1 - i) * dx;
        const double y
            = chart.bottom() - 1 - (m_values.at(offset + i) / top) * (chart.height() - 2);
        if (i == 0)
            line.moveTo(x, y);
        else
            line.lineTo(x, y);
    }
    QPainterPath area = line;
    area.lineTo(chart.right(), chart.bottom());
    area.lineTo(chart.right() - double(n - 1) * dx, chart.bottom());
    area.closeSubpath();
    QColor fill = m_color;
    fill.setAlpha(50);
    p.setBrush(fill);
    p.drawPath(area);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(m_color, 1.5));
    p.drawPath(line);

    // The peak, small, top left of the chart: what the vertical scale means.
    QFont small = font();
    if (!projector::isOn()) // projector mode: no text smaller than the rest
        small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(chart.adjusted(4, 1, -4, -1), Qt::AlignLeft | Qt::AlignTop,
               tr("peak %1").arg(m_format(peak)));
}

} // namespace duplex::server
