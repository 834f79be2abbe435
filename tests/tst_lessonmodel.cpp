// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The lesson panel's arithmetic (LessonStats) with synthetic snapshots at explicit times:
// what the panel shows must be what a teacher can check with a calculator.

#include <lessonstats.h>

#include <QTest>

using namespace duplex::server;

namespace {

/// A class that grows by fixed amounts per second: the snapshot at t ms.
struct Class {
    int pushClients = 0;
    int pollClients = 0;
    // per second
    double pollRequests = 0, pollEmpty = 0, pollBytesIn = 0, pollBytesOut = 0, pollDelivered = 0;
    double pushBytesIn = 0, pushBytesOut = 0, pushDelivered = 0;
    double cpuMsPerSec = 0;
    qint64 pushLatencyMicros = 0, pollLatencyMicros = 0; ///< one per delivered message

    TransportFigures at(qint64 tMs, ClassTransport ct = {}) const
    {
        const double s = double(tMs) / 1000.0;
        TransportFigures f;
        f.uptimeMs = tMs;
        f.classTransport = ct;
        f.cpuMs = qint64(cpuMsPerSec * s);
        TransportCounters &push = f.of(Transport::Push);
        push.clients = pushClients;
        push.bytesIn = quint64(pushBytesIn * s);
        push.bytesOut = quint64(pushBytesOut * s);
        push.messagesOut = quint64(pushDelivered * s);
        push.latency.counts[size_t(LatencyHistogram::bucketOf(pushLatencyMicros))]
            = push.messagesOut;
        TransportCounters &poll = f.of(Transport::Poll);
        poll.clients = pollClients;
        poll.requests = quint64(pollRequests * s);
        poll.emptyResponses = quint64(pollEmpty * s);
        poll.bytesIn = quint64(pollBytesIn * s);
        poll.bytesOut = quint64(pollBytesOut * s);
        poll.messagesOut = quint64(pollDelivered * s);
        poll.latency.counts[size_t(LatencyHistogram::bucketOf(pollLatencyMicros))]
            = poll.messagesOut;
        return f;
    }
};

} // namespace

class TestLessonModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneSnapshotHasNoRates();
    void ratesOverTheLastSecond();
    void emptyShareAndBytesPerMessage();
    void latencyPercentilesOfTheLastSecondsOnly();
    void cpuShareOfOneCore();
    void historyOnePointASecondBoundedToFiveMinutes();
    void switchMomentsAreRecorded();
    void projectionScalesTo300StudentsEvery500ms();
    void projectionRemembersTheLastMeasurement();
    void restartedEngineStartsRatesAfresh();
    void olderSnapshotsAreIgnored();
};

void TestLessonModel::oneSnapshotHasNoRates()
{
    LessonStats s;
    Class c;
    c.pushClients = 3;
    c.pushBytesOut = 1000;
    s.add(1000, c.at(1000));
    QVERIFY(!s.hasRates());
    QCOMPARE(s.now().of(Transport::Push).clients, 3);
    QCOMPARE(s.now().of(Transport::Push).bytesOutPerSec, 0.0);
    QCOMPARE(s.now().cpuPercent, -1.0);
    QVERIFY(s.history().isEmpty());
}

