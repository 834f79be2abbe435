// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "messagedelegate.h"

#include <conversationmodel.h>
#include <names.h>
#include <protocol.h>

#include <QDateTime>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace duplex::client {

namespace {
constexpr int HMargin = 12;
constexpr int VMargin = 3;
constexpr int AccentWidth = 3;
constexpr qint64 RunGapMs = 5 * 60 * 1000; ///< a new header after 5 minutes of quiet

using Kind = ChatLine::Kind;
using Delivery = ChatLine::Delivery;

Kind kindOf(const QModelIndex &i)
{
    return Kind(i.data(ConversationModel::KindRole).toInt());
}

QDateTime timeOf(const QModelIndex &i)
{
    return QDateTime::fromMSecsSinceEpoch(i.data(ConversationModel::TimestampRole).toLongLong());
}

QString shortTime(const QDateTime &t)
{
    return t.toString(QStringLiteral("HH:mm"));
}
} // namespace

struct MessageDelegate::Metrics {
    QFont body;
    QFont bold;
    QFont small;
    QFont smallItalic;
    int bodyLine = 0;
    int headerHeight = 0;
    int separatorHeight = 0;
    int smallLine = 0;
};

MessageDelegate::MessageDelegate(QListView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

MessageDelegate::Metrics MessageDelegate::metrics(const QStyleOptionViewItem &option) const
{
    Metrics m;
    m.body = option.font;
    m.bold = option.font;
    m.bold.setBold(true);
    m.small = option.font;
    m.small.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() * 0.86 : 8.0);
    m.smallItalic = m.small;
    m.smallItalic.setItalic(true);
    m.bodyLine = QFontMetrics(m.body).lineSpacing();
    m.headerHeight = QFontMetrics(m.bold).lineSpacing() + 2;
    m.smallLine = QFontMetrics(m.small).lineSpacing();
    m.separatorHeight = m.smallLine + 14;
    return m;
}

