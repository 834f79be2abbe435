// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "i18n.h"

#include <duplex/version.h>
#include <epolldispatcher.h>
#include <headless.h>
#include <pcapng.h>
#include <serveroptions.h>
#include <serverwindowapp.h>
#include <transcript.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {

void describe(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("duplex-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Duplex"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DUPLEX_VERSION_STRING));
    duplex::installTranslators(app, QStringLiteral("duplex_server"));
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's GLib event dispatcher costs O(sockets) per socket notification, which makes a
    // broadcast to N clients O(N^2). The bench (issue 7) decides the default; set it
    // before the application object exists, and let the environment override it.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");

    // The application object depends on --headless: no GUI libraries touched headless.
    const bool headless = duplex::server::argumentsRequestHeadless(argc, argv);
    // --help and --version need no display either (they work over ssh, in CI, in a TTY).
    bool infoOnly = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        infoOnly |= arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v"
            || arg == "--help-all" || arg == "--pcapng" || arg.startsWith("--pcapng=");
    }
    // --transcript prints and exits: no display, no listening (scripts, cron, ssh).
    infoOnly |= duplex::server::argumentsRequestTranscript(argc, argv);
    // Headless: an epoll dispatcher whose loop pass costs O(ready sockets) instead of
    // O(all sockets); measured in docs/performance.md. DUPLEX_EPOLL=0 falls back to Qt's
    // own (then QT_NO_GLIB picks poll or GLib). Must precede the application object.
    if (headless && !infoOnly && qgetenv("DUPLEX_EPOLL") != "0")
        QCoreApplication::setEventDispatcher(new duplex::server::EpollEventDispatcher);
    // Qt's xcb plugin consumes "--name" (and other X11 options) from argv when the
    // QApplication is built, so parse a copy taken before that (see docs/qt-notes.md).
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    std::unique_ptr<QCoreApplication> app;
    if (headless || infoOnly)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    describe(*app);
    if (!headless && !infoOnly)
        QApplication::setApplicationDisplayName(QStringLiteral("Duplex Server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Duplex WebSocket chat server"));
    parser.addHelpOption();
    parser.addVersionOption();
    duplex::server::addServerOptions(parser);
    parser.process(arguments); // --help and --version print and exit here

    duplex::server::ServerOptions options;
    QString error;
    if (!duplex::server::readServerOptions(parser, &options, &error)) {
        std::fprintf(stderr, "duplex-server: %s\n", qPrintable(error));
        return 2;
    }

    if (!options.pcapngPath.isEmpty())
        return duplex::server::convertRecordingToPcapng(options.recordPath, options.pcapngPath,
                                                        options.portGiven ? options.port : 8080);
    if (!options.transcriptRoom.isEmpty())
        return duplex::server::runTranscript(options);
    if (headless)
        return duplex::server::runHeadless(*app, options);

    auto &gui = static_cast<QApplication &>(*app);
    duplex::server::raiseOpenFileLimit(); // headless logs it; the window just needs it
    return duplex::server::runServerWindow(gui, options);
}
