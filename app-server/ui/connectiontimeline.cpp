// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "connectiontimeline.h"

#include "lessonchart.h"

#include <clientmodel.h>

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace duplex::server {

namespace {

QString clock(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString bytes(quint64 n)
{
    return ClientModel::formatBytes(qint64(n));
}

} // namespace

ConnectionTimeline::ConnectionTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("connectionTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(false);
}

void ConnectionTimeline::setActivity(const ClientActivity &activity, qint64 nowMs)
{
    m_activity = activity;
    m_nowMs = nowMs;
    m_hasClient = true;
    layoutItems();
    update();
}

void ConnectionTimeline::clear()
{
    m_activity = {};
    m_hasClient = false;
    layoutItems();
    update();
}

void ConnectionTimeline::setSpanMs(qint64 ms)
{
    m_spanMs = qMax<qint64>(1000, ms);
    layoutItems();
    update();
}

QSize ConnectionTimeline::sizeHint() const
{
    const int line = fontMetrics().height();
    return {24 * line, rowHeight() * 2 + line * 3};
}

QSize ConnectionTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {16 * line, rowHeight() * 2 + line * 3};
}

int ConnectionTimeline::rowHeight() const
{
    return qMax(24, fontMetrics().height() * 2);
}

int ConnectionTimeline::labelWidth() const
{
    const QFontMetrics fm = fontMetrics();
    return qMax(fm.horizontalAdvance(tr("WebSocket")), fm.horizontalAdvance(tr("HTTP polls"))) + 12;
}

QRectF ConnectionTimeline::rowRect(int row) const
{
    const QFontMetrics fm = fontMetrics();
    const double top = fm.height() * 0.5 + row * (rowHeight() + fm.height() * 0.6);
    return {double(labelWidth()), top, double(width() - labelWidth() - 8), double(rowHeight())};
}

double ConnectionTimeline::xOf(qint64 t) const
{
    const QRectF r = rowRect(0);
    return r.right() - double(m_nowMs - t) / double(m_spanMs) * r.width();
}

void ConnectionTimeline::layoutItems()
{
    m_items.clear();
    m_wsBars = m_pollBars = m_emptyPollBars = m_ticks = 0;
    const qint64 from = m_nowMs - m_spanMs;
    const QRectF ws = rowRect(0);
    const QRectF poll = rowRect(1);
    if (ws.width() < 10)
        return;
    const double barHalf = ws.height() * 0.22;

    // Ticks first: they sit on the bars, so a hover finds the frame before its connection.
    for (const ActivityTick &t : std::as_const(m_activity.ticks)) {
        if (t.timeMs < from || t.timeMs > m_nowMs)
            continue;
        const double x = xOf(t.timeMs);
        Item it;
        it.kind = t.out ? Item::TickOut : Item::TickIn;
        it.rect = t.out
            ? QRectF(x - 3, ws.top(), 6, ws.center().y() - barHalf - ws.top())
            : QRectF(x - 3, ws.center().y() + barHalf, 6, ws.bottom() - ws.center().y() - barHalf);
        it.text = t.out
            ? tr("Frame server → client: %1 at %2").arg(bytes(t.bytes), clock(t.timeMs))
            : tr("Frame client → server: %1 at %2").arg(bytes(t.bytes), clock(t.timeMs));
        m_items.append(it);
        ++m_ticks;
    }
    for (const ActivitySpan &s : std::as_const(m_activity.spans)) {
        const qint64 end = s.endMs < 0 ? m_nowMs : s.endMs;
        if (end < from || s.startMs > m_nowMs)
            continue;
        Item it;
        const double x1 = xOf(qMax(s.startMs, from));
        // A 5 ms poll would be a hairline: wide enough to show filled or hollow (the
        // tooltip tells the real duration).
        const double minWidth = s.kind == ActivitySpan::Kind::PollRequest
            ? qMax(6.0, fontMetrics().height() * 0.6)
            : 3.0;
        const double x2 = qMax(xOf(qMin(end, m_nowMs)), x1 + minWidth);
        if (s.kind == ActivitySpan::Kind::WebSocket) {
            it.kind = Item::WebSocketBar;
            it.rect = QRectF(x1, ws.center().y() - barHalf, x2 - x1, 2 * barHalf);
            int frames = 0;
            for (const ActivityTick &t : std::as_const(m_activity.ticks))
                frames += t.timeMs >= s.startMs && t.timeMs <= end ? 1 : 0;
            const QString state = s.endMs < 0
                ? tr("open since %1").arg(clock(s.startMs))
                : tr("%1 to %2").arg(clock(s.startMs), clock(s.endMs));
            const QString count = frames == 1 ? tr("1 frame") : tr("%n frames", nullptr, frames);
            it.text = tr("One WebSocket connection, %1: %2, %3 in, %4 out. No request per "
                         "message: the server writes whenever it has something.")
                          .arg(state, count, bytes(s.bytesIn), bytes(s.bytesOut));
            ++m_wsBars;
        } else {
            it.kind = Item::PollBar;
            it.filled = s.messages > 0;
            it.held = s.endMs < 0;
            const double h = poll.height() * 0.6;
            it.rect = QRectF(x1, poll.center().y() - h / 2, x2 - x1, h);
            const QString held = s.endMs < 0 ? tr("still held by the server")
                                             : tr("answered after %1 ms").arg(s.endMs - s.startMs);
            const QString brought = s.messages > 0
                ? (s.messages == 1 ? tr("brought 1 message")
                                   : tr("brought %n messages", nullptr, s.messages))
                : tr("came back empty");
            it.text
                = tr("HTTP poll at %1, %2: %3 request, %4 response (heads included); %5.")
                      .arg(clock(s.startMs), held, bytes(s.bytesIn), bytes(s.bytesOut), brought);
            ++m_pollBars;
            m_emptyPollBars += s.messages > 0 || s.endMs < 0 ? 0 : 1;
        }
        m_items.append(it);
    }
}

QString ConnectionTimeline::toolTipAt(const QPoint &pos) const
{
    // The nearest tick within a few pixels wins over the bar under it.
    const QPointF p(pos);
    for (const Item &it : m_items) {
        if (it.rect.adjusted(-1, -1, 1, 1).contains(p))
            return it.text;
    }
    return {};
}

bool ConnectionTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    if (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)
        layoutItems();
    return QWidget::event(event);
}

void ConnectionTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QRectF ws = rowRect(0);
    const QRectF poll = rowRect(1);
    const QColor text = palette().color(QPalette::WindowText);

    p.setPen(text);
    p.drawText(QRectF(0, ws.top(), labelWidth() - 8, ws.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("WebSocket"));
    p.drawText(QRectF(0, poll.top(), labelWidth() - 8, poll.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("HTTP polls"));
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Base));
    p.drawRect(ws);
    p.drawRect(poll);

    // Time axis under the rows: every 5 s (every second for short spans).
    const qint64 step = m_spanMs > 10'000 ? 5000 : 1000;
    p.setPen(text);
    for (qint64 back = 0; back <= m_spanMs; back += step) {
        const double x = ws.right() - double(back) / double(m_spanMs) * ws.width();
        const QString label = back == 0 ? tr("now") : tr("-%1 s").arg(back / 1000);
        const int w = fm.horizontalAdvance(label);
        const double lx = std::clamp(x - w / 2.0, ws.left(), ws.right() - w);
        p.drawText(QPointF(lx, poll.bottom() + fm.ascent() + 3), label);
        p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
        p.drawLine(QPointF(x, ws.top()), QPointF(x, poll.bottom()));
        p.setPen(text);
    }

    const QColor push = LessonChart::transportColor(Transport::Push);
    const QColor pollColor = LessonChart::transportColor(Transport::Poll);
    p.setClipRect(QRectF(ws.left(), ws.top(), ws.width(), poll.bottom() - ws.top()));
    // Bars, then ticks on top of them.
    for (const Item &it : std::as_const(m_items)) {
        if (it.kind == Item::WebSocketBar) {
            QColor fill = push;
            fill.setAlpha(90);
            p.setPen(QPen(push, 2));
            p.setBrush(fill);
            p.drawRoundedRect(it.rect, 3, 3);
        } else if (it.kind == Item::PollBar) {
            p.setPen(QPen(pollColor, 2, it.held ? Qt::DashLine : Qt::SolidLine));
            p.setBrush(it.filled ? QBrush(pollColor) : QBrush(palette().color(QPalette::Base)));
            p.drawRect(it.rect.adjusted(1, 1, -1, -1));
        }
    }
    for (const Item &it : std::as_const(m_items)) {
        if (it.kind != Item::TickOut && it.kind != Item::TickIn)
            continue;
        p.setPen(QPen(push.darker(130), 2));
        const double x = it.rect.center().x();
        p.drawLine(QPointF(x, it.rect.top()), QPointF(x, it.rect.bottom()));
    }
    p.setClipping(false);

    if (m_items.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        const QString hint = m_hasClient
            ? tr("No connection activity in the last %1 s.").arg(m_spanMs / 1000)
            : tr("Select a client in the clients table to see its connections.");
        p.drawText(QRectF(ws.left(), ws.top(), ws.width(), poll.bottom() - ws.top()),
                   Qt::AlignCenter | Qt::TextWordWrap, hint);
    }
}

} // namespace duplex::server
