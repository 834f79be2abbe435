// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "trafficpanel.h"

#include "uiutil.h"

#include <clientmodel.h>
#include <trafficmodel.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace duplex::server {

namespace {

// Adds what only a GUI knows (icons, colours) to the core model's rows.
class TrafficDecorator final : public QIdentityProxyModel
{
public:
    explicit TrafficDecorator(QObject *parent)
        : QIdentityProxyModel(parent)
        , m_in(icon(QStringLiteral("arrow-in"), QColor(0x2e, 0x7d, 0x32), true))
        , m_out(icon(QStringLiteral("arrow-out"), QColor(0x15, 0x65, 0xc0), false))
        , m_event(uiIcon(QStringLiteral("event")))
    {
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == TrafficModel::DirectionColumn
            && (role == Qt::DecorationRole || role == Qt::ForegroundRole)) {
            const auto d = TrafficDirection(index.data(TrafficModel::DirectionRole).toInt());
            if (role == Qt::DecorationRole)
                return d == TrafficDirection::In ? m_in
                    : d == TrafficDirection::Out ? m_out
                                                 : m_event;
            return QBrush(d == TrafficDirection::In        ? QColor(0x2e, 0x7d, 0x32)
                              : d == TrafficDirection::Out ? QColor(0x15, 0x65, 0xc0)
                                                           : QColor(0x75, 0x75, 0x75));
        }
        if (role == Qt::ForegroundRole
            && TrafficDirection(index.data(TrafficModel::DirectionRole).toInt())
                == TrafficDirection::Event)
            return QBrush(QColor(0x61, 0x61, 0x61));
        return QIdentityProxyModel::data(index, role);
    }

private:
    static QIcon icon(const QString &name, QColor color, bool right)
    {
        QIcon fromTheme = uiIcon(name);
        if (!fromTheme.isNull())
            return fromTheme;
        // Fallback: a plain arrow, so the direction is never only a word.
        QPixmap pm(16, 16);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(color, 2));
        p.drawLine(2, 8, 14, 8);
        if (right)
            p.drawPolyline(QPolygon({QPoint(9, 3), QPoint(14, 8), QPoint(9, 13)}));
        else
            p.drawPolyline(QPolygon({QPoint(7, 3), QPoint(2, 8), QPoint(7, 13)}));
        return QIcon(pm);
    }
    QIcon m_in, m_out, m_event;
};

// Refreshes its items right before it opens, so the client list is never stale.
class ClientCombo final : public QComboBox
{
public:
    ClientCombo(std::function<void()> refresh, QWidget *parent)
        : QComboBox(parent)
        , m_refresh(std::move(refresh))
    {
    }
    void showPopup() override
    {
        m_refresh();
        QComboBox::showPopup();
    }

private:
    std::function<void()> m_refresh;
};

} // namespace

