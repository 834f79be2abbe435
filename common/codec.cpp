// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "codec.h"

#include "names.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>

#include <array>
#include <limits>

// This file is the only place that knows the JSON keys of protocol v1. The server calls
// decodeClient() once per inbound frame and encode() once per broadcast, so both stay lean:
// Latin-1 keys (no QString allocation per lookup), no regular expressions, one pass per
// string field.

namespace duplex::proto {

namespace {

using L1 = QLatin1String;

/// The largest integer a JSON number can carry exactly in every common JSON library
/// (JavaScript's Number.MAX_SAFE_INTEGER + 1): the upper bound of `before` / `after`.
constexpr qint64 MaxSafeInteger = qint64(1) << 53;

struct CodeName {
    ErrorCode code;
    const char *name;
    const char *sentence;
};

// Declaration order of ErrorCode; errorCodeName() indexes this table.
constexpr std::array<CodeName, 21> codeTable {{
    {ErrorCode::BadJson, "bad_json",
     QT_TRANSLATE_NOOP("duplex", "The frame is not a JSON object.")},
    {ErrorCode::BadMessage, "bad_message",
     QT_TRANSLATE_NOOP("duplex", "A field is missing or has the wrong kind of value.")},
    {ErrorCode::UnknownType, "unknown_type",
     QT_TRANSLATE_NOOP("duplex", "The server does not know this message type.")},
    {ErrorCode::NotWelcomed, "not_welcomed",
     QT_TRANSLATE_NOOP("duplex", "Say hello first: the first message must be 'hello'.")},
    {ErrorCode::AlreadyWelcomed, "already_welcomed",
     QT_TRANSLATE_NOOP("duplex", "This connection has already said hello.")},
    {ErrorCode::BadNick, "bad_nick", QT_TRANSLATE_NOOP("duplex", "This nickname is not allowed.")},
    {ErrorCode::NickTaken, "nick_taken",
     QT_TRANSLATE_NOOP("duplex", "Someone connected already uses this nickname.")},
    {ErrorCode::BadRoom, "bad_room", QT_TRANSLATE_NOOP("duplex", "This room name is not allowed.")},
    {ErrorCode::NotInRoom, "not_in_room", QT_TRANSLATE_NOOP("duplex", "You are not in this room.")},
    {ErrorCode::NoSuchUser, "no_such_user",
     QT_TRANSLATE_NOOP("duplex", "No one with this nickname is connected.")},
    {ErrorCode::TooLong, "too_long", QT_TRANSLATE_NOOP("duplex", "The text is too long.")},
    {ErrorCode::Empty, "empty", QT_TRANSLATE_NOOP("duplex", "The text is empty.")},
    {ErrorCode::RateLimited, "rate_limited",
     QT_TRANSLATE_NOOP("duplex", "Too many messages: this one was dropped. Slow down a little.")},
    {ErrorCode::BinaryUnsupported, "binary_unsupported",
     QT_TRANSLATE_NOOP("duplex", "Binary frames are not supported: send JSON in text frames.")},
    {ErrorCode::ServerFull, "server_full",
     QT_TRANSLATE_NOOP("duplex", "The server is full. Try again later.")},
    {ErrorCode::Internal, "internal",
     QT_TRANSLATE_NOOP("duplex", "The server failed and did not carry out the request.")},
    {ErrorCode::BadCode, "bad_code",
     QT_TRANSLATE_NOOP("duplex", "The join code is missing or wrong. Ask your teacher for it.")},
    {ErrorCode::Banned, "banned",
     QT_TRANSLATE_NOOP("duplex", "You were removed from this server for a while.")},
    {ErrorCode::Muted, "muted",
     QT_TRANSLATE_NOOP("duplex", "You are muted: your messages are not sent.")},
    {ErrorCode::RoomLocked, "room_locked",
     QT_TRANSLATE_NOOP("duplex", "This room is locked: nobody new can join it.")},
    {ErrorCode::Locked, "locked",
     QT_TRANSLATE_NOOP("duplex", "The server is locked: nobody new can join.")},
}};

constexpr bool codeTableInDeclarationOrder()
{
    for (std::size_t i = 0; i < codeTable.size(); ++i) {
        if (codeTable[i].code != ErrorCode(i))
            return false;
    }
    return true;
}
static_assert(codeTableInDeclarationOrder(), "codeTable must follow the order of ErrorCode");
static_assert(codeTable.size() == std::size_t(ErrorCode::Locked) + 1,
              "a new ErrorCode needs a row in codeTable");

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex", text);
}

/// True when every surrogate in s is part of a valid pair. A lone surrogate can come from
/// a JSON escape such as "\ud800"; it is not text and must not reach storage or peers.
bool isWellFormed(const QString &s)
{
    const QChar *p = s.constData();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!p[i].isSurrogate())
            continue;
        if (p[i].isHighSurrogate() && i + 1 < n && p[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

/// Keeps error sentences short even when a peer sends a 60 KiB `type`.
QString elided(const QString &s)
{
    constexpr int Max = 64;
    if (s.size() <= Max)
        return s;
    qsizetype cut = Max;
    if (s.at(cut - 1).isHighSurrogate())
        --cut;
    return s.left(cut) + QChar(0x2026);
}

/// Reads fields of one JSON object; the first failure is recorded in `error` and every
/// reader returns false from then on, so callers can simply chain them.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object)
        : m_object(object)
    {
    }

    DecodeError error;

    bool fail(ErrorCode code, const QString &message)
    {
        error.code = code;
        error.message = message;
        return false;
    }

    bool badField(const char *key, const char *sentence)
    {
        return fail(ErrorCode::BadMessage, tr(sentence).arg(L1(key)));
    }

    QJsonValue value(const char *key) const { return m_object.value(L1(key)); }

    /// A string field; absent -> missing unless optional. Lone surrogates are refused.
    bool string(const char *key, QString *out, bool required = true)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (!required)
                return true;
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' is missing."));
        }
        if (!v.isString())
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' must be a string."));
        *out = v.toString();
        if (!isWellFormed(*out))
            return badField(key,
                            QT_TRANSLATE_NOOP("duplex", "Field '%1' is not valid Unicode text."));
        return true;
    }

