// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QAtomicInteger>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>

class QSqlDatabase;
class QThread;

namespace duplex::server {

/// When the WAL is folded: after this many appends, or this often while something is
/// left, and with RESTART (waiting for the writer) only past forceFrames.
struct WalCheckpointPolicy {
    int everyAppends = 1000;
    int intervalMs = 10'000;
    int forceFrames = 4096; // 16 MiB of 4 KiB pages
};

// Folds the WAL into the database file from its own thread and its own connection, so the
// fsyncs of a checkpoint (WAL, then database: 10-30 ms on the VM's disk) never run in the
// thread that appends, i.e. the server's event loop. (One small fdatasync stays there: SQLite
// syncs the WAL header when the next append starts the folded WAL over, once per cycle.)
// The writer connection has wal_autocheckpoint=0 and only counts appends; durability is
// unchanged (WAL mode with synchronous=NORMAL: a commit is in the WAL before append()
// returns, so a crash of the process loses nothing committed).
class WalCheckpointer
{
public:
    WalCheckpointer(const QString &path, const WalCheckpointPolicy &policy,
                    QAtomicInteger<qint64> *completed);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /// Called by the writer after each append (cheap: one atomic add, a wake-up every
    /// everyAppends appends).
    void appended();

private:
    struct Result {
        bool ran = false;         // the pragma ran (false: an error, nothing to retry)
        bool busy = false;        // RESTART gave up waiting for the writer
        qint64 log = -1;          // frames in the WAL
        qint64 checkpointed = -1; // frames of it now in the database file
        bool complete() const { return ran && !busy && checkpointed == log; }
    };

    void run();
    void loop(QSqlDatabase &db);
    Result exec(QSqlDatabase &db, const char *mode);
    bool checkpoint(QSqlDatabase &db);
    bool stopRequested();

    const QString m_path;
    const WalCheckpointPolicy m_policy;
    QAtomicInteger<qint64> *const m_completed;
    QString m_connectionName;
    QAtomicInt m_appends;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;      // guarded by m_mutex
    bool m_requested = false; // guarded by m_mutex
    std::unique_ptr<QThread> m_thread;
};

} // namespace duplex::server
