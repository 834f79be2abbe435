// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// EpollEventDispatcher runs the whole application here (installed before the application
// object, as the headless server does): timers, posted events, cross-thread wake-ups,
// nested loops, deleteLater, and real sockets (raw TCP and QWebSocket) on 127.0.0.1.

#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <thread>
#include <vector>

using duplex::server::EpollEventDispatcher;

class TimerCounter : public QObject
{
public:
    std::vector<int> fired;
    int killAfter = -1;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        fired.push_back(event->timerId());
        if (killAfter > 0 && int(fired.size()) >= killAfter)
            killTimer(event->timerId());
    }
};

class tst_EpollDispatcher : public QObject
{
    Q_OBJECT
private slots:
    void isInstalled()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void singleShotTimersFireInOrder()
    {
        std::vector<int> order;
        QTimer::singleShot(30, this, [&] { order.push_back(3); });
        QTimer::singleShot(10, this, [&] { order.push_back(1); });
        QTimer::singleShot(20, this, [&] { order.push_back(2); });
        QTRY_COMPARE(order.size(), size_t(3));
        QCOMPARE(order, (std::vector<int> {1, 2, 3}));
    }

    void timerDoesNotFireEarly()
    {
        QElapsedTimer clock;
        clock.start();
        qint64 firedAt = -1;
        QTimer::singleShot(50, Qt::PreciseTimer, this, [&] { firedAt = clock.elapsed(); });
        QTRY_VERIFY(firedAt >= 0);
        QVERIFY2(firedAt >= 50, qPrintable(QString::number(firedAt)));
    }

