// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "mainwindow.h"

#include <chatstate.h>
#include <clientsession.h>
#include <duplex/version.h>
#include <i18n.h>
#include <names.h>
#include <serveraddress.h>
#include <unixsignalwatcher.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    duplex::installTranslators(app, QStringLiteral("duplex_client"));
    QApplication::setApplicationName(QStringLiteral("duplex-client"));
    QApplication::setApplicationDisplayName(QStringLiteral("Duplex Client"));
    QApplication::setOrganizationName(QStringLiteral("Duplex"));
    QApplication::setApplicationVersion(QStringLiteral(DUPLEX_VERSION_STRING));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/duplex-client.svg")));
    QApplication::setDesktopFileName(QStringLiteral("duplex-client"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Duplex WebSocket chat client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QApplication::translate("main",
                                "Server address, e.g. ws://127.0.0.1:8080/. Several servers "
                                "of one cluster: repeat the option or separate them with "
                                "commas; the client moves to the next when one stops."),
        QStringLiteral("URL"));
    const QCommandLineOption nickOption(
        QStringLiteral("nick"),
        QApplication::translate("main", "Nickname. With --server, connects at once."),
        QStringLiteral("NAME"));
    parser.addOption(serverOption);
    parser.addOption(nickOption);
    parser.process(app);

    // host:port, ws://… or the join card's http://… address; one or several (a cluster).
    const QString serverText = parser.values(serverOption).join(QStringLiteral(", "));
    const QList<QUrl> urls = duplex::client::parseServerAddresses(serverText).urls;
    const QString nick = parser.value(nickOption);
    const bool direct = parser.isSet(serverOption) && parser.isSet(nickOption);
    if (direct && urls.isEmpty()) {
        std::fprintf(stderr,
                     "duplex-client: --server must be a server address (host:port or ws://)\n");
        return 2;
    }

    QSettings settings;
    duplex::client::ClientSession::Config config;
    // Started by a script (the demo) the server may still be coming up: keep retrying
    // instead of stopping at the first refused connection.
    config.retryBeforeFirstWelcome = direct;
    duplex::client::ClientSession session(config);
    duplex::client::ChatState state(&session);
    duplex::client::MainWindow window(&state, &settings);

    // Quitting waits for the close handshake (1000), so the server frees the nick at once
    // instead of keeping a resumable session for its grace period; closing the window and
    // SIGTERM/SIGINT/SIGHUP take the same path.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &duplex::client::MainWindow::closed, &app, [&session] {
        session.close();
        if (session.closingConnections() == 0)
            QCoreApplication::exit(0);
    });
    QObject::connect(&session, &duplex::client::ClientSession::connectionsClosed, &app, [&window] {
        if (!window.isVisible())
            QCoreApplication::exit(0);
    });
    duplex::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &duplex::UnixSignalWatcher::received, &window,
                     [&window](int) { window.close(); });
    window.show();

    const auto nickProblem = duplex::proto::nickProblem(nick);
    if (direct && !nickProblem) {
        window.connectTo(urls, nick);
    } else {
        // Ask, pre-filled with whatever the command line did give.
        duplex::client::ConnectDialog *dialog = window.showConnectDialog(
            parser.isSet(nickOption) && nickProblem ? *nickProblem : QString());
        if (parser.isSet(serverOption))
            dialog->setServer(serverText);
        if (parser.isSet(nickOption))
            dialog->setNick(nick);
    }
    return app.exec();
}
