// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// QR codes as plain images, with no widget in sight: what the join card shows and what a test
// feeds to a decoder. The only file that knows the QR library.

#include <QImage>
#include <QList>
#include <QString>

namespace duplex::server {

/// The light border a scanner needs around a code, in modules (the standard asks for 4).
constexpr int QrQuietZoneModules = 4;

/// A QR code as a square of modules. Null when the text does not fit in any QR code.
class QrMatrix
{
public:
    QrMatrix() = default;
    /// Encodes text (UTF-8, medium error correction: survives a smudge or a glare spot).
    static QrMatrix encode(const QString &text);

    bool isNull() const { return m_size == 0; }
    /// Modules per side, without the quiet zone (21 to 177).
    int size() const { return m_size; }
    bool isDark(int x, int y) const { return m_dark.at(y * m_size + x); }

private:
    int m_size = 0;
    QList<bool> m_dark;
};

/// The code drawn black on white, modulePixels whole pixels per module (at least 1) and the
/// quiet zone around it; no antialiasing, so there is no grey pixel in it. Null for a null
/// matrix.
QImage renderQr(const QrMatrix &qr, int modulePixels, int quietModules = QrQuietZoneModules);

/// encode() then renderQr(): null when the text is too long for a QR code.
QImage qrImage(const QString &text, int modulePixels);

} // namespace duplex::server
