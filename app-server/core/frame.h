// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <protocol.h>

#include <QByteArray>
#include <QString>

namespace duplex::server {

/// One server message, encoded once however many peers receive it. Every kind of peer
/// takes what it needs: WebSocket peers queue a reference to wire() (framed on first use,
/// shared by every recipient), polling peers the JSON. Frames live on the stack of one
/// fan-out; the peers keep the implicitly shared byte arrays, never copies.
class Frame
{
public:
    explicit Frame(const proto::ServerMessage &message);
    /// A message already encoded (moved from one transport to another at a takeover).
    Frame(QByteArray json, QString type);

    /// The JSON text (UTF-8): the payload of the WebSocket frame, a poll mailbox entry.
    const QByteArray &json() const { return m_json; }
    /// The complete RFC 6455 text frame (header + payload), built on first use.
    const QByteArray &wire() const;
    /// The message's wire type ("message", "presence", ...).
    const QString &type() const { return m_type; }
    /// When the room message it carries was stored (steadyMicros()); 0 for anything else.
    /// Delivery latency is measured from here to the write.
    qint64 storedUs() const { return m_storedUs; }
    void setStoredUs(qint64 us) { m_storedUs = us; }

private:
    QByteArray m_json;
    mutable QByteArray m_wire;
    QString m_type;
    qint64 m_storedUs = 0;
};

} // namespace duplex::server
