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
