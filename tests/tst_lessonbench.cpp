// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The lesson panel against the benchmark (label "bench"): the real server window
// (offscreen, 127.0.0.1, port 0) with duplex-bench's raw clients on it, the class switched
// with the panel's own buttons push -> polling every 500 ms -> long polling, one bench run
// per phase at the same load. While each run sends, the panel's model (LessonStats, what
// the columns show) is sampled; its requests/s and bytes per delivered message must agree
// with what the bench's clients counted themselves on their sockets. With
// DUPLEX_SCREENSHOT_DIR set, the phases last 40 s instead of 8, a real Qt client ("ada")
// sits in the class and follows the switch, and the panel (floated, 1100x950) and ada's
// timeline are grabbed during the run (docs/screenshots/lesson-panel.png,
// lesson-timeline.png). DUPLEX_LESSON_CLIENTS overrides the class size (default 30);
// DUPLEX_LESSON_KEEPALIVE=0 polls with Connection: close.

#include <clientsession.h>
#include <connectiontimeline.h>
#include <lessonpanel.h>
#include <lessonstats.h>
#include <mainwindow.h>
#include <serverhost.h>
#include <trafficlog.h>

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace duplex::server;

namespace {

double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

struct Phase {
    const char *name;
    const char *button;
    Transport transport;
    QStringList benchArgs;
};

} // namespace

class TestLessonBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void panelAgreesWithTheBench();

private:
    LessonPanel *raisePanel();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficLog> m_log;
    std::unique_ptr<ServerHost> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestLessonBench::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral(DUPLEX_BENCH_EXE)))
        QSKIP("duplex-bench is not built");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<TrafficLog>();
    ServerConfig config;
    config.name = QStringLiteral("Lesson");
    config.ratePerSec = 0; // the bench's senders are two clients at 1 msg/s: no limit needed
    m_server = std::make_unique<ServerHost>(config, QString(), m_log.get());
    WindowConfig wc;
    wc.bind = QHostAddress::LocalHost;
    wc.port = 0;
    wc.settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    m_window = std::make_unique<MainWindow>(m_server.get(), m_log.get(), wc);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->startListening());
}

void TestLessonBench::cleanupTestCase()
{
    m_window.reset();
    m_server.reset();
    m_log.reset();
    m_dir.reset();
}

LessonPanel *TestLessonBench::raisePanel()
{
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    auto *panel = m_window->findChild<LessonPanel *>(QStringLiteral("lessonPanel"));
    if (!dock || !panel)
        return nullptr;
    dock->show();
    dock->raise();
    (void)QTest::qWaitFor([panel] { return panel->isVisible(); }, 5000);
    return panel->isVisible() ? panel : nullptr;
}

