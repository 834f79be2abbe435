// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The join card: the QR code decodes (zbarimg, a real decoder) to exactly the page's
// address, its modules are whole pixels, and the real server window shows the listening
// server's http:// address with a full-screen card that the keyboard opens and closes.
// 127.0.0.1 only. With DUPLEX_SCREENSHOT_DIR set, screenshots() renders docs/screenshots;
// with DUPLEX_LOOK_DIR set, more PNGs to look at land there.

#include <joincard.h>
#include <mainwindow.h>
#include <qrcodeview.h>
#include <qrimage.h>
#include <serverhost.h>
#include <trafficlog.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace duplex::server;

namespace {

const QString LanUrl = QStringLiteral("http://192.168.1.23:8080/");

QString zbarimg()
{
    return QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
}

// What zbarimg reads in the image: the decoded text of every symbol, one per line.
QString decodeWithZbar(const QImage &image)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("code.png"));
    if (!dir.isValid() || !image.save(path))
        return QStringLiteral("(could not write %1)").arg(path);
    QProcess zbar;
    zbar.start(zbarimg(), {QStringLiteral("--raw"), QStringLiteral("-q"), path});
    if (!zbar.waitForFinished(30000))
        return QStringLiteral("(zbarimg did not finish)");
    return QString::fromUtf8(zbar.readAllStandardOutput());
}

bool isPureBlackOrWhite(QRgb c)
{
    return (c & 0xffffff) == 0 || (c & 0xffffff) == 0xffffff;
}

// The first grey (neither black nor white) pixel in rect, as "x,y #rrggbb"; empty if none.
QString firstGreyPixel(const QImage &image, const QRect &rect)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb c = rgb.pixel(x, y);
            if (!isPureBlackOrWhite(c))
                return QStringLiteral("%1,%2 %3").arg(x).arg(y).arg(QColor(c).name());
        }
    }
    return {};
}

// The smallest rectangle holding every black pixel.
QRect darkBounds(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QRect bounds;
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            if ((rgb.pixel(x, y) & 0xffffff) == 0)
                bounds |= QRect(x, y, 1, 1);
        }
    }
    return bounds;
}

// A server window as the teacher sees it, listening on 127.0.0.1 port 0.
struct Window {
    QTemporaryDir dir;
    TrafficLog log;
    std::unique_ptr<ServerHost> server;
    std::unique_ptr<MainWindow> window;

    bool start()
    {
        if (!dir.isValid())
            return false;
        ServerConfig config;
        config.name = QStringLiteral("Room 101");
        server = std::make_unique<ServerHost>(config, QString(), &log);
        WindowConfig wc;
        wc.bind = QHostAddress::LocalHost;
        wc.port = 0;
        wc.dbPath = QStringLiteral(":memory:");
        wc.settingsPath = dir.filePath(QStringLiteral("settings.ini"));
        window = std::make_unique<MainWindow>(server.get(), &log, wc);
        window->show();
        return QTest::qWaitForWindowExposed(window.get()) && window->startListening();
    }
    QString pageUrl() const { return QStringLiteral("http://127.0.0.1:%1/").arg(server->port()); }
    template<class T> T *find(const QString &name) const { return window->findChild<T *>(name); }
    ~Window()
    {
        window.reset(); // before the server it shows
        server.reset();
    }
};

} // namespace

class TestJoinCard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void qrImageDecodesToTheExactText_data();
    void qrImageDecodesToTheExactText();
    void qrImageModulesAreWholePixels_data();
    void qrImageModulesAreWholePixels();
    void tooLongTextGivesNoImage();
    void viewFitsWholePixelModules();

    void windowShowsThePageUrlWithItsQrCode();
    void fullScreenCardOpensAndClosesByKeyboard();
    void keyboardReachesTheCardInReadingOrder();
    void fullScreenCardQrIsLargeAndScans();
    void notListeningShowsNoCode();
    void projectorModeEnlargesTheCard();
    void severalAddressesOnePickedAndRemembered();

    void screenshots();
};

