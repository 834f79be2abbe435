// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "mainwindow.h"

#include <duplex/version.h>
#include <i18n.h>

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    duplex::server::MainWindow window;
    window.show();
    return app.exec();
}
