// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "backoff.h"
#include "framelogmodel.h"
#include "outbox.h"
#include "polllink.h"

#include <protocol.h>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QWebSocket;

namespace duplex::client {

/// The client end of one chat connection: a QWebSocket speaking protocol v1 with an
/// explicit state machine, automatic reconnect with backoff, resume, catch-up history and
/// an outbox, so that nothing typed or said is lost or doubled.
///
/// States: Disconnected -> Connecting (TCP + HTTP upgrade) -> Handshaking (socket open,
/// `hello` sent, no `welcome` yet) -> Online. An unexpected drop goes to Reconnecting
/// (a countdown to the next attempt), then Connecting again.
class ClientSession final : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Handshaking, Online, Reconnecting };
    Q_ENUM(State)
    /// How messages travel (protocol-v1-http.md): a WebSocket the server pushes into, or
    /// `POST /v1/poll` asked every poll interval (`wait: 0`) or held by the server (long).
    enum class Transport { Push, Poll, LongPoll };
    Q_ENUM(Transport)

    struct Config {
        int backoffInitialMs = 1000;          ///< first retry delay; doubles per failed attempt
        int backoffMaxMs = Backoff::LanMaxMs; ///< a LAN: never wait longer than ~5 s
        double jitter = 0.2;       ///< +-20 % so a restarted server is not hit in lockstep
        int pingIntervalMs = 5000; ///< WebSocket ping for the RTT (and liveness)
        int handshakeTimeoutMs = 10000;
        /// After a rate_limited refusal: first wait before resending; doubles while the
        /// server keeps refusing (jittered like the reconnect), reset by a delivery.
        int rateBackoffInitialMs = 1000;
        int rateBackoffMaxMs = 16000;
        /// Retry even when the very first attempt fails (otherwise connectionFailed is
        /// emitted and the session stays Disconnected, for the connect dialog).
        bool retryBeforeFirstWelcome = false;
        QString agent;              ///< sent in hello; default "duplex-client/VERSION"
        int longPollWaitMs = 25000; ///< `wait` of a long poll (the server holds it so long)
    };

    explicit ClientSession(QObject *parent = nullptr);
    ClientSession(const Config &config, QObject *parent = nullptr);
    ~ClientSession() override;

    Config config() const { return m_config; }
    void setConfig(const Config &config);

    State state() const { return m_state; }
    static QString stateName(State state);
    /// A server's refusal in plain words for students (class control included: join code,
    /// ban with its end, mute, locks, slow mode, a nick held for a dropped connection).
    static QString describeError(const proto::server::Error &error);
    /// The join code sent in every new hello (empty: none).
    void setJoinCode(const QString &code) { m_joinCode = code; }
    QString joinCode() const { return m_joinCode; }
    bool isOnline() const { return m_state == State::Online; }
    /// Online and caught up: rooms rejoined, catch-up requested, outbox flushed.
    bool isSynchronized() const { return m_state == State::Online && m_synced; }
    /// The server this session is on (or tries next); one of urls().
    QUrl url() const { return m_url; }
    /// Every address of the server (several for a cluster, issue 17), in failover order.
    QList<QUrl> urls() const { return m_urls; }
    /// The first of urls(): what the session is known by (SessionMemory keys on it).
    QUrl homeUrl() const { return m_urls.value(0, m_url); }
    /// The nick (the server's answer once welcomed, else the requested one).
    QString nick() const { return m_nick; }
    QString serverName() const { return m_serverName; }
    /// Why the session is waiting to try again although the server answered (it could not
    /// take the hello: `internal`, e.g. a cluster server without Redis); empty otherwise.
    QString retryReason() const { return m_retryReason; }
    QString sessionToken() const { return m_token; }
    proto::server::Limits limits() const { return m_limits; }
    /// Last measured round trip in ms (-1 before the first pong).
    qint64 rttMs() const { return m_rttMs; }
    /// Seconds until the next reconnect attempt (0 when not Reconnecting).
    int reconnectSecondsLeft() const;
    /// Rooms this session is (or wants to be, after a reconnect) in.
    QStringList rooms() const;
    /// The highest seq seen in a room (0 when none).
    qint64 lastSeq(const QString &room) const { return m_lastSeq.value(room, 0); }
    QList<OutboxEntry> outbox() const { return m_outbox.entries(); }
    /// Connections made since open() (1 after the first connect).
    int connectionCount() const { return m_connections; }
    /// Closed connections whose close handshake is still running (at most 2 s each).
    int closingConnections() const { return m_closing; }

    // --- transport ----------------------------------------------------------------------
    Transport transport() const { return m_transport; }
    /// The short-polling period in ms (used when transport() is Poll).
    int pollIntervalMs() const { return m_pollIntervalMs; }
    /// "Push (WebSocket)", "Long polling" or "Polling every 500 ms".
    static QString transportName(Transport transport, int pollIntervalMs);
    /// Picks the transport. While connected, the session moves over at once and resumes
    /// (hello with `resume` on the new transport): nick, rooms and seqs continue, and
    /// nothing is lost or doubled. Between Poll and LongPoll only the timing changes.
    void setTransport(Transport transport, int pollIntervalMs = 500);
    /// The `POST /v1/poll` address for a ws:// or wss:// server address.
    static QUrl pollUrl(const QUrl &serverUrl);

    // --- connection ---------------------------------------------------------------------
    /// Connects to url as nick. Rooms, seqs and the outbox of a previous open() are kept
    /// when the url is the same, so a deliberate reconnect loses nothing either.
    void open(const QUrl &url, const QString &nick);
    /// The same for a cluster: several addresses of servers that share rooms (issue 17).
    /// It connects to the first (or stays on the current one when it is in the list); when
    /// a connection drops it tries the next address, round robin, with the reconnect
    /// backoff, and resumes there with its token (a server that does not know the token
    /// welcomes it as new: the rooms are joined again and caught up by seq). Before the
    /// first welcome every address is tried once before connectionFailed.
    void open(const QList<QUrl> &urls, const QString &nick);
    /// Closes with 1000 (ends the server-side session at once); no reconnect.
    void close();
    /// What a previous run of the client knew about this server and nick (see
    /// SessionMemory): the next open(url, nick) sends `token` as `resume`, rejoins `rooms`
    /// the server does not give back, and catches up from `lastSeqs`. Only while
    /// Disconnected; ignored otherwise.
    void restoreResume(const QUrl &url, const QString &nick, const QString &token,
                       const QStringList &rooms, const QHash<QString, qint64> &lastSeqs);
    /// The highest seq seen per room.
    QHash<QString, qint64> lastSeqs() const { return m_lastSeq; }
    /// Skips the remaining backoff and tries now (also from Disconnected after a failure).
    void reconnectNow();
    /// Drops the TCP connection without a close frame, as a network failure would (tests,
    /// and the "simulate drop" menu item that shows reconnect/resume in class).
    void simulateDrop();

    // --- one command per client->server message (each returns its request id) ----------
    /// Queued in the outbox; sent now when online, else after the next welcome.
    QString say(const QString &room, const QString &text);
    QString whisper(const QString &to, const QString &text);
    QString join(const QString &room);
    QString leave(const QString &room);
    void setTyping(const QString &room, bool on);
    QString requestHistory(const QString &room, std::optional<qint64> before = std::nullopt,
                           std::optional<qint64> after = std::nullopt,
                           int limit = proto::limits::HistoryDefault);
    QString changeNick(const QString &nick);
    QString requestRooms();
    QString sendAppPing(std::optional<double> t = std::nullopt);

