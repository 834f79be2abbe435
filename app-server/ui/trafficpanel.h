// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <trafficmodel.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace duplex::server {

class ClientModel;
class WireLog;

/// Every frame in and out: the live table (bounded and batched by TrafficModel), filters,
/// pause with a badge, clear, export, and the selected frame pretty-printed.
class TrafficPanel final : public QWidget
{
    Q_OBJECT
public:
    TrafficPanel(TrafficModel *model, ClientModel *clients, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    /// Asks for a file name, then writes the rows shown as JSON Lines.
    void exportToFile();
    bool exportTo(const QString &path, const TrafficExportOptions &options = {});
    /// Projector mode: hides the byte count so the summary keeps room (off: shown again).
    void setCompact(bool on);
    /// The wire tap's records, so that an export can include each frame's bytes.
    void setWireLog(const WireLog *log) { m_wire = log; }

private:
    void applyFilter();
    void refreshClientFilter();
    void refreshTypeFilter();
    void showDetail();
    void updatePauseUi();

    TrafficModel *m_model;
    ClientModel *m_clients;
    QTableView *m_table;
    QComboBox *m_clientFilter;
    QComboBox *m_typeFilter;
    QLineEdit *m_textFilter;
    QCheckBox *m_hideKeepAlive;
    QToolButton *m_pause;
    QLabel *m_badge;
    QToolButton *m_clear;
    QToolButton *m_export;
    QPlainTextEdit *m_detail;
    bool m_atBottom = true;
    const WireLog *m_wire = nullptr;
};

} // namespace duplex::server
