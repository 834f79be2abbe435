// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QString>
#include <QUrl>

namespace duplex::client {

/// What a student types as the server address, made into a ws:// URL:
/// - `ws://…` and `wss://…` as they are;
/// - `127.0.0.1:8080`, `host:8080`, `host` (no scheme): `ws://` is added;
/// - `http://host:8080/…` or `https://…` (the join card's browser address, pasted):
///   `ws://host:8080/` or `wss://…/` (the page's path and query are dropped).
struct ServerAddress {
    QUrl url;        ///< valid when problem is empty
    QString problem; ///< a human sentence, empty when the address is usable
};

ServerAddress parseServerAddress(const QString &text);

} // namespace duplex::client
