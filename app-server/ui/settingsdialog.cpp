// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "settingsdialog.h"

#include <QDialogButtonBox>
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
    form->addRow(note);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
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
