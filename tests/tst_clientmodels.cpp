// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The client's models and the typing notifier, without a server: merge by seq, pending
// lines, unread counts, rosters with typing, the bounded batched frame log, debounce.

#include <conversationmodel.h>
#include <framelogmodel.h>
#include <roomlistmodel.h>
#include <rostermodel.h>
#include <slashcommand.h>
#include <typingnotifier.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace duplex::client;

namespace {
ChatLine msg(qint64 seq, const QString &from = QStringLiteral("bob"), const QString &text = {})
{
    ChatLine l;
    l.seq = seq;
    l.from = from;
    l.text = text.isEmpty() ? QStringLiteral("m%1").arg(seq) : text;
    l.ts = 1700000000000 + seq;
    return l;
}
} // namespace

class tst_ClientModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conversation_mergesBySeqExactlyOnce();
    void conversation_pendingConfirmedInPlace();
    void conversation_pendingConfirmedAfterHistoryBroughtIt();
    void conversation_failedLeavesPendingTail();
    void conversation_systemAndNoticeLines();
    void conversation_joinsAndLeavesCollapse();
    void conversation_privateNoticeIsMarked();
    void conversation_whisperConfirmKeepsPlace();
    void conversation_waitingStaysInPendingTail();
    void conversation_boundedDropsOldestInBatches_data();
    void conversation_boundedDropsOldestInBatches();
    void roomList_unreadCountsAndClears();
    void roster_membersSortedWithTyping();
    void roster_typingExpires();
    void frameLog_batchedAndBounded();
    void frameLog_prettyJson();
    void typing_onAtFirstKeystrokeOffWhenIdle();
    void typing_atMostOneFramePerInterval();
    void typing_offOnSendAndOnTargetSwitch();
    void slashCommands_data();
    void slashCommands();
};

void tst_ClientModels::conversation_joinsAndLeavesCollapse()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 t0 = 1700000000000;
    model.addMessage(msg(1));
    // A class arrives: 27 joins in a row are one line, not 27.
    for (int i = 1; i <= 27; ++i)
        model.addPresence(true, QStringLiteral("s%1").arg(i), t0 + i * 1000);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex run = model.index(1);
    QCOMPARE(run.data(ConversationModel::KindRole).toInt(), int(ChatLine::Kind::System));
    QCOMPARE(run.data(ConversationModel::TextRole).toString(),
             QStringLiteral("27 joined: s1, s2, s3, s4, s5, \u2026"));
    QCOMPARE(run.data(ConversationModel::PresenceCountRole).toInt(), 27);
    QCOMPARE(run.data(ConversationModel::TimestampRole).toLongLong(), t0 + 1000); // the first
    // Every name is one hover away.
    const QString tip = run.data(Qt::ToolTipRole).toString();
    QVERIFY(tip.startsWith(QStringLiteral("Joined: s1, s2")));
    QVERIFY(tip.contains(QStringLiteral("s27")));
    // Leaves join the same line while nothing else was said.
    model.addPresence(false, QStringLiteral("s3"), t0 + 30000);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data().toString(),
             QStringLiteral("27 joined: s1, s2, s3, s4, s5, \u2026 \u00b7 s3 left"));
    model.addPresence(false, QStringLiteral("s4"), t0 + 31000);
    QVERIFY(model.index(1).data().toString().endsWith(QStringLiteral("2 left: s3, s4")));
    QVERIFY(
        model.index(1).data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("Left: s3, s4")));
    // A message ends the run; the next join starts a new, single line.
    model.addMessage(msg(2));
    model.addPresence(true, QStringLiteral("late"), t0 + 40000);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3).data().toString(), QStringLiteral("late joined"));
    QVERIFY(model.index(3).data(Qt::ToolTipRole).isNull()); // one name: nothing to expand
    // So does a long pause.
    model.addPresence(true, QStringLiteral("later"),
                      t0 + 40000 + ConversationModel::PresenceRunGapMs + 1);
    QCOMPARE(model.rowCount(), 5);
    // Pending own messages stay last, below a run.
    model.addPending(QStringLiteral("p1"), QStringLiteral("me"), QStringLiteral("hi"), t0 + 500000);
    model.addPresence(true, QStringLiteral("x"), t0 + 500001);
    model.addPresence(true, QStringLiteral("y"), t0 + 500002);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(5).data().toString(), QStringLiteral("2 joined: x, y"));
    QCOMPARE(model.index(6).data(ConversationModel::IdRole).toString(), QStringLiteral("p1"));
}

