// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "wsconnection.h"

#include <websocket.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace duplex::server {

namespace {

/// How long a closing connection may take to answer our close frame before we abort it.
constexpr int CloseGraceMs = 2000;
/// Our frames go to a socket only while it holds less than this (refilled on bytesWritten):
/// the rest waits in the connection's queue as shared references, not as copies.
constexpr qint64 LowWaterBytes = 64 * 1024;
/// Queued frames are joined into one write (one send() on an unbuffered socket) up to this.
constexpr qint64 CoalesceBytes = 64 * 1024;

/// The header of a masked client frame with this payload (one frame per message).
qint64 clientFrameHeader(qint64 payload)
{
    return 2 + 4 + (payload > 65535 ? 8 : payload > 125 ? 2 : 0);
}

/// The JSON inside one of our (unmasked) server frames.
QByteArray payloadOf(const QByteArray &frame)
{
    if (frame.size() < 2)
        return {};
    const int len7 = quint8(frame.at(1)) & 0x7f;
    const qsizetype header = len7 == 127 ? 10 : len7 == 126 ? 4 : 2;
    return frame.mid(header);
}

#ifdef Q_OS_UNIX
/// A closing connection's socket after Qt let go of it (see WsConnection::linger()). Owned
/// by the engine's FlushScheduler, so it never outlives the engine.
class Lingerer final : public QObject
{
public:
    Lingerer(int fd, QTcpSocket *tcp, FlushScheduler *owner, ServerCounters *counters)
        : QObject(owner)
        , m_fd(fd)
        , m_owner(owner)
        , m_counters(counters)
        , m_notifier(fd, QSocketNotifier::Read, this)
    {
        ++m_owner->lingering;
        ++m_counters->closesPending;
        QObject::connect(&m_notifier, &QSocketNotifier::activated, this, [this] { drain(); });
        // Qt has written everything (the close frame last) or given up: now our FIN.
        QObject::connect(tcp, &QAbstractSocket::disconnected, this, [this] { halfClose(); });
        QObject::connect(tcp, &QObject::destroyed, this, [this] { halfClose(); });
        QTimer::singleShot(CloseGraceMs, this, [this] { finish(false); });
    }
    ~Lingerer() override
    {
        if (!m_done) {
            --m_owner->lingering;
            --m_counters->closesPending;
        }
        m_notifier.setEnabled(false);
        ::close(m_fd);
    }

private:
    void halfClose()
    {
        if (!m_shut) {
            m_shut = true;
            ::shutdown(m_fd, SHUT_WR);
        }
    }
    void drain()
    {
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0)
                continue;
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return;
            // 0: the peer closed its side after our close frame; an error: it is gone.
            finish(n == 0);
            return;
        }
    }
    void finish(bool answered)
    {
        if (m_done)
            return;
        m_done = true;
        m_notifier.setEnabled(false);
        --m_owner->lingering;
        --m_counters->closesPending;
        ++(answered ? m_counters->closesAnswered : m_counters->closesUnanswered);
        deleteLater();
    }

    int m_fd;
    FlushScheduler *m_owner;
    ServerCounters *m_counters;
    QSocketNotifier m_notifier;
    bool m_shut = false;
    bool m_done = false;
};
#endif

} // namespace

// --- FlushScheduler ----------------------------------------------------------------------

FlushScheduler::~FlushScheduler()
{
#ifdef Q_OS_UNIX
    // The lingering sockets are children: delete them now, while this is still a
    // FlushScheduler (their destructor counts them out of `lingering`), not from ~QObject
    // after this part is gone (UBSan: member access on a destroyed object).
    const QObjectList kids = children();
    for (QObject *o : kids) {
        if (dynamic_cast<Lingerer *>(o))
            delete o;
    }
#endif
}

void FlushScheduler::schedule(WsConnection *c)
{
    if (!c->m_flushListed) {
        c->m_flushListed = true;
        m_list.push_back(c);
    }
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(
            this, [this] { flushAll(); }, Qt::QueuedConnection);
    }
}

void FlushScheduler::forget(WsConnection *c)
{
    if (!c->m_flushListed)
        return;
    c->m_flushListed = false;
    // Rare (a connection ending with frames still listed): a linear scan is fine.
    std::replace(m_list.begin(), m_list.end(), c, static_cast<WsConnection *>(nullptr));
}

void FlushScheduler::flushAll()
{
    m_posted = false;
    std::vector<WsConnection *> list;
    list.swap(m_list);
    for (WsConnection *c : list) {
        if (!c)
            continue;
        c->m_flushListed = false;
        c->pump(false);
    }
}

// --- WsConnection ------------------------------------------------------------------------

