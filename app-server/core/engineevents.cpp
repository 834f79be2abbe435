// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "engineevents.h"

#include <QMetaMethod>

namespace duplex::server {

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Open: return QStringLiteral("open");
    case EventKind::Hello: return QStringLiteral("hello");
    case EventKind::Nick: return QStringLiteral("nick");
    case EventKind::Close: return QStringLiteral("close");
    case EventKind::Kick: return QStringLiteral("kick");
    case EventKind::Takeover: return QStringLiteral("takeover");
    case EventKind::Expired: return QStringLiteral("expired");
    case EventKind::RateLimited: return QStringLiteral("rate_limited");
    case EventKind::Flood: return QStringLiteral("flood");
    case EventKind::TooSlow: return QStringLiteral("too_slow");
    case EventKind::TooBig: return QStringLiteral("too_big");
    case EventKind::Timeout: return QStringLiteral("timeout");
    case EventKind::Full: return QStringLiteral("full");
    case EventKind::Busy: return QStringLiteral("busy");
    case EventKind::Http: return QStringLiteral("http");
    case EventKind::Error: return QStringLiteral("error");
    case EventKind::Transport: return QStringLiteral("transport");
    }
    return QStringLiteral("event");
}

void forwardEngineEvents(const EngineEvents *from, EngineEvents *to,
                         const QList<QByteArray> &except)
{
    qRegisterMetaType<ClientInfo>();
    qRegisterMetaType<EventKind>();
    const QMetaObject &mo = EngineEvents::staticMetaObject;
    // Only the signals declared in EngineEvents itself, not QObject's (destroyed, ...).
    for (int i = mo.methodOffset(); i < mo.methodCount(); ++i) {
        const QMetaMethod signal = mo.method(i);
        if (signal.methodType() != QMetaMethod::Signal || except.contains(signal.name()))
            continue;
        QObject::connect(from, signal, to, signal);
    }
}

} // namespace duplex::server
