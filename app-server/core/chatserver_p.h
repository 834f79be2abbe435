// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// ChatServer's private part, shared by the files the facade is written in (chatserver.cpp:
// the engine's life and its peers; chatserver_observe.cpp: the wire tap and the lesson's
// figures). Not an API: only those files include it.

#include "chathandlers.h"
#include "chatserver.h"
#include "engine.h"
#include "heaptrim.h"
#include "listener.h"
#include "pollpeer.h"
#include "redisroombroker.h"
#include "wiretap.h"
#include "wsconnection.h"

#include <QCoreApplication>
#include <QTimer>

#include <vector>

#include <QTcpSocket>

namespace duplex::server {

/// Resolution of the housekeeping timer (large-room counts, resume expiry, dedup pruning).
constexpr int HousekeepingMs = 1000;

struct ChatServer::Private final : PeerObserver {
    Q_DECLARE_TR_FUNCTIONS(duplex::server::ChatServer)

public:
    Private(ChatServer *owner, ServerConfig config, HistoryStore *history, TrafficLog *traffic,
            RoomBroker *broker)
        : q(owner)
        , redis(!broker && !config.redisUrl.isEmpty()
                    ? std::make_unique<RedisRoomBroker>(QUrl(config.redisUrl))
                    : nullptr)
        , engine(std::move(config), history, traffic, broker ? broker : redis.get(), owner)
        , handlers(engine)
        , flush(owner)
        , taps(&ownWire, [this] { return engine.nextId++; })
    {
        if (redis) {
            engine.redis = redis.get();
            redis->attach(&engine);
            // Another server's window kicks one of ours (redisroombroker_relay.cpp).
            QObject::connect(redis.get(), &RedisRoomBroker::kickRequested, owner,
                             [this](quint64 id, const QString &reason, qint64 banMs) {
                                 q->kick(id, reason, banMs);
                             });
        }
        taps.setTapAll(engine.config.tapAll);
        Listener::Config lc;
        lc.serverName = engine.config.name;
        lc.maxPendingConnections = engine.config.maxPendingConnections;
        lc.handshakeTimeoutMs = engine.config.handshakeTimeoutMs;
        lc.socketSendBufferBytes = engine.config.socketSendBufferBytes;
        lc.maxBodyBytes = engine.config.maxBytes;
        lc.allowedOrigins = engine.config.allowedOrigins;
        // A cluster (issue 17): a peer's page may fail over to this server, and this
        // server's page to the peers.
        for (const QString &peer : engine.config.peerUrls) {
            const QString origin = http::originOf(peer);
            if (!origin.isEmpty()) {
                lc.allowedOrigins.append(origin);
                lc.connectOrigins.append(origin);
            }
        }
        lc.keepAliveMs = engine.config.httpKeepAliveMs;
        lc.maxKeepAlivePerAddress = engine.config.maxConnectionsPerAddress;
        lc.limitLoopback = engine.config.limitLoopback;
        listener = new Listener(lc, owner);
        listener->setAcceptHook([this](QTcpSocket *socket) { taps.accepted(socket); });
        QObject::connect(listener, &Listener::webSocketReady, owner,
                         [this](QTcpSocket *tcp, const HandshakeInfo &h, const QString &sub) {
                             onWebSocket(tcp, h, sub);
                         });
        QObject::connect(
            listener, &Listener::httpAnswered, owner,
            [this](const QString &peer, const QByteArray &line, int status) {
                // Page loads and refusals, not every script and style a page pulls in (a
                // class opening the page would bury the event list).
                const bool page = line.startsWith("GET / ") || line.startsWith("GET /?");
                if (page && status < 400)
                    engine.recorder.event(peer, EventKind::Http,
                                          tr("%1 loaded the browser page.").arg(peer));
                else if (status >= 400)
                    engine.recorder.event(
                        peer, EventKind::Http,
                        tr("%1: %2 answered %3.").arg(peer, QString::fromLatin1(line)).arg(status));
            });
        // One timer sends the pings and checks for silent peers; it ticks at least three
        // times per peer timeout so a silent peer goes within timeout + timeout/3.
        const ServerConfig &c = engine.config;
        int tick = qMin(c.pingIntervalMs, c.peerTimeoutMs / 3);
        if (c.helloTimeoutMs > 0)
            tick = qMin(tick, qMax(1, c.helloTimeoutMs / 2));
        pingTimer.setInterval(qMax(20, tick));
        QObject::connect(&pingTimer, &QTimer::timeout, owner, [this] { pingTick(); });
        houseTimer.setInterval(qMax(20, qMin(HousekeepingMs, c.resumeGraceMs / 4)));
        QObject::connect(&houseTimer, &QTimer::timeout, owner, [this] { houseTick(); });
        addHttpRoutes();
    }

    ChatServer *q;
    /// With --redis (and no broker given): rooms shared through Redis.
    std::unique_ptr<RedisRoomBroker> redis;
    Engine engine;
    ChatHandlers handlers;
    FlushScheduler flush;
    WireLog ownWire;
    WireTaps taps;
    QString recordError;
    qint64 startedMs = Engine::nowMs();
    Listener *listener = nullptr;
    QTimer pingTimer;
    QTimer houseTimer;
    HeapTrimmer heapTrimmer {engine.config.heapTrimMs};
    qint64 lastPingMs = 0;
    qint64 lastTickMs = 0;
    /// Peers that ended, deleted on the next pass (we may be inside their own call).
    std::vector<Peer *> graveyard;

    void onWebSocket(QTcpSocket *tcp, const HandshakeInfo &handshake, const QString &subprotocol);
    // HTTP polling and the live figures (chatserver_poll.cpp).
    void addHttpRoutes();
    void onPoll(const http::Request &request, QByteArrayView body,
                const http::Router::Reply &reply);
    PollPeer *newPollPeer(const http::Request &request);
    QByteArray statsJson() const;
    void bury(Peer *p);

    // PeerObserver: what the transports report.
    void peerText(Peer *p, const QByteArray &json) override { handlers.onText(p, json); }
    void peerBinary(Peer *p, const QByteArray &data) override { handlers.onBinary(p, data); }
    void peerStalled(Peer *p, qint64 waiting) override;
    void peerRefused(Peer *p, int code, const QString &reason) override;
    bool peerPinged(Peer *p) override { return engine.admitControl(p); }
    void peerEnded(Peer *p) override;
    void pingTick();
    void houseTick();
};

} // namespace duplex::server
