// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <transportstats.h>

#include <QList>
#include <QRectF>
#include <QWidget>

namespace duplex::server {

/// "What persistent means": one client's recent connections on a time axis. A WebSocket is
/// one long bar with its frames as ticks (server -> client above the middle, client ->
/// server below); polling is a row of short request bars, filled when the response brought
/// messages, hollow when it came back empty. Hovering a bar or tick tells its size. Pure
/// painting: the lesson panel hands it a ClientActivity (ServerHost::activity()).
class ConnectionTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTimeline(QWidget *parent = nullptr);

    /// nowMs: ms since the Unix epoch, the right edge.
    void setActivity(const ClientActivity &activity, qint64 nowMs);
    const ClientActivity &activity() const { return m_activity; }
    void clear();
    /// The time across the width (default 20 s).
    void setSpanMs(qint64 ms);
    qint64 spanMs() const { return m_spanMs; }

    /// What the tooltip at pos says (empty over nothing).
    QString toolTipAt(const QPoint &pos) const;
    /// Visible pieces, as painted last (tests): WebSocket bars, poll bars, ticks.
    int visibleWebSocketBars() const { return m_wsBars; }
    int visiblePollBars() const { return m_pollBars; }
    int visibleEmptyPollBars() const { return m_emptyPollBars; }
    int visibleTicks() const { return m_ticks; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Item {
        enum Kind { WebSocketBar, PollBar, TickOut, TickIn } kind = WebSocketBar;
        QRectF rect;
        bool filled = false; ///< a poll that brought messages
        bool held = false;   ///< a poll the server still holds
        QString text;        ///< its tooltip
    };
    void layoutItems();
    int rowHeight() const;
    int labelWidth() const;
    QRectF rowRect(int row) const;
    double xOf(qint64 t) const;

    ClientActivity m_activity;
    qint64 m_nowMs = 0;
    qint64 m_spanMs = 20'000;
    bool m_hasClient = false;
    QList<Item> m_items; ///< ticks first (they sit on the bars), then bars
    int m_wsBars = 0;
    int m_pollBars = 0;
    int m_emptyPollBars = 0;
    int m_ticks = 0;
};

} // namespace duplex::server
