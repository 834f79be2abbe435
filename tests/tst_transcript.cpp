// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Transcripts with events (issue 15, "Transcripts"): joins, leaves, notices to a room and to
// everyone merged with the messages by time, private notices never in them; from the
// store, from the real duplex-server binary (--with-events, text and CSV) and from the
// window's Save transcript dialog; a reconnect flood stored as a bounded number of rows;
// an old database (no events table) opens and gains one.

#include "testserver.h"

#include <chatserver.h>
#include <classcontrolui.h>
#include <historystore.h>
#include <serverhost.h>
#include <transcript.h>

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QtTest>

using namespace duplex::server;
using duplex::test::ChatTestClient;
using duplex::test::obj;
using duplex::test::TestServer;

namespace {

QJsonObject say(const QString &room, const QString &text, const QString &id)
{
    return obj({{"type", "say"}, {"room", room}, {"text", text}, {"id", id}});
}

/// Waits (no sleep) until the clock has moved past ms, so that the next step gets a later
/// timestamp than the last and the order by time is the order of the steps.
bool clockPast(qint64 ms)
{
    return QTest::qWaitFor([ms] { return QDateTime::currentMSecsSinceEpoch() > ms; }, 1000);
}

/// Runs the real duplex-server binary without a display; its exit code (-1: hung).
int runServer(const QStringList &arguments, QString *out, QString *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // no display needed
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DUPLEX_SERVER_EXE), arguments);
    if (!p.waitForFinished(30000))
        return -1;
    *out = QString::fromUtf8(p.readAllStandardOutput());
    *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

/// The lines of a text transcript without their `[date time] ` stamps.
QStringList unstamped(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.size() < 22 || line.at(0) != QLatin1Char('[') || line.at(20) != QLatin1Char(']'))
            return {QStringLiteral("bad stamp: ") + line};
        out.append(line.mid(22));
    }
    return out;
}

const QString Dash = QStringLiteral("\u2014 ");

} // namespace

class TstTranscript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsMergedByTime();
    void cliWithEvents();
    void windowDialogIncludesEvents();
    void reconnectFloodIsCapped();
    void oldDatabaseGainsEvents();
    void eventSentences();

private:
    /// ann joins, bob joins, ann says hi, a notice to everyone, a private notice to bob, a
    /// notice to #general, bob says "a, b", bob leaves. Each step a later ms than the last.
    bool playLesson(quint16 port, const std::function<int(const QString &, NoticeTarget)> &notice,
                    const std::function<quint64(const QString &)> &idOf);
};

bool TstTranscript::playLesson(quint16 port,
                               const std::function<int(const QString &, NoticeTarget)> &notice,
                               const std::function<quint64(const QString &)> &idOf)
{
    // After each step the clock moves on, so the next one has a later ms than all before.
    auto step = [] { return clockPast(QDateTime::currentMSecsSinceEpoch()); };
    auto ann = duplex::test::connectClient(port, QStringLiteral("ann"));
    if (!ann || !step())
        return false;
    auto bob = duplex::test::connectClient(port, QStringLiteral("bob"));
    if (!bob || !step())
        return false;
    ann->send(say(QStringLiteral("general"), QStringLiteral("hi"), QStringLiteral("1")));
    if (ann->take("message").isEmpty() || !step())
        return false;
    if (notice(QStringLiteral("Test at 3"), NoticeTarget {}) != 2 || !step())
        return false;
    NoticeTarget toBob;
    toBob.kind = NoticeTarget::Kind::Client;
    toBob.clientId = idOf(QStringLiteral("bob"));
    if (notice(QStringLiteral("bob, see me"), toBob) != 1 || !step())
        return false;
    NoticeTarget room;
    room.kind = NoticeTarget::Kind::Room;
    room.room = QStringLiteral("general");
    if (notice(QStringLiteral("Pens down"), room) != 2 || !step())
        return false;
    bob->send(say(QStringLiteral("general"), QStringLiteral("a, b"), QStringLiteral("2")));
    // (bob still holds ann's "hi": wait for his own message)
    const QJsonObject own = bob->take([](const QJsonObject &o) {
        return o.value("type").toString() == QLatin1String("message")
            && o.value("from").toString() == QLatin1String("bob");
    });
    if (own.isEmpty() || !step())
        return false;
    bob->socket.close();
    // The leave reached ann: the server has recorded it.
    const QJsonObject left = ann->take([](const QJsonObject &o) {
        return o.value("type").toString() == QLatin1String("presence")
            && o.value("event").toString() == QLatin1String("leave");
    });
    return !left.isEmpty();
}

