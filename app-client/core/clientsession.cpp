// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "clientsession.h"

#include <codec.h>
#include <duplex/version.h>
#include <names.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <cmath>

namespace duplex::client {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

ClientSession::ClientSession(QObject *parent)
    : ClientSession(Config {}, parent)
{
}

ClientSession::ClientSession(const Config &config, QObject *parent)
    : QObject(parent)
    , m_outbox([this](const OutboxEntry &e) { sendOutboxEntry(e); },
               [this] { return isSynchronized(); })
{
    qRegisterMetaType<duplex::client::FrameRecord>();
    qRegisterMetaType<duplex::client::OutboxEntry>();
    setConfig(config);
    if (m_config.agent.isEmpty())
        m_config.agent = QStringLiteral("duplex-client/" DUPLEX_VERSION_STRING);
    connect(&m_outbox, &Outbox::queued, this, &ClientSession::outboxQueued);
    connect(&m_outbox, &Outbox::waiting, this, &ClientSession::outboxWaiting);
    connect(&m_outbox, &Outbox::resent, this, &ClientSession::outboxResent);

    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        m_countdownTimer.stop();
        Q_EMIT reconnectCountdown(0);
        startConnect();
    });
    m_countdownTimer.setInterval(250);
    connect(&m_countdownTimer, &QTimer::timeout, this, [this] {
        const int left = reconnectSecondsLeft();
        if (left != m_lastCountdown) {
            m_lastCountdown = left;
            Q_EMIT reconnectCountdown(left);
        }
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &ClientSession::sendKeepAlivePing);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connecting || m_state == State::Handshaking) {
            m_lastError = tr("the server did not complete the handshake in time");
            simulateDrop();
        }
    });
}

ClientSession::~ClientSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
    // Every link (a finishing one too) lets go of its replies before the access manager,
    // their parent, is deleted with the other children.
    for (PollLink *p : findChildren<PollLink *>(QString(), Qt::FindDirectChildrenOnly)) {
        p->disconnect(this);
        p->stop();
    }
}

void ClientSession::sendKeepAlivePing()
{
    if (!m_socket || m_state != State::Online)
        return;
    // Three unanswered pings: the path is dead even if TCP has not noticed (half-open).
    if (m_lastPong.isValid() && m_lastPong.elapsed() > 3 * qint64(m_config.pingIntervalMs) + 1000) {
        m_lastError = tr("the server stopped answering pings");
        simulateDrop();
        return;
    }
    const QByteArray payload = QByteArray::number(++m_idCounter);
    m_socket->ping(payload);
    logFrame(FrameRecord::Direction::Out, FrameRecord::Kind::Ping, payload);
}

void ClientSession::setConfig(const Config &config)
{
    const QString agent = m_config.agent;
    m_config = config;
    if (m_config.agent.isEmpty())
        m_config.agent = agent;
    m_reconnectBackoff.setParams(
        {m_config.backoffInitialMs, m_config.backoffMaxMs, m_config.jitter});
    m_outbox.setBackoff(
        {m_config.rateBackoffInitialMs, m_config.rateBackoffMaxMs, m_config.jitter});
}

QString ClientSession::stateName(State state)
{
    switch (state) {
    case State::Disconnected: return tr("Disconnected");
    case State::Connecting: return tr("Connecting");
    case State::Handshaking: return tr("Handshaking");
    case State::Online: return tr("Online");
    case State::Reconnecting: return tr("Reconnecting");
    }
    return {};
}

int ClientSession::reconnectSecondsLeft() const
{
    if (m_state != State::Reconnecting || !m_reconnectClock.isValid())
        return 0;
    const qint64 left = m_reconnectDelayMs - m_reconnectClock.elapsed();
    return left <= 0 ? 0 : int((left + 999) / 1000);
}

QStringList ClientSession::rooms() const
{
    return m_rooms;
}

void ClientSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString ClientSession::nextId(const char *prefix)
{
    // The prefix only makes the inspector readable: replies are matched by m_requests.
    return QString::fromLatin1(prefix) + QLatin1Char('-') + QString::number(++m_idCounter);
}

void ClientSession::sendJoin(Request kind, const QString &id, const QString &room)
{
    m_requests.insert(id, {kind, room});
    sendMessage(proto::client::Join {id, room});
}

void ClientSession::forgetRequests(Request kind)
{
    m_requests.removeIf(
        [kind](const QHash<QString, SentRequest>::iterator &it) { return it->kind == kind; });
}

void ClientSession::open(const QUrl &url, const QString &nick)
{
    open(QList<QUrl> {url}, nick);
}

