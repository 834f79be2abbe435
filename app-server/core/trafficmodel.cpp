// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "trafficmodel.h"

#include <codec.h>

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <type_traits>

namespace duplex::server {

namespace {

template<class> [[maybe_unused]] inline constexpr bool AlwaysFalse = false;

QString oneLine(const QString &text, int max = 80)
{
    QString s = text.left(max + 1);
    s.replace(QLatin1Char('\n'), QChar(0x23CE)); // ⏎
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (s.size() > max) {
        s.truncate(max);
        s.append(QChar(0x2026)); // …
    }
    return s;
}

QString roomTag(const QString &room)
{
    return QStringLiteral("#") + room;
}

QString summarizeClient(const proto::ClientMessage &m)
{
    using namespace proto::client;
    return std::visit(
        [](const auto &v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Hello>) {
                QString s = TrafficModel::tr("as %1").arg(v.nick);
                if (!v.agent.isEmpty())
                    s += TrafficModel::tr(" (%1)").arg(oneLine(v.agent, 40));
                if (!v.resume.isEmpty())
                    s += TrafficModel::tr(", resuming a session");
                return s;
            } else if constexpr (std::is_same_v<T, Join> || std::is_same_v<T, Leave>) {
                return roomTag(v.room);
            } else if constexpr (std::is_same_v<T, Say>) {
                return roomTag(v.room) + QStringLiteral(": ") + oneLine(v.text);
            } else if constexpr (std::is_same_v<T, Whisper>) {
                return TrafficModel::tr("to %1: %2").arg(v.to, oneLine(v.text));
            } else if constexpr (std::is_same_v<T, Typing>) {
                // The sender is in the Client column: say where, not "#general is typing".
                return v.on ? TrafficModel::tr("starts typing in %1").arg(roomTag(v.room))
                            : TrafficModel::tr("stops typing in %1").arg(roomTag(v.room));
            } else if constexpr (std::is_same_v<T, History>) {
                QString s = roomTag(v.room);
                if (v.before)
                    s += TrafficModel::tr(", before seq %1").arg(*v.before);
                if (v.after)
                    s += TrafficModel::tr(", after seq %1").arg(*v.after);
                return s + TrafficModel::tr(", up to %1").arg(v.limit);
            } else if constexpr (std::is_same_v<T, Nick>) {
                return TrafficModel::tr("rename to %1").arg(v.nick);
            } else if constexpr (std::is_same_v<T, Rooms>) {
                return TrafficModel::tr("list the rooms");
            } else if constexpr (std::is_same_v<T, Ping>) {
                return TrafficModel::tr("application ping");
            } else {
                static_assert(AlwaysFalse<T>, "unhandled client message");
            }
        },
        m);
}

QString presenceWord(proto::server::PresenceEvent e)
{
    switch (e) {
    case proto::server::PresenceEvent::Join: return TrafficModel::tr("joined");
    case proto::server::PresenceEvent::Leave: return TrafficModel::tr("left");
    case proto::server::PresenceEvent::Nick: return TrafficModel::tr("renamed");
    case proto::server::PresenceEvent::Count: return TrafficModel::tr("count");
    }
    return {};
}

QString summarizeServer(const proto::ServerMessage &m)
{
    using namespace proto::server;
    return std::visit(
        [](const auto &v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Welcome>) {
                return TrafficModel::tr("welcome: nick %1 on server \u201c%2\u201d")
                    .arg(v.nick, oneLine(v.server, 40));
            } else if constexpr (std::is_same_v<T, Joined>) {
                return (v.count == 1 ? TrafficModel::tr("%1, 1 member")
                                     : TrafficModel::tr("%1, %n members", nullptr, v.count))
                    .arg(roomTag(v.room));
            } else if constexpr (std::is_same_v<T, Left>) {
                return roomTag(v.room);
            } else if constexpr (std::is_same_v<T, Message>) {
                return TrafficModel::tr("%1 seq %2 %3: %4")
                    .arg(roomTag(v.room))
                    .arg(v.seq)
                    .arg(v.from, oneLine(v.text));
            } else if constexpr (std::is_same_v<T, History>) {
                return (v.messages.size() == 1
                            ? TrafficModel::tr("%1, 1 message")
                            : TrafficModel::tr("%1, %n messages", nullptr, int(v.messages.size())))
                    .arg(roomTag(v.room));
            } else if constexpr (std::is_same_v<T, Whisper>) {
                return TrafficModel::tr("%1 to %2: %3").arg(v.from, v.to, oneLine(v.text));
            } else if constexpr (std::is_same_v<T, Presence>) {
                if (v.event == PresenceEvent::Count)
                    return (v.count == 1
                                ? TrafficModel::tr("%1 now has 1 member")
                                : TrafficModel::tr("%1 now has %n members", nullptr, v.count))
                        .arg(roomTag(v.room));
                if (v.event == PresenceEvent::Nick)
                    return TrafficModel::tr("%1 %2 is now %3").arg(roomTag(v.room), v.old, v.nick);
                if (v.event == PresenceEvent::Join)
                    return TrafficModel::tr("%1: %2 joined").arg(roomTag(v.room), v.nick);
                if (v.event == PresenceEvent::Leave)
                    return TrafficModel::tr("%1: %2 left").arg(roomTag(v.room), v.nick);
                return QStringLiteral("%1 %2 %3")
                    .arg(roomTag(v.room), v.nick, presenceWord(v.event));
            } else if constexpr (std::is_same_v<T, Typing>) {
                return v.on
                    ? TrafficModel::tr("%1: %2 is typing").arg(roomTag(v.room), v.nick)
                    : TrafficModel::tr("%1: %2 stopped typing").arg(roomTag(v.room), v.nick);
            } else if constexpr (std::is_same_v<T, Rooms>) {
                return (v.rooms.size() == 1
                            ? TrafficModel::tr("1 room")
                            : TrafficModel::tr("%n rooms", nullptr, int(v.rooms.size())));
            } else if constexpr (std::is_same_v<T, Pong>) {
                return TrafficModel::tr("answer to ping");
            } else if constexpr (std::is_same_v<T, Notice>) {
                const QString where
                    = v.room.isEmpty() ? QString() : roomTag(v.room) + QLatin1Char(' ');
                return where + TrafficModel::tr("notice: %1").arg(oneLine(v.text));
            } else if constexpr (std::is_same_v<T, Error>) {
                return QStringLiteral("%1: %2").arg(proto::errorCodeName(v.code),
                                                    oneLine(v.message));
            } else if constexpr (std::is_same_v<T, Transport>) {
                return TrafficModel::tr("switch to %1 (%2 ms)").arg(v.mode).arg(v.interval);
            } else {
                static_assert(AlwaysFalse<T>, "unhandled server message");
            }
        },
        m);
}

