// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "qrimage.h"

#include <QImage>
#include <QString>
#include <QWidget>

namespace duplex::server {

/// Shows a QR code as large as the widget allows, always a whole number of device pixels per
/// module (a fractional scale would blur the module edges into grey), centred, quiet zone
/// included, black on white whatever the theme.
class QrCodeView final : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeView(QWidget *parent = nullptr);

    /// The text to encode; empty shows nothing (the view keeps its size).
    void setText(const QString &text);
    QString text() const { return m_text; }
    /// Modules per side without the quiet zone; 0 when there is no code.
    int modules() const { return m_matrix.size(); }

    /// Pixels per module the size hint asks for (the header's view; a full-screen one grows).
    void setPreferredModulePixels(int pixels);
    /// Device pixels per module at the current size; 0 when there is no code.
    int modulePixels() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int sideModules() const;

    QString m_text;
    QrMatrix m_matrix;
    int m_preferredPixels = 4;
    QImage m_image; ///< the last rendering, reused while the module size stays the same
};

} // namespace duplex::server
