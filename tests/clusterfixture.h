// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The cluster tests' fixture (issue 17): a real redis-server (redisserver.h) and servers
// that share rooms through it, either in this process (`Cluster`, TestServer nodes with
// `--redis`) or as real `duplex-server --headless --redis` processes (`Headless`, for
// kill -9). Header-only; tests only.

#include "chattestclient.h"
#include "redisserver.h"
#include "testserver.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace duplex::test {

/// A redis-server and the servers of one cluster.
struct Cluster {
    /// Starts redis-server and `servers` nodes, each with its Redis link up.
    bool start(int servers)
    {
        if (!redis.start())
            return false;
        for (int i = 0; i < servers; ++i) {
            if (!add())
                return false;
        }
        return true;
    }
    /// Another node (config: `TestServer::unlimited()` unless given), its link up; null
    /// when it did not start or did not reach Redis within 20 s.
    TestServer *add(server::ServerConfig config = TestServer::unlimited())
    {
        config.redisUrl = redis.url();
        auto s = std::make_unique<TestServer>(config);
        if (!s->start())
            return nullptr;
        if (!QTest::qWaitFor([&] { return s->chat->clusterState().up; }, 20000))
            return nullptr;
        nodes.push_back(std::move(s));
        return nodes.back().get();
    }
    TestServer *at(int i) const { return nodes.at(size_t(i)).get(); }
    /// Stops redis-server the hard way (its data is gone) and waits until every node's link
    /// is down (10 s).
    bool stopRedis()
    {
        redis.stop();
        return QTest::qWaitFor([this] { return linksUp(false); }, 10000);
    }
    /// Starts it again on the same port, empty, and waits until every node's link is up (20 s).
    bool restartRedis()
    {
        return redis.start(redis.port) && QTest::qWaitFor([this] { return linksUp(true); }, 20000);
    }
    /// Every node's link is `up`.
    bool linksUp(bool up) const
    {
        return std::all_of(nodes.begin(), nodes.end(),
                           [up](const auto &n) { return n->chat->clusterState().up == up; });
    }
    /// start(servers), then a client welcomed as `nick` on the first node; null when either
    /// failed.
    std::unique_ptr<ChatTestClient> startWith(int servers, const QString &nick)
    {
        return start(servers) ? at(0)->client(nick) : nullptr;
    }

    RedisServer redis;
    std::vector<std::unique_ptr<TestServer>> nodes;
};

/// A real `duplex-server --headless --redis` process (for kill -9). `port` is 0 when it did
/// not start listening or did not reach Redis within 20 s; `log` has what it printed.
struct Headless {
    Headless(const QString &redisUrl, const QString &name)
    {
        QObject::connect(&process, &QProcess::readyRead, &process,
                         [this] { log += QString::fromUtf8(process.readAll()); });
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(DUPLEX_SERVER_EXE),
                      {QStringLiteral("--headless"), QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--name"),
                       name, QStringLiteral("--db"), dir.filePath(QStringLiteral("h.sqlite")),
                       QStringLiteral("--redis"), redisUrl});
        const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        if (QTest::qWaitFor([&] { return listening.match(log).hasMatch(); }, 20000))
            port = quint16(listening.match(log).captured(1).toUInt());
        // Ready for the cluster once it says it reached Redis.
        if (!QTest::qWaitFor([&] { return log.contains(QLatin1String("Connected to Redis")); },
                             20000))
            port = 0;
    }
    ~Headless()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    QTemporaryDir dir;
    QProcess process;
    QString log;
    quint16 port = 0;
};

/// A `say` request.
inline QJsonObject sayRequest(const QString &id, const QString &text,
                              const QString &room = QStringLiteral("general"))
{
    return obj({{"type", "say"}, {"id", id}, {"room", room}, {"text", text}});
}

} // namespace duplex::test
