// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

class QSocketNotifier;

namespace duplex::server {

/// A Linux event dispatcher built on epoll, for the headless server.
///
/// Why: Qt's stock dispatchers rebuild and scan the whole descriptor set on every loop pass
/// (QEventDispatcherUNIX hands poll() an array of every socket; the GLib one walks every
/// GSource), so with N clients each pass costs O(N) and a broadcast O(N^2). Here a pass
/// costs O(ready sockets): descriptors stay registered in the kernel, and enabling or
/// disabling a notifier only marks the descriptor for one epoll_ctl before the next wait
/// (QAbstractSocket toggles its write notifier around every flush; an enable followed by a
/// disable in the same pass costs nothing).
///
/// Timers live in an ordered set (O(log n) start/stop); posted events go through the public
/// QCoreApplication::sendPostedEvents(), and wakeUp() signals an eventfd, which every
/// QCoreApplication::postEvent() calls, so the loop never sleeps on a pending event.
///
/// Install before the application object exists (--headless):
///     QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
/// or on a worker thread before it starts (the window's engine thread, ServerHost):
///     thread.setEventDispatcher(new EpollEventDispatcher);
/// Never on a thread that shows windows: it does not pump window-system events.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct FdEntry {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        uint32_t applied = 0;    ///< event mask currently in the epoll set
        uint32_t generation = 0; ///< bumped when the fd leaves the set: stale events are skipped
        bool inSet = false;
        bool dirty = false;
    };
    struct Timer {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        qint64 dueNs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
    };
    struct Ready {
        int fd;
        uint32_t generation;
        uint32_t events;
    };

    static uint32_t wanted(const FdEntry &e);
    void markDirty(int fd);
    void applyChanges();
    void removeFromSet(int fd);
    int activateSocketNotifiers(const Ready *ready, int count);
    int activateTimers();
    int waitTimeoutMs() const;

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<int> m_wakeUps {0};
    std::atomic<bool> m_interrupt {false};

    std::vector<FdEntry> m_fds; ///< indexed by descriptor
    std::vector<int> m_dirty;

    std::unordered_map<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_queue; ///< (due, id), earliest first
    std::unordered_map<QObject *, std::vector<int>> m_timersByObject;
};

} // namespace duplex::server
