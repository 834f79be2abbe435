// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chatserver.h"

#include "historystore.h"
#include "httprouter.h"
#include "session.h"
#include "trafficlog.h"

#include <codec.h>
#include <names.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocketServer>

#include <algorithm>
#include <cerrno>
#include <map>
#include <unordered_map>

#if defined(Q_OS_LINUX)
#include <sys/socket.h>
#include <sys/types.h>
#endif

namespace duplex::server {

using namespace proto;
namespace sv = proto::server; // `server` alone would be ambiguous here

namespace {

/// How long a closing connection may take to answer our close frame before we abort it.
constexpr int CloseGraceMs = 2000;
/// Resolution of the housekeeping timer (large-room counts, resume expiry, dedup pruning).
constexpr int HousekeepingMs = 1000;
/// Large rooms: at most one `count` presence per room per this many ms.
constexpr qint64 CountIntervalMs = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString endpointText(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // Show IPv4-mapped addresses (dual-stack listeners) as plain IPv4.
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4).toString() + QLatin1Char(':') + QString::number(port);
        return QLatin1Char('[') + address.toString() + QLatin1String("]:") + QString::number(port);
    }
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

QString newToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

HeaderList parseRawRequest(const QByteArray &raw, QString *requestLine)
{
    HeaderList headers;
    const QList<QByteArray> lines = raw.split('\n');
    bool first = true;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            *requestLine = QString::fromLatin1(line);
            first = false;
            continue;
        }
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

QString closeCodeWords(int code)
{
    switch (code) {
    case 1000: return QStringLiteral("normal");
    case 1001: return QStringLiteral("going away");
    case 1002: return QStringLiteral("protocol error");
    case 1006: return QStringLiteral("no close frame");
    case 1007: return QStringLiteral("invalid data");
    case 1008: return QStringLiteral("policy violation");
    case 1009: return QStringLiteral("message too big");
    case 1013: return QStringLiteral("try again later");
    case 4000: return QStringLiteral("taken over");
    case 4001: return QStringLiteral("kicked");
    default: return {};
    }
}

/// Our frames go to a socket only while it holds less than this (refilled on bytesWritten):
/// the rest waits in the connection's queue as shared references, not as copies.
constexpr qint64 LowWaterBytes = 64 * 1024;
/// Queued frames are joined into one write (one send() on an unbuffered socket) up to this.
constexpr qint64 CoalesceBytes = 64 * 1024;

/// A complete server-to-client RFC 6455 frame: FIN + text opcode, the 7/16/64-bit length,
/// no mask (servers never mask), then the payload.
QByteArray textFrame(const QByteArray &utf8)
{
    const quint64 n = quint64(utf8.size());
    QByteArray w;
    w.reserve(qsizetype(n) + 10);
    w.append(char(0x81));
    if (n < 126) {
        w.append(char(n));
    } else if (n <= 0xFFFF) {
        w.append(char(126));
        w.append(char(n >> 8));
        w.append(char(n & 0xFF));
    } else {
        w.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            w.append(char((n >> shift) & 0xFF));
    }
    w.append(utf8);
    return w;
}

/// The frame we are about to send, encoded and framed once however many receive it.
/// `wire` is what goes to the sockets (each recipient's queue holds a reference to it);
/// `utf8` is kept for the traffic log (shared, not copied, by every entry that refers to it).
struct Frame {
    QByteArray utf8;
    QByteArray wire;
    QString type;

    explicit Frame(const ServerMessage &m)
        : utf8(encode(m))
        , wire(textFrame(utf8))
        , type(typeName(m))
    {
    }
};

/// The accepted socket. Qt 6.4's QTcpSocket copies every write into its write ring buffer,
/// even a 200-byte 101 response to an idle peer, and keeps the last 32 KiB chunk of that
/// buffer for life (QRingBuffer::free() keeps one chunk <= its block size): ~33 kB per idle
/// connection. `QIODevice::Unbuffered` does not change that for an accepted socket (its
/// isBuffered flag stays set). So every write (ours, and Qt's own: the 101 response,
/// close, ping and pong frames, which all come through writeData()) goes straight to the
/// kernel while Qt's buffer is empty; only what the kernel refuses goes into Qt's buffer,
/// and from then on everything goes there (in order) until it has drained again.
class DirectTcpSocket final : public QTcpSocket
{
public:
    using QTcpSocket::QTcpSocket;

protected:
    qint64 writeData(const char *data, qint64 size) override
    {
#if defined(Q_OS_LINUX)
        if (size > 0 && state() == QAbstractSocket::ConnectedState && bytesToWrite() == 0) {
            ssize_t n = 0;
            do {
                n = ::send(int(socketDescriptor()), data, size_t(size),
                           MSG_DONTWAIT | MSG_NOSIGNAL);
            } while (n < 0 && errno == EINTR);
            if (n == size)
                return size;
            if (n > 0) {
                // The kernel took part of it: Qt buffers the rest and flushes it on its own
                // write notifier (emitting bytesWritten as it goes).
                const qint64 rest = QTcpSocket::writeData(data + n, size - n);
                return rest < 0 ? rest : qint64(n) + rest;
            }
            // EAGAIN (kernel buffer full) or a real error: Qt's path buffers or reports it.
        }
#endif
        return QTcpSocket::writeData(data, size);
    }
};

/// Hands QWebSocketServer our DirectTcpSocket (see above) for every accepted connection.
class DirectTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new DirectTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

struct PendingHandshake {
    QPointer<QTcpSocket> socket;
    QByteArray rawRequest; // the request head exactly as received (peeked, not consumed)
};

struct WhisperSeen {
    sv::Whisper whisper;
    qint64 ts = 0;
};

} // namespace

// ---------------------------------------------------------------------------------------

struct ChatServer::Private {
    ChatServer *q;
    ServerConfig config;
    HistoryStore *store = nullptr;
    std::unique_ptr<HistoryStore> ownStore;
    TrafficLog *traffic = nullptr;

    QTcpServer *tcp = nullptr;
    QWebSocketServer *wsServer = nullptr;
    QString errorString;

    quint64 nextId = 1;
    std::unordered_map<quint64, std::unique_ptr<Connection>> conns;
    QHash<QString, std::shared_ptr<Session>> byToken; // owns the sessions
    QHash<QString, Session *> byNick;                 // nickKey -> session (incl. detached)
    std::map<QString, Room> rooms;                    // sorted, stable addresses
    QSet<QString> dirtyCounts;                        // large rooms whose count changed
    QHash<QString, qint64> lastCountSentMs;
    QHash<QString, WhisperSeen> whisperSeen;  // nickKey + '\x1f' + id
    QHash<QString, PendingHandshake> pending; // "address:port" -> handshake
    QTimer pingTimer;
    QTimer houseTimer;
    qint64 lastPingMs = 0;
    qint64 lastTickMs = 0;
    bool shuttingDown = false;
    ServerCounters counters;
    std::vector<quint64> toFlush; // connections with queued frames, flushed once per pass
    bool flushPosted = false;
    bool pumping = false;                 // inside pump(): bytesWritten must not re-enter it
    qint64 queuedTotal = 0;               // every connection's outQueuedBytes together
    bool busyReported = false;            // one event per busy streak
    std::unique_ptr<http::Router> router; // TEMP wiring: plain HTTP on the chat port

    explicit Private(ChatServer *owner)
        : q(owner)
    {
    }

