// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "wiretap.h"

#include <QDateTime>

namespace duplex::server {

namespace {

/// Bytes of each frame or head kept (the contract: `wire` may be cut after 4 KiB).
constexpr qsizetype KeepBytes = 4096;
/// Records kept back before the connection has an id (its first HTTP heads: two at most).
constexpr qsizetype MaxHeld = 8;
/// The record file is written when this much is buffered, and at least once a second.
constexpr qsizetype FileBufferBytes = 64 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// --- WireRecordFile ----------------------------------------------------------------------

WireRecordFile::~WireRecordFile()
{
    flush();
}

bool WireRecordFile::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_timer = std::make_unique<QTimer>();
    m_timer->setInterval(1000);
    QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] { flush(); });
    m_timer->start();
    m_sinceFlush.start();
    return true;
}

QByteArray WireRecordFile::line(const WireRecord &r)
{
    // By hand, to keep the contract's key order (QJsonObject sorts keys).
    QByteArray l;
    l.reserve(r.wire.size() * 2 + 200);
    l += "{\"t\":" + QByteArray::number(r.timeMs) + ",\"client\":" + QByteArray::number(r.clientId)
        + ",\"dir\":\"" + (r.out ? "out" : "in") + "\",\"kind\":\""
        + (r.kind == WireRecord::Kind::Http ? "http" : "ws") + '"';
    if (r.kind == WireRecord::Kind::Ws) {
        const ws::FrameHeader &h = r.header;
        l += QByteArray(",\"fin\":") + (h.fin ? "true" : "false") + ",\"rsv\":"
            + QByteArray::number(h.rsv) + ",\"opcode\":" + QByteArray::number(h.opcode)
            + ",\"masked\":" + (h.masked ? "true" : "false");
        if (h.masked)
            l += ",\"maskKey\":\"" + h.maskKeyBytes().toHex() + '"';
    }
    l += ",\"length\":" + QByteArray::number(r.length) + ",\"wire\":\"" + r.wire.toHex() + '"';
    if (r.cut)
        l += ",\"cut\":true";
    l += '}';
    return l;
}

void WireRecordFile::write(const WireRecord &record)
{
    if (!m_file.isOpen())
        return;
    m_buffer += line(record);
    m_buffer += '\n';
    if (m_buffer.size() >= FileBufferBytes || m_sinceFlush.elapsed() >= 1000)
        flush();
}

void WireRecordFile::flush()
{
    if (!m_file.isOpen())
        return;
    if (!m_buffer.isEmpty()) {
        m_file.write(m_buffer);
        m_buffer.clear();
    }
    m_file.flush();
    m_sinceFlush.restart();
}

// --- WireTap -----------------------------------------------------------------------------

WireTap::WireTap(DirectTcpSocket *socket, WireTaps *hub, bool fromStart, quint64 clientId)
    : QObject(socket)
    , m_socket(socket)
    , m_hub(hub)
    , m_id(clientId)
{
    m_in.frames = ws::FrameStream(KeepBytes);
    m_out.frames = ws::FrameStream(KeepBytes);
    hub->m_taps.insert(this);
    socket->setWireObserver(this);
    connect(socket, &QAbstractSocket::disconnected, this, &WireTap::flushPartial);
    if (!fromStart) {
        // In the middle of a WebSocket stream: out is at a frame boundary between two
        // writes; in waits for the reader's next frame start (it may be inside a frame).
        m_out.mode = Mode::Frames;
        m_in.mode = Mode::Resync;
        bind(clientId);
    }
}

WireTap::~WireTap()
{
    flushPartial();
    if (m_socket && m_socket->wireObserver() == this)
        m_socket->setWireObserver(nullptr);
    if (m_hub) {
        if (!m_held.isEmpty() && m_id == 0)
            bind(m_hub->newId()); // never answered: the request gets an id of its own
        m_hub->m_taps.erase(this);
    }
}

WireTap *WireTap::of(QTcpSocket *socket)
{
    return dynamic_cast<WireTap *>(DirectTcpSocket::observerOf(socket));
}

void WireTap::bind(quint64 id)
{
    m_id = id;
    for (WireRecord &r : m_held) {
        r.clientId = id;
        if (m_hub)
            m_hub->record(std::move(r));
    }
    m_held.clear();
}