void TestJoinCard::qrImageDecodesToTheExactText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("pixels");
    QTest::newRow("lan-url-4px") << LanUrl << 4;
    QTest::newRow("lan-url-9px") << LanUrl << 9;
    QTest::newRow("ipv6-url") << QStringLiteral("http://[fe80::1c2d:3e4f]:8080/") << 4;
    QTest::newRow("long-url") << QStringLiteral(
        "http://192.168.100.234:65535/?nick=ada&room=networks-lab")
                              << 4;
}

void TestJoinCard::qrImageDecodesToTheExactText()
{
    if (zbarimg().isEmpty())
        QSKIP("zbarimg is not installed (Debian: zbar-tools; scripts/deps.sh test)");
    QFETCH(QString, text);
    QFETCH(int, pixels);
    const QImage image = qrImage(text, pixels);
    QVERIFY(!image.isNull());
    QCOMPARE(decodeWithZbar(image), text + QLatin1Char('\n'));
}

void TestJoinCard::qrImageModulesAreWholePixels_data()
{
    QTest::addColumn<int>("pixels");
    QTest::newRow("1px") << 1;
    QTest::newRow("4px") << 4;
    QTest::newRow("7px") << 7;
}

void TestJoinCard::qrImageModulesAreWholePixels()
{
    QFETCH(int, pixels);
    const QrMatrix qr = QrMatrix::encode(LanUrl);
    QCOMPARE(qr.size(), 25); // version 2 at medium error correction
    const QImage image = renderQr(qr, pixels);
    const int side = (25 + 2 * QrQuietZoneModules) * pixels;
    QCOMPARE(image.size(), QSize(side, side));
    // Every pixel belongs to exactly one module (or the quiet zone) and has its colour:
    // pure black or pure white, no grey from antialiasing or scaling.
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int mx = x / pixels - QrQuietZoneModules;
            const int my = y / pixels - QrQuietZoneModules;
            const bool inCode = mx >= 0 && my >= 0 && mx < qr.size() && my < qr.size();
            const QRgb want = inCode && qr.isDark(mx, my) ? qRgb(0, 0, 0) : qRgb(255, 255, 255);
            if (rgb.pixel(x, y) != want)
                QFAIL(qPrintable(QStringLiteral("pixel %1,%2 is %3, module %4,%5 wants %6")
                                     .arg(x)
                                     .arg(y)
                                     .arg(QColor(rgb.pixel(x, y)).name())
                                     .arg(mx)
                                     .arg(my)
                                     .arg(QColor(want).name())));
        }
    }
}

void TestJoinCard::tooLongTextGivesNoImage()
{
    // Far beyond the largest QR code (2331 bytes at medium correction): no exception, no image.
    const QString text(5000, QLatin1Char('x'));
    QVERIFY(QrMatrix::encode(text).isNull());
    QVERIFY(qrImage(text, 4).isNull());
    QrCodeView view;
    view.setText(text);
    QCOMPARE(view.modulePixels(), 0);
}

void TestJoinCard::viewFitsWholePixelModules()
{
    QWidget host;
    host.setPalette(QPalette(Qt::white));
    host.setAutoFillBackground(true);
    auto *view = new QrCodeView(&host);
    view->setText(LanUrl);
    view->setGeometry(0, 0, 301, 277); // not a multiple of 33 modules either way
    host.resize(301, 277);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QCOMPARE(view->modules(), 25);
    // The largest whole number of device pixels that fits (also at 125 % or 150 % scaling,
    // where a logical pixel is not a whole number of device pixels).
    const int unit = int(std::floor(277 * view->devicePixelRatioF())) / 33;
    QCOMPARE(view->modulePixels(), unit);
    const QImage shot = view->grab().toImage(); // in device pixels
    QCOMPARE(darkBounds(shot).size(), QSize(25 * unit, 25 * unit));
    QCOMPARE(firstGreyPixel(shot, shot.rect()), QString());
    if (!zbarimg().isEmpty())
        QCOMPARE(decodeWithZbar(shot), LanUrl + QLatin1Char('\n'));
}

