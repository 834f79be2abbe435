// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "httprouter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace duplex::server::http {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::http::Router", text);
}

const QByteArrayList StaticMethods {"GET", "HEAD"};

/// True when the If-None-Match value lists this entity tag (or is "*"). Weak
/// comparison, as RFC 9110 13.1.2 asks for If-None-Match.
bool noneMatch(QByteArrayView ifNoneMatch, QByteArrayView etag)
{
    const auto weakless = [](QByteArrayView tag) {
        tag = tag.trimmed();
        return tag.startsWith("W/") ? tag.sliced(2) : tag;
    };
    qsizetype start = 0;
    while (start <= ifNoneMatch.size()) {
        qsizetype end = ifNoneMatch.indexOf(',', start);
        if (end < 0)
            end = ifNoneMatch.size();
        const QByteArrayView tag = ifNoneMatch.sliced(start, end - start).trimmed();
        if (tag == "*" || weakless(tag) == weakless(etag))
            return true;
        start = end + 1;
    }
    return false;
}

Response methodNotAllowed(const QByteArrayList &methods)
{
    Response r = Response::error(
        405, "method_not_allowed",
        tr("This address answers only %1.").arg(QString::fromLatin1(methods.join(", "))));
    r.headers.append({"Allow", methods.join(", ")});
    return r;
}

} // namespace

QByteArray contentTypeFor(QStringView fileName)
{
    const QString suffix = QFileInfo(fileName.toString()).suffix().toLower();
    if (suffix == u"html")
        return "text/html; charset=utf-8";
    if (suffix == u"js" || suffix == u"mjs")
        return "text/javascript; charset=utf-8";
    if (suffix == u"css")
        return "text/css; charset=utf-8";
    if (suffix == u"svg")
        return "image/svg+xml";
    if (suffix == u"png")
        return "image/png";
    if (suffix == u"ico")
        return "image/x-icon";
    if (suffix == u"json")
        return "application/json";
    if (suffix == u"txt")
        return "text/plain; charset=utf-8";
    if (suffix == u"webmanifest")
        return "application/manifest+json";
    return "application/octet-stream";
}

Router::Router(RouterConfig config)
    : m_config(std::move(config))
{
    loadResources();
}

void Router::loadResources()
{
    // Everything under the root is read once: the page is a few tens of KB, and serving
    // from memory keeps a storm of page loads off the disk and the resource tree.
    const QString root = m_config.resourceRoot;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        StaticFile s;
        s.body = f.readAll();
        s.contentType = contentTypeFor(file);
        s.etag = '"' + QCryptographicHash::hash(s.body, QCryptographicHash::Sha256).toHex().left(20)
            + '"';
        const QString relative = file.mid(root.size()); // "/index.html", "/app/main.js"
        if (relative == u"/index.html") {
            s.page = true;
            m_files.insert("/", s);
        } else if (relative.startsWith(u"/app/")) {
            m_files.insert(relative.toUtf8(), s);
            if (relative == u"/app/icon.svg")
                m_files.insert("/favicon.ico", s);
        }
    }
}

QHash<QByteArray, qsizetype> Router::staticFiles() const
{
    QHash<QByteArray, qsizetype> result;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        result.insert(it.key(), it->body.size());
    return result;
}

void Router::addRoute(QByteArray path, QByteArrayList methods, Handler handler)
{
    m_routes.insert(std::move(path), Route {std::move(methods), std::move(handler)});
}

void Router::addDeferredRoute(QByteArray path, QByteArrayList methods, DeferredHandler handler)
{
    m_deferred.insert(std::move(path), DeferredRoute {std::move(methods), std::move(handler)});
}

void Router::dispatch(const Request &request, QByteArrayView body, const Reply &reply) const
{
    const auto route = m_deferred.constFind(request.path);
    if (route == m_deferred.cend()) {
        reply(handle(request, body));
        return;
    }
    if (request.contentLength > m_config.maxBodyBytes || body.size() > m_config.maxBodyBytes) {
        reply(Response::error(
            413, "too_large",
            tr("The request body is larger than %1 bytes.").arg(m_config.maxBodyBytes)));
        return;
    }
    if (!originAllowed(request, m_config.allowedOrigins, m_config.tls)) {
        reply(Response::error(403, "forbidden_origin",
                              tr("Pages from another site may not use this server.")));
        return;
    }
    if (!route->methods.contains(request.method)) {
        reply(methodNotAllowed(route->methods));
        return;
    }
    route->handler(request, body, reply);
}

Response Router::handle(const Request &request, QByteArrayView body) const
{
    if (request.contentLength > m_config.maxBodyBytes || body.size() > m_config.maxBodyBytes)
        return Response::error(
            413, "too_large",
            tr("The request body is larger than %1 bytes.").arg(m_config.maxBodyBytes));

    // Every /v1/ path, known or not: another site's page learns nothing about the API.
    if (request.path.startsWith("/v1/")
        && !originAllowed(request, m_config.allowedOrigins, m_config.tls))
        return Response::error(403, "forbidden_origin",
                               tr("Pages from another site may not use this server."));
    if (const auto route = m_routes.constFind(request.path); route != m_routes.cend()) {
        if (!route->methods.contains(request.method))
            return methodNotAllowed(route->methods);
        Response r = route->handler(request, body);
        if (request.method == "HEAD")
            r.headOnly = true;
        return r;
    }

    if (const auto file = m_files.constFind(request.path); file != m_files.cend()) {
        if (!StaticMethods.contains(request.method))
            return methodNotAllowed(StaticMethods);
        return serveStatic(request, *file);
    }

    return Response::error(404, "not_found",
                           tr("Nothing here. The chat page is at /, the chat itself is a "
                              "WebSocket on the same address."));
}

QString originOf(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    const QString host = url.host().contains(QLatin1Char(':'))
        ? QLatin1Char('[') + url.host() + QLatin1Char(']')
        : url.host();
    return scheme + QStringLiteral("://") + host + QLatin1Char(':') + QString::number(port);
}

QByteArray pageCsp(const QStringList &connectOrigins)
{
    QByteArray sources = "connect-src 'self'";
    for (const QString &origin : connectOrigins) {
        const QString o = originOf(origin);
        if (o.isEmpty())
            continue;
        const bool secure = o.startsWith(QLatin1String("https:"));
        sources += ' ' + o.toUtf8();
        // Browsers before CSP level 3 do not match ws:// against an http:// source.
        sources += ' ' + (secure ? QByteArray("wss") : QByteArray("ws"))
            + o.mid(o.indexOf(QLatin1Char(':'))).toUtf8();
    }
    QByteArray csp(PageCsp);
    csp.replace("connect-src 'self'", sources);
    return csp;
}

Response Router::serveStatic(const Request &request, const StaticFile &file) const
{
    Response r;
    r.headOnly = request.method == "HEAD";
    if (file.page) {
        // The page itself is small and must never be stale after an upgrade: no-store.
        r.contentType = file.contentType;
        r.body = file.body;
        r.headers.append({QByteArray("Content-Security-Policy"),
                          m_config.connectOrigins.isEmpty() ? QByteArray(PageCsp)
                                                            : pageCsp(m_config.connectOrigins)});
        return r;
    }
    r.headers.append({"ETag", file.etag});
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (!ifNoneMatch.isEmpty() && noneMatch(ifNoneMatch, file.etag)) {
        r.status = 304;
        return r;
    }
    r.contentType = file.contentType;
    r.body = file.body;
    return r;
}

} // namespace duplex::server::http
