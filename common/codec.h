// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The one place that knows the JSON encoding of protocol v1.

#include "protocol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <variant>

namespace duplex::proto {

/// Why a frame could not be decoded: a contract error code plus a human sentence.
struct DecodeError {
    ErrorCode code = ErrorCode::BadMessage;
    QString message; ///< a human sentence, e.g. "Field 'room' must be a string."
    QString re;      ///< the request's `id` when it could be read, so the error can carry it
    QString type;    ///< the `type` string when it could be read (for logs)
};

using ClientDecodeResult = std::variant<ClientMessage, DecodeError>;
using ServerDecodeResult = std::variant<ServerMessage, DecodeError>;

/// Decodes one client->server text frame (UTF-8 JSON). Validates every field exactly as
/// the contract says (types, lengths, nick/room rules, id length, limit range). Text is
/// NOT sanitised here: that is the server's job (see sanitizeText()). Never throws or
/// asserts, whatever the input.
ClientDecodeResult decodeClient(QByteArrayView utf8);
ClientDecodeResult decodeClient(const QString &text);
/// Exact match for QByteArray: without it a QByteArray argument is ambiguous between the
/// QByteArrayView and the QString overloads (QString converts from QByteArray).
ClientDecodeResult decodeClient(const QByteArray &utf8);

/// Decodes one server->client text frame. Lenient about unknown optional fields, strict
/// about the fields the client relies on.
ServerDecodeResult decodeServer(QByteArrayView utf8);
ServerDecodeResult decodeServer(const QString &text);
ServerDecodeResult decodeServer(const QByteArray &utf8); ///< see decodeClient(const QByteArray &)

/// Compact JSON, UTF-8. Optional fields that are empty/absent are omitted.
QByteArray encode(const ClientMessage &message);
QByteArray encode(const ServerMessage &message);

/// The wire `type` of a message ("hello", "say", "message", "error", ...).
QString typeName(const ClientMessage &message);
QString typeName(const ServerMessage &message);

/// Convenience for replies: an `error` object with a standard sentence for the code
/// (or the given sentence when not empty).
server::Error makeError(ErrorCode code, const QString &re = {}, const QString &message = {});

/// A best-effort peek at any frame for logs and inspectors: its `type` (or an empty
/// string when the frame is not a JSON object with a string `type`). Cheap; no validation.
QString peekType(QByteArrayView utf8);

} // namespace duplex::proto
