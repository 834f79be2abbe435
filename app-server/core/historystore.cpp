// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "historystore.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QFile>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QVariant>
#include <QWaitCondition>

#include <algorithm>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace duplex::server {

namespace {
QAtomicInteger<quint64> s_connectionCounter;

// Each statement is prepared once and reused (the hot path is one INSERT per `say`).
constexpr const char *SchemaSql[] = {
    "CREATE TABLE IF NOT EXISTS messages ("
    " room TEXT NOT NULL, seq INTEGER NOT NULL, sender TEXT NOT NULL,"
    " sender_key TEXT NOT NULL, client_id TEXT, text TEXT NOT NULL, ts INTEGER NOT NULL,"
    " PRIMARY KEY (room, seq)) WITHOUT ROWID",
    // Dedup lookups: (sender_key, client_id) of messages sent with an id.
    "CREATE INDEX IF NOT EXISTS messages_dedup ON messages (sender_key, client_id)"
    " WHERE client_id IS NOT NULL",
};
} // namespace

struct HistoryStore::Private {
    QString connectionName;
    QString path;
    QSqlDatabase db;
    std::optional<QSqlQuery> insert;
    std::optional<QSqlQuery> maxSeq;
    std::optional<QSqlQuery> dedup;
    // The history queries of each shape (with after / with before), prepared once.
    std::optional<QSqlQuery> historyQuery[4];
    QHash<QString, qint64> lastSeq; // cache: room -> highest stored seq
    QString lastError;
    HistoryStore::CheckpointPolicy policy;
    QAtomicInteger<qint64> checkpoints;
    std::unique_ptr<WalCheckpointer> checkpointer; // file databases only
    std::unique_ptr<EventLog> events;
    std::unique_ptr<QTimer> eventTimer; // created in the thread that records
    int eventCap = EventLog::DefaultPerRoomPerSecond;
#ifdef Q_OS_UNIX
    // The file as opened. SQLite keeps writing to its open descriptor after the file (or
    // its directory) was removed or replaced, and every write "succeeds" into a file that
    // is gone at the next start; so each append first checks the path is still that file.
    bool fileKnown = false;
    dev_t fileDevice = 0;
    ino_t fileInode = 0;
#endif

    bool exec(const QString &sql, QString *why)
    {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            if (why)
                *why = q.lastError().text();
            return false;
        }
        return true;
    }

    static proto::server::Message readMessage(const QSqlQuery &q)
    {
        proto::server::Message m;
        m.room = q.value(0).toString();
        m.seq = q.value(1).toLongLong();
        m.from = q.value(2).toString();
        m.text = q.value(3).toString();
        m.ts = q.value(4).toLongLong();
        return m;
    }
};

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

HistoryStore::~HistoryStore()
{
    close();
}

