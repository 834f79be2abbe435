// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "typingnotifier.h"

namespace duplex::client {

TypingNotifier::TypingNotifier(QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(3000);
    connect(&m_idle, &QTimer::timeout, this, [this] { want(false); });
    m_defer.setSingleShot(true);
    connect(&m_defer, &QTimer::timeout, this, &TypingNotifier::apply);
}

void TypingNotifier::setTarget(const QString &target)
{
    if (target == m_target)
        return;
    if (m_sent && !m_target.isEmpty()) {
        // A different room: its `off` is not rate-limited against the new room's frames.
        Q_EMIT typingChanged(m_target, false);
    }
    m_sent = false;
    m_wanted = false;
    m_idle.stop();
    m_defer.stop();
    m_lastFrame.invalidate();
    m_target = target;
}

void TypingNotifier::textEdited(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_idle.stop();
        want(false);
        return;
    }
    m_idle.start();
    want(true);
}

void TypingNotifier::messageSent()
{
    m_idle.stop();
    want(false);
}

void TypingNotifier::want(bool on)
{
    m_wanted = on;
    apply();
}

void TypingNotifier::apply()
{
    if (m_wanted == m_sent || m_target.isEmpty()) {
        m_defer.stop();
        return;
    }
    if (m_lastFrame.isValid() && m_lastFrame.elapsed() < m_minIntervalMs) {
        if (!m_defer.isActive())
            m_defer.start(int(m_minIntervalMs - m_lastFrame.elapsed()));
        return;
    }
    m_sent = m_wanted;
    m_lastFrame.start();
    Q_EMIT typingChanged(m_target, m_sent);
}

} // namespace duplex::client
