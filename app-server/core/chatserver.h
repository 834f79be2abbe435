// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The engine: a QWebSocketServer speaking protocol v1. No widgets.
// API contract between the engine and its observers (window, headless log, tests):
// add to it freely, do not rename or remove.

#include "clientinfo.h"

#include <protocol.h>

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace duplex::server {

class HistoryStore;
class TrafficLog;

struct ServerConfig {
    QString name = QStringLiteral("Duplex");          ///< display name sent in welcome
    qint64 maxBytes = proto::limits::DefaultMaxBytes; ///< per frame and per message
    int maxText = proto::limits::TextMax;
    double ratePerSec = proto::limits::DefaultRatePerSec; ///< 0 = unlimited
    int burst = proto::limits::DefaultBurst;
    int maxClients = proto::limits::MaxClients;
    int maxPendingConnections = 1024; ///< Qt's default is 30
    int handshakeTimeoutMs = 10000;
    int pingIntervalMs = proto::limits::PingIntervalMs;
    int peerTimeoutMs = proto::limits::PeerTimeoutMs;
    int resumeGraceMs = proto::limits::ResumeGraceMs;
    int largeRoomThreshold = proto::limits::LargeRoomThreshold;
    qint64 maxQueuedBytesPerClient = 4 * 1024 * 1024; ///< slow reader cap -> close 1008
    /// SO_SNDBUF of accepted sockets; 0 keeps the kernel's autotuning (Linux: up to 4 MiB
    /// per socket on top of maxQueuedBytesPerClient).
    int socketSendBufferBytes = 0;
    int dedupWindowMs = proto::limits::DedupWindowMs;
    /// Server busy: when every client's queue together holds more than this (and more than
    /// twice maxQueuedBytesPerClient, so one slow reader alone never counts), `say` and
    /// `whisper` are refused with rate_limited "server busy" instead of queueing more for
    /// everyone. The frames are shared, so this is delivery debt, not memory. 0 = off.
    qint64 maxQueuedBytesTotal = 64 * 1024 * 1024;
    /// Origins (e.g. "http://teacher.example:3000") allowed besides the page's own
    /// http://HOST for WebSocket handshakes and /v1/ requests (protocol-v1-http.md).
    QStringList allowedOrigins;
};

/// Where an operator notice goes.
struct NoticeTarget {
    enum class Kind { Everyone, Room, Client } kind = Kind::Everyone;
    QString room;         ///< Kind::Room
    quint64 clientId = 0; ///< Kind::Client
};

class ChatServer final : public QObject
{
    Q_OBJECT
public:
    /// history and traffic are not owned and may be null (then nothing is stored/logged:
    /// history null means an in-memory store is created internally).
    explicit ChatServer(ServerConfig config, HistoryStore *history, TrafficLog *traffic,
                        QObject *parent = nullptr);
    ~ChatServer() override;

    /// Starts listening. Port 0 picks a free port; see port(). False + errorString() on failure.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /// Stops accepting and closes every client with 1001 (going away).
    void stop();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;

    const ServerConfig &config() const;
    /// base64(SHA-1(key + the RFC 6455 GUID)): the Sec-WebSocket-Accept for a key.
    static QByteArray acceptKey(const QByteArray &secWebSocketKey);
    void setName(const QString &name);

    /// The store in use (the internal ":memory:" one when none was given).
    HistoryStore *historyStore() const;
    /// The traffic log given at construction (may be null).
    TrafficLog *trafficLog() const;

    // --- operator actions ---------------------------------------------------------------
    /// Pushes a `notice` (from "server"). Returns how many clients it was sent to.
    int sendNotice(const QString &text, const NoticeTarget &target = {});
    /// Closes that client with 4001 and the reason. False if there is no such client.
    bool kick(quint64 clientId, const QString &reason);

    // --- observation (snapshots; cheap enough to call a few times a second) -------------
    QList<ClientInfo> clients() const;
    std::optional<ClientInfo> client(quint64 clientId) const;
    QList<RoomInfo> rooms() const;
    ServerCounters counters() const;
    /// Open connections now (welcomed or not); same as counters().clients.
    int clientCount() const;

Q_SIGNALS:
    void listeningChanged(bool listening);
    void clientConnected(quint64 clientId);
    void clientWelcomed(quint64 clientId, const QString &nick);
    /// After the socket is gone. info.end/closeCode/closeReason tell how it really ended.
    void clientDisconnected(const duplex::server::ClientInfo &info);
    /// A human sentence for the event list (connects, kicks, rate limits, errors...).
    void eventLogged(const QString &kind, const QString &text);
    /// Room membership changed (a join, leave, drop or resume). Views re-read rooms().
    void roomsChanged();
    /// A client's nick, agent or rooms changed. Views re-read client(clientId).
    void clientUpdated(quint64 clientId);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace duplex::server
