// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QPlainTextEdit>

namespace duplex::client {

/// The message input: Enter sends, Shift+Enter starts a new line, Up in an empty input
/// recalls the last sent message. Plain text only (pasted HTML arrives as its text).
class ChatInput final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ChatInput(QWidget *parent = nullptr);

    /// Remembers what was sent, for Up.
    void rememberSent(const QString &text);
    QString lastSent() const { return m_lastSent; }

    QSize sizeHint() const override;

    /// Sets the placeholder and repaints it: Qt 6.4's QPlainTextEdit::setPlaceholderText
    /// repaints only when the placeholder appears or disappears, so a changed hint would
    /// stay stale on screen (docs/qt-notes.md).
    void setHint(const QString &text);

Q_SIGNALS:
    /// Enter was pressed with non-blank text.
    void submitted(const QString &text);
    /// The user changed the text (not emitted for programmatic clears).
    void textEdited(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    QString m_lastSent;
    bool m_programmatic = false;
};

} // namespace duplex::client