Q_SIGNALS:
    void stateChanged(duplex::client::ClientSession::State state);
    /// Every reconnect countdown tick (seconds left, 0 when the attempt starts).
    void reconnectCountdown(int secondsLeft);
    void rttChanged(qint64 ms);
    /// The transport changed (the user's pick, or the server's `transport` message).
    void transportChanged(duplex::client::ClientSession::Transport transport, int pollIntervalMs);
    /// The server asked for another transport with its `transport` message and the
    /// session followed (emitted before transportChanged).
    void transportRequestedByServer(duplex::client::ClientSession::Transport transport,
                                    int pollIntervalMs);
    void nickChanged(const QString &nick);
    /// Welcomed by another address of urls() than the last welcome (failover): url is the
    /// server the session is on now. Emitted after welcomed().
    void serverSwitched(const QUrl &url);
    /// The first attempt failed (no reconnect follows; see Config::retryBeforeFirstWelcome).
    /// `reason` is a human sentence that says what to check.
    void connectionFailed(const QString &reason);
    /// The connection ended for good: kicked (4001), taken over (4000) or refused nick.
    void connectionEnded(int closeCode, const QString &reason);
    /// The server's history of a room ends below the last seq we saw: it was restarted on
    /// a new database and numbers the room from 1 again. Emitted before that history.
    void historyReset(const QString &room);
    /// After the post-welcome sync: rooms rejoined, catch-up asked, outbox flushed.
    void synchronized();
    /// The last closing connection finished its close handshake (or was aborted after
    /// 2 s): a program may exit now without the server taking the exit for a drop.
    void connectionsClosed();

    void welcomed(const duplex::proto::server::Welcome &welcome);
    void joined(const duplex::proto::server::Joined &joined);
    void left(const duplex::proto::server::Left &left);
    void messageReceived(const duplex::proto::server::Message &message);
    void historyReceived(const duplex::proto::server::History &history);
    void whisperReceived(const duplex::proto::server::Whisper &whisper);
    void presenceReceived(const duplex::proto::server::Presence &presence);
    void typingReceived(const duplex::proto::server::Typing &typing);
    void roomsReceived(const duplex::proto::server::Rooms &rooms);
    void pongReceived(const duplex::proto::server::Pong &pong);
    void noticeReceived(const duplex::proto::server::Notice &notice);
    void errorReceived(const duplex::proto::server::Error &error);

    void outboxQueued(const duplex::client::OutboxEntry &entry);
    void outboxDelivered(const QString &id);
    void outboxFailed(const QString &id, const duplex::proto::server::Error &error);
    /// The server refused the entry with rate_limited (it dropped it): it stays in the
    /// outbox and is resent with the same id in about retryInMs.
    void outboxWaiting(const QString &id, int retryInMs);
    /// A waiting entry went on the wire again.
    void outboxResent(const QString &id);

    /// Every frame in and out, pings and pongs included (for the inspector).
    void frameLogged(const duplex::client::FrameRecord &record);