void TestLessonModel::ratesOverTheLastSecond()
{
    LessonStats s;
    Class c;
    c.pushClients = 2;
    c.pushBytesIn = 400;
    c.pushBytesOut = 4000;
    c.pollClients = 4;
    c.pollRequests = 8;
    c.pollBytesIn = 8 * 300;
    c.pollBytesOut = 8 * 250;
    // Four snapshots a second, as ServerHost pushes them.
    for (qint64 t = 0; t <= 3000; t += 250)
        s.add(t, c.at(t));
    QVERIFY(s.hasRates());
    const LessonStats::Rates &push = s.now().of(Transport::Push);
    QCOMPARE(push.clients, 2);
    QCOMPARE(push.requestsPerSec, 0.0);
    QCOMPARE(push.bytesInPerSec, 400.0);
    QCOMPARE(push.bytesOutPerSec, 4000.0);
    QCOMPARE(push.bytesPerSec(), 4400.0);
    const LessonStats::Rates &poll = s.now().of(Transport::Poll);
    QCOMPARE(poll.clients, 4);
    QCOMPARE(poll.requestsPerSec, 8.0);
    QCOMPARE(poll.bytesPerRequest, 550.0);

    // A burst only in the last second shows at once (a 1 s window, not the whole run).
    TransportFigures f = c.at(3250);
    f.of(Transport::Push).bytesOut += 10000;
    s.add(3250, f);
    QCOMPARE(s.now().of(Transport::Push).bytesOutPerSec, 4000.0 + 10000.0);
}

void TestLessonModel::emptyShareAndBytesPerMessage()
{
    LessonStats s;
    Class c;
    c.pollClients = 10;
    c.pollRequests = 20;  // every 500 ms
    c.pollEmpty = 15;     // 3 of 4 bring nothing
    c.pollDelivered = 10; // 5 responses carry 2 messages each
    c.pollBytesIn = 20 * 400;
    c.pollBytesOut = 20 * 200 + 10 * 100;
    c.pushClients = 10;
    c.pushDelivered = 10;
    c.pushBytesOut = 10 * 80;
    c.pushBytesIn = 20; // pongs
    s.add(0, c.at(0));
    s.add(1000, c.at(1000));
    const LessonStats::Rates &poll = s.now().of(Transport::Poll);
    QCOMPARE(poll.emptyShare, 0.75);
    QCOMPARE(poll.bytesPerMessage, (8000.0 + 5000.0) / 10.0);
    const LessonStats::Rates &push = s.now().of(Transport::Push);
    QCOMPARE(push.emptyShare, -1.0); // no requests on push: "not applicable", not 0 %
    QCOMPARE(push.bytesPerMessage, 82.0);
    // Nothing delivered on long polling: unknown, not 0 bytes per message.
    QCOMPARE(s.now().of(Transport::LongPoll).bytesPerMessage, -1.0);
}

