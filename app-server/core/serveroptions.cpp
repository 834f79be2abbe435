// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "serveroptions.h"

#include "httprouter.h"
#include "redislink.h"

#include <sys/resource.h>

#include <names.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QNetworkInterface>
#include <QStandardPaths>

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace duplex::server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::ServerOptions", text);
}

/// A numeric option: when it is not given, *out keeps its default and this is true; when it
/// is, it must be a number (a whole one for an integer T) from min to max, or this is false
/// and *error says `message`.
template<typename T>
bool numberOption(const QCommandLineParser &parser, const char *name, T min, T max, T *out,
                  const QString &message, QString *error)
{
    const QString key = QString::fromLatin1(name);
    if (!parser.isSet(key))
        return true;
    const QString text = parser.value(key);
    bool ok = false;
    T value {};
    if constexpr (std::is_floating_point_v<T>) {
        value = T(text.toDouble(&ok));
        ok = ok && std::isfinite(value);
    } else {
        const qlonglong v = text.toLongLong(&ok);
        ok = ok && v >= qlonglong(std::numeric_limits<T>::min())
            && v <= qlonglong(std::numeric_limits<T>::max());
        value = T(v);
    }
    if (!ok || value < min || value > max) {
        if (error)
            *error = message;
        return false;
    }
    *out = value;
    return true;
}
} // namespace

bool argumentsRequestHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "-headless") == 0)
            return true;
        if (std::strcmp(argv[i], "--") == 0)
            break;
    }
    return false;
}

bool argumentsRequestTranscript(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--transcript") == 0
            || std::strncmp(argv[i], "--transcript=", 13) == 0)
            return true;
        if (std::strcmp(argv[i], "--") == 0)
            break;
    }
    return false;
}

qint64 parseSince(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return -1;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return date.startOfDay().toMSecsSinceEpoch();
    QString dateTime = text;
    if (dateTime.size() > 10 && dateTime.at(10) == QLatin1Char(' '))
        dateTime[10] = QLatin1Char('T');
    const QDateTime at = QDateTime::fromString(dateTime, Qt::ISODateWithMs);
    if (at.isValid())
        return at.toMSecsSinceEpoch();
    const QTime time = QTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid())
        return QDateTime(QDate::currentDate(), time).toMSecsSinceEpoch();
    return -1;
}

void addServerOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("headless"),
                      tr("Run without a window: log connections to standard output.")});
    parser.addOption({QStringLiteral("bind"),
                      tr("Listen on this address (default: all interfaces)."),
                      QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("port"),
                      tr("Listen on this TCP port (default 8080; 0 picks a free one)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("db"),
                      tr("The SQLite history database (default: in the application data "
                         "folder; \":memory:\" keeps nothing)."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("name"), tr("The server name shown to clients."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("rate"),
                      tr("Messages per second each client may send (default 10; 0 = unlimited)."),
                      QStringLiteral("PER_SEC")});
    parser.addOption(
        {QStringLiteral("burst"),
         tr("Messages a client may send at once before the rate applies (default 20)."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-clients"),
                      tr("Refuse connections beyond this many (default 10000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-queued-mib"),
                      tr("Refuse new messages (\"server busy\") while more than this many MiB "
                         "wait to be sent to all clients together (default 64; 0 = never)."),
                      QStringLiteral("MIB")});
    parser.addOption({QStringLiteral("no-address-limits"),
                      tr("Do not limit connections and messages per address: use it when all "
                         "students reach the server through one address (a NAT or a proxy).")});
    parser.addOption({QStringLiteral("allow-origin"),
                      tr("Also let pages from this origin (e.g. http://teacher.example:3000) "
                         "open the chat; repeatable. The server's own page needs nothing."),
                      QStringLiteral("ORIGIN")});
    parser.addOption({QStringLiteral("peer"),
                      tr("Another server of this cluster, by the address students open "
                         "(e.g. http://192.168.1.21:8080/); repeatable. The browser page "
                         "moves to it when this server stops, and its page may move here."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("record"),
                      tr("Append every frame and HTTP head on the wire to FILE, one JSON line "
                         "each (the frame X-ray's recording)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("redis"),
                      tr("Share rooms, their order and history with other duplex-server "
                         "processes through the Redis server at URL (redis://HOST:PORT[/DB])."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("pcapng"),
                      tr("Convert the recording given with --record to a Wireshark capture "
                         "FILE (.pcapng) and exit; --port is the server port in it."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("class-transport"),
                      tr("How the class talks to the server at start: push (WebSocket), poll "
                         "(a request every --poll-interval ms) or long-poll. Clients that can "
                         "switch are told; the window can change it live."),
                      QStringLiteral("MODE")});
    parser.addOption({QStringLiteral("poll-interval"),
                      tr("The poll period for --class-transport poll, in ms (default 500)."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("peer-timeout"),
                      tr("Drop a WebSocket that answers no ping, or a polling session that "
                         "sends no poll, for this many ms (default 45000); its session stays "
                         "resumable."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("join-code"),
                      tr("New students need this code to join (letter case and spaces do not "
                         "matter)."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("ban-minutes"),
                      tr("After a kick, the nickname and address are banned this many minutes "
                         "(default 10; 0 = no ban)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("reserve-nick"),
                      tr("A nickname no student can take, in any letter case (e.g. teacher); "
                         "repeatable or a comma list. The server's own machine may use it."),
                      QStringLiteral("NICK")});
    parser.addOption({QStringLiteral("lock"),
                      tr("Start locked: no new sessions until unlocked "
                         "in the window (resumes still work).")});
    parser.addOption({QStringLiteral("transcript"),
                      tr("Print the stored messages of ROOM from the --db database and exit "
                         "(no display, no listening)."),
                      QStringLiteral("ROOM")});
    parser.addOption({QStringLiteral("since"),
                      tr("With --transcript: only messages from this ISO 8601 date or time on "
                         "(2026-12-07, 2026-12-07T14:00, 14:00)."),
                      QStringLiteral("WHEN")});
    parser.addOption({QStringLiteral("format"), tr("With --transcript: text (default) or csv."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("with-events"),
                      tr("With --transcript: also the joins, leaves, nick changes and notices "
                         "to the room or to everyone, merged in by time (not private "
                         "notices).")});
}

bool readServerOptions(const QCommandLineParser &parser, ServerOptions *options, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    ServerOptions o;
    o.headless = parser.isSet(QStringLiteral("headless"));
    if (parser.isSet(QStringLiteral("bind"))) {
        const QString text = parser.value(QStringLiteral("bind"));
        if (!o.bind.setAddress(text))
            return fail(tr("--bind: \"%1\" is not an IP address.").arg(text));
        o.bindGiven = true;
    }
    if (!numberOption(parser, "port", quint16(0), quint16(65535), &o.port,
                      tr("--port: give a number from 0 to 65535."), error))
        return false;
    o.portGiven = parser.isSet(QStringLiteral("port"));
    if (parser.isSet(QStringLiteral("db"))) {
        o.dbPath = parser.value(QStringLiteral("db"));
        if (o.dbPath.isEmpty())
            return fail(tr("--db: give a file path or \":memory:\"."));
    }
    if (parser.isSet(QStringLiteral("name"))) {
        o.name = parser.value(QStringLiteral("name")).trimmed();
        if (o.name.isEmpty())
            return fail(tr("--name: the server name cannot be empty."));
        o.nameGiven = true;
    }
    constexpr int AnyInt = std::numeric_limits<int>::max();
    if (!numberOption(parser, "rate", 0.0, std::numeric_limits<double>::max(), &o.rate,
                      tr("--rate: give a number of messages per second, 0 for unlimited."), error)
        || !numberOption(parser, "burst", 1, AnyInt, &o.burst,
                         tr("--burst: give a whole number of at least 1."), error)
        || !numberOption(parser, "max-clients", 1, AnyInt, &o.maxClients,
                         tr("--max-clients: give a whole number of at least 1."), error)
        || !numberOption(parser, "max-queued-mib", 0, 1024 * 1024, &o.maxQueuedMiB,
                         tr("--max-queued-mib: give a whole number of MiB, 0 for never."), error))
        return false;
    o.addressLimits = !parser.isSet(QStringLiteral("no-address-limits"));
    for (const QString &origin : parser.values(QStringLiteral("allow-origin"))) {
        const QString o2 = origin.trimmed();
        if (!(o2.startsWith(QLatin1String("http://")) || o2.startsWith(QLatin1String("https://"))))
            return fail(tr("--allow-origin: give an origin like http://host:port."));
        o.allowedOrigins.append(o2);
    }
    for (const QString &peer : parser.values(QStringLiteral("peer"))) {
        if (http::originOf(peer).isEmpty())
            return fail(tr("--peer: give a page address like http://host:port/."));
        o.peerUrls.append(peer.trimmed());
    }
    if (parser.isSet(QStringLiteral("record"))) {
        o.recordPath = parser.value(QStringLiteral("record"));
        if (o.recordPath.isEmpty())
            return fail(tr("--record: give a file path."));
    }
    if (parser.isSet(QStringLiteral("redis"))) {
        o.redisUrl = parser.value(QStringLiteral("redis")).trimmed();
        if (RedisLink::parseUrl(o.redisUrl).isEmpty())
            return fail(tr("--redis: give an address like redis://127.0.0.1:6379."));
    }
    if (parser.isSet(QStringLiteral("pcapng"))) {
        o.pcapngPath = parser.value(QStringLiteral("pcapng"));
        if (o.pcapngPath.isEmpty() || o.recordPath.isEmpty())
            return fail(tr("--pcapng: give a file path, and the recording with --record."));
    }
    if (parser.isSet(QStringLiteral("class-transport"))) {
        const QString mode = parser.value(QStringLiteral("class-transport")).trimmed();
        if (!transportFromModeName(mode, &o.classTransport.mode))
            return fail(tr("--class-transport: give push, poll or long-poll."));
    }
    if (!numberOption(parser, "poll-interval", 10, 600000, &o.classTransport.intervalMs,
                      tr("--poll-interval: give a whole number of ms from 10 to 600000."), error)
        || !numberOption(parser, "peer-timeout", 100, 3600000, &o.peerTimeoutMs,
                         tr("--peer-timeout: give a whole number of ms from 100 to 3600000."),
                         error))
        return false;
    if (parser.isSet(QStringLiteral("join-code"))) {
        o.joinCode = parser.value(QStringLiteral("join-code")).trimmed();
        o.joinCodeGiven = true;
    }
    if (!numberOption(parser, "ban-minutes", 0.0, 10080.0, &o.banMinutes,
                      tr("--ban-minutes: give a number of minutes from 0 to 10080 (a week)."),
                      error))
        return false;
    o.banMinutesGiven = parser.isSet(QStringLiteral("ban-minutes"));
    for (const QString &value : parser.values(QStringLiteral("reserve-nick"))) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString nick = part.trimmed();
            if (nick.isEmpty())
                continue;
            if (const auto problem = proto::nickProblem(nick); problem
                && proto::nickKey(nick) != QLatin1String("server")
                && proto::nickKey(nick) != QLatin1String("system"))
                return fail(tr("--reserve-nick: \"%1\": %2").arg(nick, *problem));
            o.reservedNicks.append(nick);
        }
    }
    o.locked = parser.isSet(QStringLiteral("lock"));
    if (parser.isSet(QStringLiteral("transcript"))) {
        o.transcriptRoom = parser.value(QStringLiteral("transcript")).trimmed();
        if (!proto::isValidRoom(o.transcriptRoom))
            return fail(tr("--transcript: \"%1\" is not a room name.").arg(o.transcriptRoom));
        if (!parser.isSet(QStringLiteral("db")))
            return fail(tr("--transcript: give the database with --db FILE."));
    }
    if (parser.isSet(QStringLiteral("since"))) {
        o.transcriptSinceMs = parseSince(parser.value(QStringLiteral("since")));
        if (o.transcriptSinceMs < 0)
            return fail(tr("--since: give an ISO 8601 date or time, e.g. 2026-12-07 or "
                           "2026-12-07T14:00 or 14:00."));
    }
    if (parser.isSet(QStringLiteral("format"))) {
        const QString format = parser.value(QStringLiteral("format")).trimmed().toLower();
        if (format != QLatin1String("text") && format != QLatin1String("csv"))
            return fail(tr("--format: give text or csv."));
        o.transcriptCsv = format == QLatin1String("csv");
    }
    o.transcriptEvents = parser.isSet(QStringLiteral("with-events"));
    *options = o;
    return true;
}

bool parseServerOptions(const QStringList &arguments, ServerOptions *options, QString *error)
{
    QCommandLineParser parser;
    addServerOptions(parser);
    if (!parser.parse(arguments)) {
        if (error)
            *error = parser.errorText();
        return false;
    }
    return readServerOptions(parser, options, error);
}

QString resolvedDatabasePath(const ServerOptions &options)
{
    if (!options.dbPath.isEmpty())
        return options.dbPath;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/history.sqlite");
}

ServerConfig serverConfigFrom(const ServerOptions &options)
{
    ServerConfig config;
    if (options.nameGiven)
        config.name = options.name;
    config.ratePerSec = options.rate;
    config.burst = options.burst;
    config.maxClients = options.maxClients;
    config.maxQueuedBytesTotal = qint64(options.maxQueuedMiB) * 1024 * 1024;
    if (!options.addressLimits) {
        // 0 everywhere means no limit (an address's message bucket with rate 0 is unlimited).
        config.maxConnectionsPerAddress = 0;
        config.connectsPerSecPerAddress = 0;
        config.addressRateFactor = 0;
    }
    config.allowedOrigins = options.allowedOrigins;
    config.peerUrls = options.peerUrls;
    config.recordPath = options.recordPath;
    config.redisUrl = options.redisUrl;
    config.classTransport = options.classTransport;
    config.peerTimeoutMs = options.peerTimeoutMs;
    config.joinCode = options.joinCode;
    config.banMs = qint64(options.banMinutes * 60000.0);
    config.reservedNicks = options.reservedNicks;
    config.startLocked = options.locked;
    return config;
}

/// Every client is a descriptor: a desktop's soft limit (often 1024) would stop new
/// handshakes long before --max-clients. Raise the soft limit to the hard one.
QString raiseOpenFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return QCoreApplication::translate("duplex::server::Headless", "open files: unknown limit");
    const rlim_t before = limit.rlim_cur;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            limit.rlim_cur = before;
    }
    return QCoreApplication::translate("duplex::server::Headless",
                                       "open files: at most %1 (was %2).")
        .arg(limit.rlim_cur == RLIM_INFINITY
                 ? QCoreApplication::translate("duplex::server::Headless", "unlimited")
                 : QString::number(limit.rlim_cur))
        .arg(before == RLIM_INFINITY
                 ? QCoreApplication::translate("duplex::server::Headless", "unlimited")
                 : QString::number(before));
}

QStringList joinHosts(const QHostAddress &bound, const QHostAddress &configured)
{
    const auto any = [](const QHostAddress &a) {
        return a == QHostAddress(QHostAddress::Any) || a == QHostAddress(QHostAddress::AnyIPv4)
            || a == QHostAddress(QHostAddress::AnyIPv6);
    };
    QStringList hosts;
    if (any(bound) || any(configured)) {
        for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
            const auto flags = iface.flags();
            if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning)
                || (flags & QNetworkInterface::IsLoopBack))
                continue;
            for (const QNetworkAddressEntry &e : iface.addressEntries()) {
                const QHostAddress ip = e.ip();
                if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLoopback())
                    hosts.append(ip.toString());
            }
        }
        if (hosts.isEmpty())
            hosts.append(QStringLiteral("127.0.0.1"));
    } else if (bound.protocol() == QAbstractSocket::IPv6Protocol) {
        hosts.append(QStringLiteral("[%1]").arg(bound.toString()));
    } else {
        hosts.append(bound.toString());
    }
    return hosts;
}

} // namespace duplex::server
