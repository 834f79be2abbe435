// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "pushbar.h"

#include "uiutil.h"

#include <roommodel.h>
#include <serverhost.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace duplex::server {

namespace {
// Item data of the target combo: "*" everyone, "#room", "@" the selected client.
const QString Everyone = QStringLiteral("*");
const QString Selected = QStringLiteral("@");
} // namespace

PushBar::PushBar(ServerHost *server, RoomModel *rooms, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
    , m_rooms(rooms)
    , m_text(new QLineEdit(this))
    , m_target(new QComboBox(this))
    , m_send(new QToolButton(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("pushBar"));
    auto *label = new QLabel(tr("Push a notice:"), this);
    QFont bold; // only the weight: size follows the window (projector mode)
    bold.setBold(true);
    label->setFont(bold);
    m_text->setObjectName(QStringLiteral("pushText"));
    m_text->setPlaceholderText(tr("Type an announcement and press Enter: the server speaks first"));
    m_text->setMaxLength(4000);
    m_text->setToolTip(tr("A notice is pushed by the server without any client asking: "
                          "that is what a WebSocket makes possible."));
    label->setBuddy(m_text);
    m_target->setObjectName(QStringLiteral("pushTarget"));
    m_target->setToolTip(tr("Who receives the notice."));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_send->setObjectName(QStringLiteral("pushSend"));
    m_send->setText(tr("Send"));
    m_send->setIcon(uiIcon(QStringLiteral("send")));
    m_send->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_send->setToolTip(tr("Push the notice now (Enter)."));
    m_result->setObjectName(QStringLiteral("pushResult"));
    m_result->setTextFormat(Qt::PlainText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addWidget(label);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_target);
    layout->addWidget(m_send);
    layout->addWidget(m_result);

    refreshTargets();
    connect(m_rooms, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            refreshTargets();
    });
    connect(m_rooms, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            refreshTargets();
    });
    connect(m_rooms, &QAbstractItemModel::modelReset, this, [this] { refreshTargets(); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { send(); });
    connect(m_send, &QToolButton::clicked, this, [this] { send(); });
    connect(m_text, &QLineEdit::textChanged, this, [this] { m_result->clear(); });
}

void PushBar::setSelectedClient(quint64 id, const QString &nick)
{
    m_selectedId = id;
    m_selectedNick = nick;
    refreshTargets();
}

void PushBar::refreshTargets()
{
    const QString current = m_target->currentData().toString();
    const QSignalBlocker block(m_target);
    m_target->clear();
    m_target->addItem(uiIcon(QStringLiteral("user")), tr("Everyone"), Everyone);
    for (const QString &room : m_rooms->roomNames())
        m_target->addItem(uiIcon(QStringLiteral("room")), tr("Room #%1").arg(room),
                          QStringLiteral("#") + room);
    if (m_selectedId != 0)
        m_target->addItem(uiIcon(QStringLiteral("user")),
                          tr("Selected client: %1").arg(m_selectedNick), Selected);
    m_target->setCurrentIndex(qMax(0, m_target->findData(current)));
}

int PushBar::send()
{
    const QString text = m_text->text().trimmed();
    if (text.isEmpty())
        return 0;
    const QString target = m_target->currentData().toString();
    NoticeTarget t;
    if (target.startsWith(QLatin1Char('#'))) {
        t.kind = NoticeTarget::Kind::Room;
        t.room = target.mid(1);
    } else if (target == Selected) {
        if (m_selectedId == 0)
            return 0;
        t.kind = NoticeTarget::Kind::Client;
        t.clientId = m_selectedId;
    }
    const int n = m_server->sendNotice(text, t);
    const QString whom = target == Selected   ? m_selectedNick
        : target.startsWith(QLatin1Char('#')) ? target
                                              : tr("everyone");
    Q_EMIT noticeSent(text, whom, n);
    m_text->clear(); // clears m_result too (textChanged)
    // Says to whom: a notice for one student names that student.
    m_result->setText(target == Selected && n == 1 ? tr("pushed to %1 only").arg(m_selectedNick)
                          : n == 1                 ? tr("pushed to 1 client")
                                                   : tr("pushed to %n clients", nullptr, n));
    return n;
}

} // namespace duplex::server
