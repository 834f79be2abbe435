// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The one TCP port: accepts connections, peeks each request head (without consuming it),
// and routes it: a WebSocket upgrade goes to QWebSocketServer (after the Origin rule), any
// other request is plain HTTP, answered here with `Connection: close`. A request that does
// not complete its head (or its upgrade) within the handshake timeout is aborted. Knows
// nothing of sessions or rooms.

#include "clientinfo.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace duplex::server {

class DirectTcpServer;

/// A plain HTTP request as the listener hands it to the router: the head's first line,
/// its headers, and the body (complete).
struct HttpRequestInfo {
    QByteArray method;
    QByteArray target;
    HeaderList headers;
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
};

/// The router's answer: the complete response bytes (head and body).
using HttpHandler = std::function<QByteArray(const HttpRequestInfo &)>;

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

    /// Who answers plain HTTP requests. Without one, every request gets a JSON 404 (426 for
    /// `/`: "this is a WebSocket server").
    void setHttpHandler(HttpHandler handler) { m_http = std::move(handler); }
    /// Called with every accepted socket before anything reads it (the wire tap).
    void setAcceptHook(std::function<void(QTcpSocket *)> hook) { m_acceptHook = std::move(hook); }

    /// True when a request with this Origin (may be empty) and Host may talk to us.
    static bool originAllowed(const QByteArray &origin, const QByteArray &host,
                              const QStringList &allowList);

Q_SIGNALS:
    /// A WebSocket upgrade completed. socket is unowned (parent null after this); tcp is
    /// its device. handshake holds the request and the 101 as they went over the wire.
    void webSocketReady(QWebSocket *socket, QTcpSocket *tcp, const HandshakeInfo &handshake);
    /// A plain HTTP request was answered (or refused) with `status`.
    void httpAnswered(const QString &peer, const QByteArray &requestLine, int status);

private:
    struct Pending {
        QPointer<QTcpSocket> socket;
        QByteArray head;       ///< the request head, once complete
        qint64 deadlineMs = 0; ///< handshake timeout
        bool handedOver = false;
        bool draining = false; ///< answered: reading and discarding until the peer closes
        qint64 drained = 0;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onWebSocket();
    void route(Pending &p, QTcpSocket *socket);
    void answer(Pending &p, QTcpSocket *socket, const QByteArray &response, int status,
                const QByteArray &requestLine);
    void sweep();

    Config m_config;
    DirectTcpServer *m_tcp = nullptr;
    QWebSocketServer *m_ws = nullptr;
    QString m_errorString;
    QHash<QString, Pending> m_pending; // "address:port" -> connection not yet handed over
    QTimer m_sweep;                    // one timer for every pending deadline
    HttpHandler m_http;
    std::function<void(QTcpSocket *)> m_acceptHook;
};

} // namespace duplex::server
