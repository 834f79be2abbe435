// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Outbox: what the client has said and the server has not confirmed. A fake wire records
// what goes out; the test plays the server's answers (delivered, refused, rate_limited).

#include <outbox.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using duplex::client::Backoff;
using duplex::client::Outbox;
using duplex::client::OutboxEntry;
using Kind = OutboxEntry::Kind;

namespace {

/// The connection as the outbox sees it: open or not, and every entry put on the wire.
struct Wire {
    bool open = true;
    QList<OutboxEntry> sent;
    QStringList events; ///< "queued:<id>" and "sent:<id>" in the order they happened

    std::unique_ptr<Outbox> makeOutbox(const Backoff::Params &backoff = {40, 400, 0.0})
    {
        auto o = std::make_unique<Outbox>(
            [this](const OutboxEntry &e) {
                sent.append(e);
                events.append(QStringLiteral("sent:") + e.id);
            },
            [this] { return open; });
        o->setBackoff(backoff);
        QObject::connect(o.get(), &Outbox::queued, o.get(), [this](const OutboxEntry &e) {
            events.append(QStringLiteral("queued:") + e.id);
        });
        return o;
    }
    QStringList sentIds() const
    {
        QStringList out;
        for (const OutboxEntry &e : sent)
            out.append(e.id);
        return out;
    }
};

} // namespace

class tst_Outbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentAtOnceWhenOpen();
    void queuedWhileClosedThenSentInOrder();
    void resentWithTheSameIdAfterADrop();
    void takeRemovesOnlyItsOwn();
    void rateLimitedWaitsThenOneAtATime();
    void refusalsInARowWaitLongerUntilADelivery();
    void slowModeIsSpacedByTheServerRate();
    void pacedSendWaitsForTheConnection();
    void connectionLostEndsSlowMode();
    void clearForgetsEverything();
};

void tst_Outbox::sentAtOnceWhenOpen()
{
    Wire wire;
    auto outbox = wire.makeOutbox();
    const QString id = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("hi"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(wire.events, (QStringList {"queued:" + id, "sent:" + id})); // queued first
    const OutboxEntry e = outbox->entries().constFirst();
    QCOMPARE(e.kind, Kind::Say);
    QCOMPARE(e.target, QStringLiteral("general"));
    QCOMPARE(e.text, QStringLiteral("hi"));
    QCOMPARE(e.sends, 1);
    QVERIFY(e.inFlight);
    QVERIFY(!e.waiting);
    QVERIFY(e.queuedMs > 0);
    // Ids are unique.
    const QString other = outbox->add(Kind::Whisper, QStringLiteral("bob"), QStringLiteral("psst"));
    QVERIFY(other != id);
    QCOMPARE(wire.sent.last().kind, Kind::Whisper);
    QCOMPARE(wire.sent.last().target, QStringLiteral("bob"));
}

void tst_Outbox::queuedWhileClosedThenSentInOrder()
{
    Wire wire;
    wire.open = false;
    auto outbox = wire.makeOutbox();
    QSignalSpy queued(outbox.get(), &Outbox::queued);
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("1"));
    const QString b = outbox->add(Kind::Whisper, QStringLiteral("bob"), QStringLiteral("2"));
    const QString c = outbox->add(Kind::Say, QStringLiteral("lab"), QStringLiteral("3"));
    QCOMPARE(queued.count(), 3);
    QVERIFY(wire.sent.isEmpty());
    for (const OutboxEntry &e : outbox->entries())
        QVERIFY(e.sends == 0 && !e.inFlight);
    wire.open = true;
    outbox->sendAll();
    QCOMPARE(wire.sentIds(), (QStringList {a, b, c}));
}