/// What the Direction column shows, in the user's language.
QString directionLabel(TrafficDirection d)
{
    switch (d) {
    case TrafficDirection::In: return TrafficModel::tr("in");
    case TrafficDirection::Out: return TrafficModel::tr("out");
    case TrafficDirection::Event: return TrafficModel::tr("event");
    }
    return {};
}

QString directionName(TrafficDirection d)
{
    switch (d) {
    case TrafficDirection::In: return QStringLiteral("in");
    case TrafficDirection::Out: return QStringLiteral("out");
    case TrafficDirection::Event: return QStringLiteral("event");
    }
    return {};
}

} // namespace

TrafficModel::TrafficModel(TrafficLog *log, int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_capacity(qMax(1, capacity))
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
    connect(m_log, &TrafficLog::cleared, this, [this] { onLogCleared(); });
    m_timer.start();
}

void TrafficModel::setPollInterval(int ms)
{
    if (ms <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.setInterval(ms);
    m_timer.start();
}

int TrafficModel::pollInterval() const
{
    return m_timer.isActive() ? m_timer.interval() : 0;
}

bool TrafficModel::isKeepAlive(const QString &type)
{
    return type == QLatin1String("ping") || type == QLatin1String("pong")
        || type == QLatin1String("typing");
}

bool TrafficModel::accepts(const TrafficEntry &e) const
{
    if (m_filter.clientId != 0 && e.clientId != m_filter.clientId)
        return false;
    if (!m_filter.type.isEmpty() && e.type != m_filter.type)
        return false;
    if (m_filter.hideKeepAlive && isKeepAlive(e.type))
        return false;
    if (!m_filter.text.isEmpty()) {
        const QString &t = m_filter.text;
        if (!e.client.contains(t, Qt::CaseInsensitive) && !e.type.contains(t, Qt::CaseInsensitive)
            && !e.summary.contains(t, Qt::CaseInsensitive)
            && !QString::fromUtf8(e.payload).contains(t, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

void TrafficModel::noteTypes(const QList<TrafficEntry> &entries)
{
    bool changed = false;
    for (const TrafficEntry &e : entries) {
        if (!e.type.isEmpty() && !m_types.contains(e.type)) {
            m_types.insert(e.type);
            changed = true;
        }
    }
    if (changed)
        Q_EMIT knownTypesChanged();
}

QStringList TrafficModel::knownTypes() const
{
    QStringList out(m_types.cbegin(), m_types.cend());
    out.sort();
    return out;
}

void TrafficModel::poll()
{
    if (m_paused) {
        if (m_scannedSerial >= m_log->lastSerial())
            return;
        const QList<TrafficEntry> fresh = m_log->entriesSince(m_scannedSerial);
        // The log may be appended to from the engine's thread meanwhile: advance to what
        // was read, never to lastSerial() (entries appended in between would be skipped).
        if (fresh.isEmpty())
            return;
        m_scannedSerial = fresh.last().serial;
        noteTypes(fresh);
        int n = 0;
        for (const TrafficEntry &e : fresh)
            n += accepts(e) ? 1 : 0;
        if (n > 0) {
            m_pending += n;
            Q_EMIT pendingCountChanged(m_pending);
        }
        return;
    }
    if (m_shownSerial >= m_log->lastSerial())
        return;
    const QList<TrafficEntry> fresh = m_log->entriesSince(m_shownSerial);
    if (fresh.isEmpty())
        return;
    m_shownSerial = m_scannedSerial = fresh.last().serial;
    noteTypes(fresh);
    append(fresh);
}

void TrafficModel::append(const QList<TrafficEntry> &entries)
{
    QList<const TrafficEntry *> accepted;
    accepted.reserve(entries.size());
    for (const TrafficEntry &e : entries) {
        if (accepts(e))
            accepted.append(&e);
    }
    if (accepted.isEmpty())
        return;
    const int n = int(accepted.size());
    if (n >= m_capacity) {
        // More than a screenful of history arrived at once: one reset beats two huge moves.
        beginResetModel();
        m_rows.clear();
        for (int i = n - m_capacity; i < n; ++i)
            m_rows.push_back(Row {*accepted.at(i), {}, false});
        endResetModel();
        Q_EMIT batchInserted(m_capacity);
        return;
    }
    const int overflow = int(m_rows.size()) + n - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + n - 1);
    for (const TrafficEntry *e : std::as_const(accepted))
        m_rows.push_back(Row {*e, {}, false});
    endInsertRows();
    Q_EMIT batchInserted(n);
}

void TrafficModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    const QList<TrafficEntry> all = m_log->entries();
    noteTypes(all);
    // Newest first until the view is full, then restore the order.
    std::deque<Row> rows;
    for (auto it = all.crbegin(); it != all.crend() && int(rows.size()) < m_capacity; ++it) {
        if (it->serial <= m_shownSerial && accepts(*it))
            rows.push_front(Row {*it, {}, false});
    }
    m_rows = std::move(rows);
    endResetModel();
}

void TrafficModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
    if (m_paused && m_pending != 0) {
        // What "arrived meanwhile" depends on the filter: recount it.
        int n = 0;
        const QList<TrafficEntry> fresh = m_log->entriesSince(m_shownSerial);
        for (const TrafficEntry &e : fresh)
            n += accepts(e) ? 1 : 0;
        m_pending = n;
        Q_EMIT pendingCountChanged(m_pending);
    }
}

void TrafficModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_scannedSerial = m_shownSerial;
    } else {
        m_pending = 0;
        Q_EMIT pendingCountChanged(0);
        poll();
    }
    Q_EMIT pausedChanged(m_paused);
}

