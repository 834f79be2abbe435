// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "unixsignalwatcher.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace duplex {

#ifdef Q_OS_UNIX
namespace {
// The handler may only touch these (a plain int and write()); -1 = no watcher.
volatile sig_atomic_t g_writeFd = -1;
int g_readFd = -1;

extern "C" void forwardSignal(int signo)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signo);
    // A full pipe means a signal is already waiting to be read: dropping this one is fine.
    [[maybe_unused]] const ssize_t n = ::write(g_writeFd, &byte, 1);
    errno = savedErrno;
}
} // namespace
#endif

UnixSignalWatcher::UnixSignalWatcher(QObject *parent)
    : UnixSignalWatcher({SIGTERM, SIGINT, SIGHUP}, parent)
{
}

UnixSignalWatcher::UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (g_writeFd != -1)
        return;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return;
    // Non-blocking both ways: the handler must never block, the reader drains in a loop.
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK);
    g_writeFd = fds[0];
    g_readFd = fds[1];
    m_notifier = new QSocketNotifier(g_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        while (::read(g_readFd, &byte, 1) == 1)
            Q_EMIT received(int(byte));
    });
    m_signals = signalNumbers;
    for (int signo : std::as_const(m_signals)) {
        struct sigaction sa = {};
        sa.sa_handler = forwardSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART; // Qt's poll/read calls must not fail with EINTR
        ::sigaction(signo, &sa, nullptr);
    }
#else
    Q_UNUSED(signalNumbers)
#endif
}

UnixSignalWatcher::~UnixSignalWatcher()
{
#ifdef Q_OS_UNIX
    if (!m_notifier)
        return;
    for (int signo : std::as_const(m_signals)) {
        struct sigaction sa = {};
        sa.sa_handler = SIG_DFL;
        sigemptyset(&sa.sa_mask);
        ::sigaction(signo, &sa, nullptr);
    }
    delete m_notifier;
    m_notifier = nullptr;
    const int w = g_writeFd;
    g_writeFd = -1;
    ::close(w);
    ::close(g_readFd);
    g_readFd = -1;
#endif
}

} // namespace duplex
