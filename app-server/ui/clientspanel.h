// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QAction;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QToolButton;
class QLabel;

namespace duplex::server {

class ServerHost;
class ClientModel;

/// Who is connected: a sortable live table, and for the selected client its opening
/// handshake explained header by header. Operator actions: notice to this client, kick.
class ClientsPanel final : public QWidget
{
    Q_OBJECT
public:
    ClientsPanel(ServerHost *server, ClientModel *model, QWidget *parent = nullptr);

    /// 0 when nothing is selected.
    quint64 selectedClientId() const;
    QString selectedClientNick() const;
    /// The selected client is another server's (--redis): kick, ban, mute and a private
    /// notice reach it through Redis; its handshake and counters are that server's.
    bool selectedIsRemote() const;
    QTableView *table() const { return m_table; }

    /// Kicks the selected client with this reason (the Kick button asks for it first).
    bool kickSelected(const QString &reason);
    /// Kicks the selected client and bans its nick and address for banMs (0: no ban).
    bool kickSelected(const QString &reason, qint64 banMs);
    /// Pushes a notice to the selected client only.
    int noticeToSelected(const QString &text);
    /// Mute / unmute the selected client (checkable; object name actionMute).
    QAction *muteAction() const { return m_muteAction; }

    /// Projector mode: hides the columns a projected class needs least (agent, bytes), so
    /// the rest fit; off shows them again.
    void setCompact(bool on);
    /// The handshake pane in a window of its own (true) or back under the table (false);
    /// closing that window puts it back too.
    void setHandshakePoppedOut(bool out);
    bool isHandshakePoppedOut() const;
    QWidget *handshakePane() const { return m_detailBox; }

Q_SIGNALS:
    /// A client of this server was selected (0 and "" for none or another server's).
    void selectionChanged(quint64 clientId, const QString &nick);

private:
    void askKick();
    void askNotice();
    void showDetail();
    void updateActions();
    /// True when the proxy's rows are already in that order (no re-sort needed).
    bool stillSorted(int column, Qt::SortOrder order) const;

    ServerHost *m_server;
    ClientModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QWidget *m_detailBox = nullptr; ///< the handshake pane with its title bar
    QToolButton *m_popOut = nullptr;
    QWidget *m_detailWindow = nullptr; ///< the pane's own window while popped out
    QSplitter *m_splitter = nullptr;
    QByteArray m_splitterBeforePopOut;
    QLabel *m_count;
    QToolButton *m_noticeButton;
    QToolButton *m_kickButton;
    QToolButton *m_muteButton = nullptr;
    QAction *m_muteAction = nullptr;
    quint64 m_detailId = 0;
    QElapsedTimer m_resort;
};

} // namespace duplex::server
