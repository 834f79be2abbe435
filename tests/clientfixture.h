// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The Qt client as the tests open it, without widgets (tst_clientsession, tst_clientrejoin,
// tst_clientpolling; clientwindowfixture.h adds the window on top): quick reconnects, a
// session and the models fed by it, and what a student would read in a room. Header-only;
// tests only.

#include <chatstate.h>
#include <clientsession.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace duplex::test {

/// Quick reconnects: the first retry after backoffMs, never more than 4x that; the
/// session's own jitter unless told (0: every wait exactly as long).
inline client::ClientSession::Config fastClientConfig(int backoffMs,
                                                      std::optional<double> jitter = {})
{
    client::ClientSession::Config c;
    c.backoffInitialMs = backoffMs;
    c.backoffMaxMs = backoffMs * 4;
    if (jitter)
        c.jitter = *jitter;
    return c;
}

/// from, from + 1, ... to: the seqs a room should hold.
inline QList<qint64> range(qint64 from, qint64 to)
{
    QList<qint64> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(s);
    return out;
}

/// A client as the window sees it: a session and the models fed by it (both may be reset
/// by a test that "crashes" the client; the readers then see nothing).
struct ClientPeer {
    std::unique_ptr<client::ClientSession> session;
    std::unique_ptr<client::ChatState> state;

    explicit ClientPeer(const client::ClientSession::Config &c)
        : session(std::make_unique<client::ClientSession>(c))
        , state(std::make_unique<client::ChatState>(session.get()))
    {
    }
    client::ConversationModel *room(const QString &name = QStringLiteral("general")) const
    {
        return state ? state->conversation(client::ChatState::roomKey(name)) : nullptr;
    }
    /// The message lines of a room, in order.
    QStringList texts(const QString &name = QStringLiteral("general")) const
    {
        return lines(name, client::ChatLine::Kind::Message);
    }
    /// The system lines of a room ("Reconnected — N messages caught up", ...).
    QStringList systemLines(const QString &name = QStringLiteral("general")) const
    {
        return lines(name, client::ChatLine::Kind::System);
    }
    QStringList lines(const QString &name, client::ChatLine::Kind kind) const
    {
        QStringList out;
        const client::ConversationModel *c = room(name);
        for (int i = 0; c && i < c->rowCount(); ++i) {
            if (c->line(i).kind == kind)
                out.append(c->line(i).text);
        }
        return out;
    }
};

} // namespace duplex::test