void tst_ClientModels::conversation_privateNoticeIsMarked()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    model.addNotice(QStringLiteral("server"), QStringLiteral("to all"), 1);
    model.addPrivateNotice(QStringLiteral("server"), QStringLiteral("see me after class"), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(ConversationModel::KindRole).toInt(), int(ChatLine::Kind::Notice));
    QCOMPARE(model.index(1).data(ConversationModel::KindRole).toInt(), int(ChatLine::Kind::Notice));
    QVERIFY(!model.index(0).data(ConversationModel::OwnRole).toBool());
    QVERIFY(model.index(1).data(ConversationModel::OwnRole).toBool()); // for this user alone
}

void tst_ClientModels::conversation_mergesBySeqExactlyOnce()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Live 5 and 6 arrive, then a catch-up page 1..7 with overlap, then a live duplicate.
    QVERIFY(model.addMessage(msg(5)));
    QVERIFY(model.addMessage(msg(6)));
    for (qint64 s = 1; s <= 7; ++s)
        model.addMessage(msg(s));
    QVERIFY(!model.addMessage(msg(6)));
    QVERIFY(model.addMessage(msg(9)));
    QVERIFY(model.addMessage(msg(8)));
    QCOMPARE(model.seqs(), (QList<qint64> {1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.lastSeq(), 9);
    QCOMPARE(model.index(0).data(ConversationModel::TextRole).toString(), QStringLiteral("m1"));
    QCOMPARE(model.index(8).data(ConversationModel::SenderRole).toString(), QStringLiteral("bob"));
}

void tst_ClientModels::conversation_pendingConfirmedInPlace()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMessage(msg(1));
    model.addPending(QStringLiteral("id-a"), QStringLiteral("me"), QStringLiteral("first"), 1);
    model.addPending(QStringLiteral("id-b"), QStringLiteral("me"), QStringLiteral("second"), 2);
    // Someone else's message arrives while ours are pending: it goes above them.
    model.addMessage(msg(2));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1).data(ConversationModel::SeqRole).toLongLong(), 2);
    QCOMPARE(model.index(2).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Pending));
    QVERIFY(model.hasPending(QStringLiteral("id-a")));

    ChatLine copy = msg(3, QStringLiteral("me"), QStringLiteral("first"));
    copy.own = true;
    QVERIFY(model.confirm(QStringLiteral("id-a"), copy));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.seqs(), (QList<qint64> {1, 2, 3}));
    QCOMPARE(model.index(2).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Delivered));
    QCOMPARE(model.index(2).data(ConversationModel::TextRole).toString(), QStringLiteral("first"));
    QCOMPARE(model.index(3).data(ConversationModel::IdRole).toString(), QStringLiteral("id-b"));
    QVERIFY(!model.hasPending(QStringLiteral("id-a")));
    QVERIFY(!model.confirm(QStringLiteral("nope"), copy));
}

void tst_ClientModels::conversation_pendingConfirmedAfterHistoryBroughtIt()
{
    // The copy was lost with the connection; catch-up history brought seq 2 (no `re`),
    // then the resend's answer (the original, with `re`) confirms: still one line.
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMessage(msg(1));
    model.addPending(QStringLiteral("id-a"), QStringLiteral("me"), QStringLiteral("hi"), 1);
    model.addMessage(msg(2, QStringLiteral("me"), QStringLiteral("hi")));
    QVERIFY(
        model.confirm(QStringLiteral("id-a"), msg(2, QStringLiteral("me"), QStringLiteral("hi"))));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.seqs(), (QList<qint64> {1, 2}));
}

