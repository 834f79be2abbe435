// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "frame.h"

#include <codec.h>
#include <websocket.h>

namespace duplex::server {

Frame::Frame(const proto::ServerMessage &message)
    : m_json(proto::encode(message))
    , m_type(proto::typeName(message))
{
}

Frame::Frame(QByteArray json, QString type)
    : m_json(std::move(json))
    , m_type(std::move(type))
{
}

const QByteArray &Frame::wire() const
{
    if (m_wire.isEmpty())
        m_wire = ws::serverFrame(m_json);
    return m_wire;
}

} // namespace duplex::server
