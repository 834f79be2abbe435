// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// A recording of the wire (`--record`, protocol-v1-http.md "Recording the wire") read back,
// and written as a .pcapng file that Wireshark and tshark open and dissect as HTTP +
// WebSocket. The TCP/IP around the bytes is synthesised, consistently per connection: a
// three-way handshake, then the recorded bytes in order as segments with correct sequence
// and acknowledgement numbers. Addresses are from TEST-NET-1 (192.0.2.0/24): the client
// with id N is 192.0.2.(N % 250 + 2), port 40000 + N % 20000; the server is 192.0.2.1.

#include "wirelog.h"

#include <QList>
#include <QString>

class QIODevice;

namespace duplex::server {

/// Parses the JSON lines of a recording (bad lines are skipped and counted in *skipped).
QList<WireRecord> readRecording(QIODevice *device, int *skipped = nullptr);

/// Writes the records as pcapng, the server on `serverPort`. Frames cut in the recording are
/// padded with zero bytes to their real length (so the TCP stream stays whole) and carry a
/// packet comment saying so. Returns false with a sentence in *error.
bool writePcapng(const QList<WireRecord> &records, QIODevice *device, quint16 serverPort,
                 QString *error = nullptr);

/// `duplex-server --record IN --pcapng OUT [--port N]`: converts and returns an exit code.
int convertRecordingToPcapng(const QString &recording, const QString &pcapng, quint16 serverPort);

} // namespace duplex::server
