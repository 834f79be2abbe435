// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// duplex-historybench: what one `say` costs the server's thread in HistoryStore, on a file
// database. Per message it does what ChatServer::say() does before the fan-out: the dedup
// lookup (findByClientId) and then append(), and it times the pair. Prints append latency
// p50/p99/max, appends/s, how many appends took over 1 ms / 10 ms, the largest WAL file
// seen and how long close() took. Pacing (--rate) matters: a checkpoint is per pages
// written, a stall is per wall-clock second.

#include <historystore.h>

#include "histogram.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <cinttypes>
#include <cstdio>

using duplex::bench::Histogram;
using duplex::server::HistoryStore;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Times HistoryStore::findByClientId + append per message on a file database."));
    p.addHelpOption();
    p.addOption({QStringLiteral("count"), QStringLiteral("messages to append (default 20000)"),
                 QStringLiteral("n"), QStringLiteral("20000")});
    p.addOption({QStringLiteral("rate"),
                 QStringLiteral("appends per second, 0 = as fast as possible (default 0)"),
                 QStringLiteral("r"), QStringLiteral("0")});
    p.addOption({QStringLiteral("rooms"), QStringLiteral("rooms written round-robin (default 4)"),
                 QStringLiteral("n"), QStringLiteral("4")});
    p.addOption({QStringLiteral("dir"),
                 QStringLiteral("directory for the database (default: a new temp dir on /tmp)"),
                 QStringLiteral("path")});
    p.addOption({QStringLiteral("every"),
                 QStringLiteral("background checkpoint after n appends; 0 = SQLite's own "
                                "autocheckpoint inside the append, as before (default: the "
                                "store's default)"),
                 QStringLiteral("n")});
    p.addOption({QStringLiteral("json"), QStringLiteral("one JSON object instead of a table")});
    p.addOption({QStringLiteral("label"), QStringLiteral("label in the JSON"), QStringLiteral("s"),
                 QStringLiteral("history")});
    p.process(app);

    const qint64 count = p.value(QStringLiteral("count")).toLongLong();
    const double rate = p.value(QStringLiteral("rate")).toDouble();
    const int rooms = qMax(1, p.value(QStringLiteral("rooms")).toInt());
    // Bounded: at most 10 minutes of work whatever the options say.
    const qint64 deadlineMs = 600'000;

    QTemporaryDir tmp;
    QString dir = p.value(QStringLiteral("dir"));
    if (dir.isEmpty())
        dir = tmp.path();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("historybench.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));

    HistoryStore store;
    HistoryStore::CheckpointPolicy policy = store.checkpointPolicy();
    if (p.isSet(QStringLiteral("every")))
        policy.everyAppends = p.value(QStringLiteral("every")).toInt();
    store.setCheckpointPolicy(policy);
    QString error;
    if (!store.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    // Realistic chat lines: 10..300 characters, mostly short, some non-ASCII.
    QRandomGenerator rng(42);
    QStringList roomNames;
    for (int i = 0; i < rooms; ++i)
        roomNames.append(i == 0 ? QStringLiteral("general") : QStringLiteral("room-%1").arg(i));
    const QString words = QStringLiteral(
        "the quick brown fox jumps over a lazy dog while twelve students ask about sockets, "
        "frames, latency and why müller's Übung does not compile on Fridays ");

    Histogram lat;
    uint64_t over1ms = 0;
    uint64_t over10ms = 0;
    uint64_t failed = 0;
    QStringList slow;
    qint64 walMax = 0;
    const QString walPath = path + QStringLiteral("-wal");
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer one;
    const qint64 intervalNs = rate > 0 ? static_cast<qint64>(1e9 / rate) : 0;
    qint64 sent = 0;
    for (; sent < count && clock.elapsed() < deadlineMs; ++sent) {
        if (intervalNs) {
            const qint64 due = sent * intervalNs;
            qint64 now = clock.nsecsElapsed();
            if (now < due) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
                now = clock.nsecsElapsed();
                if (now < due)
                    QThread::usleep(static_cast<unsigned long>((due - now) / 1000));
            }
        }
        const int sender = static_cast<int>(rng.bounded(30));
        const QString senderKey = QStringLiteral("student%1").arg(sender);
        const QString id = QStringLiteral("c%1-%2").arg(sender).arg(sent);
        const int len = rng.bounded(8) == 0 ? 100 + static_cast<int>(rng.bounded(200))
                                            : 10 + static_cast<int>(rng.bounded(70));
        const int start = static_cast<int>(rng.bounded(words.size() - 1));
        QString text;
        text.reserve(len);
        while (text.size() < len)
            text += words.mid(start, len - text.size());
        const QString &room = roomNames.at(static_cast<int>(sent % rooms));
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();

        one.start();
        const auto dup = store.findByClientId(senderKey, id, ts - 60'000);
        const auto m = dup ? dup : store.append(room, senderKey, senderKey, id, text, ts);
        const qint64 ns = one.nsecsElapsed();
        if (!m)
            ++failed;
        const uint64_t us = static_cast<uint64_t>(ns / 1000);
        lat.record(us);
        if (us > 1000)
            ++over1ms;
        if (us > 10'000)
            ++over10ms;
        // Where the slow ones fall: right at a restart of the WAL (a checkpoint just
        // finished) or anywhere (scheduling, the disk).
        if (us > 5000 && slow.size() < 20)
            slow.append(QStringLiteral("#%1 %2 ms (%3 checkpoints done, WAL %4 MB)")
                            .arg(sent)
                            .arg(static_cast<double>(us) / 1000.0, 0, 'f', 1)
                            .arg(store.checkpointCount())
                            .arg(static_cast<double>(QFileInfo(walPath).size()) / 1e6, 0, 'f', 1));
        if (sent % 64 == 0)
            walMax = qMax(walMax, QFileInfo(walPath).size());
        if (intervalNs == 0 && sent % 256 == 0)
            QCoreApplication::processEvents();
    }
    const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    walMax = qMax(walMax, QFileInfo(walPath).size());
    const qint64 walEnd = QFileInfo(walPath).size();
    const qint64 stored = store.messageCount();
    const qint64 checkpoints = store.checkpointCount();
    QElapsedTimer closeTimer;
    closeTimer.start();
    store.close();
    const double closeMs = static_cast<double>(closeTimer.nsecsElapsed()) / 1e6;
    const qint64 walAfterClose = QFileInfo(walPath).exists() ? QFileInfo(walPath).size() : 0;
    const qint64 dbSize = QFileInfo(path).size();

    const double p50 = lat.quantile(0.50) / 1000.0;
    const double p99 = lat.quantile(0.99) / 1000.0;
    const double p999 = lat.quantile(0.999) / 1000.0;
    const double mx = static_cast<double>(lat.max()) / 1000.0;
    const double perSecond = seconds > 0 ? static_cast<double>(sent) / seconds : 0;
    if (p.isSet(QStringLiteral("json"))) {
        std::printf("{\"label\":\"%s\",\"count\":%lld,\"rate\":%g,\"rooms\":%d,\"seconds\":%.3f,"
                    "\"appends_per_s\":%.0f,\"p50_ms\":%.4f,\"p99_ms\":%.4f,\"p999_ms\":%.4f,"
                    "\"max_ms\":%.3f,\"over_1ms\":%" PRIu64 ",\"over_10ms\":%" PRIu64 ","
                    "\"failed\":%" PRIu64 ",\"stored\":%lld,\"wal_max_bytes\":%lld,"
                    "\"wal_end_bytes\":%lld,\"wal_after_close_bytes\":%lld,\"db_bytes\":%lld,"
                    "\"close_ms\":%.2f,\"every\":%d,\"bg_checkpoints\":%lld}\n",
                    qPrintable(p.value(QStringLiteral("label"))), static_cast<long long>(sent),
                    rate, rooms, seconds, perSecond, p50, p99, p999, mx, over1ms, over10ms, failed,
                    static_cast<long long>(stored), static_cast<long long>(walMax),
                    static_cast<long long>(walEnd), static_cast<long long>(walAfterClose),
                    static_cast<long long>(dbSize), closeMs, policy.everyAppends,
                    static_cast<long long>(checkpoints));
    } else {
        std::printf("history on disk: %s\n", qPrintable(path));
        std::printf("  appends          %lld in %.2f s (%.0f/s%s), %d rooms, %" PRIu64 " failed\n",
                    static_cast<long long>(sent), seconds, perSecond,
                    rate > 0 ? ", paced" : ", flat out", rooms, failed);
        std::printf("  dedup+append     p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.2f ms\n",
                    p50, p99, p999, mx);
        if (policy.everyAppends > 0)
            std::printf("  checkpoints      background thread, every %d appends: %lld done\n",
                        policy.everyAppends, static_cast<long long>(checkpoints));
        else
            std::printf("  checkpoints      SQLite's autocheckpoint inside the append (before)\n");
        std::printf("  slow appends     %" PRIu64 " over 1 ms, %" PRIu64 " over 10 ms\n", over1ms,
                    over10ms);
        for (const QString &s : std::as_const(slow))
            std::printf("    slow append  %s\n", qPrintable(s));
        std::printf("  WAL file         max %.1f MB during the run, %.1f MB at the end, "
                    "%lld bytes after close()\n",
                    static_cast<double>(walMax) / 1e6, static_cast<double>(walEnd) / 1e6,
                    static_cast<long long>(walAfterClose));
        std::printf("  database         %lld rows, %.1f MB; close() took %.1f ms\n",
                    static_cast<long long>(stored), static_cast<double>(dbSize) / 1e6, closeMs);
    }
    return failed == 0 && stored == sent ? 0 : 1;
}
