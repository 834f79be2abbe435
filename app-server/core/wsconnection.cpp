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

WsConnection::WsConnection(quint64 id, QTcpSocket *tcp, Limits limits, PeerShared *shared,
                           FlushScheduler *flush, PeerObserver *observer, qint64 nowMs)
    : Peer(id, shared)
    , m_tcp(tcp)
    , m_flush(flush)
    , m_observer(observer)
    , m_reader(quint64(limits.maxBytes))
    , m_maxQueuedBytes(limits.maxQueuedBytes)
{
    info.address = tcp->peerAddress();
    info.port = tcp->peerPort();
    info.connectedSince = QDateTime::currentDateTime();
    m_lastSeenMs = nowMs;

    // The socket is the context: these go with it. Three connections, no timer, no
    // QObject of our own.
    m_links[0] = QObject::connect(tcp, &QTcpSocket::readyRead, tcp, [this] { onReadyRead(); });
    // The kernel took some bytes: refill from our queue (on the next pass, not from inside
    // our own write, which emits this synchronously on an unbuffered socket).
    m_links[1] = QObject::connect(tcp, &QTcpSocket::bytesWritten, tcp, [this](qint64) {
        if (!m_pumping && m_queued > 0 && !m_closing)
            m_flush->schedule(this);
    });
    m_links[2]
        = QObject::connect(tcp, &QTcpSocket::disconnected, tcp, [this] { onDisconnected(); });
}

WsConnection::~WsConnection()
{
    m_flush->forget(this);
    dropQueue();
    if (m_tcp) {
        unlink();
        if (!hasEnded()) {
            // The engine is going away with the connection still open.
            m_tcp->abort();
            delete m_tcp.data();
        } else {
            m_tcp->deleteLater();
        }
    }
}

void WsConnection::refuse(QTcpSocket *tcp, int code, const QString &reason,
                          const QByteArray &before, QObject *owner)
{
    QByteArray close;
    close.append(char((code >> 8) & 0xFF))
        .append(char(code & 0xFF))
        .append(reason.toUtf8().left(123));
    tcp->write(before + ws::serverFrame(close, ws::Opcode::Close));
    QObject::connect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
    if (tcp->parent() != owner)
        tcp->setParent(owner);
    const QPointer<QTcpSocket> guard(tcp);
    tcp->close();
    if (guard && guard->state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(CloseGraceMs, guard, [guard] { guard->abort(); });
}

namespace {

/// The wire tap's hand-off (X-ray): the reader's pieces go to the socket's tap as the reader
/// consumes them. Looked up again for every piece: a handler may end the socket (and its
/// tap) in the middle of a chunk. On the stack: an untapped connection pays nothing for it.
struct TapHandOff final : ws::WireSink {
    explicit TapHandOff(const QPointer<QTcpSocket> &tcp)
        : tcp(tcp)
    {
    }
    void wireRead(QByteArrayView bytes, bool frameStart) override
    {
        if (WireObserver *tap = DirectTcpSocket::observerOf(tcp))
            tap->wireRead(bytes, frameStart);
    }
    const QPointer<QTcpSocket> &tcp;
};

} // namespace

void WsConnection::onReadyRead()
{
    QTcpSocket *tcp = m_tcp;
    if (!tcp)
        return;
    TapHandOff handOff(m_tcp);
    // A read of all that is buffered is, after one read event, exactly Qt's read chunk: it
    // is handed over, not copied, and freed with `chunk` (docs/qt-notes.md, "A socket keeps
    // a 16 KiB read chunk"). The reader keeps copies of what it needs, of their own size.
    while (tcp->bytesAvailable() > 0 && !m_reader.stopped()) {
        const QByteArray chunk = tcp->read(tcp->bytesAvailable());
        if (chunk.isEmpty())
            break;
        m_reader.feed(chunk, *this, DirectTcpSocket::observerOf(tcp) ? &handOff : nullptr);
        if (!m_tcp)
            return; // the socket went while its frames were handled
    }
    if (m_reader.stopped() && tcp->bytesAvailable() > 0)
        tcp->skip(tcp->bytesAvailable()); // after a close: nothing more is read
    // Our pongs count against the cap too: checked on every read.
    if (!m_closing && queuedBytes() > m_maxQueuedBytes)
        stall();
}

void WsConnection::frameMessage(bool text, QByteArray &&payload, qint64 wireBytes)
{
    Q_UNUSED(wireBytes);
    if (m_closing)
        return;
    touch(QDateTime::currentMSecsSinceEpoch());
    // A leading byte order mark goes, as Qt's UTF-8 decoder dropped it when it read our
    // frames: the handlers see the same JSON as before.
    if (text && payload.startsWith("\xEF\xBB\xBF"))
        payload.remove(0, 3);
    countIn(payload.size());
    if (text)
        m_observer->peerText(this, payload);
    else
        m_observer->peerBinary(this, payload);
}

void WsConnection::framePing(QByteArray &&payload)
{
    if (m_closing)
        return;
    // Control frames count in the rate limit: a refused ping gets no pong.
    if (m_observer->peerPinged(this))
        sendControl(ws::Opcode::Pong, payload);
}

void WsConnection::framePong(QByteArray &&payload)
{
    Q_UNUSED(payload);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_pingSentMs > 0)
        info.rttMs = int(qBound<qint64>(0, now - m_pingSentMs, qint64(1) << 30));
    // A masked pong without payload: 6 bytes.
    m_shared->of(Transport::Push).bytesIn += 6;
    touch(now);
}