void ClientSession::open(const QList<QUrl> &urls, const QString &nick)
{
    QList<QUrl> list;
    for (const QUrl &u : urls) {
        if (u.isValid() && !list.contains(u))
            list.append(u);
    }
    if (list.isEmpty())
        return;
    // The same server (or cluster): any address in common with the current list.
    const bool sameServer = std::any_of(list.cbegin(), list.cend(), [this](const QUrl &u) {
        return u == m_url || m_urls.contains(u);
    });
    const QUrl url = sameServer && list.contains(m_url) ? m_url : list.first();
    if (!sameServer) {
        // Another server: its rooms, seqs and pending messages mean nothing there.
        m_rooms.clear();
        m_lastSeq.clear();
        m_outbox.clear();
        m_pendingJoins.clear();
        m_token.clear();
        m_welcomedUrl.clear();
    }
    if (proto::nickKey(nick) != proto::nickKey(m_nick))
        m_token.clear(); // a resume token would bring the old nick back
    // Another server or another nick: end the old server-side session at once (1000), so
    // the old nick is not held for the resume grace period. Same identity: drop it and
    // resume, as after a network failure.
    const bool sameIdentity = url == m_url && !m_token.isEmpty();
    m_url = url;
    m_urls = list;
    m_failedBeforeWelcome = 0;
    m_nick = nick;
    m_userClosed = false;
    m_retryReason.clear();
    m_everWelcomed = false;
    m_fatal = false;
    m_reconnectBackoff.reset();
    m_connections = 0;
    if (m_socket)
        retireSocket(!sameIdentity);
    retirePoll();
    startConnect();
}

void ClientSession::restoreResume(const QUrl &url, const QString &nick, const QString &token,
                                  const QStringList &rooms, const QHash<QString, qint64> &lastSeqs)
{
    if (m_state != State::Disconnected || m_socket)
        return;
    m_url = url;
    m_urls = {url};
    m_nick = nick;
    m_token = token;
    m_rooms = rooms;
    m_lastSeq = lastSeqs;
    m_pendingJoins.clear();
}

void ClientSession::close()
{
    m_userClosed = true;
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    m_pingTimer.stop();
    m_handshakeTimer.stop();
    m_outbox.connectionLost();
    m_synced = false;
    m_joinedNow.clear();
    if (m_socket)
        retireSocket(true);
    retirePoll();
    setState(State::Disconnected);
}

void ClientSession::closeAfterHelloError(bool ClientSession::*why)
{
    // We close (1000): the link's loss then goes through onLinkLost, which reads `why`.
    if (m_socket) {
        m_socket->setProperty("duplexSentClose", true);
        logFrame(FrameRecord::Direction::Out, FrameRecord::Kind::Close,
                 FrameLogModel::closePayload(QWebSocketProtocol::CloseCodeNormal, {}));
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    } else if (m_poll) {
        retirePoll();
        QTimer::singleShot(0, this, [this, why] {
            if (!m_poll && !m_socket && this->*why)
                onLinkLost(0, {});
        });
    }
}

void ClientSession::retirePoll()
{
    m_heldBack.clear(); // what it brought is not handled any more either
    if (PollLink *p = m_poll) {
        m_poll = nullptr;
        p->disconnect(this);
        p->stop();
        p->deleteLater();
    }
}

void ClientSession::retireSocket(bool graceful)
{
    QWebSocket *s = m_socket;
    m_socket = nullptr;
    s->disconnect(this);
    if (!graceful || s->state() != QAbstractSocket::ConnectedState) {
        s->abort();
        s->deleteLater();
        return;
    }
    // Let the close handshake finish before the socket goes; abort if the server never
    // answers it.
    ++m_closing;
    connect(s, &QObject::destroyed, this, [this] {
        if (--m_closing == 0)
            Q_EMIT connectionsClosed();
    });
    connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
    QTimer::singleShot(2000, s, [s] {
        s->abort();
        s->deleteLater();
    });
    logFrame(FrameRecord::Direction::Out, FrameRecord::Kind::Close,
             FrameLogModel::closePayload(QWebSocketProtocol::CloseCodeNormal, tr("bye")));
    s->close(QWebSocketProtocol::CloseCodeNormal, tr("bye"));
}

void ClientSession::reconnectNow()
{
    if (!m_url.isValid())
        return;
    if (m_state == State::Reconnecting || m_state == State::Disconnected) {
        m_userClosed = false;
        m_fatal = false;
        m_reconnectTimer.stop();
        m_countdownTimer.stop();
        startConnect();
    }
}

void ClientSession::simulateDrop()
{
    if (QWebSocket *s = m_socket) {
        s->abort();
        onDropped(s); // no-op when abort() already reported the drop
    } else if (m_poll) {
        retirePoll();
        onLinkLost(0, {});
    }
}

