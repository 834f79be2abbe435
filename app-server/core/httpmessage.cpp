// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "httpmessage.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace duplex::server::http {

namespace {

bool isTchar(char c)
{
    // RFC 9110 5.6.2 token characters.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

/// Field values: visible characters, SP, HT and obs-text; no other control characters.
bool isFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const auto u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

/// Request targets: visible ASCII only (no spaces, no controls, no raw non-ASCII).
bool isTargetText(QByteArrayView s)
{
    for (char c : s) {
        const auto u = uchar(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

/// True when the comma-separated list value holds the token (case-insensitive).
bool hasToken(QByteArrayView listValue, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= listValue.size()) {
        qsizetype end = listValue.indexOf(',', start);
        if (end < 0)
            end = listValue.size();
        if (equalsIgnoreCase(listValue.sliced(start, end - start).trimmed(), token))
            return true;
        start = end + 1;
    }
    return false;
}

/// Parses a Content-Length value: digits only (a list of equal values is tolerated, as
/// RFC 9110 8.6 allows). -1 when invalid.
qint64 parseContentLength(QByteArrayView value)
{
    qint64 result = -1;
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        const QByteArrayView part = value.sliced(start, end - start).trimmed();
        if (part.isEmpty() || part.size() > 15)
            return -1;
        qint64 n = 0;
        for (char c : part) {
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        if (result >= 0 && n != result)
            return -1;
        result = n;
        start = end + 1;
    }
    return result;
}

/// Splits "scheme://host[:port]" (an Origin) into lower-case scheme, host and port;
/// false when it is not of that form. An absent port becomes the scheme's default.
bool splitOrigin(QByteArrayView origin, QByteArray *scheme, QByteArray *hostPort)
{
    const qsizetype sep = origin.indexOf("://");
    if (sep <= 0)
        return false;
    *scheme = origin.first(sep).toByteArray().toLower();
    QByteArrayView rest = origin.sliced(sep + 3);
    if (rest.endsWith('/'))
        rest.chop(1);
    if (rest.isEmpty() || rest.contains('/') || rest.contains('@'))
        return false;
    *hostPort = rest.toByteArray().toLower();
    return true;
}

/// "host[:port]" lower-cased with the scheme's default port spelled out, so that
/// "example" and "example:80" compare equal.
QByteArray normalHostPort(QByteArray hostPort, QByteArrayView scheme)
{
    hostPort = hostPort.trimmed().toLower();
    const qsizetype bracket = hostPort.lastIndexOf(']');
    const qsizetype colon = hostPort.lastIndexOf(':');
    const bool hasPort = colon > bracket && (bracket >= 0 || hostPort.count(':') == 1);
    if (!hasPort)
        hostPort += scheme == "https" ? ":443" : ":80";
    return hostPort;
}

} // namespace

// ---------------------------------------------------------------------------------------

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsIgnoreCase(key, name))
            return value;
    }
    return {};
}

bool Request::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (equalsIgnoreCase(header.first, name))
            return true;
    }
    return false;
}

bool Request::isWebSocketUpgrade() const
{
    if (method != "GET")
        return false;
    bool upgrade = false;
    bool connection = false;
    for (const auto &[key, value] : headers) {
        if (equalsIgnoreCase(key, "upgrade") && hasToken(value, "websocket"))
            upgrade = true;
        else if (equalsIgnoreCase(key, "connection") && hasToken(value, "upgrade"))
            connection = true;
    }
    return upgrade && connection;
}

