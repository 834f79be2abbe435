// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Plain HTTP/1.1 on the chat port (shared/design/protocol-v1-http.md): a pure request-head
// parser and a response writer. No sockets here: the listener peeks bytes, calls
// parseHead() and writes Response::toBytes(); the unit tests feed it garbage.

#include "clientinfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace duplex::server::http {

using HeaderList = duplex::server::HeaderList;

/// One parsed request head. Header names and values are kept as received (values trimmed).
struct Request {
    QByteArray method;  ///< "GET", "HEAD", "POST", ... (case-sensitive, as RFC 9110 says)
    QByteArray target;  ///< the request target as sent, e.g. "/app/main.js?x=1"
    QByteArray path;    ///< the target up to '?', always starting with '/' (or "*")
    QByteArray query;   ///< after '?', without it; empty when absent
    QByteArray version; ///< "HTTP/1.1" or "HTTP/1.0"
    HeaderList headers;
    qint64 contentLength = 0; ///< 0 when absent
    qsizetype headBytes = 0;  ///< the head's length on the wire, blank line included
    QHostAddress peerAddress; ///< who sent it (set by the listener)
    quint16 peerPort = 0;

    /// The first header of that name (ASCII case-insensitive), trimmed; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// GET with `Upgrade: websocket` (any case) and a `Connection` token "upgrade".
    bool isWebSocketUpgrade() const;
};

enum class ParseResult {
    Incomplete,   ///< no blank line yet, and still within the limit: read more
    Complete,     ///< *out and *headBytes are set
    Malformed,    ///< answer 400
    HeadTooLarge, ///< answer 431
};

/// Parses the request head at the start of bytes (which may hold more: a body or a
/// pipelined request). On Complete, *headBytes is the head's length including its blank
/// line. Accepts CRLF and bare LF line ends; rejects obsolete line folding, control
/// characters, a missing Host on HTTP/1.1, several Hosts, a bad or conflicting
/// Content-Length and any Transfer-Encoding (no chunked request bodies here).
ParseResult parseHead(QByteArrayView bytes, Request *out, qsizetype *headBytes,
                      qsizetype maxHeadBytes = 16 * 1024);

/// One response. head() writes the status line and the headers every answer carries.
struct Response {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HeaderList headers; ///< extra headers (ETag, Allow, Content-Security-Policy, ...)
    /// An answer to HEAD: Content-Length tells the body's length, the body is not sent.
    bool headOnly = false;
    /// The connection stays open for the next request (HTTP/1.1 keep-alive, the listener
    /// decides): no `Connection: close` line, persistence is HTTP/1.1's default.
    bool keepAlive = false;

    /// Status line, Content-Type, Content-Length, Cache-Control: no-store (no-cache when
    /// an ETag or Last-Modified validator is set), X-Content-Type-Options: nosniff,
    /// Referrer-Policy: no-referrer, Connection: close (unless keepAlive), the extra
    /// headers, a blank line.
    /// 304 carries neither Content-Type nor Content-Length (RFC 9110 8.6).
    QByteArray head() const;
    /// head() + body (head() alone for headOnly).
    QByteArray toBytes() const;
    /// The extra header of that name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;

    /// A JSON error: {"error": code, "message": message}, application/json.
    static Response error(int status, QByteArrayView code, const QString &message);
};

/// The reason phrase for a status ("Not Found"); "Unknown" for codes not used here.
QByteArray reasonPhrase(int status);

/// The Origin rule: no Origin header -> allowed; Origin equal to "http://" + Host
/// ("https://" when tls) -> allowed; an Origin in allowList -> allowed; anything else
/// (including "null") -> refused. Scheme and host compare case-insensitively and a
/// default port (80/443) may be written or left out.
bool originAllowed(const Request &request, const QStringList &allowList, bool tls = false);

} // namespace duplex::server::http
