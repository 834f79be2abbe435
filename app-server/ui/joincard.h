// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QStringList>

class QAction;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSettings;
class QToolButton;

namespace duplex::server {

class QrCodeView;

/// The projector's join card: a window of its own, full screen, black on white. The page's
/// address as large as the screen is wide, the QR code as large as the rest allows, the
/// Qt client's ws:// address small underneath. Esc (or F11, Ctrl+J) closes it.
class JoinCardScreen final : public QWidget
{
    Q_OBJECT
public:
    explicit JoinCardScreen(QWidget *parent = nullptr);

    /// pageUrl empty: the server is not listening, the card says so.
    void setContent(const QString &serverName, const QString &pageUrl, const QString &socketUrl);
    /// The join code, shown large under the address and put in the QR code's URL (?code=).
    void setJoinCode(const QString &code);
    QString pageUrl() const { return m_pageUrl; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void fitFonts();

    QString m_pageUrl;
    QLabel *m_name;
    QLabel *m_title;
    QLabel *m_url;
    QrCodeView *m_qr;
    QLabel *m_footer;
    QLabel *m_code = nullptr;
    QToolButton *m_close;
};

/// How students join, for the server window's header: the browser page's address for every
/// address the server listens on (large, with copy buttons) and a QR code of one of them,
/// the Qt client's ws:// addresses under it, and one click (or F11 / Ctrl+J) to the
/// full-screen card for the projector. With several addresses the teacher picks the one the
/// QR code and the full-screen card show; the choice is remembered.
class JoinCard final : public QFrame
{
    Q_OBJECT
public:
    /// settings (not owned, may be null) remembers the chosen address.
    explicit JoinCard(QSettings *settings, QWidget *parent = nullptr);
    ~JoinCard() override;

    /// The hosts as they go into a URL (IPv6 in brackets), best first; empty when the
    /// server is not listening.
    void setHosts(const QStringList &hosts, quint16 port);
    void setServerName(const QString &name);
    /// The join code students need (empty: none): shown large on the card and put in the
    /// QR code's URL as ?code=, which the browser page fills in.
    void setJoinCode(const QString &code);
    QString joinCode() const { return m_joinCode; }
    /// A page URL with the join code (when there is one) as the QR code holds it.
    static QString withCode(const QString &pageUrl, const QString &code);

    /// "http://HOST:PORT/" per host: the browser page, what the QR code holds.
    QStringList pageUrls() const;
    /// "ws://HOST:PORT" per host: what the Qt client's Server field takes.
    QStringList socketUrls() const;
    /// The page URL the QR code and the full-screen card show (empty when not listening).
    QString selectedPageUrl() const;
    int selectedIndex() const { return m_selected; }
    void selectIndex(int index);

    /// Opens the full-screen card (F11 or Ctrl+J). Add it to a menu.
    QAction *fullScreenAction() const { return m_fullScreenAction; }
    void showFullScreenCard();
    void closeFullScreenCard();
    /// The full-screen card while it exists (created on first use), else null.
    JoinCardScreen *fullScreenCard() const { return m_screen; }

Q_SIGNALS:
    void selectedPageUrlChanged(const QString &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyFonts();
    void updateSelection();
    void updateScreen();
    QToolButton *copyButton(const QString &url, const QString &objectName);

    QSettings *m_settings;
    QStringList m_hosts;
    quint16 m_port = 0;
    QString m_serverName;
    QString m_joinCode;
    QLabel *m_codeLabel = nullptr;
    int m_selected = -1;
    bool m_built = false;

    QLabel *m_title;
    QWidget *m_pageBox;
    QGridLayout *m_pageGrid;
    QWidget *m_socketBox;
    QGridLayout *m_socketGrid;
    QLabel *m_pickLabel;
    QComboBox *m_picker;
    QPushButton *m_fullScreenButton;
    QrCodeView *m_qr;
    QAction *m_fullScreenAction;
    QList<QLabel *> m_pageLabels;
    QList<QLabel *> m_qrMarkers;
    QList<QLabel *> m_socketLabels;
    QPointer<JoinCardScreen> m_screen;
};

} // namespace duplex::server
