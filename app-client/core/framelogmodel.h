// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimer>

namespace duplex::client {

/// One WebSocket frame seen by the client: a text frame, or a ping/pong/close control frame
/// (shown as rows of their own so a student sees the keep-alive and the goodbye too). On the
/// polling transport: one HTTP request or response of `POST /v1/poll` (empty ones too).
struct FrameRecord {
    enum class Direction { In, Out };
    enum class Kind { Text, Binary, Ping, Pong, Close, HttpRequest, HttpResponse };
    qint64 timeMs = 0; ///< local wall clock, ms since the epoch
    Direction direction = Direction::In;
    Kind kind = Kind::Text;
    QByteArray payload; ///< UTF-8 JSON for text frames; close: 2-byte code + reason (as on
                        ///< the wire); the ping payload otherwise
    qint64 size = 0;    ///< bytes on the wire (payload size; HTTP: head + body)
    QByteArray head;    ///< HTTP only: request or status line and header lines, as sent
    QString type;       ///< protocol `type`, or "ping"/"pong" for control frames
    qint64 rttMs = -1;  ///< pong only: the round trip Qt measured
};

/// The protocol inspector's rows. Bounded (oldest rows drop out) and batched: append() is
/// cheap and the view hears about new rows at most every batchIntervalMs, in one insert.
class FrameLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// "← in" / "→ out", translated.
    static QString directionText(FrameRecord::Direction d);
    /// What the Type column shows for a control or binary frame, translated.
    static QString controlTypeText(FrameRecord::Kind kind);
    /// "1 byte", "%n bytes" (German plural forms from the catalog).
    static QString bytesText(qint64 n);
    enum Column { TimeColumn, DirectionColumn, TypeColumn, SizeColumn, SummaryColumn, ColumnCount };
    enum Role {
        PayloadRole = Qt::UserRole + 1, ///< QByteArray, raw
        PrettyRole,                     ///< QString, indented JSON (or a description)
        DirectionRole,                  ///< int (FrameRecord::Direction)
        KindRole,                       ///< int (FrameRecord::Kind)
        TypeRole,                       ///< QString
    };

    explicit FrameLogModel(QObject *parent = nullptr);

    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    void setBatchInterval(int ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const FrameRecord &record(int row) const { return m_rows.at(row); }
    /// Frames appended but not yet visible (waiting for the next batch).
    int pendingCount() const { return int(m_pending.size()); }
    /// Total frames ever appended (including those that dropped out).
    qint64 totalCount() const { return m_total; }

    /// Readable, indented form of a frame (JSON indented when it parses, its keys in the
    /// order they were sent; a close frame's code in words and its reason).
    static QString prettyText(const FrameRecord &record);
    /// Valid JSON indented by four spaces, keys and everything else in their original order
    /// (QJsonDocument would sort the keys). Empty if `json` is not valid JSON.
    static QString indentJson(const QByteArray &json);
    /// A close frame's payload: the 2-byte code, then the UTF-8 reason.
    static QByteArray closePayload(int code, const QString &reason);

public Q_SLOTS:
    void append(const duplex::client::FrameRecord &record);
    /// Makes every pending frame visible now (also called by the batch timer).
    void flush();
    void clear();

private:
    QList<FrameRecord> m_rows;
    QList<FrameRecord> m_pending;
    QTimer m_batchTimer;
    int m_capacity = 5000;
    qint64 m_total = 0;
};

} // namespace duplex::client

Q_DECLARE_METATYPE(duplex::client::FrameRecord)
