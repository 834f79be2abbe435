// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QIcon>
#include <QString>

namespace duplex::server {

/// ":/icons/<name>.svg" when the resource exists, otherwise a null icon (the button
/// shows its text only).
QIcon uiIcon(const QString &name);

} // namespace duplex::server

#include <QFont>
namespace duplex::server {
/// A font that only sets a monospace family: its size still follows the window, so
/// projector mode enlarges it too.
QFont monospaceFont();
} // namespace duplex::server

class QTableView;
namespace duplex::server::projector {
/// Projector mode's text scale over the desktop font. The join card shows the browser
/// address at 2.1x the window's font; a type-scale step is 1.25x; so every other text is at
/// least 2.1 / 1.25 = 1.68x the desktop size: 1.7.
constexpr double Scale = 1.7;
/// Whether projector mode is on (application-wide: menus, dialogs and tool tips opened
/// later pick the font up by themselves).
bool isOn();
/// Turns it on or off: sets the application font to the desktop font times Scale (or back)
/// and fits the row heights of every QTableView that follows the font (followFont()).
void apply(bool on);
/// The application font before projector mode first changed it.
QFont desktopFont();
/// Row height for a table showing text in this font: tight, so more rows fit.
int rowHeight(const QFont &font);
/// Keeps the table's row height (fixed, for speed) fitted to its font whenever the font
/// changes. MainWindow calls it for every table in the window when the mode changes; a
/// table created later (e.g. in a dialog) calls it once.
void followFont(QTableView *view);
} // namespace duplex::server::projector
