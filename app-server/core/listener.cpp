// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "listener.h"

#include "directsocket.h"
#include "peer.h"

#include <protocol.h>

#include <websocket.h>

#include <QDateTime>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

namespace duplex::server {

namespace {

/// What a refused or answered request may still send us before we hang up.
constexpr qint64 MaxDrainBytes = 1024 * 1024;
/// How long we wait for that after answering.
constexpr qint64 DrainMs = 2000;
/// The longest a request may wait for its answer (a long poll: 30 s, and a margin).
constexpr qint64 HeldRequestMs = 40000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// The wire tap's hand-off (the X-ray): a request head as the Listener took it (or refused
/// it), and how many body bytes it read after it. Every request on a kept-alive connection.
void handToTap(QTcpSocket *socket, QByteArrayView head, qint64 bodyBytes = 0)
{
    if (WireObserver *tap = DirectTcpSocket::observerOf(socket))
        tap->httpRead(head, bodyBytes);
}

/// A refused head as far as it came (up to its blank line, if it has one).
QByteArrayView refusedHead(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    return end < 0 ? QByteArrayView(bytes) : QByteArrayView(bytes).first(end + 4);
}

} // namespace

Listener::Listener(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_router(http::RouterConfig {QStringLiteral(":/web"), m_config.allowedOrigins,
                                   m_config.maxBodyBytes, false, m_config.connectOrigins})
{
    // Our own QTcpServer: TCP_NODELAY, a deep listen backlog, the raw request head, and
    // plain HTTP on the same port.
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
        // Peek only until the head is complete: nothing is consumed before we route it.
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket, key] {
            auto it = m_pending.find(key);
            if (it != m_pending.end() && (it->socket == socket || it->socket.isNull())) {
                forget(*it);
                m_pending.erase(it);
            }
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
    if (p.held && keepAliveAllowed(p, socket)) {
        // A pipelined request: it waits in the socket until this one is answered (one at a
        // time, in order), within the size of one request.
        if (socket->bytesAvailable() > m_config.maxHeadBytes + m_config.maxBodyBytes + 4)
            socket->abort();
        return;
    }
    if (p.draining || p.held) {
        // Answered for the last time, or waiting for an answer that closes: the rest is
        // read and discarded.
        p.drained += socket->skip(socket->bytesAvailable());
        if (p.drained > MaxDrainBytes)
            socket->abort();
        return;
    }
    if (p.idle) {
        // The next request on a kept-alive connection: it has the handshake timeout to
        // complete its head, like a new connection.
        p.idle = false;
        p.deadlineMs = nowMs() + m_config.handshakeTimeoutMs;
    }
    // Only what is there (peek(n) allocates n bytes first): a head is a few hundred bytes.
    const QByteArray bytes = socket->peek(
        qMin(socket->bytesAvailable(), m_config.maxHeadBytes + m_config.maxBodyBytes + 4));
    if (p.head.isEmpty()) {
        qsizetype headBytes = 0;
        const QByteArray firstLine = bytes.left(bytes.indexOf('\n')).trimmed().left(200);
        switch (http::parseHead(bytes, &p.request, &headBytes, m_config.maxHeadBytes)) {
        case http::ParseResult::Incomplete: return; // the deadline runs
        case http::ParseResult::Malformed:
            handToTap(socket, refusedHead(bytes));
            answer(p, socket,
                   http::Response::error(400, "bad_request",
                                         QStringLiteral("The request is malformed.")),
                   firstLine);
            return;
        case http::ParseResult::HeadTooLarge:
            handToTap(socket, refusedHead(bytes));
            answer(p, socket,
                   http::Response::error(431, "head_too_large",
                                         QStringLiteral("The request head is over %1 bytes.")
                                             .arg(m_config.maxHeadBytes)),
                   firstLine);
            return;
        case http::ParseResult::Complete: break;
        }
        p.head = bytes.left(headBytes);
        p.request.headBytes = headBytes;
        p.request.peerAddress = socket->peerAddress();
        p.request.peerPort = socket->peerPort();
    }
    route(p, socket);
}

void Listener::route(Pending &p, QTcpSocket *socket)
{
    const http::Request &request = p.request;
    const QByteArray requestLine = request.method + ' ' + request.target + ' ' + request.version;
    if (request.isWebSocketUpgrade()) {
        if (!http::originAllowed(request, m_config.allowedOrigins)) {
            handToTap(socket, p.head);
            answer(p, socket,
                   http::Response::error(403, "forbidden_origin",
                                         QStringLiteral("Pages from %1 may not connect to this "
                                                        "server.")
                                             .arg(QString::fromLatin1(request.header("Origin")))),
                   requestLine);
            return;
        }
        upgrade(p, socket, requestLine);
        return;
    }
    if (request.contentLength > m_config.maxBodyBytes) {
        handToTap(socket, p.head);
        answer(p, socket,
               http::Response::error(
                   413, "too_large",
                   QStringLiteral("The request body is over %1 bytes.").arg(m_config.maxBodyBytes)),
               requestLine);
        return;
    }
    if (socket->bytesAvailable() < p.head.size() + request.contentLength)
        return; // the body is still on its way
    socket->skip(p.head.size());
    const QByteArray body = socket->read(request.contentLength);
    handToTap(socket, p.head, body.size());
    // The answer may come later (a held poll): until then the request waits here, with a
    // deadline past the longest hold, and its answer finds it again by the socket.
    p.held = true;
    p.deadlineMs = nowMs() + HeldRequestMs;
    const QPointer<QTcpSocket> guard(socket);
    const QPointer<Listener> self(this);
    const QString key = endpointText(socket->peerAddress(), socket->peerPort());
    m_router.dispatch(request, body, [self, guard, key, requestLine](const http::Response &r) {
        if (!self || !guard)
            return qint64(0);
        const auto it = self->m_pending.find(key);
        if (it == self->m_pending.end() || it->socket != guard || !it->held)
            return qint64(0);
        it->held = false;
        return self->answer(*it, guard, r, requestLine, true);
    });
}

bool Listener::keepAliveAllowed(const Pending &p, const QTcpSocket *socket) const
{
    if (m_config.keepAliveMs <= 0 || p.request.version != "HTTP/1.1")
        return false; // HTTP/1.0 closes (its keep-alive extension is not spoken here)
    // `Connection: close` (or any list naming it) from the client.
    const QByteArrayList tokens = p.request.header("Connection").split(',');
    for (const QByteArray &token : tokens) {
        if (token.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            return false;
    }
    if (p.kept || m_config.maxKeepAlivePerAddress <= 0)
        return true;
    const QHostAddress address = socket->peerAddress();
    if (address.isLoopback() && !m_config.limitLoopback)
        return true;
    return m_keptAlive.value(address) < m_config.maxKeepAlivePerAddress;
}

void Listener::forget(Pending &p)
{
    if (!p.kept)
        return;
    p.kept = false;
    const auto it = m_keptAlive.find(p.keptAddress);
    if (it != m_keptAlive.end() && --*it <= 0)
        m_keptAlive.erase(it);
}

qint64 Listener::answer(Pending &p, QTcpSocket *socket, http::Response r,
                        const QByteArray &requestLine, bool mayKeepAlive)
{
    r.keepAlive = mayKeepAlive && keepAliveAllowed(p, socket);
    const QByteArray response = r.toBytes();
    if (r.keepAlive) {
        socket->write(response);
        socket->flush();
        Q_EMIT httpAnswered(endpointText(socket->peerAddress(), socket->peerPort()), requestLine,
                            r.status);
        // Ready for the next request on this connection.
        if (!p.kept) {
            p.kept = true;
            p.keptAddress = socket->peerAddress();
            ++m_keptAlive[p.keptAddress];
        }
        p.head.clear();
        p.request = http::Request {};
        p.idle = true;
        p.deadlineMs = nowMs() + m_config.keepAliveMs;
        if (socket->bytesAvailable() > 0) {
            // Pipelined, or sent while this one was held: served next, not from inside
            // the reply of this one.
            const QPointer<QTcpSocket> guard(socket);
            QMetaObject::invokeMethod(
                this,
                [this, guard] {
                    if (guard && guard->bytesAvailable() > 0)
                        onReadyRead(guard);
                },
                Qt::QueuedConnection);
        }
        return response.size();
    }
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
                        r.status);
    return response.size();
}

void Listener::upgrade(Pending &p, QTcpSocket *socket, const QByteArray &requestLine)
{
    const http::Request &request = p.request;
    // RFC 6455 4.2.1: GET (checked by isWebSocketUpgrade, with Upgrade and Connection),
    // HTTP/1.1 or later, version 13, a key that is 16 bytes in base64.
    const auto refuse = [&](int status, const QString &message, http::HeaderList extra = {}) {
        handToTap(socket, p.head);
        http::Response r = http::Response::error(status, "bad_handshake", message);
        r.headers += extra;
        answer(p, socket, r, requestLine, false);
    };
    if (request.version != "HTTP/1.1") {
        refuse(400, QStringLiteral("A WebSocket upgrade needs HTTP/1.1."));
        return;
    }
    if (request.header("Sec-WebSocket-Version").trimmed() != "13") {
        refuse(426, QStringLiteral("This server speaks WebSocket version 13."),
               {{QByteArray("Sec-WebSocket-Version"), QByteArray("13")}});
        return;
    }
    const QByteArray key = request.header("Sec-WebSocket-Key").trimmed();
    const auto decoded
        = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16) {
        refuse(400, QStringLiteral("Sec-WebSocket-Key must be 16 bytes in base64."));
        return;
    }
    // protocol-v1.md: duplex.v1 is selected when offered; a client offering none (or only
    // others) is still accepted, without the header.
    bool offered = false;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("Sec-WebSocket-Protocol", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &token : value.split(','))
            offered |= token.trimmed() == proto::Subprotocol;
    }
    QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Accept: "
        + ws::acceptKey(key) + "\r\n";
    if (offered)
        response += QByteArray("Sec-WebSocket-Protocol: ") + proto::Subprotocol + "\r\n";
    if (!m_config.serverName.isEmpty())
        response += "Server: " + m_config.serverName.toUtf8().replace('\r', ' ').replace('\n', ' ')
            + "\r\n";
    response += "\r\n";

