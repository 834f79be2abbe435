// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "classcontrolui.h"

#include "uiutil.h"

#include <names.h>
#include <serverhost.h>
#include <transcript.h>

#include <QAction>
#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace duplex::server {

namespace {

QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

// --- Kick ------------------------------------------------------------------------------------

KickDialog::KickDialog(const QString &nick, double banMinutes, QWidget *parent)
    : QInputDialog(parent)
    , m_banRow(new QWidget(this))
    , m_ban(new QDoubleSpinBox(m_banRow))
{
    setObjectName(QStringLiteral("kickReasonDialog"));
    setWindowTitle(tr("Kick %1").arg(nick));
    setLabelText(tr("Reason (the client sees it in the close frame, code 4001):"));
    setTextValue(tr("Kicked by the teacher"));
    m_ban->setObjectName(QStringLiteral("kickBanMinutes"));
    m_ban->setRange(0, 10080);
    m_ban->setDecimals(0);
    m_ban->setSuffix(tr(" min"));
    m_ban->setSpecialValueText(tr("no ban"));
    m_ban->setValue(banMinutes);
    m_ban->setToolTip(tr("For this long the nickname and the address may not come back "
                         "(0: no ban). Lift it early in Class > Bans and held nicknames."));
    auto *label = new QLabel(tr("&Ban for:"), m_banRow);
    label->setBuddy(m_ban);
    auto *row = new QHBoxLayout(m_banRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_ban);
    row->addStretch(1);
    m_banRow->hide();
}

double KickDialog::banMinutes() const
{
    return m_ban->value();
}

void KickDialog::setBanMinutes(double minutes)
{
    m_ban->setValue(minutes);
}

void KickDialog::setVisible(bool visible)
{
    // QInputDialog builds its layout when first shown: the ban row goes in above the buttons.
    QInputDialog::setVisible(visible);
    if (visible && !m_placed) {
        m_placed = true;
        if (auto *box = qobject_cast<QBoxLayout *>(layout())) {
            box->insertWidget(qMax(0, box->count() - 1), m_banRow);
            m_banRow->show();
            setTabOrder(findChild<QLineEdit *>(), m_ban);
        }
    }
}

// --- Bans and held nicks --------------------------------------------------------------------

ModerationDialog::ModerationDialog(ServerHost *server, QWidget *parent)
    : QDialog(parent)
    , m_server(server)
    , m_bans(new QTreeWidget(this))
    , m_held(new QTreeWidget(this))
    , m_lift(new QPushButton(tr("&Lift ban"), this))
    , m_free(new QPushButton(tr("&Free nickname"), this))
{
    setObjectName(QStringLiteral("moderationDialog"));
    setWindowTitle(tr("Bans and held nicknames"));
    m_bans->setObjectName(QStringLiteral("bansList"));
    m_bans->setHeaderLabels({tr("Nickname"), tr("Address"), tr("Until"), tr("Reason")});
    m_bans->setRootIsDecorated(false);
    m_bans->setToolTip(tr("Who was kicked and may not come back yet."));
    m_held->setObjectName(QStringLiteral("heldList"));
    m_held->setHeaderLabels({tr("Nickname"), tr("Rooms"), tr("Free at")});
    m_held->setRootIsDecorated(false);
    m_held->setToolTip(tr("Connections that dropped: the server keeps their nickname and rooms "
                          "so that they can resume. Free a nickname when the student comes "
                          "back without the old session (a new device, a crashed program)."));
    m_lift->setObjectName(QStringLiteral("liftBanButton"));
    m_lift->setToolTip(tr("Let the selected nickname and address join again now."));
    m_free->setObjectName(QStringLiteral("freeNickButton"));
    m_free->setToolTip(tr("End the selected dropped session: its nickname is free at once "
                          "(that session cannot be resumed any more)."));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Bans (after a kick):"), this));
    layout->addWidget(m_bans);
    layout->addWidget(m_lift, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("Nicknames held for a dropped connection:"), this));
    layout->addWidget(m_held);
    layout->addWidget(m_free, 0, Qt::AlignLeft);
    layout->addWidget(close);

    connect(m_lift, &QPushButton::clicked, this, [this] { liftSelected(); });
    connect(m_free, &QPushButton::clicked, this, [this] { freeSelected(); });
    connect(m_bans, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_lift->setEnabled(m_bans->currentItem()); });
    connect(m_held, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_free->setEnabled(m_held->currentItem()); });
    connect(m_server, &ServerHost::classControlChanged, this, [this] { refresh(); });
    // Held nicks come and go with drops; bans expire: look again every few seconds.
    auto *timer = new QTimer(this);
    timer->setInterval(2000);
    connect(timer, &QTimer::timeout, this, [this] {
        m_server->refreshClassControl();
        refresh();
    });
    timer->start();
    resize(560, 420);
    refresh();
}

