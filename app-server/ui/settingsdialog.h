// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QDialog>

class QDoubleSpinBox;
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

    // Class control (remembered too; the command line wins at start).
    void setJoinCode(const QString &code);
    QString joinCode() const;
    void setBanMinutes(double minutes);
    double banMinutes() const;
    void setReservedNicks(const QStringList &nicks);
    QStringList reservedNicks() const;

private:
    QSpinBox *m_port;
    QLineEdit *m_name;
    QLineEdit *m_code;
    QDoubleSpinBox *m_ban;
    QLineEdit *m_reserved;
};

} // namespace duplex::server
