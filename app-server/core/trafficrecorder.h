// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// What the window and the logs see of the engine's traffic: one row per inbound frame,
// one per outbound fan-out (with its recipient count), one per event. Also emits the
// engine's eventLogged signal, so that an event reaches the traffic log and the event list
// alike. No chat rules.

#include "engineevents.h"

#include <QByteArray>
#include <QString>

namespace duplex::server {

class Frame;
class Peer;
class TrafficLog;

class TrafficRecorder
{
public:
    /// log may be null (nothing is kept); events must outlive this object.
    TrafficRecorder(TrafficLog *log, EngineEvents *events)
        : m_log(log)
        , m_events(events)
    {
    }

    /// A frame from one peer (its JSON, shared, not copied) of that wire type.
    void in(const Peer &from, const QByteArray &json, const QString &type);
    /// One frame to `recipients` peers; `one` names the peer when there is exactly one.
    void out(const Peer *one, int recipients, const Frame &frame);
    /// A connection or server event: a traffic-log row and eventLogged.
    void event(const Peer *about, EventKind kind, const QString &text, int closeCode = 0);
    /// An event about something that is not (or no longer) a peer, named by `label`.
    void event(const QString &label, EventKind kind, const QString &text, int closeCode = 0);

private:
    void append(quint64 clientId, const QString &label, EventKind kind, const QString &text,
                int closeCode);

    TrafficLog *m_log;
    EngineEvents *m_events;
};

} // namespace duplex::server
