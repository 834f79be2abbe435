// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QString>

namespace duplex::client {

/// What the user typed into the chat input, understood: plain text to send, or one of the
/// slash commands /join ROOM, /leave [ROOM], /nick NAME, /msg NICK [TEXT], /help.
/// Arguments are checked with the shared rules from common/names.h so that a mistake is
/// explained at once instead of coming back as a server error.
struct SlashCommand {
    enum class Kind { Text, Join, Leave, Nick, Msg, Help, Invalid };
    Kind kind = Kind::Text;
    QString arg;   ///< room or nick
    QString text;  ///< Text: what to send (a leading "//" becomes "/"); Msg: the message
    QString error; ///< Invalid: a human sentence
};

SlashCommand parseSlashCommand(const QString &input);

/// The /help text, one command per line.
QString slashCommandHelp();

} // namespace duplex::client
