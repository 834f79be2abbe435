// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include "connectdialog.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QComboBox;
class QLabel;
class QSpinBox;
class QListView;
class QMenu;
class QPushButton;
class QSettings;
class QSystemTrayIcon;
class QTabWidget;
class QToolButton;

namespace duplex::client {

class ChatInput;
class ChatState;
class ChatView;
class InspectorDock;
class OfflineBanner;
class SessionMemory;
class TypingNotifier;

/// The chat window. It binds to ChatState's models and calls its commands; it never
/// touches a socket or JSON. Rooms and whisper partners are in the sidebar (with unread
/// badges) and as tabs; the member list shows who is typing; the status bar shows the
/// connection state, server, RTT and the reconnect countdown.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// settings is not owned; it holds server, nick, recent servers, geometry, inspector.
    MainWindow(ChatState *state, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects (remembering server and nick) without asking.
    void connectTo(const QUrl &url, const QString &nick);
    /// The same for several addresses of one cluster (failover, issue 17).
    void connectTo(const QList<QUrl> &urls, const QString &nick);
    /// Opens the connect dialog (window-modal, not blocking), showing error when given.
    ConnectDialog *showConnectDialog(const QString &error = {});

    /// The user picked a transport (status bar, connect dialog): the session switches and
    /// the choice is remembered.
    void pickTransport(ClientSession::Transport transport, int pollIntervalMs);

    /// What the input does with a line: send it, or run a slash command.
    void submitInput(const QString &text);

    QString currentKey() const;
    ChatView *chatView(const QString &key) const { return m_views.value(key); }
    ChatInput *input() const { return m_input; }
    InspectorDock *inspector() const { return m_inspector; }
    ConnectDialog *connectDialog() const { return m_connectDialog; }
    OfflineBanner *offlineBanner() const { return m_banner; }
    SessionMemory *sessionMemory() const { return m_memory; }

    /// Chat text zoom in steps (Ctrl+plus / Ctrl+minus / Ctrl+0), remembered.
    static constexpr int MinZoom = -3;
    static constexpr int MaxZoom = 10;
    int chatZoom() const { return m_zoom; }
    void setChatZoom(int steps);
    /// The next (+1) or previous (-1) conversation tab, wrapping (Ctrl+Tab, Ctrl+PgDn).
    void switchConversation(int delta);

Q_SIGNALS:
    /// The window was closed (settings saved, session closing with 1000).
    void closed();
    /// Someone else's message or whisper arrived while the window was not active: the
    /// taskbar entry was flagged (QApplication::alert) and the tray, if any, told.
    void alerted(const QString &key, const QString &from);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void addConversationTab(const QString &key);
    void removeConversationTab(const QString &key);
    void activate(const QString &key);
    void onCurrentTabChanged();
    void refreshTabTitles();
    void refreshStatus();
    void refreshTransport();
    void refreshTitle();
    void refreshTyping();
    void refreshMembersTitle();
    void alertIncoming(const QString &key, const QString &from);
    void askJoinRoom();
    void askWhisper();
    void saveSettings();
    // mainwindow_ux.cpp: rejoin memory, offline banner, navigation, zoom, load older.
    void setupUx();
    void buildNavigation(QMenu *view);
    void wireChatView(ChatView *view);
    void closeCurrentWhisper();

    ChatState *m_state;
    QSettings *m_settings;
    TypingNotifier *m_typing;
    QListView *m_roomList;
    QToolButton *m_joinButton;
    QTabWidget *m_tabs;
    QLabel *m_typingLabel;
    ChatInput *m_input;
    QPushButton *m_sendButton;
    QLabel *m_membersTitle;
    QListView *m_memberList;
    QLabel *m_stateLabel;
    QLabel *m_serverLabel;
    QLabel *m_rttLabel;
    QComboBox *m_transportCombo;
    QSpinBox *m_pollSpin;
    QLabel *m_countdownLabel;
    QPushButton *m_reconnectButton;
    InspectorDock *m_inspector;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<ConnectDialog> m_connectDialog;
    QHash<QString, ChatView *> m_views;
    QMetaObject::Connection m_rosterTyping;
    QMetaObject::Connection m_rosterCount;
    bool m_syncingSelection = false;
    bool m_inspectorSized = false;
    SessionMemory *m_memory = nullptr;
    OfflineBanner *m_banner = nullptr;
    int m_zoom = 0;
};

} // namespace duplex::client
