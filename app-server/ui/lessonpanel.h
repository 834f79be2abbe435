// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The push-vs-polling lesson in the server window (issue 13): the teacher's switch (the
// whole class on push, long polling or polling every N ms), the live figures side by side
// per transport, a chart of the last minutes with the switch moments, the "300 students
// polling every 500 ms" line, and the selected client's connection timeline. Reads only
// ServerHost's cached figures (fed on each snapshot, ~4 a second) and repaints at most 4
// times a second, only while visible.

#include <lessonstats.h>

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <array>

class QButtonGroup;
class QComboBox;
class QGridLayout;
class QLabel;
class QMainWindow;
class QSpinBox;
class QToolButton;

namespace duplex::server {

class ClientsPanel;
class ConnectionTimeline;
class LessonChart;
class ServerHost;

class LessonPanel final : public QWidget
{
    Q_OBJECT
public:
    /// The figure rows, top to bottom.
    enum Row {
        ClientsRow,
        RequestsRow,
        EmptyRow,
        BytesInRow,
        BytesOutRow,
        PerMessageRow,
        LatencyRow,
        RowCount
    };

    /// host may be null (screenshots): then the switch only shows what it is given.
    explicit LessonPanel(ServerHost *host, QWidget *parent = nullptr);

    /// Feeds one snapshot of the figures taken at tMs (monotonic). The panel does this on
    /// every ServerHost::snapshotsUpdated; tests and screenshots feed synthetic ones.
    void feed(qint64 tMs, const TransportFigures &figures);
    /// Shows the figures now (otherwise a timer does, at most 4 times a second).
    void refreshNow();
    const LessonStats &stats() const { return m_stats; }

    /// The client whose connections the timeline shows (0: none).
    void showClient(quint64 clientId, const QString &nick);
    quint64 client() const { return m_clientId; }
    /// Fetches the shown client's activity now (the timer does this twice a second while
    /// visible).
    void fetchActivity();
    ConnectionTimeline *timeline() const { return m_timeline; }
    LessonChart *chart() const { return m_chart; }

    /// What the switch shows (it follows ServerHost::classTransportChanged).
    ClassTransport shownClassTransport() const;
    void showClassTransport(const ClassTransport &transport);

    /// The text a figure cell shows (tests).
    QString cellText(Row row, Transport transport) const;
    QString projectionText() const;

    static QString formatShare(double share);
    static QString formatLatency(double p50Ms, double p99Ms);
    static QString formatBytesPerUnit(double bytes);

    /// Puts the panel into a dock of the window ("Push vs polling", beside the live
    /// statistics) and makes its timeline follow the clients table's selection.
    static LessonPanel *install(QMainWindow *window, ServerHost *host, ClientsPanel *clients);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applySwitch();
    void scheduleRefresh();
    void applyFonts();
    void updateClassLabel();
    void updateTimelineTitle();

    ServerHost *m_host;
    LessonStats m_stats;
    QElapsedTimer m_clock;
    QTimer m_repaint;
    QTimer m_activityTimer;
    quint64 m_clientId = 0;
    QString m_clientNick;
    quint64 m_clientSession = 0; ///< followed across its connections (0: not welcomed yet)

    QButtonGroup *m_modes;
    QToolButton *m_pushButton;
    QToolButton *m_longPollButton;
    QToolButton *m_pollButton;
    QSpinBox *m_interval;
    QLabel *m_classLabel;
    std::array<QLabel *, TransportCount> m_headers {};
    std::array<QLabel *, RowCount> m_rowLabels {};
    std::array<std::array<QLabel *, TransportCount>, RowCount> m_cells {};
    QLabel *m_cpu;
    QLabel *m_projection;
    QComboBox *m_series;
    LessonChart *m_chart;
    QLabel *m_timelineTitle;
    QLabel *m_timelineLegend;
    ConnectionTimeline *m_timeline;
};

} // namespace duplex::server
