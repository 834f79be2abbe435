// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "clientinfo.h"

namespace duplex::server {

HeaderList splitHttpHead(QByteArrayView head, QString *firstLine)
{
    HeaderList headers;
    bool first = true;
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype end = head.indexOf('\n', pos);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            if (firstLine)
                *firstLine = QString::fromLatin1(line);
            first = false;
            continue;
        }
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        headers.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
    return headers;
}

QString HandshakeInfo::requestLine() const
{
    QString line;
    splitHttpHead(request, &line);
    return line;
}

HeaderList HandshakeInfo::requestHeaders() const
{
    return splitHttpHead(request, nullptr);
}

QString HandshakeInfo::responseStatusLine() const
{
    QString line;
    splitHttpHead(response, &line);
    return line;
}

HeaderList HandshakeInfo::responseHeaders() const
{
    return splitHttpHead(response, nullptr);
}

} // namespace duplex::server
