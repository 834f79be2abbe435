// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Loading of the user's language at start-up, shared by both programs.

#include <QString>

class QCoreApplication;

namespace duplex {

/// Installs, for the default locale (the system's unless QLocale::setDefault was called),
/// Qt's own translation (qtbase, for standard dialogs and --help) and the program's catalog
/// `<catalog>_<lang>.qm` compiled in under ":/i18n/" (e.g. catalog "duplex_server" finds
/// ":/i18n/duplex_server_de.qm"). Call it right after constructing the application object,
/// before any translated string is built. Languages without a catalog keep the English
/// source strings. The translators are children of @p app and live as long as it does.
/// A lookup in context "a::b::C" that misses is retried in "a::b", then "a": lupdate files
/// tr() calls of free functions under their namespace, whatever context the code asks for.
void installTranslators(QCoreApplication &app, const QString &catalog);

} // namespace duplex
