// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace duplex::server {

/// Port and server name (both remembered by the window in QSettings).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(quint16 port, const QString &name, QWidget *parent = nullptr);
    quint16 port() const;
    QString name() const;

private:
    QSpinBox *m_port;
    QLineEdit *m_name;
};

} // namespace duplex::server
