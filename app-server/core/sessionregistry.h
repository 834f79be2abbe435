// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Sessions (a logical user: nick and rooms, resumable for a grace period after a drop),
// their resume tokens and the nicks they hold. No sockets, no rooms.

#include "ratelimiter.h"
#include "transportstats.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace duplex::server {

class Peer;

struct Session {
    /// Unique per session for the server's lifetime, kept across resumes and transport
    /// switches (a connection's id changes with each new connection).
    quint64 id = 0;
    QString token; ///< resume token (random, 128 bits, hex)
    QString nick;
    QString key; ///< proto::nickKey(nick)
    QString agent;
    QStringList rooms;    ///< in join order
    Peer *peer = nullptr; ///< null while detached (dropped, waiting for resume)
    qint64 detachedAtMs = 0;
    /// Whispers this user receives, from everyone together: nobody can be flooded off.
    TokenBucket inbox;
    /// Its connections across transports and reconnects (the lesson's timeline).
    std::shared_ptr<ActivityLog> activity;
};

class SessionRegistry
{
public:
    /// Told about every session that changes or ends (the Redis broker keeps the session's
    /// key and nick lease in Redis from it). Not owned.
    class Observer
    {
    public:
        /// Its nick, rooms or attachment changed (called as it happens; coalesce).
        virtual void sessionChanged(Session *s) = 0;
        /// It is about to be forgotten (its token void, its nick free).
        virtual void sessionRemoved(Session *s) = 0;

    protected:
        ~Observer() = default;
    };
    void setObserver(Observer *observer) { m_observer = observer; }
    /// A fresh resume token (random, 128 bits, hex).
    static QString newToken();

    /// A new session holding the nick (the caller checked that it is free); with `token`
    /// (one taken from newToken() for a lease asked for before) instead of a new one.
    Session *create(const QString &nick, const QString &key, const QString &agent,
                    const QString &token = {});
    /// A session resumed from another server of the cluster: its token comes with it (the
    /// caller checked that token and nick are free here).
    Session *adopt(const QString &token, const QString &nick, const QString &key,
                   const QString &agent);
    /// The session of a resume token; null when unknown (or expired and removed).
    Session *byToken(const QString &token) const;
    /// The session holding a nick key (connected or waiting for resume).
    Session *byNick(const QString &key) const { return m_byNick.value(key); }
    bool nickTaken(const QString &key) const { return m_byNick.contains(key); }
    /// Every nick key held (connected or waiting for resume).
    QStringList nickKeys() const { return m_byNick.keys(); }
    /// Moves the session to a new nick (the caller checked that it is free).
    void rename(Session *s, const QString &nick, const QString &key);
    /// Its rooms or attachment changed: tells the observer.
    void changed(Session *s)
    {
        if (m_observer)
            m_observer->sessionChanged(s);
    }
    /// Forgets the session: its token is void and its nick free.
    void remove(Session *s);
    /// Detached sessions whose grace period is over at `nowMs`.
    QList<Session *> expired(qint64 nowMs, qint64 graceMs) const;
    void clear();
    int size() const { return int(m_byToken.size()); }
    /// Every session (connected or waiting for resume), in no order.
    QList<Session *> all() const;

private:
    QHash<QString, std::shared_ptr<Session>> m_byToken; // owns the sessions
    quint64 m_nextId = 1;
    QHash<QString, Session *> m_byNick; // nickKey -> session (incl. detached)
    Observer *m_observer = nullptr;
};

} // namespace duplex::server