void TestLessonBench::panelAgreesWithTheBench()
{
    LessonPanel *panel = raisePanel();
    QVERIFY(panel);
    const int clients = qEnvironmentVariableIsSet("DUPLEX_LESSON_CLIENTS")
        ? qEnvironmentVariableIntValue("DUPLEX_LESSON_CLIENTS")
        : 30;
    const bool keepAlive = qEnvironmentVariable("DUPLEX_LESSON_KEEPALIVE") != u"0";
    const QString shots = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    const QStringList poll
        = keepAlive ? QStringList {QStringLiteral("--keep-alive")} : QStringList {};
    const QList<Phase> phases {
        {"push", "switchPush", Transport::Push, {QStringLiteral("--transport"), "ws"}},
        {"poll 500 ms", "switchPoll", Transport::Poll,
         QStringList {"--transport", "poll", "--poll-interval", "500"} + poll},
        {"long poll", "switchLongPoll", Transport::LongPoll,
         QStringList {"--transport", "long-poll"} + poll},
    };
    const int extra = shots.isEmpty() ? 0 : 1; // ada
    std::unique_ptr<duplex::client::ClientSession> ada;
    if (extra) {
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
        dock->setFloating(true);
        dock->resize(1100, 950);
        QVERIFY(raisePanel());
        duplex::client::ClientSession::Config c;
        c.agent = QStringLiteral("tst_lessonbench");
        ada = std::make_unique<duplex::client::ClientSession>(c);
        ada->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_server->port())),
                  QStringLiteral("ada"));
        QTRY_VERIFY_WITH_TIMEOUT(ada->isSynchronized(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->clients().isEmpty(), 10000);
        panel->showClient(m_server->clients().constFirst().id, QStringLiteral("ada"));
    }

    for (const Phase &phase : phases) {
        auto *button = panel->findChild<QToolButton *>(QString::fromLatin1(phase.button));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->classTransport().mode, phase.transport, 10000);
        // The previous phase's WebSocket clients are gone at once; its poll sessions after
        // the peer timeout (45 s: the raw bench clients do not follow the switch, real
        // clients do). For the screenshots every other column is empty first.
        for (int t = 0; t < TransportCount; ++t) {
            if (Transport(t) != phase.transport && (extra || Transport(t) == Transport::Push))
                QTRY_COMPARE_WITH_TIMEOUT(panel->stats().now().of(Transport(t)).clients, 0, 90000);
        }
        QStringList args;
        args << "--url" << QStringLiteral("ws://127.0.0.1:%1/").arg(m_server->port()) << "--clients"
             << QString::number(clients) << "--senders"
             << "2"
             << "--rate"
             << "1"
             << "--stagger"
             << "--idle"
             << "1"
             << "--warmup"
             << "2"
             << "--duration" << (extra ? "40" : "8") << "--drain"
             << "3"
             << "--timeout"
             << "120"
             << "--json"
             << "--quiet" << phase.benchArgs;
        QProcess bench;
        bench.setProgram(QStringLiteral(DUPLEX_BENCH_EXE));
        bench.setArguments(args);
        bench.setProcessChannelMode(QProcess::SeparateChannels);
        // The panel's figures for this column, four times a second while the bench runs.
        QList<LessonStats::Rates> samples;
        bool grabbed = false;
        QTimer sampler;
        sampler.setInterval(250);
        connect(&sampler, &QTimer::timeout, this, [&] {
            panel->refreshNow();
            const LessonStats::Rates r = panel->stats().now().of(phase.transport);
            if (r.clients < clients || r.messagesOutPerSec <= 0)
                return; // not all in yet, or not sending
            samples.append(r);
            if (!extra || grabbed)
                return;
            // ada's WebSocket bar, then her polls; the panel 30 s into long polling.
            if (phase.transport == Transport::Poll && samples.size() == 40) {
                grabbed = true;
                panel->fetchActivity();
                QVERIFY(panel->timeline()->grab().save(
                    QDir(shots).filePath(QStringLiteral("lesson-timeline.png"))));
            } else if (phase.transport == Transport::LongPoll && samples.size() == 120) {
                grabbed = true;
                panel->fetchActivity();
                QVERIFY(
                    panel->grab().save(QDir(shots).filePath(QStringLiteral("lesson-panel.png"))));
            }
        });
        sampler.start();
        bench.start();
        QVERIFY2(bench.waitForStarted(10000), qPrintable(bench.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(bench.state() == QProcess::NotRunning, 120000);
        sampler.stop();
        const QByteArray out = bench.readAllStandardOutput().trimmed();
        QVERIFY2(bench.exitStatus() == QProcess::NormalExit && bench.exitCode() == 0,
                 bench.readAllStandardError().constData());
        const QJsonObject result = QJsonDocument::fromJson(out.split('\n').constLast()).object();
        QVERIFY2(!result.isEmpty(), out.constData());
        QCOMPARE(result.value("lost").toInteger(), 0);
        QCOMPARE(result.value("duplicated").toInteger(), 0);

        // The edges (a window half in the sending, half out) are left out.
        QVERIFY2(samples.size() >= 16, qPrintable(QString::number(samples.size())));
        samples = samples.mid(4, samples.size() - 8);
        QList<double> requests, perMessage, p50;
        for (const LessonStats::Rates &r : std::as_const(samples)) {
            requests.append(r.requestsPerSec);
            perMessage.append(r.bytesPerMessage);
            p50.append(r.p50Ms);
        }
        const double panelRequests = median(requests);
        const double panelPerMessage = median(perMessage);
        // ada polls like one more student.
        const double benchRequests
            = result.value("requests_per_s").toDouble() * (clients + extra) / clients;
        const double benchPerMessage = result.value("bytes_per_msg").toDouble();
        qInfo("%s, %d clients%s: requests/s panel %.1f bench %.1f; bytes/msg panel %.0f bench "
              "%.0f; p50 panel %.1f ms bench %.1f ms",
              phase.name, clients, keepAlive ? " (keep-alive)" : "", panelRequests, benchRequests,
              panelPerMessage, benchPerMessage, median(p50), result.value("lat_p50_ms").toDouble());
        // Requests/s: the panel counts what the server answered per second, the bench what
        // its clients sent in its window: within 10 % (and within 2 of 0 on push).
        QVERIFY2(qAbs(panelRequests - benchRequests) <= qMax(2.0, 0.10 * benchRequests),
                 qPrintable(QStringLiteral("%1 vs %2").arg(panelRequests).arg(benchRequests)));
        // Bytes per delivered message, both directions, heads and framing included: the
        // panel over one second, the bench over its whole window: within 15 %.
        QVERIFY2(qAbs(panelPerMessage - benchPerMessage) <= 0.15 * benchPerMessage,
                 qPrintable(QStringLiteral("%1 vs %2").arg(panelPerMessage).arg(benchPerMessage)));
    }
}

QTEST_MAIN(TestLessonBench)
#include "tst_lessonbench.moc"
