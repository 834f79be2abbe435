// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "handshakeexplainer.h"

#include <websocket.h>

#include <QCoreApplication>
#include <QCryptographicHash>

namespace duplex::server::handshake {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::handshake", text);
}

QByteArray headerValue(const HeaderList &headers, const char *name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void appendHeaders(QString &out, const HeaderList &headers)
{
    // The explanation goes on its own indented line under the header: it stays readable
    // in a narrow pane and on a projector.
    for (const auto &h : headers) {
        out += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second)
            + QLatin1Char('\n');
        const QString why = explain(h.first);
        if (!why.isEmpty())
            out += QStringLiteral("    ↳ ") + why + QLatin1Char('\n');
    }
}

} // namespace

QString explain(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    if (n == "upgrade")
        return tr("asks to switch this HTTP connection to the WebSocket protocol");
    if (n == "connection")
        return tr("says this request is an upgrade, not a normal page request");
    if (n == "sec-websocket-key")
        return tr("a random value from the client; the server must prove it read it");
    if (n == "sec-websocket-accept")
        return tr("the proof: base64(SHA-1(key + RFC 6455 GUID)), worked out below");
    if (n == "sec-websocket-version")
        return tr("the WebSocket protocol version (13 is RFC 6455)");
    if (n == "sec-websocket-protocol")
        return tr("the application protocol spoken inside (Duplex offers duplex.v1)");
    if (n == "origin")
        return tr("the web page that opened the connection (browsers send it)");
    if (n == "host")
        return tr("the server address the client typed");
    if (n == "user-agent")
        return tr("the client program");
    if (n == "sec-websocket-extensions")
        return tr("optional extensions, e.g. compression");
    return {};
}

QString describe(const ClientInfo &c)
{
    const HandshakeInfo &h = c.handshake;
    QString out;
    out += tr("REQUEST (client → server, plain HTTP)") + QLatin1Char('\n');
    out += h.requestLine() + QLatin1Char('\n');
    appendHeaders(out, h.requestHeaders());
    out += QLatin1Char('\n');
    out += tr("RESPONSE (server → client)") + QLatin1Char('\n');
    const QString statusLine = h.responseStatusLine();
    QString status
        = statusLine.isEmpty() ? QStringLiteral("HTTP/1.1 101 Switching Protocols") : statusLine;
    out += status + QLatin1Char('\n') + QStringLiteral("    ↳ ")
        + tr("101: from now on this TCP connection speaks WebSocket, both ways at once")
        + QLatin1Char('\n');
    appendHeaders(out, h.responseHeaders());
    if (h.reconstructed) {
        out += tr("(Rebuilt from what Qt exposes: Qt does not hand over the raw bytes, so "
                  "header order and spelling may differ from the wire.)")
            + QLatin1Char('\n');
    }

    const QByteArray key = headerValue(h.requestHeaders(), "Sec-WebSocket-Key").trimmed();
    out += QLatin1Char('\n');
    out += tr("Sec-WebSocket-Accept, step by step:") + QLatin1Char('\n');
    if (key.isEmpty()) {
        out += tr("  (no Sec-WebSocket-Key in the request)") + QLatin1Char('\n');
        return out;
    }
    const QByteArray joined = key + QByteArray(ws::Guid);
    const QByteArray sha = QCryptographicHash::hash(joined, QCryptographicHash::Sha1);
    const QByteArray accept = sha.toBase64();
    out += tr("  1. the client's key:          %1").arg(QString::fromLatin1(key))
        + QLatin1Char('\n');
    out += tr("  2. append the RFC 6455 GUID:  %1").arg(QString::fromLatin1(joined))
        + QLatin1Char('\n');
    out += tr("  3. SHA-1 of that (20 bytes):  %1").arg(QString::fromLatin1(sha.toHex(' ')))
        + QLatin1Char('\n');
    out += tr("  4. base64 of the 20 bytes:    %1").arg(QString::fromLatin1(accept))
        + QLatin1Char('\n');
    const QByteArray sent = headerValue(h.responseHeaders(), "Sec-WebSocket-Accept").trimmed();
    if (sent.isEmpty())
        out += tr("  The server sends this value as Sec-WebSocket-Accept.") + QLatin1Char('\n');
    else if (sent == accept)
        out += tr("  ✓ matches the Sec-WebSocket-Accept the server sent.") + QLatin1Char('\n');
    else
        out += tr("  ✗ differs from the Sec-WebSocket-Accept sent (%1).")
                   .arg(QString::fromLatin1(sent))
            + QLatin1Char('\n');
    return out;
}

} // namespace duplex::server::handshake
