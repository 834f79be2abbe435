// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The server window driven like a teacher would: real ChatServer on 127.0.0.1, real
// QWebSocket clients, widgets found by objectName and driven with QTest.

#include <clientmodel.h>
#include <mainwindow.h>
#include <serverhost.h>
#include <trafficlog.h>
#include <trafficmodel.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWebSocket>

#include <memory>

#include "chattestclient.h"

using namespace duplex::server;

using duplex::test::connectClient;

class TestServerWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void startsListeningAndShowsAddress();
    void stopAndStartFromHeader();
    void clientsAppearAndDisappear();
    void trafficShowsSayAndFanOut();
    void pauseBadgeCounts();
    void filtersNarrowRows();
    void pushBarReachesEveryoneRoomAndOneClient();
    void kickClosesWith4001();
    void handshakeViewShowsAccept();
    void projectorModeEnlargesFontsAndIsRemembered();
    void nestedTableShownLiterallyAndStaysResponsive();

private:
    template<class T> T *find(const QString &name)
    {
        T *w = m_window->findChild<T *>(name);
        if (!w)
            qWarning("no widget named %s", qPrintable(name));
        return w;
    }
    int trafficRowsOfType(const QString &type) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficLog> m_log;
    std::unique_ptr<ServerHost> m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestServerWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<TrafficLog>();
    ServerConfig config;
    config.name = QStringLiteral("Test class");
    config.ratePerSec = 0; // tests send quickly
    m_server = std::make_unique<ServerHost>(config, QString(), m_log.get());
    WindowConfig wc;
    wc.bind = QHostAddress::LocalHost;
    wc.port = 0;
    wc.dbPath = QStringLiteral(":memory:");
    wc.settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    m_window = std::make_unique<MainWindow>(m_server.get(), m_log.get(), wc);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->startListening());
}

void TestServerWindow::cleanup()
{
    m_window.reset();
    m_server.reset();
    m_log.reset();
    m_dir.reset();
}

int TestServerWindow::trafficRowsOfType(const QString &type) const
{
    const QAbstractItemModel *m = m_window->findChild<QTableView *>("trafficTable")->model();
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        n += m->index(r, TrafficModel::TypeColumn).data().toString() == type ? 1 : 0;
    return n;
}

void TestServerWindow::startsListeningAndShowsAddress()
{
    auto *state = find<QLabel>("stateLabel");
    QVERIFY(state);
    QVERIFY2(state->text().contains(QStringLiteral("Listening")), qPrintable(state->text()));
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port());
    QCOMPARE(m_window->addresses(), QStringList {url});
    auto *address = find<QLabel>("addressLabel0");
    QVERIFY(address);
    QCOMPARE(address->text(), url);
    QCOMPARE(address->textFormat(), Qt::PlainText);
    // Large enough to read on a projector: clearly bigger than the window's text.
    QVERIFY(address->font().pointSizeF() > m_window->font().pointSizeF() * 1.5);
    auto *copy = find<QToolButton>("copyAddress0");
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), url);
    QVERIFY(find<QLabel>("serverNameLabel")->text().contains(QStringLiteral("Test class")));
}

void TestServerWindow::stopAndStartFromHeader()
{
    auto *button = find<QPushButton>("startStopButton");
    auto *state = find<QLabel>("stateLabel");
    auto student = connectClient(m_server->port(), QStringLiteral("ada"));
    QVERIFY(student);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!m_server->isListening());
    QVERIFY2(state->text().contains(QStringLiteral("Stopped")), qPrintable(state->text()));
    QTRY_COMPARE(student->closeCode, 1001); // going away
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_server->isListening());
    QVERIFY(state->text().contains(QStringLiteral("Listening")));

    // A port in use: the header says so and offers another port.
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    ServerConfig config;
    ServerHost second(config, QString(), nullptr);
    WindowConfig wc;
    wc.bind = QHostAddress::LocalHost;
    wc.port = squatter.serverPort();
    wc.settingsPath = m_dir->filePath(QStringLiteral("second.ini"));
    MainWindow other(&second, m_log.get(), wc);
    QVERIFY(!other.startListening());
    auto *otherState = other.findChild<QLabel *>("stateLabel");
    QVERIFY2(otherState->text().contains(QStringLiteral("Error")), qPrintable(otherState->text()));
    auto *retry = other.findChild<QPushButton *>("retryButton");
    QVERIFY(!retry->isHidden());
    QVERIFY(retry->text().contains(QString::number(squatter.serverPort() + 1)));
}