void TestLessonModel::latencyPercentilesOfTheLastSecondsOnly()
{
    LessonStats s;
    Class c;
    c.pushClients = 1;
    c.pushDelivered = 100;
    c.pushLatencyMicros = 80'000; // a slow start: 80 ms
    c.pollClients = 1;
    c.pollDelivered = 10;
    c.pollLatencyMicros = 250'000;
    qint64 t = 0;
    for (; t <= 10000; t += 250)
        s.add(t, c.at(t));
    QCOMPARE(s.now().of(Transport::Push).p50Ms,
             LatencyHistogram::upperEdgeMs(LatencyHistogram::bucketOf(80'000)));
    QVERIFY(s.now().of(Transport::Poll).p50Ms >= 250.0);
    QVERIFY(s.now().of(Transport::Poll).p50Ms < 250.0 * 1.25);

    // From now on push delivers in ~1 ms: after the latency window (5 s) the slow start is
    // gone from p50 and p99.
    quint64 extra = 0;
    for (; t <= 16000; t += 250) {
        TransportFigures f = c.at(10000);
        f.uptimeMs = t;
        extra += 25;
        f.of(Transport::Push).messagesOut += extra;
        f.of(Transport::Push).latency.counts[size_t(LatencyHistogram::bucketOf(1000))] += extra;
        s.add(t, f);
    }
    const double fast = LatencyHistogram::upperEdgeMs(LatencyHistogram::bucketOf(1000));
    QCOMPARE(s.now().of(Transport::Push).p50Ms, fast);
    QCOMPARE(s.now().of(Transport::Push).p99Ms, fast);
    // Nothing delivered over polling in the last seconds: no latency, not an old one.
    QCOMPARE(s.now().of(Transport::Poll).p50Ms, -1.0);
}

void TestLessonModel::cpuShareOfOneCore()
{
    LessonStats s;
    Class c;
    c.cpuMsPerSec = 125; // 12.5 % of one core
    s.add(0, c.at(0));
    s.add(500, c.at(500));
    s.add(1000, c.at(1000));
    s.add(2000, c.at(2000));
    QCOMPARE(s.now().cpuPercent, 12.5);
}

void TestLessonModel::historyOnePointASecondBoundedToFiveMinutes()
{
    LessonStats s;
    Class c;
    c.pushClients = 5;
    c.pushBytesOut = 1000;
    c.pollRequests = 4;
    for (qint64 t = 0; t <= 10'000; t += 250)
        s.add(t, c.at(t));
    // The first point needs two snapshots (t = 250), then one at each new second.
    QCOMPARE(s.history().size(), 11);
    QCOMPARE(s.history().last().tMs, 10'000);
    QCOMPARE(s.history().last().bytesPerSec[size_t(Transport::Push)], 1000.0);
    QCOMPARE(s.history().last().requestsPerSec[size_t(Transport::Poll)], 4.0);
    QCOMPARE(s.history().last().clients[size_t(Transport::Push)], 5);

    for (qint64 t = 10'250; t <= 400'000; t += 250)
        s.add(t, c.at(t));
    QCOMPARE(s.history().size(), LessonStats::DefaultHistoryPoints);
    QCOMPARE(s.history().last().tMs, 400'000);
    QCOMPARE(s.history().first().tMs, 400'000 - 299'000);
}

void TestLessonModel::switchMomentsAreRecorded()
{
    LessonStats s;
    Class c;
    const ClassTransport push;
    const ClassTransport poll {Transport::Poll, 500};
    const ClassTransport longPoll {Transport::LongPoll, 500};
    qint64 t = 0;
    for (; t < 5000; t += 250)
        s.add(t, c.at(t, push));
    QVERIFY(s.switches().isEmpty());
    for (; t < 10000; t += 250)
        s.add(t, c.at(t, poll));
    QCOMPARE(s.switches().size(), 1);
    QCOMPARE(s.switches().at(0).tMs, 5000);
    QCOMPARE(s.switches().at(0).from, push);
    QCOMPARE(s.switches().at(0).to, poll);
    QCOMPARE(s.now().classTransport, poll);
    // The interval alone is a switch too (500 ms -> 2000 ms).
    const ClassTransport slowPoll {Transport::Poll, 2000};
    s.add(t, c.at(t, slowPoll));
    t += 250;
    s.add(t, c.at(t, longPoll));
    QCOMPARE(s.switches().size(), 3);
    QCOMPARE(s.switches().at(1).to, slowPoll);
    QCOMPARE(s.switches().at(2).to, longPoll);
    // The interval while on long polling means nothing to the class: no switch.
    t += 250;
    s.add(t, c.at(t, {Transport::LongPoll, 1500}));
    QCOMPARE(s.switches().size(), 3);
    // Switches scroll out with the history.
    for (; t < 400'000; t += 1000)
        s.add(t, c.at(t, {Transport::LongPoll, 1500}));
    QVERIFY(s.switches().isEmpty());
}

void TestLessonModel::projectionScalesTo300StudentsEvery500ms()
{
    LessonStats s;
    Class c;
    // Measured: 30 students polling every 1 s, each request + response 600 bytes on the wire
    // (heads included), 90 % of them empty...
    c.pollClients = 30;
    c.pollRequests = 30;
    c.pollEmpty = 27;
    c.pollBytesIn = 30 * 450;
    c.pollBytesOut = 30 * 150;
    // ... and 20 students on push costing 50 bytes/s each.
    c.pushClients = 20;
    c.pushBytesIn = 20 * 10;
    c.pushBytesOut = 20 * 40;
    for (qint64 t = 0; t <= 6000; t += 250)
        s.add(t, c.at(t));
    const LessonStats::Projection p = s.projection(300, 500);
    QCOMPARE(p.pollRequestsPerSec, 600.0);
    QCOMPARE(p.bytesPerPollRequest, 600.0);
    QCOMPARE(p.pollBytesPerSec, 600.0 * 600.0);
    QCOMPARE(p.pollEmptyShare, 0.9);
    QCOMPARE(p.pushBytesPerClientPerSec, 50.0);
    QCOMPARE(p.pushBytesPerSec, 300.0 * 50.0);
    QCOMPARE(p.factor, 360000.0 / 15000.0);

    // Another example, the same arithmetic.
    const LessonStats::Projection q = s.projection(30, 1000);
    QCOMPARE(q.pollRequestsPerSec, 30.0);
    QCOMPARE(q.pollBytesPerSec, 30.0 * 600.0);
    QCOMPARE(q.pushBytesPerSec, 30.0 * 50.0);

    // Nothing measured yet: unknown, not zero.
    LessonStats empty;
    const LessonStats::Projection e = empty.projection();
    QCOMPARE(e.pollRequestsPerSec, 600.0);
    QCOMPARE(e.pollBytesPerSec, -1.0);
    QCOMPARE(e.pushBytesPerSec, -1.0);
    QCOMPARE(e.factor, -1.0);
}

void TestLessonModel::projectionRemembersTheLastMeasurement()
{
    LessonStats s;
    Class pollClass;
    pollClass.pollClients = 10;
    pollClass.pollRequests = 20;
    pollClass.pollBytesIn = 20 * 500;
    qint64 t = 0;
    for (; t <= 6000; t += 250)
        s.add(t, pollClass.at(t));
    QCOMPARE(s.projection().bytesPerPollRequest, 500.0);
    QCOMPARE(s.projection().pushBytesPerSec, -1.0);

    // Back on push: the poll column is idle, the line keeps its last measured poll cost
    // and now has the push side too.
    TransportFigures frozen = pollClass.at(t);
    frozen.of(Transport::Poll).clients = 0;
    quint64 pushBytes = 0;
    for (; t <= 14000; t += 250) {
        TransportFigures f = frozen;
        f.uptimeMs = t;
        f.of(Transport::Push).clients = 10;
        pushBytes += 10 * 30 / 4; // 30 bytes/s per client
        f.of(Transport::Push).bytesOut = pushBytes;
        s.add(t, f);
    }
    QCOMPARE(s.now().of(Transport::Poll).requestsPerSec, 0.0);
    QCOMPARE(s.projection().bytesPerPollRequest, 500.0);
    QCOMPARE(s.projection().pushBytesPerClientPerSec, 30.0);
}

void TestLessonModel::restartedEngineStartsRatesAfresh()
{
    LessonStats s;
    Class c;
    c.pushClients = 1;
    c.pushBytesOut = 1000;
    for (qint64 t = 0; t <= 5000; t += 250)
        s.add(t, c.at(t));
    const int points = int(s.history().size());
    // Totals back near zero (a new engine): no negative or huge rate, history kept.
    s.add(5250, c.at(100));
    QVERIFY(!s.hasRates());
    QCOMPARE(s.now().of(Transport::Push).bytesOutPerSec, 0.0);
    QCOMPARE(s.history().size(), points);
    s.add(6250, c.at(1100));
    QCOMPARE(s.now().of(Transport::Push).bytesOutPerSec, 1000.0);
}

void TestLessonModel::olderSnapshotsAreIgnored()
{
    LessonStats s;
    Class c;
    c.pushBytesOut = 1000;
    s.add(0, c.at(0));
    s.add(1000, c.at(1000));
    // A late copy of an earlier snapshot (or the same one twice) changes nothing.
    s.add(1000, c.at(1000));
    s.add(500, c.at(500));
    QCOMPARE(s.now().tMs, 1000);
    QCOMPARE(s.now().of(Transport::Push).bytesOutPerSec, 1000.0);
}

QTEST_GUILESS_MAIN(TestLessonModel)
#include "tst_lessonmodel.moc"
