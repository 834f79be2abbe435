// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chatinput.h"

#include <QKeyEvent>
#include <QMimeData>

namespace duplex::client {

ChatInput::ChatInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    // A few lines high, whatever the window size: the conversation gets the rest.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setPlaceholderText(
        tr("Type a message \u2013 Enter sends, Shift+Enter for a new line, /help for commands"));
    setToolTip(tr("Enter sends, Shift+Enter starts a new line, Up recalls your last message.\n"
                  "Commands: /join ROOM, /leave, /nick NAME, /msg NICK text, /help"));
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_programmatic)
            Q_EMIT textEdited(toPlainText());
    });
}

QSize ChatInput::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    // About three lines: enough to see a short multi-line message without scrolling.
    return {base.width(), fontMetrics().lineSpacing() * 3 + 2 * frameWidth() + 12};
}

void ChatInput::setHint(const QString &text)
{
    if (text == placeholderText())
        return;
    setPlaceholderText(text);
    viewport()->update();
}

void ChatInput::rememberSent(const QString &text)
{
    m_lastSent = text;
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText();
        if (!text.trimmed().isEmpty()) {
            Q_EMIT submitted(text);
        }
        event->accept();
        return;
    }
    if (enter) {
        // Shift+Enter: a plain newline (QPlainTextEdit would insert a line separator).
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier
        && toPlainText().isEmpty() && !m_lastSent.isEmpty()) {
        setPlainText(m_lastSent);
        moveCursor(QTextCursor::End);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void ChatInput::insertFromMimeData(const QMimeData *source)
{
    // Never take rich text from the clipboard: only its characters.
    if (source->hasText())
        insertPlainText(source->text());
}

} // namespace duplex::client
