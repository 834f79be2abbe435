// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatServer: the HTTP polling transport (POST /v1/poll) and the live figures (GET
// /v1/stats) of protocol-v1-http.md. The poll session itself is a PollPeer; this file
// finds or makes it for each request and feeds it the request's messages.
#include "chatserver_p.h"

#include "pollrequest.h"

#include <codec.h>
#include <websocket.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace duplex::server {

using namespace proto;

namespace {

http::Response jsonResponse(const QByteArray &body)
{
    http::Response r;
    r.contentType = "application/json";
    r.body = body;
    return r;
}

/// Counts a poll that was refused before it reached a session.
void countRefused(PeerShared &shared, Transport mode, qint64 requestBytes, qint64 written)
{
    TransportCounters &t = shared.of(mode);
    ++t.requests;
    t.bytesIn += quint64(requestBytes);
    t.bytesOut += quint64(written);
}

} // namespace

void ChatServer::Private::addHttpRoutes()
{
    listener->router().addDeferredRoute(
        "/v1/poll", {"POST"},
        [this](const http::Request &request, QByteArrayView body, http::Router::Reply reply) {
            onPoll(request, body, reply);
        });
    listener->router().addRoute(
        "/v1/stats", {"GET", "HEAD"},
        [this](const http::Request &, QByteArrayView) { return jsonResponse(statsJson()); });
    // The other servers of a cluster (issue 17, `--peer`): the page fails over to them.
    listener->router().addRoute(
        "/v1/cluster", {"GET", "HEAD"}, [this](const http::Request &, QByteArrayView) {
            QJsonArray peers;
            for (const QString &url : engine.config.peerUrls)
                peers.append(url);
            return jsonResponse(QJsonDocument(QJsonObject {{QStringLiteral("peers"), peers}})
                                    .toJson(QJsonDocument::Compact));
        });
}

PollPeer *ChatServer::Private::newPollPeer(const http::Request &request)
{
    const ServerConfig &config = engine.config;
    PollPeer::Limits limits;
    limits.maxQueuedBytes = config.maxQueuedBytesPerClient;
    const qint64 now = Engine::nowMs();
    auto *c = new PollPeer(engine.nextId++, request.peerAddress, request.peerPort, limits,
                           &engine.shared, this, now);
    c->bucket = TokenBucket(config.ratePerSec, config.burst, now);
    engine.peers.emplace(c->id(), c);
    ++engine.shared.counters.connectionsTotal;
    engine.shared.counters.clients = int(engine.peers.size());
    engine.recorder.event(c, EventKind::Open,
                          tr("%1 started an HTTP polling session.")
                              .arg(endpointText(request.peerAddress, request.peerPort)));
    Q_EMIT q->clientConnected(c->id());
    QString why;
    if (!engine.admitConnection(c, &why)) {
        ++engine.shared.counters.rateLimited;
        engine.recorder.event(c, EventKind::Flood,
                              tr("%1: %2; closed with 1008.").arg(c->who(), why),
                              close::PolicyViolation);
        engine.sendError(c, ErrorCode::RateLimited, {}, why);
        c->stopDelivery(); // nothing of its messages is processed
    }
    return c;
}