void TrafficModel::clear()
{
    m_log->clear(); // -> onLogCleared()
}

void TrafficModel::onLogCleared()
{
    beginResetModel();
    m_rows.clear();
    m_shownSerial = m_scannedSerial = m_log->lastSerial();
    endResetModel();
    if (m_pending != 0) {
        m_pending = 0;
        Q_EMIT pendingCountChanged(0);
    }
}

TrafficEntry TrafficModel::entryAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return m_rows[size_t(row)].entry;
}

QString TrafficModel::prettyJson(const TrafficEntry &e)
{
    if (e.payload.isEmpty())
        return e.summary;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(e.payload, &err);
    if (err.error != QJsonParseError::NoError || doc.isNull())
        return QString::fromUtf8(e.payload); // not JSON: show it as it came
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QString TrafficModel::prettyJsonAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return prettyJson(m_rows[size_t(row)].entry);
}

QString TrafficModel::recipientsText(const TrafficEntry &e)
{
    if (e.direction == TrafficDirection::Out && (e.clientId == 0 || e.recipients > 1))
        return e.recipients == 1 ? tr("→ 1 client") : tr("→ %n clients", nullptr, e.recipients);
    return {};
}

QString TrafficModel::summarize(const TrafficEntry &e)
{
    QString s;
    if (e.direction == TrafficDirection::Event || e.payload.isEmpty()) {
        s = e.summary;
    } else if (!e.summary.isEmpty()) {
        s = e.summary;
    } else if (e.direction == TrafficDirection::In) {
        const auto r = proto::decodeClient(QByteArrayView(e.payload));
        if (const auto *m = std::get_if<proto::ClientMessage>(&r))
            s = summarizeClient(*m);
        else
            s = tr("rejected: %1").arg(std::get<proto::DecodeError>(r).message);
    } else {
        const auto r = proto::decodeServer(QByteArrayView(e.payload));
        if (const auto *m = std::get_if<proto::ServerMessage>(&r))
            s = summarizeServer(*m);
        else
            s = oneLine(QString::fromUtf8(e.payload));
    }
    if (const QString to = recipientsText(e); !to.isEmpty())
        s += QStringLiteral("  ") + to;
    return s;
}

