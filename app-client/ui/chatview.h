// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QListView>

class QLabel;

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

    /// Shows or hides the small "Loading older…" strip at the top.
    void setLoadingOlder(bool loading);
    bool isLoadingOlder() const;
    /// Text size in steps of 10 % of the application font (0 = normal).
    void setZoom(int steps);
    int zoom() const { return m_zoom; }

Q_SIGNALS:
    /// The user scrolled (or wheeled) to the top: older messages are wanted.
    void olderWanted();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void copySelection();

    ConversationModel *m_model;
    MessageDelegate *m_delegate;
    QString m_key;
    bool m_follow = true;
    QLabel *m_loadingOlder;
    /// Rows are coming in at the top: keep the distance to the bottom so that what the
    /// user reads stays where it is (-1 when not anchoring).
    int m_anchorFromBottom = -1;
    int m_zoom = 0;
};

} // namespace duplex::client
