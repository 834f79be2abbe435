// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace duplex::server {

SettingsDialog::SettingsDialog(quint16 port, const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_port(new QSpinBox(this))
    , m_name(new QLineEdit(this))
    , m_code(new QLineEdit(this))
    , m_ban(new QDoubleSpinBox(this))
    , m_reserved(new QLineEdit(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Server settings"));
    m_port->setObjectName(QStringLiteral("settingsPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(port == 0 ? 8080 : port);
    m_port->setToolTip(tr("The TCP port students put after the colon in ws://address:port. "
                          "Ports below 1024 need administrator rights."));
    m_name->setObjectName(QStringLiteral("settingsName"));
    m_name->setText(name);
    m_name->setMaxLength(64);
    m_name->setToolTip(tr("The name clients see when they connect (sent in welcome)."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *note = new QLabel(tr("A new port takes effect at once: connected clients are "
                               "disconnected and reconnect to the new address."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Server &name:"), m_name);
    m_code->setObjectName(QStringLiteral("settingsJoinCode"));
    m_code->setMaxLength(64);
    m_code->setPlaceholderText(tr("none: anyone on the network can join"));
    m_code->setToolTip(tr("New students need this code to join (letter case and spaces do not "
                          "matter). The join card shows it large. Students already in stay."));
    m_ban->setObjectName(QStringLiteral("settingsBanMinutes"));
    m_ban->setRange(0, 10080);
    m_ban->setDecimals(0);
    m_ban->setSuffix(tr(" min"));
    m_ban->setSpecialValueText(tr("no ban"));
    m_ban->setToolTip(tr("After a kick, the nickname and the address may not come back for this "
                         "long (0: no ban). The Kick dialog can change it for one kick."));
    m_reserved->setObjectName(QStringLiteral("settingsReservedNicks"));
    m_reserved->setPlaceholderText(tr("e.g. teacher, admin"));
    m_reserved->setToolTip(tr("Nicknames no student can take, in any letter case, separated by "
                              "commas. This computer may still use them."));
    form->addRow(tr("&Join code:"), m_code);
    form->addRow(tr("&Ban after a kick:"), m_ban);
    form->addRow(tr("&Reserved nicknames:"), m_reserved);
    form->addRow(note);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::setJoinCode(const QString &code)
{
    m_code->setText(code);
}

QString SettingsDialog::joinCode() const
{
    return m_code->text().trimmed();
}

void SettingsDialog::setBanMinutes(double minutes)
{
    m_ban->setValue(minutes);
}

double SettingsDialog::banMinutes() const
{
    return m_ban->value();
}

void SettingsDialog::setReservedNicks(const QStringList &nicks)
{
    m_reserved->setText(nicks.join(QStringLiteral(", ")));
}

QStringList SettingsDialog::reservedNicks() const
{
    QStringList out;
    for (const QString &part : m_reserved->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    }
    return out;
}

quint16 SettingsDialog::port() const
{
    return quint16(m_port->value());
}

QString SettingsDialog::name() const
{
    const QString n = m_name->text().trimmed();
    return n.isEmpty() ? QStringLiteral("Duplex") : n;
}

} // namespace duplex::server
