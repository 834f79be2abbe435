// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// A real redis-server for the cluster tests (issue 17): started on a free loopback port
// with no persistence (`--save '' --appendonly no`), stopped by the test; stop() + start()
// on the same port is a Redis that lost its data. Missing redis-server fails, it does not
// skip. Header-only; tests only.

#include <QDeadlineTimer>
#include <QDebug>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

namespace duplex::test {

struct RedisServer {
    ~RedisServer() { stop(); }

    /// Starts redis-server (on `wantedPort`, or a free one) and waits until it answers PING.
    bool start(quint16 wantedPort = 0)
    {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
        if (exe.isEmpty()) {
            qWarning() << "redis-server is not installed (scripts/deps.sh test)";
            return false;
        }
        port = wantedPort ? wantedPort : freePort();
        process.setProgram(exe);
        process.setWorkingDirectory(dir.path());
        process.setArguments({QStringLiteral("--port"), QString::number(port),
                              QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                              QStringLiteral("no"), QStringLiteral("--dir"), dir.path()});
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start();
        if (!process.waitForStarted(10000)) {
            qWarning() << "redis-server:" << process.errorString();
            return false;
        }
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            if (process.state() != QProcess::Running) {
                qWarning() << "redis-server exited:" << process.readAll();
                return false;
            }
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            if (s.waitForConnected(500)) {
                s.write("PING\r\n");
                if (s.waitForReadyRead(1000) && s.readAll().startsWith("+PONG"))
                    return true;
            }
            process.waitForReadyRead(100); // a short wait for the next try, not a sleep
        }
        qWarning() << "redis-server did not answer on port" << port;
        return false;
    }
    /// Stops it the hard way (its data is gone: no persistence).
    void stop()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.kill();
        process.waitForFinished(10000);
    }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(port); }
    /// One command in Redis's inline form (`SREM duplex:muted bob`), its raw reply (RESP);
    /// empty when there was none within 5 s.
    QByteArray command(const QByteArray &line) const
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (!s.waitForConnected(5000))
            return {};
        s.write(line + "\r\n");
        return s.waitForReadyRead(5000) ? s.readAll() : QByteArray();
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QTemporaryDir dir;
    QProcess process;
    quint16 port = 0;
};

} // namespace duplex::test
