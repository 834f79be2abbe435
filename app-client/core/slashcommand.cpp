// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "slashcommand.h"

#include <names.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace duplex::client {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::client::SlashCommand", text);
}

SlashCommand invalid(const QString &error)
{
    SlashCommand c;
    c.kind = SlashCommand::Kind::Invalid;
    c.error = error;
    return c;
}
} // namespace

SlashCommand parseSlashCommand(const QString &input)
{
    SlashCommand c;
    if (!input.startsWith(QLatin1Char('/'))) {
        c.text = input;
        return c;
    }
    if (input.startsWith(QLatin1String("//"))) {
        c.text = input.mid(1); // "//shrug" sends "/shrug"
        return c;
    }
    const QString body = input.mid(1);
    const qsizetype space = body.indexOf(QRegularExpression(QStringLiteral("\\s")));
    const QString name = (space < 0 ? body : body.left(space)).toLower();
    const QString rest = space < 0 ? QString() : body.mid(space + 1).trimmed();
    const QString firstWord = rest.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);

    if (name == QLatin1String("join") || name == QLatin1String("j")) {
        QString room = firstWord;
        if (room.startsWith(QLatin1Char('#')))
            room.remove(0, 1);
        if (room.isEmpty())
            return invalid(tr("Usage: /join ROOM"));
        if (const auto problem = proto::roomProblem(room))
            return invalid(*problem);
        c.kind = SlashCommand::Kind::Join;
        c.arg = room;
        return c;
    }
    if (name == QLatin1String("leave") || name == QLatin1String("part")) {
        QString room = firstWord;
        if (room.startsWith(QLatin1Char('#')))
            room.remove(0, 1);
        if (!room.isEmpty()) {
            if (const auto problem = proto::roomProblem(room))
                return invalid(*problem);
        }
        c.kind = SlashCommand::Kind::Leave;
        c.arg = room; // empty: the current room
        return c;
    }
    if (name == QLatin1String("nick")) {
        if (firstWord.isEmpty())
            return invalid(tr("Usage: /nick NEWNAME"));
        if (const auto problem = proto::nickProblem(firstWord))
            return invalid(*problem);
        c.kind = SlashCommand::Kind::Nick;
        c.arg = firstWord;
        return c;
    }
    if (name == QLatin1String("msg") || name == QLatin1String("whisper")
        || name == QLatin1String("w")) {
        if (firstWord.isEmpty())
            return invalid(tr("Usage: /msg NICK text"));
        if (const auto problem = proto::nickProblem(firstWord))
            return invalid(*problem);
        c.kind = SlashCommand::Kind::Msg;
        c.arg = firstWord;
        c.text = rest.mid(firstWord.size()).trimmed();
        return c;
    }
    if (name == QLatin1String("help") || name == QLatin1String("?")) {
        c.kind = SlashCommand::Kind::Help;
        return c;
    }
    return invalid(tr("Unknown command /%1. Type /help for the list; start with // to send a "
                      "message that begins with a slash.")
                       .arg(name));
}

QString slashCommandHelp()
{
    return tr("Commands:\n"
              "/join ROOM \u2013 join (or create) a room and switch to it\n"
              "/leave [ROOM] \u2013 leave the current room (or ROOM)\n"
              "/nick NAME \u2013 change your nickname\n"
              "/msg NICK [text] \u2013 open a private conversation, optionally sending text\n"
              "/help \u2013 this list\n"
              "Enter sends, Shift+Enter starts a new line, Up recalls your last message.");
}

} // namespace duplex::client