void tst_Outbox::resentWithTheSameIdAfterADrop()
{
    Wire wire;
    auto outbox = wire.makeOutbox();
    const QString id = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("x"));
    outbox->connectionLost(); // no answer came: in doubt
    QVERIFY(!outbox->entries().constFirst().inFlight);
    outbox->sendAll();
    QCOMPARE(wire.sentIds(), (QStringList {id, id}));
    QCOMPARE(outbox->entries().constFirst().sends, 2);
    QVERIFY(outbox->entries().constFirst().inFlight);
}

void tst_Outbox::takeRemovesOnlyItsOwn()
{
    Wire wire;
    auto outbox = wire.makeOutbox();
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    const QString b = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("b"));
    QVERIFY(!outbox->take(QStringLiteral("someone-else")));
    QVERIFY(outbox->take(b));
    QVERIFY(!outbox->take(b)); // answered twice (a deduplicated resend): once is enough
    QCOMPARE(outbox->entries().size(), 1);
    QCOMPARE(outbox->entries().constFirst().id, a);
    QVERIFY(outbox->take(a));
    QVERIFY(outbox->isEmpty());
}

void tst_Outbox::rateLimitedWaitsThenOneAtATime()
{
    Wire wire;
    auto outbox = wire.makeOutbox({40, 400, 0.0});
    QSignalSpy waiting(outbox.get(), &Outbox::waiting);
    QSignalSpy resent(outbox.get(), &Outbox::resent);
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    const QString b = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("b"));
    const QString c = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("c"));
    wire.sent.clear();

    // The server takes a, drops b and c with rate_limited: one backoff for the round.
    QVERIFY(outbox->take(a));
    QVERIFY(outbox->rateLimited(b));
    QVERIFY(outbox->rateLimited(c));
    QVERIFY(!outbox->rateLimited(QStringLiteral("unknown")));
    QVERIFY(outbox->isPacing());
    QCOMPARE(waiting.count(), 2);
    QCOMPARE(waiting.at(0).at(0).toString(), b);
    QVERIFY(waiting.at(0).at(1).toInt() > 0 && waiting.at(0).at(1).toInt() <= 42);
    QVERIFY(waiting.at(1).at(1).toInt() <= waiting.at(0).at(1).toInt()); // the same wait
    for (const OutboxEntry &e : outbox->entries())
        QVERIFY(e.waiting && !e.inFlight);
    // Typed meanwhile: queued behind them, not sent past them.
    const QString d = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("d"));
    QVERIFY(wire.sent.isEmpty());

    // After the wait: the oldest alone, with its id, announced as resent.
    QTRY_COMPARE(wire.sentIds(), QStringList {b});
    QCOMPARE(resent.count(), 1);
    QCOMPARE(resent.at(0).at(0).toString(), b);
    QVERIFY(!outbox->entries().constFirst().waiting);
    // Each answer lets the next one go (the server announced no rate: at once).
    QVERIFY(outbox->take(b));
    QTRY_COMPARE(wire.sentIds(), (QStringList {b, c}));
    QVERIFY(outbox->take(c));
    QTRY_COMPARE(wire.sentIds(), (QStringList {b, c, d}));
    QCOMPARE(resent.count(), 2); // d was never refused
    QVERIFY(outbox->take(d));
    // Empty again: slow mode ends and new messages go at once.
    QTRY_VERIFY(!outbox->isPacing());
    const QString e = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("e"));
    QCOMPARE(wire.sentIds().last(), e);
}

