// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The wire contract, pinned: every message of protocol v1 through the codec in both
// directions, every rejection a hostile or buggy peer can provoke, and the shared rules
// (nick, room, text, id) that the server and the client UI rely on.
#include "codec.h"
#include "names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

#include <tuple>
#include <vector>

using namespace duplex::proto;

Q_DECLARE_METATYPE(duplex::proto::ClientMessage)
Q_DECLARE_METATYPE(duplex::proto::ServerMessage)
Q_DECLARE_METATYPE(duplex::proto::ErrorCode)

namespace {

// --- field-wise comparison of messages (the structs have no operator==) -------------------

auto fields(const client::Hello &m)
{
    return std::make_tuple(m.id, m.nick, m.agent, m.resume);
}
auto fields(const client::Join &m)
{
    return std::make_tuple(m.id, m.room);
}
auto fields(const client::Leave &m)
{
    return std::make_tuple(m.id, m.room);
}
auto fields(const client::Say &m)
{
    return std::make_tuple(m.id, m.room, m.text);
}
auto fields(const client::Whisper &m)
{
    return std::make_tuple(m.id, m.to, m.text);
}
auto fields(const client::Typing &m)
{
    return std::make_tuple(m.id, m.room, m.on);
}
auto fields(const client::History &m)
{
    return std::make_tuple(m.id, m.room, m.before, m.after, m.limit);
}
auto fields(const client::Nick &m)
{
    return std::make_tuple(m.id, m.nick);
}
auto fields(const client::Rooms &m)
{
    return std::make_tuple(m.id);
}
auto fields(const client::Ping &m)
{
    return std::make_tuple(m.id, m.t);
}

auto fields(const server::Limits &l)
{
    return std::make_tuple(l.maxText, l.maxBytes, l.ratePerSec, l.burst);
}
auto fields(const server::Welcome &m)
{
    return std::make_tuple(m.re, m.protocol, m.server, m.nick, m.session, fields(m.limits));
}
auto fields(const server::Joined &m)
{
    return std::make_tuple(m.re, m.room, m.count, m.members);
}
auto fields(const server::Left &m)
{
    return std::make_tuple(m.re, m.room);
}
auto fields(const server::Message &m)
{
    return std::make_tuple(m.re, m.room, m.seq, m.from, m.text, m.ts);
}
auto fields(const server::History &m)
{
    std::vector<decltype(fields(server::Message()))> messages;
    for (const server::Message &message : m.messages)
        messages.push_back(fields(message));
    return std::make_tuple(m.re, m.room, messages);
}
auto fields(const server::Whisper &m)
{
    return std::make_tuple(m.re, m.from, m.to, m.text, m.ts);
}
auto fields(const server::Presence &m)
{
    return std::make_tuple(m.re, m.room, m.event, m.nick, m.old, m.count);
}
auto fields(const server::Typing &m)
{
    return std::make_tuple(m.room, m.nick, m.on);
}
auto fields(const server::Rooms &m)
{
    std::vector<std::pair<QString, int>> rooms;
    for (const server::RoomInfo &info : m.rooms)
        rooms.emplace_back(info.name, info.members);
    return std::make_tuple(m.re, rooms);
}
auto fields(const server::Pong &m)
{
    return std::make_tuple(m.re, m.t);
}
auto fields(const server::Notice &m)
{
    return std::make_tuple(m.text, m.from, m.room, m.ts);
}
auto fields(const server::Transport &m)
{
    return std::make_tuple(m.mode, m.interval);
}
auto fields(const server::Error &m)
{
    return std::make_tuple(m.re, m.code, m.message);
}

template<typename Variant> bool sameMessage(const Variant &a, const Variant &b)
{
    if (a.index() != b.index())
        return false;
    return std::visit(
        [&b](const auto &left) {
            using T = std::decay_t<decltype(left)>;
            return fields(left) == fields(std::get<T>(b));
        },
        a);
}

// --- frame builders ------------------------------------------------------------------------

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject object(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

QString repeated(const QString &unit, int times)
{
    QString s;
    s.reserve(unit.size() * times);
    for (int i = 0; i < times; ++i)
        s += unit;
    return s;
}

/// A character outside the BMP: two UTF-16 units, one code point.
QString astral(char32_t cp)
{
    return QString::fromUcs4(&cp, 1);
}

const QString Emoji = astral(0x1F600);                // 😀, a symbol (not a letter)
const QString BoldA = astral(0x1D400);                // 𝐀 MATHEMATICAL BOLD CAPITAL A, a letter
const QString CombiningE = QStringLiteral("e\u0301"); // e + COMBINING ACUTE ACCENT

QByteArray say(const QString &text)
{
    return json({{"type", "say"}, {"room", "general"}, {"text", text}});
}

QByteArray hello(const QJsonValue &nick)
{
    return json({{"type", "hello"}, {"nick", nick}});
}

QByteArray join(const QJsonValue &room)
{
    return json({{"type", "join"}, {"room", room}});
}

QByteArray history(const char *key, const QJsonValue &value)
{
    return json({{"type", "history"}, {"room", "general"}, {QLatin1String(key), value}});
}

QByteArray withId(const QJsonValue &id, QJsonObject o)
{
    o.insert("id", id);
    return json(o);
}

QString describe(const DecodeError &e)
{
    return QStringLiteral("%1: %2 (re='%3', type='%4')")
        .arg(errorCodeName(e.code), e.message, e.re, e.type);
}

/// Codes the codec itself can produce; every other code comes from server state.
bool codecCanProduce(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
    case ErrorCode::BadMessage:
    case ErrorCode::UnknownType:
    case ErrorCode::BadNick:
    case ErrorCode::BadRoom:
    case ErrorCode::NoSuchUser:
    case ErrorCode::TooLong:
    case ErrorCode::Empty: return true;
    default: return false;
    }
}

} // namespace

class TstProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clientRoundTrip_data();
    void clientRoundTrip();
    void serverRoundTrip_data();
    void serverRoundTrip();
    void clientRejects_data();
    void clientRejects();
    void clientAccepts_data();
    void clientAccepts();
    void serverRejects_data();
    void serverRejects();
    void serverLenient();
    void stringOverloadsMatchBytes();
    void encodingIsCompactUtf8();
    void integersStayIntegers();
    void encoderEscapes_data();
    void encoderEscapes();
    void typeComesFirst();
    void encoderNeverEmitsInvalidJson();
    void presenceCountHasNoNick();
    void errorCodeNames_data();
    void errorCodeNames();
    void errorCodeNamesAreComplete();
    void errorMessagesCarryEveryCode_data();
    void errorMessagesCarryEveryCode();
    void makeErrorKeepsGivenSentence();
    void typeNames();
    void nickRules_data();
    void nickRules();
    void nickKeyIsCaseInsensitive();
    void roomRules_data();
    void roomRules();
    void idRule();
    void textRule_data();
    void textRule();
    void sanitizeText_data();
    void sanitizeText();
    void codePointLength_data();
    void codePointLength();
    void invalidUtf8IsBadJson_data();
    void invalidUtf8IsBadJson();
    void deepNestingIsRefused_data();
    void deepNestingIsRefused();
    void peekType_data();
    void peekType();
    void fuzzNeverCrashes();
};

// --- round trips ---------------------------------------------------------------------------

void TstProtocol::clientRoundTrip_data()
{
    QTest::addColumn<ClientMessage>("message");
    QTest::addColumn<QByteArray>("wire");

    QTest::newRow("hello minimal") << ClientMessage(client::Hello {{}, "alice", {}, {}})
                                   << QByteArray(R"({"type":"hello","nick":"alice"})");
    QTest::newRow("hello with id, agent and resume")
        << ClientMessage(client::Hello {"h1", "Zoë", "duplex-client/0.1", "tok-123"})
        << QByteArray(
               R"({"type":"hello","id":"h1","nick":"Zoë","agent":"duplex-client/0.1","resume":"tok-123"})");
    QTest::newRow("hello cyrillic nick") << ClientMessage(client::Hello {{}, "Дмитрий", {}, {}})
                                         << QByteArray(R"({"type":"hello","nick":"Дмитрий"})");
    QTest::newRow("join") << ClientMessage(client::Join {{}, "general"})
                          << QByteArray(R"({"type":"join","room":"general"})");
    QTest::newRow("join with id") << ClientMessage(client::Join {"j-1", "room_2-b"})
                                  << QByteArray(R"({"type":"join","id":"j-1","room":"room_2-b"})");
    QTest::newRow("leave") << ClientMessage(client::Leave {"l", "random"})
                           << QByteArray(R"({"type":"leave","id":"l","room":"random"})");
    QTest::newRow("say") << ClientMessage(client::Say {{}, "general", "hi"})
                         << QByteArray(R"({"type":"say","room":"general","text":"hi"})");
    QTest::newRow("say multi-line with id")
        << ClientMessage(client::Say {"6f1c0b2e-uuid", "general", "line 1\nline 2\ttab"})
        << QByteArray(
               R"({"type":"say","id":"6f1c0b2e-uuid","room":"general","text":"line 1\nline 2\ttab"})");
    QTest::newRow("say markup stays text")
        << ClientMessage(client::Say {{}, "general", "<b>x</b> & \"q\""})
        << QByteArray(R"({"type":"say","room":"general","text":"<b>x</b> & \"q\""})");
    QTest::newRow("say 4000 emoji")
        << ClientMessage(client::Say {{}, "general", repeated(Emoji, 4000)})
        << say(repeated(Emoji, 4000));
    QTest::newRow("whisper") << ClientMessage(client::Whisper {"w", "李雷", "psst"})
                             << QByteArray(
                                    R"({"type":"whisper","id":"w","to":"李雷","text":"psst"})");
    QTest::newRow("typing on") << ClientMessage(client::Typing {{}, "general", true})
                               << QByteArray(R"({"type":"typing","room":"general","on":true})");
    QTest::newRow("typing off") << ClientMessage(client::Typing {{}, "general", false})
                                << QByteArray(R"({"type":"typing","room":"general","on":false})");
    QTest::newRow("history defaults")
        << ClientMessage(client::History {{}, "general", std::nullopt, std::nullopt, 50})
        << QByteArray(R"({"type":"history","room":"general"})");
    QTest::newRow("history before")
        << ClientMessage(client::History {"h", "general", 120, std::nullopt, 50})
        << QByteArray(R"({"type":"history","id":"h","room":"general","before":120})");
    QTest::newRow("history after 0, limit 200")
        << ClientMessage(client::History {{}, "general", std::nullopt, 0, 200})
        << QByteArray(R"({"type":"history","room":"general","after":0,"limit":200})");
    QTest::newRow("history before and after at 2^53, limit 1")
        << ClientMessage(client::History {{}, "r", 9007199254740992LL, 9007199254740992LL, 1})
        << QByteArray(
               R"({"type":"history","room":"r","before":9007199254740992,"after":9007199254740992,"limit":1})");
    QTest::newRow("nick") << ClientMessage(client::Nick {"n", CombiningE + "mile"})
                          << QByteArray(
                                 "{\"type\":\"nick\",\"id\":\"n\",\"nick\":\"e\xcc\x81mile\"}");
    QTest::newRow("rooms") << ClientMessage(client::Rooms {}) << QByteArray(R"({"type":"rooms"})");
    QTest::newRow("rooms with id")
        << ClientMessage(client::Rooms {"r"}) << QByteArray(R"({"type":"rooms","id":"r"})");
    QTest::newRow("ping without t")
        << ClientMessage(client::Ping {}) << QByteArray(R"({"type":"ping"})");
    QTest::newRow("ping integer t") << ClientMessage(client::Ping {"p", 1763900000123.0})
                                    << QByteArray(R"({"type":"ping","id":"p","t":1763900000123})");
    QTest::newRow("ping fractional t")
        << ClientMessage(client::Ping {{}, -0.25}) << QByteArray(R"({"type":"ping","t":-0.25})");
    QTest::newRow("ping huge t") << ClientMessage(client::Ping {{}, 1e300})
                                 << QByteArray(R"({"type":"ping","t":1e300})");
}