bool HistoryStore::open(const QString &path, QString *error)
{
    close();
    auto fail = [&](const QString &why) {
        d->lastError = tr("Cannot open the history database \"%1\": %2").arg(path, why);
        if (error)
            *error = d->lastError;
        close();
        return false;
    };
    if (path.isEmpty())
        return fail(tr("no path was given."));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(tr("the Qt SQLite driver (QSQLITE) is not installed."));

    d->connectionName = QStringLiteral("duplex-history-%1").arg(++s_connectionCounter);
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    d->db.setDatabaseName(path);
    if (!d->db.open())
        return fail(d->db.lastError().text());

    QString why;
    // WAL: readers never block the writer; synchronous=NORMAL is durable across a crash
    // of the process (only a power loss can lose the last transactions).
    // The first statement also reveals a file that is not a database.
    const bool onDisk = path != QLatin1String(":memory:");
    if (onDisk) {
        QSqlQuery q(d->db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return fail(q.lastError().text());
        // Checkpoints run in the WalCheckpointer's thread, never inside an append here.
        if (d->policy.everyAppends > 0
            && !d->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"), &why))
            return fail(why);
    }
    if (!d->exec(QStringLiteral("PRAGMA synchronous=NORMAL"), &why))
        return fail(why);
    for (const char *sql : SchemaSql) {
        if (!d->exec(QString::fromLatin1(sql), &why))
            return fail(why);
    }
    // Schema version 1 (PRAGMA user_version; 0: a database from before, messages only).
    if (!EventLog::migrate(d->db, SchemaVersion, &why))
        return fail(why);
    d->events = std::make_unique<EventLog>(d->db);
    d->events->setPerRoomPerSecond(d->eventCap);
    if (!d->events->prepare(&why))
        return fail(why);

    d->insert.emplace(d->db);
    d->maxSeq.emplace(d->db);
    d->dedup.emplace(d->db);
    if (!d->insert->prepare(QStringLiteral(
            "INSERT INTO messages (room, seq, sender, sender_key, client_id, text, ts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"))
        || !d->maxSeq->prepare(
            QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM messages WHERE room = ?"))
        || !d->dedup->prepare(QStringLiteral(
            "SELECT room, seq, sender, text, ts FROM messages"
            " WHERE sender_key = ? AND client_id = ? AND ts >= ? ORDER BY ts DESC LIMIT 1")))
        return fail(d->db.lastError().text());
    for (int shape = 0; shape < 4; ++shape) {
        const bool after = shape & 1;
        const bool before = shape & 2;
        QString sql
            = QStringLiteral("SELECT room, seq, sender, text, ts FROM messages WHERE room = ?");
        if (after)
            sql += QStringLiteral(" AND seq > ?");
        if (before)
            sql += QStringLiteral(" AND seq < ?");
        // With after: the oldest `limit` after it. Otherwise the newest `limit`.
        sql += after ? QStringLiteral(" ORDER BY seq ASC LIMIT ?")
                     : QStringLiteral(" ORDER BY seq DESC LIMIT ?");
        auto &q = d->historyQuery[shape].emplace(d->db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return fail(q.lastError().text());
    }
    if (onDisk && d->policy.everyAppends > 0)
        d->checkpointer = std::make_unique<WalCheckpointer>(path, d->policy, &d->checkpoints);
#ifdef Q_OS_UNIX
    struct stat st {
    };
    d->fileKnown = onDisk && ::stat(QFile::encodeName(path).constData(), &st) == 0;
    d->fileDevice = st.st_dev;
    d->fileInode = st.st_ino;
#endif
    d->path = path;
    d->lastError.clear();
    return true;
}

void HistoryStore::close()
{
    // First the checkpointer (it finishes a checkpoint in progress), then the final fold.
    d->checkpointer.reset();
    if (d->events && d->db.isOpen())
        flushEvents();
    d->eventTimer.reset();
    d->events.reset();
#ifdef Q_OS_UNIX
    d->fileKnown = false;
#endif
    for (auto &q : d->historyQuery)
        q.reset();
    d->insert.reset();
    d->maxSeq.reset();
    d->dedup.reset();
    d->lastSeq.clear();
    if (d->db.isValid()) {
        if (d->db.isOpen()) {
            QSqlQuery q(d->db);
            // Fold the WAL back into the main file so a copy of the .sqlite is complete.
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            q.finish();
            d->db.close();
        }
        d->db = QSqlDatabase();
    }
    if (!d->connectionName.isEmpty()) {
        QSqlDatabase::removeDatabase(d->connectionName);
        d->connectionName.clear();
    }
    d->path.clear();
}

bool HistoryStore::isOpen() const
{
    return d->db.isValid() && d->db.isOpen() && d->insert.has_value();
}

QString HistoryStore::path() const
{
    return d->path;
}

qint64 HistoryStore::lastSeq(const QString &room)
{
    if (!isOpen())
        return 0;
    const auto it = d->lastSeq.constFind(room);
    if (it != d->lastSeq.constEnd())
        return it.value();
    QSqlQuery &q = *d->maxSeq;
    q.addBindValue(room);
    qint64 seq = 0;
    if (q.exec() && q.next())
        seq = q.value(0).toLongLong();
    q.finish();
    d->lastSeq.insert(room, seq);
    return seq;
}

std::optional<proto::server::Message> HistoryStore::append(const QString &room, const QString &from,
                                                           const QString &senderKey,
                                                           const QString &clientId,
                                                           const QString &text, qint64 ts)
{
    if (!isOpen()) {
        d->lastError = tr("The history database is not open.");
        return std::nullopt;
    }
#ifdef Q_OS_UNIX
    if (d->fileKnown) {
        struct stat st {
        };
        if (::stat(QFile::encodeName(d->path).constData(), &st) != 0 || st.st_dev != d->fileDevice
            || st.st_ino != d->fileInode) {
            d->lastError = tr("the database file \"%1\" was removed or replaced while the "
                              "server was running; nothing more can be stored until the "
                              "server is restarted.")
                               .arg(d->path);
            return std::nullopt;
        }
    }
#endif
    const qint64 seq = lastSeq(room) + 1;
    // One INSERT is one SQLite transaction. The seq comes from MAX(seq) of stored rows
    // (cached), so it is never reused, and PRIMARY KEY (room, seq) refuses a duplicate.
    QSqlQuery &q = *d->insert;
    q.addBindValue(room);
    q.addBindValue(seq);
    q.addBindValue(from);
    q.addBindValue(senderKey);
    q.addBindValue(clientId.isEmpty() ? QVariant() : QVariant(clientId));
    q.addBindValue(text);
    q.addBindValue(ts);
    if (!q.exec()) {
        d->lastError = q.lastError().text();
        d->lastSeq.remove(room); // re-read from disk next time
        q.finish();
        return std::nullopt;
    }
    q.finish();
    d->lastSeq.insert(room, seq);
    if (d->checkpointer)
        d->checkpointer->appended();
    proto::server::Message m;
    m.room = room;
    m.seq = seq;
    m.from = from;
    m.text = text;
    m.ts = ts;
    return m;
}

bool HistoryStore::insert(const proto::server::Message &m, const QString &senderKey,
                          const QString &clientId)
{
    if (!isOpen())
        return false;
    const qint64 last = lastSeq(m.room);
    QSqlQuery &q = *d->insert;
    q.addBindValue(m.room);
    q.addBindValue(m.seq);
    q.addBindValue(m.from);
    q.addBindValue(senderKey);
    q.addBindValue(clientId.isEmpty() ? QVariant() : QVariant(clientId));
    q.addBindValue(m.text);
    q.addBindValue(m.ts);
    const bool ok = q.exec();
    if (!ok)
        d->lastError = q.lastError().text();
    q.finish();
    if (!ok)
        return m.seq <= last; // the PRIMARY KEY refused a seq stored already
    d->lastSeq.insert(m.room, qMax(last, m.seq));
    if (d->checkpointer)
        d->checkpointer->appended();
    return true;
}

QList<proto::server::Message> HistoryStore::history(const QString &room,
                                                    std::optional<qint64> before,
                                                    std::optional<qint64> after, int limit)
{
    QList<proto::server::Message> out;
    if (!isOpen())
        return out;
    limit = std::clamp(limit, 1, proto::limits::HistoryMax);
    QSqlQuery &q = *d->historyQuery[(after ? 1 : 0) | (before ? 2 : 0)];
    q.addBindValue(room);
    if (after)
        q.addBindValue(*after);
    if (before)
        q.addBindValue(*before);
    q.addBindValue(limit);
    if (!q.exec()) {
        d->lastError = q.lastError().text();
        q.finish();
        return out;
    }
    while (q.next())
        out.append(Private::readMessage(q));
    q.finish(); // ends the read transaction, so a checkpoint can fold the whole WAL
    if (!after)
        std::reverse(out.begin(), out.end());
    return out;
}

std::optional<proto::server::Message>
HistoryStore::findByClientId(const QString &senderKey, const QString &clientId, qint64 sinceTs)
{
    if (!isOpen() || clientId.isEmpty())
        return std::nullopt;
    QSqlQuery &q = *d->dedup;
    q.addBindValue(senderKey);
    q.addBindValue(clientId);
    q.addBindValue(sinceTs);
    std::optional<proto::server::Message> found;
    if (q.exec() && q.next())
        found = Private::readMessage(q);
    q.finish();
    return found;
}

QStringList HistoryStore::rooms()
{
    QStringList out;
    if (!isOpen())
        return out;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT DISTINCT room FROM messages ORDER BY room"))) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

qint64 HistoryStore::messageCount()
{
    if (!isOpen())
        return 0;
    QSqlQuery q(d->db);
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

void HistoryStore::recordEvent(const RoomEvent &event)
{
    if (!d->events)
        return;
    d->events->record(event);
    if (!d->eventTimer) {
        d->eventTimer = std::make_unique<QTimer>();
        d->eventTimer->setSingleShot(true);
        d->eventTimer->setInterval(EventFlushMs);
        QObject::connect(d->eventTimer.get(), &QTimer::timeout, this, [this] { flushEvents(); });
    }
    if (!d->eventTimer->isActive())
        d->eventTimer->start();
}

bool HistoryStore::flushEvents()
{
    if (!d->events)
        return false;
    QString why;
    const int rows = d->events->flush(&why);
    if (rows < 0) {
        d->lastError = why;
        return false;
    }
    if (rows > 0 && d->checkpointer)
        d->checkpointer->appended();
    // Counts past the cap of this second are written at the next tick.
    if (d->eventTimer && d->events->hasPending() && !d->eventTimer->isActive())
        d->eventTimer->start();
    return true;
}

QList<RoomEvent> HistoryStore::events(const QString &room, qint64 sinceMs)
{
    if (!d->events)
        return {};
    flushEvents();
    QString why;
    QList<RoomEvent> out = d->events->events(room, sinceMs, &why);
    if (!why.isEmpty())
        d->lastError = why;
    return out;
}

void HistoryStore::setEventRateLimit(int perRoomPerSecond)
{
    d->eventCap = perRoomPerSecond;
    if (d->events)
        d->events->setPerRoomPerSecond(perRoomPerSecond);
}

QString HistoryStore::lastError() const
{
    return d->lastError;
}

void HistoryStore::setCheckpointPolicy(const CheckpointPolicy &policy)
{
    d->policy = policy;
}

HistoryStore::CheckpointPolicy HistoryStore::checkpointPolicy() const
{
    return d->policy;
}

qint64 HistoryStore::checkpointCount() const
{
    return d->checkpoints.loadRelaxed();
}

} // namespace duplex::server
