// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The engine's settings (command line, window settings and tests fill them in).

#include "transportstats.h"

#include <protocol.h>

#include <QString>
#include <QStringList>

namespace duplex::server {

struct ServerConfig {
    QString name = QStringLiteral("Duplex");          ///< display name sent in welcome
    qint64 maxBytes = proto::limits::DefaultMaxBytes; ///< per frame and per message
    int maxText = proto::limits::TextMax;
    double ratePerSec = proto::limits::DefaultRatePerSec; ///< 0 = unlimited
    int burst = proto::limits::DefaultBurst;
    int maxClients = proto::limits::MaxClients;
    int maxPendingConnections = 1024; ///< Qt's default is 30
    int handshakeTimeoutMs = 10000;
    /// HTTP/1.1 keep-alive: an idle kept-alive connection (polls, the page) is closed after
    /// this (longer than the clients' longest poll interval, 60 s, so a poll never races
    /// the close); 0 = `Connection: close` on every answer. At most maxConnectionsPerAddress
    /// kept-alive connections per address (beyond, answers close).
    int httpKeepAliveMs = 75000;
    /// A WebSocket that has not said `hello` this long after its upgrade is closed with
    /// 1008 (it holds a connection slot and says nothing). 0 = never.
    int helloTimeoutMs = 10000;
    int pingIntervalMs = proto::limits::PingIntervalMs;
    int peerTimeoutMs = proto::limits::PeerTimeoutMs;
    int resumeGraceMs = proto::limits::ResumeGraceMs;
    int largeRoomThreshold = proto::limits::LargeRoomThreshold;
    qint64 maxQueuedBytesPerClient = 4 * 1024 * 1024; ///< slow reader cap -> close 1008
    /// SO_SNDBUF of accepted sockets; 0 keeps the kernel's autotuning (Linux: up to 4 MiB
    /// per socket on top of maxQueuedBytesPerClient).
    int socketSendBufferBytes = 0;
    int dedupWindowMs = proto::limits::DedupWindowMs;
    /// At most this often, and only after connections ended, the free pages of the heap go
    /// back to the kernel (heaptrim.h; the soak's RSS drift, issue 16). 0 = never.
    int heapTrimMs = 60000;
    /// Server busy: when every client's queue together holds more than this (and more than
    /// twice maxQueuedBytesPerClient, so one slow reader alone never counts), `say` and
    /// `whisper` are refused with rate_limited "server busy" instead of queueing more for
    /// everyone. The frames are shared, so this is delivery debt, not memory. 0 = off.
    qint64 maxQueuedBytesTotal = 64 * 1024 * 1024;
    /// Origins accepted besides the page's own (`http://` + the request's Host): a
    /// WebSocket handshake or /v1/ request from any other Origin gets 403.
    QStringList allowedOrigins;
    /// `--peer URL` (repeatable): the public page addresses (`http://host:port/`) of the
    /// other servers of a cluster (issue 17). Listed in `GET /v1/cluster`; their origins
    /// join the page's CSP connect-src (the page fails over to them) and are accepted as
    /// Origins here (a peer's page fails over to this server).
    QStringList peerUrls;

    // Per address (one student's machine, however many connections it opens), so that
    // reconnecting or opening more sockets does not get around the per-connection limits.
    // Loopback is exempt (the teacher's own machine, local tools and benchmarks) unless
    // limitLoopback is set (tests).
    int maxConnectionsPerAddress = 64;   ///< open at once; 0 = no limit
    int connectBurstPerAddress = 30;     ///< new connections at once...
    double connectsPerSecPerAddress = 3; ///< ...and sustained (0 = no limit)
    int addressRateFactor = 4; ///< messages per address: this x ratePerSec and burst (0: none)
    bool limitLoopback = false;
    /// Rooms one session may be in at once (a join beyond: `bad_room`); 0 = no limit.
    int maxRoomsPerSession = 50;
    /// Rooms listed in a `rooms` reply at most (the fullest first); 0 = all.
    int maxRoomsListed = 200;
    /// The wire tap on every connection from the start (the window's frame X-ray).
    bool tapAll = false;
    /// `--redis redis://HOST:PORT[/DB]`: rooms shared with other processes through Redis
    /// (the ChatServer makes a RedisRoomBroker); empty: this process alone.
    QString redisUrl;
    /// `--record FILE`: every frame and HTTP head as JSON lines (protocol-v1-http.md).
    QString recordPath;
    /// The class's transport at start (`--class-transport`, `--poll-interval`): told to
    /// every client in its welcome flow when it is not push.
    ClassTransport classTransport;

    // Class control (protocol-v1.md, "Class control"; classcontrol.h). Address bans and
    // strikes spare loopback unless limitLoopback, like the per-address limits.
    QString joinCode;                  ///< `--join-code`; empty: none needed
    qint64 banMs = 10 * 60 * 1000;     ///< `--ban-minutes`: a kick's ban; 0 = no ban
    QStringList reservedNicks;         ///< `--reserve-nick`: besides server and system
    bool startLocked = false;          ///< `--lock`: no new sessions until unlocked
    int strikeLimit = 5;               ///< wrong join codes per address...
    qint64 strikeWindowMs = 60 * 1000; ///< ...within this, then refused until it is over
};

/// Where an operator notice goes.
struct NoticeTarget {
    enum class Kind { Everyone, Room, Client } kind = Kind::Everyone;
    QString room;         ///< Kind::Room
    quint64 clientId = 0; ///< Kind::Client
};

} // namespace duplex::server
