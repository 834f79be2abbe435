// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The window's class control (issue 15): the Class menu (lock the server, bans and held
// nicks, transcripts), the rooms' context menu (lock, slow mode, transcript), the Kick
// dialog with its ban period. The engine side is ChatServer / ServerHost.

#include <QCoreApplication>
#include <QDialog>
#include <QInputDialog>

class QDoubleSpinBox;
class QMenu;
class QPushButton;
class QSettings;
class QTreeWidget;

namespace duplex::server {

class ServerHost;

/// Kick: the reason (a QInputDialog, as before) plus the ban period for this kick.
class KickDialog final : public QInputDialog
{
    Q_OBJECT
public:
    KickDialog(const QString &nick, double banMinutes, QWidget *parent = nullptr);
    double banMinutes() const;
    void setBanMinutes(double minutes);
    void setVisible(bool visible) override;

private:
    QWidget *m_banRow;
    QDoubleSpinBox *m_ban;
    bool m_placed = false;
};

/// Bans in force (with Lift ban) and nicks held for dropped sessions (with Free nick).
class ModerationDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ModerationDialog(ServerHost *server, QWidget *parent = nullptr);
    void refresh();
    QTreeWidget *bansList() const { return m_bans; }
    QTreeWidget *heldList() const { return m_held; }
    /// Lifts the selected ban / frees the selected held nick.
    bool liftSelected();
    bool freeSelected();

private:
    ServerHost *m_server;
    QTreeWidget *m_bans;
    QTreeWidget *m_held;
    QPushButton *m_lift;
    QPushButton *m_free;
};

/// The Class menu and the rooms' actions (static; a class for its translation context).
class ClassControlUi
{
    Q_DECLARE_TR_FUNCTIONS(duplex::server::ClassControlUi)

public:
    /// The Class menu for the main window (object names: actionLockServer,
    /// actionModeration, actionSaveTranscript).
    /// settings (may be null): where the transcript dialog remembers its choices.
    static QMenu *createClassMenu(ServerHost *server, QWidget *window,
                                  QSettings *settings = nullptr);
    /// Lock, slow mode and transcript for one room (the rooms panel's context menu).
    static void addRoomActions(QMenu *menu, ServerHost *server, const QString &room,
                               QWidget *window, QSettings *settings = nullptr);
    /// Asks for room, format, start and whether to include notices and joins/leaves
    /// (remembered in settings as transcript/withEvents), then writes the transcript.
    static void saveTranscriptDialog(ServerHost *server, const QString &room, QWidget *window,
                                     QSettings *settings = nullptr);
    /// Writes a transcript file (text or CSV, with events merged in when withEvents).
    /// False when it cannot be written.
    static bool writeTranscript(ServerHost *server, const QString &room, bool csv, qint64 sinceMs,
                                const QString &path, bool withEvents = false);
};

} // namespace duplex::server