void TstProtocol::clientRoundTrip()
{
    QFETCH(ClientMessage, message);
    QFETCH(QByteArray, wire);

    const QByteArray encoded = encode(message);
    // The wire form is exactly the documented one (key order is free in JSON).
    QCOMPARE(QJsonDocument::fromJson(encoded), QJsonDocument::fromJson(wire));
    QCOMPARE(object(encoded).value("type").toString(), typeName(message));

    for (const QByteArray &frame : {encoded, wire}) {
        const ClientDecodeResult decoded = decodeClient(frame);
        if (const auto *error = std::get_if<DecodeError>(&decoded))
            QFAIL(qPrintable(describe(*error)));
        QVERIFY2(sameMessage(std::get<ClientMessage>(decoded), message), frame.constData());
    }
}

void TstProtocol::serverRoundTrip_data()
{
    QTest::addColumn<ServerMessage>("message");
    QTest::addColumn<QByteArray>("wire");

    server::Welcome welcome;
    welcome.server = "Classroom";
    welcome.nick = "alice";
    welcome.session = "s3cr3t";
    QTest::newRow("welcome default limits")
        << ServerMessage(welcome)
        << QByteArray(
               R"({"type":"welcome","protocol":1,"server":"Classroom","nick":"alice","session":"s3cr3t","limits":{"maxText":4000,"maxBytes":65536,"ratePerSec":10,"burst":20}})");
    welcome.re = "h1";
    welcome.limits = {2000, 1 << 20, 2.5, 5};
    QTest::newRow("welcome with re and fractional rate")
        << ServerMessage(welcome)
        << QByteArray(
               R"({"type":"welcome","re":"h1","protocol":1,"server":"Classroom","nick":"alice","session":"s3cr3t","limits":{"maxText":2000,"maxBytes":1048576,"ratePerSec":2.5,"burst":5}})");
    welcome.re.clear();
    welcome.limits.ratePerSec = 0;
    QTest::newRow("welcome unlimited rate")
        << ServerMessage(welcome)
        << QByteArray(
               R"({"type":"welcome","protocol":1,"server":"Classroom","nick":"alice","session":"s3cr3t","limits":{"maxText":2000,"maxBytes":1048576,"ratePerSec":0,"burst":5}})");

    QTest::newRow("joined with members")
        << ServerMessage(server::Joined {"j", "general", 3, {"alice", "Zoë", "李雷"}})
        << QByteArray(
               R"({"type":"joined","re":"j","room":"general","count":3,"members":["alice","Zoë","李雷"]})");
    QTest::newRow("joined large room, no members")
        << ServerMessage(server::Joined {{}, "lecture", 1500, {}})
        << QByteArray(R"({"type":"joined","room":"lecture","count":1500,"members":[]})");
    QTest::newRow("left") << ServerMessage(server::Left {"l", "random"})
                          << QByteArray(R"({"type":"left","re":"l","room":"random"})");
    QTest::newRow("message")
        << ServerMessage(server::Message {{}, "general", 1, "alice", "hi", 1763900000123})
        << QByteArray(
               R"({"type":"message","room":"general","seq":1,"from":"alice","text":"hi","ts":1763900000123})");
    QTest::newRow("message sender copy with re")
        << ServerMessage(server::Message {"m-7", "general", 9007199254740992LL, "bob",
                                          "multi\nline " + Emoji, 0})
        << QByteArray(
               "{\"type\":\"message\",\"re\":\"m-7\",\"room\":\"general\",\"seq\":9007199254740992,"
               "\"from\":\"bob\",\"text\":\"multi\\nline \xf0\x9f\x98\x80\",\"ts\":0}");
    QTest::newRow("history empty")
        << ServerMessage(server::History {{}, "new-room", {}})
        << QByteArray(R"({"type":"history","room":"new-room","messages":[]})");
    QTest::newRow("history three messages")
        << ServerMessage(server::History {"h",
                                          "general",
                                          {{{}, "general", 4, "a", "one", 10},
                                           {{}, "general", 5, "b", "two", 20},
                                           {{}, "general", 6, "a", "three", 30}}})
        << QByteArray(R"({"type":"history","re":"h","room":"general","messages":[)"
                      R"({"room":"general","seq":4,"from":"a","text":"one","ts":10},)"
                      R"({"room":"general","seq":5,"from":"b","text":"two","ts":20},)"
                      R"({"room":"general","seq":6,"from":"a","text":"three","ts":30}]})");
    QTest::newRow("whisper to target")
        << ServerMessage(server::Whisper {{}, "alice", "bob", "psst", 5})
        << QByteArray(R"({"type":"whisper","from":"alice","to":"bob","text":"psst","ts":5})");
    QTest::newRow("whisper sender copy")
        << ServerMessage(server::Whisper {"w", "alice", "bob", "psst", 5})
        << QByteArray(
               R"({"type":"whisper","re":"w","from":"alice","to":"bob","text":"psst","ts":5})");
    QTest::newRow("presence join")
        << ServerMessage(
               server::Presence {{}, "general", server::PresenceEvent::Join, "bob", {}, 0})
        << QByteArray(R"({"type":"presence","room":"general","event":"join","nick":"bob"})");
    QTest::newRow("presence leave")
        << ServerMessage(
               server::Presence {{}, "general", server::PresenceEvent::Leave, "bob", {}, 0})
        << QByteArray(R"({"type":"presence","room":"general","event":"leave","nick":"bob"})");
    QTest::newRow("presence nick, own change with re")
        << ServerMessage(
               server::Presence {"n", "general", server::PresenceEvent::Nick, "robert", "bob", 0})
        << QByteArray(
               R"({"type":"presence","re":"n","room":"general","event":"nick","nick":"robert","old":"bob"})");
    QTest::newRow("presence count (large room)")
        << ServerMessage(
               server::Presence {{}, "lecture", server::PresenceEvent::Count, {}, {}, 1234})
        << QByteArray(R"({"type":"presence","room":"lecture","event":"count","count":1234})");
    QTest::newRow("typing on") << ServerMessage(server::Typing {
        "general", "bob",
        true}) << QByteArray(R"({"type":"typing","room":"general","nick":"bob","on":true})");
    QTest::newRow("typing off") << ServerMessage(server::Typing {
        "general", "bob",
        false}) << QByteArray(R"({"type":"typing","room":"general","nick":"bob","on":false})");
    QTest::newRow("rooms empty") << ServerMessage(server::Rooms {"r", {}})
                                 << QByteArray(R"({"type":"rooms","re":"r","rooms":[]})");
    QTest::newRow("rooms two")
        << ServerMessage(server::Rooms {{}, {{"general", 12}, {"random", 0}}})
        << QByteArray(
               R"({"type":"rooms","rooms":[{"name":"general","members":12},{"name":"random","members":0}]})");
    QTest::newRow("pong without t")
        << ServerMessage(server::Pong {}) << QByteArray(R"({"type":"pong"})");
    QTest::newRow("pong echoes t with re") << ServerMessage(server::Pong {"p", 42.5})
                                           << QByteArray(R"({"type":"pong","re":"p","t":42.5})");
    QTest::newRow("notice to everyone")
        << ServerMessage(server::Notice {"Class ends in 5 minutes", "server", {}, 99, {}})
        << QByteArray(
               R"({"type":"notice","text":"Class ends in 5 minutes","from":"server","ts":99})");
    QTest::newRow("notice to a room")
        << ServerMessage(server::Notice {"Quiet please", "server", "general", 100, {}})
        << QByteArray(
               R"({"type":"notice","text":"Quiet please","from":"server","room":"general","ts":100})");
    QTest::newRow("transport: poll every 500 ms")
        << ServerMessage(server::Transport {"poll", 500})
        << QByteArray(R"({"type":"transport","mode":"poll","interval":500})");
    QTest::newRow("private notice to one client")
        << ServerMessage(server::Notice {"See me", "server", {}, 101, "bob"})
        << QByteArray(R"({"type":"notice","text":"See me","from":"server","to":"bob","ts":101})");
    QTest::newRow("error with re")
        << ServerMessage(server::Error {"x", ErrorCode::BadRoom, "A room name cannot be empty."})
        << QByteArray(
               R"({"type":"error","re":"x","code":"bad_room","message":"A room name cannot be empty."})");
    QTest::newRow("error without re")
        << ServerMessage(server::Error {{}, ErrorCode::RateLimited, "Slow down."})
        << QByteArray(R"({"type":"error","code":"rate_limited","message":"Slow down."})");
}

void TstProtocol::serverRoundTrip()
{
    QFETCH(ServerMessage, message);
    QFETCH(QByteArray, wire);

    const QByteArray encoded = encode(message);
    QCOMPARE(QJsonDocument::fromJson(encoded), QJsonDocument::fromJson(wire));
    QCOMPARE(object(encoded).value("type").toString(), typeName(message));

    for (const QByteArray &frame : {encoded, wire}) {
        const ServerDecodeResult decoded = decodeServer(frame);
        if (const auto *error = std::get_if<DecodeError>(&decoded))
            QFAIL(qPrintable(describe(*error)));
        QVERIFY2(sameMessage(std::get<ServerMessage>(decoded), message), frame.constData());
    }
}

// --- client frames the server must refuse --------------------------------------------------

