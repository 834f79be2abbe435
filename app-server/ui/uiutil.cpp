// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "uiutil.h"

#include <QCoreApplication>
#include <QFile>

namespace duplex::server {

QIcon uiIcon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

} // namespace duplex::server

#include <QFontDatabase>
namespace duplex::server {
QFont monospaceFont()
{
    QFont f;
    f.setFamilies({QFontDatabase::systemFont(QFontDatabase::FixedFont).family()});
    f.setStyleHint(QFont::Monospace);
    return f;
}
} // namespace duplex::server
