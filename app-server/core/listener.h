// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The one TCP port: accepts connections, peeks each request head (without consuming it),
// and routes it: a WebSocket upgrade is checked (RFC 6455 4.2.1, the Origin rule) and
// answered 101 here, then handed to the engine as a bare TCP socket; any other request is
// plain HTTP, answered here. HTTP/1.1 connections stay open for the next request
// (keep-alive: one request at a time, a pipelined one waits for the answer before it; closed
// after keepAliveMs idle, on `Connection: close`, for HTTP/1.0, after an error that leaves
// the stream unreadable, and beyond maxKeepAlivePerAddress open at once). A request that
// does not complete its head (or its upgrade) within the handshake timeout is aborted.
// Knows nothing of sessions or rooms.

#include "clientinfo.h"
#include "httpmessage.h"
#include "httprouter.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace duplex::server {

class DirectTcpServer;

class Listener final : public QObject
{
    Q_OBJECT
public:
    struct Config {
        QString serverName;
        int maxPendingConnections = 1024;
        int handshakeTimeoutMs = 10000;
        int socketSendBufferBytes = 0;
        qint64 maxHeadBytes = 16 * 1024;
        qint64 maxBodyBytes = 64 * 1024;
        QStringList allowedOrigins;
        QStringList connectOrigins; ///< cluster peers for the page's CSP (RouterConfig)
        /// An idle kept-alive HTTP connection is closed after this; 0: every answer
        /// closes (`Connection: close`).
        int keepAliveMs = 75000;
        /// Kept-alive HTTP connections one address may hold at once; beyond, answers say
        /// `Connection: close`. 0 = no limit. Loopback is exempt unless limitLoopback.
        int maxKeepAlivePerAddress = 0;
        bool limitLoopback = false;
    };

    explicit Listener(Config config, QObject *parent = nullptr);
    ~Listener() override;

    bool listen(const QHostAddress &address, quint16 port);
    /// Stops accepting; connections already handed over are not touched.
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;
    void setServerName(const QString &name);

    /// Answers plain HTTP (the browser page, and /v1/ routes added to it).
    http::Router &router() { return m_router; }
    /// Called with every accepted socket before anything reads it (the wire tap).
    void setAcceptHook(std::function<void(QTcpSocket *)> hook) { m_acceptHook = std::move(hook); }

Q_SIGNALS:
    /// A WebSocket upgrade completed: the 101 is written, and what the client sent after
    /// its request head (its first frames) is still unread in tcp. handshake holds the
    /// request and the 101 as they went over the wire; subprotocol is the one selected
    /// (empty: none).
    void webSocketReady(QTcpSocket *tcp, const HandshakeInfo &handshake,
                        const QString &subprotocol);
    /// A plain HTTP request was answered (or refused) with `status`.
    void httpAnswered(const QString &peer, const QByteArray &requestLine, int status);

private:
    struct Pending {
        QPointer<QTcpSocket> socket;
        QByteArray head;       ///< the request head, once complete
        http::Request request; ///< ...and parsed
        qint64 deadlineMs = 0; ///< handshake timeout
        bool handedOver = false;
        bool draining = false; ///< answered: reading and discarding until the peer closes
        bool held = false;     ///< complete, waiting for its (deferred) answer
        bool idle = false;     ///< kept alive, waiting for its next request
        bool kept = false;     ///< counted in m_keptAlive, under keptAddress
        QHostAddress keptAddress;
        qint64 drained = 0;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    /// Checks an upgrade request (RFC 6455 4.2.1), writes the 101 and hands the socket over;
    /// or refuses it (400, 426).
    void upgrade(Pending &p, QTcpSocket *socket, const QByteArray &requestLine);
    void route(Pending &p, QTcpSocket *socket);
    /// Writes the answer; keeps the connection for the next request when mayKeepAlive and
    /// the request and the limits allow. Returns the bytes written.
    qint64 answer(Pending &p, QTcpSocket *socket, http::Response response,
                  const QByteArray &requestLine, bool mayKeepAlive = false);
    bool keepAliveAllowed(const Pending &p, const QTcpSocket *socket) const;
    void forget(Pending &p);
    void sweep();

    Config m_config;
    DirectTcpServer *m_tcp = nullptr;
    QString m_errorString;
    QHash<QString, Pending> m_pending; // "address:port" -> connection not yet handed over
    QTimer m_sweep;                    // one timer for every pending deadline
    /// address -> kept-alive HTTP connections
    QHash<QHostAddress, int> m_keptAlive;
    http::Router m_router;
    std::function<void(QTcpSocket *)> m_acceptHook;
};

} // namespace duplex::server