void ModerationDialog::refresh()
{
    const ClassControlState st = m_server->classControl();
    const QString banSel = m_bans->currentItem()
        ? m_bans->currentItem()->data(0, Qt::UserRole).toString()
        : QString();
    const QString heldSel = m_held->currentItem() ? m_held->currentItem()->text(0) : QString();
    m_bans->clear();
    for (const BanInfo &b : st.bans) {
        auto *item = new QTreeWidgetItem(m_bans,
                                         {b.nick.isEmpty() ? tr("(any)") : b.nick,
                                          b.address.isEmpty() ? tr("(this computer)") : b.address,
                                          clock(b.untilMs), b.reason});
        item->setData(0, Qt::UserRole, QString::number(b.id));
        if (item->data(0, Qt::UserRole).toString() == banSel)
            m_bans->setCurrentItem(item);
    }
    m_held->clear();
    for (const HeldNick &h : st.held) {
        auto *item = new QTreeWidgetItem(
            m_held, {h.nick, h.rooms.join(QStringLiteral(", ")), clock(h.expiresMs)});
        if (h.nick == heldSel)
            m_held->setCurrentItem(item);
    }
    for (QTreeWidget *t : {m_bans, m_held})
        t->header()->resizeSections(QHeaderView::ResizeToContents);
    m_lift->setEnabled(m_bans->currentItem());
    m_free->setEnabled(m_held->currentItem());
}

bool ModerationDialog::liftSelected()
{
    QTreeWidgetItem *item = m_bans->currentItem();
    if (!item)
        return false;
    const bool done = m_server->liftBan(item->data(0, Qt::UserRole).toString().toULongLong());
    refresh();
    return done;
}

bool ModerationDialog::freeSelected()
{
    QTreeWidgetItem *item = m_held->currentItem();
    if (!item)
        return false;
    const bool done = m_server->releaseHeldNick(item->text(0));
    refresh();
    return done;
}

// --- menus ------------------------------------------------------------------------------------