void TstProtocol::clientRejects_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("re");       // the `re` the error reply must carry
    QTest::addColumn<QString>("mentions"); // a word the human sentence must contain

    const ErrorCode badJson = ErrorCode::BadJson;
    const ErrorCode badMessage = ErrorCode::BadMessage;

    // Not a JSON object at all.
    QTest::newRow("empty input") << QByteArray() << badJson << QString() << QString();
    QTest::newRow("whitespace only") << QByteArray(" \n\t ") << badJson << QString() << QString();
    QTest::newRow("plain text") << QByteArray("hello server") << badJson << QString() << QString();
    QTest::newRow("truncated object")
        << QByteArray(R"({"type":"say","room":"gen)") << badJson << QString() << QString();
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"type":"rooms"} {"type":"rooms"})") << badJson << QString() << QString();
    QTest::newRow("single quotes")
        << QByteArray("{'type':'rooms'}") << badJson << QString() << QString();
    QTest::newRow("JSON array") << QByteArray(R"([{"type":"rooms"}])") << badJson << QString()
                                << QString();
    QTest::newRow("empty JSON array") << QByteArray("[]") << badJson << QString() << QString();
    QTest::newRow("JSON string") << QByteArray(R"("rooms")") << badJson << QString() << QString();
    QTest::newRow("JSON number") << QByteArray("42") << badJson << QString() << QString();
    QTest::newRow("JSON null") << QByteArray("null") << badJson << QString() << QString();
    QTest::newRow("JSON true") << QByteArray("true") << badJson << QString() << QString();
    QTest::newRow("NUL byte") << QByteArray("{\"type\":\"rooms\"}\0", 17) << badJson << QString()
                              << QString();
    QTest::newRow("number beyond double (1e400)")
        << QByteArray(R"({"type":"ping","t":1e400})") << badJson << QString() << QString();

    // The envelope.
    QTest::newRow("missing type") << QByteArray("{}") << badMessage << QString() << "'type'";
    QTest::newRow("missing type, valid id")
        << QByteArray(R"({"id":"a1","room":"general"})") << badMessage << "a1"
        << "'type'";
    QTest::newRow("type null") << QByteArray(R"({"type":null})") << badMessage << QString()
                               << "'type'";
    QTest::newRow("type number") << QByteArray(R"({"type":7})") << badMessage << QString()
                                 << "'type'";
    QTest::newRow("type array (nested garbage)")
        << QByteArray(R"({"type":["say",{"x":[]}]})") << badMessage << QString() << "'type'";
    QTest::newRow("type object") << QByteArray(R"({"type":{"type":"say"}})") << badMessage
                                 << QString() << "'type'";
    QTest::newRow("unknown type") << QByteArray(R"({"type":"shout"})") << ErrorCode::UnknownType
                                  << QString() << "shout";
    QTest::newRow("unknown type, with id")
        << QByteArray(R"({"type":"shout","id":"u1"})") << ErrorCode::UnknownType << "u1"
        << "shout";
    QTest::newRow("type is case-sensitive")
        << QByteArray(R"({"type":"SAY"})") << ErrorCode::UnknownType << QString() << "SAY";
    QTest::newRow("empty type") << QByteArray(R"({"type":""})") << ErrorCode::UnknownType
                                << QString() << QString();
    QTest::newRow("server type sent by a client")
        << QByteArray(R"({"type":"welcome"})") << ErrorCode::UnknownType << QString() << QString();
    QTest::newRow("id of 65 characters")
        << withId(QString(65, 'x'), {{"type", "rooms"}}) << badMessage << QString() << "'id'";
    QTest::newRow("id of 65 emoji")
        << withId(repeated(Emoji, 65), {{"type", "rooms"}}) << badMessage << QString() << "'id'";
    QTest::newRow("empty id") << withId(QString(""), {{"type", "rooms"}}) << badMessage << QString()
                              << "'id'";
    QTest::newRow("id number") << withId(12, {{"type", "rooms"}}) << badMessage << QString()
                               << "'id'";
    QTest::newRow("id null") << withId(QJsonValue::Null, {{"type", "rooms"}}) << badMessage
                             << QString() << "'id'";
    QTest::newRow("id with lone surrogate")
        << QByteArray(R"({"type":"rooms","id":"a\udc00"})") << badMessage << QString() << "'id'";
    QTest::newRow("bad id wins over unknown type")
        << withId(QString(65, 'x'), {{"type", "shout"}}) << badMessage << QString() << "'id'";

    // hello
    QTest::newRow("hello without nick")
        << QByteArray(R"({"type":"hello","id":"h"})") << badMessage << "h"
        << "'nick'";
    QTest::newRow("hello nick number") << hello(5) << badMessage << QString() << "'nick'";
    QTest::newRow("hello nick null")
        << hello(QJsonValue::Null) << badMessage << QString() << "'nick'";
    QTest::newRow("hello nick array")
        << hello(QJsonArray {"alice"}) << badMessage << QString() << "'nick'";
    QTest::newRow("hello empty nick") << hello("") << ErrorCode::BadNick << QString() << QString();
    QTest::newRow("hello nick of 25")
        << hello(QString(25, 'a')) << ErrorCode::BadNick << QString() << "24";
    QTest::newRow("hello nick of 25 astral letters")
        << hello(repeated(BoldA, 25)) << ErrorCode::BadNick << QString() << "24";
    QTest::newRow("hello nick with space")
        << hello("al ice") << ErrorCode::BadNick << QString() << QString();
    QTest::newRow("hello nick with emoji")
        << hello("al" + Emoji) << ErrorCode::BadNick << QString() << QString();
    QTest::newRow("hello nick with markup")
        << hello("<b>x</b>") << ErrorCode::BadNick << QString() << QString();
    QTest::newRow("hello nick server")
        << hello("server") << ErrorCode::BadNick << QString() << "reserved";
    QTest::newRow("hello nick SYSTEM")
        << hello("SYSTEM") << ErrorCode::BadNick << QString() << "reserved";
    QTest::newRow("hello nick Server with id")
        << withId("h9", {{"type", "hello"}, {"nick", "Server"}}) << ErrorCode::BadNick << "h9"
        << "reserved";
    QTest::newRow("hello nick with lone surrogate")
        << QByteArray(R"({"type":"hello","nick":"a\ud800"})") << badMessage << QString()
        << "'nick'";
    QTest::newRow("hello agent of 65")
        << json({{"type", "hello"}, {"nick", "a"}, {"agent", QString(65, 'x')}})
        << ErrorCode::TooLong << QString() << "'agent'";
    QTest::newRow("hello agent number") << json({{"type", "hello"}, {"nick", "a"}, {"agent", 1}})
                                        << badMessage << QString() << "'agent'";
    QTest::newRow("hello resume number") << json({{"type", "hello"}, {"nick", "a"}, {"resume", 1}})
                                         << badMessage << QString() << "'resume'";
    QTest::newRow("hello resume object")
        << json({{"type", "hello"}, {"nick", "a"}, {"resume", QJsonObject {{"t", 1}}}})
        << badMessage << QString() << "'resume'";

    // join / leave: rooms
    QTest::newRow("join without room")
        << QByteArray(R"({"type":"join"})") << badMessage << QString() << "'room'";
    QTest::newRow("join room number") << join(1) << badMessage << QString() << "'room'";
    QTest::newRow("join room nested garbage")
        << join(QJsonObject {{"a", QJsonArray {1, 2, QJsonObject {{"b", QJsonValue::Null}}}}})
        << badMessage << QString() << "'room'";
    QTest::newRow("join room bool") << join(true) << badMessage << QString() << "'room'";
    QTest::newRow("join empty room") << join("") << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("join uppercase room")
        << join("General") << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("join room with space")
        << join("my room") << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("join room of 33")
        << join(QString(33, 'a')) << ErrorCode::BadRoom << QString() << "32";
    QTest::newRow("join room with accent")
        << join("café") << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("join room with dot")
        << join("a.b") << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("join room with slash")
        << join("../etc") << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("join bad room with id") << withId("j1", {{"type", "join"}, {"room", "A"}})
                                           << ErrorCode::BadRoom << "j1" << QString();
    QTest::newRow("leave bad room") << QByteArray(R"({"type":"leave","room":"No"})")
                                    << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("leave room missing")
        << QByteArray(R"({"type":"leave","id":"q"})") << badMessage << "q"
        << "'room'";

    // say: room + text
    QTest::newRow("say without text")
        << QByteArray(R"({"type":"say","room":"general"})") << badMessage << QString() << "'text'";
    QTest::newRow("say without room")
        << QByteArray(R"({"type":"say","text":"hi"})") << badMessage << QString() << "'room'";
    QTest::newRow("say text number") << QByteArray(R"({"type":"say","room":"general","text":5})")
                                     << badMessage << QString() << "'text'";
    QTest::newRow("say text array")
        << QByteArray(R"({"type":"say","room":"general","text":["hi"]})") << badMessage << QString()
        << "'text'";
    QTest::newRow("say bad room") << QByteArray(R"({"type":"say","room":"Gen eral","text":"hi"})")
                                  << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("say empty text") << say("") << ErrorCode::Empty << QString() << QString();
    QTest::newRow("say blank text") << say("    ") << ErrorCode::Empty << QString() << QString();
    QTest::newRow("say whitespace-only text")
        << say(" \n\t\r\n ") << ErrorCode::Empty << QString() << QString();
    QTest::newRow("say empty text with id")
        << withId("s1", {{"type", "say"}, {"room", "general"}, {"text", " "}}) << ErrorCode::Empty
        << "s1" << QString();
    QTest::newRow("say 4001 characters")
        << say(QString(4001, 'x')) << ErrorCode::TooLong << QString() << "4000";
    QTest::newRow("say 4001 emoji")
        << say(repeated(Emoji, 4001)) << ErrorCode::TooLong << QString() << "4000";
    QTest::newRow("say text with lone high surrogate")
        << QByteArray(R"({"type":"say","room":"general","text":"hi \ud800 there"})") << badMessage
        << QString() << "'text'";
    QTest::newRow("say text with lone low surrogate")
        << QByteArray(R"({"type":"say","room":"general","text":"\udc00"})") << badMessage
        << QString() << "'text'";
    QTest::newRow("say text with reversed pair")
        << QByteArray(R"({"type":"say","room":"general","text":"\ude00\ud83d"})") << badMessage
        << QString() << "'text'";
    QTest::newRow("say text with two high surrogates")
        << QByteArray(R"({"type":"say","room":"general","text":"\ud800\ud800"})") << badMessage
        << QString() << "'text'";

    // whisper
    QTest::newRow("whisper without to")
        << QByteArray(R"({"type":"whisper","text":"x"})") << badMessage << QString() << "'to'";
    QTest::newRow("whisper to number") << QByteArray(R"({"type":"whisper","to":3,"text":"x"})")
                                       << badMessage << QString() << "'to'";
    QTest::newRow("whisper to impossible nick")
        << QByteArray(R"({"type":"whisper","id":"w","to":"no body","text":"x"})")
        << ErrorCode::NoSuchUser << "w" << QString();
    QTest::newRow("whisper to empty nick") << QByteArray(R"({"type":"whisper","to":"","text":"x"})")
                                           << ErrorCode::NoSuchUser << QString() << QString();
    QTest::newRow("whisper to server")
        << QByteArray(R"({"type":"whisper","to":"server","text":"x"})") << ErrorCode::NoSuchUser
        << QString() << QString();
    QTest::newRow("whisper without text")
        << QByteArray(R"({"type":"whisper","to":"bob"})") << badMessage << QString() << "'text'";
    QTest::newRow("whisper blank text")
        << QByteArray(R"({"type":"whisper","to":"bob","text":"\t"})") << ErrorCode::Empty
        << QString() << QString();
    QTest::newRow("whisper 4001 characters")
        << json({{"type", "whisper"}, {"to", "bob"}, {"text", QString(4001, 'y')}})
        << ErrorCode::TooLong << QString() << QString();

    // typing
    QTest::newRow("typing without on")
        << QByteArray(R"({"type":"typing","room":"general"})") << badMessage << QString() << "'on'";
    QTest::newRow("typing on as string")
        << QByteArray(R"({"type":"typing","room":"general","on":"true"})") << badMessage
        << QString() << "'on'";
    QTest::newRow("typing on as number")
        << QByteArray(R"({"type":"typing","room":"general","on":1})") << badMessage << QString()
        << "'on'";
    QTest::newRow("typing on null") << QByteArray(R"({"type":"typing","room":"general","on":null})")
                                    << badMessage << QString() << "'on'";
    QTest::newRow("typing bad room") << QByteArray(R"({"type":"typing","room":"GEN","on":true})")
                                     << ErrorCode::BadRoom << QString() << QString();

    // history
    QTest::newRow("history without room")
        << QByteArray(R"({"type":"history"})") << badMessage << QString() << "'room'";
    QTest::newRow("history bad room") << QByteArray(R"({"type":"history","room":"X"})")
                                      << ErrorCode::BadRoom << QString() << QString();
    QTest::newRow("history before 1e300")
        << QByteArray(R"({"type":"history","room":"r","before":1e300})") << badMessage << QString()
        << "'before'";
    QTest::newRow("history before 2^53+1")
        << QByteArray(R"({"type":"history","room":"r","before":9007199254740993})") << badMessage
        << QString() << "'before'";
    QTest::newRow("history before 2^64")
        << QByteArray(R"({"type":"history","room":"r","before":18446744073709551616})")
        << badMessage << QString() << "'before'";
    QTest::newRow("history before 1.5")
        << history("before", 1.5) << badMessage << QString() << "'before'";
    QTest::newRow("history before -1")
        << history("before", -1) << badMessage << QString() << "'before'";
    QTest::newRow("history before string")
        << history("before", "10") << badMessage << QString() << "'before'";
    QTest::newRow("history before null")
        << history("before", QJsonValue::Null) << badMessage << QString() << "'before'";
    QTest::newRow("history after -0.5")
        << history("after", -0.5) << badMessage << QString() << "'after'";
    QTest::newRow("history after object")
        << history("after", QJsonObject {{"seq", 1}}) << badMessage << QString() << "'after'";
    QTest::newRow("history limit 0") << history("limit", 0) << badMessage << QString() << "'limit'";
    QTest::newRow("history limit 201")
        << history("limit", 201) << badMessage << QString() << "'limit'";
    QTest::newRow("history limit -5")
        << history("limit", -5) << badMessage << QString() << "'limit'";
    QTest::newRow("history limit 2.5")
        << history("limit", 2.5) << badMessage << QString() << "'limit'";
    QTest::newRow("history limit string")
        << history("limit", "50") << badMessage << QString() << "'limit'";
    QTest::newRow("history limit huge")
        << QByteArray(R"({"type":"history","room":"r","limit":1e19})") << badMessage << QString()
        << "'limit'";

    // nick
    QTest::newRow("nick missing") << QByteArray(R"({"type":"nick","id":"n"})") << badMessage << "n"
                                  << "'nick'";
    QTest::newRow("nick number") << QByteArray(R"({"type":"nick","nick":1})") << badMessage
                                 << QString() << "'nick'";
    QTest::newRow("nick reserved") << QByteArray(R"({"type":"nick","nick":"System"})")
                                   << ErrorCode::BadNick << QString() << "reserved";
    QTest::newRow("nick too long") << json({{"type", "nick"}, {"nick", QString(25, 'z')}})
                                   << ErrorCode::BadNick << QString() << QString();
    QTest::newRow("nick with tab") << QByteArray(R"({"type":"nick","nick":"a\tb"})")
                                   << ErrorCode::BadNick << QString() << QString();

    // ping
    QTest::newRow("ping t string")
        << QByteArray(R"({"type":"ping","t":"now"})") << badMessage << QString() << "'t'";
    QTest::newRow("ping t null") << QByteArray(R"({"type":"ping","id":"p","t":null})") << badMessage
                                 << "p"
                                 << "'t'";
    QTest::newRow("ping t array") << QByteArray(R"({"type":"ping","t":[1]})") << badMessage
                                  << QString() << "'t'";
}

