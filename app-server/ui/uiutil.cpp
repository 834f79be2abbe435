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

QString closeCodeMeaning(int code)
{
    auto tr = [](const char *s) { return QCoreApplication::translate("duplex::server", s); };
    switch (code) {
    case 1000: return tr("normal closure: the client said goodbye");
    case 1001: return tr("going away: the page or program closed, or the server is shutting down");
    case 1002: return tr("protocol error: a frame broke the WebSocket rules");
    case 1003: return tr("unsupported data");
    case 1005: return tr("no status code was given");
    case 1006: return tr("abnormal closure: the connection dropped without a close frame");
    case 1007: return tr("invalid data: the text was not valid UTF-8");
    case 1008: return tr("policy violation: flooding, or reading too slowly");
    case 1009: return tr("message too big: over the size limit");
    case 1011: return tr("internal server error");
    case 1013: return tr("try again later: the server is full");
    case 4000: return tr("taken over: the same session resumed on a new connection");
    case 4001: return tr("kicked by the operator");
    default: break;
    }
    if (code >= 4000 && code <= 4999)
        return tr("application-defined code");
    return tr("unknown code");
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
