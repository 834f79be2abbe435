// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The push-vs-polling lesson in the server window, driven like a teacher would: the switch
// clicked with QTest on a real ServerHost (127.0.0.1, port 0), real QWebSocket clients in the
// push column, the timeline painted from a synthetic ClientActivity. With
// DUPLEX_SCREENSHOT_DIR set, screenshots() renders docs/screenshots/lesson-*-projector.png
// from a synthetic lesson (push, then long polling, then polling every 500 ms).

#include <clientmodel.h>
#include <connectiontimeline.h>
#include <lessonchart.h>
#include <lessonpanel.h>
#include <mainwindow.h>
#include <serverhost.h>
#include <trafficlog.h>

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <cmath>
#include <memory>

#include "chattestclient.h"
// The polling transport's test client comes with the engine's polling (branch poll, #13):
// until both are merged, the real-polling case skips.
#if __has_include("polltestclient.h")
#include "polltestclient.h"
#define DUPLEX_HAVE_POLLING 1
#endif

using namespace duplex::server;
using duplex::test::connectClient;
using duplex::test::obj;

namespace {

/// Counts paint events of one widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *w) { w->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

/// A lesson of 30 students, one message a second in their room, as cumulative figures:
/// push until 100 s, long polling until 160 s, polling every 500 ms until 260 s, then push.
struct SyntheticLesson {
    TransportFigures f;
    quint32 seed = 12345;
    double noise()
    {
        seed = seed * 1103515245u + 12345u;
        return 0.85 + 0.3 * double((seed >> 16) & 0x7fff) / 32767.0;
    }
    static ClassTransport classAt(qint64 t)
    {
        if (t < 100'000 || t >= 260'000)
            return {Transport::Push, 500};
        if (t < 160'000)
            return {Transport::LongPoll, 500};
        return {Transport::Poll, 500};
    }
    void addLatency(TransportCounters &c, int n, double p50Micros, double spread)
    {
        for (int i = 0; i < n; ++i)
            c.latency.add(qint64(p50Micros * (0.2 + spread * noise() * double(i % 7) / 6.0)));
    }
    /// Advances by dt ms to t.
    void step(qint64 t, qint64 dtMs)
    {
        const double s = double(dtMs) / 1000.0;
        const Transport mode = classAt(t).mode;
        f.uptimeMs = t;
        f.classTransport = classAt(t);
        for (auto &c : f.transports)
            c.clients = 0;
        TransportCounters &c = f.of(mode);
        c.clients = 30;
        const double said = 1.0 * s * noise(); // messages said in the room
        const double delivered = 30.0 * said;  // fan-out to 30
        c.messagesIn += quint64(said + 0.5);
        c.messagesOut += quint64(delivered + 0.5);
        switch (mode) {
        case Transport::Push:
            c.bytesIn += quint64(said * 140 + 30 * 0.1 * s * 6); // says + pongs
            c.bytesOut += quint64(delivered * 150 + 30 * 0.1 * s * 2);
            addLatency(c, int(delivered + 0.5), 900, 1.5);
            f.cpuMs += qint64(15 * s * noise());
            break;
        case Transport::Poll: {
            const double requests = 60.0 * s * noise();
            c.requests += quint64(requests + 0.5);
            c.emptyResponses += quint64(requests * 0.61 + 0.5);
            c.bytesIn += quint64(requests * 410 + said * 140);
            c.bytesOut += quint64(requests * 230 + delivered * 160);
            addLatency(c, int(delivered + 0.5), 250'000, 2.0);
            f.cpuMs += qint64(95 * s * noise());
            break;
        }
        case Transport::LongPoll: {
            const double requests = (delivered * 0.7 + 1) * noise();
            c.requests += quint64(requests + 0.5);
            c.emptyResponses += quint64(0.02 * requests + 0.5);
            c.bytesIn += quint64(requests * 410 + said * 140);
            c.bytesOut += quint64(requests * 230 + delivered * 160);
            addLatency(c, int(delivered + 0.5), 2500, 2.0);
            f.cpuMs += qint64(45 * s * noise());
            break;
        }
        }
    }
};

/// alice, the last 20 s: a WebSocket until the class went to polling 8 s ago, then a poll
/// every 500 ms, most of them empty.
ClientActivity syntheticActivity(qint64 now)
{
    ClientActivity a;
    a.nick = QStringLiteral("alice");
    ActivitySpan ws;
    ws.kind = ActivitySpan::Kind::WebSocket;
    ws.startMs = now - 95'000;
    ws.endMs = now - 8000;
    ws.bytesIn = 5200;
    ws.bytesOut = 41'000;
    ws.messages = 260;
    a.spans.append(ws);
    for (qint64 t = now - 20'000; t < now - 8000; t += 700 + (t / 7) % 400) {
        a.ticks.append({t, true, quint32(120 + (t / 3) % 90)});
        if ((t / 700) % 4 == 0)
            a.ticks.append({t + 180, false, 140});
    }
    int i = 0;
    for (qint64 t = now - 7900; t < now - 100; t += 500, ++i) {
        ActivitySpan p;
        p.kind = ActivitySpan::Kind::PollRequest;
        p.startMs = t;
        p.endMs = t + 4 + i % 5;
        p.bytesIn = 412;
        p.messages = (i % 3 == 1) ? 1 + i % 2 : 0;
        p.bytesOut = 231 + quint64(p.messages) * 165;
        a.spans.append(p);
    }
    return a;
}

} // namespace

class TestLessonPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void switchSwitchesTheWholeClass();
    void switchFollowsTheEngine();
    void pushColumnShowsRealClients();
    void pollColumnShowsRealPollingClients();
    void switchMomentsReachTheChart();
    void repaintsAreBatched();
    void timelineFollowsTheClientsSelection();
    void timelineFollowsTheStudentToANewConnection();
    void timelineTitleGetsTheNickAfterTheHello();
    void timelinePaintsBarsAndTicks();
    void projectorModeEnlargesTheLesson();
    void formatting();
    void screenshots();

private:
    LessonPanel *raisePanel();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficLog> m_log;
    std::unique_ptr<ServerHost> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestLessonPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<TrafficLog>();
    ServerConfig config;
    config.name = QStringLiteral("Lesson");
    config.ratePerSec = 0; // tests send quickly
    m_server = std::make_unique<ServerHost>(config, QString(), m_log.get());
    WindowConfig wc;
    wc.bind = QHostAddress::LocalHost;
    wc.port = 0;
    wc.settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    m_window = std::make_unique<MainWindow>(m_server.get(), m_log.get(), wc);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->startListening());
}

