// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QListView>

namespace duplex::client {

class ConversationModel;
class MessageDelegate;

/// One conversation on screen: a list view painted by MessageDelegate (plain text,
/// word-wrapped). Follows new lines while scrolled to the bottom, stays put otherwise.
class ChatView final : public QListView
{
    Q_OBJECT
public:
    ChatView(ConversationModel *model, const QString &key, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    ConversationModel *conversation() const { return m_model; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    bool isAtBottom() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void copySelection();

    ConversationModel *m_model;
    MessageDelegate *m_delegate;
    QString m_key;
    bool m_follow = true;
};

} // namespace duplex::client