void TstTranscript::eventsMergedByTime()
{
    TestServer s(TestServer::unlimited());
    QVERIFY(s.start());
    QVERIFY(playLesson(
        s.port(),
        [&s](const QString &text, NoticeTarget to) { return s.chat->sendNotice(text, to); },
        [&s](const QString &nick) { return s.idOf(nick); }));

    const auto messages = transcriptMessages(*s.store, QStringLiteral("general"));
    const QList<RoomEvent> events = s.store->events(QStringLiteral("general"));
    // Stored (marked private, to whom), but never in a room's transcript.
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(s.dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT room, to_nick, text FROM events WHERE kind = 'notice'"
                                      " AND to_nick IS NOT NULL")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        QCOMPARE(q.value(1).toString(), QStringLiteral("bob"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("bob, see me"));
        QVERIFY(!q.next());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    QVERIFY(std::none_of(events.cbegin(), events.cend(),
                         [](const RoomEvent &e) { return !e.to.isEmpty(); }));
    QCOMPARE(unstamped(transcriptText(messages, events)),
             QStringList({Dash + QStringLiteral("ann joined"), Dash + QStringLiteral("bob joined"),
                          QStringLiteral("ann: hi"),
                          Dash + QStringLiteral("Notice to everyone from the teacher: Test at 3"),
                          Dash + QStringLiteral("Notice from the teacher: Pens down"),
                          QStringLiteral("bob: a, b"), Dash + QStringLiteral("bob left")}));
    // Without events: exactly the transcript as before.
    QCOMPARE(unstamped(transcriptText(messages)),
             QStringList({QStringLiteral("ann: hi"), QStringLiteral("bob: a, b")}));

    // CSV: the old columns first, kind last.
    const QStringList csv
        = transcriptCsv(messages, events).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(csv.size(), 8);
    QCOMPARE(csv.at(0), QStringLiteral("seq,ts,nick,text,kind"));
    QVERIFY2(csv.at(1).startsWith(QLatin1Char(',')) && csv.at(1).endsWith(",ann,,join"),
             qPrintable(csv.at(1)));
    QVERIFY2(csv.at(3).startsWith(QStringLiteral("1,")) && csv.at(3).endsWith(",ann,hi,message"),
             qPrintable(csv.at(3)));
    QVERIFY2(csv.at(4).endsWith(QStringLiteral(",,Test at 3,notice")), qPrintable(csv.at(4)));
    QVERIFY2(csv.at(6).endsWith(QStringLiteral(",bob,\"a, b\",message")), qPrintable(csv.at(6)));
    QVERIFY2(csv.at(7).endsWith(QStringLiteral(",bob,,leave")), qPrintable(csv.at(7)));
    QVERIFY(!transcriptCsv(messages, events).contains(QLatin1String("see me")));
    // Another room's transcript has the notice to everyone, none of #general's.
    const QString lab = transcriptText({}, s.store->events(QStringLiteral("lab")));
    QCOMPARE(
        unstamped(lab),
        QStringList({Dash + QStringLiteral("Notice to everyone from the teacher: Test at 3")}));
}

void TstTranscript::cliWithEvents()
{
    TestServer s(TestServer::unlimited());
    QVERIFY(s.start());
    QVERIFY(playLesson(
        s.port(),
        [&s](const QString &text, NoticeTarget to) { return s.chat->sendNotice(text, to); },
        [&s](const QString &nick) { return s.idOf(nick); }));
    const QString db = s.dir.filePath(QStringLiteral("history.sqlite"));
    s.stop(); // closing flushes what was still buffered

    const QStringList base {QStringLiteral("--db"), db, QStringLiteral("--transcript"),
                            QStringLiteral("general")};
    QString out;
    QString err;
    QCOMPARE(runServer(base + QStringList {QStringLiteral("--with-events")}, &out, &err), 0);
    QCOMPARE(unstamped(out),
             QStringList({Dash + QStringLiteral("ann joined"), Dash + QStringLiteral("bob joined"),
                          QStringLiteral("ann: hi"),
                          Dash + QStringLiteral("Notice to everyone from the teacher: Test at 3"),
                          Dash + QStringLiteral("Notice from the teacher: Pens down"),
                          QStringLiteral("bob: a, b"), Dash + QStringLiteral("bob left"),
                          // stop(): ann's connection ended with the server
                          Dash + QStringLiteral("ann left")}));
    QVERIFY(err.isEmpty());

    QCOMPARE(runServer(base, &out, &err), 0); // as before: messages only
    QCOMPARE(unstamped(out), QStringList({QStringLiteral("ann: hi"), QStringLiteral("bob: a, b")}));

    QCOMPARE(runServer(base
                           + QStringList {QStringLiteral("--format"), QStringLiteral("csv"),
                                          QStringLiteral("--with-events")},
                       &out, &err),
             0);
    const QStringList rows = out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 9);
    QCOMPARE(rows.at(0), QStringLiteral("seq,ts,nick,text,kind"));
    QVERIFY2(rows.at(5).endsWith(QStringLiteral(",,Pens down,notice")), qPrintable(out));
    QVERIFY(!out.contains(QLatin1String("see me")));

    QCOMPARE(runServer(base + QStringList {QStringLiteral("--format"), QStringLiteral("csv")}, &out,
                       &err),
             0);
    QVERIFY2(out.startsWith(QStringLiteral("seq,ts,nick,text\r\n1,")), qPrintable(out));

    QCOMPARE(runServer({QStringLiteral("--help")}, &out, &err), 0);
    QVERIFY2(out.contains(QLatin1String("--with-events")), qPrintable(out));
}

