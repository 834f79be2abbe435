// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// PLACEHOLDER until the server core lands (issue 3).
namespace duplex::server {}
