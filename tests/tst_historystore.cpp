// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// HistoryStore on real SQLite files in a temporary directory: persistence across
// close/reopen, seq continuity per room, the paging rule, dedup lookups, clear errors.

#include <historystore.h>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using duplex::server::HistoryStore;

namespace {

QList<qint64> seqs(const QList<duplex::proto::server::Message> &messages)
{
    QList<qint64> out;
    for (const auto &m : messages)
        out.append(m.seq);
    return out;
}

QList<qint64> range(qint64 from, qint64 to)
{
    QList<qint64> out;
    for (qint64 i = from; i <= to; ++i)
        out.append(i);
    return out;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private slots:
    void seqStartsAtOnePerRoom();
    void persistsAcrossCloseAndReopen();
    void pagingRule();
    void limitIsClamped();
    void findByClientIdForDedup();
    void roomsWithMessages();
    void memoryDatabase();
    void twoStoresInOneProcess();
    void unopenableFileIsAClearError();
    void notADatabaseIsAClearError();
    void usesWalAndIndexes();
    void keepsTextExactly();
};

void TestHistoryStore::seqStartsAtOnePerRoom()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY(store.open(dir.filePath("h.sqlite")));
    QCOMPARE(store.append("general", "Ada", "ada", {}, "a", 1)->seq, 1);
    QCOMPARE(store.append("general", "Bob", "bob", {}, "b", 2)->seq, 2);
    QCOMPARE(store.append("lab", "Ada", "ada", {}, "c", 3)->seq, 1);
    const auto m = store.append("general", "Ada", "ada", "id-1", "d", 4);
    QVERIFY(m);
    QCOMPARE(m->seq, 3);
    QCOMPARE(m->room, QStringLiteral("general"));
    QCOMPARE(m->from, QStringLiteral("Ada"));
    QCOMPARE(m->text, QStringLiteral("d"));
    QCOMPARE(m->ts, 4);
    QCOMPARE(store.lastSeq("general"), 3);
    QCOMPARE(store.lastSeq("lab"), 1);
    QCOMPARE(store.lastSeq("empty"), 0);
    QCOMPARE(store.messageCount(), 4);
}

void TestHistoryStore::persistsAcrossCloseAndReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("h.sqlite");
    {
        HistoryStore store;
        QVERIFY(store.open(path));
        for (int i = 0; i < 5; ++i)
            QVERIFY(store.append("general", "Ada", "ada", {}, QString::number(i), 100 + i));
        store.close();
        QVERIFY(!store.isOpen());
    }
    HistoryStore again;
    QVERIFY(again.open(path));
    QCOMPARE(again.path(), path);
    QCOMPARE(again.lastSeq("general"), 5);
    // seq continues, never reused.
    QCOMPARE(again.append("general", "Bob", "bob", {}, "after restart", 200)->seq, 6);
    const auto all = again.history("general", std::nullopt, std::nullopt, 200);
    QCOMPARE(seqs(all), range(1, 6));
    QCOMPARE(all.first().text, QStringLiteral("0"));
    QCOMPARE(all.last().from, QStringLiteral("Bob"));
}

void TestHistoryStore::pagingRule()
{
    HistoryStore store;
    QVERIFY(store.open(":memory:"));
    for (int i = 1; i <= 120; ++i)
        store.append("r", "Ada", "ada", {}, QString::number(i), i);
    store.append("other", "Ada", "ada", {}, "x", 1);
    // No bounds: the newest `limit`, ascending.
    QCOMPARE(seqs(store.history("r")), range(71, 120));
    QCOMPARE(seqs(store.history("r", std::nullopt, std::nullopt, 10)), range(111, 120));
    // before: the newest `limit` below it.
    QCOMPARE(seqs(store.history("r", 50, std::nullopt, 10)), range(40, 49));
    QCOMPARE(seqs(store.history("r", 3, std::nullopt, 10)), range(1, 2));
    // after: the oldest `limit` above it (catch-up after a reconnect).
    QCOMPARE(seqs(store.history("r", std::nullopt, 100, 10)), range(101, 110));
    QCOMPARE(seqs(store.history("r", std::nullopt, 115, 10)), range(116, 120));
    QCOMPARE(seqs(store.history("r", std::nullopt, 120, 10)), QList<qint64>());
    // both: a window, oldest first.
    QCOMPARE(seqs(store.history("r", 20, 10, 50)), range(11, 19));
    QCOMPARE(seqs(store.history("r", 20, 10, 3)), range(11, 13));
    // Rooms do not mix; unknown rooms are empty.
    QCOMPARE(store.history("other").size(), 1);
    QVERIFY(store.history("nobody").isEmpty());
}