void ClientSession::startConnect()
{
    m_serverFull = false;
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    m_lastError.clear();
    if (m_transport != Transport::Push) {
        startPoll();
        return;
    }
    auto *s = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = s;
    // History replies can be large (200 messages of up to 4000 characters).
    s->setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    connect(s, &QWebSocket::connected, this, [this, s] { onConnected(s); });
    connect(s, &QWebSocket::disconnected, this, [this, s] { onDropped(s); });
    // Qt 6.4 names this signal error(); errorOccurred() only arrives in 6.5.
    connect(s, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this, s](QAbstractSocket::SocketError) {
                if (s != m_socket)
                    return;
                m_lastError = s->errorString();
                // Before the upgrade completes Qt does not always report `disconnected`.
                if (m_state == State::Connecting) {
                    s->abort();
                    onDropped(s);
                }
            });
    connect(s, &QWebSocket::textMessageReceived, this,
            [this, s](const QString &text) { onTextFrame(s, text); });
    connect(s, &QWebSocket::binaryMessageReceived, this, [this, s](const QByteArray &data) {
        if (s == m_socket)
            logFrame(FrameRecord::Direction::In, FrameRecord::Kind::Binary, data);
    });
    // Qt announces a close it starts: ours (logged where we close) or the answer to the
    // server's close frame, which then holds the server's code and reason.
    connect(s, &QWebSocket::aboutToClose, this, [this, s] {
        if (s == m_socket && !s->property("duplexSentClose").toBool())
            logFrame(FrameRecord::Direction::In, FrameRecord::Kind::Close,
                     FrameLogModel::closePayload(int(s->closeCode()), s->closeReason()));
    });
    connect(s, &QWebSocket::pong, this, [this, s](quint64 elapsed, const QByteArray &payload) {
        if (s != m_socket)
            return;
        m_lastPong.restart();
        m_rttMs = qint64(elapsed);
        logFrame(FrameRecord::Direction::In, FrameRecord::Kind::Pong, payload, m_rttMs);
        Q_EMIT rttChanged(m_rttMs);
    });

    setState(State::Connecting);
    m_handshakeTimer.start(m_config.handshakeTimeoutMs);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QString::fromLatin1(proto::Subprotocol)});
    s->open(m_url, options);
}

void ClientSession::onConnected(QWebSocket *s)
{
    if (s != m_socket && !(s == nullptr && m_poll))
        return;
    ++m_connections;
    setState(State::Handshaking);
    // A new connection: replies to requests sent on an earlier one never come here.
    m_requests.clear();
    proto::client::Hello hello;
    hello.id = nextId("hello");
    m_requests.insert(hello.id, {Request::Hello, {}});
    hello.nick = m_nick;
    hello.agent = m_config.agent;
    hello.resume = m_token;
    hello.code = m_joinCode;
    sendMessage(hello);
}

QString ClientSession::describeSocketError() const
{
    const QString host = m_url.toString(QUrl::RemoveUserInfo);
    const QString why = m_lastError.isEmpty() ? tr("the connection closed") : m_lastError;
    if (m_urls.size() > 1) {
        QStringList all;
        for (const QUrl &u : m_urls)
            all.append(u.toString(QUrl::RemoveUserInfo));
        return tr("None of the servers %1 is reachable (the last one, %2: %3). Check that the "
                  "servers are running, that the addresses and ports are the ones the server "
                  "windows show, and that no firewall blocks the ports.")
            .arg(all.join(QStringLiteral(", ")), host, why);
    }
    return tr("The server at %1 is not reachable (%2). Check that the server is running, that "
              "the address and port are the ones the server window shows (for example "
              "ws://192.168.1.20:8080), and that no firewall blocks the port.")
        .arg(host, why);
}

void ClientSession::onDropped(QWebSocket *s)
{
    if (s != m_socket)
        return;
    m_socket = nullptr;
    s->disconnect(this);
    const int code = int(s->closeCode());
    const QString reason = s->closeReason();
    s->abort();
    s->deleteLater();
    onLinkLost(code, reason);
}

void ClientSession::onLinkLost(int code, const QString &reason)
{
    m_pingTimer.stop();
    m_handshakeTimer.stop();
    m_outbox.connectionLost();
    m_synced = false;
    m_joinedNow.clear();
    m_requests.clear();

    if (m_userClosed) {
        setState(State::Disconnected);
        return;
    }
    if (m_fatal) {
        setState(State::Disconnected);
        Q_EMIT connectionEnded(m_fatalCode, m_fatalReason);
        return;
    }
    if (code == proto::close::Banned || code == proto::close::Locked) {
        // Class control: reconnecting would only be refused again.
        setState(State::Disconnected);
        Q_EMIT connectionEnded(0,
                               code == proto::close::Banned
                                   ? tr("You were removed from this server for a while.")
                                   : tr("The teacher has locked the server: nobody new can "
                                        "join right now."));
        return;
    }
    if (code == proto::close::Kicked || code == proto::close::TakenOver) {
        // Deliberate ends: reconnecting would undo a kick or fight the other window.
        const QString text = code == proto::close::Kicked
            ? tr("You were disconnected by the server operator: %1")
                  .arg(reason.isEmpty() ? tr("no reason given") : reason)
            : tr("This session was taken over by another connection.");
        setState(State::Disconnected);
        Q_EMIT connectionEnded(code, text);
        return;
    }
    if (std::exchange(m_helloRetry, false)) {
        scheduleReconnect(); // the server answered, but could not take the hello yet
        return;
    }
    if (!m_everWelcomed && !m_config.retryBeforeFirstWelcome) {
        // Several addresses: each gets its chance before the dialog says it failed (a
        // full server, too: another one of the cluster may have room).
        if (++m_failedBeforeWelcome < m_urls.size() && advanceUrl()) {
            startConnect();
            return;
        }
        setState(State::Disconnected);
        Q_EMIT connectionFailed(
            code == proto::close::TryAgainLater || m_serverFull
                ? tr("The server at %1 is full right now (it refused the connection "
                     "with code 1013). Try again in a minute, or ask the teacher to "
                     "raise its client limit.")
                      .arg(m_url.toString(QUrl::RemoveUserInfo))
                : describeSocketError());
        return;
    }
    scheduleReconnect();
}

