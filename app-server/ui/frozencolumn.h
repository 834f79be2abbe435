// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QObject>

class QTableView;

namespace duplex::server {

/// Keeps a table's first column in place while the others scroll sideways (Qt's "Frozen
/// Column" example, without subclassing): a second QTableView over the left edge shows only
/// column 0, shares the model and the selection, and scrolls vertically with the table. Its
/// clicks, double-clicks and context menu requests are the table's.
class FrozenColumn final : public QObject
{
    Q_OBJECT
public:
    /// Installs the overlay on table (owned by it).
    static FrozenColumn *install(QTableView *table);
    QTableView *overlay() const { return m_frozen; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FrozenColumn(QTableView *table);
    void updateGeometry();
    void syncLook();

    QTableView *m_table;
    QTableView *m_frozen;
};

} // namespace duplex::server
