// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The command line of duplex-server, shared by the headless engine and the window.

#include "chatserver.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace duplex::server {

struct ServerOptions {
    bool headless = false;
    QHostAddress bind; ///< meaningful when bindGiven
    bool bindGiven = false;
    quint16 port = 8080;
    bool portGiven = false;
    QString dbPath; ///< empty = QStandardPaths::AppDataLocation + "/history.sqlite"
    QString name;
    bool nameGiven = false;
    double rate = 10; ///< messages per second per client; 0 = unlimited
    int burst = 20;
    int maxClients = 10000;
    int maxQueuedMiB = 64; ///< server busy past this many MiB queued for all clients; 0 = never
    QStringList allowedOrigins;    ///< --allow-origin (repeatable)
    QStringList peerUrls;          ///< --peer (repeatable): a cluster's other servers' pages
    bool addressLimits = true;     ///< false: --no-address-limits (everyone behind one NAT)
    QString redisUrl;              ///< --redis redis://HOST:PORT[/DB]
    QString recordPath;            ///< --record: every frame and HTTP head as JSON lines
    QString pcapngPath;            ///< --pcapng: convert the --record file to this and exit
    ClassTransport classTransport; ///< --class-transport, --poll-interval
    int peerTimeoutMs = 45000;     ///< --peer-timeout: silent WebSocket or poll session dropped
    // Class control (protocol-v1.md "Class control").
    QString joinCode; ///< --join-code
    bool joinCodeGiven = false;
    double banMinutes = 10; ///< --ban-minutes: a kick's ban; 0 = no ban
    bool banMinutesGiven = false;
    QStringList reservedNicks; ///< --reserve-nick (repeatable, or a comma list)
    bool locked = false;       ///< --lock: start locked (no new sessions)
    // --transcript ROOM [--since WHEN] [--format text|csv] [--with-events]: print and exit
    // (transcript.h).
    QString transcriptRoom;
    qint64 transcriptSinceMs = 0; ///< 0: from the first message
    bool transcriptCsv = false;
    bool transcriptEvents = false; ///< --with-events: joins, leaves, notices merged in
};

/// True when the arguments ask for --transcript (no display, no listening). Checked on argv
/// before the application object exists.
bool argumentsRequestTranscript(int argc, char *argv[]);

/// A --since value: an ISO 8601 date ("2026-12-07", local midnight), date and time
/// ("2026-12-07T14:05", "2026-12-07 14:05:30", with an offset or Z when given) or a time
/// of today ("14:05"). ms since the epoch, or -1 when it is none of these.
qint64 parseSince(const QString &text);

/// True when the arguments ask for --headless. Checked on argv before the application
/// object exists, because the kind of application object depends on it.
bool argumentsRequestHeadless(int argc, char *argv[]);

/// Adds --headless --bind --port --db --name --rate --burst --max-clients --max-queued-mib
/// --no-address-limits --allow-origin --record --pcapng --class-transport --poll-interval
/// --peer-timeout --peer to the parser
/// (not --help/--version: the caller adds those).
void addServerOptions(QCommandLineParser &parser);

/// Reads the options from a parser that has processed the arguments. On a bad value
/// returns false and a human sentence in *error.
bool readServerOptions(const QCommandLineParser &parser, ServerOptions *options, QString *error);

/// Convenience for tests: parses a full argument list (program name first).
bool parseServerOptions(const QStringList &arguments, ServerOptions *options, QString *error);

/// The database path to use: options.dbPath, or history.sqlite in the platform's app data
/// location (created when missing).
QString resolvedDatabasePath(const ServerOptions &options);

/// The engine configuration the options describe (name, rate, burst, max clients).
ServerConfig serverConfigFrom(const ServerOptions &options);

/// Raises the soft limit of open files to the hard one (every client is a descriptor; a
/// desktop's soft limit, often 1024, would stop new handshakes long before --max-clients).
/// Returns a sentence for the log.
QString raiseOpenFileLimit();

/// The hosts students type to reach a server listening on `bound` (started with `--bind
/// configured`): that address, or for a wildcard every up, non-loopback IPv4 address
/// (127.0.0.1 when there is none). IPv6 in brackets. Reads the interfaces; sends nothing.
QStringList joinHosts(const QHostAddress &bound, const QHostAddress &configured);

} // namespace duplex::server
