// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "polllink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QScopeGuard>

namespace duplex::client {

namespace {
/// How long past `wait` a poll may take before it counts as lost.
constexpr int GraceMs = 15000;
const char *const StartedProperty = "duplexPollStarted";
const char *const WaitProperty = "duplexPollWait";
/// The poll that only acknowledges before another transport takes over.
const char *const LastProperty = "duplexPollLast";
} // namespace

PollLink::PollLink(QNetworkAccessManager *nam, const QUrl &pollUrl, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_url(pollUrl)
{
    qRegisterMetaType<duplex::client::PollExchange>();
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_pollDue = true;
        pump();
    });
}

PollLink::~PollLink()
{
    stop();
}

void PollLink::setTiming(int waitMs, int intervalMs)
{
    const bool wasLong = m_waitMs > 0;
    m_waitMs = qBound(0, waitMs, 30000);
    m_intervalMs = qMax(50, intervalMs);
    if (!m_started || m_stopped || m_finishing)
        return;
    if (m_waitMs > 0) {
        m_tick.stop();
        m_pollDue = true;
    } else {
        m_tick.start(m_intervalMs);
        // A held long poll would keep a short-polling client waiting: answer it by asking
        // again (the server answers the held one at once).
        if (wasLong && m_heldReply)
            m_pollDue = true;
    }
    pump();
}

void PollLink::start()
{
    m_started = true;
    QTimer::singleShot(0, this, [this] {
        if (m_stopped)
            return;
        Q_EMIT opened();
        if (m_waitMs == 0)
            m_tick.start(m_intervalMs);
        pump();
    });
}

void PollLink::send(const QByteArray &json)
{
    if (m_stopped || m_finishing)
        return;
    m_queue.append(json);
    if (m_delivering) {
        // Replies to the messages still being handed over: send after them, so this poll
        // acknowledges the whole answer (and the server does not send part of it again).
        if (!m_pumpQueued) {
            m_pumpQueued = true;
            QTimer::singleShot(0, this, [this] {
                m_pumpQueued = false;
                pump();
            });
        }
        return;
    }
    pump();
}

void PollLink::stop()
{
    m_stopped = true;
    m_tick.stop();
    const QSet<QNetworkReply *> replies = m_replies;
    m_replies.clear();
    m_sendReply = nullptr;
    m_heldReply = nullptr;
    for (QNetworkReply *r : replies) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

void PollLink::finish(std::function<void()> done)
{
    if (m_stopped) {
        if (done)
            done();
        return;
    }
    m_finishing = true;
    m_done = std::move(done);
    m_tick.stop();
    m_queue.clear(); // the outbox sends them again on the next transport
    if (QNetworkReply *held = m_heldReply) {
        m_heldReply = nullptr;
        m_replies.remove(held);
        held->disconnect(this);
        held->abort();
        held->deleteLater();
    }
    if (m_replies.isEmpty()) {
        m_finalPosted = true;
        post(false);
    }
}

void PollLink::pump()
{
    if (!m_started || m_stopped || m_finishing)
        return;
    if (!m_queue.isEmpty() && !m_sendReply) {
        post(true);
        return;
    }
    if (!m_replies.isEmpty() && !(m_waitMs == 0 && m_pollDue && m_heldReply))
        return; // a poll is out; its answer brings what there is
    if (m_waitMs > 0 || m_pollDue)
        post(false);
}

QByteArray PollLink::requestHead(const QNetworkRequest &request, qint64 bodySize)
{
    QByteArray head = "POST " + request.url().path(QUrl::FullyEncoded).toLatin1();
    if (request.url().hasQuery())
        head += '?' + request.url().query(QUrl::FullyEncoded).toLatin1();
    head += " HTTP/1.1\r\n";
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        head += name + ": " + request.rawHeader(name) + "\r\n";
    // QNAM adds Content-Length itself when the request does not set it.
    if (!request.hasRawHeader("Content-Length"))
        head += "Content-Length: " + QByteArray::number(bodySize) + "\r\n";
    head += "\r\n";
    return head;
}

QByteArray PollLink::responseHead(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return {};
    const QByteArray reason
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const auto &pair : reply->rawHeaderPairs())
        head += pair.first + ": " + pair.second + "\r\n";
    head += "\r\n";
    return head;
}