ParseResult parseHead(QByteArrayView bytes, Request *out, qsizetype *headBytes,
                      qsizetype maxHeadBytes)
{
    // Find the end of the head first: lines end with LF (CR before it optional); the head
    // ends at the first empty line. Empty lines before the request line are skipped
    // (RFC 9112 2.2), and count towards the limit.
    qsizetype pos = 0;
    QList<QByteArrayView> lines;
    bool complete = false;
    while (pos < bytes.size()) {
        const qsizetype lf = bytes.indexOf('\n', pos);
        if (lf < 0)
            break;
        if (lf + 1 > maxHeadBytes)
            return ParseResult::HeadTooLarge;
        QByteArrayView line = bytes.sliced(pos, lf - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = lf + 1;
        if (line.isEmpty()) {
            if (lines.isEmpty())
                continue; // leading blank line
            complete = true;
            break;
        }
        lines.append(line);
    }
    if (!complete) {
        if (bytes.size() > maxHeadBytes)
            return ParseResult::HeadTooLarge;
        // Fail fast on what can never become a request line (a TLS hello, binary noise)
        // instead of waiting for the limit or the handshake timer.
        if (lines.isEmpty()) {
            for (char c : bytes.sliced(pos)) {
                const auto u = uchar(c);
                if ((u < 0x20 && u != '\r') || u >= 0x7f)
                    return ParseResult::Malformed;
            }
        }
        return ParseResult::Incomplete;
    }

    Request r;
    // Request line: METHOD SP TARGET SP VERSION, single spaces.
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return ParseResult::Malformed;
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method) || !isTargetText(target))
        return ParseResult::Malformed;
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return ParseResult::Malformed;
    r.method = method.toByteArray();
    r.target = target.toByteArray();
    r.version = version.toByteArray();

    QByteArrayView pathAndQuery = target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form (proxies): keep the path part.
        const qsizetype authority = target.indexOf("://") + 3;
        const qsizetype slash = target.indexOf('/', authority);
        const qsizetype question = target.indexOf('?', authority);
        if (slash < 0 && question < 0)
            pathAndQuery = "/";
        else if (slash < 0 || (question >= 0 && question < slash))
            pathAndQuery = QByteArrayView("/"); // "http://host?x": path "/" (query dropped)
        else
            pathAndQuery = target.sliced(slash);
    } else if (target == "*") {
        if (method != "OPTIONS")
            return ParseResult::Malformed;
    } else if (!target.startsWith('/')) {
        return ParseResult::Malformed;
    }
    if (pathAndQuery.contains('#'))
        return ParseResult::Malformed;
    const qsizetype question = pathAndQuery.indexOf('?');
    r.path = (question < 0 ? pathAndQuery : pathAndQuery.first(question)).toByteArray();
    r.query = question < 0 ? QByteArray() : pathAndQuery.sliced(question + 1).toByteArray();

    // Header fields.
    int hosts = 0;
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return ParseResult::Malformed; // obsolete line folding (RFC 9112 5.2)
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return ParseResult::Malformed;
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!isToken(name) || !isFieldValue(value)) // also: no space before the colon
            return ParseResult::Malformed;
        if (equalsIgnoreCase(name, "host")) {
            ++hosts;
        } else if (equalsIgnoreCase(name, "content-length")) {
            const qint64 n = parseContentLength(value);
            if (n < 0 || (haveLength && n != r.contentLength))
                return ParseResult::Malformed;
            r.contentLength = n;
            haveLength = true;
        } else if (equalsIgnoreCase(name, "transfer-encoding")) {
            return ParseResult::Malformed; // no chunked request bodies on this port
        }
        r.headers.append({name.toByteArray(), value.toByteArray()});
    }
    if (hosts > 1 || (hosts == 0 && r.version == "HTTP/1.1"))
        return ParseResult::Malformed;

    if (out)
        *out = std::move(r);
    if (headBytes)
        *headBytes = pos;
    return ParseResult::Complete;
}

// ---------------------------------------------------------------------------------------

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

QByteArray Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsIgnoreCase(key, name))
            return value;
    }
    return {};
}

QByteArray Response::head() const
{
    QByteArray h;
    h.reserve(256 + 64 * headers.size());
    h += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    const bool noBody = status == 304 || status == 204 || (status >= 100 && status < 200);
    if (!noBody) {
        if (!contentType.isEmpty())
            h += "Content-Type: " + contentType + "\r\n";
        h += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    const bool validator = !header("etag").isEmpty() || !header("last-modified").isEmpty();
    if (header("cache-control").isEmpty())
        h += validator ? "Cache-Control: no-cache\r\n" : "Cache-Control: no-store\r\n";
    h += "X-Content-Type-Options: nosniff\r\n"
         "Referrer-Policy: no-referrer\r\n";
    if (!keepAlive)
        h += "Connection: close\r\n";
    for (const auto &[key, value] : headers)
        h += key + ": " + value + "\r\n";
    h += "\r\n";
    return h;
}

QByteArray Response::toBytes() const
{
    const bool noBody = headOnly || status == 304 || status == 204;
    return noBody ? head() : head() + body;
}

Response Response::error(int status, QByteArrayView code, const QString &message)
{
    Response r;
    r.status = status;
    r.contentType = "application/json";
    r.body = QJsonDocument(QJsonObject {{QStringLiteral("error"), QString::fromLatin1(code)},
                                        {QStringLiteral("message"), message}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

// ---------------------------------------------------------------------------------------

bool originAllowed(const Request &request, const QStringList &allowList, bool tls)
{
    if (!request.hasHeader("origin"))
        return true;
    const QByteArray origin = request.header("origin");
    QByteArray scheme;
    QByteArray hostPort;
    if (!splitOrigin(origin, &scheme, &hostPort))
        return false; // "null", garbage
    const QByteArray own = tls ? "https" : "http";
    const QByteArray host = request.header("host");
    if (scheme == own && !host.isEmpty()
        && normalHostPort(hostPort, scheme) == normalHostPort(host, own))
        return true;
    for (const QString &allowed : allowList) {
        QByteArray aScheme;
        QByteArray aHostPort;
        if (!splitOrigin(allowed.trimmed().toUtf8(), &aScheme, &aHostPort))
            continue;
        if (aScheme == scheme
            && normalHostPort(aHostPort, aScheme) == normalHostPort(hostPort, scheme))
            return true;
    }
    return false;
}

} // namespace duplex::server::http
