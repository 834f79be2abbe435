// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace duplex {

/// Turns SIGTERM, SIGINT and SIGHUP into a Qt signal, so a killed program can end cleanly:
/// the client says goodbye (close 1000) instead of leaving a resumable session on the
/// server; the headless server closes every client with 1001 and folds its database.
///
/// The handler only write()s the signal number to a socketpair (async-signal-safe); a
/// QSocketNotifier on the other end emits received() from the event loop, where Qt calls
/// are allowed. One watcher per process: the handler needs a process-wide descriptor.
/// On non-Unix systems this does nothing.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT
public:
    /// Installs handlers for signalNumbers (SIGTERM, SIGINT, SIGHUP by default).
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    /// Restores the default disposition of the watched signals.
    ~UnixSignalWatcher() override;

    /// False when the handlers could not be installed (another watcher exists, or no
    /// socketpair).
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace duplex