void TstTranscript::windowDialogIncludesEvents()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = TestServer::unlimited();
    ServerHost host(config, dir.filePath(QStringLiteral("history.sqlite")), nullptr);
    QVERIFY2(host.ok(), qPrintable(host.openError()));
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));
    QVERIFY(playLesson(
        host.port(),
        [&host](const QString &text, NoticeTarget to) { return host.sendNotice(text, to); },
        [&host](const QString &nick) {
            host.refreshNow();
            for (const ClientInfo &c : host.clients()) {
                if (c.nick == nick)
                    return c.id;
            }
            return quint64(0);
        }));

    QSettings settings(dir.filePath(QStringLiteral("server.ini")), QSettings::IniFormat);
    QWidget window;
    window.resize(400, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Drives the two modal dialogs: ours (the checkbox), then the file dialog.
    auto saveWith = [&](bool expectChecked, std::optional<bool> check, const QString &path,
                        const QString &screenshot) {
        bool sawCheckbox = false;
        bool wasChecked = false;
        bool sawFileDialog = false;
        QTimer driver;
        driver.setInterval(20);
        QObject::connect(&driver, &QTimer::timeout, &driver, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            if (modal->objectName() == QLatin1String("transcriptDialog") && !sawCheckbox) {
                auto *box = modal->findChild<QCheckBox *>(QStringLiteral("transcriptWithEvents"));
                if (!box)
                    return;
                sawCheckbox = true;
                wasChecked = box->isChecked();
                if (check)
                    box->setChecked(*check);
                if (!screenshot.isEmpty())
                    modal->grab().save(screenshot);
                auto *buttons = modal->findChild<QDialogButtonBox *>();
                QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
            } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
                // The name typed, as a teacher would (selectFile() alone can be undone by the
                // directory model still loading); accepted only once the dialog has it.
                auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (name && name->text() != path)
                    name->setText(path);
                if (files->selectedFiles() != QStringList {path})
                    return;
                sawFileDialog = true;
                static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected
            }
        });
        driver.start();
        ClassControlUi::saveTranscriptDialog(&host, QStringLiteral("general"), &window, &settings);
        driver.stop();
        return sawCheckbox && sawFileDialog && wasChecked == expectChecked;
    };

    const QString first = dir.filePath(QStringLiteral("first.txt"));
    // Off by default; ticked here, and remembered.
    // With DUPLEX_SCREENSHOT_DIR set, the dialog is grabbed (docs/screenshots/ keeps it).
    const QString shots = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    QVERIFY(saveWith(false, true, first,
                     shots.isEmpty()
                         ? QString()
                         : QDir(shots).filePath(QStringLiteral("transcript-dialog.png"))));
    QFile file(first);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = unstamped(QString::fromUtf8(file.readAll()));
    QVERIFY2(lines.contains(Dash + QStringLiteral("bob joined")), qPrintable(lines.join('\n')));
    QVERIFY(lines.contains(Dash + QStringLiteral("Notice from the teacher: Pens down")));
    QVERIFY(lines.contains(QStringLiteral("bob: a, b")));
    QVERIFY(!lines.join('\n').contains(QLatin1String("see me")));
    QCOMPARE(settings.value(QStringLiteral("transcript/withEvents")).toBool(), true);

    // The next time it opens ticked; unticked, the file has the messages only.
    const QString second = dir.filePath(QStringLiteral("second.txt"));
    QVERIFY(saveWith(true, false, second, QString()));
    QFile file2(second);
    QVERIFY(file2.open(QIODevice::ReadOnly));
    QCOMPARE(unstamped(QString::fromUtf8(file2.readAll())),
             QStringList({QStringLiteral("ann: hi"), QStringLiteral("bob: a, b")}));
    QCOMPARE(settings.value(QStringLiteral("transcript/withEvents")).toBool(), false);
}