bool ClientSession::advanceUrl()
{
    if (m_urls.size() < 2)
        return false;
    const qsizetype i = m_urls.indexOf(m_url);
    m_url = m_urls.at((i + 1) % m_urls.size());
    return true;
}

void ClientSession::scheduleReconnect()
{
    // A cluster: the next attempt goes to the next address (the one that dropped may be
    // the one that died); round robin, each attempt waiting the backoff's next delay.
    advanceUrl();
    m_reconnectDelayMs = m_reconnectBackoff.next();
    m_reconnectClock.start();
    m_lastCountdown = reconnectSecondsLeft();
    m_reconnectTimer.start(int(m_reconnectDelayMs));
    m_countdownTimer.start();
    setState(State::Reconnecting);
    m_lastCountdown = reconnectSecondsLeft();
    Q_EMIT reconnectCountdown(m_lastCountdown);
}

void ClientSession::logFrame(FrameRecord::Direction dir, FrameRecord::Kind kind,
                             const QByteArray &payload, qint64 rtt)
{
    FrameRecord r;
    r.timeMs = nowMs();
    r.direction = dir;
    r.kind = kind;
    r.payload = payload;
    r.size = payload.size();
    r.rttMs = rtt;
    switch (kind) {
    case FrameRecord::Kind::Text: r.type = proto::peekType(payload); break;
    case FrameRecord::Kind::Binary: r.type = QStringLiteral("binary"); break;
    case FrameRecord::Kind::Ping: r.type = QStringLiteral("ping (control)"); break;
    case FrameRecord::Kind::Pong: r.type = QStringLiteral("pong (control)"); break;
    case FrameRecord::Kind::Close: r.type = QStringLiteral("close (control)"); break;
    case FrameRecord::Kind::HttpRequest:
    case FrameRecord::Kind::HttpResponse: break; // logExchange() names those
    }
    Q_EMIT frameLogged(r);
}

void ClientSession::sendMessage(const proto::ClientMessage &message)
{
    if (m_poll) {
        m_poll->send(proto::encode(message)); // logged with its poll request
        return;
    }
    if (!m_socket)
        return;
    const QByteArray bytes = proto::encode(message);
    m_socket->sendTextMessage(QString::fromUtf8(bytes));
    logFrame(FrameRecord::Direction::Out, FrameRecord::Kind::Text, bytes);
}

void ClientSession::sendOutboxEntry(const OutboxEntry &entry)
{
    if (entry.kind == OutboxEntry::Kind::Say)
        sendMessage(proto::client::Say {entry.id, entry.target, entry.text});
    else
        sendMessage(proto::client::Whisper {entry.id, entry.target, entry.text});
}

QString ClientSession::say(const QString &room, const QString &text)
{
    return m_outbox.add(OutboxEntry::Kind::Say, room, text);
}

QString ClientSession::whisper(const QString &to, const QString &text)
{
    return m_outbox.add(OutboxEntry::Kind::Whisper, to, text);
}

QString ClientSession::join(const QString &room)
{
    const QString id = nextId("join");
    if (m_state == State::Online && m_synced)
        sendJoin(Request::Join, id, room);
    else
        m_pendingJoins.insert(room);
    return id;
}

QString ClientSession::leave(const QString &room)
{
    const QString id = nextId("leave");
    m_rooms.removeAll(room);
    m_pendingJoins.remove(room);
    if (m_state == State::Online)
        sendMessage(proto::client::Leave {id, room});
    return id;
}

void ClientSession::setTyping(const QString &room, bool on)
{
    if (m_state == State::Online)
        sendMessage(proto::client::Typing {QString(), room, on});
}

QString ClientSession::requestHistory(const QString &room, std::optional<qint64> before,
                                      std::optional<qint64> after, int limit)
{
    const QString id = nextId("history");
    if (m_state == State::Online)
        sendMessage(proto::client::History {id, room, before, after, limit});
    return id;
}

QString ClientSession::changeNick(const QString &nick)
{
    const QString id = nextId("nick");
    if (m_state == State::Online)
        sendMessage(proto::client::Nick {id, nick});
    else
        m_nick = nick; // used by the next hello
    return id;
}

QString ClientSession::requestRooms()
{
    const QString id = nextId("rooms");
    if (m_state == State::Online)
        sendMessage(proto::client::Rooms {id});
    return id;
}

QString ClientSession::sendAppPing(std::optional<double> t)
{
    const QString id = nextId("ping");
    if (m_state == State::Online)
        sendMessage(proto::client::Ping {id, t});
    return id;
}

void ClientSession::onTextFrame(QWebSocket *s, const QString &text)
{
    if (s != m_socket)
        return;
    const QByteArray bytes = text.toUtf8();
    logFrame(FrameRecord::Direction::In, FrameRecord::Kind::Text, bytes);
    handleIncoming(bytes);
}

