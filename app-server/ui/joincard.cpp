// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "joincard.h"

#include "qrcodeview.h"
#include "uiutil.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace duplex::server {

namespace {

// Sizes relative to the window's font, so projector mode enlarges them too.
constexpr double PageUrlScale = 2.1;   // the browser address: what most students type now
constexpr double SocketUrlScale = 1.6; // the Qt client's ws:// address
const QString SelectedHostKey = QStringLiteral("join/host");

} // namespace

// --- the full-screen card ------------------------------------------------------------------

JoinCardScreen::JoinCardScreen(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_name(new QLabel(this))
    , m_title(new QLabel(this))
    , m_url(new QLabel(this))
    , m_qr(new QrCodeView(this))
    , m_footer(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("joinCardScreen"));
    setWindowTitle(tr("Join the chat"));
    setAccessibleName(tr("Join card"));
    // Black on white whatever the desktop theme: a projector washes out anything else, and
    // a QR code must be dark on light.
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::WindowText, Qt::black);
    pal.setColor(QPalette::Text, Qt::black);
    pal.setColor(QPalette::Base, Qt::white);
    pal.setColor(QPalette::Button, QColor(0xee, 0xee, 0xee));
    pal.setColor(QPalette::ButtonText, Qt::black);
    setPalette(pal);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);

    m_name->setObjectName(QStringLiteral("joinCardName"));
    m_name->setTextFormat(Qt::PlainText);
    m_name->setAlignment(Qt::AlignCenter);
    m_name->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("joinCardTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_url->setObjectName(QStringLiteral("joinCardUrl"));
    m_url->setTextFormat(Qt::PlainText);
    m_url->setAlignment(Qt::AlignCenter);
    // Its font follows the width (fitFonts), so its width must not hold the window's size.
    m_url->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_qr->setObjectName(QStringLiteral("joinCardQr"));
    m_qr->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_footer->setObjectName(QStringLiteral("joinCardFooter"));
    m_footer->setTextFormat(Qt::PlainText);
    m_footer->setAlignment(Qt::AlignCenter);
    m_footer->setWordWrap(true);
    QPalette grey = pal;
    grey.setColor(QPalette::WindowText, QColor(0x40, 0x40, 0x40));
    m_footer->setPalette(grey);

    m_close->setObjectName(QStringLiteral("joinCardClose"));
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    m_close->setFocusPolicy(Qt::StrongFocus);
    m_close->setToolTip(tr("Close the join card (Esc)"));
    m_close->setAccessibleName(tr("Close the join card"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_title);
    layout->addWidget(m_url);
    m_code = new QLabel(this);
    m_code->setObjectName(QStringLiteral("joinCardCode"));
    m_code->setTextFormat(Qt::PlainText);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->hide();
    layout->addWidget(m_code);
    layout->addWidget(m_qr, 1);
    layout->addWidget(m_footer);
    setContent({}, {}, {});
}

void JoinCardScreen::setContent(const QString &serverName, const QString &pageUrl,
                                const QString &socketUrl)
{
    m_pageUrl = pageUrl;
    m_name->setText(serverName);
    m_name->setVisible(!serverName.isEmpty());
    if (pageUrl.isEmpty()) {
        m_title->setText(tr("The server is not listening."));
        m_url->setText(tr("Start it in the server window"));
        m_footer->setText(tr("Esc closes this card"));
    } else {
        m_title->setText(tr("Open this address in a browser, or scan the code with a phone "
                            "camera:"));
        m_url->setText(pageUrl);
        m_footer->setText(socketUrl.isEmpty()
                              ? tr("Esc closes this card")
                              : tr("Qt client: %1    ·    Esc closes this card").arg(socketUrl));
    }
    m_url->setAccessibleName(pageUrl.isEmpty() ? m_url->text() : tr("Address: %1").arg(pageUrl));
    m_qr->setText(pageUrl);
    fitFonts();
}

void JoinCardScreen::setJoinCode(const QString &code)
{
    m_code->setText(code.isEmpty() ? QString() : tr("Join code: %1").arg(code));
    m_code->setVisible(!code.isEmpty() && !m_pageUrl.isEmpty());
    m_qr->setText(JoinCard::withCode(m_pageUrl, code));
    fitFonts();
}

void JoinCardScreen::fitFonts()
{
    const int w = width();
    const int h = height();
    const int margin = qMax(8, h / 30);
    layout()->setContentsMargins(margin, margin, margin, margin);
    layout()->setSpacing(qMax(4, h / 60));

    QFont name = font();
    name.setPixelSize(qMax(12, h / 22));
    name.setBold(true);
    m_name->setFont(name);
    QFont title = font();
    title.setPixelSize(qMax(11, h / 28));
    m_title->setFont(title);
    QFont footer = font();
    footer.setPixelSize(qMax(10, h / 44));
    m_footer->setFont(footer);
    if (m_code) {
        QFont code = monospaceFont();
        code.setBold(true);
        code.setPixelSize(qMax(12, h / 14));
        m_code->setFont(code);
    }
    QFont close = font();
    close.setPixelSize(qMax(12, h / 36));
    m_close->setFont(close);
    m_close->adjustSize();
    m_close->move(w - m_close->width() - margin / 2, margin / 2);
    m_close->raise();

    // The address as large as the width allows (and at most a ninth of the height): the
    // back row reads it when a phone cannot scan.
    QFont url = monospaceFont();
    url.setBold(true);
    int px = qMax(10, h / 9);
    url.setPixelSize(px);
    const QString text = m_url->text();
    const int available = qMax(1, w - 2 * margin);
    const int advance = QFontMetrics(url).horizontalAdvance(text);
    if (advance > available) {
        px = qMax(8, int(px * double(available) / advance));
        url.setPixelSize(px);
        while (px > 8 && QFontMetrics(url).horizontalAdvance(text) > available) {
            --px;
            url.setPixelSize(px);
        }
    }
    m_url->setFont(url);
}

void JoinCardScreen::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitFonts();
}