void TstTranscript::reconnectFloodIsCapped()
{
    TestServer s(TestServer::unlimited());
    QVERIFY(s.start());
    constexpr int Cap = 3;
    constexpr int N = 40;
    s.store->setEventRateLimit(Cap);
    auto teacher = duplex::test::connectClient(s.port(), QStringLiteral("teacher"));
    QVERIFY(teacher);
    // N students at once, then all gone at once: a reconnect flood's two halves.
    std::vector<std::unique_ptr<ChatTestClient>> students;
    for (int i = 0; i < N; ++i) {
        students.push_back(std::make_unique<ChatTestClient>());
        QVERIFY(students.back()->open(s.port()));
    }
    for (int i = 0; i < N; ++i)
        students[size_t(i)]->send(obj({{"type", "hello"}, {"nick", QStringLiteral("s%1").arg(i)}}));
    for (auto &c : students)
        QVERIFY(!c->take("joined", 20000).isEmpty());
    for (auto &c : students)
        c->socket.close();
    QTRY_COMPARE_WITH_TIMEOUT(s.chat->clients().size(), 1, 20000);

    const QList<RoomEvent> events = s.store->events(QStringLiteral("general"));
    int joinRows = 0;
    int leaveRows = 0;
    int joins = 0;
    int leaves = 0;
    qint64 firstSecond = events.constFirst().ts / 1000;
    qint64 lastSecond = firstSecond;
    for (const RoomEvent &e : events) {
        lastSecond = e.ts / 1000;
        if (e.kind == RoomEvent::Kind::Join) {
            joinRows += e.isMore() ? 0 : 1;
            joins += e.count;
        } else if (e.kind == RoomEvent::Kind::Leave) {
            leaveRows += e.isMore() ? 0 : 1;
            leaves += e.count;
        }
    }
    // Nothing lost in the counts: the teacher and every student joined, every student left.
    QCOMPARE(joins, N + 1);
    QCOMPARE(leaves, N);
    // But at most Cap named rows per second of the flood.
    const int seconds = int(lastSecond - firstSecond + 1);
    QVERIFY2(joinRows + leaveRows <= Cap * 2 * seconds,
             qPrintable(QStringLiteral("%1 rows in %2 s").arg(joinRows + leaveRows).arg(seconds)));
    QVERIFY2(seconds * Cap < N, "the flood took implausibly long");
    QVERIFY(events.size() < N);

    const QString text = transcriptText({}, events);
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\u2026and \\d+ more joins\n"))),
             qPrintable(text));
    QVERIFY(text.contains(QRegularExpression(QStringLiteral("\u2026and \\d+ more leaves\n"))));
    const QString csv = transcriptCsv({}, events);
    QVERIFY2(csv.contains(QRegularExpression(QStringLiteral(",,\\d+,more_joins\r\n"))),
             qPrintable(csv));
}