    p.handedOver = true;
    HandshakeInfo handshake;
    handshake.request = p.head;
    // Only the head: what follows (frames a client sent without waiting for the 101) stays
    // in the socket for the connection's frame reader.
    socket->skip(p.head.size());
    handToTap(socket, p.head);
    QObject::disconnect(socket, nullptr, this, nullptr);
    // From now on the connection decides when the socket goes.
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    const QString key2 = endpointText(socket->peerAddress(), socket->peerPort());
    forget(p);
    m_pending.remove(key2); // upgraded: the handshake timeout no longer applies
    socket->write(response);
    if (auto *direct = dynamic_cast<DirectTcpSocket *>(socket))
        handshake.response = direct->takeResponseHead();
    if (handshake.response.isEmpty())
        handshake.response = response;
    const QPointer<QTcpSocket> guard(socket);
    Q_EMIT webSocketReady(socket, handshake,
                          offered ? QString::fromLatin1(proto::Subprotocol) : QString());
    // Frames that came with the upgrade: announced again, for the reader connected now.
    if (guard && guard->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(
            guard,
            [guard] {
                if (guard && guard->bytesAvailable() > 0)
                    Q_EMIT guard->readyRead();
            },
            Qt::QueuedConnection);
    }
}

void Listener::sweep()
{
    const qint64 now = nowMs();
    QList<QPointer<QTcpSocket>> late;
    QList<QPointer<QTcpSocket>> idle;
    for (Pending &p : m_pending) {
        if (now < p.deadlineMs || !p.socket)
            continue;
        if (p.idle && p.socket->bytesAvailable() == 0) {
            // A kept-alive connection with no next request: closed in order (FIN).
            p.idle = false;
            p.draining = true;
            p.deadlineMs = now + DrainMs;
            idle.append(p.socket);
        } else {
            late.append(p.socket);
        }
    }
    for (const QPointer<QTcpSocket> &socket : std::as_const(idle)) {
        if (socket)
            socket->disconnectFromHost();
    }
    // A peer that opened TCP and never completed its request (or its upgrade), or that
    // keeps sending after our answer.
    for (const QPointer<QTcpSocket> &socket : std::as_const(late)) {
        if (socket)
            socket->abort();
    }
}

} // namespace duplex::server