void JoinCardScreen::keyPressEvent(QKeyEvent *event)
{
    // Esc, and the keys that opened it: whatever the teacher tries first closes it.
    const bool ctrlJ = event->key() == Qt::Key_J && (event->modifiers() & Qt::ControlModifier);
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F11 || ctrlJ) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void JoinCardScreen::closeEvent(QCloseEvent *event)
{
    QWidget::closeEvent(event);
    // Back to the server window, so its shortcuts work at once.
    if (QWidget *owner = parentWidget()) {
        owner->window()->raise();
        owner->window()->activateWindow();
    }
}

// --- the card in the window's header -------------------------------------------------------

JoinCard::JoinCard(QSettings *settings, QWidget *parent)
    : QFrame(parent)
    , m_settings(settings)
    , m_title(new QLabel(this))
    , m_pageBox(new QWidget(this))
    , m_pageGrid(new QGridLayout(m_pageBox))
    , m_socketBox(new QWidget(this))
    , m_socketGrid(new QGridLayout(m_socketBox))
    , m_pickLabel(new QLabel(this))
    , m_picker(new QComboBox(this))
    , m_fullScreenButton(new QPushButton(this))
    , m_qr(new QrCodeView(this))
    , m_fullScreenAction(new QAction(this))
{
    setObjectName(QStringLiteral("joinCard"));
    setAccessibleName(tr("How students join"));

    m_title->setObjectName(QStringLiteral("joinTitle"));
    m_title->setText(tr("Students join in any browser: scan the code or type the address"));
    m_pageBox->setObjectName(QStringLiteral("pageUrlBox"));
    m_pageGrid->setContentsMargins(0, 0, 0, 0);
    m_pageGrid->setHorizontalSpacing(6);
    m_pageGrid->setVerticalSpacing(0);
    m_socketBox->setObjectName(QStringLiteral("addressBox"));
    m_socketGrid->setContentsMargins(0, 0, 0, 0);
    m_socketGrid->setHorizontalSpacing(6);
    m_socketGrid->setVerticalSpacing(0);

    m_qr->setObjectName(QStringLiteral("joinQrCode"));

    m_fullScreenAction->setObjectName(QStringLiteral("actionJoinCardFullScreen"));
    m_fullScreenAction->setText(tr("Show &join card full screen"));
    m_fullScreenAction->setIcon(uiIcon(QStringLiteral("fullscreen")));
    m_fullScreenAction->setShortcuts(
        {QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::Key_J)});
    m_fullScreenAction->setToolTip(tr("The browser address and its QR code on the whole screen, "
                                      "for the projector (F11 or Ctrl+J; Esc closes it)."));
    connect(m_fullScreenAction, &QAction::triggered, this, [this] { showFullScreenCard(); });
    addAction(m_fullScreenAction); // the shortcut works even where no menu shows the action

    m_fullScreenButton->setObjectName(QStringLiteral("joinFullScreenButton"));
    m_fullScreenButton->setText(tr("Full screen"));
    m_fullScreenButton->setIcon(m_fullScreenAction->icon());
    m_fullScreenButton->setToolTip(tr("Show the address and the QR code on the whole screen, "
                                      "for the projector (F11 or Ctrl+J). Esc closes it."));
    m_fullScreenButton->setAccessibleName(tr("Show the join card full screen"));
    connect(m_fullScreenButton, &QPushButton::clicked, m_fullScreenAction, &QAction::trigger);

    m_pickLabel->setObjectName(QStringLiteral("joinAddressPickerLabel"));
    m_pickLabel->setText(tr("&QR code for:"));
    m_pickLabel->setBuddy(m_picker);
    m_picker->setObjectName(QStringLiteral("joinAddressPicker"));
    m_picker->setAccessibleName(tr("Address on the QR code"));
    m_picker->setToolTip(tr("This computer has several network addresses: pick the one the "
                            "students' devices can reach (the classroom network). The QR code "
                            "and the full-screen card show it."));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_picker, &QComboBox::currentIndexChanged, this, [this](int i) { selectIndex(i); });

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_fullScreenButton);
    controls->addSpacing(12);
    controls->addWidget(m_pickLabel);
    controls->addWidget(m_picker);
    controls->addStretch(1);
    m_codeLabel = new QLabel(this);
    m_codeLabel->setObjectName(QStringLiteral("joinCodeLabel"));
    m_codeLabel->setTextFormat(Qt::PlainText);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codeLabel->setToolTip(tr("Students type this code when they join (the QR code carries it). "
                               "Change it in Server > Settings."));
    m_codeLabel->hide();
    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(m_title);
    text->addWidget(m_pageBox);
    text->addWidget(m_codeLabel);
    text->addLayout(controls);
    text->addSpacing(4);
    text->addWidget(m_socketBox);
    text->addStretch(1);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(text, 1);
    row->addSpacing(12);
    row->addWidget(m_qr, 0, Qt::AlignTop | Qt::AlignRight);

    rebuild();
}

