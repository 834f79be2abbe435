// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "trafficrecorder.h"

#include "frame.h"
#include "peer.h"
#include "trafficlog.h"

namespace duplex::server {

void TrafficRecorder::in(const Peer &from, const QByteArray &json, const QString &type)
{
    if (!m_log)
        return;
    TrafficEntry e;
    e.direction = TrafficDirection::In;
    e.clientId = from.id();
    e.client = from.label();
    e.type = type;
    e.bytes = json.size();
    e.recipients = 1;
    e.payload = json;
    m_log->append(std::move(e));
}

void TrafficRecorder::out(const Peer *one, int recipients, const Frame &frame)
{
    if (!m_log || recipients <= 0)
        return;
    TrafficEntry e;
    e.direction = TrafficDirection::Out;
    if (one) {
        e.clientId = one->id();
        e.client = one->label();
    }
    e.type = frame.type();
    e.bytes = frame.json().size();
    e.recipients = recipients;
    e.payload = frame.json();
    m_log->append(std::move(e));
}

void TrafficRecorder::event(const Peer *about, EventKind kind, const QString &text, int closeCode)
{
    append(about ? about->id() : 0, about ? about->label() : QString(), kind, text, closeCode);
}

void TrafficRecorder::event(const QString &label, EventKind kind, const QString &text,
                            int closeCode)
{
    append(0, label, kind, text, closeCode);
}

void TrafficRecorder::append(quint64 clientId, const QString &label, EventKind kind,
                             const QString &text, int closeCode)
{
    if (m_log) {
        TrafficEntry e;
        e.direction = TrafficDirection::Event;
        e.clientId = clientId;
        e.client = label;
        e.type = eventKindName(kind);
        e.closeCode = closeCode;
        e.summary = text;
        m_log->append(std::move(e));
    }
    Q_EMIT m_events->eventLogged(kind, text);
}

} // namespace duplex::server