void tst_ClientModels::conversation_failedLeavesPendingTail()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addPending(QStringLiteral("a"), QStringLiteral("me"), QStringLiteral("x"), 1);
    model.addPending(QStringLiteral("b"), QStringLiteral("me"), QStringLiteral("y"), 2);
    model.markFailed(QStringLiteral("b"), QStringLiteral("Too long."));
    QCOMPARE(model.index(0).data(ConversationModel::IdRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.index(0).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Failed));
    QCOMPARE(model.index(0).data(ConversationModel::FailureRole).toString(),
             QStringLiteral("Too long."));
    QCOMPARE(model.index(1).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Pending));
}

void tst_ClientModels::conversation_waitingStaysInPendingTail()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addPending(QStringLiteral("a"), QStringLiteral("me"), QStringLiteral("x"), 1);
    model.addPending(QStringLiteral("b"), QStringLiteral("me"), QStringLiteral("y"), 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.markWaiting(QStringLiteral("a"), true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Waiting));
    QVERIFY(model.hasPending(QStringLiteral("a")));
    // A message from someone else still goes above the tail, not between a and b.
    QVERIFY(model.addMessage(msg(1)));
    QCOMPARE(model.index(0).data(ConversationModel::SeqRole).toLongLong(), 1);
    QCOMPARE(model.index(1).data(ConversationModel::IdRole).toString(), QStringLiteral("a"));
    model.markWaiting(QStringLiteral("a"), false);
    QCOMPARE(model.index(1).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Pending));
    ChatLine own = msg(2, QStringLiteral("me"), QStringLiteral("x"));
    QVERIFY(model.confirm(QStringLiteral("a"), own));
    QCOMPARE(model.seqs(), (QList<qint64> {1, 2}));
}

void tst_ClientModels::conversation_boundedDropsOldestInBatches_data()
{
    QTest::addColumn<bool>("withTester");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<int>("batch");
    // The shipped bound, and a small one under QAbstractItemModelTester (which re-checks
    // every row on every change: at 5000 rows that alone takes 20 s).
    QTest::newRow("shipped bound")
        << false << ConversationModel::MaxRows << ConversationModel::TrimBatch;
    QTest::newRow("tester, 300/40") << true << 300 << 40;
}

void tst_ClientModels::conversation_boundedDropsOldestInBatches()
{
    QFETCH(bool, withTester);
    QFETCH(int, maxRows);
    QFETCH(int, batch);
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    model.setBound(maxRows, batch);
    std::unique_ptr<QAbstractItemModelTester> tester;
    if (withTester)
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.addPending(QStringLiteral("mine"), QStringLiteral("me"), QStringLiteral("still sending"),
                     1);
    constexpr int Total = 12000;
    int largest = 0;
    for (qint64 s = 1; s <= Total; ++s) {
        QVERIFY(model.addMessage(msg(s)));
        largest = std::max(largest, model.rowCount());
    }
    QCOMPARE(largest, maxRows);
    QVERIFY(model.rowCount() > maxRows - batch);
    // Whole batches, not one signal per message.
    for (const QList<QVariant> &args : std::as_const(removed))
        QCOMPARE(args.at(2).toInt() - args.at(1).toInt() + 1, batch);
    QCOMPARE(removed.count(), (Total + 1 - model.rowCount()) / batch);
    // The newest are kept, in order, and the pending own line is still at the end.
    const QList<qint64> seqs = model.seqs();
    QCOMPARE(seqs.last(), qint64(Total));
    QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
    QCOMPARE(seqs.first(), model.trimmedThrough() + 1);
    QCOMPARE(seqs.size(), model.rowCount() - 1);
    QCOMPARE(model.index(model.rowCount() - 1).data(ConversationModel::IdRole).toString(),
             QStringLiteral("mine"));
    QCOMPARE(model.index(model.rowCount() - 2).data(ConversationModel::TextRole).toString(),
             QStringLiteral("m%1").arg(Total));
    // A dropped message coming back (an old catch-up page) is not taken in again.
    QVERIFY(!model.addMessage(msg(1)));
    QCOMPARE(model.seqs().first(), model.trimmedThrough() + 1);
}

