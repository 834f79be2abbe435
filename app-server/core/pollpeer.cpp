// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "pollpeer.h"

#include <QCoreApplication>
#include <QDateTime>

namespace duplex::server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// Whether a poll with this mode is what the class was told to use.
bool obeys(const ClassTransport &wanted, Transport mode)
{
    return wanted.mode != Transport::Push && wanted.mode == mode;
}

} // namespace

http::Response sessionGone()
{
    return http::Response::error(
        409, "session_gone",
        QCoreApplication::translate("duplex::server::PollPeer",
                                    "This session is gone (unknown, expired or taken over). "
                                    "Start again with hello."));
}

PollPeer::PollPeer(quint64 id, const QHostAddress &address, quint16 port, Limits limits,
                   PeerShared *shared, PeerObserver *observer, qint64 now)
    : Peer(id, shared)
    , m_observer(observer)
    , m_limits(limits)
{
    info.address = address;
    info.port = port;
    info.connectedSince = QDateTime::fromMSecsSinceEpoch(now);
    m_lastSeenMs = now;
    m_holdTimer.setSingleShot(true);
    QObject::connect(&m_holdTimer, &QTimer::timeout, &m_guard, [this] {
        if (!m_held)
            return;
        Held held = std::move(*m_held);
        m_held.reset();
        touch(nowMs());
        answer(held.reply, held.token, held.requestBytes, held.messagesIn);
    });
}

PollPeer::~PollPeer()
{
    forgetMailbox();
}

bool PollPeer::enqueue(const Frame &frame)
{
    m_mailbox.append(Entry {m_nextN++, frame.json(), frame.storedUs()});
    m_queued += frame.json().size();
    m_shared->queuedTotal += frame.json().size();
    // Nobody collects them: past the cap the session ends like a WebSocket that stopped
    // reading (reported on a later pass, never from inside a fan-out).
    if (m_queued > m_limits.maxQueuedBytes)
        stall();
    else
        wake();
    return true;
}

void PollPeer::wake()
{
    if (!m_held || m_wakePosted)
        return;
    // Everything a pass of the event loop delivers goes out in one response.
    m_wakePosted = true;
    QMetaObject::invokeMethod(
        &m_guard,
        [this] {
            m_wakePosted = false;
            if (!m_held || m_closing)
                return;
            Held held = std::move(*m_held);
            m_held.reset();
            m_holdTimer.stop();
            answer(held.reply, held.token, held.requestBytes, held.messagesIn);
        },
        Qt::QueuedConnection);
}

void PollPeer::ack(qint64 n)
{
    qsizetype done = 0;
    qint64 bytes = 0;
    while (done < m_mailbox.size() && m_mailbox.at(done).n <= n)
        bytes += m_mailbox.at(done++).json.size();
    if (done == 0)
        return;
    m_mailbox.remove(0, done);
    m_queued -= bytes;
    m_shared->queuedTotal -= bytes;
    if (m_mailbox.isEmpty())
        m_mailbox = {};
}

QByteArray PollPeer::responseBody(const QString &token) const
{
    QByteArray body;
    body.reserve(64 + m_queued + 16 * m_mailbox.size());
    if (token.isEmpty()) {
        body += "{\"messages\":[";
    } else {
        body += "{\"session\":\"";
        body += token.toLatin1(); // hex: nothing to escape
        body += "\",\"messages\":[";
    }
    bool first = true;
    for (const Entry &e : m_mailbox) {
        if (!first)
            body += ',';
        first = false;
        body += "{\"n\":";
        body += QByteArray::number(e.n);
        body += ",\"m\":";
        body += e.json;
        body += '}';
    }
    body += ']';
    if (switchDue()) {
        body += ",\"transport\":{\"type\":\"transport\",\"mode\":\"";
        body += transportModeName(m_wanted->mode).toLatin1();
        body += "\",\"interval\":";
        body += QByteArray::number(m_wanted->intervalMs);
        body += '}';
    }
    body += '}';
    return body;
}

