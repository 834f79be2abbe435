// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Transcripts of a room from the history database (protocol-v1.md, "Class control",
// Transcript): `duplex-server --db FILE --transcript ROOM` and the window's "Save
// transcript...". Room messages, and when asked (--with-events, the dialog's checkbox) what
// the room was told besides (joins, leaves, nick changes, notices: eventlog.h), merged by
// time.

#include "eventlog.h"

#include <protocol.h>

#include <QList>
#include <QString>

namespace duplex::server {

class HistoryStore;
struct ServerOptions;

/// Every stored message of the room with ts >= sinceMs, ascending seq.
QList<proto::server::Message> transcriptMessages(HistoryStore &store, const QString &room,
                                                 qint64 sinceMs = 0);

/// One line per message: `[YYYY-MM-DD HH:MM:SS] nick: text` (local time; a newline in the
/// text as ↵), each line ending in \n.
QString transcriptText(const QList<proto::server::Message> &messages);
/// RFC 4180: header `seq,ts,nick,text`, CRLF line ends, fields with a comma, quote or line
/// break in double quotes (quotes doubled).
QString transcriptCsv(const QList<proto::server::Message> &messages);

/// Text with events: the messages as above, and between them, by time, one line per event
/// `[YYYY-MM-DD HH:MM:SS] — ann joined` (notices: `— Notice from the teacher: …`, to
/// everyone: `— Notice to everyone from the teacher: …`, past the cap: `— …and 12 more
/// joins`). At the same ms an event comes first.
QString transcriptText(const QList<proto::server::Message> &messages,
                       const QList<RoomEvent> &events);
/// CSV with events: header `seq,ts,nick,text,kind` (the columns of the plain CSV first);
/// kind is message, join, leave, nick (text: the old nick), notice (nick empty) or
/// more_joins / more_leaves (text: how many joins/leaves past the cap it stands for).
QString transcriptCsv(const QList<proto::server::Message> &messages,
                      const QList<RoomEvent> &events);

/// --transcript: opens options.dbPath, prints the transcript to standard output, returns
/// the exit code (1 when the database cannot be opened). Needs no display.
int runTranscript(const ServerOptions &options);

} // namespace duplex::server