WsConnection::WsConnection(quint64 id, QWebSocket *socket, QTcpSocket *tcp, Limits limits,
                           PeerShared *shared, FlushScheduler *flush, PeerObserver *observer,
                           qint64 nowMs)
    : Peer(id, shared)
    , m_socket(socket)
    , m_tcp(tcp)
    , m_flush(flush)
    , m_observer(observer)
    , m_limits(limits)
{
    m_socket->setParent(nullptr);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits.maxBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits.maxBytes));
    info.address = socket->peerAddress();
    info.port = socket->peerPort();
    info.connectedSince = QDateTime::currentDateTime();
    m_lastSeenMs = nowMs;

    // The socket is the context: these go with it.
    m_links[0] = QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                                  [this](const QString &message) {
                                      if (m_closing)
                                          return;
                                      touch(QDateTime::currentMSecsSinceEpoch());
                                      const QByteArray json = message.toUtf8();
                                      countIn(json.size());
                                      m_observer->peerText(this, json);
                                  });
    m_links[1] = QObject::connect(socket, &QWebSocket::binaryMessageReceived, socket,
                                  [this](const QByteArray &data) {
                                      if (m_closing)
                                          return;
                                      touch(QDateTime::currentMSecsSinceEpoch());
                                      countIn(data.size());
                                      m_observer->peerBinary(this, data);
                                  });
    m_links[2] = QObject::connect(socket, &QWebSocket::pong, socket,
                                  [this](quint64 elapsed, const QByteArray &) {
                                      info.rttMs = int(qMin<quint64>(elapsed, 1u << 30));
                                      // A masked pong without payload: 6 bytes.
                                      m_shared->of(Transport::Push).bytesIn += 6;
                                      touch(QDateTime::currentMSecsSinceEpoch());
                                  });
    m_links[3]
        = QObject::connect(socket, &QWebSocket::aboutToClose, socket, [this] { onAboutToClose(); });
    m_links[4]
        = QObject::connect(socket, &QWebSocket::disconnected, socket, [this] { onDisconnected(); });
    if (auto *direct = dynamic_cast<DirectTcpSocket *>(tcp))
        direct->setControlGate(this);
    if (m_tcp) {
        // The kernel took some bytes: refill from our queue (on the next pass, not from
        // inside our own write, which emits this synchronously on an unbuffered socket).
        // What Qt writes by itself (a pong for every ping) also counts against the cap:
        // checked on every read, before Qt's reader (queued) answers what was read.
        m_links[6] = QObject::connect(m_tcp, &QTcpSocket::readyRead, socket, [this] {
            if (queuedBytes() > m_limits.maxQueuedBytes)
                stall();
        });
        m_links[5] = QObject::connect(m_tcp, &QTcpSocket::bytesWritten, socket, [this](qint64) {
            if (!m_pumping && m_queued > 0 && !m_closing)
                m_flush->schedule(this);
        });
    }
}

WsConnection::~WsConnection()
{
    m_flush->forget(this);
    dropQueue();
    if (m_socket) {
        unlink();
        if (!hasEnded()) {
            // The engine is going away with the connection still open.
            m_socket->abort();
            delete m_socket;
        } else {
            m_socket->deleteLater();
        }
    }
}

bool WsConnection::enqueue(const Frame &frame)
{
    if (!m_tcp)
        return false;
    const QByteArray &wire = frame.wire();
    m_queue.append(wire);
    m_stored.append(frame.storedUs());
    m_queued += wire.size();
    m_shared->queuedTotal += wire.size();
    m_flush->schedule(this);
    // Bytes the peer has not taken yet (our queue + the socket's buffer): past the cap this
    // peer is not reading, and keeping on buffering would grow without bound.
    if (queuedBytes() > m_limits.maxQueuedBytes)
        stall();
    return true;
}

void WsConnection::stall()
{
    if (m_closing)
        return;
    m_closing = true;
    const qint64 waiting = queuedBytes();
    dropQueue(); // it will never read them: free the references now
    // Never from inside a fan-out: the engine closes it on the next pass.
    QTimer::singleShot(0, m_socket, [this, waiting] { m_observer->peerStalled(this, waiting); });
}

qint64 WsConnection::queuedBytes() const
{
    return m_queued + (m_tcp ? m_tcp->bytesToWrite() : 0);
}

void WsConnection::dropQueue()
{
    m_shared->queuedTotal -= m_queued;
    m_queue = {};
    m_stored = {};
    m_queued = 0;
}

QList<QByteArray> WsConnection::takeUndelivered()
{
    QList<QByteArray> out;
    out.reserve(m_queue.size());
    for (const QByteArray &frame : std::as_const(m_queue))
        out.append(payloadOf(frame));
    dropQueue();
    return out;
}

void WsConnection::wrote(qint64 bytes, const QList<qint64> &stored, qsizetype from, qsizetype count)
{
    TransportCounters &t = m_shared->of(Transport::Push);
    t.bytesOut += quint64(bytes);
    t.messagesOut += quint64(count);
    if (activity && activity->ticking())
        activity->addTick({QDateTime::currentMSecsSinceEpoch(), true, quint32(bytes)});
    qint64 now = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        if (const qint64 at = stored.at(i)) {
            if (!now)
                now = steadyMicros();
            t.latency.add(now - at);
        }
    }
}

void WsConnection::countIn(qint64 payload)
{
    TransportCounters &t = m_shared->of(Transport::Push);
    ++t.messagesIn;
    t.bytesIn += quint64(payload + clientFrameHeader(payload));
    if (activity && activity->ticking())
        activity->addTick({QDateTime::currentMSecsSinceEpoch(), false,
                           quint32(payload + clientFrameHeader(payload))});
}