void TstTranscript::oldDatabaseGainsEvents()
{
    // A database written before the events table (user_version 0, messages only).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE messages (room TEXT NOT NULL, seq INTEGER NOT NULL, sender TEXT NOT NULL,"
            " sender_key TEXT NOT NULL, client_id TEXT, text TEXT NOT NULL, ts INTEGER NOT NULL,"
            " PRIMARY KEY (room, seq)) WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO messages VALUES ('general', 1, 'ann', 'ann',"
                                      " NULL, 'from before', 1796652309000)")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    HistoryStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QCOMPARE(store.history(QStringLiteral("general")).size(), 1);
    QVERIFY(store.events(QStringLiteral("general")).isEmpty());
    RoomEvent e;
    e.room = QStringLiteral("general");
    e.nick = QStringLiteral("bob");
    e.ts = 1796652310000;
    store.recordEvent(e);
    store.close();
    QVERIFY(store.open(path, &error));
    const QList<RoomEvent> events = store.events(QStringLiteral("general"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().nick, QStringLiteral("bob"));
    QCOMPARE(
        unstamped(transcriptText(transcriptMessages(store, QStringLiteral("general")), events)),
        QStringList({QStringLiteral("ann: from before"), Dash + QStringLiteral("bob joined")}));
    store.close();
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), HistoryStore::SchemaVersion);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TstTranscript::eventSentences()
{
    // The counts past the cap read right for one too, and a nick change names both.
    auto line = [](RoomEvent::Kind kind, const QString &nick, const QString &text, int count) {
        RoomEvent e;
        e.kind = kind;
        e.room = QStringLiteral("general");
        e.ts = QDateTime(QDate(2026, 12, 7), QTime(14, 5, 9)).toMSecsSinceEpoch();
        e.nick = nick;
        e.text = text;
        e.count = count;
        return transcriptText({}, {e});
    };
    using K = RoomEvent::Kind;
    QCOMPARE(line(K::Join, {}, {}, 1),
             QStringLiteral("[2026-12-07 14:05:09] — …and 1 more join\n"));
    QCOMPARE(line(K::Join, {}, {}, 12),
             QStringLiteral("[2026-12-07 14:05:09] — …and 12 more joins\n"));
    QCOMPARE(line(K::Leave, {}, {}, 1),
             QStringLiteral("[2026-12-07 14:05:09] — …and 1 more leave\n"));
    QCOMPARE(line(K::Nick, QStringLiteral("Ann"), QStringLiteral("ann"), 1),
             QStringLiteral("[2026-12-07 14:05:09] — ann is now known as Ann\n"));
    QCOMPARE(line(K::Notice, {}, QStringLiteral("two\nlines"), 1),
             QStringLiteral("[2026-12-07 14:05:09] — Notice from the teacher: two↵lines\n"));
}

QTEST_MAIN(TstTranscript)
#include "tst_transcript.moc"
