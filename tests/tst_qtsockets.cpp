// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Qt 6.4 socket facts the engine's memory use depends on (docs/qt-notes.md, "A socket keeps
// a 16 KiB read chunk"): measured with glibc's own allocation counter on real loopback
// sockets, so that a Qt update that changes them shows up here.

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <sys/socket.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

qint64 heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return qint64(mallinfo2().uordblks);
#else
    return -1;
#endif
}

/// The setup both experiments share: 64 loopback connections; each client writes 100 bytes
/// (like a hello frame) past Qt (a client's own QTcpSocket would keep a write chunk of its
/// own), and the server's side reads them with `readSome` until all are in.
class ReadExperiment
{
public:
    static constexpr int Sockets = 64;
    static constexpr int HelloBytes = 100;

    /// Listens, connects every client and accepts every connection.
    bool open()
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            return false;
        for (int i = 0; i < Sockets; ++i) {
            m_clients.push_back(std::make_unique<QTcpSocket>());
            m_clients.back()->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        }
        return QTest::qWaitFor(
            [&] {
                while (QTcpSocket *s = m_server.nextPendingConnection())
                    m_accepted.push_back(s);
                return int(m_accepted.size()) == Sockets;
            },
            10000);
    }

    /// Sends, reads (readSome: one read from a socket that has bytes, returns the bytes it
    /// took), and returns the heap in use after reading minus before sending, per socket;
    /// nothing when not every byte arrived.
    std::optional<qint64> sendAndRead(const std::function<qint64(QTcpSocket *)> &readSome)
    {
        const qint64 before = heapInUse();
        const QByteArray hello(HelloBytes, 'x');
        for (auto &c : m_clients) {
            if (::send(int(c->socketDescriptor()), hello.constData(), size_t(hello.size()), 0)
                != ssize_t(hello.size()))
                return std::nullopt;
        }
        qint64 consumed = 0;
        const bool all = QTest::qWaitFor(
            [&] {
                for (QTcpSocket *s : m_accepted) {
                    while (s->bytesAvailable() > 0)
                        consumed += readSome(s);
                }
                return consumed == qint64(Sockets) * HelloBytes;
            },
            10000);
        if (!all)
            return std::nullopt;
        return (heapInUse() - before) / Sockets;
    }

private:
    QTcpServer m_server;
    std::vector<std::unique_ptr<QTcpSocket>> m_clients;
    std::vector<QTcpSocket *> m_accepted;
};

} // namespace

class TestQtSockets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readKeepsAChunkPerSocket_data();
    void readKeepsAChunkPerSocket();
    void readOfTheWholeChunkHandsItOver();
};

void TestQtSockets::readKeepsAChunkPerSocket_data()
{
    QTest::addColumn<bool>("readAll");
    // How Qt's WebSocket reader consumes a socket: read(char *, n), a header at a time.
    QTest::newRow("read(char*, n)") << false;
    // readAll() copies into an array of its own (chunk-sized) and leaves the chunk too.
    QTest::newRow("readAll()") << true;
}

void TestQtSockets::readKeepsAChunkPerSocket()
{
    QFETCH(bool, readAll);
    if (heapInUse() < 0)
        QSKIP("needs glibc's mallinfo2()");

    ReadExperiment experiment;
    QVERIFY(experiment.open());
    const auto perSocket = experiment.sendAndRead([readAll](QTcpSocket *s) {
        if (readAll)
            return qint64(s->readAll().size());
        char buffer[16];
        return s->read(buffer, sizeof buffer);
    });
    QVERIFY(perSocket);
    qInfo("heap in use after reading: %lld bytes per socket", *perSocket);
    // QRingBuffer::free() keeps one chunk of up to the basic block size (QIODevice's
    // 16 KiB) when the buffer runs empty; it is never given back while the socket lives,
    // whichever way the data was read. Only its touched pages count in the RSS.
    QVERIFY2(*perSocket >= 16 * 1024 && *perSocket < 20 * 1024,
             qPrintable(QString::number(*perSocket)));
}

// QIODevice::read(qint64 n) with n == the first buffered block's size does not copy: it
// takes that chunk out of the ring buffer and returns it as the QByteArray (qiodevice.cpp,
// "prevent the data from being copied"). Dropped, it is freed: the socket keeps nothing.
// This is how the server's frame reader (WsConnection) reads, so an idle connection keeps
// no read buffer.
void TestQtSockets::readOfTheWholeChunkHandsItOver()
{
    if (heapInUse() < 0)
        QSKIP("needs glibc's mallinfo2()");

    ReadExperiment experiment;
    QVERIFY(experiment.open());
    qint64 capacity = 0;
    const auto perSocket = experiment.sendAndRead([&capacity](QTcpSocket *s) {
        // One read event, one chunk: bytesAvailable() is its size.
        const QByteArray chunk = s->read(s->bytesAvailable());
        capacity = qMax<qint64>(capacity, chunk.capacity());
        return qint64(chunk.size());
    });
    QVERIFY(perSocket);
    qInfo("heap in use after reading: %lld bytes per socket (the array read had a capacity of "
          "%lld bytes)",
          *perSocket, capacity);
    // The array we got was the chunk itself (16 KiB of capacity for 100 bytes)...
    QVERIFY2(capacity >= 16 * 1024, qPrintable(QString::number(capacity)));
    // ...and with it gone the socket holds (almost) nothing more than before.
    QVERIFY2(*perSocket < 1024, qPrintable(QString::number(*perSocket)));
}

QTEST_GUILESS_MAIN(TestQtSockets)
#include "tst_qtsockets.moc"
