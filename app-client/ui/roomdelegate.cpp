// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "roomdelegate.h"

#include <roomlistmodel.h>
#include <rostermodel.h>

#include <QPainter>
#include <QPainterPath>

namespace duplex::client {

void RoomDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool whisper = RoomListModel::Kind(index.data(RoomListModel::KindRole).toInt())
        == RoomListModel::Kind::Whisper;
    if (whisper)
        option->text = QStringLiteral("\u2709 ") + option->text; // an envelope marks private talk
    if (index.data(RoomListModel::UnreadRole).toInt() > 0)
        option->font.setBold(true);
}

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(qMax(s.height(), option.fontMetrics.height() + 12));
    return s;
}

void RoomDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    QStyleOptionViewItem opt = option;
    QString badge;
    int badgeWidth = 0;
    QFont badgeFont = option.font;
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() * 0.85 : 8.0);
    if (unread > 0) {
        badge = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        badgeWidth = qMax(QFontMetrics(badgeFont).horizontalAdvance(badge) + 12,
                          QFontMetrics(badgeFont).height() + 4);
    }
    // Leave room on the right so a long name is elided before it runs under the badge.
    QStyledItemDelegate::paint(painter, opt, index);
    if (badge.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const int h = QFontMetrics(badgeFont).height() + 4;
    const QRectF rect(option.rect.right() - badgeWidth - 8, option.rect.center().y() - h / 2.0,
                      badgeWidth, h);
    QPainterPath path;
    path.addRoundedRect(rect, h / 2.0, h / 2.0);
    painter->fillPath(path, QColor(220, 60, 50));
    painter->setPen(Qt::white);
    painter->setFont(badgeFont);
    painter->drawText(rect, Qt::AlignCenter, badge);
    painter->restore();
}

void MemberDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(RosterModel::SelfRole).toBool()) {
        option->text = tr("%1 (you)").arg(option->text);
        option->font.setBold(true);
    }
    if (index.data(RosterModel::TypingRole).toBool()) {
        option->text += tr("  \u270E typing\u2026");
        option->font.setItalic(true);
    }
}

} // namespace duplex::client