    // --- traffic log -------------------------------------------------------------------
    void logIn(Connection *c, const QByteArray &utf8, const QString &type)
    {
        if (!traffic)
            return;
        TrafficEntry e;
        e.direction = TrafficDirection::In;
        e.clientId = c->id;
        e.client = c->label;
        e.type = type;
        e.bytes = utf8.size();
        e.recipients = 1;
        e.payload = utf8;
        traffic->append(std::move(e));
    }
    void logOut(Connection *one, int recipients, const Frame &f)
    {
        if (!traffic || recipients <= 0)
            return;
        TrafficEntry e;
        e.direction = TrafficDirection::Out;
        if (one) {
            e.clientId = one->id;
            e.client = one->label;
        }
        e.type = f.type;
        e.bytes = f.utf8.size();
        e.recipients = recipients;
        e.payload = f.utf8;
        traffic->append(std::move(e));
    }
    /// A connection event: traffic log row + eventLogged (the window's event list and the
    /// headless log both read it).
    void event(Connection *c, const QString &kind, const QString &text, int closeCode = 0)
    {
        if (traffic) {
            TrafficEntry e;
            e.direction = TrafficDirection::Event;
            if (c) {
                e.clientId = c->id;
                e.client = c->label;
            }
            e.type = kind;
            e.closeCode = closeCode;
            e.summary = text;
            traffic->append(std::move(e));
        }
        Q_EMIT q->eventLogged(kind, text);
    }
    QString who(Connection *c) const
    {
        // After the session is gone (or moved) the record still knows the nick.
        const QString nick = c->session ? c->session->nick : c->info.nick;
        if (!nick.isEmpty())
            return nick + QLatin1String(" (") + endpointText(c->info.address, c->info.port)
                + QLatin1Char(')');
        return endpointText(c->info.address, c->info.port);
    }

    // --- sending -----------------------------------------------------------------------
    /// Queues one frame for one connection (a reference to f.wire, no copy); it goes out
    /// on this pass of the event loop. False when the connection is closing.
    bool write(Connection *c, const Frame &f)
    {
        if (c->closing)
            return false;
        if (c->tcp) {
            c->outQueue.push_back(f.wire);
            c->outQueuedBytes += f.wire.size();
            queuedTotal += f.wire.size();
            scheduleFlush(c);
        } else {
            c->socket->sendTextMessage(QString::fromUtf8(f.utf8)); // not reached in practice
        }
        const qint64 n = f.utf8.size();
        ++c->info.framesOut;
        c->info.bytesOut += n;
        ++counters.framesOut;
        counters.bytesOut += quint64(n);
        // Bytes the peer has not taken yet (our queue + the QTcpSocket's buffer): past the
        // cap this peer is not reading, and keeping on buffering would grow without bound.
        if (queuedBytes(c) > config.maxQueuedBytesPerClient)
            tooSlow(c);
        return true;
    }
    /// Outgoing bytes not yet taken by the kernel: ours (queued) plus the socket's buffer.
    static qint64 queuedBytes(const Connection *c)
    {
        qint64 n = c->outQueuedBytes;
        if (c->tcp)
            n += c->tcp->bytesToWrite();
        else if (c->socket)
            n += c->socket->bytesToWrite();
        return n;
    }
    /// Forgets what is queued for c (it will never be sent).
    void dropQueue(Connection *c)
    {
        queuedTotal -= c->outQueuedBytes;
        c->outQueue.clear();
        c->outQueuedBytes = 0;
    }
    qint64 busyThreshold() const
    {
        return qMax(config.maxQueuedBytesTotal, 2 * config.maxQueuedBytesPerClient);
    }
    /// Server busy (ServerConfig::maxQueuedBytesTotal): refuses a say/whisper. The sender
    /// learns it; nothing is stored or fanned out. One event per streak.
    bool refuseIfBusy(Connection *c, const QString &re)
    {
        if (config.maxQueuedBytesTotal <= 0 || queuedTotal <= busyThreshold())
            return false;
        ++counters.rateLimited;
        ++counters.busyRefusals;
        if (!busyReported) {
            busyReported = true;
            event(nullptr, QStringLiteral("busy"),
                  tr("The server is busy (%1 bytes waiting to be sent): new messages are "
                     "refused until it catches up.")
                      .arg(queuedTotal));
        }
        sendError(c, ErrorCode::RateLimited, re, QStringLiteral("server busy"));
        return true;
    }
    void scheduleFlush(Connection *c)
    {
        if (!c->flushListed) {
            c->flushListed = true;
            toFlush.push_back(c->id);
        }
        if (!flushPosted) {
            flushPosted = true;
            // One flush per event-loop pass: a pass that fans out many messages writes each
            // socket once with all of them.
            QMetaObject::invokeMethod(
                q, [this] { flushAll(); }, Qt::QueuedConnection);
        }
    }
    void flushAll()
    {
        flushPosted = false;
        std::vector<quint64> ids;
        ids.swap(toFlush);
        for (quint64 id : ids) {
            Connection *c = find(id);
            if (!c)
                continue;
            c->flushListed = false;
            pump(c, false);
        }
    }
    /// Hands queued frames to the socket, whole frames only (so Qt's own close, ping and
    /// pong frames fall between ours), while its buffer is under the low watermark; `all`
    /// ignores the watermark (before a close, so nothing queued is lost).
    void pump(Connection *c, bool all)
    {
        if (c->closing && !all) {
            dropQueue(c); // nothing more of ours goes out after close()
            return;
        }
        const QPointer<QTcpSocket> tcp = c->tcp;
        const quint64 id = c->id;
        pumping = true;
        while (tcp && !c->outQueue.empty() && (all || tcp->bytesToWrite() < LowWaterBytes)) {
            qint64 written = 0;
            if (c->outQueue.size() == 1 || c->outQueue.front().size() >= CoalesceBytes) {
                const QByteArray frame = std::move(c->outQueue.front());
                c->outQueue.pop_front();
                c->outQueuedBytes -= frame.size();
                queuedTotal -= frame.size();
                written = tcp->write(frame);
            } else {
                QByteArray batch;
                batch.reserve(qsizetype(qMin(c->outQueuedBytes, CoalesceBytes)));
                while (!c->outQueue.empty()
                       && batch.size() + c->outQueue.front().size() <= CoalesceBytes) {
                    batch.append(c->outQueue.front());
                    c->outQueuedBytes -= c->outQueue.front().size();
                    queuedTotal -= c->outQueue.front().size();
                    c->outQueue.pop_front();
                }
                written = tcp->write(batch);
            }
            if (find(id) != c) {
                pumping = false;
                return; // the write failed and the connection went with it
            }
            if (written < 0) {
                dropQueue(c);
                break;
            }
        }
        pumping = false;
        if (busyReported && queuedTotal < busyThreshold() / 2)
            busyReported = false; // caught up: the next streak is reported again
    }
    void send(Connection *c, const ServerMessage &m)
    {
        const Frame f(m);
        if (write(c, f))
            logOut(c, 1, f);
    }
    void sendError(Connection *c, ErrorCode code, const QString &re, const QString &message = {})
    {
        ++counters.errorsSent;
        send(c, makeError(code, re, message));
    }
    /// Sends one encoded frame to every member of the room but `except`. Returns how many.
    int fanOut(const Room &room, const Frame &f, Connection *except)
    {
        int n = 0;
        // Index loop: write() never changes membership (closes are deferred).
        for (size_t i = 0; i < room.members.size(); ++i) {
            Connection *m = room.members[i];
            if (m != except && write(m, f))
                ++n;
        }
        return n;
    }

    // --- rooms and presence ------------------------------------------------------------
    Room &roomRef(const QString &name)
    {
        auto it = rooms.find(name);
        if (it == rooms.end()) {
            it = rooms.emplace(name, Room {}).first;
            it->second.name = name;
        }
        return it->second;
    }
    Room *findRoom(const QString &name)
    {
        const auto it = rooms.find(name);
        return it == rooms.end() ? nullptr : &it->second;
    }
    bool isLarge(int count) const { return count > config.largeRoomThreshold; }