    bool boolean(const char *key, bool *out, bool required = true)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() && !required)
            return true;
        if (v.isUndefined())
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' is missing."));
        if (!v.isBool())
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' must be true or false."));
        *out = v.toBool();
        return true;
    }

    /// Any JSON number.
    bool number(const char *key, std::optional<double> *out, bool required)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (!required)
                return true;
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' is missing."));
        }
        if (!v.isDouble())
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' must be a number."));
        *out = v.toDouble();
        return true;
    }

    /// An integral JSON number in [min, max]. 1.5, 1e300 and strings are refused.
    bool integer(const char *key, std::optional<qint64> *out, qint64 min, qint64 max, bool required)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (!required)
                return true;
            return badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' is missing."));
        }
        bool ok = v.isDouble();
        // toInteger() yields the default for non-integral or out-of-range doubles; min - 1
        // cannot collide with a valid value because every caller's min is > INT64_MIN.
        const qint64 i = ok ? v.toInteger(min - 1) : 0;
        ok = ok && i >= min && i <= max;
        if (!ok) {
            return fail(ErrorCode::BadMessage,
                        tr("Field '%1' must be a whole number from %2 to %3.")
                            .arg(L1(key))
                            .arg(min)
                            .arg(max));
        }
        *out = i;
        return true;
    }

    bool integer(const char *key, qint64 *out, qint64 min, qint64 max)
    {
        std::optional<qint64> v;
        if (!integer(key, &v, min, max, true))
            return false;
        *out = *v;
        return true;
    }

    bool integer(const char *key, int *out, int min, int max)
    {
        qint64 v = 0;
        if (!integer(key, &v, min, max))
            return false;
        *out = int(v);
        return true;
    }

private:
    const QJsonObject &m_object;
};

enum class ClientType { Hello, Join, Leave, Say, Whisper, Typing, History, Nick, Rooms, Ping };
enum class ServerType {
    Welcome,
    Joined,
    Left,
    Message,
    History,
    Whisper,
    Presence,
    Typing,
    Rooms,
    Pong,
    Notice,
    Error,
    Transport
};

constexpr std::array<const char *, 10> clientTypeNames {
    "hello", "join", "leave", "say", "whisper", "typing", "history", "nick", "rooms", "ping"};
constexpr std::array<const char *, 13> serverTypeNames {
    "welcome", "joined", "left", "message", "history", "whisper",  "presence",
    "typing",  "rooms",  "pong", "notice",  "error",   "transport"};
constexpr std::array<const char *, 4> presenceEventNames {"join", "leave", "nick", "count"};
// The name tables are indexed by the variants' index(): a new message needs its name here.
static_assert(clientTypeNames.size() == std::variant_size_v<ClientMessage>);
static_assert(serverTypeNames.size() == std::variant_size_v<ServerMessage>);
static_assert(presenceEventNames.size() == std::size_t(server::PresenceEvent::Count) + 1);

template<std::size_t N> int indexOf(const std::array<const char *, N> &names, const QString &s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (s == L1(names[i]))
            return int(i);
    }
    return -1;
}

