// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// PLACEHOLDER until the client core lands (issue 5).
namespace duplex::client {}
