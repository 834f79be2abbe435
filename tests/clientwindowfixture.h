// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The chat window tests' fixture, written once (tst_clientwindow, tst_clientux): a
// ClientSession with quick reconnects (clientfixture.h), a headless peer (another student),
// and the real MainWindow with a settings file of its own, driven with QTest. Header-only;
// tests only.

#include "clientfixture.h"

#include <chatinput.h>
#include <chatstate.h>
#include <chatview.h>
#include <clientsession.h>
#include <mainwindow.h>

#include <QApplication>
#include <QSettings>
#include <QSize>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <optional>

namespace duplex::test {

/// A headless peer (another student): connects at once.
struct HeadlessPeer {
    client::ClientSession session;
    client::ChatState state;
    HeadlessPeer(const QUrl &url, const QString &nick, const client::ClientSession::Config &c)
        : session(c)
        , state(&session)
    {
        session.open(url, nick);
    }
};

/// The window under test, with its own settings file (in a temporary directory unless a
/// path is given), resized when a size is given, and shown.
struct ClientWindow {
    QTemporaryDir dir;
    QSettings settings;
    client::ClientSession session;
    client::ChatState state;
    client::MainWindow window;

    explicit ClientWindow(const client::ClientSession::Config &c, const QString &settingsPath = {},
                          const QSize &size = {})
        : settings(settingsPath.isEmpty() ? dir.filePath(QStringLiteral("client.ini"))
                                          : settingsPath,
                   QSettings::IniFormat)
        , session(c)
        , state(&session)
        , window(&state, &settings)
    {
        if (size.isValid())
            window.resize(size);
        window.show();
    }
    ClientWindow(const ClientWindow &) = delete;
    ClientWindow &operator=(const ClientWindow &) = delete;

    template<typename T> T *find(const QString &name) const { return window.findChild<T *>(name); }
    client::ChatInput *input() const
    {
        return find<client::ChatInput>(QStringLiteral("chatInput"));
    }
    QTabWidget *tabs() const { return find<QTabWidget>(QStringLiteral("conversationTabs")); }
    bool activate()
    {
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }
    /// A key as the user presses it: to whatever has the keyboard focus.
    void press(int key, Qt::KeyboardModifiers mods)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(target, Qt::Key(key), mods);
    }
    /// Types into the input and presses Enter (QTest::keyClicks only types ASCII; other
    /// text is inserted as a paste would).
    void type(const QString &text)
    {
        input()->setFocus();
        bool ascii = true;
        for (QChar ch : text)
            ascii = ascii && ch.unicode() < 128;
        if (ascii)
            QTest::keyClicks(input(), text);
        else
            input()->insertPlainText(text);
        QTest::keyClick(input(), Qt::Key_Return);
    }
    /// The tab title of that conversation ("" when it has no tab).
    QString tabText(const QString &key) const
    {
        client::ChatView *view = window.chatView(key);
        return view ? tabs()->tabText(tabs()->indexOf(view)) : QString();
    }
};

} // namespace duplex::test
