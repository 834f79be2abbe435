// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QDockWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace duplex::client {

class FrameLogModel;

/// The protocol inspector: every frame the client sent and received (pings and pongs
/// included) with time, direction, size and the JSON pretty-printed. This is where a
/// student sees the server push: frames arrive that the client never asked for.
class InspectorDock final : public QDockWidget
{
    Q_OBJECT
public:
    InspectorDock(FrameLogModel *log, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void showDetail();

    FrameLogModel *m_log;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_hideKeepAlive;
    QPlainTextEdit *m_detail;
    bool m_follow = true;
};

} // namespace duplex::client
