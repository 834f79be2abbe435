// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Duplex wire protocol v1: every message as a plain struct, in one header.
//
// This is the catalogue. Rules: only append (new message types, new optional fields);
// never change the meaning of an existing one (see shared/design/protocol-v1.md and
// docs/protocol.md). codec.cpp is the only file that knows the JSON keys.

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <variant>

namespace duplex::proto {

/// The protocol version sent in `welcome`.
inline constexpr int Version = 1;
/// The optional WebSocket subprotocol; the server selects it when offered.
inline constexpr char Subprotocol[] = "duplex.v1";
/// The room every new session joins.
inline constexpr char DefaultRoom[] = "general";
/// The `from` of operator notices.
inline constexpr char ServerSender[] = "server";

/// Limits and defaults of the contract. Sizes in characters are Unicode code points.
namespace limits {
inline constexpr int NickMax = 24;
inline constexpr int RoomMax = 32;
inline constexpr int TextMax = 4000;
inline constexpr int IdMax = 64;
inline constexpr int AgentMax = 64;
inline constexpr qint64 DefaultMaxBytes = 64 * 1024; ///< per frame and per message
inline constexpr double DefaultRatePerSec = 10.0;
inline constexpr int DefaultBurst = 20;
inline constexpr int FloodCloseFactor = 5; ///< close 1008 past 5x burst
inline constexpr int HistoryDefault = 50;
inline constexpr int HistoryMax = 200;
inline constexpr int JoinHistory = 50;          ///< messages sent after a join
inline constexpr int LargeRoomThreshold = 1000; ///< members listed up to this
inline constexpr int ResumeGraceMs = 120 * 1000;
inline constexpr int PingIntervalMs = 15 * 1000;
inline constexpr int PeerTimeoutMs = 45 * 1000;
inline constexpr int DedupWindowMs = 10 * 60 * 1000;
inline constexpr int MaxClients = 10000;
inline constexpr quint16 DefaultPort = 8080;
} // namespace limits

/// WebSocket close codes the protocol uses.
namespace close {
inline constexpr quint16 Normal = 1000;
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 PolicyViolation = 1008; ///< flood, or too slow a reader
inline constexpr quint16 TooBig = 1009;
inline constexpr quint16 TryAgainLater = 1013; ///< server full
inline constexpr quint16 TakenOver = 4000;     ///< a resume took the session over
inline constexpr quint16 Kicked = 4001;
inline constexpr quint16 Locked = 4002; ///< class control: the server takes no new sessions
inline constexpr quint16 Banned = 4003; ///< class control: nick or address banned for a while
} // namespace close

/// Every error code of the contract.
enum class ErrorCode {
    BadJson,
    BadMessage,
    UnknownType,
    NotWelcomed,
    AlreadyWelcomed,
    BadNick,
    NickTaken,
    BadRoom,
    NotInRoom,
    NoSuchUser,
    TooLong,
    Empty,
    RateLimited,
    BinaryUnsupported,
    ServerFull,
    Internal,
    // Class control (protocol-v1.md, "Class control"; appended, the order above is kept).
    BadCode,
    Banned,
    Muted,
    RoomLocked,
    Locked,
};

/// The wire name, e.g. ErrorCode::BadJson -> "bad_json".
QString errorCodeName(ErrorCode code);
/// The inverse of errorCodeName(); std::nullopt for a name the contract does not have.
std::optional<ErrorCode> errorCodeFromName(const QString &name);
/// Every code, in declaration order (for tests and UIs).
QList<ErrorCode> allErrorCodes();

// ---------------------------------------------------------------------------------------
// Client -> server. `id` is the optional request id (empty when absent).
// ---------------------------------------------------------------------------------------
namespace client {

struct Hello {
    QString id;
    QString nick;
    QString agent;     ///< optional, <= 64 characters
    QString resume;    ///< optional resume token from a previous welcome
    QString code = {}; ///< optional join code (class control)
};

struct Join {
    QString id;
    QString room;
};

struct Leave {
    QString id;
    QString room;
};

struct Say {
    QString id;
    QString room;
    QString text;
};

struct Whisper {
    QString id;
    QString to;
    QString text;
};

struct Typing {
    QString id;
    QString room;
    bool on = false;
};

struct History {
    QString id;
    QString room;
    std::optional<qint64> before;
    std::optional<qint64> after;
    int limit = limits::HistoryDefault;
};

struct Nick {
    QString id;
    QString nick;
};

struct Rooms {
    QString id;
};

struct Ping {
    QString id;
    std::optional<double> t;
};

} // namespace client

using ClientMessage
    = std::variant<client::Hello, client::Join, client::Leave, client::Say, client::Whisper,
                   client::Typing, client::History, client::Nick, client::Rooms, client::Ping>;

// ---------------------------------------------------------------------------------------
// Server -> client. `re` echoes the id of the request that caused it (empty when none).
// ---------------------------------------------------------------------------------------
namespace server {

struct Limits {
    int maxText = limits::TextMax;
    qint64 maxBytes = limits::DefaultMaxBytes;
    double ratePerSec = limits::DefaultRatePerSec; ///< 0 = unlimited
    int burst = limits::DefaultBurst;
};

struct Welcome {
    QString re;
    int protocol = Version;
    QString server; ///< display name
    QString nick;
    QString session; ///< resume token
    Limits limits;
};

struct Joined {
    QString re;
    QString room;
    int count = 0;
    QStringList members; ///< empty when count > the large-room threshold
};

struct Left {
    QString re;
    QString room;
};

/// A room message. Also the element type of History::messages.
struct Message {
    QString re;
    QString room;
    qint64 seq = 0;
    QString from;
    QString text;
    qint64 ts = 0;
    bool dup = false; ///< the sender's copy of a deduplicated resend (never in history)
};

struct History {
    QString re;
    QString room;
    QList<Message> messages; ///< ascending seq; elements carry no `re`
};

struct Whisper {
    QString re;
    QString from;
    QString to;
    QString text;
    qint64 ts = 0;
    bool dup = false; ///< the sender's copy of a deduplicated resend
};

enum class PresenceEvent { Join, Leave, Nick, Count };

struct Presence {
    QString re;
    QString room;
    PresenceEvent event = PresenceEvent::Join;
    QString nick;  ///< the (new) nick; empty for Count
    QString old;   ///< Nick only: the previous nick
    int count = 0; ///< Count only
};

struct Typing {
    QString room;
    QString nick;
    bool on = false;
};

struct RoomInfo {
    QString name;
    int members = 0;
};

struct Rooms {
    QString re;
    QList<RoomInfo> rooms;
};

struct Pong {
    QString re;
    std::optional<double> t;
};

struct Notice {
    QString text;
    QString from = QString::fromLatin1(ServerSender);
    QString room; ///< optional: set when pushed to one room
    qint64 ts = 0;
    QString to; ///< optional: the recipient's nick when pushed to one client (private)
};

struct Error {
    QString re;
    ErrorCode code = ErrorCode::Internal;
    QString message; ///< a human sentence
    // Optional fields of some codes (absent when 0 / false):
    qint64 until = 0;      ///< banned: end of the ban (ms since the epoch)
    qint64 retryAfter = 0; ///< rate_limited in slow mode: ms until the next message is taken
    bool held = false;     ///< nick_taken: the nick is held for a dropped session's resume
};

/// The server asks the client to switch transports (protocol-v1-http.md, "Switching a
/// whole class"): mode "push", "poll" or "long-poll"; interval: the poll period in ms for
/// "poll". Optional for clients: one that does not understand it ignores it.
struct Transport {
    QString mode;
    int interval = 0;
};

} // namespace server

using ServerMessage
    = std::variant<server::Welcome, server::Joined, server::Left, server::Message, server::History,
                   server::Whisper, server::Presence, server::Typing, server::Rooms, server::Pong,
                   server::Notice, server::Error, server::Transport>;

} // namespace duplex::proto