QMenu *ClassControlUi::createClassMenu(ServerHost *server, QWidget *window, QSettings *settings)
{
    auto *menu = new QMenu(tr("&Class"), window);
    menu->setObjectName(QStringLiteral("classMenu"));
    menu->setToolTipsVisible(true);
    QAction *lock = menu->addAction(uiIcon(QStringLiteral("lock")), tr("&Lock server"));
    lock->setObjectName(QStringLiteral("actionLockServer"));
    lock->setCheckable(true);
    lock->setChecked(server->classControl().locked);
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    lock->setToolTip(
        tr("No new students can join (error locked, close 4002). Students who are in, or whose "
           "connection dropped, stay and can resume."));
    QObject::connect(lock, &QAction::toggled, server, [server](bool on) {
        if (server->classControl().locked != on)
            server->lockServer(on);
    });
    QObject::connect(server, &ServerHost::classControlChanged, lock, [server, lock] {
        const QSignalBlocker block(lock);
        lock->setChecked(server->classControl().locked);
    });
    QAction *bans = menu->addAction(tr("&Bans and held nicknames…"));
    bans->setObjectName(QStringLiteral("actionModeration"));
    bans->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    bans->setToolTip(tr("Lift a ban early; free a nickname held for a dropped "
                        "connection."));
    QObject::connect(bans, &QAction::triggered, window, [server, window] {
        auto *dialog = new ModerationDialog(server, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    menu->addSeparator();
    QAction *transcript
        = menu->addAction(uiIcon(QStringLiteral("export")), tr("Save &transcript…"));
    transcript->setObjectName(QStringLiteral("actionSaveTranscript"));
    transcript->setToolTip(tr("Save what was said in a room, from the database, as text or CSV."));
    QObject::connect(transcript, &QAction::triggered, window, [server, window, settings] {
        saveTranscriptDialog(server, QString(), window, settings);
    });
    return menu;
}

void ClassControlUi::addRoomActions(QMenu *menu, ServerHost *server, const QString &room,
                                    QWidget *window, QSettings *settings)
{
    const ClassControlState st = server->classControl();
    QAction *lock = menu->addAction(tr("&Lock #%1").arg(room));
    lock->setObjectName(QStringLiteral("actionLockRoom"));
    lock->setCheckable(true);
    lock->setChecked(st.lockedRooms.contains(room));
    QObject::connect(lock, &QAction::toggled, server,
                     [server, room](bool on) { server->lockRoom(room, on); });
    const int slow = st.slowModes.value(room, 0);
    QAction *slowAction
        = menu->addAction(slow > 0 ? tr("&Slow mode (%1 s)…").arg(slow) : tr("&Slow mode…"));
    slowAction->setObjectName(QStringLiteral("actionSlowMode"));
    QObject::connect(slowAction, &QAction::triggered, window, [server, room, slow, window] {
        bool ok = false;
        const int seconds
            = QInputDialog::getInt(window, tr("Slow mode in #%1").arg(room),
                                   tr("One message per member every (seconds, 0 = off):"),
                                   slow > 0 ? slow : 10, 0, 3600, 1, &ok);
        if (ok)
            server->setSlowMode(room, seconds);
    });
    QAction *transcript = menu->addAction(tr("Save &transcript of #%1…").arg(room));
    transcript->setObjectName(QStringLiteral("actionSaveRoomTranscript"));
    QObject::connect(transcript, &QAction::triggered, window, [server, room, window, settings] {
        saveTranscriptDialog(server, room, window, settings);
    });
}

// --- transcripts --------------------------------------------------------------------------------

bool ClassControlUi::writeTranscript(ServerHost *server, const QString &room, bool csv,
                                     qint64 sinceMs, const QString &path, bool withEvents)
{
    const QList<proto::server::Message> messages = server->transcript(room, sinceMs);
    QString text;
    if (withEvents) {
        const QList<RoomEvent> events = server->transcriptEvents(room, sinceMs);
        text = csv ? transcriptCsv(messages, events) : transcriptText(messages, events);
    } else {
        text = csv ? transcriptCsv(messages) : transcriptText(messages);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text.toUtf8());
    return file.error() == QFile::NoError;
}

void ClassControlUi::saveTranscriptDialog(ServerHost *server, const QString &room, QWidget *window,
                                          QSettings *settings)
{
    QDialog ask(window);
    ask.setObjectName(QStringLiteral("transcriptDialog"));
    ask.setWindowTitle(tr("Save transcript"));
    auto *rooms = new QComboBox(&ask);
    rooms->setObjectName(QStringLiteral("transcriptRoom"));
    QStringList names = server->storedRooms();
    if (!room.isEmpty() && !names.contains(room))
        names.prepend(room);
    rooms->addItems(names);
    rooms->setCurrentText(room.isEmpty() ? QStringLiteral("general") : room);
    auto *text = new QRadioButton(tr("Plain &text: [date time] nick: text"), &ask);
    auto *csv = new QRadioButton(tr("&CSV (seq, ts, nick, text) for a spreadsheet"), &ask);
    csv->setToolTip(tr("Columns seq, ts, nick, text. With notices and joins/leaves a fifth "
                       "column, kind, tells a message from a join, leave, nick change or "
                       "notice."));
    text->setChecked(true);
    auto *fromToday = new QCheckBox(tr("Only &today's messages"), &ask);
    fromToday->setChecked(true);
    auto *withEvents = new QCheckBox(tr("Include &notices and joins/leaves"), &ask);
    withEvents->setObjectName(QStringLiteral("transcriptWithEvents"));
    withEvents->setToolTip(tr("Who joined and left (in a busy minute: “…and 12 more "
                              "joins”), nick changes and your notices to the room or to "
                              "everyone, between the messages. Private notices are never in "
                              "it."));
    const QString eventsKey = QStringLiteral("transcript/withEvents");
    withEvents->setChecked(settings && settings->value(eventsKey, false).toBool());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &ask);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto *form = new QFormLayout(&ask);
    form->addRow(tr("&Room:"), rooms);
    form->addRow(tr("Format:"), text);
    form->addRow(QString(), csv);
    form->addRow(QString(), fromToday);
    form->addRow(QString(), withEvents);
    form->addRow(buttons);
    if (ask.exec() != QDialog::Accepted || rooms->currentText().isEmpty())
        return;
    const QString chosen = rooms->currentText();
    const bool asCsv = csv->isChecked();
    const bool events = withEvents->isChecked();
    if (settings)
        settings->setValue(eventsKey, events);
    const QString suggested = QStringLiteral("%1-%2.%3")
                                  .arg(chosen, QDate::currentDate().toString(Qt::ISODate),
                                       asCsv ? QStringLiteral("csv") : QStringLiteral("txt"));
    const QString path = QFileDialog::getSaveFileName(window, tr("Save transcript"), suggested,
                                                      asCsv ? tr("CSV (*.csv);;All files (*)")
                                                            : tr("Text (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const qint64 since
        = fromToday->isChecked() ? QDate::currentDate().startOfDay().toMSecsSinceEpoch() : 0;
    if (!writeTranscript(server, chosen, asCsv, since, path, events))
        QMessageBox::warning(window, tr("Save transcript"), tr("Could not write %1.").arg(path));
}

} // namespace duplex::server
