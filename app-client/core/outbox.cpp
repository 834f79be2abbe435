// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "outbox.h"

#include <QDateTime>
#include <QUuid>

#include <cmath>

namespace duplex::client {

Outbox::Outbox(Transmit transmit, CanSend canSend, QObject *parent)
    : QObject(parent)
    , m_transmit(std::move(transmit))
    , m_canSend(std::move(canSend))
{
    qRegisterMetaType<duplex::client::OutboxEntry>();
    m_rateTimer.setSingleShot(true);
    connect(&m_rateTimer, &QTimer::timeout, this, &Outbox::sendNextPaced);
}

QString Outbox::add(OutboxEntry::Kind kind, const QString &target, const QString &text)
{
    OutboxEntry e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.kind = kind;
    e.target = target;
    e.text = text;
    e.queuedMs = QDateTime::currentMSecsSinceEpoch();
    m_entries.append(e);
    Q_EMIT queued(e);
    if (m_canSend() && !m_pacing)
        send(m_entries.last());
    return e.id;
}

void Outbox::send(OutboxEntry &entry)
{
    ++entry.sends;
    entry.inFlight = true;
    if (entry.waiting) {
        entry.waiting = false;
        Q_EMIT resent(entry.id);
    }
    m_transmit(entry);
}

void Outbox::sendAll()
{
    for (OutboxEntry &e : m_entries)
        send(e);
}

void Outbox::connectionLost()
{
    stopPacing();
}

void Outbox::stopPacing()
{
    m_rateTimer.stop();
    m_pacing = false;
    m_backoff.reset();
    for (OutboxEntry &e : m_entries)
        e.inFlight = false; // a new connection resends everything anyway
}

void Outbox::clear()
{
    m_entries.clear();
}

bool Outbox::rateLimited(const QString &id, qint64 retryAfterMs)
{
    for (OutboxEntry &e : m_entries) {
        if (e.id != id)
            continue;
        e.inFlight = false;
        e.waiting = true;
        m_pacing = true;
        // One backoff per round of refusals: a burst refused as a whole waits once.
        if (!m_rateTimer.isActive())
            m_rateTimer.start(
                int(qMax<qint64>(m_backoff.next(), qMin<qint64>(retryAfterMs, 3600000))));
        Q_EMIT waiting(id, m_rateTimer.remainingTime());
        return true;
    }
    return false;
}

void Outbox::sendNextPaced()
{
    if (!m_pacing || !m_canSend() || m_rateTimer.isActive())
        return;
    // One at a time, oldest first: an entry sent while an earlier one might still be
    // refused could overtake it.
    if (!m_entries.isEmpty()) {
        if (!m_entries.first().inFlight)
            send(m_entries.first());
        return;
    }
    stopPacing(); // all delivered: back to sending at once
}

bool Outbox::take(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id != id)
            continue;
        m_entries.removeAt(i);
        if (m_pacing) {
            // Answered: the server has tokens again. Space the next one by the server's
            // announced rate so slow mode does not run into refusals.
            m_backoff.reset();
            if (!m_rateTimer.isActive())
                m_rateTimer.start(m_serverRate > 0 ? int(std::ceil(1000.0 / m_serverRate)) : 0);
        }
        return true;
    }
    return false;
}

} // namespace duplex::client
