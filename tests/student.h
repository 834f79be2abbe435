// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// A test student for the server-side tests: a real QWebSocket that records every JSON
// object it receives and how its connection ended.

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QWebSocket>

namespace duplex::test {

/// A student: a real QWebSocket that records every JSON object it receives.
struct Student {
    QWebSocket socket;
    QList<QJsonObject> received;
    int closeCode = -1;
    QString closeReason;

    Student()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             received.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] {
            closeCode = int(socket.closeCode());
            closeReason = socket.closeReason();
        });
    }
    void send(const QJsonObject &o)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    int count(const QString &type) const
    {
        int n = 0;
        for (const QJsonObject &o : received)
            n += o.value(QStringLiteral("type")).toString() == type ? 1 : 0;
        return n;
    }
    QJsonObject last(const QString &type) const
    {
        for (auto it = received.crbegin(); it != received.crend(); ++it) {
            if (it->value(QStringLiteral("type")).toString() == type)
                return *it;
        }
        return {};
    }
};

} // namespace duplex::test
