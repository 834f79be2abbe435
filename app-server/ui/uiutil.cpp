// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "uiutil.h"

#include <QCoreApplication>
#include <QFile>

namespace duplex::server {

QIcon uiIcon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

} // namespace duplex::server

#include <QFontDatabase>
namespace duplex::server {
QFont monospaceFont()
{
    QFont f;
    f.setFamilies({QFontDatabase::systemFont(QFontDatabase::FixedFont).family()});
    f.setStyleHint(QFont::Monospace);
    return f;
}
} // namespace duplex::server

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>
namespace duplex::server::projector {
namespace {
bool s_on = false;
bool s_haveDesktop = false;
QFont s_desktop;

class RowHeightFollower final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::Polish)
            fit(static_cast<QTableView *>(watched));
        return false;
    }
    static void fit(QTableView *view)
    {
        view->verticalHeader()->setDefaultSectionSize(rowHeight(view->font()));
    }
};
} // namespace

bool isOn()
{
    return s_on;
}

QFont desktopFont()
{
    return s_haveDesktop ? s_desktop : QApplication::font();
}

void apply(bool on)
{
    if (!s_haveDesktop) {
        s_desktop = QApplication::font();
        s_haveDesktop = true;
    }
    s_on = on;
    QFont f = s_desktop;
    if (on) {
        const double pt = s_desktop.pointSizeF() > 0 ? s_desktop.pointSizeF() : 10.0;
        f.setPointSizeF(pt * Scale);
    }
    // Also resets the per-class fonts (QMenu, QHeaderView...): one size everywhere.
    QApplication::setFont(f);
    // Qt tells the existing windows (menus are windows too) only once app.exec() runs; the
    // window turns projector mode on in its constructor, before that: tell them here.
    if (!QCoreApplication::closingDown()) {
        const QWidgetList widgets = QApplication::allWidgets();
        for (QWidget *w : widgets) {
            if (w->isWindow()) {
                QEvent change(QEvent::ApplicationFontChange);
                QCoreApplication::sendEvent(w, &change);
            }
        }
    }
}

int rowHeight(const QFont &font)
{
    return QFontMetrics(font).height() + 3;
}

void followFont(QTableView *view)
{
    if (view->property("duplexFollowsFont").toBool()) {
        RowHeightFollower::fit(view);
        return;
    }
    view->setProperty("duplexFollowsFont", true);
    view->installEventFilter(new RowHeightFollower(view));
    RowHeightFollower::fit(view);
}
} // namespace duplex::server::projector
