// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "qrimage.h"

#include <QPainter>

#include <qrcodegen.hpp>

namespace duplex::server {

QrMatrix QrMatrix::encode(const QString &text)
{
    QrMatrix m;
    try {
        const QByteArray utf8 = text.toUtf8();
        const qrcodegen::QrCode code
            = qrcodegen::QrCode::encodeText(utf8.constData(), qrcodegen::QrCode::Ecc::MEDIUM);
        m.m_size = code.getSize();
        m.m_dark.reserve(m.m_size * m.m_size);
        for (int y = 0; y < m.m_size; ++y) {
            for (int x = 0; x < m.m_size; ++x)
                m.m_dark.append(code.getModule(x, y));
        }
    } catch (const qrcodegen::data_too_long &) {
        return {}; // over ~2300 characters: not a URL anyone would scan
    }
    return m;
}

QImage renderQr(const QrMatrix &qr, int modulePixels, int quietModules)
{
    if (qr.isNull())
        return {};
    const int unit = qMax(1, modulePixels);
    const int quiet = qMax(0, quietModules);
    const int side = (qr.size() + 2 * quiet) * unit;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    // Whole-pixel rectangles with antialiasing off: every pixel is pure black or pure white,
    // which is what a phone camera reads best.
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    for (int y = 0; y < qr.size(); ++y) {
        for (int x = 0; x < qr.size(); ++x) {
            if (qr.isDark(x, y))
                p.fillRect((x + quiet) * unit, (y + quiet) * unit, unit, unit, Qt::black);
        }
    }
    p.end();
    return image;
}

QImage qrImage(const QString &text, int modulePixels)
{
    return renderQr(QrMatrix::encode(text), modulePixels);
}

} // namespace duplex::server