void ClientSession::handleIncoming(const QByteArray &bytes)
{
    if (proto::peekType(bytes) == QLatin1String("transport")) {
        applyServerTransport(bytes);
        return;
    }
    const proto::ServerDecodeResult result = proto::decodeServer(QByteArrayView(bytes));
    if (const auto *message = std::get_if<proto::ServerMessage>(&result))
        dispatch(*message);
    // A frame we cannot decode is visible in the inspector; there is nothing to act on.
}

void ClientSession::dispatch(const proto::ServerMessage &message)
{
    namespace ps = proto::server;
    if (const auto *w = std::get_if<ps::Welcome>(&message)) {
        const bool nickDiffers = w->nick != m_nick;
        m_nick = w->nick;
        m_token = w->session;
        m_serverName = w->server;
        m_limits = w->limits;
        m_outbox.setServerRate(m_limits.ratePerSec);
        m_everWelcomed = true;
        m_retryReason.clear();
        m_reconnectBackoff.reset();
        m_handshakeTimer.stop();
        // Catch up from what we had seen when the connection was made, not from what the
        // resumed rooms' recent history is about to bring.
        forgetRequests(Request::CatchUp);
        forgetRequests(Request::Sync);
        const QString syncId = nextId("sync");
        m_requests.insert(syncId, {Request::Sync, {}});
        m_synced = false;
        m_lastPong.start();
        m_pingTimer.start(m_config.pingIntervalMs);
        setState(State::Online);
        const QUrl previous = m_welcomedUrl;
        m_welcomedUrl = m_url;
        if (nickDiffers)
            Q_EMIT nickChanged(m_nick);
        Q_EMIT welcomed(*w);
        if (previous.isValid() && previous != m_url)
            Q_EMIT serverSwitched(m_url);
        // The server answers in order: when this pong comes back, the joined/history
        // replies of the hello (resumed rooms) have all arrived.
        m_catchUpFrom = m_lastSeq;
        sendMessage(proto::client::Ping {syncId, std::nullopt});
        sendKeepAlivePing(); // an RTT right away, not after the first interval
    } else if (const auto *j = std::get_if<ps::Joined>(&message)) {
        if (!m_rooms.contains(j->room))
            m_rooms.append(j->room);
        m_joinedNow.insert(j->room);
        m_pendingJoins.remove(j->room);
        Q_EMIT joined(*j);
    } else if (const auto *l = std::get_if<ps::Left>(&message)) {
        m_rooms.removeAll(l->room);
        m_joinedNow.remove(l->room);
        m_lastSeq.remove(l->room);
        m_seenSeqs.remove(l->room);
        Q_EMIT left(*l);
    } else if (const auto *m = std::get_if<ps::Message>(&message)) {
        qint64 &last = m_lastSeq[m->room];
        last = std::max(last, m->seq);
        const bool mine = !m->re.isEmpty() && m_outbox.take(m->re);
        // Across a transport switch a message can come twice (written to the old link and
        // delivered again on the new one): report it once.
        QSet<qint64> &seen = m_seenSeqs[m->room];
        const bool again = m->seq > 0 && seen.contains(m->seq);
        if (m->seq > 0 && !again) {
            seen.insert(m->seq);
            if (seen.size() > 2000)
                seen.removeIf([floor = last - 1000](qint64 seq) { return seq < floor; });
        }
        if (!again)
            Q_EMIT messageReceived(*m);
        if (mine)
            Q_EMIT outboxDelivered(m->re);
    } else if (const auto *h = std::get_if<ps::History>(&message)) {
        qint64 newest = 0;
        for (const ps::Message &hm : h->messages)
            newest = std::max(newest, hm.seq);
        if (newest > 0) {
            qint64 &last = m_lastSeq[h->room];
            last = std::max(last, newest);
        }
        // Copied, not an iterator: a slot of historyReset() below may send requests.
        const auto request = m_requests.constFind(h->re);
        const std::optional<SentRequest> sent
            = request == m_requests.cend() ? std::nullopt : std::optional<SentRequest>(*request);
        const std::optional<Request> kind
            = sent ? std::optional<Request>(sent->kind) : std::nullopt;
        // The history that follows a hello or join is the room's newest page. If it ends
        // below what we have seen, the server lost its history (a new database): seqs start
        // again at 1, and the old numbers must not make us drop the new messages.
        const bool joinPage
            = kind == Request::Hello || kind == Request::Join || kind == Request::Rejoin;
        if (joinPage && newest < m_catchUpFrom.value(h->room, 0)) {
            m_lastSeq[h->room] = newest;
            m_catchUpFrom[h->room] = newest;
            m_seenSeqs.remove(h->room);
            Q_EMIT historyReset(h->room);
        }
        QSet<qint64> &seen = m_seenSeqs[h->room];
        for (const ps::Message &hm : h->messages)
            seen.insert(hm.seq);
        if (kind == Request::Join || kind == Request::Rejoin) {
            m_requests.remove(h->re); // its last reply (a hello's pages keep coming)
        } else if (kind == Request::CatchUp) {
            const QString room = sent->room;
            m_requests.remove(h->re);
            // A full page means there may be more: page on from its newest message.
            if (h->messages.size() >= proto::limits::HistoryMax && newest > 0) {
                const QString id = nextId("catchup");
                m_requests.insert(id, {Request::CatchUp, room});
                sendMessage(proto::client::History {id, room, std::nullopt, newest,
                                                    proto::limits::HistoryMax});
            }
        }
        Q_EMIT historyReceived(*h);
    } else if (const auto *wh = std::get_if<ps::Whisper>(&message)) {
        const bool mine = !wh->re.isEmpty() && m_outbox.take(wh->re);
        Q_EMIT whisperReceived(*wh);
        if (mine)
            Q_EMIT outboxDelivered(wh->re);
    } else if (const auto *p = std::get_if<ps::Presence>(&message)) {
        if (p->event == ps::PresenceEvent::Nick && proto::nickKey(p->old) == proto::nickKey(m_nick)
            && p->nick != m_nick) {
            m_nick = p->nick;
            Q_EMIT nickChanged(m_nick);
        }
        Q_EMIT presenceReceived(*p);
    } else if (const auto *t = std::get_if<ps::Typing>(&message)) {
        Q_EMIT typingReceived(*t);
    } else if (const auto *r = std::get_if<ps::Rooms>(&message)) {
        Q_EMIT roomsReceived(*r);
    } else if (const auto *pong = std::get_if<ps::Pong>(&message)) {
        const auto request = m_requests.constFind(pong->re);
        if (request != m_requests.cend() && request->kind == Request::Sync) {
            m_requests.erase(request);
            onSynced();
        }
        Q_EMIT pongReceived(*pong);
    } else if (const auto *n = std::get_if<ps::Notice>(&message)) {
        Q_EMIT noticeReceived(*n);
    } else if (const auto *e = std::get_if<ps::Error>(&message)) {
        const auto request = m_requests.constFind(e->re);
        const std::optional<Request> kind
            = request == m_requests.cend() ? std::nullopt : std::optional<Request>(request->kind);
        const bool toHello = kind == Request::Hello;
        if (toHello && m_state == State::Handshaking && e->code == proto::ErrorCode::Internal) {
            // Not a refusal: the server cannot take a hello right now (a cluster server
            // that lost Redis). Close and try again with the backoff, saying why; never
            // give up on it, not even before the first welcome.
            m_helloRetry = true;
            m_retryReason = describeError(*e);
            m_lastError = m_retryReason;
            Q_EMIT errorReceived(*e);
            closeAfterHelloError(&ClientSession::m_helloRetry);
            return;
        }
        const bool classRefusal = e->code == proto::ErrorCode::BadCode
            || e->code == proto::ErrorCode::Banned || e->code == proto::ErrorCode::Locked;
        if (toHello && m_state == State::Handshaking
            && (e->code == proto::ErrorCode::NickTaken || e->code == proto::ErrorCode::BadNick
                || classRefusal)) {
            m_fatal = true;
            m_fatalCode = 0;
            m_fatalReason = classRefusal || e->held ? describeError(*e)
                : e->code == proto::ErrorCode::NickTaken
                ? tr("The nickname \u201c%1\u201d is taken on this server. Pick another one. (%2)")
                      .arg(m_nick, e->message)
                : tr("The server refused the nickname \u201c%1\u201d: %2").arg(m_nick, e->message);
            Q_EMIT errorReceived(*e);
            closeAfterHelloError(&ClientSession::m_fatal);
            return;
        }
        if (e->code == proto::ErrorCode::ServerFull)
            m_serverFull = true; // the close (1013) follows
        // A refused join or catch-up page gets no history: this error is its last reply.
        if (kind && kind != Request::Hello && kind != Request::Sync)
            m_requests.remove(e->re);
        if (e->code == proto::ErrorCode::RateLimited && !e->re.isEmpty()) {
            // Not a failure: the server dropped it and asks us to slow down.
            m_outbox.rateLimited(e->re, e->retryAfter);
        } else if (!e->re.isEmpty() && m_outbox.take(e->re)) {
            Q_EMIT outboxFailed(e->re, *e);
        }
        Q_EMIT errorReceived(*e);
    }
}

