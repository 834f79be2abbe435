// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "headless.h"

#include "chatserver.h"
#include "historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

namespace duplex::server {

namespace {

int s_signalFds[2] = {-1, -1};

// Async-signal-safe: only write(2). The event loop reads the other end.
void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto n = ::write(s_signalFds[0], &byte, 1);
}

void printLine(FILE *stream, const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fflush(stream);   // a log read through a pipe must not wait for a full buffer
}

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::Headless", text);
}

} // namespace

int runHeadless(QCoreApplication &app, const ServerOptions &options)
{
    const QString dbPath = resolvedDatabasePath(options);
    HistoryStore store;
    QString error;
    if (!store.open(dbPath, &error)) {
        printLine(stderr, QStringLiteral("duplex-server: ") + error);
        return 1;
    }

    ChatServer server(serverConfigFrom(options), &store, nullptr);
    // A LAN server by default; every test and script passes --bind 127.0.0.1.
    const QHostAddress bind = options.bindGiven ? options.bind : QHostAddress(QHostAddress::Any);
    if (!server.listen(bind, options.port)) {
        printLine(stderr, tr("duplex-server: cannot listen on %1 port %2: %3")
                              .arg(bind.toString())
                              .arg(options.port)
                              .arg(server.errorString()));
        return 1;
    }

    QObject::connect(&server, &ChatServer::eventLogged, &server,
                     [](const QString &kind, const QString &text) {
                         printLine(stdout, QStringLiteral("%1 [%2] %3")
                                               .arg(QDateTime::currentDateTime().toString(
                                                        Qt::ISODateWithMs),
                                                    kind, text));
                     });

    // SIGINT/SIGTERM -> a byte on a socketpair -> QSocketNotifier in the event loop.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0) {
        printLine(stderr, tr("duplex-server: cannot set up signal handling."));
        return 1;
    }
    QSocketNotifier notifier(s_signalFds[1], QSocketNotifier::Read);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    bool stopping = false;
    int clientsAtStop = 0;
    QElapsedTimer stopClock;
    QTimer drain;
    drain.setInterval(20);
    QObject::connect(&drain, &QTimer::timeout, &server, [&] {
        // Give the close frames a moment to leave, then close the database and go.
        if (server.clientCount() > 0 && stopClock.elapsed() < 3000)
            return;
        drain.stop();
        const int left = server.clientCount();
        store.close();
        printLine(stdout, tr("stopped (%1 clients closed with 1001%2); database closed.")
                              .arg(clientsAtStop)
                              .arg(left ? tr(", %1 did not answer in time").arg(left) : QString()));
        app.exit(0);
    });
    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(s_signalFds[1], &byte, 1);
        if (stopping)
            return;
        stopping = true;
        printLine(stdout, tr("signal %1: closing every client with 1001 (going away).")
                              .arg(int(byte)));
        stopClock.start();
        clientsAtStop = server.clientCount();
        server.stop();
        drain.start();
    });

    const QString shown = bind.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(server.address().toString())
        : server.address().toString();
    printLine(stdout, QStringLiteral("listening on %1:%2").arg(shown).arg(server.port()));
    printLine(stdout, tr("database %1; name \"%2\"; rate %3/s, burst %4; at most %5 clients.")
                          .arg(dbPath, server.config().name)
                          .arg(options.rate)
                          .arg(options.burst)
                          .arg(options.maxClients));

    const int code = app.exec();
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    ::close(s_signalFds[0]);
    ::close(s_signalFds[1]);
    s_signalFds[0] = s_signalFds[1] = -1;
    return code;
}

} // namespace duplex::server
