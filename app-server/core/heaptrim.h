// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The allocator's side of the server's memory (issue 16, the soak's RSS drift). Under
// connection churn glibc's heap does not leak but fragments: what is in use stays flat,
// while the free space between long-lived blocks grows by a few KiB a minute and stays
// resident. HeapTrimmer hands the whole free pages back to the kernel (malloc_trim) once
// in a while, and only after connections ended (an idle server has nothing to give back).
// docs/performance.md, "Soak", has the figures.

#include <QtGlobal>

namespace duplex::server {

/// glibc's figures (mallinfo2, every arena) and SQLite's own count; -1 where unknown.
struct HeapFigures {
    qint64 used = -1;    ///< bytes allocated and not freed (heap and mmapped blocks)
    qint64 free = -1;    ///< free bytes inside the heap (resident once they were touched)
    qint64 mmapped = -1; ///< blocks in their own mappings (large allocations)
    qint64 sqlite = -1;  ///< sqlite3_memory_used() of the libsqlite3 the Qt driver loaded
};

HeapFigures heapFigures();

class HeapTrimmer
{
public:
    /// intervalMs: at most one trim per interval; 0 never trims.
    explicit HeapTrimmer(int intervalMs)
        : m_intervalMs(intervalMs)
    {
    }

    /// Called on the housekeeping tick with the number of connections ever ended: trims
    /// when the interval is over and some ended since the last trim. True when it trimmed.
    bool tick(qint64 nowMs, quint64 connectionsEnded);
    /// Hands the free pages back now; false where the allocator cannot (not glibc).
    bool trimNow();

    quint64 trims() const { return m_trims; }
    /// How long the last trim took (microseconds).
    qint64 lastTrimUs() const { return m_lastUs; }

private:
    int m_intervalMs;
    qint64 m_lastMs = 0;
    quint64 m_endedAtLast = 0;
    quint64 m_trims = 0;
    qint64 m_lastUs = 0;
};

} // namespace duplex::server
