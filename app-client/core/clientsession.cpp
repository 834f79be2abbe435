// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "clientsession.h"

#include <codec.h>
#include <duplex/version.h>
#include <names.h>

#include <QDateTime>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

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
    if (url != m_url) {
        // Another server: its rooms, seqs and pending messages mean nothing there.
        m_rooms.clear();
        m_lastSeq.clear();
        m_outbox.clear();
        m_pendingJoins.clear();
        m_token.clear();
    }
    if (proto::nickKey(nick) != proto::nickKey(m_nick))
        m_token.clear(); // a resume token would bring the old nick back
    // Another server or another nick: end the old server-side session at once (1000), so
    // the old nick is not held for the resume grace period. Same identity: drop it and
    // resume, as after a network failure.
    const bool sameIdentity = url == m_url && !m_token.isEmpty();
    m_url = url;
    m_nick = nick;
    m_userClosed = false;
    m_everWelcomed = false;
    m_fatal = false;
    m_reconnectBackoff.reset();
    m_connections = 0;
    if (m_socket)
        retireSocket(!sameIdentity);
    startConnect();
}

void ClientSession::restoreResume(const QUrl &url, const QString &nick, const QString &token,
                                  const QStringList &rooms, const QHash<QString, qint64> &lastSeqs)
{
    if (m_state != State::Disconnected || m_socket)
        return;
    m_url = url;
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
    setState(State::Disconnected);
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
    }
}

void ClientSession::startConnect()
{
    m_serverFull = false;
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    m_lastError.clear();
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
    if (s != m_socket)
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
    sendMessage(hello);
}

QString ClientSession::describeSocketError() const
{
    const QString host = m_url.toString(QUrl::RemoveUserInfo);
    const QString why = m_lastError.isEmpty() ? tr("the connection closed") : m_lastError;
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
    if (!m_everWelcomed && !m_config.retryBeforeFirstWelcome) {
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

void ClientSession::scheduleReconnect()
{
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
    }
    Q_EMIT frameLogged(r);
}

void ClientSession::sendMessage(const proto::ClientMessage &message)
{
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
        if (nickDiffers)
            Q_EMIT nickChanged(m_nick);
        Q_EMIT welcomed(*w);
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
        Q_EMIT left(*l);
    } else if (const auto *m = std::get_if<ps::Message>(&message)) {
        qint64 &last = m_lastSeq[m->room];
        last = std::max(last, m->seq);
        const bool mine = !m->re.isEmpty() && m_outbox.take(m->re);
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
            Q_EMIT historyReset(h->room);
        }
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
        if (toHello && m_state == State::Handshaking
            && (e->code == proto::ErrorCode::NickTaken || e->code == proto::ErrorCode::BadNick)) {
            m_fatal = true;
            m_fatalCode = 0;
            m_fatalReason = e->code == proto::ErrorCode::NickTaken
                ? tr("The nickname \u201c%1\u201d is taken on this server. Pick another one. (%2)")
                      .arg(m_nick, e->message)
                : tr("The server refused the nickname \u201c%1\u201d: %2").arg(m_nick, e->message);
            Q_EMIT errorReceived(*e);
            if (m_socket) {
                m_socket->setProperty("duplexSentClose", true);
                logFrame(FrameRecord::Direction::Out, FrameRecord::Kind::Close,
                         FrameLogModel::closePayload(QWebSocketProtocol::CloseCodeNormal, {}));
                m_socket->close(QWebSocketProtocol::CloseCodeNormal);
            }
            return;
        }
        if (e->code == proto::ErrorCode::ServerFull)
            m_serverFull = true; // the close (1013) follows
        // A refused join or catch-up page gets no history: this error is its last reply.
        if (kind && kind != Request::Hello && kind != Request::Sync)
            m_requests.remove(e->re);
        if (e->code == proto::ErrorCode::RateLimited && !e->re.isEmpty()) {
            // Not a failure: the server dropped it and asks us to slow down.
            m_outbox.rateLimited(e->re);
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

} // namespace duplex::client
