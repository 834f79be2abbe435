// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The resources are attached by CMake; this file gives the static library a translation unit.
namespace duplex::web {
}