void ChatServer::Private::onPoll(const http::Request &request, QByteArrayView body,
                                 const http::Router::Reply &reply)
{
    const qint64 requestBytes = request.headBytes + body.size();
    const PollParseResult parsed = parsePollRequest(body);
    if (const auto *bad = std::get_if<PollRequestError>(&parsed)) {
        const http::Response r = http::Response::error(400, "bad_request", bad->message);
        countRefused(engine.shared, Transport::Poll, requestBytes, reply(r));
        return;
    }
    const PollRequest &poll = std::get<PollRequest>(parsed);
    Transport mode = poll.waitMs > 0 ? Transport::LongPoll : Transport::Poll;
    const auto refuse = [&](const http::Response &r) {
        countRefused(engine.shared, mode, requestBytes, reply(r));
    };

    PollPeer *peer = nullptr;
    if (!poll.session.isEmpty()) {
        Session *s = engine.sessions.byToken(poll.session);
        if (!s || !s->peer || s->peer->kind() != Peer::Kind::Poll || s->peer->closing()) {
            refuse(sessionGone());
            return;
        }
        peer = static_cast<PollPeer *>(s->peer);
        // A long-polling client sends on the side (wait 0 with `send`, so the message does
        // not wait for its held poll): still long polling, in the figures and for the
        // class switch.
        if (mode == Transport::Poll && !poll.send.isEmpty() && peer->mode() == Transport::LongPoll)
            mode = Transport::LongPoll;
        peer->answerHeld(); // a newer poll answers the one held
    } else {
        if (!listener->isListening()) {
            refuse(http::Response::error(503, "shutting_down", tr("server shutting down")));
            return;
        }
        if (int(engine.peers.size()) >= engine.config.maxClients) {
            ++engine.shared.counters.errorsSent;
            engine.recorder.event(endpointText(request.peerAddress, request.peerPort),
                                  EventKind::Full,
                                  tr("Refused %1: the server is full (%n clients).", nullptr,
                                     engine.config.maxClients)
                                      .arg(endpointText(request.peerAddress, request.peerPort)),
                                  close::TryAgainLater);
            refuse(http::Response::error(503, "server_full",
                                         makeError(ErrorCode::ServerFull).message));
            return;
        }
        peer = newPollPeer(request);
    }

    const qint64 now = Engine::nowMs();
    peer->setMode(mode);
    peer->touch(now);
    if (poll.ack)
        peer->ack(*poll.ack);
    int taken = 0;
    for (const QByteArray &json : poll.send) {
        if (peer->closing())
            break;
        ++taken;
        handlers.onText(peer, json);
    }
    Q_EMIT q->clientUpdated(peer->id());

    if (!peer->session && handlers.waiting(peer->id())) {
        // Its hello waits for Redis (--redis): this poll is answered when it was, with the
        // session's token (or with why not).
        handlers.afterAnswer(peer->id(), [this, id = peer->id(), reply, requestBytes, taken, mode] {
            auto *p = static_cast<PollPeer *>(engine.find(id));
            if (!p || p->closing() || !p->session) {
                if (p) {
                    p->answer(reply, QString(), requestBytes, taken);
                    p->close(close::PolicyViolation, QStringLiteral("no hello"));
                } else {
                    countRefused(engine.shared, mode, requestBytes, reply(sessionGone()));
                }
                return;
            }
            p->answer(reply, p->session->token, requestBytes, taken);
        });
        return;
    }
    if (!peer->session) {
        // Not (or no longer) welcomed: this poll is its whole life. Its answer says why
        // (not_welcomed, bad_nick, rate_limited...), then it ends.
        peer->answer(reply, QString(), requestBytes, taken);
        peer->close(close::PolicyViolation, QStringLiteral("no hello")); // no-op if closed
        return;
    }
    if (peer->closing()) {
        // Closed while handling its messages (flooding): the session is over.
        refuse(sessionGone());
        return;
    }
    const QString token = peer->session->token;
    if (poll.waitMs == 0 || peer->hasMessages() || peer->switchDue()) {
        peer->answer(reply, token, requestBytes, taken);
        return;
    }
    // A held poll keeps the session alive: hold at most half the peer timeout.
    const int wait = qMin(poll.waitMs, qMax(1, engine.config.peerTimeoutMs / 2));
    peer->hold(reply, token, requestBytes, taken, wait);
}

bool ChatServer::expirePollSession(quint64 clientId)
{
    Engine &e = d->engine;
    Peer *p = e.find(clientId);
    if (!p || p->kind() != Peer::Kind::Poll || p->closing())
        return false;
    e.recorder.event(p, EventKind::Timeout, tr("%1: poll session expired.").arg(p->who()));
    p->drop(tr("poll session expired"));
    return true;
}

QByteArray ChatServer::Private::statsJson() const
{
    const TransportFigures f = q->transportFigures();
    QJsonObject transports;
    for (int i = 0; i < TransportCount; ++i) {
        const TransportCounters &t = f.transports[size_t(i)];
        QJsonObject o;
        o.insert(QLatin1String("clients"), t.clients);
        o.insert(QLatin1String("requests"), double(t.requests));
        o.insert(QLatin1String("emptyResponses"), double(t.emptyResponses));
        o.insert(QLatin1String("messagesIn"), double(t.messagesIn));
        o.insert(QLatin1String("messagesOut"), double(t.messagesOut));
        o.insert(QLatin1String("bytesIn"), double(t.bytesIn));
        o.insert(QLatin1String("bytesOut"), double(t.bytesOut));
        o.insert(QLatin1String("latencyP50Ms"), t.latency.percentileMs(50));
        o.insert(QLatin1String("latencyP99Ms"), t.latency.percentileMs(99));
        o.insert(QLatin1String("latencyCount"), double(t.latency.total()));
        transports.insert(transportStatsKey(Transport(i)), o);
    }
    QJsonObject root;
    root.insert(QLatin1String("uptimeMs"), double(f.uptimeMs));
    root.insert(QLatin1String("cpuMs"), double(f.cpuMs));
    QJsonObject cls;
    cls.insert(QLatin1String("mode"), transportModeName(f.classTransport.mode));
    cls.insert(QLatin1String("interval"), f.classTransport.intervalMs);
    root.insert(QLatin1String("classTransport"), cls);
    root.insert(QLatin1String("transports"), transports);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace duplex::server
