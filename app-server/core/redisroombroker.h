// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Rooms shared by several server processes through Redis (`--redis`; docs/server-engine.md,
// "The Redis broker"). Members stay in a LocalRoomBroker of this process; room messages are
// ordered by one Lua script per message (seq, stream, publish) and delivered to the local
// members when the publication comes back, in seq order, gaps backfilled from the stream.

#include "localroombroker.h"
#include "redislink.h"
#include "sessionregistry.h"

#include <protocol.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace duplex::server {

class Engine;
struct ClientInfo;
struct Session;

class RedisRoomBroker final : public QObject, public RoomBroker, public SessionRegistry::Observer
{
    Q_OBJECT
public:
    explicit RedisRoomBroker(const QUrl &url, QObject *parent = nullptr);
    ~RedisRoomBroker() override;

    /// Binds to the engine (its peers, store and recorder) and connects to Redis.
    void attach(Engine *engine);
    RedisLink *link() const { return m_link.get(); }
    /// A random id of this process (its publications carry it).
    QByteArray origin() const { return m_origin; }
    /// Room messages delivered here that came through Redis.
    qint64 messagesViaRedis() const { return m_viaRedis; }

    /// A `say` through Redis: the sender gets its copy (with `re`) when the publication
    /// comes back, in the room's order; a resend within the dedup window gets its first
    /// copy again (dup); Redis down or an error: `internal`.
    void say(Peer *p, const QString &room, const QString &id, const QString &text, qint64 now);

    // --- sessions and nick leases (redisroombroker_sessions.cpp) ------------------------
    bool isUp() const { return m_link->isUp(); }
    enum class Claim {
        Ok,     ///< the lease on the nick key is this session's
        Taken,  ///< a session of a live process holds it
        Failed, ///< Redis down or an error: nothing is known
    };
    /// Asks Redis for the lease on a nick key for the session with that token (atomic: of
    /// two processes claiming one key at once, one gets Ok, the other Taken). `done` is
    /// called later, never from inside this call.
    void claimNick(const QString &key, const QString &token, std::function<void(Claim)> done);
    /// Gives the lease back (if it is still that session's here).
    void releaseNick(const QString &key, const QString &token);
    /// A session found in Redis by its resume token and moved to this process (its lease
    /// and key say so now): where it was, whether that process is alive.
    struct Taken {
        Claim result = Claim::Failed; ///< Ok: found and moved; Taken: unknown or its nick held
        QString nick;
        QString key;
        QStringList rooms;
        QByteArray origin; ///< the process that had it
        bool originAlive = false;
    };
    /// Looks the resume token up in Redis and, in one script, moves the session here.
    void takeSession(const QString &token, std::function<void(const Taken &)> done);
    /// Tells the process that had the session to let go of it (close its connection with
    /// 4000 if it still has one, forget it).
    void forgetElsewhere(const QString &token, const QByteArray &origin);
    // SessionRegistry::Observer: the session's key and lease in Redis follow it.
    void sessionChanged(Session *s) override;
    void sessionRemoved(Session *s) override;

    // --- the cluster (redisroombroker_cluster.cpp) ----------------------------------------
    /// A notice to everyone or a room: the other processes deliver it to their clients.
    void relayNotice(const proto::server::Notice &notice);
    struct Process {
        QByteArray origin;
        QString name;
        int clients = 0;
        qint64 messagesViaRedis = 0;
        bool self = false;
    };
    /// This process and every other one seen within the keep-alive time.
    QList<Process> processes() const;

