// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "clientsession.h"
#include "conversationmodel.h"
#include "framelogmodel.h"
#include "roomlistmodel.h"
#include "rostermodel.h"

#include <QHash>
#include <QObject>
#include <QString>

namespace duplex::client {

/// Everything the chat window shows, kept in models and fed by one ClientSession: the
/// sidebar (rooms and whisper partners with unread counts), one conversation per room and
/// per partner (merged by seq), one roster per room, and the frame log. No widgets: the
/// window binds to these models and calls the commands below.
class ChatState final : public QObject
{
    Q_OBJECT
public:
    explicit ChatState(ClientSession *session, QObject *parent = nullptr);

    static QString roomKey(const QString &room);
    static QString whisperKey(const QString &nick);
    static bool isRoomKey(const QString &key) { return key.startsWith(QLatin1Char('#')); }
    /// The room name or nick behind a key.
    static QString keyName(const QString &key) { return key.mid(1); }

    ClientSession *session() const { return m_session; }
    RoomListModel *roomList() { return &m_roomList; }
    FrameLogModel *frameLog() { return &m_frameLog; }
    ConversationModel *conversation(const QString &key) const { return m_conversations.value(key); }
    RosterModel *roster(const QString &room) const { return m_rosters.value(room); }
    QStringList conversationKeys() const { return m_roomList.keys(); }

    /// The conversation the user is looking at: it collects no unread count.
    void setCurrentConversation(const QString &key);
    QString currentConversation() const { return m_current; }

    /// Sends text to a conversation (say in a room, whisper to a partner); it shows as
    /// pending at once. Returns the outbox id (empty if the key is unknown or text blank).
    QString sendText(const QString &key, const QString &text);
    /// Joins a room; once `joined` arrives the room becomes current (conversationActivated).
    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    /// Opens (or re-opens) the whisper conversation with nick and makes it current.
    QString openWhisper(const QString &nick);
    void closeWhisper(const QString &nick);
    /// A local, unsent line in a conversation (help text, command errors).
    void addLocalNote(const QString &key, const QString &text);

    /// How many older messages one "load older" asks for.
    static constexpr int OlderPage = 50;
    /// Asks the server for the page of a room's history before its oldest message held
    /// (the user scrolled to the top). False when nothing is asked: not a room, offline,
    /// a page already on its way, or the room's history has no older messages.
    bool loadOlder(const QString &key);
    bool isLoadingOlder(const QString &key) const { return m_olderRequests.values().contains(key); }
    /// False once a page came back short (the room's first message is held).
    bool hasOlder(const QString &key) const;

Q_SIGNALS:
    void conversationAdded(const QString &key);
    void conversationRemoved(const QString &key);
    /// The user's own action (join, /msg) asks for this conversation to be shown.
    void conversationActivated(const QString &key);
    /// Someone else's message or whisper arrived live (not from history): for alerts.
    void incomingMessage(const QString &key, const QString &from, const QString &text);
    /// A "load older" page was asked for (true) or has arrived or was abandoned (false).
    void olderLoadingChanged(const QString &key, bool loading);
    /// After a reconnect (or a restart that resumed): every room has caught up; total is
    /// the number of messages that came in for the time away, over all rooms.
    void caughtUp(int total);

private:
    ConversationModel *ensureConversation(ConversationModel::Type type, const QString &name);
    void removeConversation(const QString &key);
    RosterModel *ensureRoster(const QString &room);
    bool isOwn(const QString &nick) const;
    void onMessage(const proto::server::Message &m, bool live);
    void onWhisper(const proto::server::Whisper &w);
    void onPresence(const proto::server::Presence &p);
    /// Load older, the reconnect marker, private notices (chatstate_ux.cpp).
    void connectUx();
    void onWelcomedUx();
    void onSynchronizedUx();
    void onCaughtUp();

    ClientSession *m_session;
    RoomListModel m_roomList;
    FrameLogModel m_frameLog;
    QHash<QString, ConversationModel *> m_conversations;
    QHash<QString, RosterModel *> m_rosters;
    QHash<QString, QString> m_pendingKeys; ///< outbox id -> conversation key
    QSet<QString> m_userJoins;             ///< rooms the user asked to join
    QString m_current;
    QHash<QString, QString> m_olderRequests;   ///< history request id -> conversation key
    QSet<QString> m_noOlder;                   ///< keys whose first message is held
    QHash<QString, qint64> m_seqsBeforeOutage; ///< room -> last seq when the connection began
    QString m_catchUpBarrier;                  ///< id of the ping that follows the catch-up
    bool m_reconnecting = false;
};

} // namespace duplex::client
