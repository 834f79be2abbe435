// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The HTTP polling transport (protocol-v1-http.md): POST /v1/poll sessions beside
// WebSocket ones on one real server, acknowledgements, long polls, the peer timeout, the
// whole-class switch, takeovers both ways, the limits and GET /v1/stats.

#include "pollfixture.h"

#include <pollrequest.h>

#include <QTest>

using namespace duplex;
using namespace duplex::test;
using server::Transport;

namespace {

QJsonObject say(const QString &text, const QString &id = {})
{
    QJsonObject o {{"type", "say"}, {"room", "general"}, {"text", text}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

QList<qint64> seqsOf(const QList<QJsonObject> &frames)
{
    QList<qint64> out;
    for (const QJsonObject &f : frames) {
        if (f.value("type").toString() == QLatin1String("message"))
            out.append(f.value("seq").toInteger());
    }
    return out;
}

QList<qint64> range(qint64 from, qint64 to)
{
    QList<qint64> out;
    for (qint64 i = from; i <= to; ++i)
        out.append(i);
    return out;
}

/// A client that obeys the `transport` message: on WebSocket until told to poll, then a
/// poll session resuming the same session, and back. Collects every `message` it receives
/// on either transport, in order.
class SwitchingClient
{
public:
    SwitchingClient(quint16 port, QString nick)
        : m_port(port)
        , m_nick(std::move(nick))
    {
    }
    bool start()
    {
        ws = std::make_unique<ChatTestClient>();
        if (!ws->open(m_port) || !ws->hello(m_nick))
            return false;
        token = ws->welcome.value("session").toString();
        return true;
    }
    /// One step of its life: read what came, switch when told. Call in a loop.
    void step()
    {
        if (ws) {
            const auto t = std::find_if(ws->frames.cbegin(), ws->frames.cend(), [](const auto &f) {
                return f.value("type").toString() == QLatin1String("transport");
            });
            const bool toPoll
                = t != ws->frames.cend() && t->value("mode").toString() != QLatin1String("push");
            collect(ws->frames);
            if (toPoll) {
                // Resume over polling: the WebSocket is taken over (closed with 4000), what
                // it never wrote comes first in the mailbox.
                poller = std::make_unique<PollTestClient>(m_port);
                QJsonObject h {{"type", "hello"}, {"nick", m_nick}, {"resume", token}};
                poller->poll({h});
                absorbPoll();
                // Whatever the old socket still delivers before its close is ours too.
                if (ws->waitDisconnected(5000))
                    collect(ws->frames);
                ws.reset();
                ++switches;
            }
            return;
        }
        if (poller) {
            poller->poll({}, 0);
            absorbPoll();
            if (poller->transport.value("mode").toString() == QLatin1String("push")) {
                // Everything the mailbox holds is acknowledged first, then the WebSocket
                // resumes the session: nothing acknowledged comes again.
                if (!poller->drain())
                    return;
                absorbPoll();
                ws = std::make_unique<ChatTestClient>();
                if (!ws->open(m_port))
                    return;
                ws->send(QJsonObject {{"type", "hello"}, {"nick", m_nick}, {"resume", token}});
                poller.reset();
                ++switches;
            }
        }
    }
    bool onPoll() const { return bool(poller); }

    QList<qint64> seqs;
    QString token;
    int switches = 0;
    std::unique_ptr<ChatTestClient> ws;
    std::unique_ptr<PollTestClient> poller;

private:
    void collect(QList<QJsonObject> &frames)
    {
        for (const QJsonObject &f : frames) {
            if (f.value("type").toString() == QLatin1String("message"))
                seqs.append(f.value("seq").toInteger());
        }
        frames.clear();
    }
    void absorbPoll() { collect(poller->frames); }

    quint16 m_port;
    QString m_nick;
};

/// One raw TCP connection that sends HTTP requests one after another (keep-alive).
struct KeptConnection {
    QTcpSocket socket;
    QByteArray received; ///< everything not yet taken as a response

    bool open(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(5000);
    }
    static QByteArray poll(quint16 port, const QJsonObject &body, const QByteArray &extra = {},
                           const QByteArray &version = "HTTP/1.1")
    {
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return "POST /v1/poll " + version + "\r\nHost: 127.0.0.1:" + QByteArray::number(port)
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n" + extra + "\r\n" + json;
    }
    /// The next complete response (head and body), taken out of `received`; empty when none
    /// came within the time.
    QByteArray next(int timeoutMs = 10000)
    {
        QByteArray out;
        const auto take = [&] {
            received += socket.readAll();
            HttpExchange x;
            x.received = received;
            if (!x.complete())
                return false;
            const qsizetype end = received.indexOf("\r\n\r\n") + 4;
            x.received = received.left(end);
            x.parse();
            const qsizetype length
                = end + QByteArray(headerOf(received, "content-length")).toLongLong();
            out = received.left(length);
            received.remove(0, length);
            return true;
        };
        if (!take())
            (void)QTest::qWaitFor(take, timeoutMs);
        return out;
    }
    static QByteArray headerOf(const QByteArray &response, QByteArrayView name)
    {
        for (const QByteArray &line : response.left(response.indexOf("\r\n\r\n")).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    static QJsonObject json(const QByteArray &response)
    {
        return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
    }
};

QJsonObject hello(const QString &nick)
{
    return QJsonObject {
        {"wait", 0},
        {"send",
         QJsonArray {QJsonObject {{"type", "hello"}, {"nick", nick}, {"agent", "tst-poll"}}}}};
}

} // namespace

class TestPolling : public QObject
{
    Q_OBJECT

private slots:
    void parserRefusesWhatIsNotAPoll_data();
    void parserRefusesWhatIsNotAPoll();
    void parserReadsAPoll();
    void pollAndWebSocketClientsShareARoom();
    void unacknowledgedMessagesComeAgain();
    void longPollIsHeldUntilAMessageArrives();
    void secondHeldPollAnswersTheFirst();
    void idlePollSessionIsDroppedAfterThePeerTimeout();
    void wholeClassSwitchesPushPollPush();
    void statsCountEveryByteOnTheWire();
    void malformedBodiesGet400AndTheSessionSurvives();
    void goneSessionsGet409();
    void firstPollWithoutHelloIsNotWelcomed();
    void rateLimitCountsEveryMessageOfSend();
    void webSocketTakesOverAPollSessionWithItsUnackedMessages();
    void pollTakesOverAWebSocketSession();
    void heldPollOfATakenOverSessionGets409();
    void activityShowsOneBarForAWebSocketAndOneSpanPerPoll();
    void classTransportIsToldInTheWelcomeFlow();
    void keepAliveServesPollsOneAfterAnotherOnOneConnection();
    void keepAliveEndsOnConnectionCloseAndHttp10_data();
    void keepAliveEndsOnConnectionCloseAndHttp10();
    void idleKeptAliveConnectionIsClosed();
    void keepAliveKeepsThePerAddressLimits();
    void sendsOfALongPollerCountAsLongPolling();
};

void TestPolling::parserRefusesWhatIsNotAPoll_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("hello");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("string") << QByteArray("\"x\"");
    QTest::newRow("session number") << QByteArray(R"({"session":5})");
    QTest::newRow("send object") << QByteArray(R"({"send":{}})");
    QTest::newRow("ack string") << QByteArray(R"({"ack":"1"})");
    QTest::newRow("ack negative") << QByteArray(R"({"ack":-1})");
    QTest::newRow("ack fraction") << QByteArray(R"({"ack":1.5})");
    QTest::newRow("wait negative") << QByteArray(R"({"wait":-5})");
    QTest::newRow("wait bool") << QByteArray(R"({"wait":true})");
}

void TestPolling::parserRefusesWhatIsNotAPoll()
{
    QFETCH(QByteArray, body);
    const server::PollParseResult r = server::parsePollRequest(body);
    QVERIFY(std::holds_alternative<server::PollRequestError>(r));
    QVERIFY(!std::get<server::PollRequestError>(r).message.isEmpty());
}

void TestPolling::parserReadsAPoll()
{
    const server::PollParseResult r = server::parsePollRequest(
        R"({"session":"abc","send":[{"type":"ping"},7],"ack":12,"wait":99999,"x":1})");
    QVERIFY(std::holds_alternative<server::PollRequest>(r));
    const auto &p = std::get<server::PollRequest>(r);
    QCOMPARE(p.session, QStringLiteral("abc"));
    QCOMPARE(p.send.size(), 2);
    QCOMPARE(p.send.at(0), QByteArray(R"({"type":"ping"})"));
    QCOMPARE(p.ack, std::optional<qint64>(12));
    QCOMPARE(p.waitMs, server::MaxPollWaitMs); // cut to the longest hold
    const auto empty = server::parsePollRequest("{}");
    QVERIFY(std::holds_alternative<server::PollRequest>(empty));
    QCOMPARE(std::get<server::PollRequest>(empty).waitMs, 0);
}

void TestPolling::pollAndWebSocketClientsShareARoom()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    auto alice = srv.client(QStringLiteral("alice"));
    QVERIFY(alice);
    PollTestClient bob(srv.port());
    QVERIFY(bob.hello(QStringLiteral("bob")));
    QVERIFY(!bob.take("joined").isEmpty());
    QVERIFY(!bob.take("history").isEmpty());
    QVERIFY(!alice
                 ->take([](const QJsonObject &o) {
                     return o.value("type") == QLatin1String("presence")
                         && o.value("nick") == QLatin1String("bob");
                 })
                 .isEmpty());

    // Both ways, interleaved: alice over WebSocket, bob in his polls' `send`.
    for (int i = 0; i < 5; ++i) {
        alice->send(say(QStringLiteral("a%1").arg(i)));
        bob.poll({say(QStringLiteral("b%1").arg(i), QStringLiteral("b%1").arg(i))});
    }
    QTRY_COMPARE_WITH_TIMEOUT(alice->count(QStringLiteral("message")), 10, 10000);
    QVERIFY(!bob.take([](const QJsonObject &o) {
                    return o.value("type") == QLatin1String("message")
                        && o.value("text") == QLatin1String("b4");
                })
                 .isEmpty());
    (void)bob.take("nothing", 300); // long polls: everything still on its way arrives
    QCOMPARE(seqsOf(alice->frames), range(1, 10));
    QCOMPARE(seqsOf(bob.all), range(1, 10));
    QCOMPARE(bob.resent, 0);
    const auto info = srv.chat->client(srv.idOf(QStringLiteral("bob")));
    QVERIFY(info);
    QVERIFY(info->transport == Transport::Poll || info->transport == Transport::LongPoll);
    QCOMPARE(info->framesIn, 6); // hello + 5 says
    QVERIFY(info->framesOut >= 10);
}

void TestPolling::unacknowledgedMessagesComeAgain()
{
    AliceAndPollingBob f;
    QVERIFY(f.open());
    auto &alice = f.alice;
    PollTestClient &bob = *f.bob;
    for (int i = 0; i < 3; ++i)
        alice->send(say(QStringLiteral("m%1").arg(i)));
    QTRY_COMPARE(alice->count(QStringLiteral("message")), 3);

    // The response is "lost": the client never acknowledges it...
    const qint64 acked = bob.highest;
    auto first = bob.start({}, 0, acked);
    QVERIFY(first->wait());
    QCOMPARE(first->status, 200);
    const QJsonArray got = first->json.value("messages").toArray();
    QCOMPARE(got.size(), 3);
    // ...so the next poll brings the same messages with the same n.
    auto again = bob.start({}, 0, acked);
    QVERIFY(again->wait());
    QCOMPARE(again->json.value("messages").toArray(), got);
    // Acknowledged, they never come again.
    const qint64 last = got.last().toObject().value("n").toInteger();
    auto after = bob.start({}, 0, last);
    QVERIFY(after->wait());
    QCOMPARE(after->status, 200);
    QVERIFY(after->json.value("messages").toArray().isEmpty());
}

void TestPolling::longPollIsHeldUntilAMessageArrives()
{
    AliceAndPollingBob f;
    QVERIFY(f.open());
    auto &alice = f.alice;
    PollTestClient &bob = *f.bob;

    // Held: alice's round trips go through while bob's poll stays unanswered.
    const auto held = f.holdPoll();
    QVERIFY(held);
    alice->send(say(QStringLiteral("wake up")));
    QVERIFY(held->wait(5000)); // long before the 20 s
    QCOMPARE(held->status, 200);
    bob.absorb(*held);
    QCOMPARE(bob.all.last().value("text").toString(), QStringLiteral("wake up"));
}

void TestPolling::secondHeldPollAnswersTheFirst()
{
    AliceAndPollingBob f;
    QVERIFY(f.open());
    auto &alice = f.alice;
    PollTestClient &bob = *f.bob;

    auto a = bob.start({}, 20000);
    auto b = bob.start({}, 20000);
    // Whichever arrived second answered the other at once (empty); one stays held.
    QTRY_VERIFY_WITH_TIMEOUT(a->done || b->done, 5000);
    QVERIFY(alice->barrier());
    QVERIFY(!(a->done && b->done));
    auto answered = a->done ? a : b;
    auto waiting = a->done ? b : a;
    QCOMPARE(answered->status, 200);
    QVERIFY(answered->json.value("messages").toArray().isEmpty());
    alice->send(say(QStringLiteral("for the one held")));
    QVERIFY(waiting->wait(5000));
    QCOMPARE(waiting->status, 200);
    QCOMPARE(waiting->json.value("messages").toArray().size(), 1);
}

void TestPolling::idlePollSessionIsDroppedAfterThePeerTimeout()
{
    server::ServerConfig config = TestServer::unlimited();
    config.peerTimeoutMs = 600;
    config.pingIntervalMs = 100; // alice's WebSocket answers pings and stays
    TestServer srv(config);
    QVERIFY(srv.start());
    auto alice = srv.client(QStringLiteral("alice"));
    QVERIFY(alice);
    PollTestClient bob(srv.port());
    QVERIFY(bob.hello(QStringLiteral("bob")));
    const QString token = bob.session;
    QVERIFY(!alice
                 ->take([](const QJsonObject &o) {
                     return o.value("event") == QLatin1String("join")
                         && o.value("nick") == QLatin1String("bob");
                 })
                 .isEmpty());
    // bob stops polling: like a WebSocket that stopped answering pings.
    QVERIFY(!alice
                 ->take(
                     [](const QJsonObject &o) {
                         return o.value("event") == QLatin1String("leave")
                             && o.value("nick") == QLatin1String("bob");
                     },
                     5000)
                 .isEmpty());
    QCOMPARE(srv.idOf(QStringLiteral("bob")), quint64(0));
    auto late = bob.poll();
    QCOMPARE(late->status, 409);
    QCOMPARE(late->json.value("error").toString(), QStringLiteral("session_gone"));
    // The normal resume grace: the same session comes back (a new mailbox).
    QVERIFY(bob.hello(QStringLiteral("ignored"), token));
    QCOMPARE(bob.welcome.value("nick").toString(), QStringLiteral("bob"));
    QCOMPARE(bob.session, token);
}

void TestPolling::wholeClassSwitchesPushPollPush()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    auto teacher = srv.client(QStringLiteral("teacher")); // ignores `transport`
    QVERIFY(teacher);
    SwitchingClient student(srv.port(), QStringLiteral("student"));
    QVERIFY(student.start());

    int said = 0;
    const auto talk = [&](int n) {
        for (int i = 0; i < n; ++i) {
            teacher->send(say(QStringLiteral("t%1").arg(++said)));
            student.step();
        }
    };
    talk(10);
    srv.chat->setClassTransport({Transport::Poll, 50});
    QTRY_VERIFY_WITH_TIMEOUT((student.step(), student.onPoll()), 10000);
    talk(10);
    QVERIFY(student.poller->transport.isEmpty()); // it obeys: no need to say it again
    srv.chat->setClassTransport({Transport::Push, 500});
    QTRY_VERIFY_WITH_TIMEOUT((student.step(), !student.onPoll()), 10000);
    talk(10);
    QTRY_COMPARE_WITH_TIMEOUT(teacher->count(QStringLiteral("message")), 30, 10000);
    QTRY_COMPARE_WITH_TIMEOUT((student.step(), student.seqs.size()), 30, 10000);
    QVERIFY(student.ws->barrier());
    student.step();
    QCOMPARE(student.seqs, range(1, 30)); // exactly once, in order
    QCOMPARE(student.switches, 2);
    QCOMPARE(teacher->count(QStringLiteral("transport")), 2); // told, though it ignores it
}

void TestPolling::statsCountEveryByteOnTheWire()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    PollTestClient bob(srv.port());
    QVERIFY(bob.hello(QStringLiteral("bob")));
    QVERIFY(bob.drain());
    auto stats = startHttp(srv.port(), "GET", "/v1/stats", {});
    QVERIFY(stats->wait());
    QCOMPARE(stats->status, 200);
    QVERIFY(stats->received.contains("Content-Type: application/json"));
    const QJsonObject poll = stats->json.value("transports").toObject().value("poll").toObject();
    QCOMPARE(poll.value("clients").toInt(), 1);
    QCOMPARE(poll.value("requests").toInteger(), bob.requests);
    QCOMPARE(poll.value("emptyResponses").toInteger(), bob.emptyResponses);
    QCOMPARE(poll.value("messagesIn").toInteger(), 1);               // the hello
    QCOMPARE(poll.value("messagesOut").toInteger(), bob.all.size()); // welcome, joined...
    QCOMPARE(poll.value("bytesIn").toInteger(), bob.bytesSent);      // heads and bodies
    QCOMPARE(poll.value("bytesOut").toInteger(), bob.bytesReceived);
    QVERIFY(stats->json.value("uptimeMs").toInteger() >= 0);
    const QJsonObject ws = stats->json.value("transports").toObject().value("ws").toObject();
    QCOMPARE(ws.value("clients").toInt(), 0);
    QCOMPARE(ws.value("requests").toInteger(), 0);
    QVERIFY(!stats->body.contains("bob")); // no nicks
    QVERIFY(!stats->body.contains("127.0.0.1"));