JoinCard::~JoinCard() = default;

QStringList JoinCard::pageUrls() const
{
    QStringList urls;
    for (const QString &h : m_hosts)
        urls.append(QStringLiteral("http://%1:%2/").arg(h).arg(m_port));
    return urls;
}

QStringList JoinCard::socketUrls() const
{
    QStringList urls;
    for (const QString &h : m_hosts)
        urls.append(QStringLiteral("ws://%1:%2").arg(h).arg(m_port));
    return urls;
}

QString JoinCard::selectedPageUrl() const
{
    const QStringList urls = pageUrls();
    return m_selected >= 0 && m_selected < urls.size() ? urls.at(m_selected) : QString();
}

void JoinCard::setHosts(const QStringList &hosts, quint16 port)
{
    if (m_built && hosts == m_hosts && port == m_port)
        return; // unchanged: keep the widgets (and the keyboard focus on them)
    m_hosts = hosts;
    m_port = port;
    rebuild();
}

QString JoinCard::withCode(const QString &pageUrl, const QString &code)
{
    if (pageUrl.isEmpty() || code.isEmpty())
        return pageUrl;
    return pageUrl + QStringLiteral("?code=") + QString::fromLatin1(QUrl::toPercentEncoding(code));
}

void JoinCard::setJoinCode(const QString &code)
{
    if (code == m_joinCode)
        return;
    m_joinCode = code;
    m_codeLabel->setText(tr("Join code: %1").arg(code));
    m_codeLabel->setVisible(!code.isEmpty());
    updateSelection();
}

void JoinCard::setServerName(const QString &name)
{
    if (name == m_serverName)
        return;
    m_serverName = name;
    updateScreen();
}

