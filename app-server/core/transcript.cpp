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

QString transcriptText(const QList<proto::server::Message> &messages)
{
    QString out;
    for (const proto::server::Message &m : messages) {
        QString text = m.text;
        text.replace(QLatin1String("\r\n"), QStringLiteral("\u21b5"));
        text.replace(QLatin1Char('\n'), QChar(0x21b5));
        text.replace(QLatin1Char('\r'), QChar(0x21b5));
        out += QLatin1Char('[')
            + QDateTime::fromMSecsSinceEpoch(m.ts).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            + QLatin1String("] ") + m.from + QLatin1String(": ") + text + QLatin1Char('\n');
    }
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
    const QByteArray bytes
        = (options.transcriptCsv ? transcriptCsv(messages) : transcriptText(messages)).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
    store.close();
    return 0;
}

} // namespace duplex::server
