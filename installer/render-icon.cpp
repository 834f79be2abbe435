// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Build-time helper: renders an SVG icon to a square PNG with Qt's own SVG renderer (the
// one the programs use), for the fixed-size hicolor icons some menus and docks prefer.
// Usage: duplex-render-icon INPUT.svg SIZE OUTPUT.png
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // SVG text needs fonts, fonts need a GUI app
    const QStringList args = QGuiApplication::arguments();
    QTextStream err(stderr);
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 1 || size > 4096) {
        err << "usage: duplex-render-icon INPUT.svg SIZE OUTPUT.png\n";
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "duplex-render-icon: cannot read " << args.at(1) << '\n';
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    if (!image.save(args.at(3), "PNG")) {
        err << "duplex-render-icon: cannot write " << args.at(3) << '\n';
        return 1;
    }
    return 0;
}
