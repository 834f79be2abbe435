// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The one real server of the tests: a ChatServer on 127.0.0.1 (port 0 unless told) with
// its history in a SQLite file that outlives stop()/start(), as a restart would, and a
// TrafficLog. The server core tests talk to it with ChatTestClient (client()); the client
// tests point a ClientSession at url(). Header-only; tests only.

#include "chattestclient.h"

#include <chatserver.h>
#include <historystore.h>
#include <protocol.h>
#include <trafficlog.h>

#include <QDebug>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace duplex::test {

struct TestServer {
    /// The engine's defaults (rate limit included), named "Test server".
    TestServer() { config.name = QStringLiteral("Test server"); }
    explicit TestServer(const duplex::server::ServerConfig &c)
        : config(c)
    {
    }

    /// For tests that send bursts on purpose (client tests): "Test server", no rate limit.
    static duplex::server::ServerConfig unlimited()
    {
        duplex::server::ServerConfig c;
        c.name = QStringLiteral("Test server");
        c.ratePerSec = 0;
        return c;
    }

    /// Opens the store (the same file every time) and listens with `config`.
    bool start(quint16 wantedPort = 0)
    {
        if (!dir.isValid()) {
            qWarning() << "temporary directory:" << dir.errorString();
            return false;
        }
        store = std::make_unique<duplex::server::HistoryStore>();
        QString error;
        if (!store->open(dir.filePath(QStringLiteral("history.sqlite")), &error)) {
            qWarning() << "store:" << error;
            return false;
        }
        chat = std::make_unique<duplex::server::ChatServer>(config, store.get(), &traffic);
        if (!chat->listen(QHostAddress::LocalHost, wantedPort)) {
            qWarning() << "listen:" << chat->errorString();
            return false;
        }
        return true;
    }
    /// Stops the engine and closes the store; start() again is a server restart.
    void stop()
    {
        chat->stop();
        chat.reset();
        store->close();
        store.reset();
    }
    /// The port it listens on now (0 when stopped).
    quint16 port() const { return chat ? chat->port() : 0; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port())); }

    /// A connected, welcomed client (welcome + joined general + history consumed), or
    /// nullptr.
    std::unique_ptr<ChatTestClient> client(const QString &nick) const
    {
        return connectClient(port(), nick);
    }
    /// The connection id of the client with that nick (0 when none).
    quint64 idOf(const QString &nick) const
    {
        for (const duplex::server::ClientInfo &info : chat->clients()) {
            if (info.nick == nick)
                return info.id;
        }
        return 0;
    }

    duplex::server::ServerConfig config;
    QTemporaryDir dir;
    duplex::server::TrafficLog traffic;
    std::unique_ptr<duplex::server::HistoryStore> store;
    std::unique_ptr<duplex::server::ChatServer> chat;
};

} // namespace duplex::test