/// Parses a frame into an object, or fills `error` with bad_json.
bool parseObject(QByteArrayView utf8, QJsonObject *out, DecodeError *error)
{
    // fromRawData avoids copying the frame; the document does not outlive this call.
    const QByteArray raw = QByteArray::fromRawData(utf8.data(), utf8.size());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error->code = ErrorCode::BadJson;
        error->message = tr("The frame is not valid JSON (%1 at byte %2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        error->code = ErrorCode::BadJson;
        error->message = tr("The frame must be a JSON object.");
        return false;
    }
    *out = doc.object();
    return true;
}

/// Reads the common envelope: `type` into error->type, then the request `id`.
/// Returns the type index or -1 with `reader.error` filled.
template<std::size_t N>
int readEnvelope(FieldReader &reader, const std::array<const char *, N> &names, const char *idKey,
                 QString *id, bool strictId)
{
    const QJsonValue typeValue = reader.value("type");
    const bool typeIsString = typeValue.isString();
    if (typeIsString)
        reader.error.type = typeValue.toString();

    const QJsonValue idValue = reader.value(idKey);
    if (!idValue.isUndefined()) {
        if (!idValue.isString()) {
            reader.badField(idKey, QT_TRANSLATE_NOOP("duplex", "Field '%1' must be a string."));
            return -1;
        }
        const QString s = idValue.toString();
        if (strictId && (!isValidId(s) || !isWellFormed(s))) {
            reader.fail(
                ErrorCode::BadMessage,
                tr("Field 'id' must be a string of 1 to %1 characters.").arg(limits::IdMax));
            return -1;
        }
        *id = s;
        reader.error.re = s;
    }

    if (typeValue.isUndefined()) {
        reader.badField("type", QT_TRANSLATE_NOOP("duplex", "Field '%1' is missing."));
        return -1;
    }
    if (!typeIsString) {
        reader.badField("type", QT_TRANSLATE_NOOP("duplex", "Field '%1' must be a string."));
        return -1;
    }
    const int index = indexOf(names, reader.error.type);
    if (index < 0) {
        reader.fail(ErrorCode::UnknownType,
                    tr("Unknown message type '%1'.").arg(elided(reader.error.type)));
    }
    return index;
}

// --- client -> server decoding -----------------------------------------------------------

bool readRoom(FieldReader &r, QString *room)
{
    if (!r.string("room", room))
        return false;
    if (auto problem = roomProblem(*room))
        return r.fail(ErrorCode::BadRoom, *problem);
    return true;
}

bool readNick(FieldReader &r, QString *nick)
{
    if (!r.string("nick", nick))
        return false;
    if (auto problem = nickProblem(*nick))
        return r.fail(ErrorCode::BadNick, *problem);
    return true;
}

bool readText(FieldReader &r, QString *text)
{
    if (!r.string("text", text))
        return false;
    if (auto code = textProblem(*text)) {
        if (*code == ErrorCode::Empty)
            return r.fail(*code, tr("The text is empty."));
        return r.fail(*code, tr("The text has more than %1 characters.").arg(limits::TextMax));
    }
    return true;
}

ClientDecodeResult decodeClientObject(const QJsonObject &object)
{
    FieldReader r(object);
    QString id;
    const int type = readEnvelope(r, clientTypeNames, "id", &id, true);
    if (type < 0)
        return r.error;

    switch (ClientType(type)) {
    case ClientType::Hello: {
        client::Hello m {id, {}, {}, {}};
        if (!readNick(r, &m.nick) || !r.string("agent", &m.agent, false)
            || !r.string("resume", &m.resume, false) || !r.string("code", &m.code, false))
            return r.error;
        if (codePointLength(m.agent) > limits::AgentMax) {
            r.fail(ErrorCode::TooLong,
                   tr("Field 'agent' has at most %1 characters.").arg(limits::AgentMax));
            return r.error;
        }
        return m;
    }
    case ClientType::Join: {
        client::Join m {id, {}};
        if (!readRoom(r, &m.room))
            return r.error;
        return m;
    }
    case ClientType::Leave: {
        client::Leave m {id, {}};
        if (!readRoom(r, &m.room))
            return r.error;
        return m;
    }
    case ClientType::Say: {
        client::Say m {id, {}, {}};
        if (!readRoom(r, &m.room) || !readText(r, &m.text))
            return r.error;
        return m;
    }
    case ClientType::Whisper: {
        client::Whisper m {id, {}, {}};
        if (!r.string("to", &m.to))
            return r.error;
        if (!isValidNick(m.to)) {
            // No connected user can carry a name that is not a valid nick.
            r.fail(ErrorCode::NoSuchUser,
                   tr("No one called \"%1\" is connected.").arg(elided(m.to)));
            return r.error;
        }
        if (!readText(r, &m.text))
            return r.error;
        return m;
    }
    case ClientType::Typing: {
        client::Typing m {id, {}, false};
        if (!readRoom(r, &m.room) || !r.boolean("on", &m.on))
            return r.error;
        return m;
    }
    case ClientType::History: {
        client::History m;
        m.id = id;
        std::optional<qint64> limit;
        if (!readRoom(r, &m.room) || !r.integer("before", &m.before, 0, MaxSafeInteger, false)
            || !r.integer("after", &m.after, 0, MaxSafeInteger, false)
            || !r.integer("limit", &limit, 1, limits::HistoryMax, false))
            return r.error;
        if (limit)
            m.limit = int(*limit);
        return m;
    }
    case ClientType::Nick: {
        client::Nick m {id, {}};
        if (!readNick(r, &m.nick))
            return r.error;
        return m;
    }
    case ClientType::Rooms: return client::Rooms {id};
    case ClientType::Ping: {
        client::Ping m {id, std::nullopt};
        if (!r.number("t", &m.t, false))
            return r.error;
        return m;
    }
    }
    return r.error; // not reached: every type is handled above
}