    // --- class control and private traffic across processes (redisroombroker_relay.cpp) --
    /// Ids of other processes' clients (remoteClients()) have this bit; local ids never do.
    static constexpr quint64 RemoteIdBit = quint64(1) << 62;
    static bool isRemoteId(quint64 id) { return (id & RemoteIdBit) != 0; }
    /// The connected clients of the other processes, as their last state listed them (nick,
    /// address, rooms, since; ClientInfo::server names the process), for the window.
    QList<ClientInfo> remoteClients() const;
    /// Asks the process holding that remote client to kick it (and ban it for banMs) exactly
    /// like a local kick there. False when the id is unknown (gone) or Redis is down.
    bool kickRemote(quint64 id, const QString &reason, qint64 banMs);
    /// A ban made here (ClassControl id): stored in Redis and applied on every process.
    void shareBan(quint64 banId);
    /// A ban lifted here: lifted in Redis and on every process.
    void shareLift(quint64 banId);
    void shareMute(const QString &nickKey, const QString &nick, bool muted);
    /// A muted student changed nick here: muted under the new nick on every process.
    void shareMuteRename(const QString &oldKey, const QString &newKey, const QString &oldNick,
                         const QString &newNick);
    /// The nick of that key as another process's state spells it (empty: unknown).
    QString remoteNick(const QString &nickKey) const;
    /// A private notice to another process's client (remoteClients() id): its server
    /// delivers it as its own private notice. False when the id is unknown or Redis down.
    bool noticeRemote(quint64 id, const proto::server::Notice &notice);
    /// The join code is the cluster's: set here, it holds on every process.
    void shareJoinCode(const QString &code);
    /// How a whisper to another process ended: delivered (nick: the recipient's nick as
    /// it is there), or refused with code and message (no_such_user, rate_limited, or
    /// internal when Redis is down or the holder did not answer).
    struct WhisperResult {
        bool delivered = false;
        proto::ErrorCode code = proto::ErrorCode::Internal;
        QString message;
        QString nick;
    };
    using WhisperDone = std::function<void(const WhisperResult &)>;
    /// The process another one of whose connected clients has that nick key (as of its last
    /// state), or empty.
    QByteArray holderOf(const QString &nickKey) const;
    /// Hands a whisper to the process holding the nick key (holderOf()); done is
    /// called once, later (never synchronously), with how it ended. probe: only ask whether
    /// the recipient is there (delivered = yes), deliver nothing, take no inbox token.
    void whisperElsewhere(const QString &toKey, const proto::server::Whisper &w, WhisperDone done,
                          bool probe = false);
    /// A typing signal for the room's members on the other processes (coalesced: one batch
    /// per 100 ms, a repeated "on" at most every 2 s per member).
    void relayTyping(const QString &room, const QString &nick, bool on);

    // RoomBroker: members are this process's (the local broker); counts, member lists and
    // the room list add the other processes' members.
    void ensure(const QString &room) override { m_local->ensure(room); }
    bool exists(const QString &room) const override;
    bool contains(const QString &room, const Peer *peer) const override
    {
        return m_local->contains(room, peer);
    }
    int count(const QString &room) const override;
    bool isLarge(int count) const override { return m_local->isLarge(count); }
    bool join(const QString &room, Peer *peer, const QString &nick) override;
    bool leave(const QString &room, Peer *peer, const QString &nick, bool announce) override;
    void replace(const QString &room, Peer *from, Peer *to) override
    {
        m_local->replace(room, from, to);
    }
    int publish(const QString &room, const Frame &frame, const Peer *except) override
    {
        return m_local->publish(room, frame, except);
    }
    QStringList memberNicks(const QString &room, int max) const override;
    QList<QPair<QString, int>> roomCounts() const override;
    void tick(qint64 nowMs) override;

    // --- history from the room's stream (redisroombroker_history.cpp) ---------------------
    /// `history` read from `duplex:stream:ROOM` (XRANGE / XREVRANGE), merged with this
    /// process's SQLite copy (the only source while Redis is down). Everything else for the
    /// peer waits behind the answer, in order; a member gets it once this process has
    /// delivered every message up to the newest one read, and the live messages the answer
    /// of a join holds already are not sent again.
    bool answerHistory(Peer *peer, const QString &room, const QString &re,
                       std::optional<qint64> before, std::optional<qint64> after, int limit,
                       bool join) override;

Q_SIGNALS:
    void stateChanged(bool up);
    /// Another process's window kicks this process's client (ChatServer::kick does it).
    void kickRequested(quint64 clientId, const QString &reason, qint64 banMs);

private:
    struct Incoming {
        qint64 seq = 0;
        QByteArray epoch;
        QByteArray origin;
        quint64 peer = 0;
        QByteArray body;
    };
    struct Order {
        qint64 last = -1;  ///< the highest seq delivered here (-1: not read yet)
        qint64 target = 0; ///< read from the stream up to here even with nothing pending
        QByteArray epoch;
        bool backfilling = false;
        std::map<qint64, Incoming> pending; ///< arrived ahead of a gap
    };
    void onMessage(const QByteArray &channel, const QByteArray &payload);
    Order &order(const QString &room);
    void accept(const QString &room, Incoming in);
    void drain(const QString &room);
    void backfill(const QString &room);
    void deliver(const QString &room, const Incoming &in);
    /// One stream entry (XRANGE) as a publication.
    static Incoming incomingOf(const RedisValue &entry);
    /// A message of the room from a stream entry's or publication's body (`d`).
    static proto::server::Message messageOf(const QString &room, qint64 seq,
                                            const QJsonObject &body);

    // history (redisroombroker_history.cpp)
    struct HistoryStep;
    struct Outbox;
    void startHistory();
    void readHistory(quint64 peer, const std::shared_ptr<HistoryStep> &step);
    /// Sends what the peer's outbox can send now, in order; forgets it when empty.
    void pumpOutbox(quint64 peer);
    void pumpOutboxes();
    void finishStep(Peer *p, Outbox &box, const HistoryStep &step);
    /// Rooms with more in Redis than in this process's copy are read (their copy filled).
    void catchUp(const QByteArray &cursor);