void TestHistoryStore::limitIsClamped()
{
    HistoryStore store;
    QVERIFY(store.open(":memory:"));
    for (int i = 1; i <= 250; ++i)
        store.append("r", "Ada", "ada", {}, QString::number(i), i);
    QCOMPARE(store.history("r", std::nullopt, std::nullopt, 1000).size(), 200);
    QCOMPARE(store.history("r", std::nullopt, std::nullopt, 0).size(), 1);
}

void TestHistoryStore::findByClientIdForDedup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("h.sqlite");
    {
        HistoryStore store;
        QVERIFY(store.open(path));
        store.append("general", "Ada", "ada", "uuid-1", "first", 1000);
        store.append("general", "Bob", "bob", "uuid-1", "bob's", 1001);
        store.append("general", "Ada", "ada", {}, "no id", 1002);
    }
    HistoryStore store;   // survives a restart
    QVERIFY(store.open(path));
    const auto found = store.findByClientId("ada", "uuid-1", 0);
    QVERIFY(found);
    QCOMPARE(found->seq, 1);
    QCOMPARE(found->text, QStringLiteral("first"));
    QCOMPARE(found->from, QStringLiteral("Ada"));
    QCOMPARE(found->room, QStringLiteral("general"));
    QCOMPARE(store.findByClientId("bob", "uuid-1", 0)->seq, 2);
    QVERIFY(!store.findByClientId("ada", "uuid-2", 0));
    QVERIFY(!store.findByClientId("ada", {}, 0));
    // Older than the window: not a duplicate any more.
    QVERIFY(!store.findByClientId("ada", "uuid-1", 1001));
}

void TestHistoryStore::roomsWithMessages()
{
    HistoryStore store;
    QVERIFY(store.open(":memory:"));
    QVERIFY(store.rooms().isEmpty());
    store.append("lab", "Ada", "ada", {}, "x", 1);
    store.append("general", "Ada", "ada", {}, "x", 1);
    store.append("lab", "Ada", "ada", {}, "y", 2);
    QCOMPARE(store.rooms(), (QStringList{"general", "lab"}));
}

void TestHistoryStore::memoryDatabase()
{
    HistoryStore store;
    QVERIFY(store.open(":memory:"));
    QVERIFY(store.isOpen());
    QCOMPARE(store.append("general", "Ada", "ada", {}, "x", 1)->seq, 1);
    store.close();
    QVERIFY(store.open(":memory:"));
    QCOMPARE(store.lastSeq("general"), 0);   // nothing kept
}

void TestHistoryStore::twoStoresInOneProcess()
{
    QTemporaryDir dir;
    HistoryStore a;
    HistoryStore b;
    QVERIFY(a.open(dir.filePath("a.sqlite")));
    QVERIFY(b.open(dir.filePath("b.sqlite")));
    a.append("general", "Ada", "ada", {}, "in a", 1);
    QCOMPARE(b.lastSeq("general"), 0);
    QCOMPARE(a.lastSeq("general"), 1);
}

void TestHistoryStore::unopenableFileIsAClearError()
{
    QTemporaryDir dir;
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(dir.filePath("missing-dir/h.sqlite"), &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.startsWith(QLatin1String("Cannot open the history database")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("missing-dir")));
    QVERIFY(!store.append("general", "Ada", "ada", {}, "x", 1));
    QVERIFY(store.history("general").isEmpty());
}

void TestHistoryStore::notADatabaseIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("notes.txt");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(QLatin1String("not a database")), qPrintable(error));
}

void TestHistoryStore::usesWalAndIndexes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("h.sqlite");
    {
        HistoryStore store;
        QVERIFY(store.open(path));
        store.append("general", "Ada", "ada", "x", "y", 1);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "inspect");
    db.setDatabaseName(path);
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        // History and dedup queries are index lookups, not table scans.
        QVERIFY(q.exec("EXPLAIN QUERY PLAN SELECT seq FROM messages WHERE room = 'general'"
                       " AND seq > 3 ORDER BY seq LIMIT 50"));
        QString plan;
        while (q.next())
            plan += q.value(3).toString() + QLatin1Char('\n');
        QVERIFY2(plan.contains(QLatin1String("PRIMARY KEY")) || plan.contains(QLatin1String("INDEX")),
                 qPrintable(plan));
        QVERIFY(q.exec("EXPLAIN QUERY PLAN SELECT seq FROM messages WHERE sender_key = 'ada'"
                       " AND client_id = 'x' AND ts >= 0"));
        plan.clear();
        while (q.next())
            plan += q.value(3).toString() + QLatin1Char('\n');
        QVERIFY2(plan.contains(QLatin1String("messages_dedup")), qPrintable(plan));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase("inspect");
}

void TestHistoryStore::keepsTextExactly()
{
    HistoryStore store;
    QVERIFY(store.open(":memory:"));
    const QString text = QStringLiteral("<b>x</b> ' \" ; DROP TABLE messages; -- \U0001F600 \n\t ü");
    store.append("general", "Ada", "ada", {}, text, 1);
    QCOMPARE(store.history("general").first().text, text);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