void tst_ClientModels::conversation_systemAndNoticeLines()
{
    ConversationModel model(ConversationModel::Type::Room, QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addMessage(msg(1));
    model.addPending(QStringLiteral("p"), QStringLiteral("me"), QStringLiteral("wait"), 1);
    model.addSystem(QStringLiteral("carol joined"), 5);
    model.addNotice(QStringLiteral("server"), QStringLiteral("Break in 5 minutes"), 6);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1).data(ConversationModel::KindRole).toInt(), int(ChatLine::Kind::System));
    QCOMPARE(model.index(2).data(ConversationModel::KindRole).toInt(), int(ChatLine::Kind::Notice));
    QCOMPARE(model.index(3).data(ConversationModel::IdRole).toString(), QStringLiteral("p"));
    QCOMPARE(model.messageCount(), 2);
    // A later message still lands above the pending line.
    model.addMessage(msg(2));
    QCOMPARE(model.index(3).data(ConversationModel::SeqRole).toLongLong(), 2);
}

void tst_ClientModels::conversation_whisperConfirmKeepsPlace()
{
    ConversationModel model(ConversationModel::Type::Whisper, QStringLiteral("bob"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addPending(QStringLiteral("w1"), QStringLiteral("me"), QStringLiteral("psst"), 1);
    ChatLine reply = msg(0, QStringLiteral("bob"), QStringLiteral("yes?"));
    model.addMessage(reply);
    ChatLine copy = msg(0, QStringLiteral("me"), QStringLiteral("psst"));
    copy.own = true;
    QVERIFY(model.confirm(QStringLiteral("w1"), copy));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(ConversationModel::TextRole).toString(), QStringLiteral("psst"));
    QCOMPARE(model.index(1).data(ConversationModel::DeliveryRole).toInt(),
             int(ChatLine::Delivery::Delivered));
}

void tst_ClientModels::roomList_unreadCountsAndClears()
{
    RoomListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy total(&model, &RoomListModel::totalUnreadChanged);
    model.add(RoomListModel::Kind::Room, QStringLiteral("#general"), QStringLiteral("general"));
    model.add(RoomListModel::Kind::Whisper, QStringLiteral("@bob"), QStringLiteral("bob"));
    model.add(RoomListModel::Kind::Room, QStringLiteral("#dev"), QStringLiteral("dev"));
    // Rooms stay above whispers.
    QCOMPARE(
        model.keys(),
        (QStringList {QStringLiteral("#general"), QStringLiteral("#dev"), QStringLiteral("@bob")}));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("#dev"));
    QCOMPARE(model.index(2).data().toString(), QStringLiteral("bob"));
    model.incrementUnread(QStringLiteral("#dev"));
    model.incrementUnread(QStringLiteral("#dev"));
    model.incrementUnread(QStringLiteral("@bob"));
    QCOMPARE(model.index(1).data(RoomListModel::UnreadRole).toInt(), 2);
    QCOMPARE(model.totalUnread(), 3);
    model.clearUnread(QStringLiteral("#dev"));
    QCOMPARE(model.unread(QStringLiteral("#dev")), 0);
    QCOMPARE(total.last().at(0).toInt(), 1);
    model.remove(QStringLiteral("@bob"));
    QCOMPARE(model.totalUnread(), 0);
    QCOMPARE(model.rowCount(), 2);
}

