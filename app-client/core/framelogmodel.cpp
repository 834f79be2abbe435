// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "framelogmodel.h"

#include <websocket.h>

#include <QDateTime>
#include <QJsonDocument>

namespace duplex::client {

FrameLogModel::FrameLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(100);
    connect(&m_batchTimer, &QTimer::timeout, this, &FrameLogModel::flush);
}

void FrameLogModel::setCapacity(int rows)
{
    m_capacity = qMax(1, rows);
    flush();
    if (m_rows.size() > m_capacity) {
        const int drop = int(m_rows.size()) - m_capacity;
        beginRemoveRows({}, 0, drop - 1);
        m_rows.remove(0, drop);
        endRemoveRows();
    }
}

void FrameLogModel::setBatchInterval(int ms)
{
    m_batchTimer.setInterval(qMax(0, ms));
}

int FrameLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FrameLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FrameLogModel::directionText(FrameRecord::Direction d)
{
    return d == FrameRecord::Direction::In ? tr("← in") : tr("→ out");
}

QString FrameLogModel::bytesText(qint64 n)
{
    return n == 1 ? tr("1 byte") : tr("%n bytes", nullptr, int(n));
}

QString FrameLogModel::controlTypeText(FrameRecord::Kind kind)
{
    switch (kind) {
    case FrameRecord::Kind::Binary: return tr("binary");
    case FrameRecord::Kind::Ping: return tr("ping (control)");
    case FrameRecord::Kind::Pong: return tr("pong (control)");
    case FrameRecord::Kind::Close: return tr("close (control)");
    case FrameRecord::Kind::Text:
    case FrameRecord::Kind::HttpRequest:
    case FrameRecord::Kind::HttpResponse: break;
    }
    return {};
}

QVariant FrameLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FrameRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(
                QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn: return directionText(r.direction);
        case TypeColumn:
            if (r.kind != FrameRecord::Kind::Text)
                return controlTypeText(r.kind); // in the user's language
            return r.type.isEmpty() ? tr("(unparsed)") : r.type;
        case SizeColumn: return r.size;
        case SummaryColumn:
            if (r.kind == FrameRecord::Kind::Pong && r.rttMs >= 0)
                return tr("control frame, round trip %1 ms").arg(r.rttMs);
            if (r.kind == FrameRecord::Kind::Ping)
                return tr("control frame (keep-alive / RTT probe)");
            if (r.kind == FrameRecord::Kind::Close && r.payload.size() >= 2) {
                const int code = (quint8(r.payload[0]) << 8) | quint8(r.payload[1]);
                return tr("control frame: close %1 %2 \"%3\"")
                    .arg(code)
                    .arg(ws::closeCodeWords(code), QString::fromUtf8(r.payload.mid(2)));
            }
            // Keep the summary line short: a 4000-character message would make wide rows.
            return QString::fromUtf8(r.payload.left(300));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PayloadRole: return r.payload;
    case PrettyRole: return prettyText(r);
    case DirectionRole: return int(r.direction);
    case KindRole: return int(r.kind);
    case TypeRole: return r.type;
    }
    return {};
}

QVariant FrameLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case DirectionColumn: return tr("Dir");
    case TypeColumn: return tr("Type");
    case SizeColumn: return tr("Bytes");
    case SummaryColumn: return tr("Frame");
    }
    return {};
}

QString FrameLogModel::prettyText(const FrameRecord &r)
{
    switch (r.kind) {
    case FrameRecord::Kind::Ping:
        return tr("WebSocket ping control frame (opcode 0x9), payload: %1.\n"
                  "The server's WebSocket stack answers with a pong automatically.")
            .arg(bytesText(r.size));
    case FrameRecord::Kind::Pong:
        return tr("WebSocket pong control frame (opcode 0xA), payload: %1.\n"
                  "Round trip: %2 ms.")
            .arg(bytesText(r.size))
            .arg(r.rttMs);
    case FrameRecord::Kind::Binary:
        return tr("Binary frame, %1: %2")
            .arg(bytesText(r.size))
            .arg(QString::fromLatin1(r.payload.left(256).toHex(' ')));
    case FrameRecord::Kind::Close: {
        if (r.payload.size() < 2)
            return tr("WebSocket close control frame (opcode 0x8) without a code.");
        const int code = (quint8(r.payload[0]) << 8) | quint8(r.payload[1]);
        return tr("WebSocket close control frame (opcode 0x8).\nCode: %1 - %2\nReason: %3")
            .arg(code)
            .arg(ws::closeCodeMeaning(code),
                 r.payload.size() > 2 ? QString::fromUtf8(r.payload.mid(2)) : tr("(none)"));
    }
    case FrameRecord::Kind::HttpRequest:
    case FrameRecord::Kind::HttpResponse: {
        QString text = QString::fromLatin1(r.head).remove(QLatin1Char('\r'));
        if (r.head.isEmpty())
            text = tr("(no HTTP response: %1)\n").arg(r.type);
        const QString indented = indentJson(r.payload);
        text += indented.isEmpty() ? QString::fromUtf8(r.payload) : indented;
        text += QLatin1Char('\n')
            + tr("%1 bytes on the wire: %2 of HTTP head, %3 of JSON body.")
                  .arg(r.size)
                  .arg(r.head.size())
                  .arg(r.payload.size());
        return text;
    }
    case FrameRecord::Kind::Text: break;
    }
    const QString indented = indentJson(r.payload);
    return indented.isEmpty() ? QString::fromUtf8(r.payload) : indented;
}

QString FrameLogModel::indentJson(const QByteArray &json)
{
    QJsonParseError error;
    if (QJsonDocument::fromJson(json, &error).isNull() || error.error != QJsonParseError::NoError)
        return {};
    // Re-indent the text as it was sent: only whitespace outside strings changes.
    QString out;
    const QString text = QString::fromUtf8(json);
    out.reserve(text.size() * 2);
    int depth = 0;
    bool inString = false;
    const auto newline
        = [&](int d) { out += QLatin1Char('\n') + QString(4 * d, QLatin1Char(' ')); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < text.size())
                out += text.at(++i);
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            // An empty object or array stays on one line.
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j).isSpace())
                ++j;
            if (j < text.size()
                && (text.at(j) == QLatin1Char('}') || text.at(j) == QLatin1Char(']'))) {
                out += c;
                out += text.at(j);
                i = j;
                break;
            }
            out += c;
            newline(++depth);
            break;
        }
        case '}':
        case ']':
            newline(--depth);
            out += c;
            break;
        case ',':
            out += c;
            newline(depth);
            break;
        case ':': out += QStringLiteral(": "); break;
        case ' ':
        case '\t':
        case '\n':
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

QByteArray FrameLogModel::closePayload(int code, const QString &reason)
{
    QByteArray p;
    p.append(char((code >> 8) & 0xFF));
    p.append(char(code & 0xFF));
    p.append(reason.toUtf8());
    return p;
}

void FrameLogModel::append(const FrameRecord &record)
{
    ++m_total;
    m_pending.append(record);
    // Bound the pending buffer too, so a stalled event loop cannot grow it without limit.
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void FrameLogModel::flush()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty())
        return;
    const int overflow = int(m_rows.size() + m_pending.size()) - m_capacity;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.remove(0, drop);
            endRemoveRows();
        }
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_rows.append(m_pending);
    m_pending.clear();
    endInsertRows();
}

void FrameLogModel::clear()
{
    m_pending.clear();
    m_batchTimer.stop();
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace duplex::client