void TestServerWindow::clientsAppearAndDisappear()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    auto *table = find<QTableView>("clientsTable");
    QTRY_COMPARE(table->model()->rowCount(), 2);
    // A row appears with the connection; its nick and rooms come with a later snapshot
    // (hello and join are separate frames), so wait for what the teacher will see.
    const auto nicks = [table] {
        QStringList out;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            out.append(table->model()->index(r, ClientModel::NickColumn).data().toString());
        out.sort();
        return out;
    };
    QTRY_COMPARE(nicks(), QStringList({"ada", "bob"}));
    // Rooms and address are what the server knows.
    QTRY_COMPARE(table->model()->index(0, ClientModel::RoomsColumn).data().toString(),
                 QStringLiteral("general"));
    QVERIFY(table->model()
                ->index(0, ClientModel::AddressColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("127.0.0.1:")));

    ada->socket.close();
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ClientModel::NickColumn).data().toString(),
             QStringLiteral("bob"));
    // The event list tells how it ended, in words.
    auto *events = find<QPlainTextEdit>("eventList");
    QTRY_VERIFY(events->toPlainText().contains(QStringLiteral("normal closure")));
}

void TestServerWindow::trafficShowsSayAndFanOut()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    ada->send({{"type", "say"}, {"room", "general"}, {"text", "hello class"}});
    QTRY_COMPARE(bob->count(QStringLiteral("message")), 1);
    auto *table = find<QTableView>("trafficTable");
    const QAbstractItemModel *m = table->model();
    QTRY_VERIFY(trafficRowsOfType(QStringLiteral("message")) >= 1);
    int sayRow = -1, fanRow = -1;
    for (int r = 0; r < m->rowCount(); ++r) {
        const QString type = m->index(r, TrafficModel::TypeColumn).data().toString();
        const QString summary = m->index(r, TrafficModel::SummaryColumn).data().toString();
        if (type == QLatin1String("say"))
            sayRow = r;
        if (type == QLatin1String("message") && summary.contains(QStringLiteral("hello class")))
            fanRow = r;
    }
    QVERIFY(sayRow >= 0 && fanRow > sayRow);
    QCOMPARE(m->index(sayRow, TrafficModel::DirectionColumn).data().toString(),
             QStringLiteral("in"));
    QCOMPARE(m->index(sayRow, TrafficModel::ClientColumn).data().toString(), QStringLiteral("ada"));
    QCOMPARE(m->index(sayRow, TrafficModel::SummaryColumn).data().toString(),
             QStringLiteral("#general: hello class"));
    QCOMPARE(m->index(fanRow, TrafficModel::DirectionColumn).data().toString(),
             QStringLiteral("out"));
    // The fan-out count has a column of its own (never cut off the end of the summary).
    QCOMPARE(m->index(fanRow, TrafficModel::RecipientsColumn).data().toString(),
             QStringLiteral("→ 2 clients"));
    QVERIFY2(!m->index(fanRow, TrafficModel::SummaryColumn).data().toString().contains(u'→'),
             qPrintable(m->index(fanRow, TrafficModel::SummaryColumn).data().toString()));
    QVERIFY(!table->isColumnHidden(TrafficModel::RecipientsColumn));
    QVERIFY(!m->index(fanRow, TrafficModel::DirectionColumn).data(Qt::DecorationRole).isNull());

    // Selecting the row shows the frame's JSON, pretty-printed.
    table->selectRow(sayRow);
    auto *detail = find<QPlainTextEdit>("trafficDetail");
    QVERIFY(detail->toPlainText().contains(QStringLiteral("\"text\": \"hello class\"")));
}

void TestServerWindow::pauseBadgeCounts()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    QVERIFY(ada);
    auto *table = find<QTableView>("trafficTable");
    auto *pause = find<QToolButton>("pauseButton");
    auto *badge = find<QLabel>("pauseBadge");
    QTRY_VERIFY(table->model()->rowCount() > 0);
    // Let her join finish reaching the view (the last frame of it is `history`), so the
    // badge counts only what is sent while paused.
    QTRY_COMPARE(trafficRowsOfType(QStringLiteral("history")), 1);
    QVERIFY(badge->isHidden());

    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(m_window->trafficModel()->isPaused());
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    const int frozen = table->model()->rowCount();
    for (int i = 0; i < 3; ++i)
        ada->send({{"type", "say"}, {"room", "general"}, {"text", QString::number(i)}});
    QTRY_COMPARE(ada->count(QStringLiteral("message")), 3);
    // 3 says in + 3 fan-outs out, counted while the view stands still.
    QTRY_VERIFY(badge->text() == QStringLiteral("+6"));
    QVERIFY(badge->isVisible());
    QCOMPARE(table->model()->rowCount(), frozen);

    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!m_window->trafficModel()->isPaused());
    QVERIFY(badge->isHidden());
    QCOMPARE(table->model()->rowCount(), frozen + 6);
}