void TstProtocol::clientRejects()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, code);
    QFETCH(QString, re);
    QFETCH(QString, mentions);

    const ClientDecodeResult result = decodeClient(frame);
    const auto *error = std::get_if<DecodeError>(&result);
    QVERIFY2(error, "the frame was accepted");
    QVERIFY2(error->code == code, qPrintable(describe(*error)));
    QCOMPARE(error->re, re);
    QVERIFY(!error->message.isEmpty());
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
    // When the type was readable, it is reported for the logs.
    const QJsonValue type = object(frame).value("type");
    if (type.isString())
        QCOMPARE(error->type, type.toString());
    else
        QVERIFY(error->type.isEmpty());
}

// --- edge cases that must pass -------------------------------------------------------------

void TstProtocol::clientAccepts_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ClientMessage>("expected");

    QTest::newRow("nick with diaeresis")
        << hello("Zoë") << ClientMessage(client::Hello {{}, "Zoë", {}, {}});
    QTest::newRow("cyrillic nick")
        << hello("Дмитрий") << ClientMessage(client::Hello {{}, "Дмитрий", {}, {}});
    QTest::newRow("chinese nick") << hello("李雷")
                                  << ClientMessage(client::Hello {{}, "李雷", {}, {}});
    QTest::newRow("combining mark nick")
        << hello(CombiningE) << ClientMessage(client::Hello {{}, CombiningE, {}, {}});
    QTest::newRow("nick of 24") << hello(QString(24, 'a'))
                                << ClientMessage(client::Hello {{}, QString(24, 'a'), {}, {}});
    QTest::newRow("nick of 24 astral letters (48 UTF-16 units)")
        << hello(repeated(BoldA, 24))
        << ClientMessage(client::Hello {{}, repeated(BoldA, 24), {}, {}});
    QTest::newRow("nick with _ - . and digits")
        << hello("a_b-c.d9") << ClientMessage(client::Hello {{}, "a_b-c.d9", {}, {}});
    QTest::newRow("nick containing server")
        << hello("servers") << ClientMessage(client::Hello {{}, "servers", {}, {}});
    QTest::newRow("agent of 64") << json(
        {{"type", "hello"}, {"nick", "a"}, {"agent", QString(64, 'x')}})
                                 << ClientMessage(client::Hello {{}, "a", QString(64, 'x'), {}});
    QTest::newRow("id of 64") << withId(QString(64, 'i'), {{"type", "rooms"}})
                              << ClientMessage(client::Rooms {QString(64, 'i')});
    QTest::newRow("id of 64 emoji") << withId(repeated(Emoji, 64), {{"type", "rooms"}})
                                    << ClientMessage(client::Rooms {repeated(Emoji, 64)});
    QTest::newRow("room of 32") << join(QString(32, 'r'))
                                << ClientMessage(client::Join {{}, QString(32, 'r')});
    QTest::newRow("room of one digit") << join("7") << ClientMessage(client::Join {{}, "7"});
    QTest::newRow("text of 4000") << say(QString(4000, 'x'))
                                  << ClientMessage(client::Say {{}, "general", QString(4000, 'x')});
    QTest::newRow("text of 4000 plus surrounding blanks (trimmed length counts)")
        << say("  " + QString(4000, 'x') + "\n ")
        << ClientMessage(client::Say {{}, "general", "  " + QString(4000, 'x') + "\n "});
    QTest::newRow("text of 3999 emoji and a letter")
        << say(repeated(Emoji, 3999) + "a")
        << ClientMessage(client::Say {{}, "general", repeated(Emoji, 3999) + "a"});
    QTest::newRow("text with a valid escaped pair")
        << QByteArray(R"({"type":"say","room":"general","text":"\ud83d\ude00"})")
        << ClientMessage(client::Say {{}, "general", Emoji});
    QTest::newRow("text with control characters (the server sanitises, not the codec)")
        << QByteArray(R"({"type":"say","room":"general","text":"a\u0000b\u202e"})")
        << ClientMessage(client::Say {{}, "general", QString::fromUtf16(u"a\u0000b\u202e", 4)});
    QTest::newRow("unknown extra fields ignored") << QByteArray(
        R"({"type":"join","room":"general","from":"mallory","extra":{"deep":[[[[{}]]]]}})")
                                                  << ClientMessage(client::Join {{}, "general"});
    QTest::newRow("keys in any order")
        << QByteArray(R"({"room":"general","text":"x","type":"say"})")
        << ClientMessage(client::Say {{}, "general", "x"});
    QTest::newRow("whitespace around the object")
        << QByteArray(" \n{ \"type\" : \"rooms\" }\r\n ") << ClientMessage(client::Rooms {});
    QTest::newRow("duplicate key: the last wins")
        << QByteArray(R"({"type":"join","room":"A","room":"b"})")
        << ClientMessage(client::Join {{}, "b"});
    QTest::newRow("limit written as 10.0")
        << QByteArray(R"({"type":"history","room":"r","limit":10.0})")
        << ClientMessage(client::History {{}, "r", std::nullopt, std::nullopt, 10});
    QTest::newRow("before written as 1e3")
        << QByteArray(R"({"type":"history","room":"r","before":1e3})")
        << ClientMessage(client::History {{}, "r", 1000, std::nullopt, 50});
    QTest::newRow("ping t negative zero")
        << QByteArray(R"({"type":"ping","t":-0})") << ClientMessage(client::Ping {{}, 0.0});
    QTest::newRow("typing with id")
        << QByteArray(R"({"type":"typing","id":"t","room":"general","on":false})")
        << ClientMessage(client::Typing {"t", "general", false});
}

void TstProtocol::clientAccepts()
{
    QFETCH(QByteArray, frame);
    QFETCH(ClientMessage, expected);
    const ClientDecodeResult result = decodeClient(frame);
    if (const auto *error = std::get_if<DecodeError>(&result))
        QFAIL(qPrintable(describe(*error)));
    QVERIFY(sameMessage(std::get<ClientMessage>(result), expected));
}

