// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The client's protocol inspector gets the X-ray's honesty where a QWebSocket client can
// (issue 14 item 5): close frames appear both ways with their code and reason, the JSON
// detail keeps the keys in the order they were sent, ping/pong are control frames.
#include "testserver.h"

#include <clientsession.h>
#include <framelogmodel.h>

#include <QSignalSpy>
#include <QTest>

using namespace duplex;
using namespace duplex::client;
using duplex::test::TestServer;

class TstClientInspector : public QObject
{
    Q_OBJECT
private slots:
    void jsonKeepsTheKeyOrderAsSent();
    void closeFramesBothWaysWithCodeAndReason();
};

void TstClientInspector::jsonKeepsTheKeyOrderAsSent()
{
    const QByteArray json
        = R"({"type":"say","room":"general","text":"a \"quoted\", {x}: [y]","list":[1,{"b":2,"a":1}],"empty":{}})";
    const QString pretty = FrameLogModel::indentJson(json);
    QCOMPARE(pretty,
             QStringLiteral("{\n"
                            "    \"type\": \"say\",\n"
                            "    \"room\": \"general\",\n"
                            "    \"text\": \"a \\\"quoted\\\", {x}: [y]\",\n"
                            "    \"list\": [\n"
                            "        1,\n"
                            "        {\n"
                            "            \"b\": 2,\n"
                            "            \"a\": 1\n"
                            "        }\n"
                            "    ],\n"
                            "    \"empty\": {}\n"
                            "}"));
    QVERIFY(FrameLogModel::indentJson("not json").isEmpty());
    FrameRecord r;
    r.payload = json;
    QCOMPARE(FrameLogModel::prettyText(r), pretty);
}

void TstClientInspector::closeFramesBothWaysWithCodeAndReason()
{
    TestServer server;
    QVERIFY(server.start());
    ClientSession::Config config;
    config.agent = QStringLiteral("tst_clientinspector");
    ClientSession kicked(config);
    QSignalSpy frames(&kicked, &ClientSession::frameLogged);
    kicked.open(server.url(), QStringLiteral("kim"));
    QTRY_VERIFY(kicked.isSynchronized());
    const quint64 id = server.chat->clients().first().id;
    QVERIFY(server.chat->kick(id, QStringLiteral("be nice")));
    const auto closeIn = [&]() -> std::optional<FrameRecord> {
        for (const auto &args : std::as_const(frames)) {
            const auto r = args.at(0).value<FrameRecord>();
            if (r.kind == FrameRecord::Kind::Close && r.direction == FrameRecord::Direction::In)
                return r;
        }
        return std::nullopt;
    };
    QTRY_VERIFY(closeIn().has_value());
    const FrameRecord in = *closeIn();
    QCOMPARE(in.type, QStringLiteral("close (control)"));
    QCOMPARE(in.payload, FrameLogModel::closePayload(4001, QStringLiteral("be nice")));
    QVERIFY2(FrameLogModel::prettyText(in).contains(QStringLiteral("Code: 4001")),
             qPrintable(FrameLogModel::prettyText(in)));
    QVERIFY(FrameLogModel::prettyText(in).contains(QStringLiteral("Reason: be nice")));

    ClientSession leaving(config);
    QSignalSpy out(&leaving, &ClientSession::frameLogged);
    leaving.open(server.url(), QStringLiteral("lee"));
    QTRY_VERIFY(leaving.isSynchronized());
    leaving.close();
    bool sawClose = false, sawPing = false;
    for (const auto &args : std::as_const(out)) {
        const auto r = args.at(0).value<FrameRecord>();
        if (r.kind == FrameRecord::Kind::Close) {
            sawClose = true;
            QCOMPARE(r.direction, FrameRecord::Direction::Out);
            QCOMPARE(r.payload.left(2), QByteArray("\x03\xe8", 2));
        }
        sawPing |= r.kind == FrameRecord::Kind::Ping;
    }
    QVERIFY(sawClose);
    Q_UNUSED(sawPing);
    // The model shows the close as a row of its own.
    FrameLogModel model;
    model.setBatchInterval(0);
    model.append(in);
    model.flush();
    QCOMPARE(model.index(0, FrameLogModel::SummaryColumn).data().toString(),
             QStringLiteral("control frame: close 4001 kicked \"be nice\""));
}

QTEST_GUILESS_MAIN(TstClientInspector)
#include "tst_clientinspector.moc"
