// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "sessionregistry.h"

#include <QRandomGenerator>

namespace duplex::server {

QString SessionRegistry::newToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

Session *SessionRegistry::create(const QString &nick, const QString &key, const QString &agent,
                                 const QString &token)
{
    auto s = std::make_shared<Session>();
    s->id = m_nextId++;
    s->token = token;
    while (s->token.isEmpty() || m_byToken.contains(s->token))
        s->token = newToken();
    s->nick = nick;
    s->key = key;
    s->agent = agent;
    m_byToken.insert(s->token, s);
    m_byNick.insert(key, s.get());
    changed(s.get());
    return s.get();
}

Session *SessionRegistry::adopt(const QString &token, const QString &nick, const QString &key,
                                const QString &agent)
{
    auto s = std::make_shared<Session>();
    s->id = m_nextId++;
    s->token = token;
    s->nick = nick;
    s->key = key;
    s->agent = agent;
    m_byToken.insert(s->token, s);
    m_byNick.insert(key, s.get());
    changed(s.get());
    return s.get();
}

Session *SessionRegistry::byToken(const QString &token) const
{
    if (token.isEmpty())
        return nullptr;
    const auto it = m_byToken.constFind(token);
    return it == m_byToken.constEnd() ? nullptr : it.value().get();
}

void SessionRegistry::rename(Session *s, const QString &nick, const QString &key)
{
    if (m_byNick.value(s->key) == s)
        m_byNick.remove(s->key);
    s->nick = nick;
    s->key = key;
    m_byNick.insert(key, s);
    changed(s);
}

void SessionRegistry::remove(Session *s)
{
    if (m_observer)
        m_observer->sessionRemoved(s);
    if (m_byNick.value(s->key) == s)
        m_byNick.remove(s->key);
    m_byToken.remove(s->token); // last owner: s is gone after this line
}

QList<Session *> SessionRegistry::expired(qint64 nowMs, qint64 graceMs) const
{
    QList<Session *> out;
    for (const auto &s : m_byToken) {
        if (!s->peer && nowMs - s->detachedAtMs >= graceMs)
            out.append(s.get());
    }
    return out;
}

QList<Session *> SessionRegistry::all() const
{
    QList<Session *> out;
    out.reserve(m_byToken.size());
    for (const auto &s : m_byToken)
        out.append(s.get());
    return out;
}

void SessionRegistry::clear()
{
    if (m_observer) {
        for (const auto &s : std::as_const(m_byToken))
            m_observer->sessionRemoved(s.get());
    }
    m_byToken.clear();
    m_byNick.clear();
}

} // namespace duplex::server
