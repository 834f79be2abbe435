// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <clientinfo.h>

#include <QByteArray>
#include <QString>

namespace duplex::server::handshake {

/// The GUID RFC 6455 appends to the client's key.
inline constexpr char Guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// base64(SHA-1(key + GUID)): what Sec-WebSocket-Accept must be for this key.
QByteArray acceptFor(const QByteArray &key);
/// One sentence on what a handshake header is for (empty for headers we do not explain).
QString explain(const QByteArray &headerName);
/// The whole detail text for one client: request, response, each header explained, and
/// the Accept value worked out step by step. Plain text (shown in a QPlainTextEdit).
QString describe(const ClientInfo &client);

} // namespace duplex::server::handshake
