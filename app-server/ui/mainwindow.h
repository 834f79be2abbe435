// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QFont>
#include <QHostAddress>
#include <QMainWindow>
#include <QStringList>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QTreeView;
class QWidget;

namespace duplex::server {

class ServerHost;
class ClientModel;
class ClientsPanel;
class JoinCard;
class PushBar;
class RoomModel;
class ServerStats;
class StatsPanel;
class TrafficLog;
class TrafficModel;
class TrafficPanel;
struct ClientInfo;

/// How the window listens and where it keeps its settings.
struct WindowConfig {
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 0;     ///< 0 picks a free port (tests)
    QString dbPath;       ///< shown in the status bar
    QString settingsPath; ///< an INI file; empty = the platform's default QSettings
};

/// The server window: what a teacher projects. Binds the core's models to widgets; never
/// touches a socket or JSON itself (ChatServer does the work in ServerHost's worker thread,
/// the models format it).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ServerHost *server, TrafficLog *traffic, WindowConfig config,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Listens on the configured address and port; on failure the header shows the error
    /// and offers to retry on the next port.
    bool startListening();
    void stopListening();

    void setProjectorMode(bool on);
    bool projectorMode() const { return m_projector; }

    /// The ws:// addresses the header shows (what the Qt client's Server field takes).
    QStringList addresses() const { return m_addresses; }
    /// The browser page's addresses, with the QR code of one, in the header.
    JoinCard *joinCard() const { return m_joinCard; }
    /// Fetches the server's clients and rooms from the engine thread now and shows them
    /// (otherwise the window shows the snapshots the engine pushes, on a timer).
    void refreshSnapshots();
    /// For scripted screenshots: pushes a notice to everyone (when not empty), selects the
    /// first client and the newest say so the detail panes show something.
    void prepareScreenshot(const QString &notice);

    ClientModel *clientModel() const { return m_clientModel; }
    TrafficModel *trafficModel() const { return m_trafficModel; }
    RoomModel *roomModel() const { return m_roomModel; }
    ServerStats *stats() const { return m_stats; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildHeader(QWidget *header);
    void buildMenus();
    void updateHeader();
    void rebuildAddresses();
    void applyFonts();
    void saveViewState();
    /// False when this mode has no saved panel layout yet.
    bool restoreViewState();
    void applyDefaultLayout();
    /// Settings key for what each mode keeps apart (panels, splitters, columns).
    QString modeKey(const QString &key) const;
    void restoreSplitters();
    void scheduleRefresh();
    void applySnapshots();
    void logEvent(const QString &kind, const QString &text);
    void flushEvents();
    void onClientDisconnected(const ClientInfo &info);
    void openSettings();
    void showAbout();
    void updateStatusBar();
    void updateClusterLabel();

    ServerHost *m_server;
    TrafficLog *m_traffic;
    WindowConfig m_config;
    std::unique_ptr<QSettings> m_settings;

    ClientModel *m_clientModel;
    TrafficModel *m_trafficModel;
    RoomModel *m_roomModel;
    ServerStats *m_stats;

    ClientsPanel *m_clientsPanel = nullptr;
    TrafficPanel *m_trafficPanel = nullptr;
    PushBar *m_pushBar = nullptr;
    StatsPanel *m_statsPanel = nullptr;
    QTreeView *m_roomsTree = nullptr;
    QPlainTextEdit *m_events = nullptr;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_nameLabel = nullptr;
    JoinCard *m_joinCard = nullptr;
    QPushButton *m_startStop = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_uptimeLabel = nullptr;
    QLabel *m_dbLabel = nullptr;
    QLabel *m_clientsLabel = nullptr;
    QLabel *m_clusterLabel = nullptr; ///< --redis: Redis up/down, the servers seen
    QAction *m_projectorAction = nullptr;
    QAction *m_startStopAction = nullptr;

    QStringList m_addresses;
    QString m_lastError;
    bool m_projector = false;
    bool m_changed = false; ///< the engine reported a change since the last refresh
    QFont m_baseFont;
    double m_appliedPointSize = 0;
    QElapsedTimer m_listeningFor;
    QTimer m_refreshTimer;
    QTimer m_refreshSoon;
    QTimer m_eventFlush;
    QTimer m_uptimeTimer;
    QStringList m_pendingEvents;
    bool m_splittersRestored = false;
    bool m_built = false;    ///< the constructor has finished
    int m_skippedEvents = 0; ///< dropped from a full backlog since the last flush
};

} // namespace duplex::server
