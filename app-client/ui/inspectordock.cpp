// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "inspectordock.h"

#include <framelogmodel.h>

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace duplex::client {

namespace {
/// Text filter over all columns plus an optional "hide keep-alive" (ping/pong/typing).
class FrameFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setHideKeepAlive(bool hide)
    {
        m_hideKeepAlive = hide;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (m_hideKeepAlive) {
            const QString type = i.data(FrameLogModel::TypeRole).toString();
            if (type.startsWith(QLatin1String("ping")) || type.startsWith(QLatin1String("pong"))
                || type == QLatin1String("typing"))
                return false;
        }
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_hideKeepAlive = false;
};
} // namespace

InspectorDock::InspectorDock(FrameLogModel *log, QWidget *parent)
    : QDockWidget(tr("Protocol inspector"), parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("inspectorDock"));
    setToolTip(tr("Every WebSocket frame this client sends and receives, or every HTTP poll "
                  "request and answer (empty ones too) when it polls"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(body);
    m_filter->setObjectName(QStringLiteral("inspectorFilter"));
    m_filter->setPlaceholderText(tr("Filter frames (type, text, direction)\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows only frames containing this text"));
    m_hideKeepAlive = new QCheckBox(tr("Hide keep-alive"), body);
    m_hideKeepAlive->setObjectName(QStringLiteral("inspectorHideKeepAlive"));
    m_hideKeepAlive->setToolTip(tr("Hide ping, pong and typing frames"));
    auto *clear = new QPushButton(tr("Clear"), body);
    clear->setObjectName(QStringLiteral("inspectorClear"));
    clear->setToolTip(tr("Forget the frames listed so far"));
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_hideKeepAlive);
    bar->addWidget(clear);
    layout->addLayout(bar);

    auto *proxy = new FrameFilter(this);
    m_proxy = proxy;
    m_proxy->setSourceModel(log);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *split = new QSplitter(Qt::Vertical, body);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("inspectorTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    // Wide enough for the widest value and for the (translated) header: "Richtung" is
    // longer than "→ out".
    const auto fit = [this](int column, const QStringList &samples) {
        int w = m_table->horizontalHeader()->fontMetrics().horizontalAdvance(
                    m_table->model()->headerData(column, Qt::Horizontal).toString())
            + 8;
        for (const QString &sample : samples)
            w = qMax(w, m_table->fontMetrics().horizontalAdvance(sample));
        m_table->setColumnWidth(column, w + 16);
    };
    fit(FrameLogModel::TimeColumn, {QStringLiteral("00:00:00.000")});
    fit(FrameLogModel::DirectionColumn,
        {FrameLogModel::directionText(FrameRecord::Direction::In),
         FrameLogModel::directionText(FrameRecord::Direction::Out)});
    fit(FrameLogModel::TypeColumn,
        {FrameLogModel::controlTypeText(FrameRecord::Kind::Pong),
         FrameLogModel::controlTypeText(FrameRecord::Kind::Close),
         QStringLiteral("poll: 12 messages")});
    fit(FrameLogModel::SizeColumn, {QStringLiteral("99999")});
    m_table->setAlternatingRowColors(true);

    m_detail = new QPlainTextEdit(split);
    m_detail->setObjectName(QStringLiteral("inspectorDetail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a frame to see its JSON"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_detail->setFont(mono);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    setWidget(body);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_hideKeepAlive, &QCheckBox::toggled, this,
            [proxy](bool on) { proxy->setHideKeepAlive(on); });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_log->clear();
        m_detail->clear();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InspectorDock::showDetail);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_follow = bar->value() >= bar->maximum() - 2;
    });
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Rows kept arriving while hidden: open on the newest ones.
        if (visible && m_follow)
            QMetaObject::invokeMethod(m_table, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
    });
}

void InspectorDock::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QModelIndex source = m_proxy->mapToSource(current);
    const FrameRecord &r = m_log->record(source.row());
    const QString head
        = (r.size == 1 ? tr("%1  %2  1 byte  %3")
                       : tr("%1  %2  %n bytes  %3", nullptr, int(r.size)))
              .arg(source.siblingAtColumn(FrameLogModel::TimeColumn).data().toString(),
                   source.siblingAtColumn(FrameLogModel::DirectionColumn).data().toString(),
                   source.siblingAtColumn(FrameLogModel::TypeColumn).data().toString());
    // setPlainText: frames are peer data and must never be interpreted as markup.
    m_detail->setPlainText(head + QStringLiteral("\n\n") + FrameLogModel::prettyText(r));
}

} // namespace duplex::client
