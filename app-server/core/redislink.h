// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The server's line to Redis (`--redis redis://HOST:PORT[/DB]`): two asynchronous hiredis
// connections on the Qt event loop, one for commands and one for PSUBSCRIBE, reconnected
// with a capped backoff; Lua scripts by EVALSHA (loaded again on NOSCRIPT). No JSON, no
// chat: the RedisRoomBroker builds on it.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

struct redisAsyncContext;
struct redisReply;

namespace duplex::server {

/// A reply, copied out of hiredis (whose replies die with the callback).
struct RedisValue {
    enum class Type { Nil, Error, Status, String, Integer, Array } type = Type::Nil;
    QByteArray str; ///< Error, Status, String
    qint64 integer = 0;
    QList<RedisValue> elements;
    bool isError() const { return type == Type::Error; }
};

class RedisLink final : public QObject
{
    Q_OBJECT
public:
    /// url: redis://HOST:PORT[/DB]. Nothing happens before start().
    explicit RedisLink(const QUrl &url, QObject *parent = nullptr);
    ~RedisLink() override;

    /// Parses `redis://HOST:PORT[/DB]`; on failure an empty QUrl and, when given, why.
    static QUrl parseUrl(const QString &text, QString *why = nullptr);

    void start();
    /// Both connections are up (the patterns subscribed).
    bool isUp() const { return m_up; }
    /// Runs `f` now when the link is up, else when it is up again, before up() is emitted
    /// (so what it sends goes ahead of what up()'s handlers send), in the order given; at
    /// most MaxWhenUp wait (the oldest are dropped).
    void whenUp(std::function<void()> f);
    static constexpr int MaxWhenUp = 1024;
    QString address() const;

    /// Done with the reply, or with a Nil-typed value with `str` saying why when the
    /// command never got an answer (Redis down, connection lost).
    using Callback = std::function<void(const RedisValue &)>;
    /// Sends a command on the command connection; when it is down, cb gets the error at
    /// once (synchronously).
    void command(const QList<QByteArray> &args, Callback cb);
    /// Registers a Lua script under a name (SCRIPT LOAD on every connect).
    void addScript(const QByteArray &name, const QByteArray &source);
    /// EVALSHA of a registered script; NOSCRIPT (a Redis that restarted) loads it again
    /// and retries once.
    void eval(const QByteArray &name, const QList<QByteArray> &keys, const QList<QByteArray> &args,
              Callback cb);
    /// Writes what the command connection has queued now, not on the next pass of the event
    /// loop (a release that must reach Redis before whatever happens next).
    void flush();
    /// Patterns subscribed on every connect of the subscription connection.
    void addPattern(const QByteArray &pattern);

    /// Counters for the window.
    qint64 commandsSent() const { return m_commandsSent; }
    qint64 messagesReceived() const { return m_messagesReceived; }

Q_SIGNALS:
    /// Both connections are up again (scripts loaded, patterns subscribed).
    void up();
    /// A connection was lost or could not be made; why is a human sentence.
    void down(const QString &why);
    /// A publication on a subscribed pattern.
    void message(const QByteArray &channel, const QByteArray &payload);

private:
    struct Conn;
    void connectOne(int which);
    void onConnected(int which);
    void onLost(int which, const QString &why);
    void scheduleReconnect();
    void updateUp();
    void send(Conn &c, const QList<QByteArray> &args, Callback cb);

    QUrl m_url;
    std::unique_ptr<Conn> m_conn[2];                // 0: commands, 1: subscription
    QList<QPair<QByteArray, QByteArray>> m_scripts; // name, source
    QHash<QByteArray, QByteArray> m_shas;           // name -> sha1
    QList<QByteArray> m_patterns;
    QTimer m_retry;
    int m_backoffMs = 0;
    bool m_up = false;
    std::deque<std::function<void()>> m_whenUp; ///< whenUp() while down
    bool m_wasUp = false;
    bool m_reportedDown = false;
    bool m_stopping = false;
    qint64 m_commandsSent = 0;
    qint64 m_messagesReceived = 0;

    friend struct RedisLinkAccess;
};

} // namespace duplex::server
