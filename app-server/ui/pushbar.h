// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace duplex::server {

class ServerHost;
class RoomModel;

/// The point of the demo: the server speaks first. A notice goes to everyone, one room,
/// or the client selected in the clients panel.
class PushBar final : public QWidget
{
    Q_OBJECT
public:
    PushBar(ServerHost *server, RoomModel *rooms, QWidget *parent = nullptr);

    /// The clients panel tells which client "the selected client" is (0 = none).
    void setSelectedClient(quint64 id, const QString &nick);
    /// Sends what is typed to the chosen target; returns the number of recipients.
    int send();

Q_SIGNALS:
    /// After a notice went out: its text, who it was for (words) and how many got it.
    void noticeSent(const QString &text, const QString &target, int recipients);

private:
    void refreshTargets();

    ServerHost *m_server;
    RoomModel *m_rooms;
    QLineEdit *m_text;
    QComboBox *m_target;
    QToolButton *m_send;
    QLabel *m_result;
    quint64 m_selectedId = 0;
    QString m_selectedNick;
};

} // namespace duplex::server