    // WebSocket: the handshake both ways, and frame headers on top of the payloads.
    auto alice = srv.client(QStringLiteral("alice"));
    QVERIFY(alice);
    const server::TransportFigures f = srv.chat->transportFigures();
    const server::TransportCounters &push = f.of(Transport::Push);
    QCOMPARE(push.clients, 1);
    const auto info = srv.chat->client(srv.idOf(QStringLiteral("alice")));
    QVERIFY(info);
    QCOMPARE(push.bytesIn,
             quint64(info->handshake.request.size() + info->bytesIn + 6 * info->framesIn));
    QVERIFY(push.bytesOut > quint64(info->handshake.response.size() + info->bytesOut));
}

void TestPolling::malformedBodiesGet400AndTheSessionSurvives()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    PollTestClient bob(srv.port());
    QVERIFY(bob.hello(QStringLiteral("bob")));
    const QList<QByteArray> bodies {
        "not json",
        "[1,2]",
        R"({"session":")" + bob.session.toLatin1() + R"(","ack":"x"})",
        R"({"session":")" + bob.session.toLatin1() + R"(","send":"say"})",
        R"({"session":")" + bob.session.toLatin1() + R"(","wait":-1})",
    };
    for (const QByteArray &body : bodies) {
        auto x = startHttp(srv.port(), "POST", "/v1/poll", body);
        QVERIFY(x->wait());
        QCOMPARE(x->status, 400);
        QVERIFY(x->received.contains("Content-Type: application/json"));
        QCOMPARE(x->json.value("error").toString(), QStringLiteral("bad_request"));
        QVERIFY(!x->json.value("message").toString().isEmpty());
    }
    // A bad message inside `send` is answered like over WebSocket.
    bob.poll({QJsonValue(42), QJsonObject {{"type", "nope"}}});
    QVERIFY(
        !bob.take([](const QJsonObject &o) { return o.value("code") == QLatin1String("bad_json"); })
             .isEmpty());
    QVERIFY(!bob.take([](const QJsonObject &o) {
                    return o.value("code") == QLatin1String("unknown_type");
                })
                 .isEmpty());
    // The session is alive and well.
    bob.poll({QJsonObject {{"type", "ping"}, {"id", "p1"}}});
    QVERIFY(!bob.take("pong").isEmpty());
    auto get = startHttp(srv.port(), "GET", "/v1/poll", {});
    QVERIFY(get->wait());
    QCOMPARE(get->status, 405);
}