// --- server -> client decoding -----------------------------------------------------------

constexpr qint64 IntMax = std::numeric_limits<int>::max();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

bool readMessageFields(FieldReader &r, server::Message *m)
{
    return r.string("room", &m->room) && r.integer("seq", &m->seq, 0, Int64Max)
        && r.string("from", &m->from) && r.string("text", &m->text)
        && r.integer("ts", &m->ts, 0, Int64Max);
}

bool arrayField(FieldReader &r, const char *key, QJsonArray *out)
{
    const QJsonValue v = r.value(key);
    if (v.isUndefined())
        return r.badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' is missing."));
    if (!v.isArray())
        return r.badField(key, QT_TRANSLATE_NOOP("duplex", "Field '%1' must be an array."));
    *out = v.toArray();
    return true;
}

/// Reads an array of objects, each through `readOne`; a bad element fails the whole frame.
template<typename T, typename ReadOne>
bool objectArray(FieldReader &r, const char *key, QList<T> *out, ReadOne readOne)
{
    QJsonArray array;
    if (!arrayField(r, key, &array))
        return false;
    out->reserve(array.size());
    for (const QJsonValue element : array) {
        if (!element.isObject()) {
            return r.badField(key,
                              QT_TRANSLATE_NOOP("duplex", "Field '%1' must hold JSON objects."));
        }
        const QJsonObject object = element.toObject();
        FieldReader inner(object);
        T item;
        if (!readOne(inner, &item)) {
            r.error.code = inner.error.code;
            r.error.message = inner.error.message;
            return false;
        }
        out->append(std::move(item));
    }
    return true;
}

