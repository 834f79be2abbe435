// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Qt 6.4 socket facts the engine's memory use depends on (docs/qt-notes.md, "A socket keeps
// a 16 KiB read chunk"): measured with glibc's own allocation counter on real loopback
// sockets, so that a Qt update that changes them shows up here.

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

#include <sys/socket.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

class TestQtSockets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readKeepsAChunkPerSocket_data();
    void readKeepsAChunkPerSocket();
    void readOfTheWholeChunkHandsItOver();

private:
    static qint64 heapInUse();
};

qint64 TestQtSockets::heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return qint64(mallinfo2().uordblks);
#else
    return -1;
#endif
}

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

    constexpr int Sockets = 64;
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < Sockets; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
    }
    std::vector<QTcpSocket *> accepted;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            while (QTcpSocket *s = server.nextPendingConnection())
                accepted.push_back(s);
            return int(accepted.size()) == Sockets;
        }(),
        10000);

    const qint64 before = heapInUse();
    // Written past Qt (a client's own QTcpSocket would keep a write chunk of its own).
    const QByteArray hello(100, 'x'); // like a hello frame
    for (auto &c : clients)
        QCOMPARE(::send(int(c->socketDescriptor()), hello.constData(), size_t(hello.size()), 0),
                 ssize_t(hello.size()));
    int consumed = 0;
    QTRY_COMPARE_WITH_TIMEOUT(
        [&] {
            for (QTcpSocket *s : accepted) {
                while (s->bytesAvailable() > 0) {
                    if (readAll) {
                        consumed += int(s->readAll().size());
                    } else {
                        char buffer[16];
                        consumed += int(s->read(buffer, sizeof buffer));
                    }
                }
            }
            return consumed;
        }(),
        Sockets * 100, 10000);
    const qint64 perSocket = (heapInUse() - before) / Sockets;
    qInfo("heap in use after reading: %lld bytes per socket", perSocket);
    // QRingBuffer::free() keeps one chunk of up to the basic block size (QIODevice's
    // 16 KiB) when the buffer runs empty; it is never given back while the socket lives,
    // whichever way the data was read. Only its touched pages count in the RSS.
    QVERIFY2(perSocket >= 16 * 1024 && perSocket < 20 * 1024,
             qPrintable(QString::number(perSocket)));
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

    constexpr int Sockets = 64;
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < Sockets; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
    }
    std::vector<QTcpSocket *> accepted;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            while (QTcpSocket *s = server.nextPendingConnection())
                accepted.push_back(s);
            return int(accepted.size()) == Sockets;
        }(),
        10000);

    const qint64 before = heapInUse();
    const QByteArray hello(100, 'x');
    for (auto &c : clients)
        QCOMPARE(::send(int(c->socketDescriptor()), hello.constData(), size_t(hello.size()), 0),
                 ssize_t(hello.size()));
    int consumed = 0;
    qint64 capacity = 0;
    QTRY_COMPARE_WITH_TIMEOUT(
        [&] {
            for (QTcpSocket *s : accepted) {
                while (s->bytesAvailable() > 0) {
                    // One read event, one chunk: bytesAvailable() is its size.
                    const QByteArray chunk = s->read(s->bytesAvailable());
                    consumed += int(chunk.size());
                    capacity = qMax<qint64>(capacity, chunk.capacity());
                }
            }
            return consumed;
        }(),
        Sockets * 100, 10000);
    const qint64 perSocket = (heapInUse() - before) / Sockets;
    qInfo("heap in use after reading: %lld bytes per socket (the array read had a capacity of "
          "%lld bytes)",
          perSocket, capacity);
    // The array we got was the chunk itself (16 KiB of capacity for 100 bytes)...
    QVERIFY2(capacity >= 16 * 1024, qPrintable(QString::number(capacity)));
    // ...and with it gone the socket holds (almost) nothing more than before.
    QVERIFY2(perSocket < 1024, qPrintable(QString::number(perSocket)));
}

QTEST_GUILESS_MAIN(TestQtSockets)
#include "tst_qtsockets.moc"