void TestPolling::goneSessionsGet409()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    PollTestClient ghost(srv.port());
    ghost.session = QStringLiteral("0123456789abcdef0123456789abcdef");
    auto x = ghost.poll();
    QCOMPARE(x->status, 409);
    QCOMPARE(x->json.value("error").toString(), QStringLiteral("session_gone"));
    QVERIFY(x->received.contains("Content-Type: application/json"));
}

void TestPolling::firstPollWithoutHelloIsNotWelcomed()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    PollTestClient nobody(srv.port());
    auto x = nobody.poll({QJsonObject {{"type", "join"}, {"room", "x"}}});
    QCOMPARE(x->status, 200);
    QVERIFY(!x->json.contains("session"));
    const QJsonArray m = x->json.value("messages").toArray();
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.at(0).toObject().value("m").toObject().value("code").toString(),
             QStringLiteral("not_welcomed"));
    QTRY_COMPARE(srv.chat->clientCount(), 0); // nothing is kept for it
}

void TestPolling::rateLimitCountsEveryMessageOfSend()
{
    server::ServerConfig config;
    config.ratePerSec = 1;
    config.burst = 5;
    TestServer srv(config);
    QVERIFY(srv.start());
    PollTestClient bob(srv.port());
    QVERIFY(bob.hello(QStringLiteral("bob"))); // the hello took one token
    QJsonArray burst;
    for (int i = 0; i < 8; ++i)
        burst.append(say(QStringLiteral("flood %1").arg(i), QStringLiteral("f%1").arg(i)));
    bob.poll(burst);
    (void)bob.take("nothing", 300);
    int messages = 0;
    int limited = 0;
    for (const QJsonObject &o : std::as_const(bob.all)) {
        messages += o.value("type") == QLatin1String("message") ? 1 : 0;
        limited += o.value("code") == QLatin1String("rate_limited") ? 1 : 0;
    }
    QCOMPARE(messages, 4);
    QCOMPARE(limited, 4);
}