void TestJoinCard::windowShowsThePageUrlWithItsQrCode()
{
    Window w;
    QVERIFY(w.start());
    const QString url = w.pageUrl();
    JoinCard *card = w.window->joinCard();
    QVERIFY(card);
    QCOMPARE(card->pageUrls(), QStringList {url});
    QCOMPARE(card->selectedPageUrl(), url);
    auto *label = w.find<QLabel>(QStringLiteral("pageUrlLabel0"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), url);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    // Larger than the ws:// address, which is larger than the window's text.
    auto *socket = w.find<QLabel>(QStringLiteral("addressLabel0"));
    QVERIFY(socket);
    QCOMPARE(socket->text(), QStringLiteral("ws://127.0.0.1:%1").arg(w.server->port()));
    QVERIFY(label->font().pointSizeF() > socket->font().pointSizeF());
    QVERIFY(socket->font().pointSizeF() > w.window->font().pointSizeF() * 1.5);

    auto *copy = w.find<QToolButton>(QStringLiteral("copyPageUrl0"));
    QVERIFY(copy);
    QVERIFY(!copy->toolTip().isEmpty());
    QVERIFY(copy->accessibleName().contains(url));
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), url);

    auto *qr = w.find<QrCodeView>(QStringLiteral("joinQrCode"));
    QVERIFY(qr);
    QVERIFY(qr->isVisible());
    QCOMPARE(qr->text(), url);
    QVERIFY(qr->accessibleDescription().contains(url));
    QVERIFY(qr->modulePixels() >= 3);
    if (!zbarimg().isEmpty())
        QCOMPARE(decodeWithZbar(qr->grab().toImage()), url + QLatin1Char('\n'));

    // One address: nothing to pick.
    auto *picker = w.find<QComboBox>(QStringLiteral("joinAddressPicker"));
    QVERIFY(picker);
    QVERIFY(!picker->isVisible());
    auto *button = w.find<QPushButton>(QStringLiteral("joinFullScreenButton"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("F11")));
    QVERIFY(!button->accessibleName().isEmpty());
    QCOMPARE(button->focusPolicy(), Qt::StrongFocus);
}

