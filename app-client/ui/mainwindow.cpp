// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "mainwindow.h"

#include <QLabel>

namespace duplex::client {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Duplex Client"));
    auto *label = new QLabel(tr("The chat client is coming soon."), this);
    label->setTextFormat(Qt::PlainText);
    setCentralWidget(label);
    resize(800, 500);
}

} // namespace duplex::client