void TestPolling::webSocketTakesOverAPollSessionWithItsUnackedMessages()
{
    AliceAndPollingBob f;
    QVERIFY(f.open());
    auto &alice = f.alice;
    PollTestClient &bob = *f.bob;
    TestServer &srv = f.srv;
    QVERIFY(!alice->take("presence").isEmpty()); // bob joined
    alice->send(say(QStringLiteral("one")));
    alice->send(say(QStringLiteral("two")));
    QTRY_COMPARE(alice->count(QStringLiteral("message")), 2);
    // bob got them but never acknowledged them (the response was lost)...
    auto lost = bob.start({}, 0, bob.highest);
    QVERIFY(lost->wait());
    QCOMPARE(lost->json.value("messages").toArray().size(), 2);
    // ...when his WebSocket takes the session over.
    ChatTestClient ws;
    QVERIFY(ws.open(srv.port()));
    ws.send(QJsonObject {{"type", "hello"}, {"nick", "x"}, {"resume", bob.session}});
    QVERIFY(!ws.take("welcome").isEmpty());
    QVERIFY(ws.barrier());
    // The unacknowledged ones came first, once; nobody saw bob leave.
    QCOMPARE(ws.rawFrames.size() >= 3, true);
    QCOMPARE(QJsonDocument::fromJson(ws.rawFrames.at(0).toUtf8()).object().value("text"),
             QJsonValue("one"));
    QCOMPARE(QJsonDocument::fromJson(ws.rawFrames.at(1).toUtf8()).object().value("text"),
             QJsonValue("two"));
    QCOMPARE(seqsOf(ws.frames), QList<qint64>({1, 2}));
    QVERIFY(alice->barrier());
    QCOMPARE(alice->count(QStringLiteral("presence")), 0);
    // The poll session is gone.
    QCOMPARE(bob.poll()->status, 409);
}

