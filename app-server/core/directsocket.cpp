// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "directsocket.h"

#include <cerrno>

#if defined(Q_OS_LINUX)
#include <sys/socket.h>
#include <sys/types.h>
#endif

namespace duplex::server {

qint64 DirectTcpSocket::writeData(const char *data, qint64 size)
{
    if (m_observer)
        m_observer->bytesSent(data, size);
    if (m_firstWrite) {
        m_firstWrite = false;
        const QByteArrayView bytes(data, size);
        if (bytes.startsWith("HTTP/")) {
            const qsizetype end = bytes.indexOf("\r\n\r\n");
            m_responseHead = (end < 0 ? bytes : bytes.first(end + 4)).toByteArray();
        }
    }
#if defined(Q_OS_LINUX)
    if (size > 0 && state() == QAbstractSocket::ConnectedState && bytesToWrite() == 0) {
        ssize_t n = 0;
        do {
            n = ::send(int(socketDescriptor()), data, size_t(size), MSG_DONTWAIT | MSG_NOSIGNAL);
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

void DirectTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new DirectTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    addPendingConnection(socket);
}

} // namespace duplex::server