void ClientSession::onSynced()
{
    // Rooms the server did not give back (a new session after a server restart or an
    // expired token): join them again.
    for (const QString &room : std::as_const(m_rooms)) {
        if (!m_joinedNow.contains(room))
            sendJoin(Request::Rejoin, nextId("rejoin"), room);
    }
    for (const QString &room : std::as_const(m_pendingJoins)) {
        if (!m_rooms.contains(room))
            sendJoin(Request::Join, nextId("join"), room);
    }
    m_pendingJoins.clear();
    // Everything said while we were away, in pages, merged by seq on arrival.
    for (const QString &room : std::as_const(m_rooms)) {
        const qint64 from = m_catchUpFrom.value(room, 0);
        if (from <= 0)
            continue;
        const QString id = nextId("catchup");
        m_requests.insert(id, {Request::CatchUp, room});
        sendMessage(
            proto::client::History {id, room, std::nullopt, from, proto::limits::HistoryMax});
    }
    m_synced = true;
    m_outbox.sendAll();
    Q_EMIT synchronized();
}

QString ClientSession::describeError(const proto::server::Error &e)
{
    using proto::ErrorCode;
    switch (e.code) {
    case ErrorCode::BadCode:
        return tr("This server needs a join code, and the one you gave is missing or wrong. "
                  "Ask your teacher for it and enter it under \u201cJoin code\u201d.");
    case ErrorCode::Banned:
        return e.until > 0
            ? tr("You were removed from this server until %1. Ask your teacher if you think "
                 "this is a mistake.")
                  .arg(QDateTime::fromMSecsSinceEpoch(e.until).toString(QStringLiteral("HH:mm")))
            : tr("You were removed from this server for a while.");
    case ErrorCode::Muted: return tr("You are muted by the teacher: your message was not sent.");
    case ErrorCode::RoomLocked:
        return tr("This room is locked by the teacher: you cannot join it right now.");
    case ErrorCode::Locked:
        return tr("The teacher has locked the server: nobody new can join right now. Try again "
                  "later.");
    case ErrorCode::RateLimited:
        if (e.retryAfter > 0) {
            const int seconds = int((e.retryAfter + 999) / 1000);
            return tr("Slow mode: one message every few seconds in this room. Wait %n more "
                      "second(s).",
                      nullptr, seconds);
        }
        break;
    case ErrorCode::NickTaken:
        if (e.held)
            return tr("This nickname belongs to a connection of yours that dropped: your "
                      "previous connection is still held; reconnecting resumes it. Otherwise "
                      "wait two minutes or ask the teacher to free the nickname.");
        break;
    default: break;
    }
    return e.message.isEmpty() ? proto::errorCodeName(e.code) : e.message;
}

} // namespace duplex::client

