// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QHash>
#include <QStyledItemDelegate>

class QListView;
class QTextLayout;

namespace duplex::client {

/// Paints one conversation line. Peer text goes through QTextLayout as PLAIN TEXT, never
/// through Qt's rich-text engine: `<b>x</b>` shows those eight characters, and a message of
/// nested `<table>` tags costs no more than any other 300 characters.
///
/// A message row: an optional day separator, a header (sender in its colour, time,
/// delivery state) unless it continues the same sender's run, then the word-wrapped text.
/// Own messages carry an accent bar and tint; pending ones are greyed and say "sending";
/// system lines are small and quiet; server notices sit in a highlighted box.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QListView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The body text exactly as it is drawn (newlines become line separators).
    static QString displayedText(const QModelIndex &index);
    /// "[12:01] bob: text" for the clipboard.
    /// The header of a notice: from the teacher (the server) or someone else, private
    /// (to this user alone) or not.
    static QString noticeTitle(const QModelIndex &index);
    static QString plainLine(const QModelIndex &index);
    static bool needsDaySeparator(const QModelIndex &index);
    static bool showsHeader(const QModelIndex &index);
    /// The label of an own message the server asked us to resend later (rate_limited).
    static QString waitingLabel();
    /// A stable, readable colour for a nick.
    static QColor nickColor(const QString &nick);

private:
    struct Metrics;
    Metrics metrics(const QStyleOptionViewItem &option) const;
    qreal layoutBody(QTextLayout &layout, const QString &text, const QFont &font,
                     qreal width) const;
    int contentWidth(const QStyleOptionViewItem &option) const;
    int cachedBodyHeight(const QString &text, const QFont &font, int width) const;

    QListView *m_view;
    mutable QHash<QString, int> m_heights; ///< body height by font + text, for m_cacheWidth
    mutable int m_cacheWidth = -1;
};

} // namespace duplex::client
