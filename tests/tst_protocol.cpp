// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// PLACEHOLDER: the full protocol test lands with the codec (issue 2).
#include "names.h"

#include <QTest>

using namespace duplex::proto;

class TstProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nickRules()
    {
        QVERIFY(isValidNick(QStringLiteral("alice")));
        QVERIFY(!isValidNick(QStringLiteral("Server")));
    }
};

QTEST_GUILESS_MAIN(TstProtocol)
#include "tst_protocol.moc"
