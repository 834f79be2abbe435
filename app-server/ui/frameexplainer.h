// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <wirelog.h>

#include <QString>

namespace duplex::server::xray {

/// The frame X-ray's page for one record: the bytes in hex with every header field marked
/// (a colour, a number and a name: colour is never the only cue), each field in plain
/// words, the length form and why, the masking key, and the unmasked payload with the XOR
/// worked out for the first bytes; close frames with their code and reason; an HTTP head
/// as text. Rich text for a QTextBrowser.
QString explainHtml(const WireRecord &record, const QString &who = {});

/// One line for the frame list: "text, FIN, 36 bytes: {"type":"say",...".
QString summary(const WireRecord &record);

/// "text", "continuation", "close", ..., "HTTP".
QString kindName(const WireRecord &record);

/// The text with resume tokens (welcome's "session", hello's "resume") hidden: the X-ray is
/// shown on a projector, and a token lets whoever reads it take over that session.
QString hideTokens(QString text);

/// The length form in words: "7-bit (0-125)", "16-bit (126-65,535)", "64-bit (over 65,535)".
QString lengthFormWords(ws::LengthForm form);

} // namespace duplex::server::xray
