// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Plain HTTP on the chat port (shared/design/protocol-v1-http.md), without sockets: the
// request-head parser against good, partial, pipelined and hostile input; the upgrade
// test; the Origin rule with Host; the router's answers, headers, CSP, JSON errors and 304.
#include "httpmessage.h"
#include "httprouter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace duplex::server::http;

Q_DECLARE_METATYPE(duplex::server::http::ParseResult)

namespace {

Request parsed(const QByteArray &bytes)
{
    Request r;
    qsizetype used = 0;
    const ParseResult result = parseHead(bytes, &r, &used);
    if (result != ParseResult::Complete)
        qWarning() << "not complete:" << int(result) << bytes;
    return r;
}

Request get(const QByteArray &path, const HeaderList &extra = {})
{
    QByteArray head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n";
    for (const auto &[k, v] : extra)
        head += k + ": " + v + "\r\n";
    return parsed(head + "\r\n");
}

Request withMethod(const QByteArray &method, const QByteArray &path)
{
    return parsed(method + ' ' + path + " HTTP/1.1\r\nHost: h\r\n\r\n");
}

/// The header lines of a response head, name lower-cased -> value.
QMultiHash<QByteArray, QByteArray> headerLines(const QByteArray &head)
{
    QMultiHash<QByteArray, QByteArray> h;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            h.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    return h;
}

QJsonObject jsonBody(const Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- parser -----------------------------------------------------------------------
    void parsesARequest()
    {
        const QByteArray bytes = "GET /app/main.js?v=2&x HTTP/1.1\r\n"
                                 "Host: 127.0.0.1:8080\r\n"
                                 "User-Agent:  Mozilla/5.0  \r\n"
                                 "accept-encoding: gzip\r\n"
                                 "\r\n";
        Request r;
        qsizetype used = -1;
        QCOMPARE(parseHead(bytes, &r, &used), ParseResult::Complete);
        QCOMPARE(used, bytes.size());
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.target, QByteArray("/app/main.js?v=2&x"));
        QCOMPARE(r.path, QByteArray("/app/main.js"));
        QCOMPARE(r.query, QByteArray("v=2&x"));
        QCOMPARE(r.version, QByteArray("HTTP/1.1"));
        QCOMPARE(r.headers.size(), 3);
        QCOMPARE(r.header("user-agent"), QByteArray("Mozilla/5.0"));
        QCOMPARE(r.header("ACCEPT-ENCODING"), QByteArray("gzip"));
        QCOMPARE(r.header("x-missing"), QByteArray());
        QCOMPARE(r.contentLength, 0);
    }

    void bareLineFeedsAndLeadingBlankLines()
    {
        const QByteArray bytes = "\r\nGET / HTTP/1.1\nHost: a\n\n";
        Request r;
        qsizetype used = 0;
        QCOMPARE(parseHead(bytes, &r, &used), ParseResult::Complete);
        QCOMPARE(used, bytes.size());
        QCOMPARE(r.header("host"), QByteArray("a"));
    }

    void firstHeaderOfANameWins()
    {
        const Request r = parsed("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a: 2\r\n\r\n");
        QCOMPARE(r.header("X-A"), QByteArray("1"));
    }

    void absoluteFormTarget()
    {
        const Request r = parsed("GET http://h:1/app/x.css?q HTTP/1.1\r\nHost: h:1\r\n\r\n");
        QCOMPARE(r.path, QByteArray("/app/x.css"));
        QCOMPARE(r.query, QByteArray("q"));
        QCOMPARE(parsed("GET http://h HTTP/1.1\r\nHost: h\r\n\r\n").path, QByteArray("/"));
    }

    void http10WithoutHostIsFine()
    {
        Request r;
        qsizetype used = 0;
        QCOMPARE(parseHead("GET / HTTP/1.0\r\n\r\n", &r, &used), ParseResult::Complete);
        QCOMPARE(r.version, QByteArray("HTTP/1.0"));
    }

