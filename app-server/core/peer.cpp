// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "peer.h"

#include "sessionregistry.h"

namespace duplex::server {

QString endpointText(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // Show IPv4-mapped addresses (dual-stack listeners) as plain IPv4.
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4).toString() + QLatin1Char(':') + QString::number(port);
        return QLatin1Char('[') + address.toString() + QLatin1String("]:") + QString::number(port);
    }
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

Peer::Peer(quint64 id, PeerShared *shared)
    : m_shared(shared)
    , m_id(id)
{
    info.id = id;
}

Peer::~Peer() = default;

bool Peer::deliver(const Frame &frame)
{
    if (m_hold && !m_closing) {
        m_hold->hold(frame);
        return true;
    }
    return deliverNow(frame);
}

bool Peer::deliverNow(const Frame &frame)
{
    if (m_closing || !enqueue(frame))
        return false;
    const qint64 n = frame.json().size();
    ++info.framesOut;
    info.bytesOut += n;
    ++m_shared->counters.framesOut;
    m_shared->counters.bytesOut += quint64(n);
    return true;
}

QString Peer::label() const
{
    if (session)
        return session->nick;
    if (!info.nick.isEmpty())
        return info.nick;
    return endpointText(info.address, info.port);
}

QString Peer::who() const
{
    const QString nick = session ? session->nick : info.nick;
    const QString endpoint = endpointText(info.address, info.port);
    return nick.isEmpty() ? endpoint : nick + QLatin1String(" (") + endpoint + QLatin1Char(')');
}

ClientInfo Peer::snapshot() const
{
    ClientInfo out = info;
    if (session) {
        out.nick = session->nick;
        out.sessionId = session->id;
        out.agent = session->agent;
        out.rooms = session->rooms;
        out.welcomed = true;
    }
    out.transport = transport();
    out.end = m_end.kind;
    out.closeCode = m_end.code;
    out.closeReason = m_end.reason;
    if (!m_ended)
        out.queuedBytes = queuedBytes();
    return out;
}

void Peer::keepIdentity()
{
    if (session) {
        info.nick = session->nick;
        info.sessionId = session->id;
        info.agent = session->agent;
        info.rooms = session->rooms;
        info.welcomed = true;
    }
}

void Peer::setEnd(EndKind kind, int code, const QString &reason)
{
    if (m_end.kind != EndKind::Open)
        return;
    m_end = End {kind, code, reason};
}

} // namespace duplex::server
