// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The real duplex-server --headless as a child process on 127.0.0.1 (port 0), its history
// in a temporary directory, its log read as it comes: for what only the whole program
// shows (signals, the shutdown log, process limits). The including test target defines
// DUPLEX_SERVER_EXE (the binary's path). Header-only; tests only.

#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace duplex::test {

struct Headless {
    /// Starts it and waits up to 10 s for "listening on 127.0.0.1:<port>"; port stays 0
    /// when it did not start.
    Headless()
    {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(DUPLEX_SERVER_EXE),
                      {QStringLiteral("--headless"), QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--db"), dir.filePath(QStringLiteral("h.sqlite"))});
        QObject::connect(&process, &QProcess::readyRead, &process,
                         [this] { log += QString::fromUtf8(process.readAll()); });
        const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        if (QTest::qWaitFor([&] { return listening.match(log).hasMatch(); }, 10000))
            port = quint16(listening.match(log).captured(1).toUInt());
    }
    ~Headless()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    Headless(const Headless &) = delete;
    Headless &operator=(const Headless &) = delete;

    QTemporaryDir dir;
    QProcess process;
    QString log;
    quint16 port = 0;
};

} // namespace duplex::test