    void oneByteAtATime()
    {
        const QByteArray bytes
            = "POST /v1/poll HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n") + 4;
        for (qsizetype n = 0; n <= bytes.size(); ++n) {
            Request r;
            qsizetype used = -1;
            const ParseResult result = parseHead(QByteArrayView(bytes).first(n), &r, &used);
            if (n < headEnd) {
                QVERIFY2(result == ParseResult::Incomplete, qPrintable(QString::number(n)));
                QCOMPARE(used, -1);
            } else {
                QCOMPARE(result, ParseResult::Complete);
                QCOMPARE(used, headEnd);
                QCOMPARE(r.contentLength, 5);
                QCOMPARE(r.method, QByteArray("POST"));
            }
        }
    }

    void pipelinedRequests()
    {
        const QByteArray one = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray two = "HEAD /b HTTP/1.1\r\nHost: y\r\n\r\n";
        const QByteArray three = "GET /c HTTP/1.1\r\nHo";
        const QByteArray all = one + two + three;
        Request r;
        qsizetype used = 0;
        QCOMPARE(parseHead(all, &r, &used), ParseResult::Complete);
        QCOMPARE(used, one.size());
        QCOMPARE(r.path, QByteArray("/a"));
        QByteArrayView rest = QByteArrayView(all).sliced(used);
        QCOMPARE(parseHead(rest, &r, &used), ParseResult::Complete);
        QCOMPARE(used, two.size());
        QCOMPARE(r.method, QByteArray("HEAD"));
        QCOMPARE(r.header("host"), QByteArray("y"));
        rest = rest.sliced(used);
        QCOMPARE(parseHead(rest, &r, &used), ParseResult::Incomplete);
    }

    void limits()
    {
        // Exactly at the limit: fine; one byte over: 431, complete or not.
        const QByteArray start = "GET / HTTP/1.1\r\nHost: h\r\nX-Pad: ";
        const qsizetype limit = 200;
        const QByteArray exact = start + QByteArray(limit - start.size() - 4, 'a') + "\r\n\r\n";
        QCOMPARE(exact.size(), limit);
        Request r;
        qsizetype used = 0;
        QCOMPARE(parseHead(exact, &r, &used, limit), ParseResult::Complete);
        const QByteArray over = start + QByteArray(limit - start.size() - 3, 'a') + "\r\n\r\n";
        QCOMPARE(parseHead(over, &r, &used, limit), ParseResult::HeadTooLarge);
        // Never-ending: still incomplete at the limit, too large past it.
        const QByteArray endless = start + QByteArray(limit, 'a');
        QCOMPARE(parseHead(QByteArrayView(endless).first(limit), &r, &used, limit),
                 ParseResult::Incomplete);
        QCOMPARE(parseHead(endless, &r, &used, limit), ParseResult::HeadTooLarge);
        // A request line alone over the default 16 KiB.
        const QByteArray longLine = "GET /" + QByteArray(17 * 1024, 'x') + " HTTP/1.1\r\n";
        QCOMPARE(parseHead(longLine, &r, &used), ParseResult::HeadTooLarge);
        QCOMPARE(parseHead(longLine.left(16 * 1024), &r, &used), ParseResult::Incomplete);
        // Endless blank lines count too.
        QCOMPARE(parseHead(QByteArray(20 * 1024, '\n'), &r, &used), ParseResult::HeadTooLarge);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray host = "Host: h\r\n";
        QTest::newRow("no version") << QByteArray("GET /\r\n" + host + "\r\n");
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n" + host + "\r\n");
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n" + host + "\r\n");
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("trailing space") << QByteArray("GET / HTTP/1.1 \r\n" + host + "\r\n");
        QTest::newRow("tab in request line") << QByteArray("GET\t/ HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("method not a token") << QByteArray("G(T / HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("relative target")
            << QByteArray("GET index.html HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("star without OPTIONS") << QByteArray("GET * HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("fragment") << QByteArray("GET /#x HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("non-ASCII target")
            << QByteArray("GET /\xc3\xa4 HTTP/1.1\r\n" + host + "\r\n");
        QTest::newRow("NUL in target") << QByteArray("GET /\0a HTTP/1.1\r\n", 19) + host + "\r\n";
        QTest::newRow("binary garbage")
            << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\n\n", 13);
        QTest::newRow("TLS hello, incomplete") << QByteArray("\x16\x03\x01\x02\x00\x01", 6);
        QTest::newRow("missing Host (1.1)") << QByteArray("GET / HTTP/1.1\r\n\r\n");
        QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        QTest::newRow("obsolete folding")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "X-A: 1\r\n  continued\r\n\r\n");
        QTest::newRow("folding with tab")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "\tx\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n");
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\n" + host + "Nonsense\r\n\r\n");
        QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n" + host + ": x\r\n\r\n");
        QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\n" + host
                                                        + "X: a\x01"
                                                          "b\r\n\r\n");
        QTest::newRow("bare CR in value")
            << QByteArray("GET / HTTP/1.1\r\n" + host + "X: a\rb\r\n\r\n");
        QTest::newRow("Content-Length letters")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 12a\r\n\r\n");
        QTest::newRow("Content-Length negative")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n");
        QTest::newRow("Content-Length plus")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: +5\r\n\r\n");
        QTest::newRow("Content-Length empty")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length:\r\n\r\n");
        QTest::newRow("Content-Length huge") << QByteArray(
            "POST / HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999\r\n\r\n");
        QTest::newRow("Content-Length conflicting") << QByteArray(
            "POST / HTTP/1.1\r\n" + host + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n");
        QTest::newRow("Content-Length conflicting list")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 5, 6\r\n\r\n");
        QTest::newRow("Transfer-Encoding chunked")
            << QByteArray("POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("Transfer-Encoding and Content-Length")
            << QByteArray("POST / HTTP/1.1\r\n" + host
                          + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n");
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        Request r;
        qsizetype used = 0;
        QCOMPARE(parseHead(bytes, &r, &used), ParseResult::Malformed);
    }

    void contentLengthRepeatedEqual()
    {
        Request r = parsed(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 7\r\ncontent-length: 7\r\n\r\n");
        QCOMPARE(r.contentLength, 7);
        r = parsed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4, 4\r\n\r\n");
        QCOMPARE(r.contentLength, 4);
    }

    // --- upgrade detection ------------------------------------------------------------
    void upgrade_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("upgrade");
        const QByteArray start = "GET / HTTP/1.1\r\nHost: h\r\n";
        QTest::newRow("browser") << start + "Connection: Upgrade\r\nUpgrade: websocket\r\n" << true;
        QTest::newRow("any case") << start + "connection: UPGRADE\r\nupgrade: WebSocket\r\n"
                                  << true;
        QTest::newRow("Firefox keep-alive, Upgrade")
            << start + "Connection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
            << true;
        QTest::newRow("no Connection") << start + "Upgrade: websocket\r\n" << false;
        QTest::newRow("Connection keep-alive only")
            << start + "Connection: keep-alive\r\nUpgrade: websocket\r\n"
            << false;
        QTest::newRow("upgrade to h2c") << start + "Connection: Upgrade\r\nUpgrade: h2c\r\n"
                                        << false;
        QTest::newRow("plain page load") << start + "Accept: text/html\r\n" << false;
        QTest::newRow("POST upgrade") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n")
                                      << false;
        QTest::newRow("token, not substring")
            << start + "Connection: Upgraded\r\nUpgrade: websockets\r\n"
            << false;
    }

    void upgrade()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, upgrade);
        QCOMPARE(parsed(head + "\r\n").isWebSocketUpgrade(), upgrade);
    }

    // --- Origin rule --------------------------------------------------------------------
    void origin_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("origin"); // "-" = no Origin header
        QTest::addColumn<QStringList>("allow");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("allowed");
        const QStringList none;
        QTest::newRow("no Origin (desktop client)")
            << QByteArray("h:8080") << QByteArray("-") << none << false << true;
        QTest::newRow("same host and port")
            << QByteArray("192.168.1.23:8080") << QByteArray("http://192.168.1.23:8080") << none
            << false << true;
        QTest::newRow("port mismatch")
            << QByteArray("192.168.1.23:8080") << QByteArray("http://192.168.1.23:8081") << none
            << false << false;
        QTest::newRow("other host")
            << QByteArray("192.168.1.23:8080") << QByteArray("http://evil.example:8080") << none
            << false << false;
        QTest::newRow("host case")
            << QByteArray("Teacher.LAN:8080") << QByteArray("http://teacher.lan:8080") << none
            << false << true;
        QTest::newRow("scheme case")
            << QByteArray("h:8080") << QByteArray("HTTP://h:8080") << none << false << true;
        QTest::newRow("https origin to http server")
            << QByteArray("h:8080") << QByteArray("https://h:8080") << none << false << false;
        QTest::newRow("https over tls")
            << QByteArray("h:8443") << QByteArray("https://h:8443") << none << true << true;
        QTest::newRow("default port left out")
            << QByteArray("h") << QByteArray("http://h:80") << none << false << true;
        QTest::newRow("default port written")
            << QByteArray("h:80") << QByteArray("http://h") << none << false << true;
        QTest::newRow("IPv6") << QByteArray("[::1]:8080") << QByteArray("http://[::1]:8080") << none
                              << false << true;
        QTest::newRow("IPv6 port mismatch")
            << QByteArray("[::1]:8080") << QByteArray("http://[::1]:9090") << none << false
            << false;
        QTest::newRow("IPv6 default port")
            << QByteArray("[fe80::1]") << QByteArray("http://[fe80::1]") << none << false << true;
        QTest::newRow("IPv6 vs IPv4")
            << QByteArray("[::1]:8080") << QByteArray("http://127.0.0.1:8080") << none << false
            << false;
        QTest::newRow("null origin")
            << QByteArray("h:8080") << QByteArray("null") << none << false << false;
        QTest::newRow("empty origin")
            << QByteArray("h:8080") << QByteArray("") << none << false << false;
        QTest::newRow("origin with path")
            << QByteArray("h:8080") << QByteArray("http://h:8080/x") << none << false << false;
        QTest::newRow("origin with userinfo")
            << QByteArray("h:8080") << QByteArray("http://evil@h:8080") << none << false << false;
        QTest::newRow("allow-listed")
            << QByteArray("h:8080") << QByteArray("http://teacher.example:3000")
            << QStringList {QStringLiteral("http://teacher.example:3000")} << false << true;
        QTest::newRow("allow-list case")
            << QByteArray("h:8080") << QByteArray("http://teacher.example:3000")
            << QStringList {QStringLiteral(" HTTP://Teacher.Example:3000/ ")} << false << true;
        QTest::newRow("allow-list other port")
            << QByteArray("h:8080") << QByteArray("http://teacher.example:3001")
            << QStringList {QStringLiteral("http://teacher.example:3000")} << false << false;
        QTest::newRow("no Host, Origin present")
            << QByteArray() << QByteArray("http://h:8080") << none << false << false;
    }

    void origin()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, origin);
        QFETCH(QStringList, allow);
        QFETCH(bool, tls);
        QFETCH(bool, allowed);
        QByteArray head
            = host.isEmpty() ? "GET / HTTP/1.0\r\n" : "GET / HTTP/1.1\r\nHost: " + host + "\r\n";
        if (origin != "-")
            head += "Origin: " + origin + "\r\n";
        const Request r = parsed(head + "\r\n");
        QCOMPARE(originAllowed(r, allow, tls), allowed);
    }

    // --- responses ----------------------------------------------------------------------
    void responseHead()
    {
        Response r;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "hello";
        r.headers.append({QByteArray("X-Extra"), QByteArray("1")});
        const QByteArray bytes = r.toBytes();
        QVERIFY(bytes.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(bytes.endsWith("\r\n\r\nhello"));
        const auto h = headerLines(r.head());
        QCOMPARE(h.value("content-type"), QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(h.value("content-length"), QByteArray("5"));
        QCOMPARE(h.value("cache-control"), QByteArray("no-store"));
        QCOMPARE(h.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(h.value("referrer-policy"), QByteArray("no-referrer"));
        QCOMPARE(h.value("connection"), QByteArray("close"));
        QCOMPARE(h.value("x-extra"), QByteArray("1"));
        r.headOnly = true;
        QCOMPARE(r.toBytes(), r.head());
        QCOMPARE(headerLines(r.head()).value("content-length"), QByteArray("5"));
    }

    void errorResponse()
    {
        const Response r = Response::error(404, "not_found", QStringLiteral("Nothing \"here\"."));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        const QJsonObject o = jsonBody(r);
        QCOMPARE(o.value(QLatin1String("error")).toString(), QStringLiteral("not_found"));
        QCOMPARE(o.value(QLatin1String("message")).toString(), QStringLiteral("Nothing \"here\"."));
        QVERIFY(r.toBytes().startsWith("HTTP/1.1 404 Not Found\r\n"));
        QCOMPARE(reasonPhrase(431), QByteArray("Request Header Fields Too Large"));
        QCOMPARE(reasonPhrase(413), QByteArray("Content Too Large"));
    }

    // --- router -------------------------------------------------------------------------
    void clusterPeersWidenConnectSrcOnly()
    {
        // Issue 17: the page may connect to exactly the cluster's peers, nothing else changes.
        QCOMPARE(originOf(QStringLiteral("http://192.168.1.21:8080/join?x=1")),
                 QStringLiteral("http://192.168.1.21:8080"));
        QCOMPARE(originOf(QStringLiteral("https://chat.example")),
                 QStringLiteral("https://chat.example:443"));
        QCOMPARE(originOf(QStringLiteral("ws://a:1/")), QString());
        QCOMPARE(pageCsp({}), QByteArray(PageCsp));
        RouterConfig config;
        config.connectOrigins
            = {QStringLiteral("http://192.168.1.21:8080"), QStringLiteral("https://chat.example")};
        const Router router(config);
        const QByteArray csp
            = headerLines(router.handle(get("/"), {}).head()).value("content-security-policy");
        QCOMPARE(csp,
                 QByteArray(PageCsp).replace(
                     "connect-src 'self'",
                     "connect-src 'self' http://192.168.1.21:8080 ws://192.168.1.21:8080 "
                     "https://chat.example:443 wss://chat.example:443"));
    }

    void routerServesThePage()
    {
        const Router router;
        const Response r = router.handle(get("/?nick=ada&room=physics"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.body.contains("<html"));
        QVERIFY(!r.body.contains("<script>")); // no inline script under this CSP
        const auto h = headerLines(r.head());
        QCOMPARE(h.value("content-security-policy"), QByteArray(PageCsp));
        QVERIFY(h.value("content-security-policy").contains("connect-src 'self'"));
        QVERIFY(h.value("content-security-policy").contains("script-src 'self'"));
        QVERIFY(!h.value("content-security-policy").contains("unsafe"));
        QCOMPARE(h.value("cache-control"), QByteArray("no-store"));
        QCOMPARE(h.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(h.value("referrer-policy"), QByteArray("no-referrer"));
        QCOMPARE(h.value("content-length"), QByteArray::number(r.body.size()));
    }

    void routerHead()
    {
        const Router router;
        const Response r = router.handle(withMethod("HEAD", "/"), {});
        QCOMPARE(r.status, 200);
        QVERIFY(r.headOnly);
        QVERIFY(!r.body.isEmpty());
        QCOMPARE(r.toBytes(), r.head());
        QCOMPARE(headerLines(r.head()).value("content-length"), QByteArray::number(r.body.size()));
    }

    void routerStaticTypes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("main.js") << QByteArray("/app/main.js")
                                 << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("codec.js") << QByteArray("/app/codec.js")
                                  << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("style.css")
            << QByteArray("/app/style.css") << QByteArray("text/css; charset=utf-8");
        QTest::newRow("icon.svg") << QByteArray("/app/icon.svg") << QByteArray("image/svg+xml");
        QTest::newRow("favicon") << QByteArray("/favicon.ico") << QByteArray("image/svg+xml");
    }

    void routerStaticTypes()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, type);
        const Router router;
        const Response r = router.handle(get(path), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, type);
        QVERIFY(!r.body.isEmpty());
        const auto h = headerLines(r.head());
        QVERIFY(h.value("etag").startsWith('"'));
        QCOMPARE(h.value("cache-control"), QByteArray("no-cache")); // validator instead of no-store
        QCOMPARE(h.value("x-content-type-options"), QByteArray("nosniff"));
    }

    void routerNotModified()
    {
        const Router router;
        const Response first = router.handle(get("/app/main.js"), {});
        const QByteArray etag = first.header("etag");
        QVERIFY(!etag.isEmpty());
        const Response again = router.handle(get("/app/main.js", {{"If-None-Match", etag}}), {});
        QCOMPARE(again.status, 304);
        QVERIFY(again.toBytes().startsWith("HTTP/1.1 304 Not Modified\r\n"));
        QVERIFY(again.toBytes().endsWith("\r\n\r\n")); // no body
        QCOMPARE(again.header("etag"), etag);
        const Response listed
            = router.handle(get("/app/main.js", {{"If-None-Match", "\"x\", W/" + etag}}), {});
        QCOMPARE(listed.status, 304);
        const Response stale
            = router.handle(get("/app/main.js", {{"If-None-Match", "\"old\""}}), {});
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.body, first.body);
    }

    void routerErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/nothing") << 404
                                      << QStringLiteral("not_found") << QByteArray();
        QTest::newRow("unknown app file") << QByteArray("GET") << QByteArray("/app/none.js") << 404
                                          << QStringLiteral("not_found") << QByteArray();
        QTest::newRow("traversal") << QByteArray("GET") << QByteArray("/app/../index.html") << 404
                                   << QStringLiteral("not_found") << QByteArray();
        QTest::newRow("resource path") << QByteArray("GET") << QByteArray("/index.html") << 404
                                       << QStringLiteral("not_found") << QByteArray();
        QTest::newRow("POST page")
            << QByteArray("POST") << QByteArray("/") << 405 << QStringLiteral("method_not_allowed")
            << QByteArray("GET, HEAD");
        QTest::newRow("DELETE script")
            << QByteArray("DELETE") << QByteArray("/app/main.js") << 405
            << QStringLiteral("method_not_allowed") << QByteArray("GET, HEAD");
        QTest::newRow("get lower-case")
            << QByteArray("get") << QByteArray("/") << 405 << QStringLiteral("method_not_allowed")
            << QByteArray("GET, HEAD");
    }

    void routerErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QByteArray, allow);
        const Router router;
        const Response r = router.handle(withMethod(method, path), {});
        QCOMPARE(r.status, status);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QCOMPARE(jsonBody(r).value(QLatin1String("error")).toString(), code);
        QVERIFY(!jsonBody(r).value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(r.header("allow"), allow);
        const auto h = headerLines(r.head());
        QCOMPARE(h.value("cache-control"), QByteArray("no-store"));
        QCOMPARE(h.value("content-type"), QByteArray("application/json"));
    }

    void routerBodyLimit()
    {
        RouterConfig config;
        config.maxBodyBytes = 10;
        const Router router(config);
        const Request r = parsed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n");
        const Response answer = router.handle(r, QByteArray(11, 'x'));
        QCOMPARE(answer.status, 413);
        QCOMPARE(jsonBody(answer).value(QLatin1String("error")).toString(),
                 QStringLiteral("too_large"));
    }

    void routerExtensionPoint()
    {
        Router router;
        int calls = 0;
        router.addRoute("/v1/stats", {"GET", "HEAD"}, [&calls](const Request &, QByteArrayView) {
            ++calls;
            Response r;
            r.contentType = "application/json";
            r.body = R"({"uptimeMs":1})";
            return r;
        });
        router.addRoute("/v1/poll", {"POST"}, [](const Request &, QByteArrayView body) {
            Response r;
            r.contentType = "application/json";
            r.body = body.toByteArray();
            return r;
        });
        QCOMPARE(router.handle(get("/v1/stats"), {}).body, QByteArray(R"({"uptimeMs":1})"));
        QCOMPARE(calls, 1);
        QVERIFY(router.handle(withMethod("HEAD", "/v1/stats"), {}).headOnly);
        const Response wrong = router.handle(get("/v1/poll"), {});
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("allow"), QByteArray("POST"));
        const Request post
            = parsed("POST /v1/poll HTTP/1.1\r\nHost: h:1\r\nContent-Length: 2\r\n\r\n");
        QCOMPARE(router.handle(post, "{}").body, QByteArray("{}"));
        // The Origin rule guards /v1/: same host passes, another site gets 403.
        QCOMPARE(router.handle(get("/v1/stats", {{"Origin", "http://127.0.0.1:8080"}}), {}).status,
                 200);
        const Response foreign
            = router.handle(get("/v1/stats", {{"Origin", "http://evil.example"}}), {});
        QCOMPARE(foreign.status, 403);
        QCOMPARE(jsonBody(foreign).value(QLatin1String("error")).toString(),
                 QStringLiteral("forbidden_origin"));
        QCOMPARE(calls, 3);
    }

    void pageBudget()
    {
        // The issue's budget: page + scripts + styles under 100 KB uncompressed.
        const Router router;
        const auto files = router.staticFiles();
        QVERIFY(files.contains("/"));
        qsizetype total = 0;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (it.key() != "/favicon.ico")
                total += it.value();
        }
        QVERIFY2(total < 100 * 1000, qPrintable(QString::number(total)));
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
