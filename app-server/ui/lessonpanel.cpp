// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "lessonpanel.h"

#include "clientspanel.h"
#include "connectiontimeline.h"
#include "lessonchart.h"
#include "statspanel.h"

#include <clientmodel.h>
#include <serverhost.h>

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace duplex::server {

namespace {

constexpr int RepaintMs = 250;  // at most 4 repaints a second
constexpr int ActivityMs = 500; // at most 2 activity fetches a second
constexpr double BigScale = 1.6;

QString bytesRate(double v)
{
    return StatsPanel::formatByteRate(v);
}

} // namespace

QString LessonPanel::formatShare(double share)
{
    if (share < 0)
        return QStringLiteral("–");
    const double pct = share * 100.0;
    return tr("%1 %").arg(pct, 0, 'f', pct > 0 && pct < 10 ? 1 : 0);
}

QString LessonPanel::formatLatency(double p50Ms, double p99Ms)
{
    if (p50Ms < 0)
        return QStringLiteral("–");
    const auto ms = [](double v) { return QString::number(v, 'f', v < 1 ? 2 : v < 10 ? 1 : 0); };
    return tr("%1 / %2 ms").arg(ms(p50Ms), ms(p99Ms));
}

QString LessonPanel::formatBytesPerUnit(double bytes)
{
    if (bytes < 0)
        return QStringLiteral("–");
    return ClientModel::formatBytes(qRound64(bytes));
}

LessonPanel::LessonPanel(ServerHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_modes(new QButtonGroup(this))
    , m_pushButton(new QToolButton(this))
    , m_longPollButton(new QToolButton(this))
    , m_pollButton(new QToolButton(this))
    , m_interval(new QSpinBox(this))
    , m_classLabel(new QLabel(this))
    , m_cpu(new QLabel(this))
    , m_projection(new QLabel(this))
    , m_series(new QComboBox(this))
    , m_chart(new LessonChart(this))
    , m_timelineTitle(new QLabel(this))
    , m_timelineLegend(new QLabel(this))
    , m_timeline(new ConnectionTimeline(this))
{
    setObjectName(QStringLiteral("lessonPanel"));
    m_clock.start();

    // --- the teacher's switch -----------------------------------------------------------
    const auto setup = [this](QToolButton *b, const char *name, const QString &text,
                              const QString &tip, Transport mode) {
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setToolTip(tip);
        b->setCheckable(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        // The mode the class is on stands out from the back row: its column's colour.
        b->setStyleSheet(QStringLiteral("QToolButton { padding: 3px 8px; }"
                                        "QToolButton:checked { background: %1; color: white; "
                                        "border: 1px solid %1; border-radius: 3px; }")
                             .arg(LessonChart::transportColor(mode).name()));
        m_modes->addButton(b, int(mode));
    };
    setup(m_pushButton, "switchPush", tr("Push (WebSocket)"),
          tr("Every client keeps one WebSocket open; the server writes to it the moment "
             "there is something new. No requests."),
          Transport::Push);
    setup(m_longPollButton, "switchLongPoll", tr("Long polling"),
          tr("Every client sends an HTTP request that the server holds until there is "
             "something new (or 30 s pass), then asks again at once."),
          Transport::LongPoll);
    setup(m_pollButton, "switchPoll", tr("Polling every"),
          tr("Every client asks the server \"anything new?\" with an HTTP request every N ms, "
             "whether there is something or not."),
          Transport::Poll);
    m_modes->setExclusive(true);
    m_interval->setObjectName(QStringLiteral("pollInterval"));
    m_interval->setRange(100, 10000);
    m_interval->setSingleStep(100);
    m_interval->setValue(500);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setKeyboardTracking(false); // one switch per typed value, not per digit
    m_interval->setToolTip(tr("How often each client polls when the class is on polling "
                              "(the tutorials' example: 500 ms)."));
    m_classLabel->setObjectName(QStringLiteral("classTransportLabel"));
    m_classLabel->setTextFormat(Qt::PlainText);
    m_classLabel->setToolTip(tr("What the whole class uses now. Clients that cannot switch "
                                "keep what they have; the Clients row shows where everyone "
                                "really is."));
    auto *switchRow = new QHBoxLayout;
    auto *switchTitle = new QLabel(tr("Switch the class to:"), this);
    switchRow->addWidget(switchTitle);
    switchRow->addWidget(m_pushButton);
    switchRow->addWidget(m_longPollButton);
    switchRow->addWidget(m_pollButton);
    switchRow->addWidget(m_interval);
    switchRow->addStretch(1);
    connect(m_modes, &QButtonGroup::idClicked, this, [this] { applySwitch(); });
    connect(m_interval, &QSpinBox::valueChanged, this, [this] {
        if (m_pollButton->isChecked())
            applySwitch();
    });

    // --- the figures, one column per transport -------------------------------------------
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(4);
    const QList<QPair<QString, QString>> rows = {
        {tr("Clients"), tr("Clients on this transport now.")},
        {tr("Requests/s"),
         tr("HTTP requests per second, over the last second. Push makes none: the connection "
            "stays open and the server writes when it has something.")},
        {tr("Empty responses"),
         tr("Share of poll responses that brought nothing: the cost of asking when there is "
            "nothing new.")},
        {tr("Bytes/s in"),
         tr("Bytes per second from the clients to the server on the wire: HTTP heads and "
            "WebSocket framing counted.")},
        {tr("Bytes/s out"),
         tr("Bytes per second from the server to the clients on the wire: HTTP heads and "
            "WebSocket framing counted.")},
        {tr("Bytes per message"),
         tr("Wire bytes (both directions, over the last second) per message delivered to a "
            "client. Empty polls and pings make it grow.")},
        {tr("Latency p50 / p99"),
         tr("Delivery latency over the last 5 seconds: from the moment a message is stored "
            "to the moment its bytes are written to the client. Half of the deliveries took "
            "at most p50, 99 in 100 at most p99.")},
    };
    for (int r = 0; r < RowCount; ++r) {
        auto *label = new QLabel(rows.at(r).first, this);
        label->setToolTip(rows.at(r).second);
        label->setObjectName(QStringLiteral("lessonRow_%1").arg(r));
        m_rowLabels[size_t(r)] = label;
        grid->addWidget(label, r + 1, 0);
    }
    for (int t = 0; t < TransportCount; ++t) {
        const QString key = transportStatsKey(Transport(t));
        auto *h = new QLabel(LessonChart::transportName(Transport(t)), this);
        h->setObjectName(QStringLiteral("lessonHeader_%1").arg(key));
        h->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QPalette pal = h->palette();
        pal.setColor(QPalette::WindowText, LessonChart::transportColor(Transport(t)));
        h->setPalette(pal);
        m_headers[size_t(t)] = h;
        grid->addWidget(h, 0, t + 1);
        for (int r = 0; r < RowCount; ++r) {
            auto *cell = new QLabel(QStringLiteral("–"), this);
            cell->setObjectName(QStringLiteral("lessonCell_%1_%2").arg(r).arg(key));
            cell->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            cell->setTextFormat(Qt::PlainText);
            cell->setToolTip(rows.at(r).second);
            m_cells[size_t(r)][size_t(t)] = cell;
            grid->addWidget(cell, r + 1, t + 1);
        }
    }
    grid->setColumnStretch(0, 1);
    for (int t = 0; t < TransportCount; ++t)
        grid->setColumnStretch(t + 1, 1);

    m_cpu->setObjectName(QStringLiteral("lessonCpu"));
    m_cpu->setTextFormat(Qt::PlainText);
    m_cpu->setToolTip(tr("The server process's CPU time per second of wall time, over the last "
                         "second, in % of one core (100 % = one core fully busy). It covers "
                         "the whole server: every transport and this window."));
    m_projection->setObjectName(QStringLiteral("lessonProjection"));
    m_projection->setTextFormat(Qt::PlainText);
    m_projection->setWordWrap(true);
    m_projection->setFrameShape(QFrame::StyledPanel);
    m_projection->setMargin(6);

    // --- the chart -------------------------------------------------------------------------
    m_series->setObjectName(QStringLiteral("lessonChartSeries"));
    m_series->addItem(tr("Bytes/s on the wire (both directions)"));
    m_series->addItem(tr("Requests/s"));
    m_series->setToolTip(tr("What the chart shows per transport over the last five minutes. "
                            "Dashed lines: the moments the class was switched."));
    connect(m_series, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_chart->setSeries(i == 1 ? LessonChart::Series::Requests : LessonChart::Series::Bytes);
    });
    auto *chartRow = new QHBoxLayout;
    chartRow->addWidget(new QLabel(tr("Last 5 minutes:"), this));
    chartRow->addWidget(m_series);
    chartRow->addStretch(1);

    // --- the timeline --------------------------------------------------------------------
    m_timelineTitle->setObjectName(QStringLiteral("timelineTitle"));
    m_timelineTitle->setTextFormat(Qt::PlainText); // it names a client
    m_timelineLegend->setObjectName(QStringLiteral("timelineLegend"));
    m_timelineLegend->setTextFormat(Qt::PlainText);
    m_timelineLegend->setWordWrap(true);
    m_timelineLegend->setText(
        tr("A WebSocket is one long bar: one connection, opened once; its ticks are frames "
           "(above: to the client, below: from it). Polling is a row of short bars, one HTTP "
           "request each: filled when the response brought messages, hollow when it came back "
           "empty, dashed while the server holds it. Point at a bar for its size."));
    m_timeline->setToolTip({});
    m_activityTimer.setInterval(ActivityMs);
    connect(&m_activityTimer, &QTimer::timeout, this, [this] { fetchActivity(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(8);
    layout->addLayout(switchRow);
    layout->addWidget(m_classLabel);
    layout->addLayout(grid);
    layout->addWidget(m_cpu);
    layout->addWidget(m_projection);
    layout->addLayout(chartRow);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_timelineTitle);
    layout->addWidget(m_timeline);
    layout->addWidget(m_timelineLegend);

    m_repaint.setSingleShot(true);
    m_repaint.setInterval(RepaintMs);
    connect(&m_repaint, &QTimer::timeout, this, [this] { refreshNow(); });

    if (m_host) {
        connect(m_host, &ServerHost::snapshotsUpdated, this,
                [this] { feed(m_clock.elapsed(), m_host->transportFigures()); });
        connect(m_host, &ServerHost::classTransportChanged, this,
                [this](const ClassTransport &t) { showClassTransport(t); });
        showClassTransport(m_host->classTransport());
        feed(m_clock.elapsed(), m_host->transportFigures());
    } else {
        showClassTransport({});
    }
    showClient(0, {});
    applyFonts();
    refreshNow();
}

ClassTransport LessonPanel::shownClassTransport() const
{
    ClassTransport t;
    t.mode = Transport(qMax(0, m_modes->checkedId()));
    t.intervalMs = m_interval->value();
    return t;
}

void LessonPanel::showClassTransport(const ClassTransport &transport)
{
    const QSignalBlocker blockButtons(m_modes);
    const QSignalBlocker blockInterval(m_interval);
    if (QAbstractButton *b = m_modes->button(int(transport.mode)))
        b->setChecked(true);
    m_interval->setValue(transport.intervalMs); // kept for the next switch to polling
    updateClassLabel();
}

void LessonPanel::updateClassLabel()
{
    const ClassTransport t = shownClassTransport();
    m_classLabel->setText(tr("The class is on: %1").arg(LessonChart::modeLabel(t)));
    QPalette pal = m_classLabel->palette();
    pal.setColor(QPalette::WindowText, LessonChart::transportColor(t.mode));
    m_classLabel->setPalette(pal);
    for (int i = 0; i < TransportCount; ++i) {
        QFont f = m_headers[size_t(i)]->font();
        f.setUnderline(Transport(i) == t.mode);
        m_headers[size_t(i)]->setFont(f);
    }
}

void LessonPanel::applySwitch()
{
    const ClassTransport t = shownClassTransport();
    updateClassLabel();
    // Not compared with ServerHost's cache: a snapshot taken just before the last switch can
    // still be on its way and show the old mode for a moment. The engine ignores a no-op.
    if (m_host)
        m_host->setClassTransport(t);
}

void LessonPanel::feed(qint64 tMs, const TransportFigures &figures)
{
    m_stats.add(tMs, figures);
    scheduleRefresh();
}

void LessonPanel::scheduleRefresh()
{
    // Batched: however often snapshots come, at most one repaint per RepaintMs, none while
    // hidden (showEvent catches up).
    if (isVisible() && !m_repaint.isActive())
        m_repaint.start();
}

QString LessonPanel::cellText(Row row, Transport transport) const
{
    return m_cells[size_t(row)][size_t(transport)]->text();
}

QString LessonPanel::projectionText() const
{
    return m_projection->text();
}

void LessonPanel::refreshNow()
{
    const LessonStats::Now &now = m_stats.now();
    const bool rates = m_stats.hasRates();
    for (int t = 0; t < TransportCount; ++t) {
        const LessonStats::Rates &r = now.transports[size_t(t)];
        const auto set
            = [&](Row row, const QString &text) { m_cells[size_t(row)][size_t(t)]->setText(text); };
        set(ClientsRow, QString::number(r.clients));
        set(RequestsRow, rates ? StatsPanel::formatRate(r.requestsPerSec) : QStringLiteral("–"));
        set(EmptyRow, formatShare(r.emptyShare));
        set(BytesInRow, rates ? bytesRate(r.bytesInPerSec) : QStringLiteral("–"));
        set(BytesOutRow, rates ? bytesRate(r.bytesOutPerSec) : QStringLiteral("–"));
        set(PerMessageRow, formatBytesPerUnit(r.bytesPerMessage));
        set(LatencyRow, formatLatency(r.p50Ms, r.p99Ms));
    }
    m_cpu->setText(now.cpuPercent < 0
                       ? tr("Server CPU: –")
                       : tr("Server CPU: %1 % of one core")
                             .arg(now.cpuPercent, 0, 'f', now.cpuPercent < 10 ? 1 : 0));

    const LessonStats::Projection p = m_stats.projection(300, 500);
    const QString pollSide = p.pollBytesPerSec < 0
        ? tr("300 students polling every 500 ms: %1 requests/s (switch the class to polling "
             "for a few seconds to measure what a request costs)")
              .arg(qRound(p.pollRequestsPerSec))
        : tr("300 students polling every 500 ms: %1 requests/s, %2, %3 of them empty")
              .arg(qRound(p.pollRequestsPerSec))
              .arg(bytesRate(p.pollBytesPerSec), formatShare(p.pollEmptyShare));
    const QString pushSide = p.pushBytesPerSec < 0
        ? tr("The same class on push: 0 requests/s (measured once a client is on push)")
        : tr("The same class on push: 0 requests/s, %1").arg(bytesRate(p.pushBytesPerSec));
    QString line = pollSide + QLatin1Char('\n') + pushSide;
    if (p.factor > 0)
        line += tr(": polling costs %1× the bytes").arg(p.factor, 0, 'f', p.factor < 10 ? 1 : 0);
    m_projection->setText(line);
    m_projection->setToolTip(
        tr("How this line is worked out from what the panel measures now:\n"
           "• Polling: 300 students × (1000 ms ÷ 500 ms) = %1 requests per second.\n"
           "  One poll request cost %2 on the wire (request and response, HTTP heads "
           "included, what the responses carried included), averaged over the Polling "
           "column's last 5 s: %1 × %2 = %3.\n"
           "• Push: one push client cost %4 on the wire over the last 5 s (messages, pings, "
           "WebSocket framing): 300 × %4 = %5. Push sends no requests.\n"
           "Both sides assume each student receives what the measured students received. "
           "A column without clients keeps its last measurement; – means not measured yet.")
            .arg(qRound(p.pollRequestsPerSec))
            .arg(formatBytesPerUnit(p.bytesPerPollRequest),
                 p.pollBytesPerSec < 0 ? QStringLiteral("–") : bytesRate(p.pollBytesPerSec),
                 p.pushBytesPerClientPerSec < 0 ? QStringLiteral("–")
                                                : bytesRate(p.pushBytesPerClientPerSec),
                 p.pushBytesPerSec < 0 ? QStringLiteral("–") : bytesRate(p.pushBytesPerSec)));

    m_chart->setData(m_stats.history(), m_stats.switches(), now.tMs);
}

void LessonPanel::showClient(quint64 clientId, const QString &nick)
{
    // The shown student's row vanished (its connection ended: a class switched to another
    // transport, a reconnect), which also empties the table's selection: keep following the
    // session, fetchActivity() picks up its next connection. Only a deselection clears it.
    if (clientId == 0 && m_clientId != 0 && m_host && m_clientSession != 0
        && !m_host->client(m_clientId))
        return;
    m_clientId = clientId;
    m_clientNick = nick;
    m_clientSession = 0;
    // The engine's nick, not what the table shows for a client without one.
    if (m_host && clientId != 0) {
        if (const auto info = m_host->client(clientId)) {
            m_clientNick = info->nick;
            m_clientSession = info->sessionId;
        }
    }
    updateTimelineTitle();
    if (clientId == 0) {
        m_activityTimer.stop();
        m_timeline->clear();
        return;
    }
    if (isVisible()) {
        fetchActivity();
        m_activityTimer.start();
    }
}

void LessonPanel::updateTimelineTitle()
{
    m_timelineTitle->setText(
        m_clientId == 0 ? tr("What persistent means: select a client")
                        : tr("What persistent means: %1, the last %2 s")
                              .arg(m_clientNick.isEmpty() ? tr("(no nick yet)") : m_clientNick)
                              .arg(m_timeline->spanMs() / 1000));
}

void LessonPanel::fetchActivity()
{
    if (!m_host || m_clientId == 0)
        return;
    // A student switched to another transport (or reconnected) comes back as a new
    // connection of the same session: follow the session, not the nick (a nick taken again
    // after its owner left is someone else's session).
    if (!m_host->client(m_clientId)) {
        const QList<ClientInfo> clients = m_host->clients();
        for (const ClientInfo &c : clients) {
            if (m_clientSession != 0 && c.sessionId == m_clientSession) {
                m_clientId = c.id;
                break;
            }
        }
        if (!m_host->client(m_clientId))
            return; // not back yet (or gone for good): keep the last picture
    }
    // Selected before its hello was through: the nick and session arrive later.
    if (const auto info = m_host->client(m_clientId)) {
        if (m_clientSession == 0)
            m_clientSession = info->sessionId;
        if (!info->nick.isEmpty() && info->nick != m_clientNick) {
            m_clientNick = info->nick; // a rename keeps the session
            updateTimelineTitle();
        }
    }
    m_timeline->setActivity(m_host->activity(m_clientId), QDateTime::currentMSecsSinceEpoch());
}

void LessonPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshNow();
    if (m_clientId != 0) {
        fetchActivity();
        m_activityTimer.start();
    }
}

void LessonPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_activityTimer.stop();
    m_repaint.stop();
}

void LessonPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts(); // projector mode: the big numbers grow with the window's font
}

void LessonPanel::applyFonts()
{
    const double base = font().pointSizeF() > 0 ? font().pointSizeF() : 10.0;
    QFont big = font();
    big.setPointSizeF(base * BigScale);
    big.setBold(true);
    for (auto &row : m_cells) {
        for (QLabel *cell : row)
            cell->setFont(big);
    }
    QFont header = font();
    header.setPointSizeF(base * 1.2);
    header.setBold(true);
    for (QLabel *h : m_headers)
        h->setFont(header);
    m_classLabel->setFont(header);
    // The switch's buttons carry a style sheet, and a widget with a style sheet no longer
    // follows its parent's font by itself (docs/qt-notes.md): give them the panel's.
    for (QToolButton *b : {m_pushButton, m_longPollButton, m_pollButton})
        b->setFont(font());
    QFont rowFont = font();
    rowFont.setPointSizeF(base * 1.1);
    for (QLabel *l : m_rowLabels)
        l->setFont(rowFont);
    QFont cpu = font();
    cpu.setPointSizeF(base * 1.2);
    m_cpu->setFont(cpu);
    QFont projection = font();
    projection.setPointSizeF(base * 1.15);
    projection.setBold(true);
    m_projection->setFont(projection);
    updateClassLabel(); // the underline of the current column
}

LessonPanel *LessonPanel::install(QMainWindow *window, ServerHost *host, ClientsPanel *clients)
{
    auto *panel = new LessonPanel(host, window);
    auto *scroll = new QScrollArea(window);
    scroll->setObjectName(QStringLiteral("lessonScroll"));
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *dock = new QDockWidget(tr("Push vs polling"), window);
    dock->setObjectName(QStringLiteral("lessonDock"));
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto *stats = window->findChild<QDockWidget *>(QStringLiteral("statsDock"))) {
        window->tabifyDockWidget(stats, dock);
        stats->raise(); // the lesson opens when the teacher gets to it
    }
    // Brought to the front in its narrow column: widen the column so the three transports
    // fit side by side (the teacher is now teaching with it; dragging it back is one move).
    QObject::connect(dock, &QDockWidget::visibilityChanged, panel, [window, dock, panel](bool on) {
        if (!on || dock->isFloating())
            return;
        // After the tab switch has settled (the layout is not final inside this signal).
        QTimer::singleShot(0, panel, [window, dock, panel] {
            const int bar = panel->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
            const int want
                = qMin(panel->sizeHint().width() + bar + 16, int(window->width() * 0.55));
            if (dock->width() < want)
                window->resizeDocks({dock}, {want}, Qt::Horizontal);
            // The rooms above give it most of the column's height.
            auto *rooms = window->findChild<QDockWidget *>(QStringLiteral("roomsDock"));
            if (rooms && rooms->isVisible() && !rooms->isFloating()
                && window->dockWidgetArea(rooms) == window->dockWidgetArea(dock)
                && rooms->height() > dock->height() / 3) {
                const int both = rooms->height() + dock->height();
                window->resizeDocks({rooms, dock}, {both / 5, both - both / 5}, Qt::Vertical);
            }
        });
    });
    if (clients)
        QObject::connect(clients, &ClientsPanel::selectionChanged, panel, &LessonPanel::showClient);
    return panel;
}

} // namespace duplex::server
