// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Force-included (-include) into the server's own test sources to build a second copy of
// each test that runs under EpollEventDispatcher: the same main as QTEST_GUILESS_MAIN, with
// the dispatcher installed before the application object, as duplex-server does with
// DUPLEX_EPOLL=1. The test files themselves stay untouched.

#include "epolldispatcher.h"

#include <QtTest>

#undef QTEST_GUILESS_MAIN
#define QTEST_GUILESS_MAIN(TestObject)                                                             \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QCoreApplication::setEventDispatcher(new duplex::server::EpollEventDispatcher);            \
        QCoreApplication app(argc, argv);                                                          \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