int TrafficModel::exportJsonLines(QIODevice *device, const TrafficExportOptions &options) const
{
    int n = 0;
    for (const Row &row : m_rows) {
        const TrafficEntry &e = row.entry;
        QJsonObject o;
        o.insert(QStringLiteral("serial"), qint64(e.serial));
        o.insert(QStringLiteral("time"),
                 QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("direction"), directionName(e.direction));
        if (e.clientId != 0)
            o.insert(QStringLiteral("clientId"), qint64(e.clientId));
        if (!e.client.isEmpty())
            o.insert(QStringLiteral("client"), e.client);
        o.insert(QStringLiteral("type"), e.type);
        o.insert(QStringLiteral("bytes"), e.bytes);
        if (e.direction == TrafficDirection::Out)
            o.insert(QStringLiteral("recipients"), e.recipients);
        if (e.closeCode != 0)
            o.insert(QStringLiteral("closeCode"), e.closeCode);
        if (!e.summary.isEmpty())
            o.insert(QStringLiteral("summary"), e.summary);
        bool secret = false;
        if (!e.payload.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(e.payload);
            if (doc.isObject()) {
                QJsonObject frame = doc.object();
                const QString key = e.type == QLatin1String("welcome") ? QStringLiteral("session")
                    : e.type == QLatin1String("hello")                 ? QStringLiteral("resume")
                                                                       : QString();
                secret = !key.isEmpty() && !frame.value(key).toString().isEmpty();
                if (secret && !options.includeTokens)
                    frame.remove(key);
                o.insert(QStringLiteral("frame"), frame);
            } else {
                o.insert(QStringLiteral("raw"), QString::fromUtf8(e.payload));
            }
        }
        if (options.wire && e.direction != TrafficDirection::Event && !e.payload.isEmpty()
            && (!secret || options.includeTokens)) {
            if (const auto r = options.wire->frameCarrying(
                    e.clientId, e.direction == TrafficDirection::Out, e.payload, e.timeMs)) {
                o.insert(QStringLiteral("wire"), QString::fromLatin1(r->wire.toHex()));
                if (r->cut)
                    o.insert(QStringLiteral("wireCut"), true);
                if (!r->header.fin)
                    o.insert(QStringLiteral("wireFirstFragment"), true);
            }
        }
        QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
        line.append('\n');
        if (device->write(line) != line.size())
            break;
        ++n;
    }
    return n;
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const TrafficEntry &e = row.entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(
                QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn: return directionLabel(e.direction); // translated; JSON keeps "in"
        case ClientColumn:
            if (e.direction == TrafficDirection::Out && e.clientId == 0)
                return tr("(fan-out)");
            return e.client;
        case TypeColumn: return e.type;
        case BytesColumn:
            return e.direction == TrafficDirection::Event ? QVariant() : QVariant(e.bytes);
        case RecipientsColumn: return recipientsText(e);
        case SummaryColumn:
            if (!row.summaryDone) {
                // Without the fan-out count: that has its own column.
                row.summary = summarize(e);
                const QString to = recipientsText(e);
                if (!to.isEmpty() && row.summary.endsWith(to))
                    row.summary.chop(to.size() + 2);
                row.summaryDone = true;
            }
            return row.summary;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == BytesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SerialRole: return QVariant::fromValue(e.serial);
    case DirectionRole: return int(e.direction);
    case ClientIdRole: return QVariant::fromValue(e.clientId);
    case TypeRole: return e.type;
    case PrettyJsonRole: return prettyJson(e);
    case RecipientsRole: return e.recipients;
    default: return {};
    }
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn: return tr("Time");
        case DirectionColumn: return tr("Dir");
        case ClientColumn: return tr("Client");
        case TypeColumn: return tr("Type");
        case BytesColumn: return tr("Bytes");
        case RecipientsColumn: return tr("To");
        case SummaryColumn: return tr("Summary");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn: return tr("When the server received or sent the frame (milliseconds).");
        case DirectionColumn:
            return tr("in: a frame from a client to the server. out: a frame the server pushed. "
                      "event: a connection event.");
        case ClientColumn:
            return tr("Who sent or received it. A fan-out is one frame sent to many clients.");
        case TypeColumn: return tr("The message type (the \"type\" field of the JSON).");
        case BytesColumn: return tr("Size of the frame's payload in bytes (UTF-8).");
        case RecipientsColumn:
            return tr("How many clients a fan-out went to: ONE frame pushed to all of them.");
        case SummaryColumn: return tr("What the frame says, in one line.");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace duplex::server