QToolButton *JoinCard::copyButton(const QString &url, const QString &objectName)
{
    auto *copy = new QToolButton;
    copy->setObjectName(objectName);
    copy->setIcon(uiIcon(QStringLiteral("copy")));
    copy->setText(tr("Copy"));
    copy->setToolButtonStyle(copy->icon().isNull() ? Qt::ToolButtonTextOnly
                                                   : Qt::ToolButtonTextBesideIcon);
    copy->setFocusPolicy(Qt::StrongFocus);
    copy->setToolTip(tr("Copy %1 to the clipboard").arg(url));
    copy->setAccessibleName(tr("Copy %1").arg(url));
    connect(copy, &QToolButton::clicked, this,
            [url] { QGuiApplication::clipboard()->setText(url); });
    return copy;
}

void JoinCard::rebuild()
{
    m_built = true;
    for (QGridLayout *grid : {m_pageGrid, m_socketGrid}) {
        while (QLayoutItem *item = grid->takeAt(0)) {
            delete item->widget();
            delete item;
        }
    }
    m_pageLabels.clear();
    m_qrMarkers.clear();
    m_socketLabels.clear();

    const QStringList pages = pageUrls();
    const QStringList sockets = socketUrls();
    QList<QWidget *> pageCopies;
    QList<QWidget *> socketCopies;
    if (pages.isEmpty()) {
        auto *none = new QLabel(tr("(not listening)"), m_pageBox);
        none->setObjectName(QStringLiteral("joinNotListening"));
        m_pageGrid->addWidget(none, 0, 0);
    }
    for (int i = 0; i < pages.size(); ++i) {
        auto *label = new QLabel(pages.at(i), m_pageBox);
        label->setObjectName(QStringLiteral("pageUrlLabel%1").arg(i));
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setToolTip(tr("Students type this address in any browser: a phone, a Chromebook, "
                             "a lab PC. Nothing to install."));
        m_pageGrid->addWidget(label, i, 0);
        QToolButton *copy = copyButton(pages.at(i), QStringLiteral("copyPageUrl%1").arg(i));
        pageCopies.append(copy);
        m_pageGrid->addWidget(copy, i, 1, Qt::AlignLeft | Qt::AlignVCenter);
        // With several addresses, which one the QR code holds.
        auto *marker = new QLabel(tr("◀ on the QR code"), m_pageBox);
        marker->setObjectName(QStringLiteral("joinQrMarker%1").arg(i));
        marker->hide();
        m_pageGrid->addWidget(marker, i, 2, Qt::AlignLeft | Qt::AlignVCenter);
        m_pageLabels.append(label);
        m_qrMarkers.append(marker);
    }
    m_pageGrid->setColumnStretch(3, 1);

    // The Qt client connects to the same port with ws://.
    for (int i = 0; i < sockets.size(); ++i) {
        if (i == 0) {
            auto *hint = new QLabel(tr("Qt client:"), m_socketBox);
            hint->setObjectName(QStringLiteral("addressHint"));
            m_socketGrid->addWidget(hint, 0, 0, Qt::AlignLeft | Qt::AlignBaseline);
        }
        auto *label = new QLabel(sockets.at(i), m_socketBox);
        label->setObjectName(QStringLiteral("addressLabel%1").arg(i));
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setToolTip(tr("Type this address in the Qt client's Server field."));
        m_socketGrid->addWidget(label, i, 1, Qt::AlignLeft | Qt::AlignBaseline);
        QToolButton *copy = copyButton(sockets.at(i), QStringLiteral("copyAddress%1").arg(i));
        socketCopies.append(copy);
        m_socketGrid->addWidget(copy, i, 2, Qt::AlignLeft | Qt::AlignVCenter);
        m_socketLabels.append(label);
    }
    m_socketGrid->setColumnStretch(3, 1);
    m_socketBox->setVisible(!sockets.isEmpty());

    // Shown now, not on the layout's next pass, so a grab or a Tab right after sees them
    // (the markers were hidden on purpose; updateSelection() shows one).
    for (QGridLayout *grid : {m_pageGrid, m_socketGrid}) {
        for (int i = 0; i < grid->count(); ++i) {
            QWidget *w = grid->itemAt(i)->widget();
            if (w && !w->testAttribute(Qt::WA_WState_ExplicitShowHide))
                w->show();
        }
    }

    // Tab goes through the card in reading order: the page's copy buttons, full screen, the
    // picker, the ws:// copies. New buttons start at the end of the window's chain, so they
    // are hung after the full-screen button (which keeps its place in the header), and that
    // button is then moved behind the page's copies.
    QWidget *previous = m_fullScreenButton;
    for (QWidget *w : std::as_const(pageCopies)) {
        setTabOrder(previous, w);
        previous = w;
    }
    if (previous != m_fullScreenButton)
        setTabOrder(previous, m_fullScreenButton);
    previous = m_fullScreenButton;
    for (QWidget *w : QList<QWidget *> {m_picker} + socketCopies) {
        setTabOrder(previous, w);
        previous = w;
    }

    // The address the QR code shows: the teacher's last choice while this computer still
    // has it (the setting stays for the day it has it again), otherwise the first.
    const QString saved = m_settings ? m_settings->value(SelectedHostKey).toString() : QString();
    const int index = m_hosts.indexOf(saved);
    m_selected = index >= 0 ? index : (m_hosts.isEmpty() ? -1 : 0);
    {
        const QSignalBlocker blocker(m_picker);
        m_picker->clear();
        m_picker->addItems(m_hosts);
        m_picker->setCurrentIndex(m_selected);
    }
    m_picker->setVisible(m_hosts.size() > 1);
    m_pickLabel->setVisible(m_hosts.size() > 1);
    applyFonts();
    updateSelection();
}

