// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Validation and normalisation rules shared by the codec, the server and the client UI
// (live validation in the connect dialog uses exactly these).

#include "protocol.h"

#include <QString>

#include <optional>

namespace duplex::proto {

/// Length in Unicode code points (a surrogate pair counts once).
int codePointLength(const QString &s);

/// Nick rule: 1-24 code points; letters and combining marks of any script, digits, `_ - .`;
/// not `server` or `system` (case-insensitive). On failure returns a human sentence.
std::optional<QString> nickProblem(const QString &nick);
inline bool isValidNick(const QString &nick)
{
    return !nickProblem(nick).has_value();
}

/// The key under which nicks are compared for uniqueness (case-insensitive).
QString nickKey(const QString &nick);

/// Room rule: 1-32 characters of a-z 0-9 _ -. On failure returns a human sentence.
std::optional<QString> roomProblem(const QString &room);
inline bool isValidRoom(const QString &room)
{
    return !roomProblem(room).has_value();
}

/// Request id rule: 1-64 characters.
bool isValidId(const QString &id);

/// What the server stores: control characters other than \n and \t removed, and the bidi
/// override/isolate characters U+202A-U+202E, U+2066-U+2069 removed; then trimmed.
QString sanitizeText(const QString &text);

/// Text rule after trimming: not empty (ErrorCode::Empty), <= maxChars code points
/// (ErrorCode::TooLong). std::nullopt when fine.
std::optional<ErrorCode> textProblem(const QString &text, int maxChars = limits::TextMax);

} // namespace duplex::proto
