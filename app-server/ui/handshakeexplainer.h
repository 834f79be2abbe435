// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <clientinfo.h>

#include <QByteArray>
#include <QString>

namespace duplex::server::handshake {

/// One sentence on what a handshake header is for (empty for headers we do not explain).
QString explain(const QByteArray &headerName);
/// The whole detail text for one client: request, response, each header explained, and
/// the Accept value worked out step by step. Plain text (shown in a QPlainTextEdit).
QString describe(const ClientInfo &client);

} // namespace duplex::server::handshake
