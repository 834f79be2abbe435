// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The body of `POST /v1/poll` (protocol-v1-http.md, "HTTP polling transport"), parsed by a
// pure function: bytes in, a request or a reason out. No engine, no sockets: the fuzzer and
// the unit tests call it directly.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace duplex::server {

/// The longest a poll may be held (ms); a larger `wait` is cut to it.
inline constexpr int MaxPollWaitMs = 30000;

struct PollRequest {
    QString session;           ///< resume token; empty on a first poll
    QList<QByteArray> send;    ///< each message of `send`, as compact JSON, in order
    std::optional<qint64> ack; ///< the highest `n` the client has received
    int waitMs = 0;            ///< 0: short poll; otherwise held up to this (<= MaxPollWaitMs)
};

/// Why a body is refused (answered with 400): a human sentence.
struct PollRequestError {
    QString message;
};

using PollParseResult = std::variant<PollRequest, PollRequestError>;

/// Parses a poll body: one JSON object with optional `session` (string), `send` (array;
/// each element is handed on as JSON text, whatever it is: a bad message inside `send` is
/// answered like over WebSocket, not with 400), `ack` (integer >= 0) and `wait` (integer
/// ms >= 0; above MaxPollWaitMs it is cut). Unknown fields are ignored. Never throws.
PollParseResult parsePollRequest(QByteArrayView body);

} // namespace duplex::server
