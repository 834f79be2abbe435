// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The Qt side of the browser tests: a real ClientSession (the desktop client's engine)
// driven by lines on standard input and reporting on standard output, one JSON object a
// line, so that a `node --test` script can chat with it next to the browser pages.
//   duplex-browser-peer ws://127.0.0.1:PORT/ NICK
//   stdin:  say ROOM TEXT | join ROOM | transport push|poll|long-poll [MS] | quit
//   stdout: {"event":"welcomed","nick":...} {"event":"message","room","from","text","seq"}
#include "clientsession.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace duplex;

namespace {
void emitLine(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: duplex-browser-peer URL NICK\n");
        return 2;
    }
    client::ClientSession::Config config;
    config.agent = QStringLiteral("duplex-browser-peer");
    client::ClientSession session(config);
    QObject::connect(&session, &client::ClientSession::welcomed, &app,
                     [](const proto::server::Welcome &w) {
                         emitLine({{QStringLiteral("event"), QStringLiteral("welcomed")},
                                   {QStringLiteral("nick"), w.nick}});
                     });
    QObject::connect(&session, &client::ClientSession::messageReceived, &app,
                     [](const proto::server::Message &m) {
                         emitLine({{QStringLiteral("event"), QStringLiteral("message")},
                                   {QStringLiteral("room"), m.room},
                                   {QStringLiteral("from"), m.from},
                                   {QStringLiteral("text"), m.text},
                                   {QStringLiteral("seq"), m.seq},
                                   {QStringLiteral("live"), true}});
                     });
    QObject::connect(&session, &client::ClientSession::historyReceived, &app,
                     [](const proto::server::History &h) {
                         for (const auto &m : h.messages)
                             emitLine({{QStringLiteral("event"), QStringLiteral("message")},
                                       {QStringLiteral("room"), m.room},
                                       {QStringLiteral("from"), m.from},
                                       {QStringLiteral("text"), m.text},
                                       {QStringLiteral("seq"), m.seq}});
                     });
    QObject::connect(
        &session, &client::ClientSession::transportChanged, &app,
        [](client::ClientSession::Transport t, int ms) {
            emitLine({{QStringLiteral("event"), QStringLiteral("transport")},
                      {QStringLiteral("name"), client::ClientSession::transportName(t, ms)}});
        });
    if (qEnvironmentVariableIsSet("DUPLEX_PEER_DEBUG")) {
        QObject::connect(
            &session, &client::ClientSession::frameLogged, &app, [](const client::FrameRecord &r) {
                std::fprintf(stderr, "%s %s %s\n",
                             r.direction == client::FrameRecord::Direction::In ? "<-" : "->",
                             qPrintable(r.type), r.payload.left(400).constData());
            });
    }
    QObject::connect(&session, &client::ClientSession::connectionFailed, &app,
                     [](const QString &reason) {
                         emitLine({{QStringLiteral("event"), QStringLiteral("failed")},
                                   {QStringLiteral("reason"), reason}});
                         QCoreApplication::exit(1);
                     });

    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            input.setEnabled(false);
            session.close();
            QObject::connect(&session, &client::ClientSession::connectionsClosed, &app,
                             &QCoreApplication::quit);
            if (session.closingConnections() == 0)
                QCoreApplication::quit();
            return;
        }
        pending.append(buffer, n);
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
            const QString command = line.section(QLatin1Char(' '), 0, 0);
            if (command == QLatin1String("say")) {
                session.say(line.section(QLatin1Char(' '), 1, 1),
                            line.section(QLatin1Char(' '), 2));
            } else if (command == QLatin1String("transport")) {
                const QString mode = line.section(QLatin1Char(' '), 1, 1);
                const int ms = line.section(QLatin1Char(' '), 2, 2).toInt();
                session.setTransport(mode == QLatin1String("poll")
                                         ? client::ClientSession::Transport::Poll
                                         : mode == QLatin1String("long-poll")
                                         ? client::ClientSession::Transport::LongPoll
                                         : client::ClientSession::Transport::Push,
                                     ms > 0 ? ms : 500);
            } else if (command == QLatin1String("join")) {
                session.join(line.section(QLatin1Char(' '), 1, 1));
            } else if (command == QLatin1String("quit")) {
                input.setEnabled(false);
                session.close();
                QObject::connect(&session, &client::ClientSession::connectionsClosed, &app,
                                 &QCoreApplication::quit);
                if (session.closingConnections() == 0)
                    QCoreApplication::quit();
            }
        }
    });
    session.open(QUrl(args.at(1)), args.at(2));
    return app.exec();
}