// --- the client's parser -------------------------------------------------------------------

void TstProtocol::serverRejects_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("code");

    const ErrorCode bad = ErrorCode::BadMessage;
    QTest::newRow("not JSON") << QByteArray("<html>") << ErrorCode::BadJson;
    QTest::newRow("JSON array") << QByteArray(R"([{"type":"pong"}])") << ErrorCode::BadJson;
    QTest::newRow("missing type") << QByteArray(R"({"room":"general"})") << bad;
    QTest::newRow("type number") << QByteArray(R"({"type":1})") << bad;
    QTest::newRow("future type") << QByteArray(R"({"type":"reaction","emoji":"+1"})")
                                 << ErrorCode::UnknownType;
    QTest::newRow("client type") << QByteArray(R"({"type":"say","room":"a","text":"b"})")
                                 << ErrorCode::UnknownType;
    QTest::newRow("re number") << QByteArray(R"({"type":"pong","re":5})") << bad;
    QTest::newRow("welcome without session") << QByteArray(
        R"({"type":"welcome","protocol":1,"server":"s","nick":"a","limits":{"maxText":1,"maxBytes":1,"ratePerSec":1,"burst":1}})")
                                             << bad;
    QTest::newRow("welcome without limits")
        << QByteArray(R"({"type":"welcome","protocol":1,"server":"s","nick":"a","session":"t"})")
        << bad;
    QTest::newRow("welcome limits not an object") << QByteArray(
        R"({"type":"welcome","protocol":1,"server":"s","nick":"a","session":"t","limits":[]})")
                                                  << bad;
    QTest::newRow("welcome limits.burst string") << QByteArray(
        R"({"type":"welcome","protocol":1,"server":"s","nick":"a","session":"t","limits":{"maxText":1,"maxBytes":1,"ratePerSec":1,"burst":"20"}})")
                                                 << bad;
    QTest::newRow("welcome protocol string") << QByteArray(
        R"({"type":"welcome","protocol":"1","server":"s","nick":"a","session":"t","limits":{"maxText":1,"maxBytes":1,"ratePerSec":1,"burst":1}})")
                                             << bad;
    QTest::newRow("joined without members")
        << QByteArray(R"({"type":"joined","room":"r","count":0})") << bad;
    QTest::newRow("joined members not strings")
        << QByteArray(R"({"type":"joined","room":"r","count":1,"members":[1]})") << bad;
    QTest::newRow("joined count fractional")
        << QByteArray(R"({"type":"joined","room":"r","count":1.5,"members":[]})") << bad;
    QTest::newRow("left without room") << QByteArray(R"({"type":"left"})") << bad;
    QTest::newRow("message without seq")
        << QByteArray(R"({"type":"message","room":"r","from":"a","text":"t","ts":1})") << bad;
    QTest::newRow("message seq string")
        << QByteArray(R"({"type":"message","room":"r","seq":"1","from":"a","text":"t","ts":1})")
        << bad;
    QTest::newRow("message seq negative")
        << QByteArray(R"({"type":"message","room":"r","seq":-1,"from":"a","text":"t","ts":1})")
        << bad;
    QTest::newRow("message ts 1e300")
        << QByteArray(R"({"type":"message","room":"r","seq":1,"from":"a","text":"t","ts":1e300})")
        << bad;
    QTest::newRow("message text null")
        << QByteArray(R"({"type":"message","room":"r","seq":1,"from":"a","text":null,"ts":1})")
        << bad;
    QTest::newRow("message text lone surrogate")
        << QByteArray(R"({"type":"message","room":"r","seq":1,"from":"a","text":"\ud800","ts":1})")
        << bad;
    QTest::newRow("history messages not an array")
        << QByteArray(R"({"type":"history","room":"r","messages":{}})") << bad;
    QTest::newRow("history element not an object")
        << QByteArray(R"({"type":"history","room":"r","messages":[1]})") << bad;
    QTest::newRow("history element without seq") << QByteArray(
        R"({"type":"history","room":"r","messages":[{"room":"r","from":"a","text":"t","ts":1}]})")
                                                 << bad;
    QTest::newRow("whisper without to")
        << QByteArray(R"({"type":"whisper","from":"a","text":"t","ts":1})") << bad;
    QTest::newRow("presence unknown event")
        << QByteArray(R"({"type":"presence","room":"r","event":"dance","nick":"a"})") << bad;
    QTest::newRow("presence join without nick")
        << QByteArray(R"({"type":"presence","room":"r","event":"join"})") << bad;
    QTest::newRow("presence count without count")
        << QByteArray(R"({"type":"presence","room":"r","event":"count"})") << bad;
    QTest::newRow("presence old number")
        << QByteArray(R"({"type":"presence","room":"r","event":"nick","nick":"a","old":2})") << bad;
    QTest::newRow("typing on string")
        << QByteArray(R"({"type":"typing","room":"r","nick":"a","on":"yes"})") << bad;
    QTest::newRow("rooms element without name")
        << QByteArray(R"({"type":"rooms","rooms":[{"members":1}]})") << bad;
    QTest::newRow("rooms missing") << QByteArray(R"({"type":"rooms"})") << bad;
    QTest::newRow("pong t string") << QByteArray(R"({"type":"pong","t":"x"})") << bad;
    QTest::newRow("notice without ts")
        << QByteArray(R"({"type":"notice","text":"hi","from":"server"})") << bad;
    QTest::newRow("notice without text")
        << QByteArray(R"({"type":"notice","from":"server","ts":1})") << bad;
    QTest::newRow("error without code") << QByteArray(R"({"type":"error","message":"m"})") << bad;
    QTest::newRow("error without message")
        << QByteArray(R"({"type":"error","code":"internal"})") << bad;
}

void TstProtocol::serverRejects()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, code);
    const ServerDecodeResult result = decodeServer(frame);
    const auto *error = std::get_if<DecodeError>(&result);
    QVERIFY2(error, "the frame was accepted");
    QVERIFY2(error->code == code, qPrintable(describe(*error)));
    QVERIFY(!error->message.isEmpty());
}

void TstProtocol::serverLenient()
{
    // A newer server may add optional fields and error codes: the client keeps working.
    const auto message = decodeServer(QByteArray(
        R"({"type":"message","room":"r","seq":3,"from":"a","text":"t","ts":1,"edited":false,"reactions":[]})"));
    QVERIFY(std::holds_alternative<ServerMessage>(message));
    QCOMPARE(std::get<server::Message>(std::get<ServerMessage>(message)).seq, 3);

    const auto future
        = decodeServer(QByteArray(R"({"type":"error","code":"exiled","message":"Go away."})"));
    QVERIFY(std::holds_alternative<ServerMessage>(future));
    const auto &error = std::get<server::Error>(std::get<ServerMessage>(future));
    QCOMPARE(error.code, ErrorCode::Internal);
    QCOMPARE(error.message, QStringLiteral("Go away."));

    // `from` of a notice defaults to "server"; the presence `old` is optional.
    const auto notice = decodeServer(QByteArray(R"({"type":"notice","text":"hi","ts":2})"));
    QVERIFY(std::holds_alternative<ServerMessage>(notice));
    QCOMPARE(std::get<server::Notice>(std::get<ServerMessage>(notice)).from,
             QStringLiteral("server"));
    // ... and so does an empty one (encode() leaves an empty `from` out, so it must read back
    // the same: found by fuzz_codec, a notice with "from":"").
    const auto blank
        = decodeServer(QByteArray(R"({"type":"notice","text":"hi","from":"","ts":2})"));
    QVERIFY(std::holds_alternative<ServerMessage>(blank));
    const auto &blankNotice = std::get<server::Notice>(std::get<ServerMessage>(blank));
    QCOMPARE(blankNotice.from, QStringLiteral("server"));
    QVERIFY(encode(std::get<ServerMessage>(blank)).contains(R"("from":"server")"));

    // The unknown-type error names the type, so the client can log and ignore it.
    const auto unknown = decodeServer(QByteArray(R"({"type":"reaction","re":"x"})"));
    QVERIFY(std::holds_alternative<DecodeError>(unknown));
    QCOMPARE(std::get<DecodeError>(unknown).type, QStringLiteral("reaction"));
    QCOMPARE(std::get<DecodeError>(unknown).re, QStringLiteral("x"));
}

void TstProtocol::stringOverloadsMatchBytes()
{
    const QString good
        = QStringLiteral(R"({"type":"say","id":"x","room":"general","text":"Zoë 😀"})");
    const auto fromString = decodeClient(good);
    const auto fromBytes = decodeClient(good.toUtf8());
    QVERIFY(std::holds_alternative<ClientMessage>(fromString));
    QVERIFY(sameMessage(std::get<ClientMessage>(fromString), std::get<ClientMessage>(fromBytes)));

    const auto bad = decodeClient(QStringLiteral("[1]"));
    QVERIFY(std::holds_alternative<DecodeError>(bad));
    QCOMPARE(std::get<DecodeError>(bad).code, ErrorCode::BadJson);

    const QString pong = QStringLiteral(R"({"type":"pong","t":5})");
    const auto serverFromString = decodeServer(pong);
    QVERIFY(std::holds_alternative<ServerMessage>(serverFromString));
    QVERIFY(sameMessage(std::get<ServerMessage>(serverFromString),
                        std::get<ServerMessage>(decodeServer(pong.toUtf8()))));
}

void TstProtocol::encodingIsCompactUtf8()
{
    const QByteArray wire = encode(
        ServerMessage(server::Message {{}, "general", 1, "Zoë", "Дмитрий says 李雷 " + Emoji, 1}));
    QVERIFY(!wire.contains('\n'));
    QVERIFY(!wire.contains(": "));
    QVERIFY(!wire.contains(", "));
    // Non-ASCII text travels as UTF-8, not as \u escapes (smaller frames, readable logs).
    QVERIFY(wire.contains("\"from\":\"Zo\xc3\xab\""));
    QVERIFY(wire.contains("\xf0\x9f\x98\x80"));
    QVERIFY(!wire.contains("\\u"));
    // Absent optional fields are absent, not null or "".
    QVERIFY(!wire.contains("\"re\""));
    QVERIFY(!encode(ClientMessage(client::Hello {{}, "a", {}, {}})).contains("agent"));
    QVERIFY(!encode(ClientMessage(client::Hello {{}, "a", {}, {}})).contains("resume"));
    QVERIFY(!encode(ClientMessage(client::Say {{}, "general", "x"})).contains("\"id\""));
    QVERIFY(!encode(ClientMessage(client::History {{}, "r", std::nullopt, std::nullopt, 50}))
                 .contains("limit"));
    QVERIFY(encode(ClientMessage(client::History {{}, "r", std::nullopt, std::nullopt, 49}))
                .contains("\"limit\":49"));
    QVERIFY(!encode(ServerMessage(server::Pong {})).contains("\"t\""));
    QVERIFY(!encode(ServerMessage(server::Notice {"x", "server", {}, 1, {}})).contains("room"));
    QVERIFY(!encode(ServerMessage(server::Notice {"x", "server", {}, 1, {}})).contains("\"to\""));
    QVERIFY(
        !encode(ServerMessage(server::Presence {{}, "r", server::PresenceEvent::Join, "a", {}, 0}))
             .contains("old"));
    QVERIFY(!encode(ServerMessage(server::Typing {"r", "a", true})).contains("\"re\""));
}