ServerDecodeResult decodeServerObject(const QJsonObject &object)
{
    FieldReader r(object);
    QString re;
    const int type = readEnvelope(r, serverTypeNames, "re", &re, false);
    if (type < 0)
        return r.error;

    switch (ServerType(type)) {
    case ServerType::Welcome: {
        server::Welcome m;
        m.re = re;
        const QJsonValue limitsValue = r.value("limits");
        if (!r.integer("protocol", &m.protocol, 0, int(IntMax)) || !r.string("server", &m.server)
            || !r.string("nick", &m.nick) || !r.string("session", &m.session))
            return r.error;
        if (!limitsValue.isObject()) {
            r.badField("limits", QT_TRANSLATE_NOOP("duplex", "Field '%1' must be a JSON object."));
            return r.error;
        }
        const QJsonObject limitsObject = limitsValue.toObject();
        FieldReader l(limitsObject);
        std::optional<double> rate;
        if (!l.integer("maxText", &m.limits.maxText, 1, int(IntMax))
            || !l.integer("maxBytes", &m.limits.maxBytes, 1, Int64Max)
            || !l.number("ratePerSec", &rate, true)
            || !l.integer("burst", &m.limits.burst, 0, int(IntMax))) {
            r.error.code = l.error.code;
            r.error.message = l.error.message;
            return r.error;
        }
        m.limits.ratePerSec = *rate;
        return m;
    }
    case ServerType::Joined: {
        server::Joined m;
        m.re = re;
        QJsonArray members;
        if (!r.string("room", &m.room) || !r.integer("count", &m.count, 0, int(IntMax))
            || !arrayField(r, "members", &members))
            return r.error;
        m.members.reserve(members.size());
        for (const QJsonValue member : members) {
            if (!member.isString()) {
                r.badField("members", QT_TRANSLATE_NOOP("duplex", "Field '%1' must hold strings."));
                return r.error;
            }
            m.members.append(member.toString());
        }
        return m;
    }
    case ServerType::Left: {
        server::Left m {re, {}};
        if (!r.string("room", &m.room))
            return r.error;
        return m;
    }
    case ServerType::Message: {
        server::Message m;
        m.re = re;
        // `dup` is written (the sender's copy of a resend) but not part of the decoded
        // catalogue, like any field a client does not act on (tests/golden/frames.json).
        if (!readMessageFields(r, &m))
            return r.error;
        return m;
    }
    case ServerType::History: {
        server::History m;
        m.re = re;
        if (!r.string("room", &m.room)
            || !objectArray(r, "messages", &m.messages, readMessageFields))
            return r.error;
        return m;
    }
    case ServerType::Whisper: {
        server::Whisper m;
        m.re = re;
        if (!r.string("from", &m.from) || !r.string("to", &m.to) || !r.string("text", &m.text)
            || !r.integer("ts", &m.ts, 0, Int64Max))
            return r.error;
        return m;
    }
    case ServerType::Presence: {
        server::Presence m;
        m.re = re;
        QString event;
        if (!r.string("room", &m.room) || !r.string("event", &event))
            return r.error;
        const int e = indexOf(presenceEventNames, event);
        if (e < 0) {
            r.fail(ErrorCode::BadMessage, tr("Unknown presence event '%1'.").arg(elided(event)));
            return r.error;
        }
        m.event = server::PresenceEvent(e);
        if (m.event == server::PresenceEvent::Count) {
            if (!r.integer("count", &m.count, 0, int(IntMax)))
                return r.error;
        } else if (!r.string("nick", &m.nick) || !r.string("old", &m.old, false)) {
            return r.error;
        }
        return m;
    }
    case ServerType::Typing: {
        server::Typing m;
        if (!r.string("room", &m.room) || !r.string("nick", &m.nick) || !r.boolean("on", &m.on))
            return r.error;
        return m;
    }
    case ServerType::Rooms: {
        server::Rooms m;
        m.re = re;
        const auto readRoomInfo = [](FieldReader &inner, server::RoomInfo *info) {
            return inner.string("name", &info->name)
                && inner.integer("members", &info->members, 0, int(IntMax));
        };
        if (!objectArray(r, "rooms", &m.rooms, readRoomInfo))
            return r.error;
        return m;
    }
    case ServerType::Pong: {
        server::Pong m {re, std::nullopt};
        if (!r.number("t", &m.t, false))
            return r.error;
        return m;
    }
    case ServerType::Notice: {
        server::Notice m;
        if (!r.string("text", &m.text) || !r.string("from", &m.from, false)
            || !r.string("room", &m.room, false) || !r.string("to", &m.to, false)
            || !r.integer("ts", &m.ts, 0, Int64Max))
            return r.error;
        if (m.from.isEmpty()) // absent or "": the server (encode() leaves "" out)
            m.from = QString::fromLatin1(ServerSender);
        return m;
    }
    case ServerType::Error: {
        server::Error m;
        m.re = re;
        QString code;
        if (!r.string("code", &code) || !r.string("message", &m.message))
            return r.error;
        // Class control's optional fields, read for the codes that carry them (an unknown
        // code keeps only its sentence).
        std::optional<qint64> until;
        std::optional<qint64> retryAfter;
        const auto known = errorCodeFromName(code);
        if (known == ErrorCode::Banned && !r.integer("until", &until, 0, Int64Max, false))
            return r.error;
        if (known == ErrorCode::RateLimited
            && !r.integer("retryAfter", &retryAfter, 0, Int64Max, false))
            return r.error;
        if (known == ErrorCode::NickTaken && !r.boolean("held", &m.held, false))
            return r.error;
        m.until = until.value_or(0);
        m.retryAfter = retryAfter.value_or(0);
        // A later server may add codes (the contract only ever appends). The client still
        // shows the sentence, so an unknown code is read as `internal`, not as a bad frame.
        m.code = errorCodeFromName(code).value_or(ErrorCode::Internal);
        return m;
    }
    case ServerType::Transport: {
        server::Transport m;
        if (!r.string("mode", &m.mode) || !r.integer("interval", &m.interval, 0, int(IntMax)))
            return r.error;
        return m;
    }
    }
    return r.error; // not reached
}

// --- encoding ------------------------------------------------------------------------------