void TestServerWindow::filtersNarrowRows()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    ada->send({{"type", "say"}, {"room", "general"}, {"text", "the answer is 42"}});
    bob->send({{"type", "typing"}, {"room", "general"}, {"on", true}});
    bob->send({{"type", "ping"}, {"t", 1}});
    bob->send({{"type", "say"}, {"room", "general"}, {"text", "thanks"}});
    QTRY_COMPARE(ada->count(QStringLiteral("message")), 2);
    QTRY_COMPARE(trafficRowsOfType(QStringLiteral("pong")), 1);
    auto *table = find<QTableView>("trafficTable");
    const QAbstractItemModel *m = table->model();
    const int all = m->rowCount();

    auto *type = find<QComboBox>("trafficTypeFilter");
    QTRY_VERIFY(type->findData(QStringLiteral("say")) >= 0);
    type->setCurrentIndex(type->findData(QStringLiteral("say")));
    QCOMPARE(m->rowCount(), 2);
    type->setCurrentIndex(0);
    QCOMPARE(m->rowCount(), all);

    auto *text = find<QLineEdit>("trafficTextFilter");
    QTest::keyClicks(text, QStringLiteral("answer"));
    QVERIFY(m->rowCount() >= 2); // the say and its fan-out
    for (int r = 0; r < m->rowCount(); ++r)
        QVERIFY(m->index(r, TrafficModel::SummaryColumn).data().toString().contains("answer"));
    text->clear();

    auto *client = find<QComboBox>("trafficClientFilter");
    QTRY_VERIFY(client->findText(QStringLiteral("bob")) > 0);
    const int bobItem = client->findText(QStringLiteral("bob"));
    QVERIFY(bobItem > 0);
    client->setCurrentIndex(bobItem);
    QVERIFY(m->rowCount() > 0);
    const quint64 bobId = client->currentData().value<quint64>();
    int namedBob = 0;
    for (int r = 0; r < m->rowCount(); ++r) {
        // Rows before bob's hello name him by address:port; all are his connection.
        QCOMPARE(m->index(r, 0).data(TrafficModel::ClientIdRole).value<quint64>(), bobId);
        namedBob += m->index(r, TrafficModel::ClientColumn).data().toString() == "bob" ? 1 : 0;
    }
    QVERIFY(namedBob >= 3); // typing, ping, say (and the replies to him)
    client->setCurrentIndex(0);

    auto *hide = find<QCheckBox>("hideKeepAlive");
    QCOMPARE(m->rowCount(), all);
    QTest::mouseClick(hide, Qt::LeftButton);
    QVERIFY(hide->isChecked());
    QCOMPARE(trafficRowsOfType(QStringLiteral("typing")), 0);
    QCOMPARE(trafficRowsOfType(QStringLiteral("ping")), 0);
    QCOMPARE(trafficRowsOfType(QStringLiteral("pong")), 0);
    QVERIFY(m->rowCount() < all);
}