void WireTap::httpRead(QByteArrayView head, qint64 bodyBytes)
{
    if (m_hub)
        m_hub->m_stats.bytesIn += quint64(head.size() + bodyBytes);
    if (m_in.mode != Mode::HttpHead)
        return;
    m_headRequest = head.startsWith("HEAD ");
    WireRecord r;
    r.timeMs = nowMs();
    r.out = false;
    r.kind = WireRecord::Kind::Http;
    r.length = head.size();
    r.cut = head.size() > KeepBytes;
    r.wire = head.first(qMin<qsizetype>(head.size(), KeepBytes)).toByteArray();
    emitRecord(std::move(r));
}

void WireTap::wireRead(QByteArrayView bytes, bool frameStart)
{
    if (m_hub)
        m_hub->m_stats.bytesIn += quint64(bytes.size());
    if (m_in.mode == Mode::Resync && frameStart) {
        m_in.mode = Mode::Frames;
        m_in.frames.reset();
    }
    if (m_in.mode == Mode::Frames)
        feedFrames(m_in, false, bytes);
}

void WireTap::flushPartial()
{
    for (Direction *d : {&m_in, &m_out}) {
        if (d->mode != Mode::Frames)
            continue;
        if (auto f = d->frames.takePartial()) {
            WireRecord r;
            r.timeMs = d->startMs;
            r.out = d == &m_out;
            r.header = f->header;
            r.length = qint64(f->header.payloadLength);
            r.wire = std::move(f->wire);
            r.cut = true;
            emitRecord(std::move(r));
        }
    }
}

void WireTap::bytesSent(const char *data, qint64 size)
{
    if (m_hub)
        m_hub->m_stats.bytesOut += quint64(size);
    feedOut(QByteArrayView(data, size));
}

void WireTap::feedOut(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        switch (m_out.mode) {
        case Mode::Ignore:
        case Mode::Resync: return;
        case Mode::Frames: feedFrames(m_out, true, bytes); return;
        case Mode::Body: {
            const qsizetype skip = qsizetype(qMin<qint64>(m_out.bodyLeft, bytes.size()));
            bytes = bytes.sliced(skip);
            m_out.bodyLeft -= skip;
            if (m_out.bodyLeft == 0)
                m_out.mode = Mode::HttpHead; // the next answer on a kept-alive connection
            break;
        }
        case Mode::HttpHead: bytes = bytes.sliced(feedHead(m_out, true, bytes)); break;
        }
    }
}

void WireTap::feedFrames(Direction &d, bool out, QByteArrayView bytes)
{
    if (d.frames.pending() == 0)
        d.startMs = nowMs();
    d.frames.feed(bytes, [&](ws::WireFrame &&f) {
        WireRecord r;
        r.timeMs = d.startMs;
        r.out = out;
        r.kind = WireRecord::Kind::Ws;
        r.header = f.header;
        r.length = qint64(f.header.payloadLength);
        r.wire = std::move(f.wire);
        r.cut = f.cut;
        emitRecord(std::move(r));
        d.startMs = nowMs(); // the next frame of this chunk starts now
    });
}

namespace {

/// The Content-Length of a response head (0 when it has none).
qint64 contentLength(const QByteArray &head)
{
    static constexpr QByteArrayView Name("\r\ncontent-length:");
    for (qsizetype at = head.indexOf("\r\n"); at >= 0; at = head.indexOf("\r\n", at + 2)) {
        if (head.mid(at, Name.size()).compare(Name, Qt::CaseInsensitive) != 0)
            continue;
        const qsizetype from = at + Name.size();
        const qsizetype end = head.indexOf("\r\n", from);
        bool ok = false;
        const qint64 n = head.mid(from, end < 0 ? -1 : end - from).trimmed().toLongLong(&ok);
        return ok && n > 0 ? n : 0;
    }
    return 0;
}

} // namespace

