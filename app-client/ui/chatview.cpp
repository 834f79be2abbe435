// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chatview.h"

#include "messagedelegate.h"

#include <conversationmodel.h>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>

namespace duplex::client {

ChatView::ChatView(ConversationModel *model, const QString &key, QWidget *parent)
    : QListView(parent)
    , m_model(model)
    , m_delegate(new MessageDelegate(this))
    , m_key(key)
{
    setObjectName(QStringLiteral("chatView"));
    setModel(model);
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setFocusPolicy(Qt::ClickFocus);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Messages"));

    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_follow = isAtBottom(); });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            QMetaObject::invokeMethod(this, &QListView::scrollToBottom, Qt::QueuedConnection);
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this] { scheduleDelayedItemsLayout(); });
    scrollToBottom();
}

bool ChatView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    QListView::resizeEvent(event);
    // Word wrap changes every row's height with the width.
    scheduleDelayedItemsLayout();
    if (atBottom)
        QMetaObject::invokeMethod(this, &QListView::scrollToBottom, Qt::QueuedConnection);
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    if (selectionModel()->selectedIndexes().isEmpty()) {
        const QModelIndex at = indexAt(event->pos());
        if (at.isValid())
            selectionModel()->select(at, QItemSelectionModel::ClearAndSelect);
    }
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy text"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!selectionModel()->selectedIndexes().isEmpty());
    connect(copy, &QAction::triggered, this, &ChatView::copySelection);
    menu.exec(event->globalPos());
}

void ChatView::copySelection()
{
    QModelIndexList rows = selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &i : std::as_const(rows))
        lines.append(MessageDelegate::plainLine(i));
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace duplex::client
