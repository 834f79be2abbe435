// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The plain-HTTP side of the one port: the browser client compiled in as Qt resources
// (":/web/..."), JSON errors, and a registration point for the /v1/ API
// (shared/design/protocol-v1-http.md). Pure: a Request in, a Response out, no sockets.

#include "httpmessage.h"

#include <QByteArrayList>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace duplex::server::http {

struct RouterConfig {
    /// Where the page lives in the resources: ROOT/index.html, ROOT/app/...
    QString resourceRoot = QStringLiteral(":/web");
    /// Extra origins (e.g. "http://teacher.example:8080") allowed besides http://HOST.
    QStringList allowedOrigins;
    /// Request bodies over this get 413 (the WebSocket message limit by default).
    qint64 maxBodyBytes = 64 * 1024;
    bool tls = false;
    /// Origins ("http://host:port") of cluster peers the page may connect to besides its
    /// own (ServerConfig::peerUrls): added to the CSP's connect-src, http and ws alike.
    QStringList connectOrigins;
};

/// The Content-Security-Policy of the page: only the server's own scripts, styles and
/// connections (the WebSocket back to the same host and port); no inline script, no eval.
inline constexpr char PageCsp[]
    = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
      "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// PageCsp with connect-src widened to these origins (each as http(s):// and ws(s)://);
/// exactly PageCsp when there are none.
QByteArray pageCsp(const QStringList &connectOrigins);
/// "http://host:port" of an http(s):// URL (the default port spelled out); empty when the
/// URL is not an absolute http(s) URL with a host.
QString originOf(const QString &url);

class Router
{
public:
    using Handler = std::function<Response(const Request &request, QByteArrayView body)>;
    /// Sends the answer to one request, now or later (a held poll), once. Returns the bytes
    /// written (head and body as they went out: the listener decides on `Connection:
    /// close`); 0 when the client is gone (nothing was written).
    using Reply = std::function<qint64(const Response &response)>;
    /// A route that answers when it is ready: it keeps `reply` and calls it once.
    using DeferredHandler
        = std::function<void(const Request &request, QByteArrayView body, Reply reply)>;

    explicit Router(RouterConfig config = {});

    /// Answers one complete request (head + body). Never throws; unknown paths 404, wrong
    /// methods 405 + Allow, a refused Origin on /v1/ 403, bodies over the limit 413. An
    /// answer to HEAD has headOnly set.
    Response handle(const Request &request, QByteArrayView body) const;

    /// Registers an exact path (e.g. "/v1/stats") for these methods. A path registered
    /// twice keeps the last handler. /v1/ paths get the Origin rule before the handler.
    void addRoute(QByteArray path, QByteArrayList methods, Handler handler);

    /// Registers a route that may answer later (long polls). The same checks as addRoute()
    /// run first; when one refuses, reply is called at once with the refusal.
    void addDeferredRoute(QByteArray path, QByteArrayList methods, DeferredHandler handler);
    /// Answers one request through reply: a deferred route's handler, or handle().
    void dispatch(const Request &request, QByteArrayView body, const Reply &reply) const;

    const RouterConfig &config() const { return m_config; }
    /// The static files served (URL path -> size), for tests and the size budget.
    QHash<QByteArray, qsizetype> staticFiles() const;

private:
    struct StaticFile {
        QByteArray contentType;
        QByteArray body;
        QByteArray etag;
        bool page = false; ///< gets the page CSP
    };
    struct Route {
        QByteArrayList methods;
        Handler handler;
    };

    Response serveStatic(const Request &request, const StaticFile &file) const;
    void loadResources();

    RouterConfig m_config;
    QHash<QByteArray, StaticFile> m_files; ///< URL path -> file
    QHash<QByteArray, Route> m_routes;
    struct DeferredRoute {
        QByteArrayList methods;
        DeferredHandler handler;
    };
    QHash<QByteArray, DeferredRoute> m_deferred;
};

/// The MIME type for a file name by its extension (text types with charset=utf-8).
QByteArray contentTypeFor(QStringView fileName);

} // namespace duplex::server::http
