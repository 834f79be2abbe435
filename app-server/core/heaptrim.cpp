// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "heaptrim.h"

#include <QElapsedTimer>

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define DUPLEX_GLIBC_MALLOC 1
#include <dlfcn.h>
#include <malloc.h>
#endif

namespace duplex::server {

HeapFigures heapFigures()
{
    HeapFigures f;
#ifdef DUPLEX_GLIBC_MALLOC
    const struct mallinfo2 m = ::mallinfo2();
    f.used = qint64(m.uordblks + m.hblkhd);
    f.free = qint64(m.fordblks);
    f.mmapped = qint64(m.hblkhd);
    // Not linked: the Qt SQLite driver brings libsqlite3 (when it is loaded at all).
    using MemoryUsed = long long (*)();
    static const MemoryUsed sqliteUsed = [] {
        void *lib = ::dlopen("libsqlite3.so.0", RTLD_LAZY | RTLD_NOLOAD);
        return lib ? reinterpret_cast<MemoryUsed>(::dlsym(lib, "sqlite3_memory_used"))
                   : MemoryUsed(nullptr);
    }();
    if (sqliteUsed)
        f.sqlite = sqliteUsed();
#endif
    return f;
}

bool HeapTrimmer::tick(qint64 nowMs, quint64 connectionsEnded)
{
    if (m_intervalMs <= 0 || connectionsEnded == m_endedAtLast || nowMs - m_lastMs < m_intervalMs)
        return false;
    m_lastMs = nowMs;
    m_endedAtLast = connectionsEnded;
    return trimNow();
}

bool HeapTrimmer::trimNow()
{
#ifdef DUPLEX_GLIBC_MALLOC
    QElapsedTimer clock;
    clock.start();
    ::malloc_trim(0); // every arena: the top, and whole free pages inside (MADV_DONTNEED)
    m_lastUs = clock.nsecsElapsed() / 1000;
    ++m_trims;
    return true;
#else
    return false;
#endif
}

} // namespace duplex::server
