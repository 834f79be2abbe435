// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "walcheckpointer.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <utility>

namespace duplex::server {

namespace {
QAtomicInteger<quint64> s_checkpointerCounter;
} // namespace

WalCheckpointer::WalCheckpointer(const QString &path, const WalCheckpointPolicy &policy,
                                 QAtomicInteger<qint64> *completed)
    : m_path(path)
    , m_policy(policy)
    , m_completed(completed)
{
    m_connectionName = QStringLiteral("duplex-history-checkpoint-%1").arg(++s_checkpointerCounter);
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("history-checkpoint"));
    m_thread->start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
        m_wake.wakeOne();
    }
    m_thread->wait();
}

void WalCheckpointer::appended()
{
    if (m_appends.fetchAndAddRelaxed(1) + 1 == m_policy.everyAppends) {
        QMutexLocker lock(&m_mutex);
        m_requested = true;
        m_wake.wakeOne();
    }
}

void WalCheckpointer::run()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            loop(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void WalCheckpointer::loop(QSqlDatabase &db)
{
    bool pending = false; // the last try left frames behind
    QMutexLocker lock(&m_mutex);
    while (!m_stop) {
        if (!m_requested)
            m_wake.wait(&m_mutex, QDeadlineTimer(m_policy.intervalMs));
        if (m_stop)
            break;
        const bool requested = std::exchange(m_requested, false);
        // The timer alone only acts when there is something to fold.
        if (!requested && !pending && m_appends.loadRelaxed() == 0)
            continue;
        lock.unlock();
        pending = !checkpoint(db);
        lock.relock();
    }
}

WalCheckpointer::Result WalCheckpointer::exec(QSqlDatabase &db, const char *mode)
{
    QSqlQuery q(db);
    Result r;
    if (q.exec(QStringLiteral("PRAGMA wal_checkpoint(%1)").arg(QLatin1String(mode))) && q.next()) {
        r.ran = true;
        r.busy = q.value(0).toInt() != 0;
        r.log = q.value(1).toLongLong();
        r.checkpointed = q.value(2).toLongLong();
    }
    return r;
}

// PASSIVE never takes the writer's lock. It copies the frames that were in the WAL when
// it started; appends that land meanwhile stay behind it, and the WAL only starts over
// (at the next append) once every frame is in the database file. So it is repeated
// until a pass finds nothing new (usually the second: the rest is a few frames). Only
// when the writer never pauses and the WAL is past forceFrames does RESTART wait for
// the writer (which then waits for one short checkpoint of what is left, as it did on
// every autocheckpoint before).
bool WalCheckpointer::checkpoint(QSqlDatabase &db)
{
    m_appends.storeRelaxed(0);
    Result r;
    bool folded = false;
    for (int attempt = 0; attempt < 8 && !folded; ++attempt) {
        const qint64 before = r.log;
        r = exec(db, "PASSIVE");
        if (!r.ran || stopRequested())
            return true;
        folded = r.complete() && r.log == before;
    }
    if (!folded && r.log > m_policy.forceFrames && !stopRequested()) {
        r = exec(db, "RESTART");
        folded = r.complete();
    }
    if (folded && r.log > 0)
        m_completed->fetchAndAddRelaxed(1);
    return folded || !r.ran;
}

bool WalCheckpointer::stopRequested()
{
    QMutexLocker lock(&m_mutex);
    return m_stop;
}

} // namespace duplex::server
