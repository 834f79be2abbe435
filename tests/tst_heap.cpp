// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// Issue 16, the soak's RSS drift: the real duplex-server --headless under connection churn.
// Its heap in use (glibc's count, minus SQLite's own page cache, from the DUPLEX_STATS_MS
// line) must come back to where it was after hundreds of connections came and went (a
// per-connection leak would not), and the free pages that churn leaves in the heap must be
// handed back (malloc_trim), but not by an idle server. docs/performance.md, "Soak".

#include "chattestclient.h"
#include "headlessserver.h"

#include <QRegularExpression>
#include <QtTest>

#include <memory>
#include <vector>

using duplex::test::ChatTestClient;
using duplex::test::Headless;
using duplex::test::obj;

namespace {

/// The figures of the server's last `[stats]` line.
struct Stats {
    int lines = 0; ///< how many stats lines so far
    qint64 clients = -1;
    qint64 lingering = -1;
    qint64 heapUsed = -1;
    qint64 sqlite = -1;
    qint64 trims = -1;
    /// What the server's own structures hold: the heap in use without SQLite's cache
    /// (which fills up to its cap as the database grows, by design).
    qint64 ours() const { return heapUsed - qMax<qint64>(0, sqlite); }
};

Stats statsOf(const QString &log)
{
    Stats s;
    s.lines = int(log.count(QStringLiteral("[stats] ")));
    const qsizetype at = log.lastIndexOf(QStringLiteral("[stats] "));
    if (at < 0)
        return s;
    const qsizetype end = log.indexOf(QLatin1Char('\n'), at);
    if (end < 0)
        return statsOf(log.left(at)); // the last line is not complete yet
    const QString line = log.mid(at, end - at);
    auto field = [&](const char *name) {
        const QRegularExpression re(QStringLiteral("\\b%1=(-?\\d+)").arg(QLatin1String(name)));
        const auto m = re.match(line);
        return m.hasMatch() ? m.captured(1).toLongLong() : qint64(-1);
    };
    s.clients = field("clients");
    s.lingering = field("lingering");
    s.heapUsed = field("heap_used");
    s.sqlite = field("sqlite");
    s.trims = field("trims");
    return s;
}

} // namespace

class TestHeap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void churnLeavesNothingInTheHeap();
    void churnedServerTrimsItsHeapIdleOneDoesNot();

private:
    /// `count` students, `batch` at a time: connect, hello (a new nick each), join a room,
    /// say a text, close with 1000. Then waits until the server has none left.
    bool churn(Headless &h, int count, int batch, int first);
    /// Waits for `n` more stats lines and returns the last one's figures.
    Stats afterLines(Headless &h, int n);
};

void TestHeap::initTestCase()
{
    // Headless starts the server with this process's environment.
    qputenv("DUPLEX_STATS_MS", "100");
    // Without glibc's per-thread cache: the chunks it holds count as in use in mallinfo2,
    // tens of KiB that come and go with the traffic; without it the count is exact.
    qputenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=0");
}

bool TestHeap::churn(Headless &h, int count, int batch, int first)
{
    const QString text(1000, QLatin1Char('x'));
    for (int done = 0; done < count; done += batch) {
        std::vector<std::unique_ptr<ChatTestClient>> clients;
        for (int i = done; i < qMin(count, done + batch); ++i) {
            auto c = std::make_unique<ChatTestClient>();
            if (!c->open(h.port) || !c->hello(QStringLiteral("c%1").arg(first + i)))
                return false;
            c->send(obj({{"type", "join"}, {"room", QStringLiteral("r%1").arg(i % 4)}}));
            c->send(obj({{"type", "say"},
                         {"id", QStringLiteral("m%1").arg(i)},
                         {"room", QStringLiteral("r%1").arg(i % 4)},
                         {"text", text}}));
            clients.push_back(std::move(c));
        }
        for (auto &c : clients) {
            if (!c->barrier()) // the join and the say were handled
                return false;
            c->socket.close(QWebSocketProtocol::CloseCodeNormal);
        }
        for (auto &c : clients) {
            if (!c->waitDisconnected(10000))
                return false;
        }
    }
    // Every connection gone on the server's side too (lingering closes included).
    return QTest::qWaitFor(
        [&] {
            const Stats s = statsOf(h.log);
            return s.clients == 0 && s.lingering == 0;
        },
        20000);
}

Stats TestHeap::afterLines(Headless &h, int n)
{
    const int target = statsOf(h.log).lines + n;
    (void)QTest::qWaitFor([&] { return statsOf(h.log).lines >= target; }, 30000);
    return statsOf(h.log);
}

void TestHeap::churnLeavesNothingInTheHeap()
{
    // The soak's question: do connections that came and went leave memory behind? (Its
    // RSS crept by ~52 bytes per connection made.) Warm up first (hash tables grow to their
    // working size over the first few hundred), then 400 more connections: what the server
    // holds afterwards must be what it held before, within 16 bytes per connection
    // (measured: 0-32 bytes in all, whatever the number of connections).
    qputenv("DUPLEX_HEAP_TRIM_MS", "0"); // the figure is the same either way; keep it simple
    Headless h;
    qunsetenv("DUPLEX_HEAP_TRIM_MS");
    QVERIFY(h.port);
    QVERIFY2(churn(h, 400, 20, 0), qPrintable(h.log.right(2000)));
    const Stats before = afterLines(h, 3);
    if (before.heapUsed < 0)
        QSKIP("the server reports no heap figures here (not glibc)");
    QVERIFY2(before.sqlite >= 0, "SQLite's count is missing from the stats line");
    const int connections = 400;
    QVERIFY2(churn(h, connections, 20, 400), qPrintable(h.log.right(2000)));
    const Stats after = afterLines(h, 3);
    const qint64 grown = after.ours() - before.ours();
    qInfo("heap in use without SQLite: %lld -> %lld bytes (%+lld, %.1f per connection); "
          "SQLite %lld -> %lld",
          before.ours(), after.ours(), grown, double(grown) / connections, before.sqlite,
          after.sqlite);
    QVERIFY2(grown < 16 * connections,
             qPrintable(QStringLiteral("the heap grew by %1 bytes over %2 connections")
                            .arg(grown)
                            .arg(connections)));
}

void TestHeap::churnedServerTrimsItsHeapIdleOneDoesNot()
{
    qputenv("DUPLEX_HEAP_TRIM_MS", "200");
    Headless h;
    qunsetenv("DUPLEX_HEAP_TRIM_MS");
    QVERIFY(h.port);
    const Stats start = afterLines(h, 1);
    if (start.heapUsed < 0)
        QSKIP("the server reports no heap figures here (not glibc)");
    // Idle (no connection ever ended): 3 s of stats lines, at least two housekeeping ticks
    // and many trim intervals, and still no trim.
    QCOMPARE(afterLines(h, 30).trims, 0);
    // Connections came and went: the heap is trimmed on a following tick...
    QVERIFY2(churn(h, 20, 20, 0), qPrintable(h.log.right(2000)));
    QTRY_VERIFY_WITH_TIMEOUT(statsOf(h.log).trims >= 1, 10000);
    // ...and then left alone: with nothing ended since (past the tick after the last end),
    // the next ticks do not trim again.
    const qint64 trims = afterLines(h, 25).trims;
    QCOMPARE(afterLines(h, 30).trims, trims);
}

QTEST_MAIN(TestHeap)
#include "tst_heap.moc"