namespace duplex::client {

QString ClientSession::transportName(Transport transport, int pollIntervalMs)
{
    switch (transport) {
    case Transport::Push: return tr("Push (WebSocket)");
    case Transport::LongPoll: return tr("Long polling");
    case Transport::Poll: return tr("Polling every %1 ms").arg(pollIntervalMs);
    }
    return {};
}

QUrl ClientSession::pollUrl(const QUrl &serverUrl)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                             : QStringLiteral("http"));
    url.setPath(QStringLiteral("/v1/poll"));
    url.setQuery(QString());
    url.setFragment(QString());
    if (url.port() < 0)
        url.setPort(url.scheme() == QLatin1String("https") ? 443 : 80);
    return url;
}

void ClientSession::setTransport(Transport transport, int pollIntervalMs)
{
    pollIntervalMs = qBound(50, pollIntervalMs, 60000);
    if (transport == m_transport
        && (transport != Transport::Poll || pollIntervalMs == m_pollIntervalMs))
        return;
    const bool wasPush = m_transport == Transport::Push;
    m_transport = transport;
    if (transport == Transport::Poll)
        m_pollIntervalMs = pollIntervalMs;
    Q_EMIT transportChanged(m_transport, m_pollIntervalMs);
    const bool toPush = transport == Transport::Push;
    if (m_poll && !toPush) {
        m_poll->setTiming(transport == Transport::LongPoll ? m_config.longPollWaitMs : 0,
                          m_pollIntervalMs);
        return;
    }
    if (wasPush == toPush || m_state == State::Disconnected || m_state == State::Reconnecting)
        return; // the next connection uses it
    switchLink();
}

void ClientSession::switchLink()
{
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_outbox.connectionLost();
    m_synced = false;
    m_joinedNow.clear();
    m_requests.clear();
    if (QWebSocket *s = m_socket) {
        m_socket = nullptr;
        drainSocket(s);
        startConnect();
        return;
    }
    if (PollLink *p = m_poll) {
        // Acknowledge what the poll brought before the WebSocket takes the session over, so
        // the server does not deliver it again there.
        m_poll = nullptr;
        setState(State::Connecting);
        p->finish([this, p] {
            p->disconnect(this);
            p->deleteLater();
            if (m_state == State::Connecting && !m_socket && !m_poll && !m_userClosed)
                startConnect();
        });
        return;
    }
    startConnect();
}

void ClientSession::drainSocket(QWebSocket *s)
{
    s->disconnect(this);
    if (s->state() != QAbstractSocket::ConnectedState) {
        s->abort();
        s->deleteLater();
        return;
    }
    connect(s, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QByteArray bytes = text.toUtf8();
        logFrame(FrameRecord::Direction::In, FrameRecord::Kind::Text, bytes);
        handleIncoming(bytes);
    });
    connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
    // Until it has closed, what the poll brings waits (releaseHeldBack()).
    releaseHeldBack(); // an older one left behind is over
    m_draining = s;
    connect(s, &QWebSocket::disconnected, this, &ClientSession::releaseHeldBack);
    connect(s, &QObject::destroyed, this, &ClientSession::releaseHeldBack);
    // The server closes it (4000) when the new transport's hello takes the session over.
    QTimer::singleShot(5000, s, [s] {
        s->abort();
        s->deleteLater();
    });
}