/// A minimal JSON writer for the encoder. QJsonObject + QJsonDocument cost about 3 us per
/// broadcast (a CBOR tree, key sorting, a second pass to text); writing the bytes directly
/// is several times cheaper, keeps `type` first for people reading frames, and always
/// produces valid UTF-8 (a lone surrogate becomes U+FFFD through QString::toUtf8()).
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 96) { m_out.reserve(reserve); }

    QByteArray take() { return std::move(m_out); }

    JsonWriter &open() { return begin('{'); }
    JsonWriter &close() { return end('}'); }
    JsonWriter &openArray() { return begin('['); }
    JsonWriter &closeArray() { return end(']'); }

    /// Starts a member: the next value call writes its value.
    JsonWriter &key(const char *name)
    {
        separate();
        m_out += '"';
        m_out += name;
        m_out += "\":";
        return *this;
    }
    /// Starts an array element.
    JsonWriter &item()
    {
        separate();
        return *this;
    }

    JsonWriter &value(const QString &s)
    {
        appendEscaped(s.toUtf8());
        return *this;
    }
    JsonWriter &value(const char *latin1) // only our own ASCII names: nothing to escape
    {
        m_out += '"';
        m_out += latin1;
        m_out += '"';
        return *this;
    }
    JsonWriter &value(qint64 i)
    {
        m_out += QByteArray::number(i);
        return *this;
    }
    JsonWriter &value(int i) { return value(qint64(i)); }
    JsonWriter &value(bool b)
    {
        m_out += b ? "true" : "false";
        return *this;
    }
    JsonWriter &value(double d)
    {
        // JSON has no NaN or infinity; Qt's own writer also writes null for them.
        if (qIsFinite(d))
            m_out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        else
            m_out += "null";
        return *this;
    }
    JsonWriter &value(const QStringList &strings)
    {
        openArray();
        for (const QString &s : strings)
            item().value(s);
        return closeArray();
    }

    /// `"key":value` only when the string is not empty (the contract omits empty optionals).
    JsonWriter &optional(const char *name, const QString &s)
    {
        if (!s.isEmpty())
            key(name).value(s);
        return *this;
    }

private:
    JsonWriter &begin(char c)
    {
        m_out += c;
        m_first = true;
        return *this;
    }
    JsonWriter &end(char c)
    {
        m_out += c;
        m_first = false;
        return *this;
    }
    void separate()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }

    void appendEscaped(const QByteArray &utf8)
    {
        static constexpr char hex[] = "0123456789abcdef";
        const char *p = utf8.constData();
        const qsizetype n = utf8.size();
        m_out += '"';
        qsizetype run = 0; // start of the bytes not yet copied
        for (qsizetype i = 0; i < n; ++i) {
            const auto c = static_cast<unsigned char>(p[i]);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0xef)
                continue;
            if (c == 0xef) {
                // U+FEFF (EF BB BF) is escaped: Qt's parser silently drops it, raw, at the
                // start of a string, so it would not survive the trip otherwise.
                if (i + 2 >= n || static_cast<unsigned char>(p[i + 1]) != 0xbb
                    || static_cast<unsigned char>(p[i + 2]) != 0xbf)
                    continue;
                m_out.append(p + run, i - run);
                m_out += "\\ufeff";
                i += 2;
                run = i + 1;
                continue;
            }
            m_out.append(p + run, i - run);
            run = i + 1;
            switch (c) {
            case '"': m_out += "\\\""; break;
            case '\\': m_out += "\\\\"; break;
            case '\n': m_out += "\\n"; break;
            case '\t': m_out += "\\t"; break;
            case '\r': m_out += "\\r"; break;
            case '\b': m_out += "\\b"; break;
            case '\f': m_out += "\\f"; break;
            default: {
                const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
                m_out.append(escape, sizeof escape);
            }
            }
        }
        m_out.append(p + run, n - run);
        m_out += '"';
    }

    QByteArray m_out;
    bool m_first = true;
};

/// `{"type":T` plus the optional id/re: the start of every frame.
JsonWriter &envelope(JsonWriter &w, const char *type, const char *idKey, const QString &id)
{
    return w.open().key("type").value(type).optional(idKey, id);
}

void messageBody(JsonWriter &w, const server::Message &m)
{
    w.key("room").value(m.room);
    w.key("seq").value(m.seq);
    w.key("from").value(m.from);
    w.key("text").value(m.text);
    w.key("ts").value(m.ts);
}

struct ClientEncoder {
    JsonWriter w;

    void operator()(const client::Hello &m)
    {
        envelope(w, "hello", "id", m.id).key("nick").value(m.nick);
        w.optional("agent", m.agent).optional("resume", m.resume).optional("code", m.code);
    }
    void operator()(const client::Join &m)
    {
        envelope(w, "join", "id", m.id).key("room").value(m.room);
    }
    void operator()(const client::Leave &m)
    {
        envelope(w, "leave", "id", m.id).key("room").value(m.room);
    }
    void operator()(const client::Say &m)
    {
        envelope(w, "say", "id", m.id).key("room").value(m.room);
        w.key("text").value(m.text);
    }
    void operator()(const client::Whisper &m)
    {
        envelope(w, "whisper", "id", m.id).key("to").value(m.to);
        w.key("text").value(m.text);
    }
    void operator()(const client::Typing &m)
    {
        envelope(w, "typing", "id", m.id).key("room").value(m.room);
        w.key("on").value(m.on);
    }
    void operator()(const client::History &m)
    {
        envelope(w, "history", "id", m.id).key("room").value(m.room);
        if (m.before)
            w.key("before").value(*m.before);
        if (m.after)
            w.key("after").value(*m.after);
        if (m.limit != limits::HistoryDefault)
            w.key("limit").value(m.limit);
    }
    void operator()(const client::Nick &m)
    {
        envelope(w, "nick", "id", m.id).key("nick").value(m.nick);
    }
    void operator()(const client::Rooms &m) { envelope(w, "rooms", "id", m.id); }
    void operator()(const client::Ping &m)
    {
        envelope(w, "ping", "id", m.id);
        if (m.t)
            w.key("t").value(*m.t);
    }
};

