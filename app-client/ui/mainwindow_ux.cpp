// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// MainWindow, part two: rejoin memory, the offline banner, conversation navigation
// (Ctrl+Tab, Ctrl+PgDn/PgUp, Alt+1..9, Ctrl+W), chat zoom and "load older".
#include "chatview.h"
#include "mainwindow.h"
#include "offlinebanner.h"

#include <chatstate.h>
#include <sessionmemory.h>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace duplex::client {

namespace {
const QString ZoomKey = QStringLiteral("chat/zoom");
}

void MainWindow::setupUx()
{
    m_memory = new SessionMemory(m_state->session(), m_settings, this);
    m_banner = new OfflineBanner(m_state, m_tabs->parentWidget());
    if (auto *centre = qobject_cast<QVBoxLayout *>(m_tabs->parentWidget()->layout()))
        centre->insertWidget(0, m_banner);
    connect(m_state, &ChatState::olderLoadingChanged, this, [this](const QString &key, bool on) {
        if (ChatView *view = m_views.value(key))
            view->setLoadingOlder(on);
    });
    setChatZoom(m_settings->value(ZoomKey, 0).toInt());
}

void MainWindow::buildNavigation(QMenu *view)
{
    view->addSeparator();
    QAction *next
        = view->addAction(tr("&Next conversation"), this, [this] { switchConversation(1); });
    next->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    QAction *prev
        = view->addAction(tr("&Previous conversation"), this, [this] { switchConversation(-1); });
    prev->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                        QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    QAction *close = view->addAction(tr("&Close private conversation"), this,
                                     &MainWindow::closeCurrentWhisper);
    close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    // Alt+1..9: the n-th conversation (not in the menu: nine items would only crowd it).
    for (int i = 1; i <= 9; ++i) {
        auto *jump = new QAction(tr("Conversation %1").arg(i), this);
        jump->setObjectName(QStringLiteral("jumpConversation%1").arg(i));
        jump->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + i)));
        connect(jump, &QAction::triggered, this, [this, i] {
            if (i - 1 < m_tabs->count())
                m_tabs->setCurrentIndex(i - 1);
        });
        addAction(jump);
    }
    view->addSeparator();
    QAction *in = view->addAction(tr("Zoom &in"), this, [this] { setChatZoom(m_zoom + 1); });
    // Ctrl+= too: on most layouts "+" needs Shift.
    in->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *out = view->addAction(tr("Zoom &out"), this, [this] { setChatZoom(m_zoom - 1); });
    out->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QAction *reset = view->addAction(tr("&Reset zoom"), this, [this] { setChatZoom(0); });
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
}

void MainWindow::switchConversation(int delta)
{
    const int n = m_tabs->count();
    if (n < 2)
        return;
    m_tabs->setCurrentIndex(((m_tabs->currentIndex() + delta) % n + n) % n);
}

void MainWindow::closeCurrentWhisper()
{
    const QString key = currentKey();
    if (key.isEmpty())
        return;
    if (ChatState::isRoomKey(key)) {
        statusBar()->showMessage(
            tr("Ctrl+W closes private conversations; leave a room with /leave."), 8000);
        return;
    }
    m_state->closeWhisper(ChatState::keyName(key));
}

void MainWindow::setChatZoom(int steps)
{
    m_zoom = std::clamp(steps, MinZoom, MaxZoom);
    m_settings->setValue(ZoomKey, m_zoom);
    for (ChatView *view : std::as_const(m_views))
        view->setZoom(m_zoom);
}

void MainWindow::wireChatView(ChatView *view)
{
    view->setZoom(m_zoom);
    const QString key = view->key();
    connect(view, &ChatView::olderWanted, this, [this, key] { m_state->loadOlder(key); });
}

} // namespace duplex::client
