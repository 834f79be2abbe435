// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "serverwindowapp.h"

#include "lagprobe.h"
#include "mainwindow.h"

#include <serverhost.h>
#include <serveroptions.h>
#include <trafficlog.h>

#include <QApplication>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace duplex::server {

int runServerWindow(QApplication &app, const ServerOptions &options)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/duplex-server.svg")));
    const QString settingsPath = qEnvironmentVariable("DUPLEX_SETTINGS");
    std::unique_ptr<QSettings> settings = settingsPath.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);

    // The command line wins; otherwise what the teacher chose last time.
    WindowConfig config;
    config.settingsPath = settingsPath;
    config.bind = options.bindGiven ? options.bind : QHostAddress(QHostAddress::Any);
    config.port = options.portGiven
        ? options.port
        : quint16(settings->value(QStringLiteral("server/port"), options.port).toUInt());
    const QString name = options.nameGiven
        ? options.name
        : settings
              ->value(QStringLiteral("server/name"),
                      options.name.isEmpty() ? QStringLiteral("Duplex") : options.name)
              .toString();
    config.dbPath = resolvedDatabasePath(options);
    // Class control: the command line wins, else the window's last settings.
    ServerOptions effective = options;
    if (!options.joinCodeGiven)
        effective.joinCode = settings->value(QStringLiteral("class/joinCode")).toString();
    if (!options.banMinutesGiven)
        effective.banMinutes
            = settings->value(QStringLiteral("class/banMinutes"), options.banMinutes).toDouble();
    if (options.reservedNicks.isEmpty())
        effective.reservedNicks
            = settings->value(QStringLiteral("class/reservedNicks")).toStringList();
    settings.reset();

    // The engine runs in its own thread (ServerHost): at 1000 clients and 100k deliveries/s
    // it would otherwise hold the GUI's event loop for tens of ms at a time.
    TrafficLog traffic;
    ServerConfig serverConfig = serverConfigFrom(effective);
    serverConfig.name = name;
    ServerHost server(serverConfig, config.dbPath, &traffic);
    if (!server.ok()) {
        const QString text
            = QApplication::translate("duplex::server", "Cannot open the database %1: %2")
                  .arg(config.dbPath, server.openError());
        std::fprintf(stderr, "duplex-server: %s\n", qPrintable(text));
        QMessageBox box(QMessageBox::Critical,
                        QApplication::translate("duplex::server", "Duplex Server"), text,
                        QMessageBox::Ok);
        box.setTextFormat(Qt::PlainText);
        if (qEnvironmentVariableIsEmpty("DUPLEX_SCREENSHOT"))
            box.exec();
        return 1;
    }

    std::unique_ptr<LagProbe> probe;
    if (const QString path = qEnvironmentVariable("DUPLEX_LAG_PROBE"); !path.isEmpty())
        probe = std::make_unique<LagProbe>(
            path, 10, qEnvironmentVariableIntValue("DUPLEX_LAG_PROBE_SKIP_MS"),
            qEnvironmentVariableIntValue("DUPLEX_LAG_PROBE_UNTIL_MS"));

    MainWindow window(&server, &traffic, config);
    if (const QString size = qEnvironmentVariable("DUPLEX_WINDOW_SIZE"); !size.isEmpty()) {
        // Scripts ask for an exact size (e.g. "1920x1080") for reproducible screenshots.
        const QStringList wh = size.split(QLatin1Char('x'));
        if (wh.size() == 2 && wh.at(0).toInt() > 0 && wh.at(1).toInt() > 0)
            window.resize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    window.show();
    window.startListening();

    if (const QString shot = qEnvironmentVariable("DUPLEX_SCREENSHOT"); !shot.isEmpty()) {
        bool ok = false;
        int delay = qEnvironmentVariableIntValue("DUPLEX_SCREENSHOT_DELAY_MS", &ok);
        if (!ok)
            delay = 3000;
        if (qEnvironmentVariableIntValue("DUPLEX_SCREENSHOT_PROJECTOR") == 1)
            window.setProjectorMode(true);
        const QString notice = qEnvironmentVariable("DUPLEX_SCREENSHOT_NOTICE");
        QTimer::singleShot(qMax(0, delay - 1000), &window,
                           [&window, notice] { window.prepareScreenshot(notice); });
        QTimer::singleShot(delay, &window, [&window, shot, &app] {
            window.prepareScreenshot({});
            QApplication::processEvents();
            const bool saved = window.grab().save(shot);
            std::fprintf(stderr, "duplex-server: screenshot %s %s\n", qPrintable(shot),
                         saved ? "saved" : "FAILED");
            app.exit(saved ? 0 : 1);
        });
    }
    if (const int quitAfter = qEnvironmentVariableIntValue("DUPLEX_QUIT_AFTER_MS"); quitAfter > 0)
        QTimer::singleShot(quitAfter, &app, [&app] { app.quit(); });

    const int rc = app.exec();
    // ~ServerHost (at scope exit) stops the engine in its thread: every client gets 1001.
    if (probe)
        probe->writeReport();
    return rc;
}

} // namespace duplex::server