QString MessageDelegate::displayedText(const QModelIndex &index)
{
    QString text = index.data(ConversationModel::TextRole).toString();
    // QTextLayout breaks lines at U+2028, not at '\n'.
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

QString MessageDelegate::noticeTitle(const QModelIndex &index)
{
    const QString from = index.data(ConversationModel::SenderRole).toString();
    const bool teacher = from == QLatin1String(proto::ServerSender);
    if (index.data(ConversationModel::OwnRole).toBool()) {
        return teacher ? tr("⚑ Private notice from the teacher – only you see this")
                       : tr("⚑ Private notice from %1 – only you see this").arg(from);
    }
    return teacher ? tr("⚑ Notice from the teacher") : tr("⚑ Notice from %1").arg(from);
}

QString MessageDelegate::plainLine(const QModelIndex &index)
{
    const QString time = shortTime(timeOf(index));
    const QString text = index.data(ConversationModel::TextRole).toString();
    switch (kindOf(index)) {
    case Kind::System: return QStringLiteral("[%1] * %2").arg(time, text);
    case Kind::Notice: return QStringLiteral("[%1] %2: %3").arg(time, noticeTitle(index), text);
    case Kind::Message: break;
    }
    return QStringLiteral("[%1] <%2> %3")
        .arg(time, index.data(ConversationModel::SenderRole).toString(), text);
}

bool MessageDelegate::needsDaySeparator(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    const QModelIndex prev = index.siblingAtRow(index.row() - 1);
    return timeOf(prev).date() != timeOf(index).date();
}

QString MessageDelegate::waitingLabel()
{
    // Literal characters, not \u escapes: lupdate misreads those (docs/qt-notes.md). No
    // emoji: the hourglass is missing from common desktop fonts and drew as an empty box.
    return tr("waiting: sending too fast, resending shortly…");
}

bool MessageDelegate::showsHeader(const QModelIndex &index)
{
    if (kindOf(index) != Kind::Message)
        return false;
    if (index.row() == 0 || needsDaySeparator(index))
        return true;
    const QModelIndex prev = index.siblingAtRow(index.row() - 1);
    if (kindOf(prev) != Kind::Message)
        return true;
    if (Delivery(prev.data(ConversationModel::DeliveryRole).toInt())
            != Delivery(index.data(ConversationModel::DeliveryRole).toInt())
        && Delivery(index.data(ConversationModel::DeliveryRole).toInt()) != Delivery::Delivered
        && Delivery(index.data(ConversationModel::DeliveryRole).toInt()) != Delivery::None)
        return true; // the state label lives in the header
    if (duplex::proto::nickKey(prev.data(ConversationModel::SenderRole).toString())
        != duplex::proto::nickKey(index.data(ConversationModel::SenderRole).toString()))
        return true;
    return timeOf(index).toMSecsSinceEpoch() - timeOf(prev).toMSecsSinceEpoch() > RunGapMs;
}

QColor MessageDelegate::nickColor(const QString &nick)
{
    // A fixed palette of hues that stay readable on light and dark backgrounds.
    static const int hues[] = {0, 25, 200, 130, 280, 330, 170, 45, 230, 300, 100, 260};
    // FNV-1a, not qHash: the colour must be the same in every client and every run, so
    // that bob is the same colour on everyone's screen.
    quint32 h = 2166136261u;
    for (const QChar c : duplex::proto::nickKey(nick)) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return QColor::fromHsv(hues[h % (sizeof(hues) / sizeof(hues[0]))], 200, 170);
}

int MessageDelegate::contentWidth(const QStyleOptionViewItem &option) const
{
    const int width = m_view ? m_view->viewport()->width() : option.rect.width();
    return qMax(60, width - 2 * HMargin - AccentWidth);
}

qreal MessageDelegate::layoutBody(QTextLayout &layout, const QString &text, const QFont &font,
                                  qreal width) const
{
    layout.setText(text);
    layout.setFont(font);
    QTextOption opt;
    opt.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(opt);
    layout.setCacheEnabled(true);
    qreal y = 0;
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return y;
}

int MessageDelegate::cachedBodyHeight(const QString &text, const QFont &font, int width) const
{
    // QListView re-asks every row's size on each relayout (new line, resize): laying out
    // every message again each time would cost O(rows) text layouts per incoming message.
    if (width != m_cacheWidth) {
        m_heights.clear();
        m_cacheWidth = width;
    }
    const QString key = font.key() + QChar(0x1f) + text;
    if (const auto it = m_heights.constFind(key); it != m_heights.constEnd())
        return it.value();
    if (m_heights.size() > 5000)
        m_heights.clear();
    QTextLayout layout;
    const int h = int(std::ceil(layoutBody(layout, text, font, width)));
    m_heights.insert(key, h);
    return h;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Metrics m = metrics(option);
    const int width = contentWidth(option);
    int h = needsDaySeparator(index) ? m.separatorHeight : 0;
    switch (kindOf(index)) {
    case Kind::System: {
        h += cachedBodyHeight(QStringLiteral("\u2022 ") + displayedText(index), m.smallItalic,
                              width - 60)
            + 2 * VMargin;
        break;
    }
    case Kind::Notice: {
        h += m.headerHeight + cachedBodyHeight(displayedText(index), m.body, width - 16)
            + 2 * VMargin + 14;
        break;
    }
    case Kind::Message: {
        if (showsHeader(index))
            h += m.headerHeight + 4;
        h += cachedBodyHeight(displayedText(index), m.body, width) + 2 * VMargin;
        if (Delivery(index.data(ConversationModel::DeliveryRole).toInt()) == Delivery::Failed)
            h += m.smallLine;
        break;
    }
    }
    return {width + 2 * HMargin, h};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &opt,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    const Metrics m = metrics(option);
    const QPalette &pal = option.palette;
    const int width = contentWidth(option);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);

    QRect r = option.rect;
    const QColor quiet = pal.color(QPalette::PlaceholderText);

    if (needsDaySeparator(index)) {
        const QRect sep(r.left(), r.top(), r.width(), m.separatorHeight);
        const QDate day = timeOf(index).date();
        const QDate today = QDate::currentDate();
        const QString label = day == today ? tr("Today")
            : day == today.addDays(-1)     ? tr("Yesterday")
                                           : QLocale().toString(day, QLocale::LongFormat);
        painter->setFont(m.small);
        const int tw = QFontMetrics(m.small).horizontalAdvance(label) + 20;
        const int cy = sep.center().y();
        painter->setPen(QPen(pal.color(QPalette::Mid), 1));
        painter->drawLine(sep.left() + HMargin, cy, sep.center().x() - tw / 2, cy);
        painter->drawLine(sep.center().x() + tw / 2, cy, sep.right() - HMargin, cy);
        painter->setPen(quiet);
        painter->drawText(sep, Qt::AlignCenter, label);
        r.setTop(sep.bottom() + 1);
    }

    const bool selected = option.state & QStyle::State_Selected;
    const Kind kind = kindOf(index);
    const QString time = shortTime(timeOf(index));

    if (kind == Kind::System) {
        if (selected)
            painter->fillRect(r, pal.color(QPalette::Highlight).lighter(170));
        painter->setPen(quiet);
        const QRect line = r.adjusted(HMargin + AccentWidth, VMargin, -HMargin, -VMargin);
        QTextLayout layout;
        layoutBody(layout, QStringLiteral("\u2022 ") + displayedText(index), m.smallItalic,
                   width - 60);
        layout.draw(painter, line.topLeft());
        painter->setFont(m.small);
        painter->drawText(QRect(line.left(), line.top(), line.width(), m.smallLine),
                          Qt::AlignRight | Qt::AlignVCenter, time);
        painter->restore();
        return;
    }

    if (kind == Kind::Notice) {
        const QRectF box = QRectF(r).adjusted(HMargin, VMargin + 3, -HMargin, -VMargin - 3);
        // A notice for this user alone looks different from an announcement to all.
        const bool privateNotice = index.data(ConversationModel::OwnRole).toBool();
        QPainterPath path;
        path.addRoundedRect(box, 6, 6);
        painter->fillPath(path, privateNotice ? QColor(225, 215, 250) : QColor(255, 236, 179));
        painter->setPen(QPen(privateNotice ? QColor(120, 80, 200) : QColor(230, 160, 0), 1.2));
        painter->drawPath(path);
        const QColor ink = privateNotice ? QColor(45, 20, 90) : QColor(60, 40, 0);
        painter->setPen(ink);
        painter->setFont(m.bold);
        const QRect head = box.toRect().adjusted(8, 4, -8, 0);
        painter->drawText(QRect(head.topLeft(), QSize(head.width(), m.headerHeight)),
                          Qt::AlignLeft | Qt::AlignVCenter, noticeTitle(index));
        painter->setFont(m.small);
        painter->drawText(QRect(head.topLeft(), QSize(head.width(), m.headerHeight)),
                          Qt::AlignRight | Qt::AlignVCenter, time);
        QTextLayout layout;
        layoutBody(layout, displayedText(index), m.body, width - 16);
        painter->setPen(ink);
        layout.draw(painter, QPointF(head.left(), head.top() + m.headerHeight));
        painter->restore();
        return;
    }

    // A message.
    const bool own = index.data(ConversationModel::OwnRole).toBool();
    const Delivery delivery = Delivery(index.data(ConversationModel::DeliveryRole).toInt());
    if (selected)
        painter->fillRect(r, pal.color(QPalette::Highlight).lighter(170));
    else if (own)
        painter->fillRect(r, QColor(70, 130, 220, 22));
    if (own)
        painter->fillRect(QRect(r.left() + 4, r.top(), AccentWidth, r.height()),
                          QColor(70, 130, 220));

    int y = r.top() + VMargin;
    const int x = r.left() + HMargin + AccentWidth;
    if (showsHeader(index)) {
        y += 4;
        const QString from = index.data(ConversationModel::SenderRole).toString();
        painter->setFont(m.bold);
        painter->setPen(nickColor(from));
        const QFontMetrics bfm(m.bold);
        const QString name = own ? tr("%1 (you)").arg(from) : from;
        painter->drawText(QRect(x, y, width, m.headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          name);
        int hx = x + bfm.horizontalAdvance(name) + 10;
        painter->setFont(m.small);
        painter->setPen(quiet);
        painter->drawText(QRect(hx, y, width, m.headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          time);
        hx += QFontMetrics(m.small).horizontalAdvance(time) + 10;
        if (delivery == Delivery::Pending || delivery == Delivery::Waiting) {
            painter->setFont(m.smallItalic);
            painter->drawText(QRect(hx, y, width, m.headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                              delivery == Delivery::Pending ? tr("sending…") : waitingLabel());
        }
        y += m.headerHeight;
    }
    QTextLayout layout;
    const qreal bodyHeight = layoutBody(layout, displayedText(index), m.body, width);
    // The selection tint is light, so the normal text colour stays readable on it.
    QColor ink = pal.color(QPalette::Text);
    if (delivery == Delivery::Pending || delivery == Delivery::Waiting
        || delivery == Delivery::Failed)
        ink = quiet;
    painter->setPen(ink);
    layout.draw(painter, QPointF(x, y));
    if ((delivery == Delivery::Pending || delivery == Delivery::Waiting) && !showsHeader(index)) {
        painter->setFont(m.smallItalic);
        painter->setPen(quiet);
        painter->drawText(QRect(x, y, width, m.bodyLine), Qt::AlignRight | Qt::AlignVCenter,
                          delivery == Delivery::Pending ? tr("sending…") : waitingLabel());
    }
    if (delivery == Delivery::Failed) {
        painter->setFont(m.smallItalic);
        painter->setPen(QColor(200, 30, 30));
        const QString why = index.data(ConversationModel::FailureRole).toString();
        painter->drawText(
            QRect(x, y + int(bodyHeight), width, m.smallLine), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(m.smallItalic)
                .elidedText(tr("\u2717 not sent: %1").arg(why), Qt::ElideRight, width));
    }
    painter->restore();
}

} // namespace duplex::client