    void announceJoin(Room &r, Connection *c)
    {
        if (isLarge(r.count())) {
            dirtyCounts.insert(r.name);
            return;
        }
        sv::Presence p;
        p.room = r.name;
        p.event = sv::PresenceEvent::Join;
        p.nick = c->session->nick;
        const Frame f(ServerMessage {p});
        logOut(nullptr, fanOut(r, f, c), f);
    }
    void announceLeave(Room &r, const QString &nick, int countBefore)
    {
        if (shuttingDown)
            return; // everyone is being closed: O(N^2) leave frames would help no one
        if (isLarge(countBefore)) {
            dirtyCounts.insert(r.name);
            return;
        }
        if (r.members.empty())
            return;
        sv::Presence p;
        p.room = r.name;
        p.event = sv::PresenceEvent::Leave;
        p.nick = nick;
        const Frame f(ServerMessage {p});
        logOut(nullptr, fanOut(r, f, nullptr), f);
    }
    void sendJoined(Connection *c, Room &r, const QString &re)
    {
        sv::Joined j;
        j.re = re;
        j.room = r.name;
        j.count = r.count();
        if (!isLarge(j.count)) {
            // Sorted by the nick key (case-folded once, when the nick was taken): comparing
            // with Qt::CaseInsensitive folded both strings on every comparison and was 39 %
            // of the server's instructions in a 200-client profile (docs/performance.md).
            std::vector<std::pair<const QString *, const QString *>> sorted;
            sorted.reserve(r.members.size());
            for (Connection *m : r.members) {
                if (m->session)
                    sorted.emplace_back(&m->session->key, &m->session->nick);
                else
                    sorted.emplace_back(&m->label, &m->label);
            }
            std::sort(sorted.begin(), sorted.end(),
                      [](const auto &a, const auto &b) { return *a.first < *b.first; });
            j.members.reserve(j.count);
            for (const auto &entry : sorted)
                j.members.append(*entry.second);
        }
        send(c, j);
        sv::History h;
        h.re = re;
        h.room = r.name;
        h.messages = store->history(r.name, std::nullopt, std::nullopt, limits::JoinHistory);
        send(c, h);
    }
    /// Adds the welcomed connection to the room (announcing it); no replies.
    bool enterRoom(Connection *c, Room &r)
    {
        if (r.contains(c))
            return false;
        r.add(c);
        if (!c->session->rooms.contains(r.name))
            c->session->rooms.append(r.name);
        announceJoin(r, c);
        return true;
    }
    /// Removes the connection from the room (announcing it); the session's room list is
    /// left to the caller.
    void exitRoom(Connection *c, Room &r, const QString &nick)
    {
        if (!r.contains(c))
            return;
        const int before = r.count();
        r.remove(c);
        announceLeave(r, nick, before);
    }

    // --- sessions ----------------------------------------------------------------------
    /// Takes the connection out of its session's rooms. endSession: forget the session
    /// (clean close, kick, ...); otherwise keep it resumable for the grace period.
    void detachSession(Connection *c, bool endSession)
    {
        Session *s = c->session;
        if (!s)
            return;
        keepIdentity(c);
        c->session = nullptr;
        for (const QString &name : std::as_const(s->rooms)) {
            if (Room *r = findRoom(name))
                exitRoom(c, *r, s->nick);
        }
        s->conn = nullptr;
        if (endSession) {
            removeSession(s);
        } else {
            s->detachedAtMs = nowMs();
        }
        Q_EMIT q->roomsChanged();
    }
    /// Copies what the session knew into the connection's record, so that the record
    /// still says who it was after the session is gone or moved to another connection.
    static void keepIdentity(Connection *c)
    {
        if (const Session *s = c->session) {
            c->info.nick = s->nick;
            c->info.agent = s->agent;
            c->info.rooms = s->rooms;
            c->info.welcomed = true;
        }
    }
    void removeSession(Session *s)
    {
        if (byNick.value(s->key) == s)
            byNick.remove(s->key);
        byToken.remove(s->token); // last owner: s is gone after this line
    }

    // --- closing -----------------------------------------------------------------------
    /// We close the connection: code and reason go in the close frame and in the record.
    /// The caller must not touch c afterwards (it may be deleted).
    void closeConnection(Connection *c, int code, const QString &reason)
    {
        if (c->endKind != EndKind::Open || c->ended)
            return;
        c->closing = true;
        c->endKind = EndKind::ClosedByServer;
        c->endCode = code;
        c->endReason = reason;
        // Every server-initiated close ends the session except a takeover (which moved the
        // session away before calling this).
        detachSession(c, true);
        // close() may emit disconnected synchronously (the server side drops TCP at once
        // when nothing is left to write): c can be gone afterwards, the socket not yet
        // (deleteLater).
        const QPointer<QWebSocket> socket(c->socket);
        // What we queued before deciding to close goes out first (a kick's notice, ...).
        pump(c, true);
        if (!socket)
            return;
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
        if (socket)
            armAbort(socket);
    }
    static void armAbort(QWebSocket *socket)
    {
        QTimer::singleShot(CloseGraceMs, socket, [socket] { socket->abort(); });
    }
    /// Called from inside write(): membership must not change while a fan-out iterates,
    /// so stop sending now and close on the next turn of the event loop.
    void tooSlow(Connection *c)
    {
        if (c->closing)
            return;
        c->closing = true;
        ++counters.slowDisconnects;
        const qint64 waiting = queuedBytes(c);
        dropQueue(c); // it will never read them: free the references now
        const quint64 id = c->id;
        QTimer::singleShot(0, q, [this, id, waiting] {
            Connection *c = find(id);
            if (!c)
                return;
            event(c, QStringLiteral("too_slow"),
                  tr("%1 does not read its messages (%2 bytes waiting): closed with 1008.")
                      .arg(who(c))
                      .arg(waiting),
                  close::PolicyViolation);
            const QPointer<QWebSocket> socket(c->socket);
            closeConnection(c, close::PolicyViolation, QStringLiteral("too slow"));
            // Its buffer is full: the close frame will not get through. Free the memory.
            if (socket)
                socket->abort();
        });
    }
    void drop(Connection *c, const QString &why)
    {
        c->closing = true;
        c->endKind = EndKind::Dropped;
        c->endCode = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        c->endReason = why;
        c->socket->abort(); // emits disconnected: onDisconnected finishes the job
    }

    Connection *find(quint64 id) const
    {
        const auto it = conns.find(id);
        return it == conns.end() ? nullptr : it->second.get();
    }

    static QString tr(const char *s) { return ChatServer::tr(s); }

    // --- connection lifecycle ----------------------------------------------------------
    void onTcpConnection();
    void routeHead(QTcpSocket *socket, const QString &key);
    void onWebSocket();
    void setUp(QWebSocket *socket);
    void onAboutToClose(Connection *c);
    void onDisconnected(Connection *c);
    void onText(Connection *c, const QString &message);
    void onBinary(Connection *c, const QByteArray &data);
    bool admit(Connection *c, const QString &re);
    ClientInfo snapshot(const Connection *c) const;

    // --- requests ----------------------------------------------------------------------
    void hello(Connection *c, const client::Hello &m);
    void join(Connection *c, const client::Join &m);
    void leave(Connection *c, const client::Leave &m);
    void say(Connection *c, const client::Say &m);
    void whisper(Connection *c, const client::Whisper &m);
    void typing(Connection *c, const client::Typing &m);
    void history(Connection *c, const client::History &m);
    void nick(Connection *c, const client::Nick &m);
    void roomsRequest(Connection *c, const client::Rooms &m);
    void ping(Connection *c, const client::Ping &m);
    bool cleanText(Connection *c, const QString &raw, const QString &re, QString *out);

    // --- timers ------------------------------------------------------------------------
    void pingTick();
    void houseTick();
};

// ---------------------------------------------------------------------------------------

