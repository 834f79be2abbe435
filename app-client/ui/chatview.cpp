// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chatview.h"

#include "messagedelegate.h"

#include <conversationmodel.h>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QWheelEvent>

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

    m_loadingOlder = new QLabel(tr("Loading older…"), viewport());
    m_loadingOlder->setObjectName(QStringLiteral("loadingOlder"));
    m_loadingOlder->setTextFormat(Qt::PlainText);
    m_loadingOlder->setAlignment(Qt::AlignCenter);
    m_loadingOlder->setAutoFillBackground(true);
    m_loadingOlder->setContentsMargins(8, 2, 8, 2);
    m_loadingOlder->hide();

    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                m_follow = isAtBottom();
                // An older page lands above what is shown: anchor to the bottom.
                if (!m_follow && first == 0 && m_anchorFromBottom < 0) {
                    const QScrollBar *bar = verticalScrollBar();
                    m_anchorFromBottom = bar->maximum() - bar->value();
                }
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow) {
            QMetaObject::invokeMethod(this, &QListView::scrollToBottom, Qt::QueuedConnection);
        } else if (m_anchorFromBottom >= 0) {
            // Queued: the rows of one page arrive one by one; lay out once, then restore.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_anchorFromBottom < 0)
                        return;
                    executeDelayedItemsLayout();
                    QScrollBar *bar = verticalScrollBar();
                    bar->setValue(bar->maximum() - m_anchorFromBottom);
                    m_anchorFromBottom = -1;
                },
                Qt::QueuedConnection);
        }
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == verticalScrollBar()->minimum() && verticalScrollBar()->maximum() > 0
            && m_anchorFromBottom < 0)
            Q_EMIT olderWanted();
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

void ChatView::setLoadingOlder(bool loading)
{
    if (loading) {
        m_loadingOlder->adjustSize();
        m_loadingOlder->move((viewport()->width() - m_loadingOlder->width()) / 2, 2);
        m_loadingOlder->raise();
    }
    m_loadingOlder->setVisible(loading);
}

void ChatView::setZoom(int steps)
{
    if (steps == m_zoom)
        return;
    const bool atBottom = isAtBottom();
    m_zoom = steps;
    QFont f = QApplication::font(this);
    const qreal base = f.pointSizeF() > 0 ? f.pointSizeF() : 10.0;
    f.setPointSizeF(base * (1.0 + 0.1 * steps));
    setFont(f);
    scheduleDelayedItemsLayout();
    if (atBottom)
        QMetaObject::invokeMethod(this, &QListView::scrollToBottom, Qt::QueuedConnection);
}

bool ChatView::isLoadingOlder() const
{
    return m_loadingOlder->isVisible();
}

void ChatView::wheelEvent(QWheelEvent *event)
{
    // Nothing to scroll (a few lines only) or already at the top: wheeling up asks too.
    const QScrollBar *bar = verticalScrollBar();
    if (event->angleDelta().y() > 0 && bar->value() == bar->minimum())
        Q_EMIT olderWanted();
    QListView::wheelEvent(event);
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