void TestJoinCard::fullScreenCardOpensAndClosesByKeyboard()
{
    Window w;
    QVERIFY(w.start());
    w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    JoinCard *card = w.window->joinCard();
    QVERIFY(!card->fullScreenCard());

    // F11 opens it, full screen, in front, with the page's address.
    QTest::keyClick(w.window.get(), Qt::Key_F11);
    JoinCardScreen *screen = card->fullScreenCard();
    QVERIFY(screen);
    QTRY_VERIFY(screen->isVisible());
    QVERIFY(screen->isFullScreen());
    QTRY_VERIFY(screen->isActiveWindow());
    QCOMPARE(screen->pageUrl(), w.pageUrl());
    auto *url = screen->findChild<QLabel *>(QStringLiteral("joinCardUrl"));
    QVERIFY(url);
    QCOMPARE(url->text(), w.pageUrl());
    auto *footer = screen->findChild<QLabel *>(QStringLiteral("joinCardFooter"));
    QVERIFY(footer->text().contains(QStringLiteral("ws://127.0.0.1:%1").arg(w.server->port())));
    auto *name = screen->findChild<QLabel *>(QStringLiteral("joinCardName"));
    QCOMPARE(name->text(), QStringLiteral("Room 101"));

    // Esc closes it and the server window has the keyboard again.
    QTest::keyClick(screen, Qt::Key_Escape);
    QTRY_VERIFY(!screen->isVisible());
    QTRY_VERIFY(w.window->isActiveWindow());

    // Ctrl+J opens it too; F11 on the card closes it (the key that opened it).
    QTest::keyClick(w.window.get(), Qt::Key_J, Qt::ControlModifier);
    QTRY_VERIFY(screen->isVisible());
    QTRY_VERIFY(screen->isActiveWindow());
    QTest::keyClick(screen, Qt::Key_F11);
    QTRY_VERIFY(!screen->isVisible());
    QTRY_VERIFY(w.window->isActiveWindow());

    // Tab reaches the card's close button; Space on it closes the card.
    QTest::keyClick(w.window.get(), Qt::Key_F11);
    QTRY_VERIFY(screen->isActiveWindow());
    auto *close = screen->findChild<QToolButton *>(QStringLiteral("joinCardClose"));
    QVERIFY(close);
    QVERIFY(!close->accessibleName().isEmpty());
    QVERIFY(close->toolTip().contains(QStringLiteral("Esc")));
    close->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(close->hasFocus());
    QTest::keyClick(close, Qt::Key_Space);
    QTRY_VERIFY(!screen->isVisible());

    // The button in the header opens it, and the View menu lists the action.
    auto *button = w.find<QPushButton>(QStringLiteral("joinFullScreenButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(screen->isVisible());
    QTest::keyClick(screen, Qt::Key_Escape);
    QTRY_VERIFY(!screen->isVisible());
    QAction *action = w.window->findChild<QAction *>(QStringLiteral("actionJoinCardFullScreen"));
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    QVERIFY(!action->associatedObjects().isEmpty());
}

void TestJoinCard::keyboardReachesTheCardInReadingOrder()
{
    Window w;
    QVERIFY(w.start());
    w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    // From Stop, Tab walks the card as it reads: copy the page's address, full screen, copy
    // the Qt client's address.
    auto *stop = w.find<QPushButton>(QStringLiteral("startStopButton"));
    stop->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(stop->hasFocus());
    const QStringList expected {QStringLiteral("copyPageUrl0"),
                                QStringLiteral("joinFullScreenButton"),
                                QStringLiteral("copyAddress0")};
    QStringList visited;
    for (int i = 0; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                : QStringLiteral("(none)"));
    }
    QCOMPARE(visited, expected);
    // Space on the full-screen button opens the card; Esc closes it again.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("joinFullScreenButton"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    JoinCardScreen *screen = w.window->joinCard()->fullScreenCard();
    QVERIFY(screen);
    QTRY_VERIFY(screen->isActiveWindow());
    QTest::keyClick(screen, Qt::Key_Escape);
    QTRY_VERIFY(!screen->isVisible());
    // Listening again rebuilds the rows: the order holds.
    w.window->stopListening();
    QVERIFY(w.window->startListening());
    QTRY_VERIFY(w.window->isActiveWindow());
    stop->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(stop->hasFocus());
    visited.clear();
    for (int i = 0; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                : QStringLiteral("(none)"));
    }
    QCOMPARE(visited, expected);
}

