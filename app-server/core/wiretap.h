// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The wire tap: the exact bytes of every frame and HTTP head on a connection, in and out,
// parsed as a stream (a write may carry several frames, a frame may arrive in pieces).
// Off by default; when off there is no tap object, no slot and no per-byte work: the only
// cost is one null pointer test per socket write and per read.
//
// Out: DirectTcpSocket's writeData sees everything (ours: 101 and other HTTP answers,
// frames, ping, pong, close). In: the tap never reads the socket itself; it is handed what
// our readers consume, when they consume it (WireObserver): each HTTP request head the
// Listener took (every one on a kept-alive connection), and each piece WsConnection's frame
// reader took, with the frame starts marked. So the X-ray shows exactly what the server
// parsed, frame boundaries included; bytes nobody read (after a close frame) are not in it.

#include "directsocket.h"
#include "wirelog.h"

#include <websocket.h>

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_set>

namespace duplex::server {

class WireTaps;

/// `--record FILE`: one JSON line per record (protocol-v1-http.md, "Recording the wire"),
/// flushed at least once a second and when closed.
class WireRecordFile
{
public:
    WireRecordFile() = default;
    ~WireRecordFile();
    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    void write(const WireRecord &record);
    void flush();

    /// The line for one record, without the newline.
    static QByteArray line(const WireRecord &record);

private:
    QFile m_file;
    QByteArray m_buffer;
    QElapsedTimer m_sinceFlush;
    std::unique_ptr<QTimer> m_timer;
};

/// The tap on one connection: a child of its socket, so it goes with it.
class WireTap final : public QObject, public WireObserver
{
public:
    /// fromStart: attached at accept (the HTTP head comes first); otherwise in the middle
    /// of a WebSocket stream (inbound waits for the reader's next frame start).
    WireTap(DirectTcpSocket *socket, WireTaps *hub, bool fromStart, quint64 clientId);
    ~WireTap() override;

    /// The tap of this socket, or null.
    static WireTap *of(QTcpSocket *socket);

    /// The connection is client (or plain HTTP connection) `id`: records kept back until
    /// now get the id.
    void bind(quint64 id);
    quint64 clientId() const { return m_id; }
    void forgetHub() { m_hub = nullptr; }

    void bytesSent(const char *data, qint64 size) override;
    void httpRead(QByteArrayView head, qint64 bodyBytes) override;
    void wireRead(QByteArrayView bytes, bool frameStart) override;

private:
    /// Body: an HTTP answer's body is going out (skipped, then the next head).
    enum class Mode : quint8 { HttpHead, Body, Frames, Ignore, Resync };
    struct Direction {
        Mode mode = Mode::HttpHead;
        ws::FrameStream frames;
        QByteArray head; ///< an HTTP head so far (at most the keep limit)
        qint64 headLength = 0;
        qint64 bodyLeft = 0; ///< Body: bytes of it still to go
        qint64 startMs = 0;
    };

    /// The connection ended: frames it ended in the middle of, as far as they came.
    void flushPartial();
    void feedFrames(Direction &d, bool out, QByteArrayView bytes);
    /// Out: heads, bodies and frames, as written.
    void feedOut(QByteArrayView bytes);
    /// Returns the bytes of `bytes` that belong to the head; a record when it is complete.
    qsizetype feedHead(Direction &d, bool out, QByteArrayView bytes);
    void emitRecord(WireRecord &&record);

    QPointer<DirectTcpSocket> m_socket;
    WireTaps *m_hub;
    quint64 m_id = 0;
    Direction m_in;
    Direction m_out;
    QList<WireRecord> m_held;   ///< before bind(): the HTTP heads (a few records at most)
    bool m_headRequest = false; ///< the request being answered is a HEAD: no body comes
};

/// The engine's taps: which connections are tapped, and where records go (the WireLog the
/// window reads, the --record file). Lives in the engine's thread.
class WireTaps
{
public:
    /// newId: a connection id for a tapped connection that never became a client (plain
    /// HTTP, refused upgrades).
    WireTaps(WireLog *log, std::function<quint64()> newId);
    ~WireTaps();
    WireTaps(const WireTaps &) = delete;
    WireTaps &operator=(const WireTaps &) = delete;

    void setLog(WireLog *log) { m_log = log; }
    WireLog *log() const { return m_log; }
    bool startRecording(const QString &path, QString *error);
    bool recording() const { return m_file && m_file->isOpen(); }
    void flush();

    bool tapAll() const { return m_all; }
    void setTapAll(bool on) { m_all = on; }
    bool isTapped(quint64 clientId) const;
    /// Per client; the caller attaches or detaches the socket's tap (ChatServer).
    void setTapped(quint64 clientId, bool on);
    /// Whether a connection needs a tap: recording, everyone, or chosen.
    bool wanted(quint64 clientId) const;

    /// At accept: a tap from the first byte when recording or tapping everyone.
    void accepted(QTcpSocket *socket);
    /// After the upgrade: binds the socket's tap to the client (or attaches one).
    void upgraded(QTcpSocket *socket, quint64 clientId);
    /// Attaches (mid-stream) or removes the tap of a client's socket.
    void apply(QTcpSocket *socket, quint64 clientId);

    WireTapStats stats() const
    {
        WireTapStats s = m_stats;
        s.taps = int(m_taps.size());
        return s;
    }

private:
    friend class WireTap;
    void record(WireRecord &&record);
    quint64 newId() { return m_newId(); }

    WireLog *m_log;
    std::function<quint64()> m_newId;
    std::unique_ptr<WireRecordFile> m_file;
    bool m_all = false;
    std::unordered_set<quint64> m_chosen;
    std::unordered_set<WireTap *> m_taps;
    WireTapStats m_stats;
};

} // namespace duplex::server