void JoinCard::selectIndex(int index)
{
    if (index < 0 || index >= m_hosts.size() || index == m_selected)
        return;
    m_selected = index;
    {
        const QSignalBlocker blocker(m_picker);
        m_picker->setCurrentIndex(index);
    }
    if (m_settings)
        m_settings->setValue(SelectedHostKey, m_hosts.at(index));
    updateSelection();
}

void JoinCard::updateSelection()
{
    const QString url = selectedPageUrl();
    const bool changed = withCode(url, m_joinCode) != m_qr->text();
    m_qr->setText(withCode(url, m_joinCode));
    m_fullScreenButton->setEnabled(!url.isEmpty());
    m_fullScreenAction->setEnabled(!url.isEmpty());
    for (int i = 0; i < m_qrMarkers.size(); ++i)
        m_qrMarkers.at(i)->setVisible(m_qrMarkers.size() > 1 && i == m_selected);
    updateScreen();
    if (changed)
        Q_EMIT selectedPageUrlChanged(url);
}

void JoinCard::updateScreen()
{
    if (!m_screen)
        return;
    const QStringList sockets = socketUrls();
    const QString socket
        = m_selected >= 0 && m_selected < sockets.size() ? sockets.at(m_selected) : QString();
    m_screen->setContent(m_serverName, selectedPageUrl(), socket);
    m_screen->setJoinCode(m_joinCode);
}

void JoinCard::applyFonts()
{
    const QFont base = font();
    const double pt = base.pointSizeF() > 0 ? base.pointSizeF() : 10.0;
    QFont page = monospaceFont();
    page.setPointSizeF(pt * PageUrlScale);
    page.setBold(true);
    for (QLabel *l : std::as_const(m_pageLabels))
        l->setFont(page);
    m_codeLabel->setFont(page);
    QFont socket = monospaceFont();
    socket.setPointSizeF(pt * SocketUrlScale);
    socket.setBold(true);
    for (QLabel *l : std::as_const(m_socketLabels))
        l->setFont(socket);
    QFont title = base;
    title.setBold(true);
    m_title->setFont(title);
    // About a quarter of a text line per module: 4 px at the usual font size, larger in
    // projector mode.
    m_qr->setPreferredModulePixels(qMax(3, QFontMetrics(base).height() / 4));
}

void JoinCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void JoinCard::showFullScreenCard()
{
    if (!m_screen)
        m_screen = new JoinCardScreen(this);
    updateScreen();
    // On the screen the server window is on: that is the one the projector mirrors.
    if (QScreen *screen = window()->screen()) {
        m_screen->setScreen(screen);
        m_screen->setGeometry(screen->geometry());
    }
    m_screen->showFullScreen();
    m_screen->raise();
    m_screen->activateWindow();
    m_screen->setFocus(Qt::ActiveWindowFocusReason);
}

void JoinCard::closeFullScreenCard()
{
    if (m_screen)
        m_screen->close();
}

} // namespace duplex::server