void TestServerWindow::pushBarReachesEveryoneRoomAndOneClient()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    bob->send({{"type", "join"}, {"room", "lab"}});
    QCOMPARE(bob->take("joined").value("room").toString(), QStringLiteral("lab"));

    auto *text = find<QLineEdit>("pushText");
    auto *target = find<QComboBox>("pushTarget");
    // Everyone, with Enter.
    QTest::keyClicks(text, QStringLiteral("Quiz in 5 minutes"));
    QTest::keyClick(text, Qt::Key_Return);
    QTRY_COMPARE(ada->count(QStringLiteral("notice")), 1);
    QTRY_COMPARE(bob->count(QStringLiteral("notice")), 1);
    QCOMPARE(ada->last(QStringLiteral("notice")).value("text").toString(),
             QStringLiteral("Quiz in 5 minutes"));
    QVERIFY(text->text().isEmpty());
    QCOMPARE(find<QLabel>("pushResult")->text(), QStringLiteral("pushed to 2 clients"));
    // It shows as a fan-out row in the traffic panel.
    QTRY_VERIFY(trafficRowsOfType(QStringLiteral("notice")) >= 1);

    // A room: only bob is in #lab.
    QTRY_VERIFY(target->findData(QStringLiteral("#lab")) >= 0);
    target->setCurrentIndex(target->findData(QStringLiteral("#lab")));
    QTest::keyClicks(text, QStringLiteral("lab only"));
    QTest::mouseClick(find<QToolButton>("pushSend"), Qt::LeftButton);
    QTRY_COMPARE(bob->count(QStringLiteral("notice")), 2);
    QCOMPARE(bob->last(QStringLiteral("notice")).value("room").toString(), QStringLiteral("lab"));

    // One client: the one selected in the clients table.
    auto *clients = find<QTableView>("clientsTable");
    QTRY_COMPARE(clients->model()->rowCount(), 2);
    int adaRow = -1;
    for (int r = 0; r < 2; ++r) {
        if (clients->model()->index(r, ClientModel::NickColumn).data().toString() == "ada")
            adaRow = r;
    }
    clients->selectRow(adaRow);
    QTRY_VERIFY(target->findData(QStringLiteral("@")) >= 0);
    target->setCurrentIndex(target->findData(QStringLiteral("@")));
    QVERIFY(target->currentText().contains(QStringLiteral("ada")));
    QTest::keyClicks(text, QStringLiteral("just for ada"));
    QTest::keyClick(text, Qt::Key_Enter);
    QTRY_COMPARE(ada->count(QStringLiteral("notice")), 2);
    QCOMPARE(ada->last(QStringLiteral("notice")).value("text").toString(),
             QStringLiteral("just for ada"));
    // Marked private for her client, and the push bar says to whom it went.
    QCOMPARE(ada->last(QStringLiteral("notice")).value("to").toString(), QStringLiteral("ada"));
    QCOMPARE(find<QLabel>("pushResult")->text(), QStringLiteral("pushed to ada only"));
    QVERIFY(!bob->last(QStringLiteral("notice")).contains(QStringLiteral("to")));
    // Bob must NOT get it. Ada's copy came, so the push is done: bob's ping is answered
    // after anything it sent him.
    QVERIFY(bob->barrier());
    QCOMPARE(bob->count(QStringLiteral("notice")), 2);
}

void TestServerWindow::kickClosesWith4001()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    auto *clients = find<QTableView>("clientsTable");
    QTRY_COMPARE(clients->model()->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        if (clients->model()->index(r, ClientModel::NickColumn).data().toString() == "bob")
            clients->selectRow(r);
    }
    // The Kick button asks for a reason in a dialog: answer it like a teacher would.
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QCOMPARE(dialog->objectName(), QStringLiteral("kickReasonDialog"));
        dialog->setTextValue(QStringLiteral("spamming the room"));
        dialog->accept();
        answered = true;
    });
    QTest::mouseClick(find<QToolButton>("kickButton"), Qt::LeftButton);
    QVERIFY(answered);
    QTRY_COMPARE(bob->closeCode, 4001);
    QCOMPARE(bob->closeReason, QStringLiteral("spamming the room"));
    QTRY_COMPARE(clients->model()->rowCount(), 1);
    QCOMPARE(ada->closeCode, -1); // the others stay
    auto *events = find<QPlainTextEdit>("eventList");
    QTRY_VERIFY(events->toPlainText().contains(QStringLiteral("kicked by the operator")));
}