void TestJoinCard::fullScreenCardQrIsLargeAndScans()
{
    Window w;
    QVERIFY(w.start());
    JoinCard *card = w.window->joinCard();
    card->showFullScreenCard();
    JoinCardScreen *screen = card->fullScreenCard();
    QTRY_VERIFY(screen->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(screen));
    auto *qr = screen->findChild<QrCodeView *>(QStringLiteral("joinCardQr"));
    QVERIFY(qr);
    QCOMPARE(qr->text(), w.pageUrl());
    // As big as fits: more than half the screen's height, and far larger than in the header.
    const int side = qr->modulePixels() * (qr->modules() + 2 * QrQuietZoneModules);
    const double screenHeight = screen->height() * screen->devicePixelRatioF(); // device pixels
    QVERIFY2(side * 2 > screenHeight,
             qPrintable(QStringLiteral("%1 px on a %2 px screen").arg(side).arg(screenHeight)));
    QVERIFY(qr->modulePixels()
            >= 2 * card->findChild<QrCodeView *>(QStringLiteral("joinQrCode"))->modulePixels());
    // The address fits on the screen, in a large font.
    auto *url = screen->findChild<QLabel *>(QStringLiteral("joinCardUrl"));
    QVERIFY(url->fontMetrics().horizontalAdvance(url->text()) <= screen->width());
    QVERIFY(url->font().pixelSize() >= screen->height() / 20);

    // What the projector shows: black on white, no grey in the code, and it scans.
    const QImage shot = screen->grab().toImage();
    if (const QString look = qEnvironmentVariable("DUPLEX_LOOK_DIR"); !look.isEmpty()) {
        shot.save(QDir(look).filePath(QStringLiteral("join-card-fullscreen.png")));
        w.window->grab().save(QDir(look).filePath(QStringLiteral("window.png")));
    }
    const QImage code = qr->grab().toImage();
    const QRect dark = darkBounds(code);
    QCOMPARE(dark.width(), qr->modulePixels() * qr->modules());
    const int quiet = QrQuietZoneModules * qr->modulePixels();
    QCOMPARE(firstGreyPixel(code, dark.adjusted(-quiet, -quiet, quiet, quiet) & code.rect()),
             QString());
    if (!zbarimg().isEmpty())
        QCOMPARE(decodeWithZbar(shot), w.pageUrl() + QLatin1Char('\n'));
    // Closing the server window closes the card too (it is a window of its own).
    w.window->close();
    QTRY_VERIFY(!screen->isVisible());
}

void TestJoinCard::notListeningShowsNoCode()
{
    Window w;
    QVERIFY(w.start());
    JoinCard *card = w.window->joinCard();
    card->showFullScreenCard();
    JoinCardScreen *screen = card->fullScreenCard();
    QTRY_VERIFY(screen->isVisible());

    w.window->stopListening();
    QVERIFY(card->pageUrls().isEmpty());
    QVERIFY(w.find<QLabel>(QStringLiteral("joinNotListening")));
    QVERIFY(!w.find<QLabel>(QStringLiteral("pageUrlLabel0")));
    QCOMPARE(w.find<QrCodeView>(QStringLiteral("joinQrCode"))->text(), QString());
    QVERIFY(!w.find<QPushButton>(QStringLiteral("joinFullScreenButton"))->isEnabled());
    QVERIFY(!card->fullScreenAction()->isEnabled());
    // The open card says so instead of showing a dead address.
    QCOMPARE(screen->pageUrl(), QString());
    QCOMPARE(screen->findChild<QrCodeView *>()->text(), QString());
    QTest::keyClick(screen, Qt::Key_Escape);
    QTRY_VERIFY(!screen->isVisible());

    // Listening again (on another port): the card follows.
    QVERIFY(w.window->startListening());
    QCOMPARE(card->selectedPageUrl(), w.pageUrl());
    QCOMPARE(w.find<QLabel>(QStringLiteral("pageUrlLabel0"))->text(), w.pageUrl());
    QVERIFY(card->fullScreenAction()->isEnabled());
}

void TestJoinCard::projectorModeEnlargesTheCard()
{
    Window w;
    QVERIFY(w.start());
    auto *label = w.find<QLabel>(QStringLiteral("pageUrlLabel0"));
    auto *qr = w.find<QrCodeView>(QStringLiteral("joinQrCode"));
    const double before = label->font().pointSizeF();
    const int qrBefore = qr->sizeHint().width();
    w.window->setProjectorMode(true);
    QVERIFY(label->font().pointSizeF() >= before * 1.4);
    QVERIFY(qr->sizeHint().width() > qrBefore);
    w.window->setProjectorMode(false);
    QCOMPARE(label->font().pointSizeF(), before);
}