void ChatServer::Private::onTcpConnection()
{
    while (tcp->hasPendingConnections()) {
        QTcpSocket *socket = tcp->nextPendingConnection();
        if (!socket)
            break;
        // Chat frames are small and latency matters more than packet count.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (config.socketSendBufferBytes > 0)
            socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption,
                                    config.socketSendBufferBytes);
        const QString key = endpointText(socket->peerAddress(), socket->peerPort());
        pending.insert(key, PendingHandshake {socket, {}});
        // TEMP wiring: the head is peeked (never read) and routed in routeHead().
        QObject::connect(socket, &QTcpSocket::readyRead, q,
                         [this, socket, key] { routeHead(socket, key); });
        QObject::connect(socket, &QObject::destroyed, q, [this, socket, key] {
            auto it = pending.find(key);
            if (it != pending.end() && (it->socket == socket || it->socket.isNull()))
                pending.erase(it);
        });
        // Handshake timeout: a peer that opens TCP and never completes the upgrade.
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(config.handshakeTimeoutMs, q, [this, guard, key] {
            if (guard.isNull())
                return;
            auto it = pending.find(key);
            if (it != pending.end() && it->socket == guard) {
                pending.erase(it);
                guard->abort();
            }
        });
        if (socket->bytesAvailable() > 0)
            routeHead(socket, key);
    }
}

// TEMP wiring (branch browser), to be replaced by core/listener.*: peeks the request head;
// a WebSocket upgrade that passes the Origin rule goes to Qt, everything else is answered
// by the HTTP router with Connection: close.
void ChatServer::Private::routeHead(QTcpSocket *socket, const QString &key)
{
    auto it = pending.find(key);
    if (it == pending.end() || it->socket != socket)
        return;
    QByteArray bytes = socket->peek(qMin<qint64>(socket->bytesAvailable(), 16 * 1024 + 1));
    http::Request request;
    qsizetype headBytes = 0;
    const http::ParseResult result = http::parseHead(bytes, &request, &headBytes);
    if (result == http::ParseResult::Incomplete)
        return;
    const auto answer = [this, socket, key](const http::Response &response) {
        QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
        pending.remove(key);
        socket->readAll();
        socket->write(response.toBytes());
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(config.handshakeTimeoutMs, socket, [socket] { socket->abort(); });
        socket->disconnectFromHost();
    };
    if (result == http::ParseResult::Malformed)
        return answer(http::Response::error(400, "bad_request", tr("Malformed HTTP request.")));
    if (result == http::ParseResult::HeadTooLarge)
        return answer(
            http::Response::error(431, "head_too_large", tr("The request head is over 16 KiB.")));
    if (!router) {
        http::RouterConfig routerConfig;
        routerConfig.allowedOrigins = config.allowedOrigins;
        routerConfig.maxBodyBytes = config.maxBytes;
        router = std::make_unique<http::Router>(routerConfig);
    }
    if (request.isWebSocketUpgrade()) {
        if (!http::originAllowed(request, config.allowedOrigins))
            return answer(http::Response::error(
                403, "forbidden_origin", tr("Pages from another site may not use this server.")));
        it->rawRequest = bytes.left(headBytes);
        QObject::disconnect(socket, &QTcpSocket::readyRead, q, nullptr);
        wsServer->handleConnection(socket);
        return;
    }
    if (request.contentLength > config.maxBytes)
        return answer(router->handle(request, {}));
    if (request.contentLength > 0) {
        bytes = socket->peek(headBytes + request.contentLength);
        if (bytes.size() < headBytes + request.contentLength)
            return; // the body is still on its way
    }
    answer(router->handle(request, QByteArrayView(bytes).sliced(headBytes)));
}

void ChatServer::Private::onWebSocket()
{
    while (wsServer->hasPendingConnections()) {
        QWebSocket *socket = wsServer->nextPendingConnection();
        if (!socket)
            break;
        setUp(socket);
    }
}