void TestLessonPanel::cleanup()
{
    m_window.reset();
    m_server.reset();
    m_log.reset();
    m_dir.reset();
}

LessonPanel *TestLessonPanel::raisePanel()
{
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    auto *panel = m_window->findChild<LessonPanel *>(QStringLiteral("lessonPanel"));
    if (!dock || !panel) {
        qWarning() << "no lesson dock or panel" << dock << panel;
        return nullptr;
    }
    dock->show();
    dock->raise();
    if (!QTest::qWaitFor([panel] { return panel->isVisible(); }, 5000))
        qWarning() << "lesson panel not visible: dock" << dock->isVisible() << "floating"
                   << dock->isFloating() << "scroll" << panel->parentWidget()->isVisible();
    return panel->isVisible() ? panel : nullptr;
}

void TestLessonPanel::switchSwitchesTheWholeClass()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    auto *push = panel->findChild<QToolButton *>(QStringLiteral("switchPush"));
    auto *longPoll = panel->findChild<QToolButton *>(QStringLiteral("switchLongPoll"));
    auto *poll = panel->findChild<QToolButton *>(QStringLiteral("switchPoll"));
    auto *interval = panel->findChild<QSpinBox *>(QStringLiteral("pollInterval"));
    auto *label = panel->findChild<QLabel *>(QStringLiteral("classTransportLabel"));
    QVERIFY(push && longPoll && poll && interval && label);
    QVERIFY(push->isChecked()); // a class starts on push
    QTRY_COMPARE(m_server->classTransport().mode, Transport::Push);
    QSignalSpy changed(m_server.get(), &ServerHost::classTransportChanged);

    QTest::mouseClick(poll, Qt::LeftButton);
    QTRY_COMPARE(m_server->classTransport(), (ClassTransport {Transport::Poll, 500}));
    QVERIFY(poll->isChecked());
    QVERIFY(label->text().contains(QLatin1String("500 ms")));
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<ClassTransport>(), (ClassTransport {Transport::Poll, 500}));

    // A new interval while on polling switches again: typed, then Enter (not per digit).
    interval->setFocus();
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("2000"));
    QTRY_COMPARE(m_server->classTransport().intervalMs, 500);
    QTest::keyClick(interval, Qt::Key_Return);
    QTRY_COMPARE(m_server->classTransport(), (ClassTransport {Transport::Poll, 2000}));
    QVERIFY(label->text().contains(QLatin1String("2000 ms")));
    QTRY_COMPARE(changed.count(), 2);

    QTest::mouseClick(longPoll, Qt::LeftButton);
    QTRY_COMPARE(m_server->classTransport().mode, Transport::LongPoll);
    QVERIFY(label->text().contains(LessonChart::transportName(Transport::LongPoll)));
    QTest::mouseClick(push, Qt::LeftButton);
    QTRY_COMPARE(m_server->classTransport().mode, Transport::Push);
    QTRY_COMPARE(changed.count(), 4);
    // The engine's own view, not only the cache.
    m_server->refreshNow();
    QTRY_COMPARE(m_server->classTransport().mode, Transport::Push);
}