void TestPolling::heldPollOfATakenOverSessionGets409()
{
    AliceAndPollingBob f;
    QVERIFY(f.open());
    PollTestClient &bob = *f.bob;
    const auto held = f.holdPoll();
    QVERIFY(held);
    ChatTestClient ws;
    QVERIFY(ws.open(f.srv.port()));
    ws.send(QJsonObject {{"type", "hello"}, {"nick", "x"}, {"resume", bob.session}});
    QVERIFY(held->wait(5000));
    QCOMPARE(held->status, 409);
    QCOMPARE(held->json.value("error").toString(), QStringLiteral("session_gone"));
    QVERIFY(!ws.take("welcome").isEmpty());
}

void TestPolling::pollTakesOverAWebSocketSession()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    auto alice = srv.client(QStringLiteral("alice"));
    auto bob = srv.client(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(!alice->take("presence").isEmpty()); // bob joined
    const QString token = bob->welcome.value("session").toString();
    PollTestClient poller(srv.port());
    QVERIFY(poller.hello(QStringLiteral("ignored"), token));
    QCOMPARE(poller.welcome.value("nick").toString(), QStringLiteral("bob"));
    QVERIFY(bob->waitDisconnected());
    QCOMPARE(bob->closeCode, 4000);
    alice->send(say(QStringLiteral("to the poller")));
    QVERIFY(!poller
                 .take([](const QJsonObject &o) {
                     return o.value("text") == QLatin1String("to the poller");
                 })
                 .isEmpty());
    QVERIFY(alice->barrier());
    QCOMPARE(alice->count(QStringLiteral("presence")), 0); // a silent takeover
    const auto info = srv.chat->client(srv.idOf(QStringLiteral("bob")));
    QVERIFY(info);
    QVERIFY(info->transport != Transport::Push);
}

