// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QList>
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

/// Several addresses of one cluster (issue 17), separated by commas and/or spaces, each in
/// a form parseServerAddress() takes. The client starts on the first and, when a connection
/// drops, tries the next one (round robin). Duplicates are dropped.
struct ServerAddresses {
    QList<QUrl> urls; ///< at least one when problem is empty
    QString problem;  ///< a human sentence, empty when every address is usable
};

ServerAddresses parseServerAddresses(const QString &text);
/// The list as the dialog shows it and the settings keep it: "ws://a:1/, ws://b:2/".
QString formatServerAddresses(const QList<QUrl> &urls);
/// host:port, as the status bar names a server ("Switched to 127.0.0.1:8081").
QString shortServerName(const QUrl &url);

} // namespace duplex::client