void TestLessonPanel::switchFollowsTheEngine()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    // Switched elsewhere (a script, --class-transport): the control shows it.
    m_server->setClassTransport({Transport::Poll, 750});
    auto *poll = panel->findChild<QToolButton *>(QStringLiteral("switchPoll"));
    auto *interval = panel->findChild<QSpinBox *>(QStringLiteral("pollInterval"));
    QTRY_VERIFY(poll->isChecked());
    QCOMPARE(interval->value(), 750);
    QCOMPARE(panel->shownClassTransport(), (ClassTransport {Transport::Poll, 750}));
    // Showing it did not switch again.
    QSignalSpy changed(m_server.get(), &ServerHost::classTransportChanged);
    m_server->setClassTransport({Transport::LongPoll, 750});
    QTRY_COMPARE(changed.count(), 1);
    QTRY_VERIFY(panel->findChild<QToolButton *>(QStringLiteral("switchLongPoll"))->isChecked());
    QTRY_COMPARE(m_server->classTransport().mode, Transport::LongPoll);
}

void TestLessonPanel::pushColumnShowsRealClients()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    QTRY_COMPARE_WITH_TIMEOUT(panel->cellText(LessonPanel::ClientsRow, Transport::Push),
                              QStringLiteral("2"), 10000);
    QCOMPARE(panel->cellText(LessonPanel::ClientsRow, Transport::Poll), QStringLiteral("0"));

    // The class talks: a message every 50 ms from ada, pushed to both.
    QTimer talk;
    int n = 0;
    connect(&talk, &QTimer::timeout, this, [&] {
        ada->send(obj({{"type", "say"}, {"room", "general"}, {"text", QString::number(++n)}}));
    });
    talk.start(50);
    const auto flowing = [panel](LessonPanel::Row row) {
        const QString t = panel->cellText(row, Transport::Push);
        return t != QStringLiteral("–") && !t.startsWith(QLatin1String("0 B"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(flowing(LessonPanel::BytesInRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(flowing(LessonPanel::BytesOutRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->cellText(LessonPanel::PerMessageRow, Transport::Push) != QStringLiteral("–"), 10000);
    // What the line scales from: the push side is measured now.
    QTRY_VERIFY_WITH_TIMEOUT(panel->stats().projection().pushBytesPerSec > 0, 10000);
    talk.stop();
    // Push makes no requests and so has no empty responses.
    QCOMPARE(panel->cellText(LessonPanel::RequestsRow, Transport::Push), QStringLiteral("0.0/s"));
    QCOMPARE(panel->cellText(LessonPanel::EmptyRow, Transport::Push), QStringLiteral("–"));
    QVERIFY(panel->projectionText().contains(QLatin1String("300")));
    QVERIFY(panel->projectionText().contains(QLatin1String("600 requests/s")));
    QTRY_VERIFY(panel->projectionText().contains(QLatin1String("on push: 0 requests/s, ")));
}

void TestLessonPanel::pollColumnShowsRealPollingClients()
{
#ifndef DUPLEX_HAVE_POLLING
    QSKIP("needs the HTTP polling transport and tests/polltestclient.h");
#else
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    // Two students on HTTP short polls every 100 ms (POST /v1/poll), one of them talking.
    duplex::test::PollTestClient pia(m_server->port());
    duplex::test::PollTestClient paul(m_server->port());
    QVERIFY(pia.hello(QStringLiteral("pia")));
    QVERIFY(paul.hello(QStringLiteral("paul")));
    std::shared_ptr<duplex::test::HttpExchange> piaPoll, paulPoll;
    int ticks = 0;
    const auto step = [](duplex::test::PollTestClient &c,
                         std::shared_ptr<duplex::test::HttpExchange> &x, const QJsonArray &send) {
        if (x && !x->done)
            return; // one poll at a time per student
        if (x)
            c.absorb(*x);
        x = c.start(send, 0);
    };
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
        QJsonArray send;
        if (++ticks % 5 == 0)
            send.append(obj({{"type", "say"}, {"room", "general"}, {"text", "poll"}}));
        step(pia, piaPoll, send);
        step(paul, paulPoll, {});
    });
    tick.start(100);
    QTRY_COMPARE_WITH_TIMEOUT(panel->cellText(LessonPanel::ClientsRow, Transport::Poll),
                              QStringLiteral("2"), 10000);
    const auto shown = [panel](LessonPanel::Row row) {
        const QString t = panel->cellText(row, Transport::Poll);
        return t != QStringLiteral("–") && !t.startsWith(QLatin1String("0.0/s"))
            && !t.startsWith(QLatin1String("0 B"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(shown(LessonPanel::RequestsRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(shown(LessonPanel::EmptyRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(shown(LessonPanel::BytesInRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(shown(LessonPanel::BytesOutRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(shown(LessonPanel::PerMessageRow), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(shown(LessonPanel::LatencyRow), 10000);
    // The line's polling side is measured now: a request costs its HTTP heads at least.
    QTRY_VERIFY_WITH_TIMEOUT(panel->stats().projection().bytesPerPollRequest > 100, 10000);
    QTRY_VERIFY(panel->projectionText().contains(QLatin1String("of them empty")));
    tick.stop();
    // The push column saw none of it.
    QCOMPARE(panel->cellText(LessonPanel::ClientsRow, Transport::Push), QStringLiteral("0"));
    qInfo("poll column: %s requests, %s empty, %s in, %s out, %s per message, latency %s",
          qPrintable(panel->cellText(LessonPanel::RequestsRow, Transport::Poll)),
          qPrintable(panel->cellText(LessonPanel::EmptyRow, Transport::Poll)),
          qPrintable(panel->cellText(LessonPanel::BytesInRow, Transport::Poll)),
          qPrintable(panel->cellText(LessonPanel::BytesOutRow, Transport::Poll)),
          qPrintable(panel->cellText(LessonPanel::PerMessageRow, Transport::Poll)),
          qPrintable(panel->cellText(LessonPanel::LatencyRow, Transport::Poll)));
#endif
}

void TestLessonPanel::switchMomentsReachTheChart()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->stats().hasRates(), 10000);
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("switchLongPoll")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->stats().switches().size(), 1, 10000);
    QCOMPARE(panel->stats().switches().first().to.mode, Transport::LongPoll);
    QCOMPARE(panel->stats().switches().first().from.mode, Transport::Push);
    auto *series = panel->findChild<QComboBox *>(QStringLiteral("lessonChartSeries"));
    QVERIFY(series);
    series->setCurrentIndex(1);
    QCOMPARE(panel->chart()->series(), LessonChart::Series::Requests);
}

void TestLessonPanel::repaintsAreBatched()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    // Floated and large, as on the projector: the chart is on screen (not scrolled away).
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    dock->setFloating(true);
    dock->resize(1200, 1000);
    QTRY_VERIFY(panel->chart()->visibleRegion().boundingRect().height() > 50);
    QTest::qWait(300); // let the start-up repaints settle
    PaintCounter counter(panel->chart());
    // 200 snapshots a second for a second (fifty times what the engine pushes).
    SyntheticLesson lesson;
    QElapsedTimer clock;
    clock.start();
    qint64 t = 1'000'000;
    QTimer feeder;
    connect(&feeder, &QTimer::timeout, this, [&] {
        t += 5;
        lesson.step(t, 5);
        panel->feed(t, lesson.f);
    });
    feeder.start(5);
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 1000, 5000);
    feeder.stop();
    const qint64 ms = clock.elapsed();
    // At most one repaint per 250 ms (plus one in flight).
    QVERIFY2(counter.paints <= int(ms / 250) + 2,
             qPrintable(QStringLiteral("%1 paints in %2 ms").arg(counter.paints).arg(ms)));
    QVERIFY(counter.paints >= 1); // but it does repaint
    qInfo("%d chart repaints for %d snapshots in %lld ms", counter.paints, int((t - 1'000'000) / 5),
          ms);
}

void TestLessonPanel::timelineFollowsTheClientsSelection()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    QVERIFY(ada);
    auto *clients = m_window->findChild<QTableView *>(QStringLiteral("clientsTable"));
    QVERIFY(clients);
    QTRY_COMPARE_WITH_TIMEOUT(clients->model()->rowCount(), 1, 10000);
    clients->selectRow(0);
    QTRY_VERIFY(panel->client() != 0);
    auto *title = panel->findChild<QLabel *>(QStringLiteral("timelineTitle"));
    // (The row may have been selected before the hello was through: the nick follows.)
    QTRY_VERIFY(title->text().contains(QLatin1String("ada")));
    clients->clearSelection();
    QTRY_COMPARE(panel->client(), quint64(0));
}

void TestLessonPanel::timelineFollowsTheStudentToANewConnection()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    QVERIFY(ada);
    const QString token = ada->welcome.value("session").toString();
    auto *clients = m_window->findChild<QTableView *>(QStringLiteral("clientsTable"));
    QTRY_COMPARE_WITH_TIMEOUT(clients->model()->rowCount(), 1, 10000);
    clients->selectRow(0);
    QTRY_VERIFY(panel->client() != 0);
    const quint64 first = panel->client();
    auto *title = panel->findChild<QLabel *>(QStringLiteral("timelineTitle"));
    QTRY_VERIFY(title->text().contains(QLatin1String("ada")));
    // Her connection drops (as when the class moves to another transport) and she resumes
    // her session on a new one: the row vanishes, the timeline stays on her session and
    // finds the new connection.
    ada->socket.abort();
    QTRY_COMPARE_WITH_TIMEOUT(clients->model()->rowCount(), 0, 10000);
    QCOMPARE(panel->client(), first);
    auto resumed = std::make_unique<duplex::test::ChatTestClient>();
    QVERIFY(resumed->open(m_server->port()));
    QVERIFY(resumed->hello(QStringLiteral("ada"), token));
    QTRY_VERIFY_WITH_TIMEOUT(panel->client() != first && panel->client() != 0, 10000);
    const quint64 second = panel->client();
    QCOMPARE(m_server->client(second)->nick, QStringLiteral("ada"));
    QVERIFY(title->text().contains(QLatin1String("ada")));

    // Now she leaves for good (a clean close ends the session) and someone else takes the
    // nick: a new session, not hers. The timeline keeps her last picture instead of
    // mixing the newcomer in.
    resumed->socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(clients->model()->rowCount(), 0, 10000);
    auto other = connectClient(m_server->port(), QStringLiteral("ada"));
    QVERIFY(other);
    QTRY_COMPARE_WITH_TIMEOUT(clients->model()->rowCount(), 1, 10000);
    const quint64 newcomer = m_server->clients().first().id;
    // The host knows the newcomer (the table shows her): the panel looks again now.
    panel->fetchActivity();
    QCOMPARE(panel->client(), second);
    QVERIFY(panel->client() != newcomer);

    // A deselection by the teacher still clears it; selecting the newcomer shows her.
    clients->selectRow(0);
    QTRY_COMPARE(panel->client(), newcomer);
    clients->clearSelection();
    QTRY_COMPARE(panel->client(), quint64(0));
}

void TestLessonPanel::timelineTitleGetsTheNickAfterTheHello()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    duplex::test::ChatTestClient cleo;
    QVERIFY(cleo.open(m_server->port()));
    auto *clients = m_window->findChild<QTableView *>(QStringLiteral("clientsTable"));
    QTRY_COMPARE_WITH_TIMEOUT(clients->model()->rowCount(), 1, 10000);
    clients->selectRow(0); // connected, no hello yet
    QTRY_VERIFY(panel->client() != 0);
    auto *title = panel->findChild<QLabel *>(QStringLiteral("timelineTitle"));
    QVERIFY2(title->text().contains(QLatin1String("(no nick yet)")), qPrintable(title->text()));
    QVERIFY(cleo.hello(QStringLiteral("cleo")));
    QTRY_VERIFY_WITH_TIMEOUT(title->text().contains(QLatin1String("cleo")), 10000);
}

void TestLessonPanel::timelinePaintsBarsAndTicks()
{
    ConnectionTimeline timeline;
    timeline.resize(1000, timeline.sizeHint().height());
    const qint64 now = 1'700'000'000'000;
    const ClientActivity a = syntheticActivity(now);
    timeline.setActivity(a, now);
    QCOMPARE(timeline.visibleWebSocketBars(), 1);
    QCOMPARE(timeline.visiblePollBars(), 16);
    int empty = 0;
    for (const ActivitySpan &s : a.spans)
        empty += s.kind == ActivitySpan::Kind::PollRequest && s.messages == 0 ? 1 : 0;
    QCOMPARE(timeline.visibleEmptyPollBars(), empty);
    QVERIFY(timeline.visibleTicks() > 5);

    // Find a full and an empty poll bar on screen and ask their tooltips, as a hover would.
    const QImage image = timeline.grab().toImage();
    const QColor pollColor = LessonChart::transportColor(Transport::Poll);
    int full = 0, hollow = 0;
    // The poll row is the second row: scan its middle line.
    const int rowH = qMax(24, timeline.fontMetrics().height() * 2);
    const int y = int(timeline.fontMetrics().height() * 0.5 + rowH
                      + timeline.fontMetrics().height() * 0.6 + rowH / 2.0);
    QString lastTip;
    for (int x = 0; x < timeline.width(); ++x) {
        const QString tip = timeline.toolTipAt(QPoint(x, y));
        if (tip.isEmpty() || tip == lastTip)
            continue;
        lastTip = tip;
        QVERIFY(tip.contains(QLatin1String("HTTP poll")));
        QVERIFY(tip.contains(QLatin1String("412 B request")));
        if (tip.contains(QLatin1String("came back empty"))) {
            ++hollow;
        } else {
            QVERIFY(tip.contains(QLatin1String("brought")));
            // A filled bar: its middle is the poll colour (an empty one stays white).
            int xx = x + 1;
            while (xx < timeline.width() && timeline.toolTipAt(QPoint(xx + 1, y)) == tip)
                ++xx;
            const QColor mid = image.pixelColor((x + xx) / 2 * image.width() / timeline.width(),
                                                y * image.height() / timeline.height());
            QVERIFY2(qAbs(mid.red() - pollColor.red()) < 40, qPrintable(mid.name()));
            ++full;
        }
    }
    QCOMPARE(full + hollow, 16);
    QCOMPARE(hollow, empty);

    // The WebSocket bar's tooltip: one connection, its frames counted.
    const int wsY = int(timeline.fontMetrics().height() * 0.5 + rowH / 2.0);
    QString wsTip;
    for (int x = 0; x < timeline.width() && wsTip.isEmpty(); ++x) {
        const QString tip = timeline.toolTipAt(QPoint(x, wsY));
        if (tip.startsWith(QLatin1String("One WebSocket")))
            wsTip = tip;
    }
    QVERIFY2(wsTip.contains(QLatin1String("frames")), qPrintable(wsTip));

    // Nothing selected: a hint, no bars.
    timeline.clear();
    QCOMPARE(timeline.visiblePollBars(), 0);
    QCOMPARE(timeline.toolTipAt(QPoint(timeline.width() / 2, y)), QString());
}

void TestLessonPanel::projectorModeEnlargesTheLesson()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    auto *cell = panel->findChild<QLabel *>(QStringLiteral("lessonCell_0_ws"));
    auto *button = panel->findChild<QToolButton *>(QStringLiteral("switchPoll"));
    auto *row = panel->findChild<QLabel *>(QStringLiteral("lessonRow_0"));
    QVERIFY(cell && button && row);
    const double cellSize = cell->font().pointSizeF();
    const double buttonSize = button->font().pointSizeF();
    const double rowSize = row->font().pointSizeF();
    // The big numbers are bigger than the text around them.
    QVERIFY(cellSize > panel->font().pointSizeF() * 1.4);
    m_window->setProjectorMode(true);
    QTRY_VERIFY(cell->font().pointSizeF() > cellSize * 1.5);
    // The switch too, although its buttons carry a style sheet.
    QVERIFY2(
        button->font().pointSizeF() > buttonSize * 1.5,
        qPrintable(QStringLiteral("%1 -> %2").arg(buttonSize).arg(button->font().pointSizeF())));
    QVERIFY(row->font().pointSizeF() > rowSize * 1.5);
    m_window->setProjectorMode(false);
    QTRY_COMPARE(cell->font().pointSizeF(), cellSize);
}

void TestLessonPanel::formatting()
{
    QCOMPARE(LessonPanel::formatShare(-1), QStringLiteral("–"));
    QCOMPARE(LessonPanel::formatShare(0.75), QStringLiteral("75 %"));
    QCOMPARE(LessonPanel::formatShare(0.034), QStringLiteral("3.4 %"));
    QCOMPARE(LessonPanel::formatLatency(-1, -1), QStringLiteral("–"));
    QCOMPARE(LessonPanel::formatLatency(1.25, 250), QStringLiteral("1.3 / 250 ms"));
    QCOMPARE(LessonPanel::formatBytesPerUnit(-1), QStringLiteral("–"));
    QCOMPARE(LessonPanel::formatBytesPerUnit(612.4), QStringLiteral("612 B"));
    QCOMPARE(LessonChart::modeLabel({Transport::Poll, 500}),
             QStringLiteral("Polling every 500 ms"));
}

void TestLessonPanel::screenshots()
{
    const QString outDir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set DUPLEX_SCREENSHOT_DIR to render docs/screenshots/lesson-*.png");
    // The projector shots only: lesson-panel.png and lesson-timeline.png are real ones, from
    // tst_lessonbench (the window with duplex-bench's clients on it).
    for (bool projector : {true}) {
        LessonPanel panel(nullptr);
        QFont f = panel.font();
        if (projector)
            f.setPointSizeF((f.pointSizeF() > 0 ? f.pointSizeF() : 10.0) * 1.6);
        panel.setFont(f);
        panel.resize(projector ? QSize(1920, 1080) : QSize(1100, 900));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Almost 4 minutes of a synthetic lesson, 4 snapshots a second.
        SyntheticLesson lesson;
        const qint64 end = 230'000; // on polling every 500 ms, 70 s after the switch
        for (qint64 t = 250; t <= end; t += 250) {
            lesson.step(t, 250);
            panel.feed(t, lesson.f);
            panel.showClassTransport(lesson.f.classTransport);
        }
        panel.refreshNow();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        panel.timeline()->setActivity(syntheticActivity(now), now);
        auto *title = panel.findChild<QLabel *>(QStringLiteral("timelineTitle"));
        title->setText(LessonPanel::tr("What persistent means: %1, the last %2 s")
                           .arg(QStringLiteral("alice"))
                           .arg(20));
        QApplication::processEvents();
        const QString suffix = projector ? QStringLiteral("-projector") : QString();
        QVERIFY(panel.grab().save(
            QDir(outDir).filePath(QStringLiteral("lesson-panel%1.png").arg(suffix))));
        QVERIFY(panel.timeline()->grab().save(
            QDir(outDir).filePath(QStringLiteral("lesson-timeline%1.png").arg(suffix))));
    }
    // The dock in the window as it opens: to look at, not for the docs.
    if (const QString look = qEnvironmentVariable("DUPLEX_LOOK_DIR"); !look.isEmpty()) {
        m_window->resize(1400, 900);
        QVERIFY(raisePanel());
        QTest::qWait(200); // the dock widens itself after the tab switch
        QVERIFY(m_window->grab().save(QDir(look).filePath(QStringLiteral("lesson-window.png"))));
    }
}

QTEST_MAIN(TestLessonPanel)
#include "tst_lessonpanel.moc"
