// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Backoff: the one jittered exponential backoff of the client (reconnect and the resend
// after rate_limited). Pure arithmetic; the random draw is passed in where it matters.

#include <backoff.h>

#include <QTest>

using duplex::client::Backoff;

class tst_Backoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void doublesFromInitialUpToMax();
    void jitterStaysWithinItsRange_data();
    void jitterStaysWithinItsRange();
    void randomDrawsStayInBounds();
    void resetStartsOver();
    void noJitterIsExact();
    void newParamsKeepTheCount();
    void defaultsAreCappedForALan();
};

void tst_Backoff::doublesFromInitialUpToMax()
{
    Backoff b({100, 1000, 0.2});
    QCOMPARE(b.attempts(), 0);
    QList<int> delays;
    for (int i = 0; i < 6; ++i)
        delays.append(b.next(0.5)); // 0.5: the centre, no jitter
    QCOMPARE(delays, (QList<int> {100, 200, 400, 800, 1000, 1000}));
    QCOMPARE(b.attempts(), 6);
    // Many attempts later it still does not overflow or pass the maximum.
    for (int i = 0; i < 100; ++i)
        QVERIFY(b.next(0.5) == 1000);
}

void tst_Backoff::jitterStaysWithinItsRange_data()
{
    QTest::addColumn<double>("unit");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("third");
    // base 1000 then 4000 (initial 1000, max 30000), jitter +-20 %.
    QTest::newRow("lowest draw") << 0.0 << 800 << 3200;
    QTest::newRow("centre") << 0.5 << 1000 << 4000;
    QTest::newRow("quarter") << 0.25 << 900 << 3600;
    QTest::newRow("almost highest") << 0.999999 << 1199 << 4799;
}

void tst_Backoff::jitterStaysWithinItsRange()
{
    QFETCH(double, unit);
    QFETCH(int, first);
    QFETCH(int, third);
    Backoff b({1000, 30000, 0.2});
    QCOMPARE(b.next(unit), first);
    b.next(unit);
    QCOMPARE(b.next(unit), third);
}

void tst_Backoff::randomDrawsStayInBounds()
{
    // The real random source: every delay within +-jitter of its base, never past the max
    // (the jitter of a capped delay is clamped), and not all the same (it does jitter).
    Backoff b({50, 400, 0.2});
    QSet<int> seen;
    for (int round = 0; round < 200; ++round) {
        b.reset();
        for (int attempt = 0; attempt < 6; ++attempt) {
            const double base = b.baseMs();
            QCOMPARE(base, qMin(400.0, 50.0 * (1 << attempt)));
            const int d = b.next();
            QVERIFY2(d >= int(base * 0.8) - 1 && d <= int(base * 1.2) && d <= 400,
                     qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(d)));
            if (attempt == 0)
                seen.insert(d);
        }
    }
    QVERIFY(seen.size() > 5);
}

void tst_Backoff::resetStartsOver()
{
    Backoff b({100, 10000, 0.2});
    b.next(0.5);
    b.next(0.5);
    QCOMPARE(b.baseMs(), 400.0);
    b.reset();
    QCOMPARE(b.attempts(), 0);
    QCOMPARE(b.baseMs(), 100.0);
    QCOMPARE(b.next(0.5), 100);
}

void tst_Backoff::noJitterIsExact()
{
    Backoff b({250, 1000, 0.0});
    QCOMPARE(b.next(0.0), 250);
    QCOMPARE(b.next(0.99), 500);
    QCOMPARE(b.next(), 1000);
}

void tst_Backoff::newParamsKeepTheCount()
{
    Backoff b({100, 10000, 0.2});
    b.next(0.5);
    b.setParams({10, 10000, 0.2});
    QCOMPARE(b.next(0.5), 20); // the second attempt under the new initial delay
    QCOMPARE(b.params().initialMs, 10);
}

void tst_Backoff::defaultsAreCappedForALan()
{
    // A classroom server that was down for a minute is found again within ~5 s: the
    // delay never grows past the LAN cap, whatever the draw, and a reset starts at 1 s.
    Backoff b;
    QCOMPARE(b.params().maxMs, Backoff::LanMaxMs);
    QCOMPARE(Backoff::LanMaxMs, 5000);
    int last = 0;
    for (int i = 0; i < 30; ++i) {
        last = b.next(i % 2 ? 0.999 : 0.0);
        QVERIFY2(last <= 5000, qPrintable(QString::number(last)));
    }
    QVERIFY(last >= 4000); // -20 % of the cap at the lowest draw
    b.reset();
    QCOMPARE(b.next(0.5), 1000);
}

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_backoff.moc"
