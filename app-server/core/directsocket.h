// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <framereader.h>

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>

namespace duplex::server {

/// The wire tap's hand-off points. Out: every byte written to a DirectTcpSocket, in order
/// (writeData). In: only what our readers consume, as they consume it: the Listener's HTTP
/// heads and bodies, and WsConnection's frame reader (ws::WireSink, one piece at a time,
/// frame boundaries marked). Nothing reads the socket a second time for it.
class WireObserver : public ws::WireSink
{
public:
    virtual void bytesSent(const char *data, qint64 size) = 0;
    /// The Listener consumed an HTTP request head (whole, or as much of a refused one as it
    /// looked at) and `bodyBytes` of body after it.
    virtual void httpRead(QByteArrayView head, qint64 bodyBytes) = 0;

protected:
    ~WireObserver() = default;
};

/// The accepted socket. Qt 6.4's QTcpSocket copies every write into its write ring buffer,
/// even a 200-byte 101 response to an idle peer, and keeps the last 32 KiB chunk of that
/// buffer for life (QRingBuffer::free() keeps one chunk <= its block size): ~33 kB per idle
/// connection. `QIODevice::Unbuffered` does not change that for an accepted socket (its
/// isBuffered flag stays set). So every write (ours: the 101 response, frames,
/// close, ping and pong frames) goes straight to the
/// kernel while Qt's buffer is empty; only what the kernel refuses goes into Qt's buffer,
/// and from then on everything goes there (in order) until it has drained again.
///
/// It also keeps the first thing written to it when that is an HTTP response head: the
/// 101 as it went out.
class DirectTcpSocket final : public QTcpSocket
{
public:
    using QTcpSocket::QTcpSocket;

    /// The HTTP response head written first on this socket (empty if none yet).
    QByteArray takeResponseHead() { return std::exchange(m_responseHead, {}); }

    /// Who sees the bytes from now on (null: nobody; a null test per write and per read).
    void setWireObserver(WireObserver *observer) { m_observer = observer; }
    WireObserver *wireObserver() const { return m_observer; }

    /// The observer of `socket` (a DirectTcpSocket), or null.
    static WireObserver *observerOf(QTcpSocket *socket)
    {
        auto *direct = dynamic_cast<DirectTcpSocket *>(socket);
        return direct ? direct->m_observer : nullptr;
    }

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    QByteArray m_responseHead;
    WireObserver *m_observer = nullptr;

    bool m_firstWrite = true;
};

/// Hands out DirectTcpSockets for every accepted connection.
class DirectTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace duplex::server