void TstProtocol::integersStayIntegers()
{
    // seq and ts are JSON integers, never 1.7639e+12: JavaScript and Python read them exactly.
    const QByteArray wire = encode(ServerMessage(
        server::Message {{}, "general", 9007199254740991LL, "a", "t", 1763900000123LL}));
    QVERIFY2(wire.contains("\"seq\":9007199254740991"), wire.constData());
    QVERIFY2(wire.contains("\"ts\":1763900000123"), wire.constData());
    const QByteArray welcome = encode(ServerMessage(server::Welcome {}));
    QVERIFY2(welcome.contains("\"maxBytes\":65536"), welcome.constData());
    QVERIFY2(welcome.contains("\"protocol\":1"), welcome.constData());
}

void TstProtocol::encoderEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quote and backslash") << R"(say "hi" \o/ C:\path)";
    QTest::newRow("slash") << "a/b</script>";
    QTest::newRow("all C0 controls") << [] {
        QString s;
        for (char16_t c = 0; c < 0x20; ++c)
            s += QChar(c);
        return s + "x";
    }();
    QTest::newRow("DEL and C1") << QStringLiteral("\u007f\u0085\u009f");
    QTest::newRow("line and paragraph separators") << QStringLiteral("a\u2028b\u2029c");
    QTest::newRow("bidi override") << QStringLiteral("\u202eevil");
    QTest::newRow("BOM and noncharacter") << QStringLiteral("\ufeff\uffff");
    QTest::newRow("astral") << Emoji + astral(0x10FFFD);
    QTest::newRow("many scripts") << "Zoë Дмитрий 李雷 سارة " + CombiningE;
}

void TstProtocol::encoderEscapes()
{
    // The writer is hand-made (speed): whatever the text, Qt's own parser reads back the
    // same string, and the frame is one line of valid UTF-8.
    QFETCH(QString, text);
    const QByteArray wire
        = encode(ServerMessage(server::Message {"r", "general", 1, text, text, 2}));
    QVERIFY2(!wire.contains('\n'), wire.constData());
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decodedText = utf8(wire);
    QVERIFY(!utf8.hasError());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(wire, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value("text").toString(), text);
    QCOMPARE(doc.object().value("from").toString(), text);

    const QByteArray clientWire = encode(ClientMessage(client::Whisper {"w", "bob", text}));
    QCOMPARE(QJsonDocument::fromJson(clientWire).object().value("text").toString(), text);
}

void TstProtocol::typeComesFirst()
{
    // Not required by JSON, but people read these frames in wscat and the inspectors.
    QVERIFY(encode(ServerMessage(server::Message {"x", "general", 1, "a", "b", 2}))
                .startsWith(R"({"type":"message","re":"x",)"));
    QVERIFY(encode(ClientMessage(client::Say {"x", "general", "b"}))
                .startsWith(R"({"type":"say","id":"x",)"));
    QCOMPARE(encode(ServerMessage(server::Left {{}, "general"})),
             QByteArray(R"({"type":"left","room":"general"})"));
}

void TstProtocol::encoderNeverEmitsInvalidJson()
{
    // A lone surrogate cannot be written as UTF-8: QString::toUtf8() turns it into '?', never
    // broken bytes (the server sanitises text anyway; this guards every other string).
    const QString lone = "a" + QString(QChar(0xd800)) + "b";
    const QByteArray wire
        = encode(ServerMessage(server::Message {{}, "general", 1, lone, lone, 2}));
    const auto decoded = decodeServer(wire);
    QVERIFY(std::holds_alternative<ServerMessage>(decoded));
    const auto &m = std::get<server::Message>(std::get<ServerMessage>(decoded));
    QCOMPARE(m.text, QStringLiteral("a?b"));

    // U+FEFF survives anywhere in a string (Qt's parser drops it raw at a string's start).
    const QString bom = QStringLiteral("\ufeffhi\ufeff");
    const QByteArray bomWire = encode(ClientMessage(client::Say {{}, "general", bom}));
    QVERIFY2(bomWire.contains("\\ufeffhi\\ufeff"), bomWire.constData());
    const auto bomDecoded = decodeClient(bomWire);
    QVERIFY(std::holds_alternative<ClientMessage>(bomDecoded));
    QCOMPARE(std::get<client::Say>(std::get<ClientMessage>(bomDecoded)).text, bom);
    // ... and the writer leaves other EF-led characters alone (U+FFFF is EF BF BF).
    QVERIFY(encode(ClientMessage(client::Say {{}, "g", QStringLiteral("\uffff\uef00")}))
                .contains("\xef\xbf\xbf\xee\xbc\x80"));

    // JSON has no NaN or infinity: such a t is written as null (and refused when read back).
    const QByteArray pong = encode(ServerMessage(server::Pong {{}, qQNaN()}));
    QCOMPARE(pong, QByteArray(R"({"type":"pong","t":null})"));
    QCOMPARE(encode(ClientMessage(client::Ping {{}, qInf()})),
             QByteArray(R"({"type":"ping","t":null})"));

    // An out-of-range ErrorCode (a cast gone wrong) still yields a valid frame.
    const QByteArray error = encode(ServerMessage(server::Error {{}, ErrorCode(999), "x"}));
    QCOMPARE(object(error).value("code").toString(), QStringLiteral("internal"));
}

void TstProtocol::presenceCountHasNoNick()
{
    const QJsonObject o = object(encode(ServerMessage(server::Presence {
        {}, "lecture", server::PresenceEvent::Count, "ignored", "ignored", 1001})));
    QCOMPARE(o.value("event").toString(), QStringLiteral("count"));
    QCOMPARE(o.value("count").toInt(), 1001);
    QVERIFY(!o.contains("nick"));
    QVERIFY(!o.contains("old"));
}

// --- error codes ---------------------------------------------------------------------------

void TstProtocol::errorCodeNames_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("bad_json") << ErrorCode::BadJson << "bad_json";
    QTest::newRow("bad_message") << ErrorCode::BadMessage << "bad_message";
    QTest::newRow("unknown_type") << ErrorCode::UnknownType << "unknown_type";
    QTest::newRow("not_welcomed") << ErrorCode::NotWelcomed << "not_welcomed";
    QTest::newRow("already_welcomed") << ErrorCode::AlreadyWelcomed << "already_welcomed";
    QTest::newRow("bad_nick") << ErrorCode::BadNick << "bad_nick";
    QTest::newRow("nick_taken") << ErrorCode::NickTaken << "nick_taken";
    QTest::newRow("bad_room") << ErrorCode::BadRoom << "bad_room";
    QTest::newRow("not_in_room") << ErrorCode::NotInRoom << "not_in_room";
    QTest::newRow("no_such_user") << ErrorCode::NoSuchUser << "no_such_user";
    QTest::newRow("too_long") << ErrorCode::TooLong << "too_long";
    QTest::newRow("empty") << ErrorCode::Empty << "empty";
    QTest::newRow("rate_limited") << ErrorCode::RateLimited << "rate_limited";
    QTest::newRow("binary_unsupported") << ErrorCode::BinaryUnsupported << "binary_unsupported";
    QTest::newRow("server_full") << ErrorCode::ServerFull << "server_full";
    QTest::newRow("internal") << ErrorCode::Internal << "internal";
    // Class control (appended).
    QTest::newRow("bad_code") << ErrorCode::BadCode << "bad_code";
    QTest::newRow("banned") << ErrorCode::Banned << "banned";
    QTest::newRow("muted") << ErrorCode::Muted << "muted";
    QTest::newRow("room_locked") << ErrorCode::RoomLocked << "room_locked";
    QTest::newRow("locked") << ErrorCode::Locked << "locked";
}

void TstProtocol::errorCodeNames()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QCOMPARE(errorCodeName(code), name);
    QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(code));
    QVERIFY(!errorCodeFromName(name.toUpper()).has_value());
    QVERIFY(allErrorCodes().contains(code));
}

void TstProtocol::errorCodeNamesAreComplete()
{
    const QList<ErrorCode> codes = allErrorCodes();
    QCOMPARE(codes.size(), 21);
    QSet<QString> names;
    for (int i = 0; i < codes.size(); ++i) {
        QCOMPARE(int(codes.at(i)), i); // declaration order
        names.insert(errorCodeName(codes.at(i)));
    }
    QCOMPARE(names.size(), 21);
    QVERIFY(!errorCodeFromName(QString()).has_value());
    QVERIFY(!errorCodeFromName(QStringLiteral("kicked")).has_value());
    QVERIFY(!errorCodeFromName(QStringLiteral("bad_json ")).has_value());
}

void TstProtocol::errorMessagesCarryEveryCode_data()
{
    QTest::addColumn<ErrorCode>("code");
    for (ErrorCode code : allErrorCodes())
        QTest::newRow(qPrintable(errorCodeName(code))) << code;
}

void TstProtocol::errorMessagesCarryEveryCode()
{
    QFETCH(ErrorCode, code);
    // Codes the codec cannot produce (not_welcomed, nick_taken, rate_limited, ...) come from
    // the server's state; they still travel in `error` messages the client must understand.
    for (const QString &re : {QString(), QStringLiteral("req-1")}) {
        const server::Error error = makeError(code, re);
        QCOMPARE(error.code, code);
        QCOMPARE(error.re, re);
        QVERIFY2(error.message.endsWith('.'), qPrintable(error.message));
        const QByteArray wire = encode(ServerMessage(error));
        const QJsonObject o = object(wire);
        QCOMPARE(o.value("code").toString(), errorCodeName(code));
        QCOMPARE(o.contains("re"), !re.isEmpty());
        const ServerDecodeResult decoded = decodeServer(wire);
        QVERIFY(std::holds_alternative<ServerMessage>(decoded));
        QVERIFY(sameMessage(std::get<ServerMessage>(decoded), ServerMessage(error)));
    }
    if (!codecCanProduce(code))
        return;
    // The codec produces this code for some frame in clientRejects; check one here too.
    static const QHash<ErrorCode, QByteArray> sample {
        {ErrorCode::BadJson, "nope"},
        {ErrorCode::BadMessage, R"({"type":"join"})"},
        {ErrorCode::UnknownType, R"({"type":"dance"})"},
        {ErrorCode::BadNick, R"({"type":"nick","nick":"a b"})"},
        {ErrorCode::BadRoom, R"({"type":"join","room":"A"})"},
        {ErrorCode::NoSuchUser, R"({"type":"whisper","to":"!","text":"x"})"},
        {ErrorCode::TooLong,
         R"({"type":"hello","nick":"a","agent":")" + QByteArray(65, 'a') + "\"}"},
        {ErrorCode::Empty, R"({"type":"say","room":"r","text":""})"},
    };
    const ClientDecodeResult result = decodeClient(sample.value(code));
    QVERIFY(std::holds_alternative<DecodeError>(result));
    QCOMPARE(std::get<DecodeError>(result).code, code);
}

