// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// A real server for the client-side tests: a ChatServer on 127.0.0.1 (port 0 unless told)
// with its history in a SQLite file that outlives stop()/start(), as a restart would.

#include <chatserver.h>
#include <historystore.h>
#include <protocol.h>

#include <QDebug>
#include <QHostAddress>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

struct TestServer {
    QTemporaryDir dir;
    std::unique_ptr<duplex::server::HistoryStore> store;
    std::unique_ptr<duplex::server::ChatServer> chat;
    quint16 port = 0;

    QString name = QStringLiteral("Test server");
    int maxClients = duplex::proto::limits::MaxClients;
    double ratePerSec = 0; // unlimited: tests send bursts
    int burst = duplex::proto::limits::DefaultBurst;

    bool start(quint16 wantedPort = 0)
    {
        store = std::make_unique<duplex::server::HistoryStore>();
        QString error;
        if (!store->open(dir.filePath(QStringLiteral("history.sqlite")), &error)) {
            qWarning() << "store:" << error;
            return false;
        }
        duplex::server::ServerConfig config;
        config.name = name;
        config.ratePerSec = ratePerSec;
        config.burst = burst;
        config.maxClients = maxClients;
        chat = std::make_unique<duplex::server::ChatServer>(config, store.get(), nullptr);
        if (!chat->listen(QHostAddress::LocalHost, wantedPort)) {
            qWarning() << "listen:" << chat->errorString();
            return false;
        }
        port = chat->port();
        return true;
    }
    void stop()
    {
        chat->stop();
        chat.reset();
        store->close();
        store.reset();
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)); }
};
