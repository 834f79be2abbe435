// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "listener.h"

#include "directsocket.h"
#include "peer.h"

#include <protocol.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>
#include <QWebSocketServer>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

namespace duplex::server {

namespace {

/// What a refused or answered request may still send us before we hang up.
constexpr qint64 MaxDrainBytes = 1024 * 1024;
/// How long we wait for that after answering.
constexpr qint64 DrainMs = 2000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool hasToken(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 413: return "Content Too Large";
    case 426: return "Upgrade Required";
    case 431: return "Request Header Fields Too Large";
    default: return "Error";
    }
}

/// A complete JSON error response ({"error", "message"}), `Connection: close`. The message
/// is English whatever the server's language, like the codes: the reader is a program, or
/// a student anywhere.
QByteArray jsonErrorResponse(int status, const char *code, const QString &message,
                             const QByteArray &extraHeaders = {})
{
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("error"), QLatin1String(code)},
                                     {QStringLiteral("message"), message}})
              .toJson(QJsonDocument::Compact);
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
          "Referrer-Policy: no-referrer\r\nConnection: close\r\n"
        + extraHeaders + "\r\n" + body;
    return r;
}

} // namespace

Listener::Listener(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_ws = new QWebSocketServer(m_config.serverName, QWebSocketServer::NonSecureMode, this);
    m_ws->setSupportedSubprotocols({QString::fromLatin1(proto::Subprotocol)});
    m_ws->setMaxPendingConnections(m_config.maxPendingConnections);
    connect(m_ws, &QWebSocketServer::newConnection, this, &Listener::onWebSocket);
    // Our own QTcpServer, so that we reach each accepted socket before Qt does: TCP_NODELAY,
    // a deep listen backlog, the raw request head, and plain HTTP on the same port.
    m_tcp = new DirectTcpServer(this);
    m_tcp->setMaxPendingConnections(m_config.maxPendingConnections);
    m_tcp->setListenBacklogSize(m_config.maxPendingConnections);
    connect(m_tcp, &QTcpServer::newConnection, this, &Listener::onNewConnection);
    m_sweep.setInterval(qBound(20, m_config.handshakeTimeoutMs / 4, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &Listener::sweep);
}

Listener::~Listener()
{
    for (Pending &p : m_pending) {
        if (p.socket && !p.handedOver)
            p.socket->abort();
    }
}

bool Listener::listen(const QHostAddress &address, quint16 port)
{
    m_errorString.clear();
    if (!m_tcp->listen(address, port)) {
        m_errorString = m_tcp->errorString();
        return false;
    }
    m_sweep.start();
    return true;
}

void Listener::close()
{
    m_tcp->close();
}

bool Listener::isListening() const
{
    return m_tcp->isListening();
}

quint16 Listener::port() const
{
    return m_tcp->serverPort();
}

QHostAddress Listener::address() const
{
    return m_tcp->serverAddress();
}

QString Listener::errorString() const
{
    return m_errorString;
}

void Listener::setServerName(const QString &name)
{
    m_config.serverName = name;
    m_ws->setServerName(name);
}

bool Listener::originAllowed(const QByteArray &origin, const QByteArray &host,
                             const QStringList &allowList)
{
    if (origin.isEmpty())
        return true; // desktop clients and scripts send none
    if (!host.isEmpty() && origin.compare("http://" + host, Qt::CaseInsensitive) == 0)
        return true;
    for (const QString &allowed : allowList) {
        if (origin.compare(allowed.toUtf8(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void Listener::onNewConnection()
{
    while (m_tcp->hasPendingConnections()) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        if (!socket)
            break;
        if (m_acceptHook)
            m_acceptHook(socket);
        // Chat frames are small and latency matters more than packet count.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_config.socketSendBufferBytes > 0)
            socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption,
                                    m_config.socketSendBufferBytes);
        const QString key = endpointText(socket->peerAddress(), socket->peerPort());
        Pending &p = m_pending[key];
        p = Pending {};
        p.socket = socket;
        p.deadlineMs = nowMs() + m_config.handshakeTimeoutMs;
        // Peek only: whatever Qt's handshake reader will need stays in the socket.
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket, key] {
            auto it = m_pending.find(key);
            if (it != m_pending.end() && (it->socket == socket || it->socket.isNull()))
                m_pending.erase(it);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void Listener::onReadyRead(QTcpSocket *socket)
{
    const QString key = endpointText(socket->peerAddress(), socket->peerPort());
    auto it = m_pending.find(key);
    if (it == m_pending.end() || it->socket != socket || it->handedOver)
        return;
    Pending &p = *it;
    if (p.draining) {
        p.drained += socket->skip(socket->bytesAvailable());
        if (p.drained > MaxDrainBytes)
            socket->abort();
        return;
    }
    // Only what is there (peek(n) allocates n bytes first): a head is a few hundred bytes.
    const QByteArray bytes = socket->peek(
        qMin(socket->bytesAvailable(), m_config.maxHeadBytes + m_config.maxBodyBytes + 4));
    if (p.head.isEmpty()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        const bool tooLarge
            = end < 0 ? bytes.size() > m_config.maxHeadBytes : end + 4 > m_config.maxHeadBytes;
        if (tooLarge) {
            answer(p, socket,
                   jsonErrorResponse(431, "head_too_large",
                                     QStringLiteral("The request head is over %1 bytes.")
                                         .arg(m_config.maxHeadBytes)),
                   431, bytes.left(bytes.indexOf('\n')).trimmed());
            return;
        }
        if (end < 0)
            return; // wait for the rest
        p.head = bytes.left(end + 4);
    }
    route(p, socket);
}

void Listener::route(Pending &p, QTcpSocket *socket)
{
    QString firstLine;
    const HeaderList headers = splitHttpHead(p.head, &firstLine);
    const QByteArray requestLine = firstLine.toLatin1();
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        answer(p, socket,
               jsonErrorResponse(400, "bad_request", QStringLiteral("Malformed request line.")),
               400, requestLine);
        return;
    }
    const QByteArray host = headerValue(headers, "Host");
    const QByteArray origin = headerValue(headers, "Origin");
    const bool upgrade = parts.at(0) == "GET"
        && headerValue(headers, "Upgrade").compare("websocket", Qt::CaseInsensitive) == 0
        && hasToken(headerValue(headers, "Connection"), "upgrade");
    const QByteArray path = parts.at(1).split('?').constFirst();
    if ((upgrade || path.startsWith("/v1/"))
        && !originAllowed(origin, host, m_config.allowedOrigins)) {
        answer(p, socket,
               jsonErrorResponse(403, "forbidden_origin",
                                 QStringLiteral("Pages from %1 may not connect to this server.")
                                     .arg(QString::fromLatin1(origin))),
               403, requestLine);
        return;
    }
    if (upgrade) {
        p.handedOver = true;
        // Qt reads the head again (it was only peeked) and answers 101 or an error.
        m_ws->handleConnection(socket);
        return;
    }
    bool lengthOk = true;
    const QByteArray lengthText = headerValue(headers, "Content-Length");
    const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&lengthOk);
    if (!lengthOk || length < 0 || !headerValue(headers, "Transfer-Encoding").isEmpty()) {
        answer(p, socket,
               jsonErrorResponse(400, "bad_request",
                                 QStringLiteral("Malformed or unsupported request body.")),
               400, requestLine);
        return;
    }
    if (length > m_config.maxBodyBytes) {
        answer(p, socket,
               jsonErrorResponse(
                   413, "body_too_large",
                   QStringLiteral("The request body is over %1 bytes.").arg(m_config.maxBodyBytes)),
               413, requestLine);
        return;
    }
    if (socket->bytesAvailable() < p.head.size() + length)
        return; // the body is still on its way
    socket->skip(p.head.size());
    HttpRequestInfo request;
    request.method = parts.at(0);
    request.target = parts.at(1);
    request.headers = headers;
    request.body = socket->read(length);
    request.peerAddress = socket->peerAddress();
    request.peerPort = socket->peerPort();
    QByteArray response;
    if (m_http) {
        response = m_http(request);
    } else if (path == "/") {
        response = jsonErrorResponse(
            426, "upgrade_required",
            QStringLiteral(
                "This is a Duplex chat server: connect with a WebSocket client (ws://%1/).")
                .arg(QString::fromLatin1(host)),
            "Upgrade: websocket\r\n");
    } else {
        response = jsonErrorResponse(404, "not_found",
                                     QStringLiteral("There is nothing at this address."));
    }
    const int status = response.mid(9, 3).toInt();
    answer(p, socket, response, status, requestLine);
}

void Listener::answer(Pending &p, QTcpSocket *socket, const QByteArray &response, int status,
                      const QByteArray &requestLine)
{
    p.draining = true;
    p.deadlineMs = nowMs() + DrainMs;
    socket->write(response);
    socket->flush();
#if defined(Q_OS_UNIX)
    // Say we are done, then read and discard what the client is still sending, so that
    // it reads our answer instead of a reset (a close with unread data sends RST).
    if (socket->bytesToWrite() == 0)
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    else
        connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        });
#else
    socket->disconnectFromHost();
#endif
    p.drained += socket->skip(socket->bytesAvailable());
    Q_EMIT httpAnswered(endpointText(socket->peerAddress(), socket->peerPort()), requestLine,
                        status);
}

void Listener::onWebSocket()
{
    while (m_ws->hasPendingConnections()) {
        QWebSocket *socket = m_ws->nextPendingConnection();
        if (!socket)
            break;
        socket->setParent(nullptr);
        const QString key = endpointText(socket->peerAddress(), socket->peerPort());
        HandshakeInfo handshake;
        QTcpSocket *tcp = nullptr;
        if (auto it = m_pending.find(key); it != m_pending.end()) {
            tcp = it->socket;
            handshake.request = it->head;
            if (tcp) {
                QObject::disconnect(tcp, nullptr, this, nullptr);
                // From now on the WebSocket decides when the socket goes.
                QObject::disconnect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
            }
            m_pending.erase(it); // upgraded: the handshake timeout no longer applies
        }
        if (auto *direct = dynamic_cast<DirectTcpSocket *>(tcp))
            handshake.response = direct->takeResponseHead();
        if (handshake.request.isEmpty()) {
            // Not captured (it should be): rebuild what QWebSocket exposes, and say so.
            const QNetworkRequest request = socket->request();
            QByteArray head
                = "GET " + request.url().path(QUrl::FullyEncoded).toLatin1() + " HTTP/1.1\r\n";
            for (const QByteArray &name : request.rawHeaderList())
                head += name + ": " + request.rawHeader(name) + "\r\n";
            handshake.request = head + "\r\n";
            handshake.reconstructed = true;
        }
        Q_EMIT webSocketReady(socket, tcp, handshake);
    }
}

void Listener::sweep()
{
    const qint64 now = nowMs();
    QList<QPointer<QTcpSocket>> late;
    for (const Pending &p : std::as_const(m_pending)) {
        if (now >= p.deadlineMs && p.socket)
            late.append(p.socket);
    }
    // A peer that opened TCP and never completed its request (or its upgrade), or that
    // keeps sending after our answer.
    for (const QPointer<QTcpSocket> &socket : std::as_const(late)) {
        if (socket)
            socket->abort();
    }
}

} // namespace duplex::server