void ChatServer::Private::setUp(QWebSocket *socket)
{
    socket->setParent(nullptr);
    socket->setMaxAllowedIncomingFrameSize(quint64(config.maxBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(config.maxBytes));

    const QString key = endpointText(socket->peerAddress(), socket->peerPort());
    QByteArray raw;
    QPointer<QTcpSocket> tcpSocket;
    if (auto it = pending.find(key); it != pending.end()) {
        raw = it->rawRequest;
        tcpSocket = it->socket;
        if (it->socket)
            QObject::disconnect(it->socket, &QTcpSocket::readyRead, q, nullptr);
        pending.erase(it); // upgraded: the handshake timeout no longer applies
    }

    if (!tcp || !tcp->isListening()) {
        // Its handshake finished after stop(): the server is going away.
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, tr("server shutting down"));
        armAbort(socket);
        QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    if (int(conns.size()) >= config.maxClients) {
        // The contract: `error server_full` right after the handshake, then close 1013.
        const Frame f(ServerMessage {makeError(ErrorCode::ServerFull)});
        socket->sendTextMessage(QString::fromUtf8(f.utf8));
        ++counters.errorsSent;
        socket->close(QWebSocketProtocol::CloseCode(close::TryAgainLater),
                      QStringLiteral("server full"));
        armAbort(socket);
        QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        const QString text = tr("Refused %1: the server is full (%2 clients); closed with 1013.")
                                 .arg(key)
                                 .arg(config.maxClients);
        if (traffic) {
            TrafficEntry e;
            e.direction = TrafficDirection::Event;
            e.client = key;
            e.type = QStringLiteral("full");
            e.closeCode = close::TryAgainLater;
            e.summary = text;
            traffic->append(std::move(e));
        }
        Q_EMIT q->eventLogged(QStringLiteral("full"), text);
        return;
    }

    auto owned = std::make_unique<Connection>();
    Connection *c = owned.get();
    c->id = nextId++;
    c->socket = socket;
    c->tcp = tcpSocket;
    c->info.id = c->id;
    c->info.address = socket->peerAddress();
    c->info.port = socket->peerPort();
    c->info.connectedSince = QDateTime::currentDateTime();
    c->label = key;
    c->bucket = TokenBucket(config.ratePerSec, config.burst, nowMs());
    c->lastSeenMs = nowMs();

    // The handshake: the request as received when we caught it, else rebuilt from
    // QWebSocket::request(); the 101 response is always rebuilt (Qt does not expose it).
    HandshakeInfo &h = c->info.handshake;
    if (!raw.isEmpty()) {
        h.requestHeaders = parseRawRequest(raw, &h.requestLine);
    } else {
        const QNetworkRequest req = socket->request();
        const QUrl url = req.url();
        QString target = url.path(QUrl::FullyEncoded);
        if (target.isEmpty())
            target = QStringLiteral("/");
        if (url.hasQuery())
            target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
        h.requestLine = QStringLiteral("GET %1 HTTP/1.1").arg(target);
        for (const QByteArray &name : req.rawHeaderList())
            h.requestHeaders.append({name, req.rawHeader(name)});
    }
    QByteArray wsKey;
    for (const auto &header : std::as_const(h.requestHeaders)) {
        if (header.first.compare("Sec-WebSocket-Key", Qt::CaseInsensitive) == 0)
            wsKey = header.second.trimmed();
    }
    h.responseStatusLine = QStringLiteral("HTTP/1.1 101 Switching Protocols");
    h.responseHeaders.append({QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")});
    h.responseHeaders.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("Upgrade")});
    h.responseHeaders.append(
        {QByteArrayLiteral("Sec-WebSocket-Accept"), ChatServer::acceptKey(wsKey)});
    if (!socket->subprotocol().isEmpty())
        h.responseHeaders.append(
            {QByteArrayLiteral("Sec-WebSocket-Protocol"), socket->subprotocol().toLatin1()});
    // The rest as Qt 6.4's QWebSocketHandshakeResponse writes it.
    QByteArray origin = "*";
    for (const auto &header : std::as_const(h.requestHeaders)) {
        if (header.first.compare("Origin", Qt::CaseInsensitive) == 0)
            origin = header.second;
    }
    h.responseHeaders.append({QByteArrayLiteral("Server"), wsServer->serverName().toUtf8()});
    h.responseHeaders.append(
        {QByteArrayLiteral("Access-Control-Allow-Credentials"), QByteArrayLiteral("false")});
    h.responseHeaders.append(
        {QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET")});
    h.responseHeaders.append(
        {QByteArrayLiteral("Access-Control-Allow-Headers"), QByteArrayLiteral("content-type")});
    h.responseHeaders.append({QByteArrayLiteral("Access-Control-Allow-Origin"), origin});
    h.responseHeaders.append({QByteArrayLiteral("Date"),
                              QLocale::c()
                                      .toString(QDateTime::currentDateTimeUtc(),
                                                QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                                      .toLatin1()
                                  + " GMT"});
    h.reconstructed = true;

    conns.emplace(c->id, std::move(owned));
    ++counters.connectionsTotal;
    counters.clients = int(conns.size());

    QObject::connect(socket, &QWebSocket::textMessageReceived, q,
                     [this, c](const QString &message) { onText(c, message); });
    QObject::connect(socket, &QWebSocket::binaryMessageReceived, q,
                     [this, c](const QByteArray &data) { onBinary(c, data); });
    QObject::connect(socket, &QWebSocket::pong, q, [c](quint64 elapsed, const QByteArray &) {
        c->info.rttMs = int(qMin<quint64>(elapsed, 1u << 30));
        c->lastSeenMs = nowMs();
    });
    QObject::connect(socket, &QWebSocket::aboutToClose, q, [this, c] { onAboutToClose(c); });
    if (c->tcp) {
        // The kernel took some bytes: refill from our queue (on the next pass, not from
        // inside our own write, which emits this synchronously on an unbuffered socket).
        QObject::connect(c->tcp, &QTcpSocket::bytesWritten, q, [this, c](qint64) {
            if (!pumping && c->outQueuedBytes > 0 && !c->closing)
                scheduleFlush(c);
        });
    }
    QObject::connect(socket, &QWebSocket::disconnected, q, [this, c] { onDisconnected(c); });

    event(c, QStringLiteral("open"),
          tr("%1 connected (%2).")
              .arg(key,
                   socket->subprotocol().isEmpty()
                       ? tr("no subprotocol")
                       : tr("subprotocol %1").arg(socket->subprotocol())));
    Q_EMIT q->clientConnected(c->id);
}

void ChatServer::Private::onAboutToClose(Connection *c)
{
    // Qt emits aboutToClose when it sends a close frame: because we asked (closing set),
    // because the peer's close frame arrived (Qt answers it), or because Qt itself refused
    // the peer's data (1009 too big, 1002 protocol error, 1007 invalid UTF-8).
    if (c->closing || c->ended)
        return;
    const int code = int(c->socket->closeCode());
    if (code == QWebSocketProtocol::CloseCodeTooMuchData
        || code == QWebSocketProtocol::CloseCodeProtocolError
        || code == QWebSocketProtocol::CloseCodeWrongDatatype) {
        c->closing = true;
        c->endKind = EndKind::ClosedByServer;
        c->endCode = code;
        c->endReason = c->socket->closeReason();
        if (code == QWebSocketProtocol::CloseCodeTooMuchData) {
            ++counters.oversizeDisconnects;
            event(c, QStringLiteral("too_big"),
                  tr("%1 sent more than %2 bytes in one message: closed with 1009.")
                      .arg(who(c))
                      .arg(config.maxBytes),
                  code);
        } else {
            event(c, QStringLiteral("error"),
                  tr("%1 broke the WebSocket protocol: closed with %2 (%3).")
                      .arg(who(c))
                      .arg(code)
                      .arg(c->socket->closeReason()),
                  code);
        }
        detachSession(c, true);
        armAbort(c->socket);
        return;
    }
    c->closeFrameReceived = true;
    c->endCode = code;
    c->endReason = c->socket->closeReason();
    c->closing = true; // it is leaving: send nothing more
    armAbort(c->socket);
}

void ChatServer::Private::onDisconnected(Connection *c)
{
    if (c->ended)
        return;
    c->ended = true;
    c->closing = true;
    if (c->endKind == EndKind::Open) {
        if (c->closeFrameReceived) {
            c->endKind = EndKind::ClosedCleanly;
        } else {
            // No close frame: a reset, a lost network, a killed process. Qt would report
            // 1000 here; 1006 is RFC 6455's code for exactly this (never sent on the wire).
            c->endKind = EndKind::Dropped;
            c->endCode = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
            c->endReason = tr("connection lost without a close frame");
        }
    }
    // The contract: only a close with 1000 sent by the client ends the session at once (a
    // reloaded browser page closes with 1001 and must be able to resume);
    // any other end is a drop and the session stays resumable.
    const bool endSession = c->endKind == EndKind::ClosedCleanly && c->endCode == close::Normal;
    const bool resumable = c->session && !endSession;
    detachSession(c, endSession);

    c->info.end = c->endKind;
    c->info.closeCode = c->endCode;
    c->info.closeReason = c->endReason;

    QString text;
    const QString words = closeCodeWords(c->endCode);
    const QString code = words.isEmpty() ? QString::number(c->endCode)
                                         : QStringLiteral("%1 (%2)").arg(c->endCode).arg(words);
    const QString reason
        = c->endReason.isEmpty() ? QString() : QStringLiteral(", reason \"%1\"").arg(c->endReason);
    switch (c->endKind) {
    case EndKind::ClosedCleanly:
        text = tr("%1 disconnected: closed cleanly with code %2%3.").arg(who(c), code, reason);
        break;
    case EndKind::ClosedByServer:
        text
            = tr("%1 disconnected: closed by the server with code %2%3.").arg(who(c), code, reason);
        break;
    case EndKind::Dropped:
    case EndKind::Open:
        text = tr("%1 disconnected: dropped (%2).").arg(who(c), c->endReason);
        break;
    }
    if (resumable)
        text += QLatin1Char(' ')
            + tr("The session can be resumed for %1 s.").arg(config.resumeGraceMs / 1000);
    event(c, QStringLiteral("close"), text, c->endCode);

    const ClientInfo info = snapshot(c);
    dropQueue(c);
    QWebSocket *socket = c->socket;
    QObject::disconnect(socket, nullptr, q, nullptr);
    if (c->tcp)
        QObject::disconnect(c->tcp, nullptr, q, nullptr);
    socket->deleteLater();
    conns.erase(c->id); // c is gone after this line
    counters.clients = int(conns.size());
    Q_EMIT q->clientDisconnected(info);
}

ClientInfo ChatServer::Private::snapshot(const Connection *c) const
{
    ClientInfo info = c->info;
    if (c->session) {
        info.nick = c->session->nick;
        info.agent = c->session->agent;
        info.rooms = c->session->rooms;
        info.welcomed = true;
    }
    info.end = c->endKind;
    info.closeCode = c->endCode;
    info.closeReason = c->endReason;
    if (!c->ended && c->socket)
        info.queuedBytes = queuedBytes(c);
    return info;
}

/// Rate limit and flood check for one inbound frame. False when it must be dropped.
bool ChatServer::Private::admit(Connection *c, const QString &re)
{
    if (c->bucket.take(nowMs())) {
        c->rateLimitedReported = false;
        return true;
    }
    ++counters.rateLimited;
    if (c->bucket.refusedInARow() > limits::FloodCloseFactor * config.burst) {
        ++counters.floodDisconnects;
        event(c, QStringLiteral("flood"),
              tr("%1 kept flooding past %2 refused messages: closed with 1008.")
                  .arg(who(c))
                  .arg(limits::FloodCloseFactor * config.burst),
              close::PolicyViolation);
        closeConnection(c, close::PolicyViolation, QStringLiteral("flooding"));
        return false;
    }
    if (!c->rateLimitedReported) {
        c->rateLimitedReported = true;
        event(c, QStringLiteral("rate_limited"),
              tr("%1 sends too fast (over %2/s, burst %3): messages dropped.")
                  .arg(who(c))
                  .arg(config.ratePerSec)
                  .arg(config.burst));
    }
    sendError(c, ErrorCode::RateLimited, re);
    return false;
}

void ChatServer::Private::onText(Connection *c, const QString &message)
{
    if (c->closing)
        return;
    c->lastSeenMs = nowMs();
    const QByteArray utf8 = message.toUtf8();
    ++c->info.framesIn;
    c->info.bytesIn += utf8.size();
    ++counters.framesIn;
    counters.bytesIn += quint64(utf8.size());

    ClientDecodeResult decoded = decodeClient(QByteArrayView(utf8));
    auto *error = std::get_if<DecodeError>(&decoded);
    logIn(c, utf8,
          error ? (error->type.isEmpty() ? peekType(utf8) : error->type)
                : typeName(std::get<ClientMessage>(decoded)));

    if (error) {
        if (admit(c, error->re)) {
            ++counters.errorsSent;
            send(c, makeError(error->code, error->re, error->message));
        }
        return;
    }
    const ClientMessage &m = std::get<ClientMessage>(decoded);
    // Every request type carries `id`: replies (errors included) echo it as `re`.
    const QString re = std::visit([](const auto &r) { return r.id; }, m);
    if (!admit(c, re))
        return;
    if (const auto *h = std::get_if<client::Hello>(&m)) {
        hello(c, *h);
        return;
    }
    if (!c->session) {
        sendError(c, ErrorCode::NotWelcomed, re);
        return;
    }
    if (const auto *x = std::get_if<client::Join>(&m))
        join(c, *x);
    else if (const auto *x = std::get_if<client::Leave>(&m))
        leave(c, *x);
    else if (const auto *x = std::get_if<client::Say>(&m))
        say(c, *x);
    else if (const auto *x = std::get_if<client::Whisper>(&m))
        whisper(c, *x);
    else if (const auto *x = std::get_if<client::Typing>(&m))
        typing(c, *x);
    else if (const auto *x = std::get_if<client::History>(&m))
        history(c, *x);
    else if (const auto *x = std::get_if<client::Nick>(&m))
        nick(c, *x);
    else if (const auto *x = std::get_if<client::Rooms>(&m))
        roomsRequest(c, *x);
    else if (const auto *x = std::get_if<client::Ping>(&m))
        ping(c, *x);
}

void ChatServer::Private::onBinary(Connection *c, const QByteArray &data)
{
    if (c->closing)
        return;
    c->lastSeenMs = nowMs();
    ++c->info.framesIn;
    c->info.bytesIn += data.size();
    ++counters.framesIn;
    counters.bytesIn += quint64(data.size());
    logIn(c, data, QStringLiteral("binary"));
    if (!admit(c, {}))
        return;
    sendError(c, ErrorCode::BinaryUnsupported, {});
}

// --- requests ----------------------------------------------------------------------------

void ChatServer::Private::hello(Connection *c, const client::Hello &m)
{
    if (c->session) {
        sendError(c, ErrorCode::AlreadyWelcomed, m.id);
        return;
    }
    std::shared_ptr<Session> s;
    bool resumed = false;
    if (!m.resume.isEmpty())
        s = byToken.value(m.resume); // unknown or expired: handled as a new session
    if (s) {
        resumed = true;
        Connection *old = s->conn;
        s->agent = m.agent;
        if (old) {
            // Takeover of a half-open connection: the new socket takes its place in every
            // room silently (membership does not change); the old one is closed with 4000.
            for (const QString &name : std::as_const(s->rooms)) {
                if (Room *r = findRoom(name))
                    r->replace(old, c);
            }
            keepIdentity(old);
            old->session = nullptr;
            s->conn = c;
            c->session = s.get();
            c->label = s->nick;
            event(old, QStringLiteral("takeover"),
                  tr("%1: a new connection resumed this session; the old one is closed with 4000.")
                      .arg(who(old)));
            closeConnection(old, close::TakenOver, QStringLiteral("session taken over"));
        } else {
            // Back from a drop: the others saw a `leave` then, so they see a `join` now.
            s->conn = c;
            c->session = s.get();
            c->label = s->nick;
            for (const QString &name : std::as_const(s->rooms))
                enterRoom(c, roomRef(name));
        }
    } else {
        if (const auto problem = nickProblem(m.nick)) {
            sendError(c, ErrorCode::BadNick, m.id, *problem);
            return;
        }
        const QString key = nickKey(m.nick);
        if (byNick.contains(key)) {
            sendError(c, ErrorCode::NickTaken, m.id);
            return;
        }
        s = std::make_shared<Session>();
        do {
            s->token = newToken();
        } while (byToken.contains(s->token));
        s->nick = m.nick;
        s->key = key;
        s->agent = m.agent;
        s->conn = c;
        byToken.insert(s->token, s);
        byNick.insert(key, s.get());
        c->session = s.get();
        c->label = s->nick;
    }

    sv::Welcome w;
    w.re = m.id;
    w.server = config.name;
    w.nick = s->nick;
    w.session = s->token;
    w.limits.maxText = config.maxText;
    w.limits.maxBytes = config.maxBytes;
    w.limits.ratePerSec = config.ratePerSec;
    w.limits.burst = config.burst;
    send(c, w);

    event(c, QStringLiteral("hello"),
          resumed
              ? tr("%1 resumed its session as \"%2\" (%3 rooms).")
                    .arg(endpointText(c->info.address, c->info.port), s->nick)
                    .arg(s->rooms.size())
              : tr("%1 said hello as \"%2\"%3.")
                    .arg(endpointText(c->info.address, c->info.port), s->nick,
                         s->agent.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s->agent)));
    Q_EMIT q->clientWelcomed(c->id, s->nick);

    if (!resumed) {
        Room &general = roomRef(QString::fromLatin1(DefaultRoom));
        enterRoom(c, general);
    }
    for (const QString &name : std::as_const(s->rooms))
        sendJoined(c, roomRef(name), m.id);
    Q_EMIT q->roomsChanged();
    Q_EMIT q->clientUpdated(c->id);
}

void ChatServer::Private::join(Connection *c, const client::Join &m)
{
    Room &r = roomRef(m.room);
    const bool entered = enterRoom(c, r);
    sendJoined(c, r, m.id);
    if (entered) {
        Q_EMIT q->roomsChanged();
        Q_EMIT q->clientUpdated(c->id);
    }
}

void ChatServer::Private::leave(Connection *c, const client::Leave &m)
{
    Room *r = findRoom(m.room);
    if (!r || !r->contains(c)) {
        sendError(c, ErrorCode::NotInRoom, m.id);
        return;
    }
    c->session->rooms.removeAll(m.room);
    exitRoom(c, *r, c->session->nick);
    sv::Left l;
    l.re = m.id;
    l.room = m.room;
    send(c, l);
    Q_EMIT q->roomsChanged();
    Q_EMIT q->clientUpdated(c->id);
}

bool ChatServer::Private::cleanText(Connection *c, const QString &raw, const QString &re,
                                    QString *out)
{
    *out = sanitizeText(raw);
    if (const auto problem = textProblem(*out, config.maxText)) {
        sendError(c, *problem, re);
        return false;
    }
    return true;
}

void ChatServer::Private::say(Connection *c, const client::Say &m)
{
    Room *r = findRoom(m.room);
    if (!r || !r->contains(c)) {
        sendError(c, ErrorCode::NotInRoom, m.id);
        return;
    }
    QString text;
    if (!cleanText(c, m.text, m.id, &text))
        return;
    if (refuseIfBusy(c, m.id))
        return;
    Session *s = c->session;
    const qint64 now = nowMs();
    if (!m.id.isEmpty()) {
        // A resend of a message already stored: give the sender its copy again, nothing else.
        if (auto original = store->findByClientId(s->key, m.id, now - config.dedupWindowMs)) {
            original->re = m.id;
            send(c, *original);
            return;
        }
    }
    auto stored = store->append(m.room, s->nick, s->key, m.id, text, now);
    if (!stored) {
        event(c, QStringLiteral("error"),
              tr("Could not store a message from %1: %2").arg(who(c), store->lastError()));
        sendError(c, ErrorCode::Internal, m.id);
        return;
    }
    ++counters.messagesStored;
    const Frame shared(ServerMessage {*stored});
    int n = 0;
    if (m.id.isEmpty()) {
        n = fanOut(*r, shared, nullptr);
    } else {
        stored->re = m.id;
        const Frame own(ServerMessage {*stored});
        n = fanOut(*r, shared, c);
        if (write(c, own))
            ++n;
    }
    logOut(nullptr, n, shared);
}

void ChatServer::Private::whisper(Connection *c, const client::Whisper &m)
{
    Session *target = byNick.value(nickKey(m.to));
    if (!target || !target->conn || target->conn->closing) {
        sendError(c, ErrorCode::NoSuchUser, m.id);
        return;
    }
    QString text;
    if (!cleanText(c, m.text, m.id, &text))
        return;
    if (refuseIfBusy(c, m.id))
        return;
    Session *s = c->session;
    const qint64 now = nowMs();
    QString dedupKey;
    if (!m.id.isEmpty()) {
        dedupKey = s->key + QChar(0x1f) + m.id;
        const auto it = whisperSeen.constFind(dedupKey);
        if (it != whisperSeen.constEnd() && now - it->ts < config.dedupWindowMs) {
            sv::Whisper again = it->whisper;
            again.re = m.id;
            send(c, again);
            return;
        }
    }
    sv::Whisper w;
    w.from = s->nick;
    w.to = target->nick;
    w.text = text;
    w.ts = now;
    if (target->conn != c)
        send(target->conn, w);
    if (!dedupKey.isEmpty())
        whisperSeen.insert(dedupKey, WhisperSeen {w, now});
    w.re = m.id;
    send(c, w);
}

void ChatServer::Private::typing(Connection *c, const client::Typing &m)
{
    Room *r = findRoom(m.room);
    if (!r || !r->contains(c)) {
        sendError(c, ErrorCode::NotInRoom, m.id);
        return;
    }
    if (isLarge(r->count()))
        return; // the contract: typing is not relayed in large rooms
    sv::Typing t;
    t.room = m.room;
    t.nick = c->session->nick;
    t.on = m.on;
    const Frame f(ServerMessage {t});
    logOut(nullptr, fanOut(*r, f, c), f);
}

void ChatServer::Private::history(Connection *c, const client::History &m)
{
    sv::History h;
    h.re = m.id;
    h.room = m.room;
    h.messages = store->history(m.room, m.before, m.after, m.limit);
    send(c, h);
}

void ChatServer::Private::nick(Connection *c, const client::Nick &m)
{
    Session *s = c->session;
    if (const auto problem = nickProblem(m.nick)) {
        sendError(c, ErrorCode::BadNick, m.id, *problem);
        return;
    }
    const QString key = nickKey(m.nick);
    if (key != s->key && byNick.contains(key)) {
        sendError(c, ErrorCode::NickTaken, m.id);
        return;
    }
    const QString old = s->nick;
    if (byNick.value(s->key) == s)
        byNick.remove(s->key);
    s->nick = m.nick;
    s->key = key;
    byNick.insert(key, s);
    c->label = s->nick;

    sv::Presence p;
    p.event = sv::PresenceEvent::Nick;
    p.nick = s->nick;
    p.old = old;
    for (const QString &name : std::as_const(s->rooms)) {
        Room *r = findRoom(name);
        if (!r)
            continue;
        p.room = name;
        p.re.clear();
        const Frame f(ServerMessage {p});
        logOut(nullptr, fanOut(*r, f, c), f);
        p.re = m.id;
        send(c, p);
    }
    if (s->rooms.isEmpty()) {
        // In no room: the client still learns that its nick changed.
        p.room.clear();
        p.re = m.id;
        send(c, p);
    }
    event(c, QStringLiteral("nick"), tr("%1 is now known as \"%2\".").arg(old, s->nick));
    Q_EMIT q->roomsChanged();
    Q_EMIT q->clientUpdated(c->id);
}

void ChatServer::Private::roomsRequest(Connection *c, const client::Rooms &m)
{
    sv::Rooms out;
    out.re = m.id;
    for (const auto &[name, room] : rooms)
        out.rooms.append(sv::RoomInfo {name, room.count()});
    send(c, out);
}

void ChatServer::Private::ping(Connection *c, const client::Ping &m)
{
    sv::Pong p;
    p.re = m.id;
    p.t = m.t;
    send(c, p);
}

// --- timers ------------------------------------------------------------------------------

void ChatServer::Private::pingTick()
{
    const qint64 now = nowMs();
    const bool pingNow = now - lastPingMs >= config.pingIntervalMs - pingTimer.interval() / 2;
    if (pingNow)
        lastPingMs = now;
    // If this tick comes late, the event loop itself was stuck (a busy window, a stopped
    // process): the peers' pongs may be waiting unread in the sockets. Give everyone a fresh
    // timeout window instead of judging them, so that our own stall never drops everyone.
    const bool stalled = now - lastTickMs > 2 * pingTimer.interval() + 50;
    lastTickMs = now;
    std::vector<quint64> silent;
    for (const auto &[id, c] : conns) {
        if (c->closing)
            continue;
        if (stalled)
            c->lastSeenMs = qMax(c->lastSeenMs, now);
        if (now - c->lastSeenMs > config.peerTimeoutMs)
            silent.push_back(id);
        else if (pingNow)
            c->socket->ping();
    }
    for (quint64 id : silent) {
        if (Connection *c = find(id)) {
            event(c, QStringLiteral("timeout"),
                  tr("%1 did not answer pings for %2 s: dropped.")
                      .arg(who(c))
                      .arg(double(config.peerTimeoutMs) / 1000.0));
            drop(c, tr("no answer to pings for %1 s").arg(double(config.peerTimeoutMs) / 1000.0));
        }
    }
}

void ChatServer::Private::houseTick()
{
    const qint64 now = nowMs();
    // Large rooms: one `count` presence per room at most once a second while it changes.
    for (auto it = dirtyCounts.begin(); it != dirtyCounts.end();) {
        Room *r = findRoom(*it);
        if (!r) {
            it = dirtyCounts.erase(it);
            continue;
        }
        if (now - lastCountSentMs.value(r->name, 0) < CountIntervalMs) {
            ++it;
            continue;
        }
        if (r->count() != r->lastCountSent && !r->members.empty()) {
            sv::Presence p;
            p.room = r->name;
            p.event = sv::PresenceEvent::Count;
            p.count = r->count();
            const Frame f(ServerMessage {p});
            logOut(nullptr, fanOut(*r, f, nullptr), f);
            r->lastCountSent = r->count();
            lastCountSentMs.insert(r->name, now);
        }
        it = dirtyCounts.erase(it);
    }
    // Resumable sessions whose grace period is over: the nick is free again.
    QList<Session *> expired;
    for (const auto &s : std::as_const(byToken)) {
        if (!s->conn && now - s->detachedAtMs >= config.resumeGraceMs)
            expired.append(s.get());
    }
    for (Session *s : std::as_const(expired)) {
        event(nullptr, QStringLiteral("expired"),
              tr("Nobody resumed the session of \"%1\" within %2 s: the nickname is free again.")
                  .arg(s->nick)
                  .arg(config.resumeGraceMs / 1000.0));
        removeSession(s);
    }
    // Whisper dedup entries older than the window.
    for (auto it = whisperSeen.begin(); it != whisperSeen.end();) {
        if (now - it->ts >= config.dedupWindowMs)
            it = whisperSeen.erase(it);
        else
            ++it;
    }
}

// ---------------------------------------------------------------------------------------

ChatServer::ChatServer(ServerConfig config, HistoryStore *history, TrafficLog *traffic,
                       QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->config = std::move(config);
    d->traffic = traffic;
    d->store = history;
    if (!d->store) {
        d->ownStore = std::make_unique<HistoryStore>();
        d->ownStore->open(QStringLiteral(":memory:"));
        d->store = d->ownStore.get();
    }
    // One timer sends the pings and checks for silent peers; it ticks at least three times
    // per peer timeout so a silent peer goes within timeout + timeout/3.
    d->pingTimer.setInterval(qMax(20, qMin(d->config.pingIntervalMs, d->config.peerTimeoutMs / 3)));
    connect(&d->pingTimer, &QTimer::timeout, this, [this] { d->pingTick(); });
    d->houseTimer.setInterval(qMax(20, qMin(HousekeepingMs, d->config.resumeGraceMs / 4)));
    connect(&d->houseTimer, &QTimer::timeout, this, [this] { d->houseTick(); });
}

ChatServer::~ChatServer()
{
    // Sockets are not children of this object: close and delete them here, without
    // running our handlers (the object is half destroyed).
    for (auto &[id, c] : d->conns) {
        QObject::disconnect(c->socket, nullptr, this, nullptr);
        c->socket->abort();
        delete c->socket;
    }
    d->conns.clear();
}

QByteArray ChatServer::acceptKey(const QByteArray &secWebSocketKey)
{
    return QCryptographicHash::hash(secWebSocketKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

bool ChatServer::listen(const QHostAddress &address, quint16 port)
{
    if (isListening())
        stop();
    d->errorString.clear();
    if (!d->wsServer) {
        d->wsServer = new QWebSocketServer(d->config.name, QWebSocketServer::NonSecureMode, this);
        d->wsServer->setSupportedSubprotocols({QString::fromLatin1(Subprotocol)});
        d->wsServer->setMaxPendingConnections(d->config.maxPendingConnections);
        connect(d->wsServer, &QWebSocketServer::newConnection, this, [this] { d->onWebSocket(); });
    }
    // Our own QTcpServer (handed to QWebSocketServer::handleConnection) so that we reach
    // each accepted socket: TCP_NODELAY, a deep listen backlog, and the raw request head.
    if (!d->tcp) {
        d->tcp = new DirectTcpServer(this);
        d->tcp->setMaxPendingConnections(d->config.maxPendingConnections);
        d->tcp->setListenBacklogSize(d->config.maxPendingConnections);
        connect(d->tcp, &QTcpServer::newConnection, this, [this] { d->onTcpConnection(); });
    }
    if (!d->tcp->listen(address, port)) {
        d->errorString = d->tcp->errorString();
        return false;
    }
    if (d->store) {
        for (const QString &room : d->store->rooms())
            d->roomRef(room);
    }
    d->lastPingMs = nowMs();
    d->lastTickMs = d->lastPingMs;
    d->pingTimer.start();
    d->houseTimer.start();
    Q_EMIT listeningChanged(true);
    return true;
}

void ChatServer::stop()
{
    const bool was = isListening();
    // Only stop listening: accepted sockets are children of the QTcpServer, so it lives
    // as long as this object.
    if (d->tcp)
        d->tcp->close();
    d->pingTimer.stop();
    d->houseTimer.stop();
    std::vector<quint64> ids;
    ids.reserve(d->conns.size());
    for (const auto &[id, c] : d->conns)
        ids.push_back(id);
    d->shuttingDown = true;
    for (quint64 id : ids) {
        if (Connection *c = d->find(id))
            d->closeConnection(c, close::GoingAway, tr("server shutting down"));
    }
    d->shuttingDown = false;
    // Nobody can resume into a stopped server.
    d->byToken.clear();
    d->byNick.clear();
    if (was)
        Q_EMIT listeningChanged(false);
}

bool ChatServer::isListening() const
{
    return d->tcp && d->tcp->isListening();
}

quint16 ChatServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QHostAddress ChatServer::address() const
{
    return d->tcp ? d->tcp->serverAddress() : QHostAddress();
}

QString ChatServer::errorString() const
{
    return d->errorString;
}

const ServerConfig &ChatServer::config() const
{
    return d->config;
}

void ChatServer::setName(const QString &name)
{
    d->config.name = name;
    if (d->wsServer)
        d->wsServer->setServerName(name);
}

HistoryStore *ChatServer::historyStore() const
{
    return d->store;
}

TrafficLog *ChatServer::trafficLog() const
{
    return d->traffic;
}

int ChatServer::sendNotice(const QString &text, const NoticeTarget &target)
{
    sv::Notice n;
    n.text = sanitizeText(text);
    n.ts = nowMs();
    if (n.text.isEmpty())
        return 0;
    int count = 0;
    switch (target.kind) {
    case NoticeTarget::Kind::Everyone: {
        const Frame f(ServerMessage {n});
        for (const auto &[id, c] : d->conns) {
            if (c->session && d->write(c.get(), f))
                ++count;
        }
        d->logOut(nullptr, count, f);
        break;
    }
    case NoticeTarget::Kind::Room: {
        Room *r = d->findRoom(target.room);
        if (!r)
            return 0;
        n.room = target.room;
        const Frame f(ServerMessage {n});
        count = d->fanOut(*r, f, nullptr);
        d->logOut(nullptr, count, f);
        break;
    }
    case NoticeTarget::Kind::Client: {
        Connection *c = d->find(target.clientId);
        if (!c)
            return 0;
        const Frame f(ServerMessage {n});
        if (d->write(c, f)) {
            count = 1;
            d->logOut(c, 1, f);
        }
        break;
    }
    }
    return count;
}

bool ChatServer::kick(quint64 clientId, const QString &reason)
{
    Connection *c = d->find(clientId);
    if (!c || c->closing)
        return false;
    d->event(c, QStringLiteral("kick"),
             reason.isEmpty() ? tr("%1 was kicked.").arg(d->who(c))
                              : tr("%1 was kicked: %2").arg(d->who(c), reason),
             close::Kicked);
    d->closeConnection(c, close::Kicked, reason);
    return true;
}

QList<ClientInfo> ChatServer::clients() const
{
    QList<ClientInfo> out;
    out.reserve(qsizetype(d->conns.size()));
    for (const auto &[id, c] : d->conns)
        out.append(d->snapshot(c.get()));
    std::sort(out.begin(), out.end(),
              [](const ClientInfo &a, const ClientInfo &b) { return a.id < b.id; });
    return out;
}

std::optional<ClientInfo> ChatServer::client(quint64 clientId) const
{
    if (const Connection *c = d->find(clientId))
        return d->snapshot(c);
    return std::nullopt;
}

QList<RoomInfo> ChatServer::rooms() const
{
    QList<RoomInfo> out;
    for (const auto &[name, room] : d->rooms) {
        RoomInfo info;
        info.name = name;
        info.count = room.count();
        const int listed = qMin(room.count(), 1000);
        info.members.reserve(listed);
        for (int i = 0; i < listed; ++i) {
            const Connection *m = room.members[size_t(i)];
            info.members.append(m->session ? m->session->nick : m->label);
        }
        info.members.sort(Qt::CaseInsensitive);
        out.append(info);
    }
    return out;
}

ServerCounters ChatServer::counters() const
{
    ServerCounters c = d->counters;
    c.clients = int(d->conns.size());
    return c;
}

int ChatServer::clientCount() const
{
    return int(d->conns.size());
}

} // namespace duplex::server
