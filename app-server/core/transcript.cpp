// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "transcript.h"

#include "historystore.h"
#include "serveroptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <cstdio>

namespace duplex::server {

QList<proto::server::Message> transcriptMessages(HistoryStore &store, const QString &room,
                                                 qint64 sinceMs)
{
    QList<proto::server::Message> out;
    qint64 after = 0;
    while (true) {
        const QList<proto::server::Message> page
            = store.history(room, std::nullopt, after, proto::limits::HistoryMax);
        for (const proto::server::Message &m : page) {
            if (m.ts >= sinceMs)
                out.append(m);
        }
        if (page.size() < proto::limits::HistoryMax)
            break;
        after = page.constLast().seq;
    }
    return out;
}

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1String("\r\n"), QStringLiteral("\u21b5"));
    text.replace(QLatin1Char('\n'), QChar(0x21b5));
    text.replace(QLatin1Char('\r'), QChar(0x21b5));
    return text;
}

QString stamp(qint64 ts)
{
    return QLatin1Char('[')
        + QDateTime::fromMSecsSinceEpoch(ts).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QLatin1String("] ");
}

QString messageLine(const proto::server::Message &m)
{
    return stamp(m.ts) + m.from + QLatin1String(": ") + oneLine(m.text) + QLatin1Char('\n');
}

QString eventSentence(const RoomEvent &e)
{
    using Kind = RoomEvent::Kind;
    if (e.isMore()) {
        // The singular on its own: without an English catalog %n gives "1 more joins".
        if (e.kind == Kind::Join) {
            return e.count == 1
                ? QCoreApplication::translate("duplex::server::Transcript", "…and 1 more join")
                : QCoreApplication::translate("duplex::server::Transcript", "…and %n more joins",
                                              nullptr, e.count);
        }
        return e.count == 1
            ? QCoreApplication::translate("duplex::server::Transcript", "…and 1 more leave")
            : QCoreApplication::translate("duplex::server::Transcript", "…and %n more leaves",
                                          nullptr, e.count);
    }
    switch (e.kind) {
    case Kind::Join:
        return QCoreApplication::translate("duplex::server::Transcript", "%1 joined").arg(e.nick);
    case Kind::Leave:
        return QCoreApplication::translate("duplex::server::Transcript", "%1 left").arg(e.nick);
    case Kind::Nick:
        return QCoreApplication::translate("duplex::server::Transcript", "%1 is now known as %2")
            .arg(e.text, e.nick);
    case Kind::Notice: break;
    }
    return e.room.isEmpty()
        ? QCoreApplication::translate("duplex::server::Transcript",
                                      "Notice to everyone from the teacher: %1")
              .arg(oneLine(e.text))
        : QCoreApplication::translate("duplex::server::Transcript", "Notice from the teacher: %1")
              .arg(oneLine(e.text));
}

/// Calls onMessage / onEvent in time order (an event first at the same ms).
template<typename M, typename E>
void merge(const QList<proto::server::Message> &messages, const QList<RoomEvent> &events,
           M onMessage, E onEvent)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < messages.size() || j < events.size()) {
        if (j < events.size() && !events.at(j).to.isEmpty()) {
            ++j; // private notices never reach a room's transcript
            continue;
        }
        if (j < events.size() && (i == messages.size() || events.at(j).ts <= messages.at(i).ts))
            onEvent(events.at(j++));
        else
            onMessage(messages.at(i++));
    }
}

} // namespace

QString transcriptText(const QList<proto::server::Message> &messages)
{
    QString out;
    for (const proto::server::Message &m : messages)
        out += messageLine(m);
    return out;
}

QString transcriptText(const QList<proto::server::Message> &messages,
                       const QList<RoomEvent> &events)
{
    QString out;
    merge(
        messages, events, [&](const proto::server::Message &m) { out += messageLine(m); },
        [&](const RoomEvent &e) {
            out += stamp(e.ts) + QStringLiteral("\u2014 ") + eventSentence(e) + QLatin1Char('\n');
        });
    return out;
}

namespace {

QString csvField(const QString &value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote)
        return value;
    QString v = value;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

} // namespace

QString transcriptCsv(const QList<proto::server::Message> &messages)
{
    QString out = QStringLiteral("seq,ts,nick,text\r\n");
    for (const proto::server::Message &m : messages) {
        out += QString::number(m.seq) + QLatin1Char(',') + QString::number(m.ts) + QLatin1Char(',')
            + csvField(m.from) + QLatin1Char(',') + csvField(m.text) + QLatin1String("\r\n");
    }
    return out;
}

QString transcriptCsv(const QList<proto::server::Message> &messages, const QList<RoomEvent> &events)
{
    QString out = QStringLiteral("seq,ts,nick,text,kind\r\n");
    merge(
        messages, events,
        [&](const proto::server::Message &m) {
            out += QString::number(m.seq) + QLatin1Char(',') + QString::number(m.ts)
                + QLatin1Char(',') + csvField(m.from) + QLatin1Char(',') + csvField(m.text)
                + QLatin1String(",message\r\n");
        },
        [&](const RoomEvent &e) {
            QString kind = RoomEvent::kindName(e.kind);
            QString text = e.text;
            if (e.isMore()) {
                kind = e.kind == RoomEvent::Kind::Join ? QStringLiteral("more_joins")
                                                       : QStringLiteral("more_leaves");
                text = QString::number(e.count);
            }
            out += QLatin1Char(',') + QString::number(e.ts) + QLatin1Char(',') + csvField(e.nick)
                + QLatin1Char(',') + csvField(text) + QLatin1Char(',') + kind
                + QLatin1String("\r\n");
        });
    return out;
}

int runTranscript(const ServerOptions &options)
{
    if (options.dbPath != QLatin1String(":memory:") && !QFileInfo::exists(options.dbPath)) {
        const QByteArray line
            = QCoreApplication::translate("duplex::server::Headless",
                                          "duplex-server: there is no database at %1.")
                  .arg(options.dbPath)
                  .toUtf8()
            + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        return 1;
    }
    HistoryStore store;
    QString error;
    if (!store.open(options.dbPath, &error)) {
        const QByteArray line = QStringLiteral("duplex-server: %1\n").arg(error).toUtf8();
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        return 1;
    }
    const QList<proto::server::Message> messages
        = transcriptMessages(store, options.transcriptRoom, options.transcriptSinceMs);
    QString text;
    if (options.transcriptEvents) {
        const QList<RoomEvent> events
            = store.events(options.transcriptRoom, options.transcriptSinceMs);
        text = options.transcriptCsv ? transcriptCsv(messages, events)
                                     : transcriptText(messages, events);
    } else {
        text = options.transcriptCsv ? transcriptCsv(messages) : transcriptText(messages);
    }
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
    store.close();
    return 0;
}

} // namespace duplex::server
