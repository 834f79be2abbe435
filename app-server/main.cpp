// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include <duplex/version.h>
#include <headless.h>
#include <i18n.h>
#include <serveroptions.h>
#include <serverwindowapp.h>

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    duplex::installTranslators(app, QStringLiteral("duplex_server"));
    QApplication::setApplicationName(QStringLiteral("duplex-server"));
    QApplication::setApplicationDisplayName(QStringLiteral("Duplex Server"));
    QApplication::setOrganizationName(QStringLiteral("Duplex"));
    QApplication::setApplicationVersion(QStringLiteral(DUPLEX_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Duplex WebSocket chat server"));
    parser.addHelpOption();
    parser.addVersionOption();
    duplex::server::addServerOptions(parser);
    parser.process(app);

    duplex::server::ServerOptions options;
    QString error;
    if (!duplex::server::readServerOptions(parser, &options, &error)) {
        std::fprintf(stderr, "duplex-server: %s\n", qPrintable(error));
        return 2;
    }
    if (options.headless)
        return duplex::server::runHeadless(app, options);
    return duplex::server::runServerWindow(app, options);
}
