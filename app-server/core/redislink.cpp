// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "redislink.h"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <QCryptographicHash>
#include <QSocketNotifier>

#include <utility>
#include <vector>

namespace duplex::server {

namespace {

constexpr int FirstBackoffMs = 100;
constexpr int MaxBackoffMs = 3000;

RedisValue copyReply(const redisReply *r)
{
    RedisValue v;
    if (!r)
        return v;
    switch (r->type) {
    case REDIS_REPLY_STRING:
        v.type = RedisValue::Type::String;
        v.str = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_STATUS:
        v.type = RedisValue::Type::Status;
        v.str = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_ERROR:
        v.type = RedisValue::Type::Error;
        v.str = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_INTEGER:
        v.type = RedisValue::Type::Integer;
        v.integer = r->integer;
        break;
    case REDIS_REPLY_ARRAY:
        v.type = RedisValue::Type::Array;
        v.elements.reserve(qsizetype(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            v.elements.append(copyReply(r->element[i]));
        break;
    default: break;
    }
    return v;
}

RedisValue notSent(const char *why)
{
    RedisValue v;
    v.str = why;
    return v;
}

} // namespace

/// One hiredis connection and its event-loop glue. hiredis' own adapters/qt.h is not used:
/// its destructor writes into the redisAsyncContext, which hiredis has already freed after
/// a disconnect, and its QSocketNotifiers have no parent (docs/qt-notes.md, "hiredis").
struct RedisLink::Conn {
    RedisLink *link = nullptr;
    int which = 0;
    redisAsyncContext *ac = nullptr;
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
    bool ready = false;

    static Conn *of(void *data) { return static_cast<Conn *>(data); }
    QSocketNotifier *notifier(QSocketNotifier::Type type)
    {
        auto *n = new QSocketNotifier(qintptr(ac->c.fd), type, link);
        QObject::connect(n, &QSocketNotifier::activated, link, [this, type] {
            if (!ac)
                return;
            if (type == QSocketNotifier::Read)
                redisAsyncHandleRead(ac);
            else
                redisAsyncHandleWrite(ac);
        });
        return n;
    }
    static void addRead(void *d)
    {
        Conn *c = of(d);
        if (!c->read)
            c->read = c->notifier(QSocketNotifier::Read);
        c->read->setEnabled(true);
    }
    static void delRead(void *d)
    {
        if (Conn *c = of(d); c->read)
            c->read->setEnabled(false);
    }
    static void addWrite(void *d)
    {
        Conn *c = of(d);
        if (!c->write)
            c->write = c->notifier(QSocketNotifier::Write);
        c->write->setEnabled(true);
    }
    static void delWrite(void *d)
    {
        if (Conn *c = of(d); c->write)
            c->write->setEnabled(false);
    }
    /// hiredis frees the context right after: we may be inside a notifier's signal.
    static void cleanup(void *d)
    {
        Conn *c = of(d);
        for (QSocketNotifier **n : {&c->read, &c->write}) {
            if (*n) {
                (*n)->setEnabled(false);
                (*n)->deleteLater();
                *n = nullptr;
            }
        }
        c->ac = nullptr;
        c->ready = false;
    }
};

namespace {

struct Pending {
    RedisLink::Callback cb;
    const bool *stopping;
};

void onReply(redisAsyncContext *, void *reply, void *privdata)
{
    std::unique_ptr<Pending> p(static_cast<Pending *>(privdata));
    if (*p->stopping || !p->cb)
        return;
    p->cb(reply ? copyReply(static_cast<redisReply *>(reply))
                : notSent("the connection to Redis was lost"));
}

} // namespace

struct RedisLinkAccess {
    static void connected(const redisAsyncContext *ac, int status)
    {
        auto *c = static_cast<RedisLink::Conn *>(ac->data);
        if (!c || c->link->m_stopping)
            return;
        if (status != REDIS_OK)
            c->link->onLost(c->which, QString::fromLocal8Bit(ac->errstr));
        else
            c->link->onConnected(c->which);
    }
    static void disconnected(const redisAsyncContext *ac, int)
    {
        auto *c = static_cast<RedisLink::Conn *>(ac->data);
        if (!c || c->link->m_stopping)
            return;
        c->link->onLost(c->which,
                        ac->err ? QString::fromLocal8Bit(ac->errstr)
                                : QStringLiteral("connection closed"));
    }
    /// Every reply of the subscription connection: the psubscribe confirmations, then
    /// ["pmessage", pattern, channel, payload] for each publication.
    static void subscribed(redisAsyncContext *ac, void *reply, void *)
    {
        auto *c = static_cast<RedisLink::Conn *>(ac->data);
        auto *r = static_cast<redisReply *>(reply);
        if (!c || !r || c->link->m_stopping || r->type != REDIS_REPLY_ARRAY || r->elements < 3)
            return;
        const QByteArray kind(r->element[0]->str, qsizetype(r->element[0]->len));
        if (kind == "pmessage" && r->elements == 4) {
            ++c->link->m_messagesReceived;
            Q_EMIT c->link->message(QByteArray(r->element[2]->str, qsizetype(r->element[2]->len)),
                                    QByteArray(r->element[3]->str, qsizetype(r->element[3]->len)));
        } else if (kind == "psubscribe" && !c->ready) {
            c->ready = true;
            c->link->updateUp();
        }
    }
};

RedisLink::RedisLink(const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_url(url)
{
    for (int i = 0; i < 2; ++i) {
        m_conn[i] = std::make_unique<Conn>();
        m_conn[i]->link = this;
        m_conn[i]->which = i;
    }
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        for (int i = 0; i < 2; ++i) {
            if (!m_conn[i]->ac)
                connectOne(i);
        }
    });
}

RedisLink::~RedisLink()
{
    m_stopping = true;
    for (auto &c : m_conn) {
        if (c->ac) {
            redisAsyncContext *ac = c->ac;
            redisAsyncFree(ac); // calls cleanup (c->ac = nullptr) and the pending callbacks
        }
    }
}

QUrl RedisLink::parseUrl(const QString &text, QString *why)
{
    const QUrl url(text, QUrl::StrictMode);
    bool dbOk = true;
    const QString path = url.path();
    if (path.size() > 1)
        path.mid(1).toUInt(&dbOk);
    if (!url.isValid() || url.scheme() != QLatin1String("redis") || url.host().isEmpty()
        || url.port() <= 0 || !dbOk) {
        if (why)
            *why = QStringLiteral("expected redis://HOST:PORT[/DB], got \"%1\"").arg(text);
        return {};
    }
    return url;
}

QString RedisLink::address() const
{
    return QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port());
}

void RedisLink::start()
{
    for (int i = 0; i < 2; ++i)
        connectOne(i);
}

void RedisLink::connectOne(int which)
{
    Conn &c = *m_conn[which];
    redisAsyncContext *ac = redisAsyncConnect(m_url.host().toUtf8().constData(), m_url.port());
    if (!ac)
        return onLost(which, QStringLiteral("out of memory"));
    if (ac->err) {
        const QString why = QString::fromLocal8Bit(ac->errstr);
        redisAsyncFree(ac);
        return onLost(which, why);
    }
    c.ac = ac;
    ac->data = &c;
    ac->ev.data = &c;
    ac->ev.addRead = &Conn::addRead;
    ac->ev.delRead = &Conn::delRead;
    ac->ev.addWrite = &Conn::addWrite;
    ac->ev.delWrite = &Conn::delWrite;
    ac->ev.cleanup = &Conn::cleanup;
    redisAsyncSetConnectCallback(ac, &RedisLinkAccess::connected);
    redisAsyncSetDisconnectCallback(ac, &RedisLinkAccess::disconnected);
}

void RedisLink::send(Conn &c, const QList<QByteArray> &args, Callback cb)
{
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    argv.reserve(size_t(args.size()));
    lens.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    auto *p = new Pending {std::move(cb), &m_stopping};
    if (redisAsyncCommandArgv(c.ac, &onReply, p, int(argv.size()), argv.data(), lens.data())
        != REDIS_OK) {
        std::unique_ptr<Pending> owned(p);
        if (owned->cb)
            owned->cb(notSent("Redis refused the command"));
        return;
    }
    ++m_commandsSent;
}

void RedisLink::onConnected(int which)
{
    Conn &c = *m_conn[which];
    const int db = m_url.path().size() > 1 ? m_url.path().mid(1).toInt() : 0;
    if (db != 0)
        send(c, {"SELECT", QByteArray::number(db)}, {});
    if (which == 0) {
        for (const auto &[name, source] : std::as_const(m_scripts))
            send(c, {"SCRIPT", "LOAD", source}, {});
        c.ready = true;
        updateUp();
    } else {
        for (const QByteArray &pattern : std::as_const(m_patterns))
            redisAsyncCommand(c.ac, &RedisLinkAccess::subscribed, nullptr, "PSUBSCRIBE %b",
                              pattern.constData(), size_t(pattern.size()));
        if (m_patterns.isEmpty()) {
            c.ready = true;
            updateUp();
        }
    }
}

void RedisLink::onLost(int which, const QString &why)
{
    m_conn[which]->ready = false;
    m_up = false;
    if (!m_reportedDown) {
        m_reportedDown = true;
        Q_EMIT down(why);
    }
    scheduleReconnect();
}

void RedisLink::scheduleReconnect()
{
    if (m_retry.isActive() || m_stopping)
        return;
    m_backoffMs = m_backoffMs == 0 ? FirstBackoffMs : qMin(MaxBackoffMs, m_backoffMs * 2);
    m_retry.start(m_backoffMs);
}

void RedisLink::updateUp()
{
    const bool up = m_conn[0]->ready && m_conn[1]->ready;
    if (up == m_up)
        return;
    m_up = up;
    if (up) {
        m_backoffMs = 0;
        m_reportedDown = false;
        const std::deque<std::function<void()>> waiting = std::exchange(m_whenUp, {});
        for (const auto &f : waiting)
            f();
        Q_EMIT this->up();
    }
}

void RedisLink::whenUp(std::function<void()> f)
{
    if (m_up) {
        f();
        return;
    }
    if (m_whenUp.size() >= MaxWhenUp)
        m_whenUp.pop_front();
    m_whenUp.push_back(std::move(f));
}

void RedisLink::command(const QList<QByteArray> &args, Callback cb)
{
    Conn &c = *m_conn[0];
    if (!c.ac || !c.ready) {
        if (cb)
            cb(notSent("Redis is unreachable"));
        return;
    }
    send(c, args, std::move(cb));
}

void RedisLink::addScript(const QByteArray &name, const QByteArray &source)
{
    m_scripts.append({name, source});
    m_shas.insert(name, QCryptographicHash::hash(source, QCryptographicHash::Sha1).toHex());
}

void RedisLink::eval(const QByteArray &name, const QList<QByteArray> &keys,
                     const QList<QByteArray> &args, Callback cb)
{
    QList<QByteArray> rest;
    rest.reserve(keys.size() + args.size() + 1);
    rest.append(QByteArray::number(keys.size()));
    rest.append(keys);
    rest.append(args);
    const QByteArray sha = m_shas.value(name);
    command(QList<QByteArray> {"EVALSHA", sha} + rest, [this, name, rest, cb](const RedisValue &v) {
        if (!(v.isError() && v.str.startsWith("NOSCRIPT"))) {
            if (cb)
                cb(v);
            return;
        }
        // A Redis that restarted since we connected: EVAL caches the script again.
        for (const auto &[n, source] : std::as_const(m_scripts)) {
            if (n == name) {
                command(QList<QByteArray> {"EVAL", source} + rest, cb);
                return;
            }
        }
    });
}

void RedisLink::flush()
{
    if (redisAsyncContext *ac = m_conn[0]->ac; ac && m_conn[0]->ready)
        redisAsyncHandleWrite(ac);
}

void RedisLink::addPattern(const QByteArray &pattern)
{
    m_patterns.append(pattern);
}

} // namespace duplex::server