void tst_ClientModels::roster_membersSortedWithTyping()
{
    RosterModel model(QStringLiteral("general"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelfNick(QStringLiteral("Me"));
    model.setMembers({QStringLiteral("zoe"), QStringLiteral("Bob"), QStringLiteral("me")});
    QCOMPARE(model.nicks(),
             (QStringList {QStringLiteral("Bob"), QStringLiteral("me"), QStringLiteral("zoe")}));
    QVERIFY(model.index(1).data(RosterModel::SelfRole).toBool());
    model.addMember(QStringLiteral("carol"));
    model.addMember(QStringLiteral("CAROL")); // same nick, case-insensitively
    QCOMPARE(model.count(), 4);
    QSignalSpy typing(&model, &RosterModel::typingChanged);
    model.setTyping(QStringLiteral("carol"), true);
    QVERIFY(model.isTyping(QStringLiteral("Carol")));
    QCOMPARE(model.typingNicks(), QStringList {QStringLiteral("carol")});
    QCOMPARE(typing.count(), 1);
    model.renameMember(QStringLiteral("carol"), QStringLiteral("caz"));
    QCOMPARE(model.nicks(),
             (QStringList {QStringLiteral("Bob"), QStringLiteral("caz"), QStringLiteral("me"),
                           QStringLiteral("zoe")}));
    QVERIFY(model.typingNicks().isEmpty());
    model.removeMember(QStringLiteral("zoe"));
    QCOMPARE(model.count(), 3);
}

void tst_ClientModels::roster_typingExpires()
{
    RosterModel model(QStringLiteral("general"));
    model.setTypingTimeout(100);
    model.setMembers({QStringLiteral("bob")});
    model.setTyping(QStringLiteral("bob"), true);
    QVERIFY(model.isTyping(QStringLiteral("bob")));
    // A peer that vanished mid-sentence does not type forever.
    QTRY_VERIFY_WITH_TIMEOUT(!model.isTyping(QStringLiteral("bob")), 5000);
}

void tst_ClientModels::frameLog_batchedAndBounded()
{
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(50);
    model.setBatchInterval(20);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 30; ++i) {
        FrameRecord r;
        r.direction = i % 2 ? FrameRecord::Direction::In : FrameRecord::Direction::Out;
        r.payload = QByteArray(R"({"type":"say","n":)") + QByteArray::number(i) + "}";
        r.size = r.payload.size();
        r.type = QStringLiteral("say");
        model.append(r);
    }
    // Nothing visible until the batch fires, then one insert for all 30.
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 30);
    QTRY_COMPARE(model.rowCount(), 30);
    QCOMPARE(inserts.count(), 1);
    for (int i = 30; i < 80; ++i) {
        FrameRecord r;
        r.payload = QByteArray(R"({"type":"message","n":)") + QByteArray::number(i) + "}";
        r.type = QStringLiteral("message");
        model.append(r);
    }
    model.flush();
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.totalCount(), 80);
    QVERIFY(model.index(0, FrameLogModel::SummaryColumn)
                .data()
                .toString()
                .contains(QLatin1String("\"n\":30")));
    QCOMPARE(model.index(49, FrameLogModel::TypeColumn).data().toString(),
             QStringLiteral("message"));
    QCOMPARE(
        model.headerData(FrameLogModel::SizeColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Bytes"));
}

void tst_ClientModels::frameLog_prettyJson()
{
    FrameLogModel model;
    FrameRecord r;
    r.direction = FrameRecord::Direction::Out;
    r.payload = R"({"type":"say","room":"general","text":"<b>x</b>"})";
    r.size = r.payload.size();
    r.type = QStringLiteral("say");
    model.append(r);
    FrameRecord ping;
    ping.kind = FrameRecord::Kind::Pong;
    ping.direction = FrameRecord::Direction::In;
    ping.rttMs = 3;
    ping.type = QStringLiteral("pong (control)");
    model.append(ping);
    model.flush();
    const QString pretty = model.index(0, 0).data(FrameLogModel::PrettyRole).toString();
    QVERIFY2(pretty.contains(QLatin1String("\n    \"room\": \"general\"")), qPrintable(pretty));
    QVERIFY(pretty.contains(QLatin1String("<b>x</b>")));
    QCOMPARE(model.index(0, FrameLogModel::DirectionColumn).data().toString(),
             QStringLiteral("\u2192 out"));
    QVERIFY(model.index(1, FrameLogModel::SummaryColumn)
                .data()
                .toString()
                .contains(QLatin1String("3 ms")));
}

void tst_ClientModels::typing_onAtFirstKeystrokeOffWhenIdle()
{
    TypingNotifier n;
    n.setIdleTimeout(60);
    n.setMinInterval(0);
    n.setTarget(QStringLiteral("general"));
    QSignalSpy spy(&n, &TypingNotifier::typingChanged);
    n.textEdited(QStringLiteral("h"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("general"));
    QCOMPARE(spy.at(0).at(1).toBool(), true);
    n.textEdited(QStringLiteral("he"));
    n.textEdited(QStringLiteral("hel"));
    QCOMPARE(spy.count(), 1); // still typing: no more frames
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toBool(), false);
    QVERIFY(!n.isOn());
}

void tst_ClientModels::typing_atMostOneFramePerInterval()
{
    TypingNotifier n;
    n.setIdleTimeout(10000);
    n.setMinInterval(150);
    n.setTarget(QStringLiteral("general"));
    QSignalSpy spy(&n, &TypingNotifier::typingChanged);
    QElapsedTimer clock;
    clock.start();
    n.textEdited(QStringLiteral("a")); // on, at once
    n.textEdited(QString());           // cleared: off wanted, but inside the interval
    n.textEdited(QStringLiteral("b")); // back on: the deferred off is dropped
    n.textEdited(QString());           // off again
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.wait(2000)); // the off, once the interval has passed
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toBool(), false);
    QVERIFY(clock.elapsed() >= 140);
    // Flapping inside one interval that ends where it started sends nothing.
    n.textEdited(QStringLiteral("c")); // on wanted, deferred (off was just sent)
    n.textEdited(QString());           // off wanted again = the sent state
    QVERIFY(!spy.wait(400));
    QCOMPARE(spy.count(), 2);
}