void TestPolling::activityShowsOneBarForAWebSocketAndOneSpanPerPoll()
{
    TestServer srv(TestServer::unlimited());
    QVERIFY(srv.start());
    auto alice = srv.client(QStringLiteral("alice"));
    QVERIFY(alice);
    const quint64 aliceId = srv.idOf(QStringLiteral("alice"));
    QCOMPARE(srv.chat->activity(aliceId).spans.size(), 1); // the open connection
    QVERIFY(srv.chat->activity(aliceId).ticks.isEmpty());  // nobody looked before
    alice->send(say(QStringLiteral("tick")));
    QVERIFY(!alice->take("message").isEmpty());
    QVERIFY(alice->barrier());
    const server::ClientActivity a = srv.chat->activity(aliceId);
    QCOMPARE(a.nick, QStringLiteral("alice"));
    QCOMPARE(a.spans.size(), 1);
    QCOMPARE(a.spans.at(0).kind, server::ActivitySpan::Kind::WebSocket);
    QCOMPARE(a.spans.at(0).endMs, qint64(-1));
    QVERIFY(a.ticks.size() >= 3); // say in; message and pong out (barrier: ping in)

    PollTestClient bob(srv.port());
    QVERIFY(bob.hello(QStringLiteral("bob")));
    QVERIFY(bob.drain());
    const server::ClientActivity b = srv.chat->activity(srv.idOf(QStringLiteral("bob")));
    QCOMPARE(b.spans.size(), bob.requests); // the hello's poll included
    QVERIFY(b.spans.last().messages == 0);  // the drain's last poll brought nothing
    QCOMPARE(b.spans.last().kind, server::ActivitySpan::Kind::PollRequest);
    QVERIFY(b.spans.first().messages > 0);
    QVERIFY(b.spans.first().bytesOut > 0);
}

