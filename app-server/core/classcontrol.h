// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Class control (protocol-v1.md, "Class control"): the join code and the strikes for wrong
// codes, bans after a kick, mutes, locks, slow mode and reserved nicks. Plain state and
// rules, no peers and no sockets: the handlers ask it and act (chathandlers.cpp), the
// facade changes it (chatserver_class.cpp).

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace duplex::server {

/// One ban, as the window's list shows it.
struct BanInfo {
    quint64 id = 0;  ///< for liftBan()
    QString nick;    ///< as it was when kicked (empty: the address only)
    QString address; ///< address text (empty: the nick only, e.g. a loopback client)
    qint64 untilMs = 0;
    QString reason;
};

/// A nick held for a dropped session waiting for its resume.
struct HeldNick {
    QString nick;
    QStringList rooms;
    qint64 expiresMs = 0; ///< when the grace period ends
};

/// Everything the window shows about class control, in one snapshot.
struct ClassControlState {
    QString joinCode;
    qint64 banMs = 0;
    bool locked = false;
    QSet<QString> lockedRooms;
    QHash<QString, int> slowModes; ///< room -> seconds
    QSet<QString> muted;           ///< nick keys
    QStringList reservedNicks;
    QList<BanInfo> bans;
    QList<HeldNick> held;
};

class ClassControl
{
public:
    struct Settings {
        QString joinCode;                  ///< empty: no code needed
        qint64 banMs = 10 * 60 * 1000;     ///< default ban period of a kick; 0 = none
        int strikeLimit = 5;               ///< wrong codes per address...
        qint64 strikeWindowMs = 60 * 1000; ///< ...within this
        QStringList reservedNicks;         ///< besides server and system
        bool locked = false;               ///< no new sessions
    };

    ClassControl();
    explicit ClassControl(Settings settings);

    // --- join code and strikes -------------------------------------------------------------
    /// The code as compared: lower case, every whitespace removed.
    static QString normalizedCode(const QString &code);
    void setJoinCode(const QString &code);
    QString joinCode() const { return m_settings.joinCode; }
    bool codeRequired() const { return !m_code.isEmpty(); }
    bool codeMatches(const QString &given) const;
    /// True while the address has used up its strikes (closed at every hello).
    bool struckOut(const QString &address, qint64 nowMs) const;
    /// Counts a wrong code; true when this strike used up the address's allowance.
    bool strike(const QString &address, qint64 nowMs);
    void setStrikeRule(int limit, qint64 windowMs);

    // --- bans ------------------------------------------------------------------------------
    qint64 banMs() const { return m_settings.banMs; }
    void setBanMs(qint64 ms) { m_settings.banMs = qMax<qint64>(0, ms); }
    /// Bans the nick key and the address (either may be empty) until untilMs.
    quint64 ban(const QString &nick, const QString &nickKey, const QString &address, qint64 untilMs,
                const QString &reason);
    /// The end of the ban that covers this nick key or address (0: none).
    qint64 bannedUntil(const QString &nickKey, const QString &address, qint64 nowMs);
    bool liftBan(quint64 id);
    /// The bans in force now (expired ones are forgotten).
    QList<BanInfo> bans(qint64 nowMs);

    // --- mute, locks, slow mode ------------------------------------------------------------
    void setMuted(const QString &nickKey, bool on);
    bool isMuted(const QString &nickKey) const { return m_muted.contains(nickKey); }
    /// A muted nick stays muted under a new nick.
    void renamed(const QString &oldKey, const QString &newKey);
    QSet<QString> muted() const { return m_muted; }

    void setLocked(bool on) { m_settings.locked = on; }
    bool isLocked() const { return m_settings.locked; }
    void setRoomLocked(const QString &room, bool on);
    bool isRoomLocked(const QString &room) const { return m_lockedRooms.contains(room); }
    QSet<QString> lockedRooms() const { return m_lockedRooms; }

    /// One message per `seconds` per member in that room (0: off).
    void setSlowMode(const QString &room, int seconds);
    int slowMode(const QString &room) const { return m_slow.value(room, 0); }
    QHash<QString, int> slowModes() const { return m_slow; }
    /// Slow mode for a say: 0 when it may go (and it is counted), else ms to wait.
    qint64 slowWait(const QString &room, const QString &nickKey, qint64 nowMs);

    // --- reserved nicks --------------------------------------------------------------------
    void setReservedNicks(const QStringList &nicks);
    QStringList reservedNicks() const { return m_settings.reservedNicks; }
    bool isReserved(const QString &nickKey) const { return m_reserved.contains(nickKey); }

    /// The text of an address as bans and strikes key it (IPv4-mapped IPv6 as IPv4).
    static QString addressKey(const QHostAddress &address);

    /// Forgets expired strikes, bans and slow-mode stamps.
    void prune(qint64 nowMs);

private:
    struct Strikes {
        QList<qint64> times; ///< within the window, oldest first
        qint64 outUntilMs = 0;
    };
    Settings m_settings;
    QString m_code; // normalized
    QHash<QString, Strikes> m_strikes;
    QList<BanInfo> m_bans;
    QHash<quint64, QString> m_banKeys; // ban id -> nick key
    quint64 m_nextBan = 1;
    QSet<QString> m_muted;
    QSet<QString> m_lockedRooms;
    QHash<QString, int> m_slow;
    QHash<QString, qint64> m_lastSay; // room + '\x1f' + nick key -> ms
    QSet<QString> m_reserved;
};

} // namespace duplex::server

Q_DECLARE_METATYPE(duplex::server::BanInfo)
Q_DECLARE_METATYPE(duplex::server::HeldNick)
Q_DECLARE_METATYPE(duplex::server::ClassControlState)
