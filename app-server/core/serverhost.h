// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The server window's handle on the engine: ChatServer and its HistoryStore live in a
// worker thread, so a busy event loop on either side never stalls the other (at 1000
// clients and 100k deliveries/s the engine alone keeps a thread busy for tens of ms at a
// time). The GUI thread reads cached snapshots that the worker pushes a few times a
// second; rare operator actions cross over with blocking calls GUI -> worker (never the
// other way round, so they cannot deadlock). No widgets.

#include "chatserver.h"
#include "clientinfo.h"
#include "engineevents.h"
#include "eventlog.h"
#include "wirelog.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace duplex::server {

class TrafficLog;

class ServerHost final : public EngineEvents
{
    Q_OBJECT
public:
    /// Starts the worker thread and builds the engine there. dbPath empty: an in-memory
    /// store. traffic (not owned, may be null) is appended to from the worker thread; it
    /// must outlive this object. Check ok() / openError() before use.
    ServerHost(ServerConfig config, const QString &dbPath, TrafficLog *traffic,
               QObject *parent = nullptr);
    /// Stops the engine in the worker (clients get 1001), then joins the thread.
    ~ServerHost() override;

    bool ok() const { return m_opened; }
    QString openError() const { return m_openError; }

    // --- actions (block the caller until the worker has done them) ----------------------
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void stop();
    void setName(const QString &name);
    int sendNotice(const QString &text, const NoticeTarget &target = {});
    bool kick(quint64 clientId, const QString &reason);
    /// Kick with this ban period (ms; 0 = none); see ChatServer.
    bool kick(quint64 clientId, const QString &reason, qint64 banMs);
    // Class control (see ChatServer); each refreshes classControl().
    void setJoinCode(const QString &code);
    void setBanPeriod(qint64 ms);
    bool liftBan(quint64 banId);
    void setMuted(const QString &nick, bool muted);
    void lockServer(bool locked);
    void lockRoom(const QString &room, bool locked);
    void setSlowMode(const QString &room, int seconds);
    void setReservedNicks(const QStringList &nicks);
    bool releaseHeldNick(const QString &nick);
    /// Fetches the class-control state now (blocking) and caches it.
    ClassControlState refreshClassControl();
    /// The stored messages of a room from ts sinceMs on (blocking; for "Save transcript").
    QList<proto::server::Message> transcript(const QString &room, qint64 sinceMs = 0);
    /// The room's joins, leaves, nick changes and notices from sinceMs on (blocking).
    QList<RoomEvent> transcriptEvents(const QString &room, qint64 sinceMs = 0);
    /// Rooms with stored messages (blocking).
    QStringList storedRooms();
    /// The push-vs-polling lesson: switch the whole class (see ChatServer).
    void setClassTransport(const ClassTransport &transport);
    /// A client's recent connection timeline, fetched now (blocking; call it at most a few
    /// times a second, for the one client on show).
    ClientActivity activity(quint64 clientId);
    /// The wire tap (frame X-ray): everyone, or one client. Records go to wireLog().
    void setWireTapAll(bool on);
    void setWireTap(quint64 clientId, bool on);
    bool wireTapAll() const { return m_tapAll; }
    bool isWireTapped(quint64 clientId) const { return m_tapAll || m_tapped.contains(clientId); }
    /// What the tap saw (thread-safe; the worker appends, the GUI reads copies).
    WireLog *wireLog() { return &m_wire; }

    // --- state (cached in the GUI thread; never blocks) ---------------------------------
    bool isListening() const { return m_listening; }
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    QString errorString() const { return m_errorString; }
    const ServerConfig &config() const { return m_config; }

    /// The latest snapshots the worker pushed (at most ~250 ms old, fresher after changes).
    QList<ClientInfo> clients() const { return m_clients; }
    std::optional<ClientInfo> client(quint64 clientId) const;
    QList<RoomInfo> rooms() const { return m_rooms; }
    ServerCounters counters() const { return m_counters; }
    /// With --redis: Redis up or down and the servers of the cluster (issue 17).
    ChatServer::ClusterState clusterState() const { return m_cluster; }
    /// The lesson's figures, pushed with the other snapshots.
    TransportFigures transportFigures() const { return m_figures; }
    ClassTransport classTransport() const { return m_figures.classTransport; }
    int clientCount() const { return m_counters.clients; }
    /// Class control as last fetched (after every action and classControlChanged).
    ClassControlState classControl() const { return m_control; }

    /// Fetches fresh snapshots from the worker now (blocking; tests and screenshots).
    void refreshNow();

Q_SIGNALS:
    // The engine's signals (EngineEvents) arrive in this object's thread.
    /// New snapshots arrived (clients(), rooms(), counters()).
    void snapshotsUpdated();

private:
    struct Worker;
    struct Snapshot;
    void apply(const Snapshot &s);
    /// Runs f with the engine in the worker thread; blocks until done. False if not ok().
    bool onEngine(const std::function<void(ChatServer *)> &f);
    ClassControlState m_control;

    ServerConfig m_config;
    WireLog m_wire; // before m_worker: the engine writes to it until the worker is gone
    bool m_tapAll = false;
    QSet<quint64> m_tapped;
    bool m_opened = false;
    QString m_openError;
    std::unique_ptr<Worker> m_worker;

    bool m_listening = false;
    quint16 m_port = 0;
    QHostAddress m_address;
    QString m_errorString;
    QList<ClientInfo> m_clients;
    QList<RoomInfo> m_rooms;
    ServerCounters m_counters;
    ChatServer::ClusterState m_cluster;
    TransportFigures m_figures;
    quint64 m_appliedSeq = 0;
};

} // namespace duplex::server
