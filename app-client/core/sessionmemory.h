// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

class QSettings;

namespace duplex::client {

class ClientSession;

/// Rejoin that just works: what a session knows about one server and nick (its resume
/// token, its rooms, the last seq seen in each) is kept in QSettings, so a client that
/// crashed or was restarted resumes its session (or, when the server no longer holds it,
/// rejoins every room) and catches up in every room from where it was.
///
/// Kept per server URL and nick key, under "rejoin/<hash>". Written on welcome, join,
/// leave and (coalesced) on new messages; a kick or a takeover forgets the token.
class SessionMemory final : public QObject
{
    Q_OBJECT
public:
    /// settings is not owned and must outlive this object.
    SessionMemory(ClientSession *session, QSettings *settings, QObject *parent = nullptr);
    ~SessionMemory() override;

    /// Loads what was kept for url and nick into the (Disconnected) session; call right
    /// before ClientSession::open(url, nick). For a cluster url is the first address (the
    /// session's homeUrl()); the session is put on the address it was last on. Returns true when
    /// something was kept.
    bool restore(const QUrl &url, const QString &nick);
    /// Writes now (the coalescing timer is skipped) and syncs the settings file.
    void save();

    /// The settings group for a server and nick.
    static QString groupFor(const QUrl &url, const QString &nick);

private:
    void scheduleSave();

    ClientSession *m_session;
    QSettings *m_settings;
    QTimer m_saveTimer;
};

} // namespace duplex::client
