// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Transcripts of a room from the history database (protocol-v1.md, "Class control",
// Transcript): `duplex-server --db FILE --transcript ROOM` and the window's "Save
// transcript...". Only room messages are stored, so that is what a transcript holds.

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

/// --transcript: opens options.dbPath, prints the transcript to standard output, returns
/// the exit code (1 when the database cannot be opened). Needs no display.
int runTranscript(const ServerOptions &options);

} // namespace duplex::server