    /// A connected client another process listed in its state (field "a").
    struct RemoteClientEntry {
        QString nick;
        QString key; ///< nickKey(nick)
        QString address;
        QStringList rooms;
        qint64 sinceMs = 0;
    };
    /// What another process last said about itself.
    struct Remote {
        QString name;
        int clients = 0;
        qint64 messagesViaRedis = 0;
        QHash<QString, QStringList> members; ///< room -> member nicks
        QList<RemoteClientEntry> clientList; ///< its connected clients (with addresses)
        QHash<QString, int> byKey;           ///< nick key -> index in clientList
        qint64 seenMs = 0;
    };
    void startCluster();
    void onControl(const QByteArray &payload);
    /// A control message's parts; false when it is not one.
    static bool splitControl(const QByteArray &payload, QByteArray *origin, QByteArray *kind,
                             QByteArray *body);
    void sendControl(const QByteArray &kind, const QByteArray &json);
    /// Our state goes out on the next turn of the event loop (and once a second anyway).
    void stateSoon();
    void sendState();
    void presence(const QString &room, const QString &nick, bool joined);

    // redisroombroker_relay.cpp
    void startRelay();
    /// redisroombroker_control.cpp: its Lua scripts.
    void addControlScripts();
    /// Our connected clients for the state (field "a"): [nick, address, since ms].
    QJsonArray clientsForState() const;
    static void readClients(Remote &r, const QJsonValue &list);
    void onRelay(const QByteArray &payload);
    void loadShared();
    /// The bans, mutes and join code in Redis; exact: also what is not there any more.
    void readShared(bool exact);
    void applyBan(const QString &uid, const QJsonObject &ban, const QString &from);
    void flushTyping();
    QString processName(const QByteArray &origin) const;
    /// The process and nick of a remoteClients() id (false: not listed any more).
    bool findRemote(quint64 id, QByteArray *origin, QString *nick) const;
    /// findRemote() with the link up, and `o` addressed to that process and client.
    bool addressTo(quint64 id, QByteArray *origin, QString *nick, QJsonObject *o);

    // Sessions (redisroombroker_sessions.cpp).
    void addSessionScripts();
    /// Once a second: this process's liveness key, and a tenth of the sessions' keys and
    /// leases kept alive.
    void sessionBeat();
    /// After a (re)connect: liveness, then every session's lease and key written again
    /// (a Redis that lost its data).
    void reassertSessions();
    void flushSessions();
    /// The token's key (`put`); ttlMs 0: as the session is now (sessionTtlMs).
    void writeSession(const Session *s, qint64 ttlMs = 0);
    /// A `forget` from the process that took one of our sessions over.
    void onForget(const QString &token);
    qint64 sessionTtlMs(const Session *s) const;

    std::unique_ptr<RedisLink> m_link;
    std::unique_ptr<LocalRoomBroker> m_local;
    Engine *m_engine = nullptr;
    QByteArray m_origin;
    std::map<QString, Order> m_order;
    qint64 m_viaRedis = 0;
    std::map<QByteArray, Remote> m_remotes;
    QTimer m_beat;
    bool m_stateQueued = false;

    // redisroombroker_relay.cpp
    mutable QHash<QString, quint64> m_remoteIds; ///< origin \x1f nick key -> window id
    mutable quint64 m_nextRemoteId = 1;
    QHash<quint64, QString> m_banUid; ///< ClassControl ban id -> cluster id (origin:id)
    QHash<QString, quint64> m_banByUid;
    struct PendingWhisper {
        WhisperDone done;
        QByteArray holder;
    };
    std::map<quint64, PendingWhisper> m_whispers;
    quint64 m_nextWhisper = 1;
    struct TypingState {
        bool on = false;
        qint64 sentMs = 0;
    };
    QHash<QString, TypingState> m_typingSent; ///< room \x1f nick -> last relayed
    struct TypingQueued {
        QString room;
        QString nick;
        bool on = false;
    };
    std::map<QString, TypingQueued> m_typingQueue; ///< room \x1f nick -> the latest

    QTimer m_typingFlush;

    /// Peers waiting for a history answer from Redis, by id.
    std::unordered_map<quint64, std::shared_ptr<Outbox>> m_outboxes;

    QSet<QString> m_dirty; ///< tokens whose key is written on the next turn
    bool m_flushQueued = false;
    quint64 m_beats = 0;
    /// Releases (key, "still ours" prefix) that waited for Redis to come back.
    QList<QPair<QByteArray, QByteArray>> m_unreleased;
};

} // namespace duplex::server