void TstProtocol::makeErrorKeepsGivenSentence()
{
    const server::Error e = makeError(ErrorCode::NickTaken, "h", "Alice is already here.");
    QCOMPARE(e.message, QStringLiteral("Alice is already here."));
    QCOMPARE(e.re, QStringLiteral("h"));
    QVERIFY(makeError(ErrorCode::NickTaken).message != makeError(ErrorCode::BadNick).message);
}

void TstProtocol::typeNames()
{
    const QStringList clientNames {"hello",  "join",    "leave", "say",   "whisper",
                                   "typing", "history", "nick",  "rooms", "ping"};
    const QList<ClientMessage> clientMessages {
        client::Hello {},   client::Join {},   client::Leave {},   client::Say {},
        client::Whisper {}, client::Typing {}, client::History {}, client::Nick {},
        client::Rooms {},   client::Ping {}};
    QCOMPARE(std::variant_size_v<ClientMessage>, std::size_t(clientNames.size()));
    for (int i = 0; i < clientNames.size(); ++i) {
        QCOMPARE(typeName(clientMessages.at(i)), clientNames.at(i));
        QCOMPARE(object(encode(clientMessages.at(i))).value("type").toString(), clientNames.at(i));
    }

    const QStringList serverNames {"welcome", "joined",   "left",     "message", "history",
                                   "whisper", "presence", "typing",   "rooms",   "pong",
                                   "notice",  "error",    "transport"};
    const QList<ServerMessage> serverMessages {
        server::Welcome {},  server::Joined {},  server::Left {},     server::Message {},
        server::History {},  server::Whisper {}, server::Presence {}, server::Typing {},
        server::Rooms {},    server::Pong {},    server::Notice {},   server::Error {},
        server::Transport {}};
    QCOMPARE(std::variant_size_v<ServerMessage>, std::size_t(serverNames.size()));
    for (int i = 0; i < serverNames.size(); ++i) {
        QCOMPARE(typeName(serverMessages.at(i)), serverNames.at(i));
        QCOMPARE(object(encode(serverMessages.at(i))).value("type").toString(), serverNames.at(i));
    }
}

// --- the shared rules (names.h) -------------------------------------------------------------

void TstProtocol::nickRules_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << "alice" << true;
    QTest::newRow("one letter") << "a" << true;
    QTest::newRow("digits only") << "2024" << true;
    QTest::newRow("arabic-indic digit") << QStringLiteral("\u0663") << true;
    QTest::newRow("punctuation allowed") << "a.b_c-d" << true;
    QTest::newRow("Zoë") << "Zoë" << true;
    QTest::newRow("Дмитрий") << "Дмитрий" << true;
    QTest::newRow("李雷") << "李雷" << true;
    QTest::newRow("greek") << "Αλέξανδρος" << true;
    QTest::newRow("arabic") << "سارة" << true;
    QTest::newRow("devanagari with spacing marks") << "प्रिया" << true;
    QTest::newRow("e + combining acute") << CombiningE << true;
    QTest::newRow("24 code points") << QString(24, 'n') << true;
    QTest::newRow("24 astral letters") << repeated(BoldA, 24) << true;
    QTest::newRow("23 letters + astral") << QString(23, 'n') + BoldA << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("25 code points") << QString(25, 'n') << false;
    QTest::newRow("25 astral letters") << repeated(BoldA, 25) << false;
    QTest::newRow("24 letters + astral") << QString(24, 'n') + BoldA << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("leading space") << " a" << false;
    QTest::newRow("tab") << "a\tb" << false;
    QTest::newRow("newline") << "a\nb" << false;
    QTest::newRow("at sign") << "a@b" << false;
    QTest::newRow("angle brackets") << "<b>" << false;
    QTest::newRow("emoji") << Emoji << false;
    QTest::newRow("zero-width joiner") << QStringLiteral("a\u200db") << false;
    QTest::newRow("bidi override") << QStringLiteral("a\u202eb") << false;
    QTest::newRow("server") << "server" << false;
    QTest::newRow("Server") << "Server" << false;
    QTest::newRow("SYSTEM") << "SYSTEM" << false;
    QTest::newRow("system") << "system" << false;
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << false;
}

void TstProtocol::nickRules()
{
    QFETCH(QString, nick);
    QFETCH(bool, valid);
    QCOMPARE(isValidNick(nick), valid);
    const auto problem = nickProblem(nick);
    QCOMPARE(problem.has_value(), !valid);
    if (problem)
        QVERIFY(!problem->isEmpty());
}

void TstProtocol::nickKeyIsCaseInsensitive()
{
    QCOMPARE(nickKey("Alice"), nickKey("aLICE"));
    QCOMPARE(nickKey("ZOË"), nickKey("zoë"));
    QCOMPARE(nickKey("ДМИТРИЙ"), nickKey("дмитрий"));
    QVERIFY(nickKey("alice") != nickKey("alice2"));
}

void TstProtocol::roomRules_data()
{
    QTest::addColumn<QString>("room");
    QTest::addColumn<bool>("valid");
    QTest::newRow("general") << "general" << true;
    QTest::newRow("digits, _ and -") << "room_2-b" << true;
    QTest::newRow("one character") << "x" << true;
    QTest::newRow("32 characters") << QString(32, 'r') << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("33 characters") << QString(33, 'r') << false;
    QTest::newRow("uppercase") << "General" << false;
    QTest::newRow("space") << "my room" << false;
    QTest::newRow("dot") << "a.b" << false;
    QTest::newRow("hash") << "#general" << false;
    QTest::newRow("accented") << "café" << false;
    QTest::newRow("cyrillic") << "комната" << false;
    QTest::newRow("emoji") << Emoji << false;
}

void TstProtocol::roomRules()
{
    QFETCH(QString, room);
    QFETCH(bool, valid);
    QCOMPARE(isValidRoom(room), valid);
    QCOMPARE(roomProblem(room).has_value(), !valid);
}

void TstProtocol::idRule()
{
    QVERIFY(isValidId("a"));
    QVERIFY(isValidId(QString(64, 'i')));
    QVERIFY(isValidId(repeated(Emoji, 64)));
    QVERIFY(!isValidId(QString()));
    QVERIFY(!isValidId(QString(65, 'i')));
    QVERIFY(!isValidId(repeated(Emoji, 65)));
}

void TstProtocol::textRule_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem"); // -1 = fine, else an ErrorCode
    QTest::newRow("one character") << "x" << -1;
    QTest::newRow("4000 characters") << QString(4000, 'x') << -1;
    QTest::newRow("4000 emoji") << repeated(Emoji, 4000) << -1;
    QTest::newRow("4000 plus blanks") << "\n " + QString(4000, 'x') + " \t" << -1;
    QTest::newRow("4001 characters") << QString(4001, 'x') << int(ErrorCode::TooLong);
    QTest::newRow("4001 emoji") << repeated(Emoji, 4001) << int(ErrorCode::TooLong);
    QTest::newRow("empty") << "" << int(ErrorCode::Empty);
    QTest::newRow("spaces") << "     " << int(ErrorCode::Empty);
    QTest::newRow("newlines and tabs") << "\n\t\r\n" << int(ErrorCode::Empty);
}

void TstProtocol::textRule()
{
    QFETCH(QString, text);
    QFETCH(int, problem);
    const auto p = textProblem(text);
    QCOMPARE(p.has_value() ? int(*p) : -1, problem);
}

void TstProtocol::sanitizeText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");
    QTest::newRow("plain") << "hello"
                           << "hello";
    QTest::newRow("newline and tab kept") << "a\nb\tc"
                                          << "a\nb\tc";
    QTest::newRow("NUL removed") << QString::fromUtf16(u"a\u0000b", 3) << "ab";
    QTest::newRow("C0 controls removed")
        << QStringLiteral("a\u0001\u0007\u0008\u000b\u000c\u001b[31mb") << "a[31mb";
    QTest::newRow("carriage return removed") << "a\r\nb"
                                             << "a\nb";
    QTest::newRow("DEL and C1 removed") << QStringLiteral("a\u007f\u0085\u009fb") << "ab";
    QTest::newRow("bidi overrides removed")
        << QStringLiteral("a\u202a\u202b\u202c\u202d\u202eb") << "ab";
    QTest::newRow("bidi isolates removed") << QStringLiteral("a\u2066\u2067\u2068\u2069b") << "ab";
    QTest::newRow("neighbours of the bidi ranges kept")
        << QStringLiteral("a\u2029\u202f\u2065\u206ab")
        << QStringLiteral("a\u2029\u202f\u2065\u206ab");
    QTest::newRow("right-to-left mark kept")
        << QStringLiteral("a\u200fb") << QStringLiteral("a\u200fb");
    QTest::newRow("trimmed") << "  \n hi \t "
                             << "hi";
    QTest::newRow("emoji and scripts kept") << "Zoë 李雷 " + Emoji << "Zoë 李雷 " + Emoji;
    QTest::newRow("markup kept literally") << "<b>x</b>"
                                           << "<b>x</b>";
    QTest::newRow("lone surrogate replaced") << "a" + QString(QChar(0xd800)) + "b"
                                             << "a" + QString(QChar::ReplacementCharacter) + "b";
    QTest::newRow("controls only") << QStringLiteral("\u0001\u0002") << "";
}

void TstProtocol::sanitizeText()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    QCOMPARE(duplex::proto::sanitizeText(input), stored);
}

void TstProtocol::codePointLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("length");
    QTest::newRow("empty") << "" << 0;
    QTest::newRow("ascii") << "abc" << 3;
    QTest::newRow("Latin-1") << "Zoë" << 3;
    QTest::newRow("CJK") << "李雷" << 2;
    QTest::newRow("emoji counts once") << Emoji << 1;
    QTest::newRow("combining mark counts separately") << CombiningE << 2;
    QTest::newRow("1000 emoji") << repeated(Emoji, 1000) << 1000;
    QTest::newRow("lone high surrogate") << QString(QChar(0xd800)) << 1;
    QTest::newRow("lone high surrogate then letter") << QString(QChar(0xd800)) + "a" << 2;
    QTest::newRow("reversed pair") << QString(QChar(0xde00)) + QChar(0xd83d) << 2;
}

