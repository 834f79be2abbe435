// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <clientsession.h>

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace duplex::client {

/// Where to connect and as whom. The nick is checked live with the shared rules
/// (proto::nickProblem): a red hint says what is wrong and Connect stays disabled until it
/// is right. An error from the last attempt (nick taken, server unreachable) is shown on top.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    void setRecentServers(const QStringList &servers);
    void setServer(const QString &url);
    void setNick(const QString &nick);
    /// The join code field (class control; empty when the server needs none).
    void setJoinCode(const QString &code);
    QString joinCode() const;
    /// Shows why the last attempt failed (empty hides the message).
    void setError(const QString &message);

    /// How to reach the server: push (WebSocket), long polling or polling every N ms.
    void setTransport(ClientSession::Transport transport, int pollIntervalMs);
    ClientSession::Transport transport() const;
    int pollIntervalMs() const;

    /// The first address (see serverUrls()).
    QUrl serverUrl() const;
    /// Every address typed (comma- or space-separated, a cluster's servers, issue 17).
    QList<QUrl> serverUrls() const;
    QString nick() const;
    bool isInputValid() const;

    /// A human sentence when text is not a usable list of ws:// or wss:// addresses (or
    /// host:port, http://); empty when fine.
    static QString urlProblem(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void validate();
    /// A word-wrapped label in a QFormLayout gets one line's height (QFormLayout does not
    /// ask heightForWidth): give every shown hint the height its text needs at its width.
    void fitHints();

    QComboBox *m_server;
    QLineEdit *m_nick;
    QLineEdit *m_code = nullptr;

    QComboBox *m_transport;
    QSpinBox *m_interval;
    QLabel *m_serverHint;
    QLabel *m_nickHint;
    QLabel *m_error;
    QPushButton *m_connect;
};

} // namespace duplex::client
