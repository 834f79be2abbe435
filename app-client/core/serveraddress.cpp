// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "serveraddress.h"

#include <QCoreApplication>
#include <QRegularExpression>

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

ServerAddresses parseServerAddresses(const QString &text)
{
    ServerAddresses out;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        out.problem = parseServerAddress(QString()).problem;
        return out;
    }
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const ServerAddress one = parseServerAddress(parts.at(i));
        if (!one.problem.isEmpty()) {
            out.urls.clear();
            out.problem = parts.size() == 1
                ? one.problem
                : QCoreApplication::translate("ServerAddress", "Address %1 (\u201c%2\u201d): %3")
                      .arg(i + 1)
                      .arg(parts.at(i), one.problem);
            return out;
        }
        if (!out.urls.contains(one.url))
            out.urls.append(one.url);
    }
    return out;
}

QString formatServerAddresses(const QList<QUrl> &urls)
{
    QStringList texts;
    for (const QUrl &url : urls)
        texts.append(url.toString());
    return texts.join(QStringLiteral(", "));
}

QString shortServerName(const QUrl &url)
{
    const int port = url.port(url.scheme() == QLatin1String("wss") ? 443 : 80);
    const QString host = url.host().contains(QLatin1Char(':'))
        ? QLatin1Char('[') + url.host() + QLatin1Char(']')
        : url.host();
    return host + QLatin1Char(':') + QString::number(port);
}

} // namespace duplex::client