void tst_ClientModels::typing_offOnSendAndOnTargetSwitch()
{
    TypingNotifier n;
    n.setMinInterval(0);
    n.setTarget(QStringLiteral("general"));
    QSignalSpy spy(&n, &TypingNotifier::typingChanged);
    n.textEdited(QStringLiteral("hi"));
    n.messageSent();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toBool(), false);
    n.textEdited(QStringLiteral("again"));
    n.setTarget(QStringLiteral("dev"));
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(3).at(0).toString(), QStringLiteral("general"));
    QCOMPARE(spy.at(3).at(1).toBool(), false);
    n.textEdited(QStringLiteral("x"));
    QCOMPARE(spy.last().at(0).toString(), QStringLiteral("dev"));
    QCOMPARE(spy.last().at(1).toBool(), true);
}

void tst_ClientModels::slashCommands_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("text");
    using K = SlashCommand::Kind;
    QTest::newRow("plain text") << "hello /join" << int(K::Text) << ""
                                << "hello /join";
    QTest::newRow("double slash sends a slash") << "//shrug" << int(K::Text) << ""
                                                << "/shrug";
    QTest::newRow("join") << "/join dev" << int(K::Join) << "dev"
                          << "";
    QTest::newRow("join with hash") << "/join #dev" << int(K::Join) << "dev"
                                    << "";
    QTest::newRow("join upper-case command") << "/JOIN dev" << int(K::Join) << "dev"
                                             << "";
    QTest::newRow("join bad room") << "/join Dev Room" << int(K::Invalid) << ""
                                   << "";
    QTest::newRow("join missing room") << "/join" << int(K::Invalid) << ""
                                       << "";
    QTest::newRow("leave current") << "/leave" << int(K::Leave) << ""
                                   << "";
    QTest::newRow("leave named") << "/leave dev" << int(K::Leave) << "dev"
                                 << "";
    QTest::newRow("nick") << "/nick alicia" << int(K::Nick) << "alicia"
                          << "";
    QTest::newRow("nick reserved") << "/nick server" << int(K::Invalid) << ""
                                   << "";
    QTest::newRow("msg with text") << "/msg bob  see you at 5 " << int(K::Msg) << "bob"
                                   << "see you at 5";
    QTest::newRow("msg keeps newlines") << "/msg bob a\nb" << int(K::Msg) << "bob"
                                        << "a\nb";
    QTest::newRow("msg without text") << "/msg bob" << int(K::Msg) << "bob"
                                      << "";
    QTest::newRow("msg without nick") << "/msg" << int(K::Invalid) << ""
                                      << "";
    QTest::newRow("help") << "/help" << int(K::Help) << ""
                          << "";
    QTest::newRow("unknown") << "/frobnicate" << int(K::Invalid) << ""
                             << "";
}

void tst_ClientModels::slashCommands()
{
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(QString, arg);
    QFETCH(QString, text);
    const SlashCommand c = parseSlashCommand(input);
    QCOMPARE(int(c.kind), kind);
    QCOMPARE(c.arg, arg);
    if (c.kind == SlashCommand::Kind::Invalid)
        QVERIFY(!c.error.isEmpty());
    else
        QCOMPARE(c.text, text);
}

QTEST_GUILESS_MAIN(tst_ClientModels)
#include "tst_clientmodels.moc"
