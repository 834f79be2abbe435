// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace duplex::client {

class ChatState;

/// The strip above the chat while the connection is down: "Offline — reconnecting in
/// 3 s… [Reconnect now]". Hidden while online and before the first conversation (the
/// connect dialog speaks then).
class OfflineBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(ChatState *state, QWidget *parent = nullptr);

    QString text() const;
    void refresh();

private:
    ChatState *m_state;
    QLabel *m_text;
    QPushButton *m_now;
};

} // namespace duplex::client
