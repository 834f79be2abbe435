// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "offlinebanner.h"

#include <chatstate.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace duplex::client {

OfflineBanner::OfflineBanner(ChatState *state, QWidget *parent)
    : QFrame(parent)
    , m_state(state)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(255, 228, 196));
    p.setColor(QPalette::WindowText, QColor(110, 50, 0));
    setPalette(p);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("offlineText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    QFont f = m_text->font();
    f.setBold(true);
    m_text->setFont(f);
    m_now = new QPushButton(tr("Reconnect now"), this);
    m_now->setObjectName(QStringLiteral("bannerReconnectButton"));
    m_now->setToolTip(tr("Skip the wait and try to reconnect immediately (Ctrl+R)"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_now, 0);
    setAccessibleName(tr("Connection status"));

    ClientSession *session = state->session();
    connect(m_now, &QPushButton::clicked, session, &ClientSession::reconnectNow);
    connect(session, &ClientSession::stateChanged, this, &OfflineBanner::refresh);
    connect(session, &ClientSession::reconnectCountdown, this, &OfflineBanner::refresh);
    connect(state, &ChatState::conversationAdded, this, &OfflineBanner::refresh);
    connect(state, &ChatState::conversationRemoved, this, &OfflineBanner::refresh);
    refresh();
}

QString OfflineBanner::text() const
{
    return m_text->text();
}

void OfflineBanner::refresh()
{
    const ClientSession *session = m_state->session();
    const ClientSession::State s = session->state();
    const bool show = s != ClientSession::State::Online && session->url().isValid()
        && !m_state->conversationKeys().isEmpty();
    if (show) {
        switch (s) {
        case ClientSession::State::Reconnecting:
            m_text->setText(tr("Offline — reconnecting in %n s…", nullptr,
                               std::max(1, session->reconnectSecondsLeft())));
            break;
        case ClientSession::State::Connecting:
        case ClientSession::State::Handshaking:
            m_text->setText(tr("Offline — reconnecting now…"));
            break;
        default:
            m_text->setText(
                tr("Offline — not connected. What you type is sent once you are back."));
            break;
        }
        m_now->setEnabled(s == ClientSession::State::Reconnecting
                          || s == ClientSession::State::Disconnected);
    }
    setVisible(show);
}

} // namespace duplex::client
