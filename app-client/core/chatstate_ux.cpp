// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatState, part two: "load older" (history before the oldest message held), the
// "reconnected — N messages caught up" marker, and private notices.
#include "chatstate.h"

#include <QDateTime>

#include <algorithm>

namespace duplex::client {

void ChatState::connectUx()
{
    namespace ps = proto::server;
    ClientSession *session = m_session;
    // Connected after the constructor's handler: the page's messages are in the model
    // when the loading flag goes down.
    connect(session, &ClientSession::historyReceived, this, [this](const ps::History &h) {
        const auto it = m_olderRequests.constFind(h.re);
        if (it == m_olderRequests.cend())
            return;
        const QString key = *it;
        m_olderRequests.erase(it);
        qint64 oldest = 0;
        for (const ps::Message &m : h.messages)
            oldest = oldest == 0 ? m.seq : std::min(oldest, m.seq);
        if (h.messages.size() < OlderPage || oldest <= 1)
            m_noOlder.insert(key);
        Q_EMIT olderLoadingChanged(key, false);
    });
    connect(session, &ClientSession::errorReceived, this, [this](const ps::Error &e) {
        const QString key = m_olderRequests.take(e.re);
        if (!key.isEmpty())
            Q_EMIT olderLoadingChanged(key, false);
    });
    connect(session, &ClientSession::stateChanged, this, [this](ClientSession::State s) {
        if (s == ClientSession::State::Online)
            return;
        // Pages asked on a connection that is gone never come: the user may ask again.
        const QStringList keys = m_olderRequests.values();
        m_olderRequests.clear();
        m_catchUpBarrier.clear();
        for (const QString &key : keys)
            Q_EMIT olderLoadingChanged(key, false);
    });
    connect(session, &ClientSession::welcomed, this, [this] { onWelcomedUx(); });
    connect(session, &ClientSession::synchronized, this, [this] { onSynchronizedUx(); });
    connect(session, &ClientSession::pongReceived, this, [this](const ps::Pong &p) {
        if (!m_catchUpBarrier.isEmpty() && p.re == m_catchUpBarrier) {
            m_catchUpBarrier.clear();
            onCaughtUp();
        }
    });
}

bool ChatState::hasOlder(const QString &key) const
{
    const ConversationModel *c = conversation(key);
    return c && isRoomKey(key) && !m_noOlder.contains(key) && c->firstSeq() != 1
        && c->trimmedThrough() == 0;
}

bool ChatState::loadOlder(const QString &key)
{
    ConversationModel *c = conversation(key);
    if (!c || !isRoomKey(key) || !m_session->isOnline() || isLoadingOlder(key) || !hasOlder(key))
        return false;
    const qint64 first = c->firstSeq();
    if (first <= 1) {
        m_noOlder.insert(key);
        return false;
    }
    const QString id = m_session->requestHistory(keyName(key), first, std::nullopt, OlderPage);
    m_olderRequests.insert(id, key);
    Q_EMIT olderLoadingChanged(key, true);
    return true;
}

void ChatState::onWelcomedUx()
{
    // Seen messages before this connection: a reconnect, or a restart that kept its seqs
    // (SessionMemory). What arrives above those seqs was missed.
    // Rooms known at the welcome: those of the connection before (or of the run before).
    // A first connection knows none yet (its rooms come after the welcome).
    m_seqsBeforeOutage.clear();
    for (const QString &room : m_session->rooms())
        m_seqsBeforeOutage.insert(room, m_session->lastSeq(room));
    m_reconnecting = !m_seqsBeforeOutage.isEmpty();
    m_catchUpBarrier.clear();
}

void ChatState::onSynchronizedUx()
{
    if (!m_reconnecting)
        return;
    // The server answers in order: this pong comes after every catch-up page asked in
    // the sync.
    m_catchUpBarrier = m_session->sendAppPing();
}

void ChatState::onCaughtUp()
{
    m_reconnecting = false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int total = 0;
    for (auto it = m_seqsBeforeOutage.cbegin(); it != m_seqsBeforeOutage.cend(); ++it) {
        ConversationModel *c = conversation(roomKey(it.key()));
        if (!c)
            continue;
        // What others said while away (the user's own queued lines are not "missed").
        int n = 0;
        for (int row = 0; row < c->rowCount(); ++row) {
            const ChatLine &l = c->line(row);
            n += l.kind == ChatLine::Kind::Message && l.seq > it.value() && !l.own ? 1 : 0;
        }
        total += n;
        // English has no catalog: the singular is its own string, %n serves German's forms.
        c->addSystem(n == 0       ? tr("Reconnected — nothing missed")
                         : n == 1 ? tr("Reconnected — 1 message caught up")
                                  : tr("Reconnected — %n messages caught up", nullptr, n),
                     now);
    }
    m_seqsBeforeOutage.clear();
    Q_EMIT caughtUp(total);
}

} // namespace duplex::client