qsizetype WireTap::feedHead(Direction &d, bool out, QByteArrayView bytes)
{
    if (d.headLength == 0)
        d.startMs = nowMs();
    // Where "\r\n\r\n" ends, across chunks: how much of it the head already ends with.
    static constexpr char End[] = "\r\n\r\n";
    int matched = 0;
    for (qsizetype i = qMax<qsizetype>(0, d.head.size() - 3); i < d.head.size(); ++i)
        matched = d.head.at(i) == End[matched] ? matched + 1 : (d.head.at(i) == '\r' ? 1 : 0);
    qsizetype end = -1;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        matched = c == End[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        if (matched == 4) {
            end = i + 1;
            break;
        }
    }
    const QByteArrayView part = end < 0 ? bytes : bytes.first(end);
    d.head.append(part.first(qMin(part.size(), qMax<qsizetype>(0, KeepBytes - d.head.size()))));
    d.headLength += part.size();
    if (end < 0)
        return bytes.size();
    WireRecord r;
    r.timeMs = d.startMs;
    r.out = out;
    r.kind = WireRecord::Kind::Http;
    r.length = d.headLength;
    r.cut = d.headLength > d.head.size();
    r.wire = std::exchange(d.head, {});
    d.headLength = 0;
    const bool switching = r.wire.startsWith("HTTP/1.1 101");
    // A kept-alive answer is followed by its body (none for HEAD), then the next answer;
    // a cut head may hide its length: the rest is not ours to show.
    const qint64 body = r.cut ? -1 : m_headRequest ? 0 : contentLength(r.wire);
    emitRecord(std::move(r));
    if (switching) {
        // After a 101 both ways carry frames (a correct client sends none before it reads
        // the 101; the reader hands over only what follows the request head anyway).
        m_out.mode = Mode::Frames;
        m_in.mode = Mode::Frames;
    } else {
        d.mode = body < 0 ? Mode::Ignore : body > 0 ? Mode::Body : Mode::HttpHead;
        d.bodyLeft = qMax<qint64>(0, body);
        // A plain HTTP connection (or a refused upgrade): its id from its first answer on,
        // so that the heads of a long kept-alive one go to the log as they come.
        if (m_id == 0 && m_hub)
            bind(m_hub->newId());
    }
    return end;
}

void WireTap::emitRecord(WireRecord &&record)
{
    record.clientId = m_id;
    if (m_id == 0) {
        if (m_held.size() < MaxHeld)
            m_held.append(std::move(record));
        return;
    }
    if (m_hub)
        m_hub->record(std::move(record));
}

// --- WireTaps ----------------------------------------------------------------------------

WireTaps::WireTaps(WireLog *log, std::function<quint64()> newId)
    : m_log(log)
    , m_newId(std::move(newId))
{
}

WireTaps::~WireTaps()
{
    for (WireTap *tap : m_taps)
        tap->forgetHub();
    m_taps.clear();
    flush();
}

bool WireTaps::startRecording(const QString &path, QString *error)
{
    auto file = std::make_unique<WireRecordFile>();
    if (!file->open(path, error))
        return false;
    m_file = std::move(file);
    return true;
}

void WireTaps::flush()
{
    if (m_file)
        m_file->flush();
}

bool WireTaps::isTapped(quint64 clientId) const
{
    return m_chosen.count(clientId) > 0;
}

void WireTaps::setTapped(quint64 clientId, bool on)
{
    if (on)
        m_chosen.insert(clientId);
    else
        m_chosen.erase(clientId);
}

bool WireTaps::wanted(quint64 clientId) const
{
    return m_all || recording() || isTapped(clientId);
}

void WireTaps::accepted(QTcpSocket *socket)
{
    if (!m_all && !recording())
        return; // no tap: no cost
    if (auto *direct = dynamic_cast<DirectTcpSocket *>(socket))
        new WireTap(direct, this, true, 0);
}

void WireTaps::upgraded(QTcpSocket *socket, quint64 clientId)
{
    if (WireTap *tap = WireTap::of(socket))
        tap->bind(clientId);
    else
        apply(socket, clientId);
}

void WireTaps::apply(QTcpSocket *socket, quint64 clientId)
{
    WireTap *tap = WireTap::of(socket);
    const bool want = wanted(clientId);
    if (want && !tap) {
        if (auto *direct = dynamic_cast<DirectTcpSocket *>(socket))
            new WireTap(direct, this, false, clientId);
    } else if (!want && tap) {
        delete tap;
    }
}

void WireTaps::record(WireRecord &&record)
{
    if (m_file)
        m_file->write(record);
    if (m_log)
        m_log->append(std::move(record));
}

} // namespace duplex::server
