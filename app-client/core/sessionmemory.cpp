// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "sessionmemory.h"

#include "clientsession.h"

#include <names.h>

#include <QCryptographicHash>
#include <QSettings>

namespace duplex::client {

namespace {
const QString TokenKey = QStringLiteral("token");
const QString RoomsKey = QStringLiteral("rooms");
const QString SeqsKey = QStringLiteral("seqs");
const QString UrlKey = QStringLiteral("url");
const QString NickKey = QStringLiteral("nick");
/// The address of a cluster the session was last on (issue 17): a restarted client goes
/// back there first, where its token is known.
const QString OnKey = QStringLiteral("on");
} // namespace

SessionMemory::SessionMemory(ClientSession *session, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(300);
    connect(&m_saveTimer, &QTimer::timeout, this, &SessionMemory::save);
    // The token and the rooms matter most: written at once.
    connect(session, &ClientSession::welcomed, this, &SessionMemory::save);
    connect(session, &ClientSession::joined, this, &SessionMemory::save);
    connect(session, &ClientSession::left, this, &SessionMemory::save);
    connect(session, &ClientSession::synchronized, this, &SessionMemory::save);
    // Seqs change with every message: coalesced.
    connect(session, &ClientSession::messageReceived, this, &SessionMemory::scheduleSave);
    connect(session, &ClientSession::historyReceived, this, &SessionMemory::scheduleSave);
    connect(session, &ClientSession::connectionEnded, this, [this] {
        // Kicked or taken over: that token is void (or someone else's now).
        if (!m_session->homeUrl().isValid())
            return;
        m_settings->remove(groupFor(m_session->homeUrl(), m_session->nick()) + QLatin1Char('/')
                           + TokenKey);
        m_settings->sync();
    });
}

SessionMemory::~SessionMemory()
{
    if (m_saveTimer.isActive())
        save();
}

QString SessionMemory::groupFor(const QUrl &url, const QString &nick)
{
    const QByteArray who = url.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() + '\n'
        + proto::nickKey(nick).toUtf8();
    return QStringLiteral("rejoin/")
        + QString::fromLatin1(
               QCryptographicHash::hash(who, QCryptographicHash::Sha1).toHex().left(16));
}

bool SessionMemory::restore(const QUrl &url, const QString &nick)
{
    m_settings->beginGroup(groupFor(url, nick));
    const QString token = m_settings->value(TokenKey).toString();
    const QStringList rooms = m_settings->value(RoomsKey).toStringList();
    const QVariantMap seqMap = m_settings->value(SeqsKey).toMap();
    const QUrl on(m_settings->value(OnKey).toString());
    m_settings->endGroup();
    if (token.isEmpty() && rooms.isEmpty())
        return false;
    QHash<QString, qint64> seqs;
    for (auto it = seqMap.cbegin(); it != seqMap.cend(); ++it) {
        if (rooms.contains(it.key()))
            seqs.insert(it.key(), it.value().toLongLong());
    }
    m_session->restoreResume(on.isValid() ? on : url, nick, token, rooms, seqs);
    return true;
}

void SessionMemory::scheduleSave()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void SessionMemory::save()
{
    m_saveTimer.stop();
    const QUrl url = m_session->homeUrl();
    if (!url.isValid() || m_session->nick().isEmpty() || m_session->sessionToken().isEmpty())
        return; // nothing learnt from this server yet
    const QStringList rooms = m_session->rooms();
    QVariantMap seqs;
    for (const QString &room : rooms) {
        const qint64 seq = m_session->lastSeq(room);
        if (seq > 0)
            seqs.insert(room, seq);
    }
    m_settings->beginGroup(groupFor(url, m_session->nick()));
    m_settings->setValue(UrlKey, url.toString());
    if (m_session->url() != url)
        m_settings->setValue(OnKey, m_session->url().toString());
    else
        m_settings->remove(OnKey);
    m_settings->setValue(NickKey, m_session->nick());
    m_settings->setValue(TokenKey, m_session->sessionToken());
    m_settings->setValue(RoomsKey, rooms);
    m_settings->setValue(SeqsKey, seqs);
    m_settings->endGroup();
    m_settings->sync();
}

} // namespace duplex::client
