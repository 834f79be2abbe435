// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QVarLengthArray>
#include <QtDebug>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace duplex::server {

namespace {

constexpr uint64_t WakeTag = ~uint64_t(0);

qint64 nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

uint64_t pack(int fd, uint32_t generation)
{
    return (uint64_t(generation) << 32) | uint32_t(fd);
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll/eventfd: %s", std::strerror(errno));
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u64 = WakeTag;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

uint32_t EpollEventDispatcher::wanted(const FdEntry &e)
{
    return (e.read ? uint32_t(EPOLLIN) : 0u) | (e.write ? uint32_t(EPOLLOUT) : 0u)
        | (e.exception ? uint32_t(EPOLLPRI) : 0u);
}

void EpollEventDispatcher::markDirty(int fd)
{
    FdEntry &e = m_fds[size_t(fd)];
    if (!e.dirty) {
        e.dirty = true;
        m_dirty.push_back(fd);
    }
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    if (fd < 0)
        return;
    if (size_t(fd) >= m_fds.size())
        m_fds.resize(std::max(size_t(fd) + 1, m_fds.size() * 2));
    FdEntry &e = m_fds[size_t(fd)];
    switch (notifier->type()) {
    case QSocketNotifier::Read: e.read = notifier; break;
    case QSocketNotifier::Write: e.write = notifier; break;
    case QSocketNotifier::Exception: e.exception = notifier; break;
    }
    markDirty(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    if (fd < 0 || size_t(fd) >= m_fds.size())
        return;
    FdEntry &e = m_fds[size_t(fd)];
    if (e.read == notifier)
        e.read = nullptr;
    else if (e.write == notifier)
        e.write = nullptr;
    else if (e.exception == notifier)
        e.exception = nullptr;
    else
        return;
    if (wanted(e) == 0) {
        // Nothing left on this descriptor: it is probably about to be closed and its number
        // reused, so leave the set now rather than at the next wait.
        removeFromSet(fd);
    } else {
        markDirty(fd);
    }
}

void EpollEventDispatcher::removeFromSet(int fd)
{
    FdEntry &e = m_fds[size_t(fd)];
    if (e.inSet) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // ENOENT/EBADF if already closed: fine
        e.inSet = false;
        e.applied = 0;
    }
    ++e.generation;
}

void EpollEventDispatcher::applyChanges()
{
    for (const int fd : m_dirty) {
        FdEntry &e = m_fds[size_t(fd)];
        e.dirty = false;
        const uint32_t want = wanted(e);
        if (want == 0) {
            removeFromSet(fd);
            continue;
        }
        if (e.inSet && want == e.applied)
            continue;
        epoll_event ev {};
        ev.events = want;
        ev.data.u64 = pack(fd, e.generation);
        int r = epoll_ctl(m_epoll, e.inSet ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev);
        if (r < 0 && errno == ENOENT) // closed and reopened behind our back
            r = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        else if (r < 0 && errno == EEXIST)
            r = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
        if (r < 0) {
            qWarning("EpollEventDispatcher: cannot watch descriptor %d: %s", fd,
                     std::strerror(errno));
            e.inSet = false;
            e.applied = 0;
            continue;
        }
        e.inSet = true;
        e.applied = want;
    }
    m_dirty.clear();
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    if (timerId < 1 || interval < 0 || !object)
        return;
    if (timerType == Qt::VeryCoarseTimer) // whole seconds, as Qt's own dispatchers do
        interval = ((interval / 500 + 1) >> 1) * 1000;
    Timer t;
    t.object = object;
    t.intervalMs = interval;
    t.type = timerType;
    t.dueNs = nowNs() + interval * 1000000;
    m_timers[timerId] = t;
    m_queue.emplace(t.dueNs, timerId);
    m_timersByObject[object].push_back(timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_queue.erase({it->second.dueNs, timerId});
    const auto byObj = m_timersByObject.find(it->second.object);
    if (byObj != m_timersByObject.end()) {
        auto &ids = byObj->second;
        ids.erase(std::remove(ids.begin(), ids.end(), timerId), ids.end());
        if (ids.empty())
            m_timersByObject.erase(byObj);
    }
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const auto byObj = m_timersByObject.find(object);
    if (byObj == m_timersByObject.end())
        return false;
    const std::vector<int> ids = std::move(byObj->second);
    m_timersByObject.erase(byObj);
    for (const int id : ids) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue;
        m_queue.erase({it->second.dueNs, id});
        m_timers.erase(it);
    }
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    const auto byObj = m_timersByObject.find(object);
    if (byObj == m_timersByObject.end())
        return list;
    for (const int id : byObj->second) {
        const auto it = m_timers.find(id);
        if (it != m_timers.end())
            list.append(TimerInfo(id, int(it->second.intervalMs), it->second.type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const qint64 left = it->second.dueNs - nowNs();
    return left <= 0 ? 0 : int((left + 999999) / 1000000);
}

void EpollEventDispatcher::wakeUp()
{
    // Any thread. One eventfd write per wake-up cycle, however many events are posted.
    int expected = 0;
    if (m_wakeUps.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
        const uint64_t one = 1;
        ssize_t r;
        do {
            r = ::write(m_wakeFd, &one, sizeof one);
        } while (r < 0 && errno == EINTR);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_release);
    wakeUp();
}

int EpollEventDispatcher::waitTimeoutMs() const
{
    if (m_queue.empty())
        return -1;
    const qint64 left = m_queue.begin()->first - nowNs();
    if (left <= 0)
        return 0;
    // Round up: waking before the timer is due would only spin.
    const qint64 ms = (left + 999999) / 1000000;
    return ms > 24 * 3600 * 1000 ? 24 * 3600 * 1000 : int(ms);
}

int EpollEventDispatcher::activateTimers()
{
    if (m_queue.empty())
        return 0;
    const qint64 now = nowNs();
    // Snapshot what is due now: a timer started or re-armed by a handler waits for the next
    // pass, and a zero-interval timer fires once per pass (Qt's rule).
    // Local, not a member: a handler may run a nested event loop.
    QVarLengthArray<int, 32> due;
    for (auto it = m_queue.begin(); it != m_queue.end() && it->first <= now; ++it)
        due.append(it->second);
    int fired = 0;
    for (const int id : due) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // stopped by an earlier handler in this pass
        Timer &t = it->second;
        if (t.dueNs > now)
            continue; // id reused by a timer started in this pass
        m_queue.erase({t.dueNs, id});
        const qint64 interval = t.intervalMs * 1000000;
        t.dueNs += interval;
        if (t.dueNs <= now)
            t.dueNs = now + interval; // fell behind: do not fire a burst to catch up
        m_queue.emplace(t.dueNs, id);
        QObject *object = t.object; // `t` may be gone once the handler ran
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
    }
    return fired;
}

int EpollEventDispatcher::activateSocketNotifiers(const Ready *ready, int count)
{
    int activated = 0;
    QEvent event(QEvent::SockAct);
    for (int k = 0; k < count; ++k) {
        const Ready &r = ready[k];
        // Re-read the entry before each delivery: a handler may have disabled, deleted or
        // replaced any notifier, or grown m_fds.
        auto current = [&]() -> FdEntry * {
            if (size_t(r.fd) >= m_fds.size())
                return nullptr;
            FdEntry *e = &m_fds[size_t(r.fd)];
            return e->generation == r.generation ? e : nullptr;
        };
        if (r.events & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)) {
            if (FdEntry *e = current(); e && e->read) {
                QCoreApplication::sendEvent(e->read, &event);
                ++activated;
            }
        }
        if (r.events & (EPOLLOUT | EPOLLERR)) {
            if (FdEntry *e = current(); e && e->write) {
                QCoreApplication::sendEvent(e->write, &event);
                ++activated;
            }
        }
        if (r.events & EPOLLPRI) {
            if (FdEntry *e = current(); e && e->exception) {
                QCoreApplication::sendEvent(e->exception, &event);
                ++activated;
            }
        }
    }
    return activated;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait
        = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupt.load(std::memory_order_acquire);
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupt.load(std::memory_order_acquire))
        return false;

    int timeout = 0;
    if (canWait)
        timeout = includeTimers ? waitTimeoutMs() : -1;

    applyChanges();
    epoll_event events[512];
    int n;
    do {
        n = epoll_wait(m_epoll, events, 512, timeout);
    } while (n < 0 && errno == EINTR && timeout != 0 && !m_interrupt.load());
    if (canWait)
        Q_EMIT awake();

    int handled = 0;
    // Reuse the epoll array in place (no allocation; safe under nested event loops).
    Ready ready[512];
    int readyCount = 0;
    for (int i = 0; i < n; ++i) {
        const epoll_event &ev = events[i];
        if (ev.data.u64 == WakeTag) {
            uint64_t value;
            while (::read(m_wakeFd, &value, sizeof value) > 0) { }
            m_wakeUps.store(0, std::memory_order_release);
            continue;
        }
        if (!includeNotifiers)
            continue;
        ready[readyCount++] = {int(uint32_t(ev.data.u64)), uint32_t(ev.data.u64 >> 32), ev.events};
    }
    if (includeTimers)
        handled += activateTimers();
    if (includeNotifiers)
        handled += activateSocketNotifiers(ready, readyCount);
    return handled > 0;
}

} // namespace duplex::server
