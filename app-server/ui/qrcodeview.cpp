// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "qrcodeview.h"

#include <QPainter>

#include <cmath>

namespace duplex::server {

namespace {
constexpr int EmptyModules = 25 + 2 * QrQuietZoneModules; // a typical URL's size
} // namespace

QrCodeView::QrCodeView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("QR code"));
}

void QrCodeView::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_matrix = text.isEmpty() ? QrMatrix() : QrMatrix::encode(text);
    m_image = QImage();
    setAccessibleDescription(
        text.isEmpty() ? QString() : tr("A phone camera that scans it opens %1").arg(text));
    setToolTip(text.isEmpty()
                   ? QString()
                   : tr("Students point a phone camera at this code to open %1").arg(text));
    updateGeometry();
    update();
}

void QrCodeView::setPreferredModulePixels(int pixels)
{
    pixels = qMax(1, pixels);
    if (pixels == m_preferredPixels)
        return;
    m_preferredPixels = pixels;
    updateGeometry();
}

int QrCodeView::sideModules() const
{
    return m_matrix.isNull() ? EmptyModules : m_matrix.size() + 2 * QrQuietZoneModules;
}

int QrCodeView::modulePixels() const
{
    if (m_matrix.isNull())
        return 0;
    const int available = int(std::floor(qMin(width(), height()) * devicePixelRatioF()));
    return qMax(1, available / sideModules());
}

QSize QrCodeView::sizeHint() const
{
    const int side = sideModules() * m_preferredPixels;
    return {side, side};
}

QSize QrCodeView::minimumSizeHint() const
{
    const int side = sideModules() * 2;
    return {side, side};
}

void QrCodeView::paintEvent(QPaintEvent *)
{
    if (m_matrix.isNull())
        return;
    const int unit = modulePixels();
    if (m_image.isNull() || m_image.width() != sideModules() * unit)
        m_image = renderQr(m_matrix, unit);
    // Place it on whole device pixels too, and draw it 1:1 (the image's ratio is the
    // screen's): no scaling, so no interpolation.
    const qreal dpr = devicePixelRatioF();
    m_image.setDevicePixelRatio(dpr);
    const int side = m_image.width();
    const int x = int(std::floor((width() * dpr - side) / 2));
    const int y = int(std::floor((height() * dpr - side) / 2));
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(QPointF(x / dpr, y / dpr), m_image);
}

} // namespace duplex::server