void TestServerWindow::handshakeViewShowsAccept()
{
    // A hand-written handshake with the key from RFC 6455 section 1.3.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              "Origin: http://127.0.0.1\r\n\r\n"); // same origin as Host (foreign ones get 403)
    QByteArray response;
    QTRY_VERIFY((response += raw.readAll()).contains("\r\n\r\n"));
    QVERIFY(response.startsWith("HTTP/1.1 101"));
    QVERIFY(response.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));

    auto *clients = find<QTableView>("clientsTable");
    QTRY_COMPARE(clients->model()->rowCount(), 1);
    clients->selectRow(0);
    auto *view = find<QPlainTextEdit>("handshakeView");
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")),
             qPrintable(text));
    QVERIFY(text.contains(
        QStringLiteral("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
    QVERIFY(text.contains(
        QStringLiteral("b3 7a 4f 2c c0 62 4f 16 90 f6 46 06 cf 38 59 45 b2 be c4 ea")));
    QVERIFY(text.contains(
        QStringLiteral("4. base64 of the 20 bytes:    s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")));
    // Each header explained beside it.
    QVERIFY(text.contains(
        QStringLiteral("asks to switch this HTTP connection to the WebSocket protocol")));
    QVERIFY(text.contains(QStringLiteral("WebSocket protocol version")));
    QVERIFY(text.contains(QStringLiteral("101: from now on")));
}

void TestServerWindow::projectorModeEnlargesFontsAndIsRemembered()
{
    auto *table = find<QTableView>("clientsTable");
    auto *traffic = find<QTableView>("trafficTable");
    auto *detail = find<QPlainTextEdit>("trafficDetail");
    auto *push = find<QLineEdit>("pushText");
    const double before = table->font().pointSizeF();
    const double detailBefore = detail->font().pointSizeF();
    const int rowBefore = traffic->verticalHeader()->defaultSectionSize();
    QAction *action = m_window->findChild<QAction *>("actionProjectorMode");
    QVERIFY(action && action->isCheckable());
    QVERIFY(!action->isChecked());
    action->trigger();
    QVERIFY(m_window->projectorMode());
    QVERIFY(table->font().pointSizeF() >= before * 1.4);
    QVERIFY(push->font().pointSizeF() >= before * 1.4);
    QVERIFY(detail->font().pointSizeF() >= detailBefore * 1.4);
    QVERIFY(traffic->verticalHeader()->defaultSectionSize() > rowBefore);
    m_window->close();

    // A new window with the same settings comes up in projector mode.
    ServerConfig config;
    ServerHost second(config, QString(), nullptr);
    WindowConfig wc;
    wc.settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    MainWindow again(&second, m_log.get(), wc);
    QVERIFY(again.projectorMode());
    QVERIFY(again.findChild<QTableView *>("clientsTable")->font().pointSizeF() >= before * 1.4);
    again.findChild<QAction *>("actionProjectorMode")->trigger();
    QCOMPARE(again.findChild<QTableView *>("clientsTable")->font().pointSizeF(), before);
}

void TestServerWindow::nestedTableShownLiterallyAndStaysResponsive()
{
    auto ada = connectClient(m_server->port(), QStringLiteral("ada"));
    auto bob = connectClient(m_server->port(), QStringLiteral("bob"));
    QVERIFY(ada && bob);
    // An event-loop probe: if anything lays this out as rich text the loop stalls for
    // seconds and the gap between ticks shows it.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0, maxGap = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        maxGap = qMax(maxGap, now - lastTick);
        lastTick = now;
    });
    probe.start();

    const QString evil = QStringLiteral("<table><tr><td>").repeated(20).left(300);
    QCOMPARE(evil.size(), 300);
    ada->send({{"type", "say"}, {"room", "general"}, {"text", evil}});
    QTRY_COMPARE(bob->count(QStringLiteral("message")), 1);
    QTRY_VERIFY(trafficRowsOfType(QStringLiteral("say")) == 1);

    auto *table = find<QTableView>("trafficTable");
    const QAbstractItemModel *m = table->model();
    int sayRow = -1;
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, TrafficModel::TypeColumn).data().toString() == QLatin1String("say"))
            sayRow = r;
    }
    QVERIFY(sayRow >= 0);
    table->selectRow(sayRow);
    auto *detail = find<QPlainTextEdit>("trafficDetail");
    QVERIFY(detail->toPlainText().contains(evil)); // every character, literally
    QVERIFY(m->index(sayRow, TrafficModel::SummaryColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("#general: <table><tr><td>")));
    // Paint everything once (tables, detail, handshake) and keep the loop turning.
    m_window->grab();
    for (int i = 0; i < 3; ++i) {
        ada->send({{"type", "say"}, {"room", "general"}, {"text", evil}});
        QTRY_COMPARE(bob->count(QStringLiteral("message")), i + 2);
        QTRY_VERIFY(trafficRowsOfType(QStringLiteral("say")) == i + 2);
        m_window->grab();
    }
    // The probe must tick once after the last paint, or a stall in it would go unseen.
    const qint64 paintedAt = clock.elapsed();
    QTRY_VERIFY(lastTick > paintedAt);
    // Generous bound: catches the multi-second rich-text freeze without being a timing test.
    QVERIFY2(maxGap < 2000, qPrintable(QStringLiteral("event loop stalled %1 ms").arg(maxGap)));
}

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"