    void repeatingTimerAndKillInsideHandler()
    {
        TimerCounter counter;
        counter.killAfter = 3;
        const int id = counter.startTimer(5);
        QVERIFY(id > 0);
        const auto infos = QAbstractEventDispatcher::instance()->registeredTimers(&counter);
        QCOMPARE(infos.size(), 1);
        QCOMPARE(infos.first().timerId, id);
        QCOMPARE(infos.first().interval, 5);
        QTRY_COMPARE(counter.fired.size(), size_t(3));
        QTest::qWait(30); // killed: no fourth event
        QCOMPARE(counter.fired.size(), size_t(3));
        QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&counter).isEmpty());
    }

    void remainingTimeAndStop()
    {
        QTimer timer;
        timer.start(1000);
        const int left = timer.remainingTime();
        QVERIFY2(left > 900 && left <= 1000, qPrintable(QString::number(left)));
        timer.stop();
        QCOMPARE(timer.remainingTime(), -1);
    }

    void zeroTimerDoesNotStarveSockets()
    {
        // A zero-interval timer fires once per pass; other sources still get their turn.
        TimerCounter spinner;
        const int id = spinner.startTimer(0);
        bool other = false;
        QTimer::singleShot(20, this, [&] { other = true; });
        QTRY_VERIFY(other);
        QVERIFY(spinner.fired.size() > 1);
        spinner.killTimer(id);
    }

    void destroyingObjectUnregistersItsTimers()
    {
        auto *counter = new TimerCounter;
        counter->startTimer(1);
        counter->startTimer(2);
        QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(counter).size() == 2);
        delete counter; // must not fire into a dead object
        QTest::qWait(20);
    }

    void postedEventsAndDeleteLater()
    {
        int calls = 0;
        QMetaObject::invokeMethod(
            this, [&] { ++calls; }, Qt::QueuedConnection);
        QPointer<QObject> doomed = new QObject;
        doomed->deleteLater();
        QTRY_COMPARE(calls, 1);
        QTRY_VERIFY(doomed.isNull());
    }

    void wakeUpFromAnotherThread()
    {
        // The main loop sleeps in epoll_wait; a post from another thread must wake it at once.
        bool delivered = false;
        QElapsedTimer clock;
        clock.start();
        std::thread poster([this, &delivered] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            QMetaObject::invokeMethod(
                this, [&delivered] { delivered = true; }, Qt::QueuedConnection);
        });
        QEventLoop loop;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        QTimer poll;
        connect(&poll, &QTimer::timeout, &loop, [&] {
            if (delivered)
                loop.quit();
        });
        poll.start(1);
        loop.exec();
        poster.join();
        QVERIFY(delivered);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    void workerThreadKeepsItsOwnDispatcher()
    {
        QThread worker;
        worker.start();
        bool ran = false;
        QObject context;
        context.moveToThread(&worker);
        QMetaObject::invokeMethod(
            &context, [&ran] { ran = true; }, Qt::QueuedConnection);
        QTRY_VERIFY(ran);
        worker.quit();
        QVERIFY(worker.wait(5000));
    }

    void nestedEventLoopInsideAHandler()
    {
        bool innerDone = false;
        bool outerDone = false;
        QTimer::singleShot(0, this, [&] {
            QEventLoop inner;
            QTimer::singleShot(10, &inner, [&] {
                innerDone = true;
                inner.quit();
            });
            inner.exec();
            outerDone = true;
        });
        QTRY_VERIFY(outerDone);
        QVERIFY(innerDone);
    }

    void tcpEchoManySockets()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        constexpr int Clients = 50;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        QByteArray payload(100 * 1024, 'x'); // larger than one socket buffer: write notifiers
        int done = 0;
        std::vector<qint64> got(Clients, 0);
        for (int i = 0; i < Clients; ++i) {
            auto sock = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = sock.get();
            connect(raw, &QTcpSocket::connected, raw, [raw, &payload] { raw->write(payload); });
            connect(raw, &QTcpSocket::readyRead, raw, [raw, i, &got, &done, &payload] {
                got[size_t(i)] += raw->readAll().size();
                if (got[size_t(i)] == payload.size())
                    ++done;
            });
            raw->connectToHost(QHostAddress::LocalHost, server.serverPort());
            clients.push_back(std::move(sock));
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, Clients, 20000);
        for (auto &c : clients)
            c->disconnectFromHost();
        clients.clear();
        // Closed descriptors get reused: a second round must work on recycled numbers.
        QTcpSocket again;
        QSignalSpy echoed(&again, &QTcpSocket::readyRead);
        again.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(again.waitForConnected(5000));
        again.write("ping");
        QTRY_VERIFY(again.bytesAvailable() >= 4);
        QCOMPARE(again.readAll(), QByteArray("ping"));
    }

    void webSocketRoundTrip()
    {
        QWebSocketServer server(QStringLiteral("t"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        std::vector<QWebSocket *> peers;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            while (QWebSocket *s = server.nextPendingConnection()) {
                peers.push_back(s);
                connect(s, &QWebSocket::textMessageReceived, s, [&peers](const QString &m) {
                    for (QWebSocket *p : peers) // broadcast
                        p->sendTextMessage(m);
                });
            }
        });
        constexpr int Clients = 20;
        std::vector<std::unique_ptr<QWebSocket>> clients;
        int received = 0;
        int open = 0;
        for (int i = 0; i < Clients; ++i) {
            clients.push_back(std::make_unique<QWebSocket>());
            QWebSocket *c = clients.back().get();
            connect(c, &QWebSocket::connected, c, [&open] { ++open; });
            connect(c, &QWebSocket::textMessageReceived, c, [&received] { ++received; });
            c->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())));
        }
        QTRY_COMPARE(open, Clients);
        QTRY_COMPARE(int(peers.size()), Clients);
        for (int k = 0; k < 10; ++k)
            clients[size_t(k)]->sendTextMessage(QStringLiteral("hello %1").arg(k));
        QTRY_COMPARE(received, 10 * Clients);
        clients.clear();
        QTRY_VERIFY(std::all_of(peers.begin(), peers.end(), [](QWebSocket *p) {
            return p->state() == QAbstractSocket::UnconnectedState;
        }));
    }
};

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("TST_STOCK_DISPATCHER"))
        QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
