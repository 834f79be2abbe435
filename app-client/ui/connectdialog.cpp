// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "connectdialog.h"

#include <names.h>
#include <serveraddress.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace duplex::client {

namespace {
QLabel *hintLabel(const QString &name, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    QPalette p = l->palette();
    p.setColor(QPalette::WindowText, QColor(200, 30, 30));
    l->setPalette(p);
    return l;
}
} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to a Duplex server"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/duplex-client.svg")));

    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(windowIcon().pixmap(48, 48));
    auto *headText = new QVBoxLayout;
    auto *title = new QLabel(tr("Join a Duplex chat"), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title->setFont(titleFont);
    auto *intro
        = new QLabel(tr("Type the address the server window shows, and pick a nickname."), this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    headText->addWidget(title);
    headText->addWidget(intro);
    head->addWidget(icon, 0, Qt::AlignTop);
    head->addSpacing(8);
    head->addLayout(headText, 1);
    layout->addLayout(head);
    layout->addSpacing(6);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setMargin(8);
    m_error->setAutoFillBackground(true);
    {
        QPalette p = m_error->palette();
        p.setColor(QPalette::Window, QColor(253, 226, 226));
        p.setColor(QPalette::WindowText, QColor(130, 20, 20));
        m_error->setPalette(p);
    }
    m_error->hide();
    layout->addWidget(m_error);

    auto *form = new QFormLayout;
    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("serverCombo"));
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->setMinimumContentsLength(28);
    m_server->setToolTip(tr("The server's address as the server window shows it, e.g. "
                            "192.168.1.20:8080 or ws://192.168.1.20:8080 (recent servers in "
                            "the list). Several servers of one class, separated by commas: "
                            "when one stops, the client moves to the next."));
    m_server->lineEdit()->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8080"));
    m_serverHint = hintLabel(QStringLiteral("serverHint"), this);
    m_nick = new QLineEdit(this);
    m_nick->setObjectName(QStringLiteral("nickEdit"));
    m_nick->setMaxLength(64);
    m_nick->setPlaceholderText(tr("e.g. alice"));
    m_nick->setToolTip(tr("1–24 letters, digits, _ - or . (not “server” or “system”)"));
    m_nickHint = hintLabel(QStringLiteral("nickHint"), this);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(QString(), m_serverHint);
    form->addRow(tr("&Nickname:"), m_nick);
    form->addRow(QString(), m_nickHint);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("joinCodeEdit"));
    m_code->setMaxLength(64);
    m_code->setPlaceholderText(tr("only if your teacher gives you one"));
    m_code->setToolTip(tr("The join code the teacher shows (letter case and spaces do not "
                          "matter). Leave it empty when the server needs none."));
    form->addRow(tr("&Join code:"), m_code);

    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("transportCombo"));
    m_transport->addItem(tr("Push (WebSocket)"), int(ClientSession::Transport::Push));
    m_transport->addItem(tr("Long polling"), int(ClientSession::Transport::LongPoll));
    m_transport->addItem(tr("Polling"), int(ClientSession::Transport::Poll));
    m_transport->setItemData(0,
                             tr("One WebSocket stays open; the server pushes each message the "
                                "moment it exists"),
                             Qt::ToolTipRole);
    m_transport->setItemData(1,
                             tr("HTTP requests the server holds until it has something (up to "
                                "25 s), then the client asks again"),
                             Qt::ToolTipRole);
    m_transport->setItemData(2,
                             tr("An HTTP request every few hundred milliseconds asks “anything "
                                "new?” – mostly the answer is no"),
                             Qt::ToolTipRole);
    m_transport->setToolTip(tr("How messages travel: pushed over a WebSocket, or fetched with "
                               "HTTP polling (to compare what each costs)"));
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_interval->setRange(100, 10000);
    m_interval->setSingleStep(100);
    m_interval->setValue(500);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setPrefix(tr("every "));
    m_interval->setToolTip(tr("How often the client asks the server when polling"));
    auto *transportRow = new QHBoxLayout;
    transportRow->addWidget(m_transport, 1);
    transportRow->addWidget(m_interval);
    // A row holding a layout gets no buddy by itself: without one, "&" shows literally.
    auto *transportLabel = new QLabel(tr("&Transport:"), this);
    transportLabel->setBuddy(m_transport);
    form->addRow(transportLabel, transportRow);
    connect(m_transport, &QComboBox::currentIndexChanged, this,
            [this] { m_interval->setEnabled(transport() == ClientSession::Transport::Poll); });
    m_interval->setEnabled(false);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    layout->addWidget(buttons);
    // The dialog grows with a hint that appears or wraps to more lines: never clipped.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_server, &QComboBox::currentTextChanged, this, &ConnectDialog::validate);
    connect(m_nick, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    setServer(QStringLiteral("ws://127.0.0.1:8080"));
    validate();
    m_nick->setFocus();
}

void ConnectDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitHints();
}

void ConnectDialog::fitHints()
{
    bool changed = false;
    for (QLabel *hint : {m_serverHint, m_nickHint, m_error}) {
        const int h = hint->isVisibleTo(this) ? hint->heightForWidth(hint->width()) : 0;
        if (h > 0 && hint->minimumHeight() != h) {
            hint->setMinimumHeight(h);
            changed = true;
        }
    }
    if (changed && layout())
        layout()->activate(); // the dialog's minimum grows (SetMinimumSize): never clipped
}

void ConnectDialog::setRecentServers(const QStringList &servers)
{
    const QString current = m_server->currentText();
    m_server->clear();
    m_server->addItems(servers);
    m_server->setEditText(current);
}

void ConnectDialog::setServer(const QString &url)
{
    m_server->setEditText(url);
}

void ConnectDialog::setNick(const QString &nick)
{
    m_nick->setText(nick);
}

void ConnectDialog::setJoinCode(const QString &code)
{
    m_code->setText(code);
}

QString ConnectDialog::joinCode() const
{
    return m_code->text().trimmed();
}

void ConnectDialog::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    adjustSize();
}

void ConnectDialog::setTransport(ClientSession::Transport transport, int pollIntervalMs)
{
    m_transport->setCurrentIndex(qMax(0, m_transport->findData(int(transport))));
    m_interval->setValue(pollIntervalMs);
    m_interval->setEnabled(transport == ClientSession::Transport::Poll);
}

ClientSession::Transport ConnectDialog::transport() const
{
    return ClientSession::Transport(m_transport->currentData().toInt());
}

int ConnectDialog::pollIntervalMs() const
{
    return m_interval->value();
}

QUrl ConnectDialog::serverUrl() const
{
    return serverUrls().value(0);
}

QList<QUrl> ConnectDialog::serverUrls() const
{
    return parseServerAddresses(m_server->currentText()).urls;
}

QString ConnectDialog::nick() const
{
    return m_nick->text().trimmed();
}

QString ConnectDialog::urlProblem(const QString &text)
{
    // host:port, ws://…, or the join card's http://… address (see parseServerAddress), one
    // or several.
    return parseServerAddresses(text).problem;
}

bool ConnectDialog::isInputValid() const
{
    return urlProblem(m_server->currentText()).isEmpty() && !proto::nickProblem(nick()).has_value();
}

void ConnectDialog::validate()
{
    const QString serverProblem = urlProblem(m_server->currentText());
    m_serverHint->setText(serverProblem);
    m_serverHint->setVisible(!serverProblem.isEmpty());
    const auto nickProblem = proto::nickProblem(nick());
    // An empty field is not an error yet: just keep Connect disabled.
    const bool showNick = nickProblem.has_value() && !m_nick->text().isEmpty();
    m_nickHint->setText(showNick ? *nickProblem : QString());
    m_nickHint->setVisible(showNick);
    m_connect->setEnabled(serverProblem.isEmpty() && !nickProblem.has_value());
    // After the layout has given the hints their width.
    QMetaObject::invokeMethod(this, &ConnectDialog::fitHints, Qt::QueuedConnection);
}

} // namespace duplex::client
