// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>

namespace duplex::server {

/// Sees every byte written to a DirectTcpSocket, in order, and hears of arriving bytes
/// before anyone else on the socket reads them (the wire tap).
class WireObserver
{
public:
    virtual void bytesSent(const char *data, qint64 size) = 0;
    /// New bytes are in the socket's buffer; nobody has read them yet.
    virtual void bytesArrived() = 0;

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

    /// Who sees the bytes from now on (null: nobody; a null test per write and readyRead).
    void setWireObserver(WireObserver *observer) { m_observer = observer; }
    WireObserver *wireObserver() const { return m_observer; }

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    QByteArray m_responseHead;
    WireObserver *m_observer = nullptr;

    friend class DirectTcpServer;
    void onReadyRead()
    {
        if (m_observer)
            m_observer->bytesArrived();
    }
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
