// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The compiled catalog is attached as a Qt resource by CMake (qt_add_translations); this
// file only gives the static library a translation unit.
namespace duplex::i18n {
}