void TstProtocol::codePointLength()
{
    QFETCH(QString, text);
    QFETCH(int, length);
    QCOMPARE(duplex::proto::codePointLength(text), length);
}

// --- hostile input -------------------------------------------------------------------------

void TstProtocol::invalidUtf8IsBadJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("0xff 0xfe in text") << QByteArray("\xff\xfe");
    QTest::newRow("lone continuation byte") << QByteArray("a\x80z");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
    QTest::newRow("truncated sequence") << QByteArray("\xe2\x82");
    QTest::newRow("encoded surrogate (CESU-8)") << QByteArray("\xed\xa0\x80");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
    QTest::newRow("Latin-1 e-acute") << QByteArray("caf\xe9");
}

void TstProtocol::invalidUtf8IsBadJson()
{
    // Qt's parser refuses invalid UTF-8 inside strings (IllegalUTF8String) rather than
    // replacing it; the codec turns that into bad_json. Pinned so a Qt upgrade that starts
    // substituting U+FFFD is noticed.
    QFETCH(QByteArray, bytes);
    const QByteArray inText = R"({"type":"say","room":"general","text":")" + bytes + "\"}";
    const QByteArray inKey = "{\"type\":\"say\",\"" + bytes + R"(":1,"room":"general","text":"x"})";
    const QByteArray bare = "{\"type\":\"say\"," + bytes + "}";
    for (const QByteArray &frame : {inText, inKey, bare}) {
        const ClientDecodeResult result = decodeClient(frame);
        QVERIFY(std::holds_alternative<DecodeError>(result));
        QCOMPARE(std::get<DecodeError>(result).code, ErrorCode::BadJson);
        const ServerDecodeResult server = decodeServer(frame);
        QVERIFY(std::holds_alternative<DecodeError>(server));
        QCOMPARE(std::get<DecodeError>(server).code, ErrorCode::BadJson);
        QCOMPARE(duplex::proto::peekType(frame),
                 QStringLiteral("say")); // logs still show what it claimed
    }
}

void TstProtocol::deepNestingIsRefused_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("1 MiB of [") << QByteArray(1 << 20, '[');
    QTest::newRow("1 MiB of {") << QByteArray(1 << 20, '{');
    QByteArray objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    QTest::newRow("100000 nested objects") << objects;
    QTest::newRow("2000 nested arrays in a field")
        << R"({"type":"rooms","x":)" + QByteArray(2000, '[') + QByteArray(2000, ']') + "}";
    QTest::newRow("1 MiB of ] and }") << QByteArray(1 << 19, ']') + QByteArray(1 << 19, '}');
}

void TstProtocol::deepNestingIsRefused()
{
    QFETCH(QByteArray, frame);
    const ClientDecodeResult result = decodeClient(frame);
    QVERIFY(std::holds_alternative<DecodeError>(result));
    QCOMPARE(std::get<DecodeError>(result).code, ErrorCode::BadJson);
    const ServerDecodeResult server = decodeServer(frame);
    QVERIFY(std::holds_alternative<DecodeError>(server));
    QCOMPARE(std::get<DecodeError>(server).code, ErrorCode::BadJson);
    QVERIFY(duplex::proto::peekType(frame).isEmpty()
            || duplex::proto::peekType(frame) == QStringLiteral("rooms"));

    // Qt's parser allows 1024 levels (the frame's object counts as one); an ignored field
    // nested up to that is fine, one level more is bad_json.
    const auto nested = [](int depth) {
        return R"({"type":"rooms","x":)" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
    };
    QVERIFY(std::holds_alternative<ClientMessage>(decodeClient(nested(1023))));
    const ClientDecodeResult tooDeep = decodeClient(nested(1024));
    QVERIFY(std::holds_alternative<DecodeError>(tooDeep));
    QCOMPARE(std::get<DecodeError>(tooDeep).code, ErrorCode::BadJson);
}

void TstProtocol::peekType_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("type");
    QTest::newRow("simple") << QByteArray(R"({"type":"say","room":"general","text":"x"})") << "say";
    QTest::newRow("type last") << QByteArray(R"({"room":"general","text":"x","type":"say"})")
                               << "say";
    QTest::newRow("spaces") << QByteArray(" { \"type\" :\n \"ping\" } ") << "ping";
    QTest::newRow("nested type ignored")
        << QByteArray(R"({"a":{"type":"evil"},"b":[{"type":"evil"}],"type":"join"})") << "join";
    QTest::newRow("type inside a string ignored")
        << QByteArray(R"({"text":"\",\"type\":\"evil","type":"say"})") << "say";
    QTest::newRow("numbers, booleans and null before")
        << QByteArray(R"({"a":1.5e3,"b":true,"c":null,"d":-2,"type":"rooms"})") << "rooms";
    QTest::newRow("escaped type") << QByteArray(R"({"type":"s\u0061y"})") << "say";
    QTest::newRow("non-ASCII type") << QByteArray("{\"type\":\"Zo\xc3\xab\"}") << "Zoë";
    QTest::newRow("server frame") << encode(ServerMessage(server::Message {})) << "message";
    QTest::newRow("type number") << QByteArray(R"({"type":1})") << "";
    QTest::newRow("type missing") << QByteArray(R"({"room":"general"})") << "";
    QTest::newRow("array") << QByteArray(R"([{"type":"say"}])") << "";
    QTest::newRow("empty") << QByteArray() << "";
    QTest::newRow("not JSON") << QByteArray("type say") << "";
    QTest::newRow("truncated before value") << QByteArray(R"({"type":)") << "";
    QTest::newRow("truncated inside value") << QByteArray(R"({"type":"sa)") << "";
    QTest::newRow("truncated inside nested") << QByteArray(R"({"a":[[[{"b":)") << "";
    QTest::newRow("unterminated string key") << QByteArray(R"({"typ)") << "";
    QTest::newRow("backslash at the very end") << QByteArray(R"({"type":"a\)") << "";
    QTest::newRow("missing colon") << QByteArray(R"({"type" "say"})") << "";
}

void TstProtocol::peekType()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, type);
    QCOMPARE(duplex::proto::peekType(frame), type);
}

void TstProtocol::fuzzNeverCrashes()
{
    // A deterministic fuzz: valid frames of every type, mutated (bit flips, inserted and
    // deleted bytes, truncation, splices) and pure random bytes. Nothing may crash, every
    // error carries a code and a sentence, and whatever is accepted re-encodes to itself.
    QList<QByteArray> corpus;
    for (const QByteArray &f :
         {QByteArray(R"({"type":"hello","id":"h","nick":"Zoë","agent":"x","resume":"t"})"),
          QByteArray(R"({"type":"join","room":"general"})"),
          QByteArray(R"({"type":"leave","id":"1","room":"general"})"),
          QByteArray(R"({"type":"say","room":"general","text":"hi \ud83d\ude00 there"})"),
          QByteArray(R"({"type":"whisper","to":"bob","text":"psst"})"),
          QByteArray(R"({"type":"typing","room":"general","on":true})"),
          QByteArray(R"({"type":"history","room":"general","before":10,"after":2,"limit":5})"),
          QByteArray(R"({"type":"nick","nick":"Дмитрий"})"), QByteArray(R"({"type":"rooms"})"),
          QByteArray(R"({"type":"ping","t":1.5})")})
        corpus.append(f);
    for (const ServerMessage &m : QList<ServerMessage> {
             server::Welcome {}, server::Joined {"j", "general", 2, {"a", "b"}}, server::Left {},
             server::Message {"m", "general", 1, "a", "b", 2},
             server::History {{}, "r", {{{}, "r", 1, "a", "b", 2}}}, server::Whisper {},
             server::Presence {{}, "r", server::PresenceEvent::Nick, "n", "o", 0},
             server::Typing {}, server::Rooms {{}, {{"general", 3}}}, server::Pong {{}, 1.0},
             server::Notice {"n", "server", "r", 1, {}}, makeError(ErrorCode::Internal)})
        corpus.append(encode(m));

    // Every valid corpus frame: peekType agrees with the real parser.
    for (const QByteArray &f : corpus)
        QCOMPARE(duplex::proto::peekType(f), object(f).value("type").toString());

    static const char alphabet[]
        = "{}[]\":,\\ \nu0123456789eE.-+truefalsnl\xff\xc3\xa9\xed\xa0\x80";
    QRandomGenerator rng(20261123);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray f;
        const int kind = rng.bounded(6);
        if (kind == 0) {
            f.resize(rng.bounded(64));
            for (char &c : f)
                c = char(rng.bounded(256));
        } else {
            f = corpus.at(rng.bounded(corpus.size()));
            const int edits = 1 + rng.bounded(4);
            for (int e = 0; e < edits && !f.isEmpty(); ++e) {
                const int pos = rng.bounded(f.size());
                switch (rng.bounded(5)) {
                case 0: f[pos] = char(f.at(pos) ^ (1 << rng.bounded(8))); break;
                case 1: f.insert(pos, alphabet[rng.bounded(int(sizeof alphabet) - 1)]); break;
                case 2: f.remove(pos, 1 + rng.bounded(3)); break;
                case 3: f.truncate(pos); break;
                case 4:
                    f.insert(pos, corpus.at(rng.bounded(corpus.size())).mid(rng.bounded(20)));
                    break;
                }
            }
        }

        const ClientDecodeResult c = decodeClient(f);
        if (const auto *error = std::get_if<DecodeError>(&c)) {
            QVERIFY2(codecCanProduce(error->code), f.toHex().constData());
            QVERIFY(!error->message.isEmpty());
        } else {
            ++accepted;
            const ClientMessage &m = std::get<ClientMessage>(c);
            const ClientDecodeResult again = decodeClient(encode(m));
            QVERIFY2(std::holds_alternative<ClientMessage>(again), f.toHex().constData());
            QVERIFY2(sameMessage(std::get<ClientMessage>(again), m), f.toHex().constData());
        }
        const ServerDecodeResult s = decodeServer(f);
        if (const auto *error = std::get_if<DecodeError>(&s)) {
            QVERIFY(!error->message.isEmpty());
        } else {
            const ServerMessage &m = std::get<ServerMessage>(s);
            const ServerDecodeResult again = decodeServer(encode(m));
            QVERIFY2(std::holds_alternative<ServerMessage>(again), f.toHex().constData());
            QVERIFY2(sameMessage(std::get<ServerMessage>(again), m), f.toHex().constData());
        }
        (void)duplex::proto::peekType(f);
    }
    // The mutations are mild enough that some frames still decode: the accept path is
    // exercised too, not only the rejections.
    QVERIFY2(accepted > 200, qPrintable(QString::number(accepted)));
}

QTEST_GUILESS_MAIN(TstProtocol)
#include "tst_protocol.moc"
