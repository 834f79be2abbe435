// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The server window's models, fed with snapshots and log entries directly (no server).

#include <clientmodel.h>
#include <roommodel.h>
#include <serverstats.h>
#include <trafficlog.h>
#include <trafficmodel.h>

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace duplex::server;

namespace {

ClientInfo makeClient(quint64 id, const QString &nick, qint64 framesIn = 0)
{
    ClientInfo c;
    c.id = id;
    c.nick = nick;
    c.welcomed = !nick.isEmpty();
    c.address = QHostAddress(QStringLiteral("::ffff:127.0.0.1"));
    c.port = quint16(40000 + id);
    c.agent = QStringLiteral("test-agent");
    c.rooms = {QStringLiteral("general")};
    c.connectedSince = QDateTime::fromMSecsSinceEpoch(1'000'000, Qt::UTC);
    c.framesIn = framesIn;
    c.rttMs = 3;
    return c;
}

TrafficEntry inFrame(quint64 clientId, const QString &nick, const QByteArray &json)
{
    TrafficEntry e;
    e.direction = TrafficDirection::In;
    e.clientId = clientId;
    e.client = nick;
    e.payload = json;
    e.bytes = json.size();
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    e.type = o.value(QStringLiteral("type")).toString();
    return e;
}

TrafficEntry fanOut(int recipients, const QByteArray &json)
{
    TrafficEntry e = inFrame(0, {}, json);
    e.direction = TrafficDirection::Out;
    e.recipients = recipients;
    return e;
}

QByteArray sayJson(const QString &text, const QString &room = QStringLiteral("general"))
{
    QJsonObject o {{QStringLiteral("type"), QStringLiteral("say")},
                   {QStringLiteral("room"), room},
                   {QStringLiteral("text"), text}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray messageJson(qint64 seq, const QString &from, const QString &text)
{
    QJsonObject o {{QStringLiteral("type"), QStringLiteral("message")},
                   {QStringLiteral("room"), QStringLiteral("general")},
                   {QStringLiteral("seq"), seq},
                   {QStringLiteral("from"), from},
                   {QStringLiteral("text"), text},
                   {QStringLiteral("ts"), qint64(1700000000000)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList columnTexts(const QAbstractItemModel &m, int column)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, column).data().toString());
    return out;
}

} // namespace

class TestServerModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clientModel_diffsWithoutReset();
    void clientModel_showsWhatAPersonReads();
    void clientModel_largeClassRefreshesQuietly();
    void roomModel_treeFollowsSnapshots();
    void trafficModel_insertsOneBatchPerPoll();
    void trafficModel_isBounded();
    void trafficModel_pauseCountsAndResumeShows();
    void trafficModel_filtersNarrowRows();
    void trafficModel_summaries_data();
    void trafficModel_summaries();
    void trafficModel_clearAndExport();
    void serverStats_ratesOverFiveMinutes();
};

void TestServerModels::clientModel_diffsWithoutReset()
{
    ClientModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setClients({makeClient(1, "ada"), makeClient(2, "bob"), makeClient(3, "cy")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 1); // one batch for three newcomers
    QCOMPARE(columnTexts(model, ClientModel::NickColumn), QStringList({"ada", "bob", "cy"}));

    // bob leaves, dee arrives, ada's counters move: one remove, one insert, a dataChanged.
    model.setClients({makeClient(4, "dee"), makeClient(3, "cy"), makeClient(1, "ada", 42)});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.last().at(1).toInt(), 1);
    QCOMPARE(removed.last().at(2).toInt(), 1);
    QCOMPARE(inserted.count(), 2);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(columnTexts(model, ClientModel::NickColumn), QStringList({"ada", "cy", "dee"}));
    QCOMPARE(model.index(0, ClientModel::FramesInColumn).data().toString(), QStringLiteral("42"));
    QCOMPARE(model.rowForId(4), 2);
    QCOMPARE(model.idAt(1), quint64(3));

    // Everyone leaves at once.
    model.setClients({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 0);
}

void TestServerModels::clientModel_showsWhatAPersonReads()
{
    ClientModel model;
    model.setClock([] { return QDateTime::fromMSecsSinceEpoch(1'000'000 + 125'000, Qt::UTC); });
    ClientInfo c = makeClient(7, QStringLiteral("<b>zoë</b>"));
    c.bytesOut = 3 * 1024 * 1024 / 2;
    c.rooms = {QStringLiteral("general"), QStringLiteral("lab")};
    ClientInfo anon = makeClient(8, {});
    anon.rttMs = -1;
    model.setClients({c, anon});
    auto text = [&](int row, int col) { return model.index(row, col).data().toString(); };
    QCOMPARE(text(0, ClientModel::NickColumn), QStringLiteral("<b>zoë</b>")); // literally
    QCOMPARE(text(0, ClientModel::AddressColumn), QStringLiteral("127.0.0.1:40007"));
    QCOMPARE(text(0, ClientModel::RoomsColumn), QStringLiteral("general, lab"));
    QCOMPARE(text(0, ClientModel::ConnectedColumn), QStringLiteral("2 min 05 s"));
    QCOMPARE(text(0, ClientModel::BytesOutColumn), QStringLiteral("1.5 MiB"));
    QCOMPARE(text(0, ClientModel::RttColumn), QStringLiteral("3 ms"));
    QCOMPARE(text(1, ClientModel::NickColumn), QStringLiteral("(no hello yet)"));
    QCOMPARE(text(1, ClientModel::RttColumn), QStringLiteral("–"));
    // Numbers sort as numbers.
    QCOMPARE(model.index(0, ClientModel::BytesOutColumn).data(ClientModel::SortRole).toLongLong(),
             c.bytesOut);
}

void TestServerModels::clientModel_largeClassRefreshesQuietly()
{
    ClientModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ClientInfo> many;
    for (int i = 1; i <= ClientModel::quietThreshold() + 50; ++i)
        many.append(makeClient(quint64(i), QStringLiteral("s%1").arg(i)));
    model.setClients(many);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy quiet(&model, &ClientModel::countersRefreshed);
    for (ClientInfo &c : many)
        c.framesOut += 5;
    model.setClients(many);
    // No per-row storm through a sorting proxy: one quiet notice, and the values are there.
    QCOMPARE(changed.count(), 0);
    QCOMPARE(quiet.count(), 1);
    QCOMPARE(model.index(7, ClientModel::FramesOutColumn).data().toString(), QStringLiteral("5"));
    // A small class gets a normal dataChanged again.
    model.setClients(many.mid(0, 10));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(quiet.count(), 1);
}

void TestServerModels::roomModel_treeFollowsSnapshots()
{
    RoomModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    model.setRooms({RoomInfo {"general", {"ada", "bob"}, 2}, RoomInfo {"lab", {"ada"}, 1}});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex general = model.index(0, 0);
    QCOMPARE(general.data().toString(), QStringLiteral("#general"));
    QCOMPARE(model.index(0, RoomModel::CountColumn).data().toInt(), 2);
    QCOMPARE(model.rowCount(general), 2);
    QCOMPARE(model.index(1, 0, general).data().toString(), QStringLiteral("bob"));
    QCOMPARE(model.parent(model.index(1, 0, general)), general);

    QPersistentModelIndex keepGeneral(general);
    model.setRooms({RoomInfo {"general", {"ada", "cy"}, 2}, RoomInfo {"quiz", {"cy"}, 1}});
    QCOMPARE(model.roomNames(), QStringList({"general", "quiz"}));
    QVERIFY(keepGeneral.isValid()); // survives: expanded rooms stay expanded
    QCOMPARE(keepGeneral.row(), 0);
    QCOMPARE(model.rowCount(keepGeneral), 2);
    QCOMPARE(model.index(1, 0, keepGeneral).data().toString(), QStringLiteral("cy"));

    model.setRooms({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 0);
}

void TestServerModels::trafficModel_insertsOneBatchPerPoll()
{
    TrafficLog log;
    TrafficModel model(&log, 100);
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    for (int i = 0; i < 50; ++i)
        log.append(inFrame(1, QStringLiteral("ada"), sayJson(QString::number(i))));
    QCOMPARE(model.rowCount(), 0); // nothing until the poll: no signal per frame
    model.poll();
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(inserted.count(), 1);
    model.poll(); // nothing new: no signal
    QCOMPARE(inserted.count(), 1);

    // The timer drives it by itself.
    model.setPollInterval(20);
    log.append(inFrame(1, QStringLiteral("ada"), sayJson(QStringLiteral("late"))));
    QTRY_COMPARE(model.rowCount(), 51);
    QCOMPARE(model.index(50, TrafficModel::SummaryColumn).data().toString(),
             QStringLiteral("#general: late"));
}

void TestServerModels::trafficModel_isBounded()
{
    TrafficLog log(1000);
    TrafficModel model(&log, 10);
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    for (int i = 0; i < 8; ++i)
        log.append(inFrame(1, "ada", sayJson(QString::number(i))));
    model.poll();
    for (int i = 8; i < 14; ++i)
        log.append(inFrame(1, "ada", sayJson(QString::number(i))));
    model.poll();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(removed.count(), 1); // the four oldest in one go
    QCOMPARE(model.entryAt(0).serial, quint64(5));
    QCOMPARE(model.entryAt(9).serial, quint64(14));

    // A burst larger than the view keeps the newest rows only.
    for (int i = 0; i < 25; ++i)
        log.append(inFrame(1, "ada", sayJson(QStringLiteral("burst %1").arg(i))));
    model.poll();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.entryAt(9).serial, log.lastSerial());

    // The log itself wraps while the model is not looking: the model shows what is left.
    TrafficLog small(5);
    TrafficModel m2(&small, 100);
    m2.setPollInterval(0);
    for (int i = 0; i < 12; ++i)
        small.append(inFrame(1, "ada", sayJson(QString::number(i))));
    m2.poll();
    QCOMPARE(m2.rowCount(), 5);
    QCOMPARE(m2.entryAt(0).serial, quint64(8));
}

void TestServerModels::trafficModel_pauseCountsAndResumeShows()
{
    TrafficLog log;
    TrafficModel model(&log, 100);
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pending(&model, &TrafficModel::pendingCountChanged);

    log.append(inFrame(1, "ada", sayJson("before")));
    model.poll();
    model.setPaused(true);
    QVERIFY(model.isPaused());
    for (int i = 0; i < 7; ++i)
        log.append(inFrame(1, "ada", sayJson(QString::number(i))));
    model.poll();
    QCOMPARE(model.rowCount(), 1);     // frozen
    QCOMPARE(model.pendingCount(), 7); // the badge
    QCOMPARE(pending.last().at(0).toInt(), 7);
    log.append(inFrame(1, "ada", sayJson("more")));
    model.poll();
    QCOMPARE(model.pendingCount(), 8);

    model.setPaused(false);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.entryAt(8).serial, log.lastSerial());
}

void TestServerModels::trafficModel_filtersNarrowRows()
{
    TrafficLog log;
    TrafficModel model(&log, 100);
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    log.append(inFrame(1, "ada", sayJson("hello class")));
    log.append(inFrame(2, "bob", sayJson("question about sockets")));
    log.append(inFrame(2, "bob", R"({"type":"ping","t":1})"));
    log.append(inFrame(1, "ada", R"({"type":"typing","room":"general","on":true})"));
    log.append(fanOut(2, messageJson(1, "ada", "hello class")));
    TrafficEntry pong;
    pong.direction = TrafficDirection::Out;
    pong.clientId = 2;
    pong.client = "bob";
    pong.type = "pong";
    pong.recipients = 1;
    pong.payload = R"({"type":"pong","t":1})";
    log.append(pong);
    model.poll();
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.knownTypes(), QStringList({"message", "ping", "pong", "say", "typing"}));

    TrafficModel::Filter f;
    f.clientId = 2;
    model.setFilter(f);
    QCOMPARE(columnTexts(model, TrafficModel::ClientColumn), QStringList({"bob", "bob", "bob"}));

    f = {};
    f.type = "say";
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 2);

    f = {};
    f.text = "SOCKETS";
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entryAt(0).client, QStringLiteral("bob"));

    f = {};
    f.hideKeepAlive = true;
    model.setFilter(f);
    QCOMPARE(columnTexts(model, TrafficModel::TypeColumn), QStringList({"say", "say", "message"}));

    // New entries are filtered as they arrive.
    log.append(inFrame(3, "cy", R"({"type":"ping"})"));
    log.append(inFrame(3, "cy", sayJson("hi")));
    model.poll();
    QCOMPARE(model.rowCount(), 4);

    model.setFilter({});
    QCOMPARE(model.rowCount(), 8);
}

void TestServerModels::trafficModel_summaries_data()
{
    QTest::addColumn<TrafficEntry>("entry");
    QTest::addColumn<QString>("summary");

    QTest::newRow("say") << inFrame(1, "ada", sayJson("hi\nthere", "lab")) << "#lab: hi⏎there";
    QTest::newRow("fan-out shows recipients")
        << fanOut(12, messageJson(4, "ada", "hi")) << "#general seq 4 ada: hi  → 12 clients";
    const QString table = QStringLiteral("<table><tr><td>").repeated(20).left(300);
    QTest::newRow("markup stays literal")
        << inFrame(1, "ada", sayJson(table))
        << QStringLiteral("#general: ") + table.left(80) + QChar(0x2026);
    QTest::newRow("hello") << inFrame(1, "10.0.0.5:4000",
                                      R"({"type":"hello","nick":"ada","agent":"pytest"})")
                           << "as ada (pytest)";
    QTest::newRow("garbage in") << inFrame(1, "ada", "{not json") << "";
    TrafficEntry ev;
    ev.direction = TrafficDirection::Event;
    ev.type = "close";
    ev.client = "ada";
    ev.summary = "ada closed the connection cleanly (1000, normal closure)";
    QTest::newRow("event") << ev << ev.summary;
}

void TestServerModels::trafficModel_summaries()
{
    QFETCH(TrafficEntry, entry);
    QFETCH(QString, summary);
    const QString got = TrafficModel::summarize(entry);
    if (summary.isEmpty())
        QVERIFY2(got.startsWith(QStringLiteral("rejected: ")), qPrintable(got));
    else
        QCOMPARE(got, summary);
}

void TestServerModels::trafficModel_clearAndExport()
{
    TrafficLog log;
    TrafficModel model(&log, 100);
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.append(inFrame(1, "ada", sayJson("one")));
    log.append(fanOut(3, messageJson(1, "ada", "one")));
    model.poll();

    QCOMPARE(
        model.prettyJsonAt(0),
        QStringLiteral(
            "{\n    \"room\": \"general\",\n    \"text\": \"one\",\n    \"type\": \"say\"\n}"));

    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    QCOMPARE(model.exportJsonLines(&buffer), 2);
    const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(second.value("direction").toString(), QStringLiteral("out"));
    QCOMPARE(second.value("recipients").toInt(), 3);
    QCOMPARE(second.value("frame").toObject().value("text").toString(), QStringLiteral("one"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(log.size(), 0);
    log.append(inFrame(1, "ada", sayJson("after clear")));
    model.poll();
    QCOMPARE(model.rowCount(), 1);
}

void TestServerModels::serverStats_ratesOverFiveMinutes()
{
    ServerCounters counters;
    ServerStats stats([&counters] { return counters; });
    stats.setInterval(0);
    QCOMPARE(stats.windowSize(), 300);

    stats.sampleAt(0);
    counters.clients = 3;
    counters.framesIn = 20;
    counters.framesOut = 60;
    counters.bytesIn = 2000;
    counters.bytesOut = 6000;
    stats.sampleAt(2000); // two seconds later
    const ServerStats::Sample s = stats.latest();
    QCOMPARE(s.clients, 3);
    QCOMPARE(s.messagesInPerSec, 10.0);
    QCOMPARE(s.messagesOutPerSec, 30.0);
    QCOMPARE(s.bytesInPerSec, 1000.0);
    QCOMPARE(s.bytesOutPerSec, 3000.0);
    QCOMPARE(stats.totals().framesOut, quint64(60));

    for (int i = 3; i < 400; ++i) {
        counters.framesIn += quint64(i % 7);
        stats.sampleAt(qint64(i) * 1000);
    }
    QCOMPARE(int(stats.samples().size()), 300); // five minutes, no more
    QCOMPARE(stats.samples().front().timeMs, qint64(100) * 1000);
    QCOMPARE(stats.series(ServerStats::Series::MessagesIn).size(), 300);
    QCOMPARE(stats.peak(ServerStats::Series::MessagesIn), 6.0);

    // The real timer samples by itself.
    QSignalSpy sampled(&stats, &ServerStats::sampled);
    stats.setInterval(10);
    QVERIFY(sampled.wait());
}

QTEST_GUILESS_MAIN(TestServerModels)
#include "tst_servermodels.moc"