void WsConnection::pump(bool all)
{
    if (m_closing && !all) {
        dropQueue(); // nothing more of ours goes out after close()
        return;
    }
    const QPointer<QTcpSocket> tcp = m_tcp;
    m_pumping = true;
    while (tcp && !hasEnded() && !m_queue.isEmpty()
           && (all || tcp->bytesToWrite() < LowWaterBytes)) {
        qint64 written = 0;
        qsizetype frames = 1;
        if (m_queue.size() == 1 || m_queue.constFirst().size() >= CoalesceBytes) {
            const QByteArray frame = m_queue.takeFirst();
            m_queued -= frame.size();
            m_shared->queuedTotal -= frame.size();
            written = tcp->write(frame);
        } else {
            QByteArray batch;
            batch.reserve(qsizetype(qMin(m_queued, CoalesceBytes)));
            frames = 0;
            while (frames < m_queue.size()
                   && batch.size() + m_queue.at(frames).size() <= CoalesceBytes) {
                const QByteArray &frame = m_queue.at(frames);
                batch.append(frame);
                m_queued -= frame.size();
                m_shared->queuedTotal -= frame.size();
                ++frames;
            }
            m_queue.remove(0, frames);
            written = tcp->write(batch);
        }
        if (written > 0)
            wrote(written, m_stored, 0, frames);
        m_stored.remove(0, frames);
        if (written < 0) {
            dropQueue();
            break;
        }
    }
    m_pumping = false;
    if (m_queue.isEmpty() && m_queue.capacity() > 0) {
        m_queue = {}; // an idle connection keeps no array
        m_stored = {};
    }
}

void WsConnection::close(int code, const QString &reason)
{
    if (end().kind != EndKind::Open || hasEnded())
        return;
    m_closing = true;
    setEnd(EndKind::ClosedByServer, code, reason);
    // What was queued before deciding to close goes out first (a kick's notice, ...).
    pump(true);
    // The write may have failed and ended the connection (disconnected is synchronous when
    // nothing is left to write).
    if (hasEnded())
        return;
    linger();
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    if (!hasEnded())
        armAbort();
}

void WsConnection::linger()
{
#ifdef Q_OS_UNIX
    if (!m_tcp || m_flush->lingering >= FlushScheduler::MaxLingering)
        return;
    const qintptr fd = m_tcp->socketDescriptor();
    if (fd < 0)
        return;
    const int copy = ::fcntl(int(fd), F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return; // out of descriptors: close as before
    new Lingerer(copy, m_tcp, m_flush, &m_shared->counters);
#endif
}

void WsConnection::drop(const QString &why)
{
    m_closing = true;
    setEnd(EndKind::Dropped, QWebSocketProtocol::CloseCodeAbnormalDisconnection, why);
    m_socket->abort(); // emits disconnected: onDisconnected finishes the job
}

void WsConnection::ping()
{
    if (!m_closing) {
        m_socket->ping();
        m_shared->of(Transport::Push).bytesOut += 2; // an unmasked ping without payload
    }
}

void WsConnection::unlink()
{
    if (auto *direct = dynamic_cast<DirectTcpSocket *>(m_tcp.data()))
        direct->setControlGate(nullptr);
    for (QMetaObject::Connection &link : m_links)
        QObject::disconnect(link);
}

void WsConnection::armAbort()
{
    QWebSocket *socket = m_socket;
    QTimer::singleShot(CloseGraceMs, socket, [socket] { socket->abort(); });
}

void WsConnection::onAboutToClose()
{
    // Qt emits aboutToClose when it sends a close frame: because we asked (closing set),
    // because the peer's close frame arrived (Qt answers it), or because Qt itself refused
    // the peer's data (1009 too big, 1002 protocol error, 1007 invalid UTF-8).
    if (m_closing || hasEnded())
        return;
    m_closing = true; // it is leaving: send nothing more
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (code == QWebSocketProtocol::CloseCodeTooMuchData
        || code == QWebSocketProtocol::CloseCodeProtocolError
        || code == QWebSocketProtocol::CloseCodeWrongDatatype) {
        setEnd(EndKind::ClosedByServer, code, reason);
        linger(); // Qt closes its socket right after this signal
        armAbort();
        m_observer->peerRefused(this, code, reason);
        return;
    }
    setEnd(EndKind::ClosedCleanly, code, reason);
    armAbort();
}

void WsConnection::onDisconnected()
{
    if (hasEnded())
        return;
    m_closing = true;
    // No close frame: a reset, a lost network, a killed process. Qt would report 1000 here;
    // 1006 is RFC 6455's code for exactly this (never sent on the wire).
    setEnd(EndKind::Dropped, QWebSocketProtocol::CloseCodeAbnormalDisconnection,
           QCoreApplication::translate("duplex::server::ChatServer",
                                       "connection lost without a close frame"));
    markEnded();
    dropQueue();
    m_flush->forget(this);
    unlink();
    m_observer->peerEnded(this);
}

} // namespace duplex::server
