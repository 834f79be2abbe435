// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "headless.h"

#include "chatserver.h"
#include "heaptrim.h"
#include "historystore.h"

#include <unixsignalwatcher.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace duplex::server {

namespace {

void printLine(FILE *stream, const QString &text)
{
    // One event, one line: a newline (or any control character) that a client put in its
    // agent or close reason is shown escaped and cannot forge a line of its own.
    QString safe;
    safe.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            safe += QLatin1String("\\n");
        else if (c == QLatin1Char('\r'))
            safe += QLatin1String("\\r");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            safe += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            safe += c;
    }
    const QByteArray line = safe.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fflush(stream); // a log read through a pipe must not wait for a full buffer
}

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::Headless", text);
}

/// With a count: Qt's plural forms (German "1 Client", "2 Clients").
QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("duplex::server::Headless", text, disambiguation, n);
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

    ServerConfig config = serverConfigFrom(options);
    // A bench knob (tests/bench/soak.py): DUPLEX_HEAP_TRIM_MS=0 never trims the heap.
    if (qEnvironmentVariableIsSet("DUPLEX_HEAP_TRIM_MS"))
        config.heapTrimMs = qEnvironmentVariableIntValue("DUPLEX_HEAP_TRIM_MS");
    ChatServer server(std::move(config), &store, nullptr);
    // A LAN server by default; every test and script passes --bind 127.0.0.1.
    const QHostAddress bind = options.bindGiven ? options.bind : QHostAddress(QHostAddress::Any);
    if (!server.listen(bind, options.port)) {
        printLine(stderr,
                  tr("duplex-server: cannot listen on %1 port %2: %3")
                      .arg(bind.toString())
                      .arg(options.port)
                      .arg(server.errorString()));
        return 1;
    }

    QObject::connect(
        &server, &ChatServer::eventLogged, &server, [](EventKind kind, const QString &text) {
            printLine(stdout,
                      QStringLiteral("%1 [%2] %3")
                          .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs),
                               eventKindName(kind), text));
        });

    // SIGINT/SIGTERM/SIGHUP are handled in the event loop (the handler only writes a byte):
    // a closed terminal or `systemctl stop` closes every client and folds the WAL.
    UnixSignalWatcher watcher({SIGINT, SIGTERM, SIGHUP});
    if (!watcher.isActive()) {
        printLine(stderr, tr("duplex-server: cannot set up signal handling."));
        return 1;
    }

    bool stopping = false;
    int clientsAtStop = 0;
    quint64 answeredBefore = 0;
    QElapsedTimer stopClock;
    QTimer drain;
    drain.setInterval(20);
    QObject::connect(&drain, &QTimer::timeout, &server, [&] {
        // Give the close frames a moment to leave and the clients to close their side (each
        // at most 2 s, see WsConnection::linger), then close the database and go.
        if ((server.clientCount() > 0 || server.counters().closesPending > 0)
            && stopClock.elapsed() < 3000)
            return;
        drain.stop();
        // The truth: only a client that closed its side after our close frame surely had it.
        const quint64 answered = server.counters().closesAnswered - answeredBefore;
        store.close();
        printLine(stdout,
                  tr("stopped (1001 sent to %n clients: %1 closed in time, %2 did not); "
                     "database closed.",
                     nullptr, int(clientsAtStop))
                      .arg(answered)
                      .arg(qMax<qint64>(0, clientsAtStop - qint64(answered))));
        app.exit(0);
    });
    QObject::connect(&watcher, &UnixSignalWatcher::received, &server, [&](int signalNumber) {
        if (stopping)
            return;
        stopping = true;
        printLine(stdout,
                  tr("signal %1: closing every client with 1001 (going away).").arg(signalNumber));
        stopClock.start();
        clientsAtStop = server.clientCount();
        answeredBefore = server.counters().closesAnswered;
        server.stop();
        drain.start();
    });

    // DUPLEX_STATS_MS=N (benches: tests/bench/soak.py): a line of totals every N ms, with
    // the allocators' view (heap in use, free inside the heap, SQLite's own count).
    QTimer statsTimer;
    if (const int statsMs = qEnvironmentVariableIntValue("DUPLEX_STATS_MS"); statsMs > 0) {
        QObject::connect(&statsTimer, &QTimer::timeout, &server, [&server] {
            const ServerCounters c = server.counters();
            const HeapFigures heap = heapFigures();
            printLine(stdout,
                      QStringLiteral("[stats] clients=%1 queued=%2 stored=%3 lingering=%4")
                              .arg(c.clients)
                              .arg(c.queuedBytes)
                              .arg(c.messagesStored)
                              .arg(c.closesPending)
                          + QStringLiteral(" heap_used=%1 heap_free=%2 heap_mmap=%3 sqlite=%4"
                                           " trims=%5 trim_us=%6")
                                .arg(heap.used)
                                .arg(heap.free)
                                .arg(heap.mmapped)
                                .arg(heap.sqlite)
                                .arg(c.heapTrims)
                                .arg(c.heapTrimUs));
        });
        statsTimer.start(statsMs);
    }

    const QString shown = bind.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(server.address().toString())
        : server.address().toString();
    printLine(stdout, QStringLiteral("listening on %1:%2").arg(shown).arg(server.port()));
    // What the window's join card shows: the browser page's address(es).
    for (const QString &host : joinHosts(server.address(), bind))
        printLine(stdout,
                  QStringLiteral("students join at http://%1:%2/").arg(host).arg(server.port()));
    printLine(stdout, raiseOpenFileLimit());
    printLine(stdout,
              tr("database %1; name \"%2\"; rate %3/s, burst %4; at most %5 clients.")
                  .arg(dbPath, server.config().name)
                  .arg(options.rate)
                  .arg(options.burst)
                  .arg(options.maxClients));
    // Class control as configured (each later change is an event line of kind "control").
    const ServerConfig &c = server.config();
    if (!c.joinCode.isEmpty())
        printLine(stdout, tr("join code \"%1\" needed for new sessions.").arg(c.joinCode));
    printLine(
        stdout,
        c.banMs > 0
            ? tr("a kick bans the nickname and address for %1 min.").arg(double(c.banMs) / 60000.0)
            : tr("a kick bans nobody (--ban-minutes 0)."));
    if (!c.reservedNicks.isEmpty())
        printLine(stdout,
                  tr("reserved nicknames: %1.").arg(c.reservedNicks.join(QLatin1String(", "))));
    if (c.startLocked)
        printLine(stdout, tr("locked: no new sessions (resumes still work)."));

    return app.exec(); // the watcher restores the default handlers as it goes
}

} // namespace duplex::server