void TestJoinCard::severalAddressesOnePickedAndRemembered()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const QStringList hosts {QStringLiteral("192.168.1.23"), QStringLiteral("10.0.0.7")};
    {
        JoinCard card(&settings);
        card.setHosts(hosts, 8080);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        QCOMPARE(card.pageUrls(), (QStringList {LanUrl, QStringLiteral("http://10.0.0.7:8080/")}));
        QCOMPARE(card.selectedPageUrl(), LanUrl); // the first, until the teacher picks
        QVERIFY(card.findChild<QLabel *>(QStringLiteral("joinQrMarker0"))->isVisibleTo(&card));
        auto *picker = card.findChild<QComboBox *>(QStringLiteral("joinAddressPicker"));
        QVERIFY(picker);
        QVERIFY(picker->isVisible());
        QVERIFY(!picker->accessibleName().isEmpty());
        QCOMPARE(picker->count(), 2);
        // Picked with the keyboard.
        picker->setFocus(Qt::TabFocusReason);
        QTest::keyClick(picker, Qt::Key_Down);
        QCOMPARE(picker->currentIndex(), 1);
        QCOMPARE(card.selectedPageUrl(), QStringLiteral("http://10.0.0.7:8080/"));
        QCOMPARE(card.findChild<QrCodeView *>(QStringLiteral("joinQrCode"))->text(),
                 QStringLiteral("http://10.0.0.7:8080/"));
        card.showFullScreenCard();
        QTRY_VERIFY(card.fullScreenCard()->isVisible());
        QCOMPARE(card.fullScreenCard()->pageUrl(), QStringLiteral("http://10.0.0.7:8080/"));
        // Both stay on the card, to copy; a marker says which one the QR code holds.
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("pageUrlLabel0"))->text(), LanUrl);
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("pageUrlLabel1"))->text(),
                 QStringLiteral("http://10.0.0.7:8080/"));
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("joinQrMarker0"))->isVisibleTo(&card));
        QVERIFY(card.findChild<QLabel *>(QStringLiteral("joinQrMarker1"))->isVisibleTo(&card));
    }
    // Remembered: the next card (the next lesson) starts with the same address.
    {
        JoinCard card(&settings);
        card.setHosts(hosts, 8080);
        QCOMPARE(card.selectedIndex(), 1);
        QCOMPARE(card.selectedPageUrl(), QStringLiteral("http://10.0.0.7:8080/"));
    }
    // On another network the first address is shown, and the choice is kept for later.
    {
        JoinCard card(&settings);
        card.setHosts({QStringLiteral("172.16.4.2")}, 8080);
        QCOMPARE(card.selectedPageUrl(), QStringLiteral("http://172.16.4.2:8080/"));
        QVERIFY(
            !card.findChild<QComboBox *>(QStringLiteral("joinAddressPicker"))->isVisibleTo(&card));
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("joinQrMarker0"))->isVisibleTo(&card));
        QCOMPARE(settings.value(QStringLiteral("join/host")).toString(),
                 QStringLiteral("10.0.0.7"));
    }
}

void TestJoinCard::screenshots()
{
    const QString outDir = qEnvironmentVariable("DUPLEX_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set DUPLEX_SCREENSHOT_DIR to render docs/screenshots/join-card.png");
    // What a classroom projector shows (full HD), for an address on the school network.
    JoinCardScreen screen;
    screen.resize(1920, 1080);
    screen.setContent(QStringLiteral("Room 101 - Networks"), LanUrl,
                      QStringLiteral("ws://192.168.1.23:8080"));
    QVERIFY(screen.grab().save(QDir(outDir).filePath(QStringLiteral("join-card.png"))));

    // The header's card on a laptop with two networks: to look at, not for the docs.
    if (const QString look = qEnvironmentVariable("DUPLEX_LOOK_DIR"); !look.isEmpty()) {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        JoinCard card(&settings);
        card.setHosts({QStringLiteral("192.168.1.23"), QStringLiteral("10.0.0.7")}, 8080);
        card.resize(card.sizeHint().expandedTo(QSize(900, 0)));
        QVERIFY(card.grab().save(QDir(look).filePath(QStringLiteral("join-card-header.png"))));
        screen.resize(1280, 800);
        QVERIFY(screen.grab().save(QDir(look).filePath(QStringLiteral("join-card-1280.png"))));
    }
}

QTEST_MAIN(TestJoinCard)
#include "tst_joincard.moc"
