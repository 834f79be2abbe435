// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "frozencolumn.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace duplex::server {

FrozenColumn *FrozenColumn::install(QTableView *table)
{
    return new FrozenColumn(table);
}

FrozenColumn::FrozenColumn(QTableView *table)
    : QObject(table)
    , m_table(table)
    , m_frozen(new QTableView(table))
{
    m_frozen->setObjectName(table->objectName() + QStringLiteral("Frozen"));
    m_frozen->setModel(table->model());
    m_frozen->setSelectionModel(table->selectionModel());
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setHighlightSections(false);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frozen->setSelectionBehavior(table->selectionBehavior());
    m_frozen->setSelectionMode(table->selectionMode());
    m_frozen->setWordWrap(false);
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    m_frozen->setToolTip(table->toolTip());
    // No frame of its own: it must look like the table's first column.
    m_frozen->setFrameShape(QFrame::NoFrame);
    for (int c = 1; c < table->model()->columnCount(); ++c)
        m_frozen->setColumnHidden(c, true);
    table->viewport()->stackUnder(m_frozen);
    syncLook();

    QHeaderView *header = table->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section == 0) {
            m_frozen->setColumnWidth(0, size);
            updateGeometry();
        }
    });
    // Sorting: a click on the frozen header is a click on the table's.
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, header,
            &QHeaderView::sectionClicked);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int section, Qt::SortOrder o) {
        m_frozen->horizontalHeader()->setSortIndicatorShown(section == 0);
        m_frozen->horizontalHeader()->setSortIndicator(section, o);
    });
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged,
            table->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(table->verticalScrollBar(), &QAbstractSlider::valueChanged,
            m_frozen->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(m_frozen, &QAbstractItemView::clicked, table, &QAbstractItemView::clicked);
    connect(m_frozen, &QAbstractItemView::doubleClicked, table, &QAbstractItemView::doubleClicked);
    connect(m_frozen, &QAbstractItemView::activated, table, &QAbstractItemView::activated);
    connect(m_frozen, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (m_table->contextMenuPolicy() == Qt::CustomContextMenu)
            Q_EMIT m_table->customContextMenuRequested(
                m_table->viewport()->mapFromGlobal(m_frozen->viewport()->mapToGlobal(pos)));
    });
    table->installEventFilter(this);
    table->viewport()->installEventFilter(this);
    table->horizontalHeader()->installEventFilter(this);
    updateGeometry();
    m_frozen->show();
}

void FrozenColumn::syncLook()
{
    m_frozen->setFont(m_table->font());
    m_frozen->setAlternatingRowColors(m_table->alternatingRowColors());
    m_frozen->verticalHeader()->setDefaultSectionSize(
        m_table->verticalHeader()->defaultSectionSize());
    m_frozen->horizontalHeader()->setFixedHeight(m_table->horizontalHeader()->height());
    m_frozen->setColumnWidth(0, m_table->columnWidth(0));
    m_frozen->horizontalHeader()->setSortIndicatorShown(
        m_table->horizontalHeader()->isSortIndicatorShown()
        && m_table->horizontalHeader()->sortIndicatorSection() == 0);
    m_frozen->horizontalHeader()->setSortIndicator(
        m_table->horizontalHeader()->sortIndicatorSection(),
        m_table->horizontalHeader()->sortIndicatorOrder());
}

void FrozenColumn::updateGeometry()
{
    const int frame = m_table->frameWidth();
    const int x
        = frame + (m_table->verticalHeader()->isVisible() ? m_table->verticalHeader()->width() : 0);
    m_frozen->setGeometry(x, frame, m_table->columnWidth(0),
                          m_table->viewport()->height() + m_table->horizontalHeader()->height());
    m_frozen->verticalScrollBar()->setValue(m_table->verticalScrollBar()->value());
}

bool FrozenColumn::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutRequest:
        syncLook();
        updateGeometry();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace duplex::server