bool PollPeer::answer(const http::Router::Reply &reply, const QString &token, qint64 requestBytes,
                      int messagesIn)
{
    const qint64 start = nowMs();
    if (m_wanted && obeys(*m_wanted, m_mode))
        m_wanted.reset(); // it switched: no need to say it again
    http::Response r;
    r.contentType = "application/json";
    r.body = responseBody(token);
    const qint64 bytesOut = reply(r); // as written: with or without `Connection: close`
    const bool written = bytesOut > 0;

    TransportCounters &t = m_shared->of(m_mode);
    ++t.requests;
    t.messagesIn += quint64(messagesIn);
    t.bytesIn += quint64(requestBytes);
    int fresh = 0;
    if (written) {
        t.bytesOut += quint64(bytesOut);
        if (m_mailbox.isEmpty())
            ++t.emptyResponses;
        qint64 now = 0;
        for (auto it = m_mailbox.crbegin(); it != m_mailbox.crend() && it->n > m_sentUpTo; ++it) {
            ++fresh;
            if (it->storedUs) {
                if (!now)
                    now = steadyMicros();
                t.latency.add(now - it->storedUs);
            }
        }
        t.messagesOut += quint64(fresh);
        if (!m_mailbox.isEmpty())
            m_sentUpTo = qMax(m_sentUpTo, m_mailbox.constLast().n);
    }
    if (activity) {
        ActivitySpan span;
        span.kind = ActivitySpan::Kind::PollRequest;
        span.startMs = start;
        span.endMs = nowMs();
        span.bytesIn = quint64(requestBytes);
        span.bytesOut = written ? quint64(bytesOut) : 0;
        span.messages = int(m_mailbox.size());
        activity->addSpan(span);
    }
    return written;
}

bool PollPeer::switchDue() const
{
    return m_wanted && !obeys(*m_wanted, m_mode);
}

void PollPeer::answerHeld()
{
    if (!m_held)
        return;
    m_holdTimer.stop();
    Held older = std::move(*m_held);
    m_held.reset();
    answer(older.reply, older.token, older.requestBytes, older.messagesIn);
}

void PollPeer::hold(http::Router::Reply reply, const QString &token, qint64 requestBytes,
                    int messagesIn, int waitMs)
{
    answerHeld(); // at most one held poll per session: the older one is answered now
    m_held = Held {std::move(reply), token, requestBytes, messagesIn, nowMs()};
    m_holdTimer.start(qMax(0, waitMs));
    if (hasNew())
        wake();
}

void PollPeer::releaseGone()
{
    m_holdTimer.stop();
    if (!m_held)
        return;
    Held held = std::move(*m_held);
    m_held.reset();
    TransportCounters &t = m_shared->of(m_mode);
    ++t.requests;
    t.bytesIn += quint64(held.requestBytes);
    const http::Response r = sessionGone();
    t.bytesOut += quint64(held.reply(r));
}

QList<QByteArray> PollPeer::takeUndelivered()
{
    QList<QByteArray> out;
    out.reserve(m_mailbox.size());
    for (const Entry &e : std::as_const(m_mailbox))
        out.append(e.json);
    forgetMailbox();
    return out;
}

void PollPeer::forgetMailbox()
{
    m_shared->queuedTotal -= m_queued;
    m_queued = 0;
    m_mailbox = {};
}

void PollPeer::stall()
{
    if (m_closing)
        return;
    m_closing = true;
    const qint64 waiting = m_queued;
    forgetMailbox();
    QMetaObject::invokeMethod(
        &m_guard, [this, waiting] { m_observer->peerStalled(this, waiting); },
        Qt::QueuedConnection);
}

void PollPeer::close(int code, const QString &reason)
{
    if (end().kind != EndKind::Open || hasEnded())
        return;
    m_closing = true;
    setEnd(EndKind::ClosedByServer, code, reason);
    releaseGone();
    forgetMailbox();
    finish();
}

void PollPeer::drop(const QString &why)
{
    m_closing = true;
    setEnd(EndKind::Dropped, 1006, why);
    releaseGone();
    forgetMailbox();
    finish();
}

void PollPeer::finish()
{
    if (m_finishPosted || hasEnded())
        return;
    m_finishPosted = true;
    // Never from inside the caller (a fan-out, a handler): the engine forgets it next pass.
    QMetaObject::invokeMethod(
        &m_guard,
        [this] {
            markEnded();
            m_observer->peerEnded(this);
        },
        Qt::QueuedConnection);
}

} // namespace duplex::server
