// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// Widget behaviour that only a real X server shows (offscreen grabs re-render everything).
// CTest runs this under xvfb-run with QT_QPA_PLATFORM=xcb; elsewhere it skips.
#include "chatinput.h"

#include <QGuiApplication>
#include <QImage>
#include <QScreen>
#include <QTest>

using duplex::client::ChatInput;

class TstX11Widgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs a real X server (run through xvfb-run)");
    }

    // The client changes the input's hint when it goes online/offline. Qt 6.4 does not
    // repaint a QPlainTextEdit whose placeholder merely changes, so users saw "Offline ..."
    // while the status bar said Online. What is on the screen must follow the hint.
    void changedHintReachesTheScreen()
    {
        ChatInput input;
        input.resize(420, 90);
        input.setHint(QStringLiteral("Offline - what you type is queued"));
        input.show();
        QVERIFY(QTest::qWaitForWindowExposed(&input));
        QScreen *screen = input.screen();
        QImage before;
        // Wait until the first frame is really on the X server.
        QTRY_VERIFY((before = screen->grabWindow(input.winId()).toImage(),
                     !before.isNull() && before != QImage()));
        const QImage blank = before;
        QTRY_VERIFY((before = screen->grabWindow(input.winId()).toImage(), before == blank));

        input.setHint(QStringLiteral("Type a message - Enter sends, Shift+Enter for a new line"));
        QCOMPARE(input.placeholderText(),
                 QStringLiteral("Type a message - Enter sends, Shift+Enter for a new line"));
        QTRY_VERIFY(screen->grabWindow(input.winId()).toImage() != before);
    }
};

QTEST_MAIN(TstX11Widgets)
#include "tst_x11widgets.moc"