void tst_Outbox::refusalsInARowWaitLongerUntilADelivery()
{
    Wire wire;
    auto outbox = wire.makeOutbox({40, 1000, 0.0});
    QSignalSpy waiting(outbox.get(), &Outbox::waiting);
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    const QString b = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("b"));
    // Both refused; then a, resent alone, is refused again and again: 40, 80, 160 ms.
    QList<int> waits;
    for (int round = 0; round < 3; ++round) {
        const int sends = int(wire.sent.size());
        QVERIFY(outbox->rateLimited(a));
        if (round == 0)
            QVERIFY(outbox->rateLimited(b));
        waits.append(waiting.last().at(1).toInt());
        QTRY_COMPARE(int(wire.sent.size()), sends + 1); // a again, alone
        QCOMPARE(wire.sent.last().id, a);
    }
    // (What is left of each wait, read at once; a coarse QTimer may add up to 5 %.)
    const auto near
        = [](int left, int delay) { return left > delay / 2 && left <= delay * 21 / 20; };
    QVERIFY2(near(waits.at(0), 40), qPrintable(QString::number(waits.at(0))));
    QVERIFY2(near(waits.at(1), 80), qPrintable(QString::number(waits.at(1))));
    QVERIFY2(near(waits.at(2), 160), qPrintable(QString::number(waits.at(2))));
    // A delivery resets it: the next refusal waits the initial time again.
    QVERIFY(outbox->take(a));
    QTRY_COMPARE(wire.sent.last().id, b);
    QVERIFY(outbox->rateLimited(b));
    QVERIFY2(near(waiting.last().at(1).toInt(), 40), qPrintable(waiting.last().at(1).toString()));
}

void tst_Outbox::slowModeIsSpacedByTheServerRate()
{
    Wire wire;
    auto outbox = wire.makeOutbox({20, 400, 0.0});
    outbox->setServerRate(10); // one message per 100 ms
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    const QString b = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("b"));
    QVERIFY(outbox->rateLimited(a));
    QVERIFY(outbox->rateLimited(b));
    QTRY_COMPARE(wire.sent.last().id, a);
    const qsizetype before = wire.sent.size();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(outbox->take(a));
    QCOMPARE(wire.sent.size(), before); // not at once: the server's rate spaces them
    QTRY_COMPARE(wire.sent.last().id, b);
    QVERIFY2(clock.elapsed() >= 90, qPrintable(QString::number(clock.elapsed())));
}

void tst_Outbox::pacedSendWaitsForTheConnection()
{
    Wire wire;
    auto outbox = wire.makeOutbox({20, 400, 0.0});
    QSignalSpy resent(outbox.get(), &Outbox::resent);
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    QVERIFY(outbox->rateLimited(a));
    wire.open = false; // e.g. reconnecting, not caught up yet
    QVERIFY(outbox->retryInMs() > 0);
    // The wait runs out while closed: nothing goes out.
    QTRY_COMPARE(outbox->retryInMs(), -1);
    QCOMPARE(wire.sent.size(), 1);
    QVERIFY(resent.isEmpty());
    // The connection catches up and sends everything; the waiting entry says so.
    wire.open = true;
    outbox->connectionLost();
    outbox->sendAll();
    QCOMPARE(wire.sentIds(), (QStringList {a, a}));
    QCOMPARE(resent.count(), 1);
}

void tst_Outbox::connectionLostEndsSlowMode()
{
    Wire wire;
    auto outbox = wire.makeOutbox({40, 400, 0.0});
    const QString a = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    QVERIFY(outbox->rateLimited(a));
    QVERIFY(outbox->isPacing());
    outbox->connectionLost();
    QVERIFY(!outbox->isPacing());
    QVERIFY(!outbox->entries().constFirst().inFlight);
    QVERIFY(outbox->entries().constFirst().waiting); // still owed a resend
    // A new message goes at once: no refusal is pending on the new connection.
    const QString b = outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("b"));
    QCOMPARE(wire.sentIds(), (QStringList {a, b}));
}

void tst_Outbox::clearForgetsEverything()
{
    Wire wire;
    wire.open = false;
    auto outbox = wire.makeOutbox();
    outbox->add(Kind::Say, QStringLiteral("general"), QStringLiteral("a"));
    outbox->add(Kind::Whisper, QStringLiteral("bob"), QStringLiteral("b"));
    outbox->clear();
    QVERIFY(outbox->isEmpty());
    wire.open = true;
    outbox->sendAll();
    QVERIFY(wire.sent.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
