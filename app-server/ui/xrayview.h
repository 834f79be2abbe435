// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The frame X-ray: the frames of one client as rows of their own (control and continuation
// frames too, and the HTTP heads of the handshake), and the selected one taken apart byte by
// byte (frameexplainer.h). Reads the engine's WireLog: copies of new records only, on a
// timer, only while visible; the list keeps the last MaxRows.

#include <trafficlog.h>
#include <wirelog.h>

#include <QList>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QMainWindow;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QToolButton;

namespace duplex::server {

class ServerHost;
class TrafficModel;

class XrayView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxRows = 500;

    /// host may be null (tests): then the tap switches are hidden.
    XrayView(WireLog *log, ServerHost *host, QWidget *parent = nullptr);

    /// Lists this client's frames (and offers to tap it).
    void showClient(quint64 clientId, const QString &label = {});
    /// Shows the frame a traffic-log row refers to. False (and a hint) when the tap did not
    /// see it (it was off for that client).
    bool showTrafficEntry(const TrafficEntry &entry);
    /// Shows one record.
    void showRecord(const WireRecord &record);

    /// Reads new records now (the timer does this while the view is visible).
    void poll();

    quint64 client() const { return m_client; }
    QTableWidget *frameList() const { return m_list; }
    QTextBrowser *detail() const { return m_detail; }
    /// The detail as plain text (tests).
    QString detailText() const;
    /// Writes every record the tap kept as a Wireshark capture (.pcapng).
    bool exportPcapng(const QString &path, QString *error = nullptr) const;

    /// Puts an X-ray dock into the window and wires it to the traffic log's and the
    /// clients' tables. A few lines in MainWindow call this.
    static XrayView *install(QMainWindow *window, ServerHost *host, QTableView *trafficTable,
                             TrafficModel *trafficModel, QTableView *clientsTable);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addRow(const WireRecord &record);
    void refill();
    void updateSwitches();
    void onRowChanged(int row);
    void fitColumns();

    WireLog *m_log;
    ServerHost *m_host;
    quint64 m_client = 0;
    QString m_label;
    quint64 m_lastSerial = 0;
    QList<WireRecord> m_records; ///< what the list shows, oldest first
    QTimer m_timer;

    QLabel *m_title;
    QCheckBox *m_tapAll;
    QCheckBox *m_tapClient;
    QToolButton *m_export;
    QTableWidget *m_list;
    QTextBrowser *m_detail;
};

} // namespace duplex::server
