// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "serveraddress.h"

#include <QCoreApplication>

namespace duplex::client {

ServerAddress parseServerAddress(const QString &text)
{
    ServerAddress out;
    QString t = text.trimmed();
    if (t.isEmpty()) {
        out.problem = QCoreApplication::translate(
            "ServerAddress", "Type the server address, e.g. 192.168.1.20:8080");
        return out;
    }
    const qsizetype sep = t.indexOf(QLatin1String("://"));
    bool page = false;
    if (sep < 0) {
        t.prepend(QLatin1String("ws://"));
    } else {
        const QString scheme = t.left(sep).toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
            page = true;
            t = (scheme == QLatin1String("https") ? QLatin1String("wss") : QLatin1String("ws"))
                + t.mid(sep);
        } else if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
            out.problem = QCoreApplication::translate(
                "ServerAddress",
                "The address starts with ws:// (or is just host:port), e.g. "
                "192.168.1.20:8080");
            return out;
        }
    }
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        out.problem = QCoreApplication::translate(
            "ServerAddress", "The address needs a host, e.g. 192.168.1.20:8080");
        return out;
    }
    if (page) {
        // The browser page's address: the WebSocket is on the same host and port.
        url.setPath(QStringLiteral("/"));
        url.setQuery(QString());
        url.setFragment(QString());
    }
    url.setUserInfo(QString());
    out.url = url;
    return out;
}

} // namespace duplex::client
