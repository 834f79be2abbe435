// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

#include <functional>

namespace duplex::server {

/// A small live chart: a title, the current value, and a line over the last N samples
/// (five minutes at one a second). Plain QPainter; cheap to repaint once a second.
class Sparkline final : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(const QString &title, QColor color, QWidget *parent = nullptr);

    void setValues(const QList<double> &values);
    QList<double> values() const { return m_values; }
    /// How values are printed ("12.3 msg/s"); default: a plain number.
    void setFormatter(std::function<QString(double)> format);
    /// Points across the width (default 300: five minutes).
    void setCapacity(int points);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QColor m_color;
    QList<double> m_values;
    std::function<QString(double)> m_format;
    int m_capacity = 300;
};

} // namespace duplex::server