struct ServerEncoder {
    JsonWriter w;

    void operator()(const server::Welcome &m)
    {
        envelope(w, "welcome", "re", m.re).key("protocol").value(m.protocol);
        w.key("server").value(m.server);
        w.key("nick").value(m.nick);
        w.key("session").value(m.session);
        w.key("limits").open();
        w.key("maxText").value(m.limits.maxText);
        w.key("maxBytes").value(m.limits.maxBytes);
        w.key("ratePerSec").value(m.limits.ratePerSec);
        w.key("burst").value(m.limits.burst);
        w.close();
    }
    void operator()(const server::Joined &m)
    {
        envelope(w, "joined", "re", m.re).key("room").value(m.room);
        w.key("count").value(m.count);
        w.key("members").value(m.members);
    }
    void operator()(const server::Left &m)
    {
        envelope(w, "left", "re", m.re).key("room").value(m.room);
    }
    void operator()(const server::Message &m)
    {
        envelope(w, "message", "re", m.re);
        messageBody(w, m);
        if (m.dup)
            w.key("dup").value(true);
    }
    void operator()(const server::History &m)
    {
        envelope(w, "history", "re", m.re).key("room").value(m.room);
        w.key("messages").openArray();
        for (const server::Message &message : m.messages) {
            w.item().open();
            messageBody(w, message);
            w.close();
        }
        w.closeArray();
    }
    void operator()(const server::Whisper &m)
    {
        envelope(w, "whisper", "re", m.re).key("from").value(m.from);
        w.key("to").value(m.to);
        w.key("text").value(m.text);
        w.key("ts").value(m.ts);
        if (m.dup)
            w.key("dup").value(true);
    }
    void operator()(const server::Presence &m)
    {
        envelope(w, "presence", "re", m.re).key("room").value(m.room);
        w.key("event").value(presenceEventNames[std::size_t(m.event)]);
        if (m.event == server::PresenceEvent::Count) {
            w.key("count").value(m.count);
        } else {
            w.key("nick").value(m.nick);
            w.optional("old", m.old);
        }
    }
    void operator()(const server::Typing &m)
    {
        envelope(w, "typing", "re", QString()).key("room").value(m.room);
        w.key("nick").value(m.nick);
        w.key("on").value(m.on);
    }
    void operator()(const server::Rooms &m)
    {
        envelope(w, "rooms", "re", m.re).key("rooms").openArray();
        for (const server::RoomInfo &info : m.rooms) {
            w.item().open().key("name").value(info.name);
            w.key("members").value(info.members).close();
        }
        w.closeArray();
    }
    void operator()(const server::Pong &m)
    {
        envelope(w, "pong", "re", m.re);
        if (m.t)
            w.key("t").value(*m.t);
    }
    void operator()(const server::Notice &m)
    {
        envelope(w, "notice", "re", QString()).key("text").value(m.text);
        w.optional("from", m.from).optional("room", m.room).optional("to", m.to);
        w.key("ts").value(m.ts);
    }
    void operator()(const server::Error &m)
    {
        const auto i = std::size_t(m.code);
        const char *code = i < codeTable.size() ? codeTable[i].name : "internal";
        envelope(w, "error", "re", m.re).key("code").value(code);
        w.key("message").value(m.message);
        if (m.until > 0)
            w.key("until").value(m.until);
        if (m.retryAfter > 0)
            w.key("retryAfter").value(m.retryAfter);
        if (m.held)
            w.key("held").value(true);
    }
    void operator()(const server::Transport &m)
    {
        envelope(w, "transport", "re", QString()).key("mode").value(m.mode);
        w.key("interval").value(m.interval);
    }
};

// --- peekType: a tiny scanner, no DOM ------------------------------------------------------

/// Skips one JSON string starting at the opening quote; returns the index after the closing
/// quote, or -1 when the input ends first.
qsizetype skipString(const char *p, qsizetype n, qsizetype i)
{
    for (++i; i < n; ++i) {
        if (p[i] == '\\')
            ++i;
        else if (p[i] == '"')
            return i + 1;
    }
    return -1;
}