private:
    void setState(State state);
    void startConnect();
    void onConnected(QWebSocket *socket);
    void onDropped(QWebSocket *socket);
    /// What every lost link has in common (WebSocket closed, poll failed).
    void onLinkLost(int code, const QString &reason);
    void startPoll();
    void onPollFailed(PollLink *link, bool sessionGone, const QString &error);
    void logExchange(const PollExchange &exchange);
    /// One server message from either transport (a text frame or a poll entry).
    void handleIncoming(const QByteArray &bytes);
    void applyServerTransport(const QByteArray &json);
    /// Moves a live session to the other kind of link (WebSocket <-> polling).
    void switchLink();
    /// A WebSocket left behind by a switch: its frames are still read (the server flushes
    /// what it had written before the takeover closes it), then it goes.
    void drainSocket(QWebSocket *socket);
    /// The old WebSocket is gone: what the new link brought meanwhile is handled now.
    void releaseHeldBack();
    void retirePoll();
    /// After a refused hello: closes the link; `why` (m_fatal or m_helloRetry) tells
    /// onLinkLost what to do next.
    void closeAfterHelloError(bool ClientSession::*why);
    void onTextFrame(QWebSocket *socket, const QString &text);
    void onSynced();
    void scheduleReconnect();
    /// Moves m_url to the next address of m_urls (round robin); false with one address.
    bool advanceUrl();
    void sendKeepAlivePing();
    void retireSocket(bool graceful);
    void sendMessage(const proto::ClientMessage &message);
    void sendOutboxEntry(const OutboxEntry &entry);
    void logFrame(FrameRecord::Direction dir, FrameRecord::Kind kind, const QByteArray &payload,
                  qint64 rtt = -1);
    void dispatch(const proto::ServerMessage &message);
    QString nextId(const char *prefix);
    /// What a request this session sent was for: its replies carry its id in `re`.
    enum class Request { Hello, Sync, Join, Rejoin, CatchUp };
    /// Sends a join and remembers its id (Join or Rejoin).
    void sendJoin(Request kind, const QString &id, const QString &room);
    void forgetRequests(Request kind);
    void endForGood(int code, const QString &reason);
    QString describeSocketError() const;

    Config m_config;
    State m_state = State::Disconnected;
    QWebSocket *m_socket = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    PollLink *m_poll = nullptr;
    /// The WebSocket a switch to polling left behind, while it still delivers what the
    /// server wrote to it before the takeover, and what the poll brought meanwhile (handled
    /// after it, in order: else the new session's join history could bring such a message
    /// first, and it would not be reported live).
    QPointer<QWebSocket> m_draining;
    QList<QByteArray> m_heldBack;
    Transport m_transport = Transport::Push;
    int m_pollIntervalMs = 500;
    QElapsedTimer m_lastSessionGone;
    /// Seqs seen per room lately: a message that comes again across a switch is not
    /// reported twice.
    QHash<QString, QSet<qint64>> m_seenSeqs;
    QUrl m_url;
    QList<QUrl> m_urls; ///< m_url is one of them
    QUrl m_welcomedUrl; ///< where the last welcome came from (serverSwitched)
    int m_failedBeforeWelcome = 0;
    QString m_nick;
    QString m_serverName;
    QString m_token;
    QString m_joinCode;
    proto::server::Limits m_limits;
    bool m_synced = false;
    bool m_userClosed = false;
    bool m_everWelcomed = false;
    bool m_fatal = false;
    bool m_helloRetry = false; ///< the hello got `internal`: reconnect with the backoff
    QString m_retryReason;
    bool m_serverFull = false;
    int m_fatalCode = 0;
    QString m_fatalReason;
    QString m_lastError;
    Backoff m_reconnectBackoff;
    int m_connections = 0;
    int m_closing = 0;
    quint64 m_idCounter = 0;
    qint64 m_rttMs = -1;

    QStringList m_rooms;          ///< wanted rooms, in join order
    QSet<QString> m_joinedNow;    ///< rooms confirmed on this connection
    QSet<QString> m_pendingJoins; ///< asked while offline
    QHash<QString, qint64> m_lastSeq;
    struct SentRequest {
        Request kind;
        QString room; ///< Join, Rejoin, CatchUp
    };
    /// Requests sent on the current connection whose replies the session acts on, by id.
    /// Hello and Sync live as long as the connection; a join until its history (or error);
    /// a catch-up page until its reply.
    QHash<QString, SentRequest> m_requests;
    QHash<QString, qint64> m_catchUpFrom; ///< last seqs when the current connection began
    Outbox m_outbox;

    QTimer m_reconnectTimer;
    QTimer m_countdownTimer;
    QTimer m_pingTimer;
    QTimer m_handshakeTimer;
    QElapsedTimer m_reconnectClock;
    qint64 m_reconnectDelayMs = 0;
    QElapsedTimer m_lastPong;
    int m_lastCountdown = -1;
};

} // namespace duplex::client