void ClientSession::releaseHeldBack()
{
    m_draining.clear();
    while (!m_heldBack.isEmpty() && !m_draining)
        handleIncoming(m_heldBack.takeFirst());
}

void ClientSession::startPoll()
{
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        // No proxy: the server is on the local network (and tests run on 127.0.0.1).
        m_nam->setProxy(QNetworkProxy::NoProxy);
    }
    auto *p = new PollLink(m_nam, pollUrl(m_url), this);
    m_poll = p;
    p->setUserAgent(m_config.agent.toUtf8());
    p->setTiming(m_transport == Transport::LongPoll ? m_config.longPollWaitMs : 0,
                 m_pollIntervalMs);
    connect(p, &PollLink::opened, this, [this, p] {
        if (p == m_poll)
            onConnected(nullptr);
    });
    // A link finishing after a switch still hands over what it brings. While the WebSocket
    // it replaces still delivers, it waits behind that.
    connect(p, &PollLink::received, this, [this](const QByteArray &bytes) {
        if (m_draining && m_draining->state() != QAbstractSocket::UnconnectedState)
            m_heldBack.append(bytes);
        else
            handleIncoming(bytes);
    });
    connect(p, &PollLink::transportRequested, this, [this, p](const QByteArray &json) {
        if (p == m_poll)
            applyServerTransport(json);
    });
    connect(p, &PollLink::failed, this,
            [this, p](bool gone, const QString &error) { onPollFailed(p, gone, error); });
    connect(p, &PollLink::exchangeLogged, this, &ClientSession::logExchange);
    connect(p, &PollLink::roundTrip, this, [this, p](qint64 ms) {
        if (p != m_poll || m_state != State::Online)
            return;
        m_rttMs = ms;
        Q_EMIT rttChanged(ms);
    });
    setState(State::Connecting);
    m_handshakeTimer.start(m_config.handshakeTimeoutMs);
    p->start();
}

void ClientSession::onPollFailed(PollLink *p, bool sessionGone, const QString &error)
{
    if (p != m_poll)
        return;
    m_poll = nullptr;
    p->disconnect(this);
    p->deleteLater();
    m_lastError = error;
    if (sessionGone && !m_userClosed && !m_fatal && m_everWelcomed) {
        // The server forgot this poll session (expired, or the server restarted): hello
        // again with resume at once. Twice within 10 s means another window keeps taking
        // this session over: end here, as a WebSocket does on 4000, instead of fighting.
        const bool again = m_lastSessionGone.isValid() && m_lastSessionGone.elapsed() < 10000;
        m_lastSessionGone.start();
        if (again) {
            m_fatal = true;
            m_fatalCode = proto::close::TakenOver;
            m_fatalReason = tr("This session was taken over by another connection.");
        } else {
            m_pingTimer.stop();
            m_handshakeTimer.stop();
            m_outbox.connectionLost();
            m_synced = false;
            m_joinedNow.clear();
            m_requests.clear();
            startConnect();
            return;
        }
    }
    onLinkLost(0, {});
}

void ClientSession::logExchange(const PollExchange &x)
{
    FrameRecord r;
    r.timeMs = nowMs();
    r.direction = x.response ? FrameRecord::Direction::In : FrameRecord::Direction::Out;
    r.kind = x.response ? FrameRecord::Kind::HttpResponse : FrameRecord::Kind::HttpRequest;
    r.payload = x.body;
    r.head = x.head;
    r.size = x.head.size() + x.body.size();
    if (!x.response) {
        const QString what = x.waitMs > 0 ? tr("long poll") : tr("poll");
        r.type = x.sends.isEmpty() ? what : what + QStringLiteral(" + ") + x.sends.join(u", ");
    } else if (x.status == 0) {
        r.type = tr("poll failed");
    } else if (x.status != 200) {
        r.type = tr("poll: HTTP %1").arg(x.status);
    } else {
        // The singular spelled out: the program has no English catalog for plural forms.
        r.type = x.messages == 0 ? tr("poll: empty")
            : x.messages == 1    ? tr("poll: 1 message")
                                 : tr("poll: %n messages", nullptr, x.messages);
        r.rttMs = x.elapsed;
    }
    Q_EMIT frameLogged(r);
}

void ClientSession::applyServerTransport(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const QString mode = o.value(QStringLiteral("mode")).toString();
    const int interval = o.value(QStringLiteral("interval")).toInt(m_pollIntervalMs);
    Transport t;
    if (mode == QLatin1String("push"))
        t = Transport::Push;
    else if (mode == QLatin1String("poll"))
        t = Transport::Poll;
    else if (mode == QLatin1String("long-poll"))
        t = Transport::LongPoll;
    else
        return; // a mode this client does not know: keep what it has
    const int ms = t == Transport::Poll && interval > 0 ? interval : m_pollIntervalMs;
    if (t == m_transport && (t != Transport::Poll || ms == m_pollIntervalMs))
        return;
    // Switch from the event loop: this message may be one of several in a poll answer.
    QTimer::singleShot(0, this, [this, t, ms] {
        Q_EMIT transportRequestedByServer(t, ms);
        setTransport(t, ms);
    });
}

} // namespace duplex::client