void WsConnection::frameClose(int code, QString &&reason)
{
    if (hasEnded())
        return;
    if (!m_closing) {
        // The client closes: answer with its code (RFC 6455 5.5.1; none if it gave none),
        // then the TCP connection goes (the client waits for our close, then for our FIN).
        m_closing = true;
        setEnd(EndKind::ClosedCleanly, code, reason);
        dropQueue();
        QByteArray payload;
        if (code != 1005)
            payload.append(char((code >> 8) & 0xFF)).append(char(code & 0xFF));
        sendControl(ws::Opcode::Close, payload);
    }
    // Else the answer to our own close: we are done as well.
    if (m_tcp) {
        m_tcp->close(); // may emit disconnected now: onDisconnected finishes the job
        if (!hasEnded())
            armAbort();
    }
}

void WsConnection::frameError(int code, const QString &reason)
{
    // We refuse the client's data (1009 too big, 1002 protocol error, 1007 invalid UTF-8).
    if (m_closing || hasEnded())
        return;
    m_closing = true;
    setEnd(EndKind::ClosedByServer, code, reason);
    dropQueue();
    QByteArray payload;
    payload.append(char((code >> 8) & 0xFF)).append(char(code & 0xFF)).append(reason.toUtf8());
    sendControl(ws::Opcode::Close, payload);
    linger();
    m_observer->peerRefused(this, code, reason);
    if (m_tcp && !hasEnded()) {
        m_tcp->close();
        if (!hasEnded())
            armAbort();
    }
}

void WsConnection::sendControl(ws::Opcode opcode, QByteArrayView payload)
{
    if (!m_tcp || m_tcp->state() != QAbstractSocket::ConnectedState)
        return;
    m_tcp->write(ws::serverFrame(payload.first(qMin<qsizetype>(payload.size(), 125)), opcode));
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
    if (queuedBytes() > m_maxQueuedBytes)
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
    if (m_tcp)
        QTimer::singleShot(0, m_tcp, [this, waiting] { m_observer->peerStalled(this, waiting); });
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
    if (hasEnded() || !m_tcp)
        return;
    m_reader.stop(); // the client's answer is read (and discarded) by the lingering copy
    linger();
    // At most 123 bytes of reason (a control frame's payload is at most 125), whole
    // characters only.
    QByteArray text = reason.toUtf8();
    if (text.size() > 123) {
        qsizetype cut = 123;
        while (cut > 0 && (quint8(text.at(cut)) & 0xC0) == 0x80)
            --cut;
        text.truncate(cut);
    }
    QByteArray payload;
    payload.append(char((code >> 8) & 0xFF)).append(char(code & 0xFF)).append(text);
    sendControl(ws::Opcode::Close, payload);
    m_tcp->close(); // may emit disconnected now
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
    setEnd(EndKind::Dropped, 1006, why);
    if (m_tcp)
        m_tcp->abort(); // emits disconnected: onDisconnected finishes the job
}

void WsConnection::ping()
{
    if (!m_closing) {
        m_pingSentMs = QDateTime::currentMSecsSinceEpoch();
        sendControl(ws::Opcode::Ping, {});
        m_shared->of(Transport::Push).bytesOut += 2; // an unmasked ping without payload
    }
}

void WsConnection::unlink()
{
    for (QMetaObject::Connection &link : m_links)
        QObject::disconnect(link);
}

void WsConnection::armAbort()
{
    const QPointer<QTcpSocket> tcp = m_tcp;
    if (tcp)
        QTimer::singleShot(CloseGraceMs, tcp, [tcp] { tcp->abort(); });
}

void WsConnection::onDisconnected()
{
    if (hasEnded())
        return;
    m_closing = true;
    // No close frame: a reset, a lost network, a killed process. 1006 is RFC 6455's code
    // for exactly this (never sent on the wire).
    setEnd(EndKind::Dropped, 1006,
           QCoreApplication::translate("duplex::server::ChatServer",
                                       "connection lost without a close frame"));
    markEnded();
    dropQueue();
    m_flush->forget(this);
    unlink();
    m_observer->peerEnded(this);
}

} // namespace duplex::server
