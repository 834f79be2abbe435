// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chatstate.h"

#include <names.h>

#include <QDateTime>

namespace duplex::client {

ChatState::ChatState(ClientSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    namespace ps = proto::server;
    connect(session, &ClientSession::frameLogged, &m_frameLog, &FrameLogModel::append);
    connect(session, &ClientSession::joined, this, [this](const ps::Joined &j) {
        const QString key = roomKey(j.room);
        // The roster first: the window binds it when the conversation appears.
        RosterModel *r = ensureRoster(j.room);
        r->setMembers(j.members, j.count);
        ensureConversation(ConversationModel::Type::Room, j.room);
        if (m_userJoins.remove(j.room))
            Q_EMIT conversationActivated(key);
    });
    connect(session, &ClientSession::left, this,
            [this](const ps::Left &l) { removeConversation(roomKey(l.room)); });
    connect(session, &ClientSession::messageReceived, this,
            [this](const ps::Message &m) { onMessage(m, true); });
    connect(session, &ClientSession::historyReceived, this, [this](const ps::History &h) {
        for (ps::Message m : h.messages) {
            if (m.room.isEmpty())
                m.room = h.room;
            onMessage(m, false);
        }
    });
    connect(session, &ClientSession::historyReset, this, [this](const QString &room) {
        if (ConversationModel *c = conversation(roomKey(room))) {
            c->restartNumbering();
            c->addSystem(
                tr("The server's history of #%1 starts again here (it was restarted with a new "
                   "database). The messages above are from before.")
                    .arg(room),
                QDateTime::currentMSecsSinceEpoch());
        }
    });
    connect(session, &ClientSession::whisperReceived, this,
            [this](const ps::Whisper &w) { onWhisper(w); });
    connect(session, &ClientSession::presenceReceived, this,
            [this](const ps::Presence &p) { onPresence(p); });
    connect(session, &ClientSession::typingReceived, this, [this](const ps::Typing &t) {
        if (RosterModel *r = roster(t.room))
            r->setTyping(t.nick, t.on);
    });
    connect(session, &ClientSession::noticeReceived, this, [this](const ps::Notice &n) {
        const qint64 ts = n.ts ? n.ts : QDateTime::currentMSecsSinceEpoch();
        if (!n.room.isEmpty()) {
            if (ConversationModel *c = conversation(roomKey(n.room)))
                c->addNotice(n.from, n.text, ts);
            return;
        }
        // An announcement to everyone (or to this user alone, marked private): wherever
        // the user looks, it is there.
        for (ConversationModel *c : std::as_const(m_conversations)) {
            if (n.to.isEmpty())
                c->addNotice(n.from, n.text, ts);
            else
                c->addPrivateNotice(n.from, n.text, ts);
        }
    });
    connect(session, &ClientSession::outboxFailed, this,
            [this](const QString &id, const ps::Error &e) {
                const QString key = m_pendingKeys.take(id);
                if (ConversationModel *c = conversation(key))
                    c->markFailed(id, ClientSession::describeError(e));
            });
    connect(session, &ClientSession::outboxWaiting, this, [this](const QString &id, int) {
        if (ConversationModel *c = conversation(m_pendingKeys.value(id)))
            c->markWaiting(id, true);
    });
    connect(session, &ClientSession::outboxResent, this, [this](const QString &id) {
        if (ConversationModel *c = conversation(m_pendingKeys.value(id)))
            c->markWaiting(id, false);
    });
    connect(session, &ClientSession::errorReceived, this, [this](const ps::Error &e) {
        // Outbox failures are shown on their line; hello errors by the connect dialog.
        // Slow mode is the exception: the line waits, the note says for how long.
        if (e.re.isEmpty() || (m_pendingKeys.contains(e.re) && e.retryAfter == 0)
            || e.re.startsWith(QLatin1String("hello")))
            return;
        if (!m_current.isEmpty())
            addLocalNote(m_current, tr("Error: %1").arg(ClientSession::describeError(e)));
    });
    connect(session, &ClientSession::nickChanged, this, [this](const QString &nick) {
        for (RosterModel *r : std::as_const(m_rosters))
            r->setSelfNick(nick);
    });
    connect(session, &ClientSession::stateChanged, this, [this](ClientSession::State s) {
        if (s != ClientSession::State::Online) {
            for (RosterModel *r : std::as_const(m_rosters))
                r->clearTyping();
        }
    });
    connectUx();
}

QString ChatState::roomKey(const QString &room)
{
    return QLatin1Char('#') + room;
}

QString ChatState::whisperKey(const QString &nick)
{
    return QLatin1Char('@') + proto::nickKey(nick);
}

bool ChatState::isOwn(const QString &nick) const
{
    return proto::nickKey(nick) == proto::nickKey(m_session->nick());
}

ConversationModel *ChatState::ensureConversation(ConversationModel::Type type, const QString &name)
{
    const QString key = type == ConversationModel::Type::Room ? roomKey(name) : whisperKey(name);
    if (ConversationModel *c = m_conversations.value(key))
        return c;
    auto *c = new ConversationModel(type, name, this);
    m_conversations.insert(key, c);
    m_roomList.add(type == ConversationModel::Type::Room ? RoomListModel::Kind::Room
                                                         : RoomListModel::Kind::Whisper,
                   key, name);
    Q_EMIT conversationAdded(key);
    return c;
}

void ChatState::removeConversation(const QString &key)
{
    ConversationModel *c = m_conversations.take(key);
    if (!c)
        return;
    if (isRoomKey(key)) {
        if (RosterModel *r = m_rosters.take(keyName(key)))
            r->deleteLater();
    }
    m_roomList.remove(key);
    if (m_current == key)
        m_current.clear();
    Q_EMIT conversationRemoved(key);
    c->deleteLater();
}

RosterModel *ChatState::ensureRoster(const QString &room)
{
    if (RosterModel *r = m_rosters.value(room))
        return r;
    auto *r = new RosterModel(room, this);
    r->setSelfNick(m_session->nick());
    m_rosters.insert(room, r);
    return r;
}

void ChatState::setCurrentConversation(const QString &key)
{
    m_current = key;
    m_roomList.clearUnread(key);
}

QString ChatState::sendText(const QString &key, const QString &text)
{
    ConversationModel *c = conversation(key);
    if (!c || text.trimmed().isEmpty())
        return {};
    const QString id
        = isRoomKey(key) ? m_session->say(keyName(key), text) : m_session->whisper(c->name(), text);
    m_pendingKeys.insert(id, key);
    c->addPending(id, m_session->nick(), text, QDateTime::currentMSecsSinceEpoch());
    return id;
}

void ChatState::joinRoom(const QString &room)
{
    if (conversation(roomKey(room))) {
        Q_EMIT conversationActivated(roomKey(room));
        return;
    }
    m_userJoins.insert(room);
    m_session->join(room);
}

void ChatState::leaveRoom(const QString &room)
{
    m_session->leave(room);
    removeConversation(roomKey(room));
}

QString ChatState::openWhisper(const QString &nick)
{
    ensureConversation(ConversationModel::Type::Whisper, nick);
    const QString key = whisperKey(nick);
    Q_EMIT conversationActivated(key);
    return key;
}

void ChatState::closeWhisper(const QString &nick)
{
    removeConversation(whisperKey(nick));
}

void ChatState::addLocalNote(const QString &key, const QString &text)
{
    if (ConversationModel *c = conversation(key))
        c->addSystem(text, QDateTime::currentMSecsSinceEpoch());
}

void ChatState::onMessage(const proto::server::Message &m, bool live)
{
    const QString key = roomKey(m.room);
    ConversationModel *c = conversation(key);
    if (!c)
        c = ensureConversation(ConversationModel::Type::Room, m.room);
    ChatLine line;
    line.kind = ChatLine::Kind::Message;
    line.seq = m.seq;
    line.from = m.from;
    line.text = m.text;
    line.ts = m.ts;
    line.own = isOwn(m.from);
    if (!m.re.isEmpty() && m_pendingKeys.contains(m.re)) {
        m_pendingKeys.remove(m.re);
        line.id = m.re;
        line.delivery = ChatLine::Delivery::Delivered;
        c->confirm(m.re, line);
        return;
    }
    if (line.own)
        line.delivery = ChatLine::Delivery::Delivered;
    const bool added = c->addMessage(line);
    if (RosterModel *r = roster(m.room))
        r->setTyping(m.from, false);
    if (added && live && !line.own) {
        if (key != m_current)
            m_roomList.incrementUnread(key);
        Q_EMIT incomingMessage(key, m.from, m.text);
    }
}

void ChatState::onWhisper(const proto::server::Whisper &w)
{
    const bool own = isOwn(w.from);
    const QString partner = own ? w.to : w.from;
    const QString key = whisperKey(partner);
    ConversationModel *c = ensureConversation(ConversationModel::Type::Whisper, partner);
    ChatLine line;
    line.kind = ChatLine::Kind::Message;
    line.from = w.from;
    line.text = w.text;
    line.ts = w.ts;
    line.own = own;
    if (!w.re.isEmpty() && m_pendingKeys.contains(w.re)) {
        m_pendingKeys.remove(w.re);
        line.id = w.re;
        c->confirm(w.re, line);
        return;
    }
    if (own)
        line.delivery = ChatLine::Delivery::Delivered;
    c->addMessage(line);
    if (!own) {
        if (key != m_current)
            m_roomList.incrementUnread(key);
        Q_EMIT incomingMessage(key, w.from, w.text);
    }
}

void ChatState::onPresence(const proto::server::Presence &p)
{
    namespace ps = proto::server;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ConversationModel *c = conversation(roomKey(p.room));
    RosterModel *r = roster(p.room);
    switch (p.event) {
    case ps::PresenceEvent::Join:
        if (r)
            r->addMember(p.nick);
        if (c)
            c->addPresence(true, p.nick, now);
        break;
    case ps::PresenceEvent::Leave:
        if (r)
            r->removeMember(p.nick);
        if (c)
            c->addPresence(false, p.nick, now);
        break;
    case ps::PresenceEvent::Nick:
        if (r)
            r->renameMember(p.old, p.nick);
        if (c) {
            c->addSystem(isOwn(p.nick) ? tr("You are now known as %1").arg(p.nick)
                                       : tr("%1 is now known as %2").arg(p.old, p.nick),
                         now);
        }
        break;
    case ps::PresenceEvent::Count:
        if (r)
            r->setCount(p.count);
        break;
    }
}

} // namespace duplex::client
