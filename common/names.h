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
/// no invisible character (Unicode default-ignorables such as U+3164 HANGUL FILLER or
/// zero-width characters), no combining mark first (marks alone); not `server` or `system`,
/// compared like nicks (nickKey: any case, and look-alikes such as Cyrillic "Ѕеrvеr").
/// Pass the nick through normalizedNick() first. On failure returns a human sentence.
std::optional<QString> nickProblem(const QString &nick);
inline bool isValidNick(const QString &nick)
{
    return !nickProblem(nick).has_value();
}

/// The nick as it is kept and shown: Unicode NFC ("e" + U+0301 becomes "é").
QString normalizedNick(const QString &nick);

/// The key under which nicks are compared for uniqueness: NFC, case-folded, then the
/// Unicode TR39 confusable skeleton (ICU's uspoof_getSkeleton), case-folded again. So
/// "Alice", "аlice" (Cyrillic а) and "ALICE" share a key, and so do "émile" and
/// "e\u0301mile". Not meant to be shown.
QString nickKey(const QString &nick);

/// True when a and b would be taken for the same nick (nickKey(a) == nickKey(b)): for
/// reserved names kept elsewhere (operator-reserved nicks), compare with this.
bool nickLooksLike(const QString &a, const QString &b);

/// True when the text shows nothing: only white space, invisible characters (Unicode
/// default-ignorables, format characters, U+2800 BRAILLE PATTERN BLANK) and combining marks
/// with no base character.
bool looksBlank(const QString &text);

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

/// Text rule after trimming: not empty nor blank-looking (looksBlank; ErrorCode::Empty),
/// <= maxChars code points
/// (ErrorCode::TooLong). std::nullopt when fine.
std::optional<ErrorCode> textProblem(const QString &text, int maxChars = limits::TextMax);

} // namespace duplex::proto