void TestPolling::classTransportIsToldInTheWelcomeFlow()
{
    server::ServerConfig config = TestServer::unlimited();
    config.classTransport = {Transport::Poll, 300}; // --class-transport poll --poll-interval 300
    TestServer srv(config);
    QVERIFY(srv.start());
    // Over WebSocket: a `transport` message right after welcome, joined and history.
    auto ws = srv.client(QStringLiteral("ws"));
    QVERIFY(ws);
    const QJsonObject t = ws->take("transport");
    QCOMPARE(t.value("mode").toString(), QStringLiteral("poll"));
    QCOMPARE(t.value("interval").toInt(), 300);
    // A poller that already does what the class does is not told again...
    PollTestClient shortPoller(srv.port());
    QVERIFY(shortPoller.hello(QStringLiteral("short")));
    QVERIFY(shortPoller.transport.isEmpty());
    // ...one on long polls is, in every answer's `transport` field, until it obeys.
    PollTestClient longPoller(srv.port());
    QVERIFY(longPoller.hello(QStringLiteral("long")));
    longPoller.transport = {};
    longPoller.poll({}, 0); // short polls are what the class does now: nothing to say
    QVERIFY(longPoller.transport.isEmpty());
    srv.chat->setClassTransport({Transport::LongPoll, 300});
    auto x = longPoller.poll({}, 0);
    QCOMPARE(x->json.value("transport").toObject().value("mode").toString(),
             QStringLiteral("long-poll"));
    QCOMPARE(x->json.value("transport").toObject().value("type").toString(),
             QStringLiteral("transport"));
    x = longPoller.poll({}, 0);
    QVERIFY(x->json.contains("transport")); // still short polls: still told
    auto held = longPoller.start({}, 100);  // obeys: held, answered empty, nothing said
    QVERIFY(held->wait());
    QVERIFY(!held->json.contains("transport"));
    QCOMPARE(srv.chat->classTransport().mode, Transport::LongPoll);
}

QTEST_GUILESS_MAIN(TestPolling)
void TestPolling::keepAliveServesPollsOneAfterAnotherOnOneConnection()
{
    TestServer s(TestServer::unlimited());
    QVERIFY(s.start());
    auto ws = s.client(QStringLiteral("ws"));
    QVERIFY(ws);
    KeptConnection c;
    QVERIFY(c.open(s.port()));
    c.socket.write(KeptConnection::poll(s.port(), hello(QStringLiteral("kept"))));
    const QByteArray first = c.next();
    QVERIFY2(first.startsWith("HTTP/1.1 200 "), first.constData());
    // HTTP/1.1's default: persistent, so no Connection header at all.
    QCOMPARE(KeptConnection::headerOf(first, "connection"), QByteArray());
    const QString token = KeptConnection::json(first).value("session").toString();
    QVERIFY(!token.isEmpty());

    // The second poll on the same connection: a message said in between comes with it.
    ws->send(QJsonObject {{"type", "say"}, {"room", "general"}, {"text", "over one socket"}});
    QVERIFY(!ws->take("message").isEmpty());
    QJsonObject next {{"session", token}, {"ack", 0}, {"wait", 5000}};
    QByteArray got;
    for (int i = 0; i < 10 && !got.contains("over one socket"); ++i) {
        c.socket.write(KeptConnection::poll(s.port(), next));
        got = c.next();
        QVERIFY2(got.startsWith("HTTP/1.1 200 "), got.constData());
    }
    QVERIFY(got.contains("over one socket"));
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);

    // Two requests written at once (pipelined): answered one after the other, in order,
    // on the same connection; the second waits for the first's answer.
    c.socket.write(KeptConnection::poll(s.port(), {{"session", token}, {"wait", 0}})
                   + "GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const QByteArray a = c.next();
    const QByteArray b = c.next();
    QVERIFY2(KeptConnection::json(a).contains("messages"), a.constData());
    QVERIFY2(KeptConnection::json(b).contains("transports"), b.constData());
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    // One TCP connection carried every poll: the server made one poll session for it.
    QCOMPARE(s.chat->counters().connectionsTotal, quint64(2)); // ws and kept
}