/// Skips one JSON value of any kind without recursion (deep nesting cannot overflow the
/// stack); returns the index after it, or -1 on malformed input.
qsizetype skipValue(const char *p, qsizetype n, qsizetype i)
{
    qsizetype depth = 0;
    while (i < n) {
        const char c = p[i];
        if (c == '"') {
            i = skipString(p, n, i);
            if (i < 0)
                return -1;
            if (depth == 0)
                return i;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; // end of the enclosing object: a scalar ended here
            if (--depth == 0)
                return i + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            return i;
        }
        ++i;
    }
    return depth == 0 ? i : -1;
}

qsizetype skipSpace(const char *p, qsizetype n, qsizetype i)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        ++i;
    return i;
}

} // namespace

// --- public API ----------------------------------------------------------------------------

QString errorCodeName(ErrorCode code)
{
    const auto i = std::size_t(code);
    return i < codeTable.size() ? QString::fromLatin1(codeTable[i].name) : QString();
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const CodeName &entry : codeTable) {
        if (name == L1(entry.name))
            return entry.code;
    }
    return std::nullopt;
}

QList<ErrorCode> allErrorCodes()
{
    QList<ErrorCode> codes;
    codes.reserve(qsizetype(codeTable.size()));
    for (const CodeName &entry : codeTable)
        codes.append(entry.code);
    return codes;
}

ClientDecodeResult decodeClient(QByteArrayView utf8)
{
    QJsonObject object;
    DecodeError error;
    if (!parseObject(utf8, &object, &error))
        return error;
    return decodeClientObject(object);
}

ClientDecodeResult decodeClient(const QByteArray &utf8)
{
    return decodeClient(QByteArrayView(utf8));
}

ClientDecodeResult decodeClient(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return decodeClient(QByteArrayView(utf8));
}

ServerDecodeResult decodeServer(QByteArrayView utf8)
{
    QJsonObject object;
    DecodeError error;
    if (!parseObject(utf8, &object, &error))
        return error;
    return decodeServerObject(object);
}

ServerDecodeResult decodeServer(const QByteArray &utf8)
{
    return decodeServer(QByteArrayView(utf8));
}

ServerDecodeResult decodeServer(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return decodeServer(QByteArrayView(utf8));
}

QByteArray encode(const ClientMessage &message)
{
    ClientEncoder encoder;
    std::visit(encoder, message);
    return encoder.w.close().take();
}

QByteArray encode(const ServerMessage &message)
{
    ServerEncoder encoder;
    std::visit(encoder, message);
    return encoder.w.close().take();
}

QString typeName(const ClientMessage &message)
{
    return QString::fromLatin1(clientTypeNames[message.index()]);
}

QString typeName(const ServerMessage &message)
{
    return QString::fromLatin1(serverTypeNames[message.index()]);
}

server::Error makeError(ErrorCode code, const QString &re, const QString &message)
{
    server::Error e;
    e.re = re;
    e.code = code;
    const auto i = std::size_t(code);
    e.message = !message.isEmpty() || i >= codeTable.size() ? message : tr(codeTable[i].sentence);
    return e;
}

QString peekType(QByteArrayView utf8)
{
    const char *p = utf8.data();
    const qsizetype n = utf8.size();
    qsizetype i = skipSpace(p, n, 0);
    if (i >= n || p[i] != '{')
        return {};
    ++i;
    while (true) {
        i = skipSpace(p, n, i);
        if (i >= n || p[i] != '"')
            return {};
        const qsizetype keyStart = i;
        i = skipString(p, n, i);
        if (i < 0)
            return {};
        const bool isType = QByteArrayView(p + keyStart, i - keyStart) == "\"type\"";
        i = skipSpace(p, n, i);
        if (i >= n || p[i] != ':')
            return {};
        i = skipSpace(p, n, i + 1);
        if (i >= n)
            return {};
        if (isType) {
            if (p[i] != '"')
                return {};
            const qsizetype end = skipString(p, n, i);
            if (end < 0)
                return {};
            const QByteArrayView inner(p + i + 1, end - i - 2);
            if (!inner.contains('\\'))
                return QString::fromUtf8(inner);
            // Escapes are rare in a type: let the real parser unescape that one string.
            const QJsonDocument doc
                = QJsonDocument::fromJson(QByteArray("[") + QByteArray(p + i, end - i) + ']');
            return doc.array().at(0).toString();
        }
        i = skipValue(p, n, i);
        if (i < 0)
            return {};
        i = skipSpace(p, n, i);
        if (i >= n || p[i] != ',')
            return {};
        ++i;
    }
}

} // namespace duplex::proto
