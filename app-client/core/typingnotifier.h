// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace duplex::client {

/// Turns keystrokes into `typing` frames: `on` at the first keystroke, `off` after an idle
/// time (3 s) or when the text is sent or cleared, and never more than one frame per
/// minimum interval (1 s): a change inside the interval is deferred to its end, and
/// dropped if the state went back meanwhile.
class TypingNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit TypingNotifier(QObject *parent = nullptr);

    void setIdleTimeout(int ms) { m_idle.setInterval(ms); }
    int idleTimeout() const { return m_idle.interval(); }
    void setMinInterval(int ms) { m_minIntervalMs = ms; }
    int minInterval() const { return m_minIntervalMs; }

    /// The conversation the keystrokes belong to (a room name; empty = none). Switching
    /// while `on` was sent sends `off` for the old target first.
    void setTarget(const QString &target);
    QString target() const { return m_target; }
    bool isOn() const { return m_sent; }

public Q_SLOTS:
    /// Feed every edit of the input (QLineEdit::textEdited, or the plain text after a change).
    void textEdited(const QString &text);
    /// The text was sent: typing is over.
    void messageSent();

Q_SIGNALS:
    void typingChanged(const QString &target, bool on);

private:
    void want(bool on);
    void apply();

    QString m_target;
    QTimer m_idle;
    QTimer m_defer;
    QElapsedTimer m_lastFrame;
    int m_minIntervalMs = 1000;
    bool m_wanted = false;
    bool m_sent = false;
};

} // namespace duplex::client