void PollLink::post(bool withSends, bool last)
{
    QJsonObject body;
    if (!m_session.isEmpty())
        body.insert(QStringLiteral("session"), m_session);
    PollExchange out;
    if (withSends) {
        QJsonArray sends;
        for (const QByteArray &json : std::as_const(m_queue)) {
            const QJsonObject o = QJsonDocument::fromJson(json).object();
            out.sends.append(o.value(QStringLiteral("type")).toString());
            sends.append(o);
        }
        m_queue.clear();
        body.insert(QStringLiteral("send"), sends);
    }
    body.insert(QStringLiteral("ack"), m_lastN);
    const int wait = withSends || m_finishing ? 0 : m_waitMs;
    body.insert(QStringLiteral("wait"), wait);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);

    QNetworkRequest request(m_url);
    // Every header set here, so that the head we log is the head on the wire (QNAM adds
    // Accept-Encoding, Accept-Language, User-Agent and Connection only when they are unset).
    const QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    request.setRawHeader("Host",
                         (m_url.host().contains(QLatin1Char(':')) ? '[' + host + ']' : host) + ':'
                             + QByteArray::number(m_url.port(80)));
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Content-Length", QByteArray::number(bytes.size()));
    request.setRawHeader("Connection", "Keep-Alive");
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("Accept-Language", "en");
    request.setRawHeader("User-Agent", m_agent);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(wait + GraceMs);

    out.head = requestHead(request, bytes.size());
    out.body = bytes;
    out.waitMs = wait;
    ++m_requests;
    QNetworkReply *reply = m_nam->post(request, bytes);
    QElapsedTimer clock;
    clock.start();
    reply->setProperty(StartedProperty, clock.msecsSinceReference());
    reply->setProperty(WaitProperty, wait);
    if (last)
        reply->setProperty(LastProperty, true);
    m_replies.insert(reply);
    if (withSends)
        m_sendReply = reply;
    else if (wait > 0)
        m_heldReply = reply;
    if (!withSends)
        m_pollDue = false;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    Q_EMIT exchangeLogged(out);
}

void PollLink::onFinished(QNetworkReply *reply)
{
    if (!m_replies.remove(reply))
        return;
    reply->deleteLater();
    if (reply == m_sendReply)
        m_sendReply = nullptr;
    if (reply == m_heldReply)
        m_heldReply = nullptr;
    QPointer<PollLink> self(this);

    PollExchange in;
    in.response = true;
    in.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    in.head = responseHead(reply);
    in.body = reply->readAll();
    QElapsedTimer now;
    now.start();
    in.elapsed = now.msecsSinceReference() - reply->property(StartedProperty).toLongLong();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(in.body, &parseError);
    const QJsonObject object = doc.object();
    const QJsonArray messages = object.value(QStringLiteral("messages")).toArray();
    in.messages = int(messages.size());
    Q_EMIT exchangeLogged(in);
    if (!self)
        return;

    QString error;
    if (in.status == 409) {
        m_stopped = true;
        stop();
        Q_EMIT failed(true, tr("the server no longer knows this session (409)"));
        return;
    }
    if (in.status == 0 || reply->error() != QNetworkReply::NoError)
        error = reply->errorString();
    else if (in.status != 200)
        error = tr("the server answered the poll with HTTP %1").arg(in.status);
    else if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        error = tr("the server's poll answer is not a JSON object");
    if (!error.isEmpty()) {
        if (m_finishing) {
            m_finishing = false;
            stop();
            if (auto done = std::move(m_done))
                done();
            return;
        }
        stop();
        Q_EMIT failed(false, error);
        return;
    }

    if (reply->property(WaitProperty).toInt() == 0)
        Q_EMIT roundTrip(in.elapsed);
    if (!self)
        return;
    const QString session = object.value(QStringLiteral("session")).toString();
    if (!session.isEmpty())
        m_session = session;
    // The acknowledging poll's answer stays unacknowledged, and the server moves every
    // unacknowledged message to the transport whose hello resumes the session: taken here
    // as well, a whisper or notice that arrived just before the switch came twice.
    const bool last = reply->property(LastProperty).toBool();
    for (const QJsonValue &v : last ? QJsonArray() : messages) {
        const QJsonObject entry = v.toObject();
        const qint64 n = entry.value(QStringLiteral("n")).toInteger();
        if (n > m_lastN && entry.value(QStringLiteral("m")).isObject())
            m_buffer.insert(n,
                            QJsonDocument(entry.value(QStringLiteral("m")).toObject())
                                .toJson(QJsonDocument::Compact));
    }
    const bool finishing = m_finishing;
    deliver(m_replies.isEmpty());
    if (!self || m_stopped)
        return;
    const QJsonValue transport = object.value(QStringLiteral("transport"));
    if (transport.isObject()) {
        Q_EMIT transportRequested(
            QJsonDocument(transport.toObject()).toJson(QJsonDocument::Compact));
        if (!self || m_stopped)
            return;
    }
    if (finishing) {
        if (!m_replies.isEmpty())
            return; // the send still out; then the last poll acknowledges its answer too
        if (!m_finalPosted) {
            m_finalPosted = true;
            post(false);
            return;
        }
        if (!last && !messages.isEmpty()) {
            post(false, true); // acknowledges what that one brought
            return;
        }
        m_finishing = false;
        stop();
        if (auto done = std::move(m_done))
            done();
        return;
    }
    pump();
}

void PollLink::deliver(bool all)
{
    QPointer<PollLink> self(this);
    m_delivering = true;
    const auto done = qScopeGuard([&] {
        if (self)
            m_delivering = false;
    });
    while (!m_buffer.isEmpty()) {
        auto first = m_buffer.begin();
        // Another poll is still out: it may carry the messages of a gap. Wait for it.
        if (first.key() != m_lastN + 1 && !all)
            return;
        const QByteArray json = first.value();
        m_lastN = first.key();
        m_buffer.erase(first);
        Q_EMIT received(json);
        if (!self || m_stopped)
            return;
    }
}

} // namespace duplex::client