void TestPolling::keepAliveEndsOnConnectionCloseAndHttp10_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("Connection: close")
        << QByteArray("GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        << QByteArray("HTTP/1.1 200 ");
    QTest::newRow("HTTP/1.0") << QByteArray("GET /v1/stats HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                              << QByteArray("HTTP/1.1 200 ");
    // A request the server cannot read to its end closes too.
    QTest::newRow("unreadable") << QByteArray("HELLO THERE\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
}

void TestPolling::keepAliveEndsOnConnectionCloseAndHttp10()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    TestServer s(TestServer::unlimited());
    QVERIFY(s.start());
    KeptConnection c;
    QVERIFY(c.open(s.port()));
    QSignalSpy closed(&c.socket, &QTcpSocket::disconnected);
    c.socket.write(request);
    const QByteArray r = c.next();
    QVERIFY2(r.startsWith(status), r.constData());
    QCOMPARE(KeptConnection::headerOf(r, "connection"), QByteArray("close"));
    QVERIFY(closed.count() == 1 || closed.wait(5000));
}

void TestPolling::idleKeptAliveConnectionIsClosed()
{
    server::ServerConfig config = TestServer::unlimited();
    config.httpKeepAliveMs = 300;
    TestServer s(config);
    QVERIFY(s.start());
    KeptConnection c;
    QVERIFY(c.open(s.port()));
    QSignalSpy closed(&c.socket, &QTcpSocket::disconnected);
    QElapsedTimer idle;
    c.socket.write("GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(c.next().startsWith("HTTP/1.1 200 "));
    idle.start();
    // Used again before the timeout: still open, and the clock starts again.
    c.socket.write("GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(c.next().startsWith("HTTP/1.1 200 "));
    idle.start();
    QVERIFY(closed.wait(10000));
    // Not before the idle timeout (the sweep runs at least every second after it).
    QVERIFY2(idle.elapsed() >= 250, QByteArray::number(idle.elapsed()).constData());
    QCOMPARE(c.received, QByteArray()); // an orderly close, nothing more was said

    // 0: every answer closes (the behaviour before keep-alive).
    config.httpKeepAliveMs = 0;
    TestServer off(config);
    QVERIFY(off.start());
    KeptConnection d;
    QVERIFY(d.open(off.port()));
    QSignalSpy dClosed(&d.socket, &QTcpSocket::disconnected);
    d.socket.write("GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(KeptConnection::headerOf(d.next(), "connection"), QByteArray("close"));
    QVERIFY(dClosed.count() == 1 || dClosed.wait(5000));
}

void TestPolling::keepAliveKeepsThePerAddressLimits()
{
    server::ServerConfig config = TestServer::unlimited();
    config.limitLoopback = true; // 127.0.0.1 counts like a student's machine
    config.maxConnectionsPerAddress = 2;
    config.connectsPerSecPerAddress = 0;
    TestServer s(config);
    QVERIFY(s.start());
    // Kept-alive connections: two per address; the third is answered and closed.
    KeptConnection c[3];
    for (int i = 0; i < 3; ++i) {
        QVERIFY(c[i].open(s.port()));
        c[i].socket.write("GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const QByteArray r = c[i].next();
        QVERIFY2(r.startsWith("HTTP/1.1 200 "), r.constData());
        QCOMPARE(KeptConnection::headerOf(r, "connection"), QByteArray(i < 2 ? "" : "close"));
    }
    QTRY_COMPARE(c[2].socket.state(), QAbstractSocket::UnconnectedState);
    // Sessions are counted per address however many TCP connections carry them: three
    // hellos over one kept connection, the third refused.
    QStringList refused;
    for (int i = 0; i < 3; ++i) {
        c[0].socket.write(KeptConnection::poll(s.port(), hello(QStringLiteral("s%1").arg(i))));
        const QByteArray r = c[0].next();
        QVERIFY2(r.startsWith("HTTP/1.1 200 "), r.constData());
        const QJsonArray messages = KeptConnection::json(r).value("messages").toArray();
        for (const QJsonValue &m : messages) {
            if (m.toObject().value("m").toObject().value("type").toString()
                == QLatin1String("error"))
                refused.append(m.toObject().value("m").toObject().value("message").toString());
        }
    }
    QCOMPARE(refused, QStringList {QStringLiteral("too many connections from your address")});
    QCOMPARE(s.chat->clientCount(), 2);
    QCOMPARE(c[0].socket.state(), QAbstractSocket::ConnectedState);
}

void TestPolling::sendsOfALongPollerCountAsLongPolling()
{
    TestServer s(TestServer::unlimited());
    QVERIFY(s.start());
    PollTestClient c(s.port());
    QVERIFY(c.hello(QStringLiteral("longer")));
    QVERIFY(c.drain());
    c.poll({}, 200); // a long poll: held, answered empty
    const auto figures = [&s] { return s.chat->transportFigures(); };
    const auto requests = [&](Transport t) { return figures().transports[size_t(t)].requests; };
    const quint64 shortBefore = requests(Transport::Poll);
    const quint64 longBefore = requests(Transport::LongPoll);
    // Its say goes out at once in a poll with wait 0 beside the long poll (as the Qt client
    // and the browser page do): still long polling, on the panel and for the class switch.
    auto x = c.poll({say(QStringLiteral("on the side"))}, 0);
    QCOMPARE(x->status, 200);
    QCOMPARE(requests(Transport::Poll), shortBefore);
    QCOMPARE(requests(Transport::LongPoll), longBefore + 1);
    QCOMPARE(figures().transports[size_t(Transport::LongPoll)].clients, 1);
    // A short poller's say stays a short poll.
    PollTestClient p(s.port());
    QVERIFY(p.hello(QStringLiteral("shorter")));
    QVERIFY(p.drain());
    const quint64 shortNow = requests(Transport::Poll);
    QCOMPARE(p.poll({say(QStringLiteral("short"))}, 0)->status, 200);
    QCOMPARE(requests(Transport::Poll), shortNow + 1);
}

#include "tst_polling.moc"