TrafficPanel::TrafficPanel(TrafficModel *model, ClientModel *clients, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_clients(clients)
    , m_table(new QTableView(this))
    , m_clientFilter(new ClientCombo([this] { refreshClientFilter(); }, this))
    , m_typeFilter(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_hideKeepAlive(new QCheckBox(tr("Hide keep-alive"), this))
    , m_pause(new QToolButton(this))
    , m_badge(new QLabel(this))
    , m_clear(new QToolButton(this))
    , m_export(new QToolButton(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("trafficPanel"));
    auto *decorator = new TrafficDecorator(this);
    decorator->setSourceModel(m_model);

    m_table->setObjectName(QStringLiteral("trafficTable"));
    m_table->setModel(decorator);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and no resize-to-contents: the view never measures all rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    {
        // Sensible widths from the font, not from the rows (measuring rows is O(rows)).
        const QFontMetrics fm = m_table->fontMetrics();
        QHeaderView *h = m_table->horizontalHeader();
        h->resizeSection(TrafficModel::TimeColumn,
                         fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 14);
        // The widest of the (translated) words and the header: "Richtung" was cut off.
        int direction
            = h->fontMetrics().horizontalAdvance(
                  m_model->headerData(TrafficModel::DirectionColumn, Qt::Horizontal).toString())
            + 12;
        for (const QString &word :
             {TrafficModel::tr("in"), TrafficModel::tr("out"), TrafficModel::tr("event")})
            direction = qMax(direction, fm.horizontalAdvance(word) + 36);
        h->resizeSection(TrafficModel::DirectionColumn, direction);
        h->resizeSection(TrafficModel::ClientColumn,
                         fm.horizontalAdvance(QStringLiteral("(fan-out)M")) + 12);
        h->resizeSection(TrafficModel::TypeColumn,
                         fm.horizontalAdvance(QStringLiteral("presence")) + 16);
        h->resizeSection(TrafficModel::BytesColumn,
                         fm.horizontalAdvance(QStringLiteral("Bytes99")) + 8);
        h->resizeSection(TrafficModel::RecipientsColumn,
                         fm.horizontalAdvance(TrafficModel::tr("→ %n clients", nullptr, 99)) + 12);
    }
    m_table->setToolTip(tr("Every WebSocket frame the server received (in) or pushed (out). "
                           "A fan-out row is ONE frame sent to many clients."));

    m_clientFilter->setObjectName(QStringLiteral("trafficClientFilter"));
    m_clientFilter->setToolTip(tr("Show only the frames of one client."));
    // Not AdjustToContents: that measures every item (1000 nicks) on each change.
    m_clientFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_clientFilter->setMinimumContentsLength(12);
    m_typeFilter->setObjectName(QStringLiteral("trafficTypeFilter"));
    m_typeFilter->setToolTip(tr("Show only one message type."));
    m_typeFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_textFilter->setObjectName(QStringLiteral("trafficTextFilter"));
    m_textFilter->setPlaceholderText(tr("Filter text…"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->setToolTip(tr("Show only frames containing this text."));
    m_hideKeepAlive->setObjectName(QStringLiteral("hideKeepAlive"));
    m_hideKeepAlive->setToolTip(tr("Hide ping, pong and typing frames: the noise that keeps "
                                   "connections alive."));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pause->setToolTip(tr("Freeze the view to read it; frames keep being recorded."));
    m_badge->setObjectName(QStringLiteral("pauseBadge"));
    m_badge->setToolTip(tr("Frames recorded while the view is paused."));
    m_badge->setStyleSheet(QStringLiteral(
        "QLabel { background: #c62828; color: white; border-radius: 8px; padding: 1px 7px; "
        "font-weight: bold; }"));
    m_badge->setTextFormat(Qt::PlainText);
    m_clear->setObjectName(QStringLiteral("clearTrafficButton"));
    m_clear->setText(tr("Clear"));
    m_clear->setIcon(uiIcon(QStringLiteral("clear")));
    m_clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clear->setToolTip(tr("Empty the traffic log."));
    m_export->setObjectName(QStringLiteral("exportTrafficButton"));
    m_export->setText(tr("Export…"));
    m_export->setIcon(uiIcon(QStringLiteral("export")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setToolTip(tr("Save the rows shown as a JSON Lines file (one frame per line)."));

    m_detail->setObjectName(QStringLiteral("trafficDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(monospaceFont());
    m_detail->setPlaceholderText(tr("Select a row to see the frame's JSON."));
    m_detail->setToolTip(tr("The selected frame, exactly as JSON, pretty-printed."));

    auto *title = new QLabel(tr("Traffic"), this);
    QFont bold; // only the weight: size follows the window (projector mode)
    bold.setBold(true);
    title->setFont(bold);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_pause);
    bar->addWidget(m_badge);
    bar->addWidget(m_clear);
    bar->addWidget(m_export);
    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_clientFilter);
    filters->addWidget(m_typeFilter);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_hideKeepAlive);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_table);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("trafficSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    refreshClientFilter();
    refreshTypeFilter();
    updatePauseUi();

    connect(m_clientFilter, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(m_textFilter, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_hideKeepAlive, &QCheckBox::toggled, this, [this] { applyFilter(); });
    connect(m_pause, &QToolButton::toggled, this, [this](bool on) { m_model->setPaused(on); });
    connect(m_model, &TrafficModel::pausedChanged, this, [this] { updatePauseUi(); });
    connect(m_model, &TrafficModel::pendingCountChanged, this, [this] { updatePauseUi(); });
    connect(m_model, &TrafficModel::knownTypesChanged, this, [this] { refreshTypeFilter(); });
    connect(m_clear, &QToolButton::clicked, this, [this] {
        m_model->clear();
        m_detail->clear();
    });
    connect(m_export, &QToolButton::clicked, this, [this] { exportToFile(); });
    // Keep the list current while it is short; with hundreds of clients it is rebuilt only
    // when it opens (showPopup), so a connect storm does not rebuild a 1000-item combo.
    auto refreshIfSmall = [this] {
        if (m_clients->rowCount() <= 100 || m_clientFilter->count() <= 101)
            refreshClientFilter();
    };
    connect(m_clients, &QAbstractItemModel::rowsInserted, this, refreshIfSmall);
    connect(m_clients, &QAbstractItemModel::rowsRemoved, this, refreshIfSmall);
    connect(m_clients, &QAbstractItemModel::dataChanged, this, refreshIfSmall);

    // Follow the newest rows only when the user is already looking at the bottom.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *sb = m_table->verticalScrollBar();
        m_atBottom = sb->value() >= sb->maximum() - 2;
    });
    connect(m_model, &TrafficModel::batchInserted, this, [this] {
        if (m_atBottom)
            m_table->scrollToBottom();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showDetail(); });
}

void TrafficPanel::setCompact(bool on)
{
    // The byte count is the least needed on a projector: room for the summary.
    m_table->setColumnHidden(TrafficModel::BytesColumn, on);
}

void TrafficPanel::applyFilter()
{
    TrafficModel::Filter f;
    f.clientId = m_clientFilter->currentData().value<quint64>();
    f.type = m_typeFilter->currentData().toString();
    f.text = m_textFilter->text();
    f.hideKeepAlive = m_hideKeepAlive->isChecked();
    m_model->setFilter(f);
}

void TrafficPanel::refreshClientFilter()
{
    // Cheap path (every snapshot): same clients in the same order, only names may change.
    if (m_clientFilter->count() == m_clients->rowCount() + 1) {
        bool same = true;
        for (int r = 0; r < m_clients->rowCount() && same; ++r)
            same = m_clientFilter->itemData(r + 1).value<quint64>() == m_clients->idAt(r);
        if (same) {
            for (int r = 0; r < m_clients->rowCount(); ++r) {
                const QString nick = m_clients->index(r, ClientModel::NickColumn).data().toString();
                if (m_clientFilter->itemText(r + 1) != nick)
                    m_clientFilter->setItemText(r + 1, nick);
            }
            return;
        }
    }
    const quint64 current = m_clientFilter->currentData().value<quint64>();
    const QSignalBlocker block(m_clientFilter);
    m_clientFilter->clear();
    m_clientFilter->addItem(tr("All clients"), QVariant::fromValue(quint64(0)));
    for (int r = 0; r < m_clients->rowCount(); ++r) {
        const quint64 id = m_clients->idAt(r);
        m_clientFilter->addItem(m_clients->index(r, ClientModel::NickColumn).data().toString(),
                                QVariant::fromValue(id));
    }
    int at = m_clientFilter->findData(QVariant::fromValue(current));
    if (at < 0 && current != 0) {
        // Keep a filter on a client that has left: its rows are still in the log.
        m_clientFilter->addItem(tr("(gone) #%1").arg(current), QVariant::fromValue(current));
        at = m_clientFilter->count() - 1;
    }
    m_clientFilter->setCurrentIndex(qMax(0, at));
}

void TrafficPanel::refreshTypeFilter()
{
    const QString current = m_typeFilter->currentData().toString();
    const QSignalBlocker block(m_typeFilter);
    m_typeFilter->clear();
    m_typeFilter->addItem(tr("All types"), QString());
    for (const QString &t : m_model->knownTypes())
        m_typeFilter->addItem(t, t);
    m_typeFilter->setCurrentIndex(qMax(0, m_typeFilter->findData(current)));
}

void TrafficPanel::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    m_detail->setPlainText(m_model->prettyJsonAt(current.row()));
}

void TrafficPanel::updatePauseUi()
{
    const bool paused = m_model->isPaused();
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(paused);
    }
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(uiIcon(paused ? QStringLiteral("play") : QStringLiteral("pause")));
    const int pending = m_model->pendingCount();
    m_badge->setText(paused ? QStringLiteral("+%1").arg(pending) : QString());
    m_badge->setVisible(paused);
}

void TrafficPanel::exportToFile()
{
    // What goes into a file that may be passed around: resume tokens are secrets.
    QDialog ask(this);
    ask.setObjectName(QStringLiteral("exportOptions"));
    ask.setWindowTitle(tr("Export traffic"));
    auto *tokens = new QCheckBox(tr("Include resume tokens (secrets: whoever has one can take "
                                    "over that student's session)"),
                                 &ask);
    tokens->setObjectName(QStringLiteral("exportTokens"));
    auto *wire
        = new QCheckBox(tr("Include the bytes on the wire (from the frame X-ray's tap)"), &ask);
    wire->setObjectName(QStringLiteral("exportWire"));
    wire->setEnabled(m_wire);
    wire->setChecked(m_wire && m_wire->size() > 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto *layout = new QVBoxLayout(&ask);
    layout->addWidget(tokens);
    layout->addWidget(wire);
    layout->addWidget(buttons);
    if (ask.exec() != QDialog::Accepted)
        return;
    TrafficExportOptions options;
    options.includeTokens = tokens->isChecked();
    options.wire = wire->isChecked() ? m_wire : nullptr;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export traffic"),
                                                      QStringLiteral("duplex-traffic.jsonl"),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!exportTo(path, options))
        QMessageBox::warning(this, tr("Export traffic"), tr("Could not write %1.").arg(path));
}

bool TrafficPanel::exportTo(const QString &path, const TrafficExportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    m_model->exportJsonLines(&file, options);
    return file.error() == QFile::NoError;
}

} // namespace duplex::server
