// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "pcapng.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <cstdio>
#include <map>

namespace duplex::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::Pcapng", text);
}

/// With a count: Qt's plural forms (German "1 Client", "2 Clients").
QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("duplex::server::Pcapng", text, disambiguation, n);
}

/// What fits in one synthesised TCP segment (Ethernet MTU 1500 minus IPv4 and TCP).
constexpr int SegmentBytes = 1460;
constexpr quint32 ClientIsn = 1000;
constexpr quint32 ServerIsn = 5000;

template<typename T> void put(QByteArray &b, T v)
{
    const T le = qToLittleEndian(v);
    b.append(reinterpret_cast<const char *>(&le), sizeof le);
}

template<typename T> void putBig(QByteArray &b, T v)
{
    const T be = qToBigEndian(v);
    b.append(reinterpret_cast<const char *>(&be), sizeof be);
}

void pad4(QByteArray &b)
{
    while (b.size() % 4)
        b.append('\0');
}

/// A pcapng block: type, length, body, length.
QByteArray block(quint32 type, QByteArray body)
{
    pad4(body);
    QByteArray b;
    const quint32 length = quint32(body.size()) + 12;
    put<quint32>(b, type);
    put<quint32>(b, length);
    b += body;
    put<quint32>(b, length);
    return b;
}

quint16 checksum(QByteArrayView data, quint32 sum = 0)
{
    for (qsizetype i = 0; i + 1 < data.size(); i += 2)
        sum += (quint32(quint8(data[i])) << 8) | quint8(data[i + 1]);
    if (data.size() % 2)
        sum += quint32(quint8(data[data.size() - 1])) << 8;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(~sum);
}

struct Endpoint {
    quint32 ip;
    quint16 port;
};

/// One Ethernet + IPv4 + TCP packet.
QByteArray packet(Endpoint from, Endpoint to, quint32 seq, quint32 ack, quint8 flags,
                  QByteArrayView payload, quint16 ipId)
{
    QByteArray tcp;
    putBig<quint16>(tcp, from.port);
    putBig<quint16>(tcp, to.port);
    putBig<quint32>(tcp, seq);
    putBig<quint32>(tcp, ack);
    tcp.append(char(5 << 4));
    tcp.append(char(flags));
    putBig<quint16>(tcp, 65535); // window
    putBig<quint16>(tcp, 0);     // checksum, below
    putBig<quint16>(tcp, 0);     // urgent
    tcp.append(payload.data(), payload.size());
    QByteArray pseudo;
    putBig<quint32>(pseudo, from.ip);
    putBig<quint32>(pseudo, to.ip);
    putBig<quint16>(pseudo, 6);
    putBig<quint16>(pseudo, quint16(tcp.size()));
    const quint16 tcpSum = checksum(pseudo + tcp);
    tcp[16] = char(tcpSum >> 8);
    tcp[17] = char(tcpSum & 0xFF);

    QByteArray ip;
    ip.append(char(0x45));
    ip.append('\0');
    putBig<quint16>(ip, quint16(20 + tcp.size()));
    putBig<quint16>(ip, ipId);
    putBig<quint16>(ip, 0x4000); // don't fragment
    ip.append(char(64));         // TTL
    ip.append(char(6));          // TCP
    putBig<quint16>(ip, 0);
    putBig<quint32>(ip, from.ip);
    putBig<quint32>(ip, to.ip);
    const quint16 ipSum = checksum(ip);
    ip[10] = char(ipSum >> 8);
    ip[11] = char(ipSum & 0xFF);

    QByteArray eth = QByteArray::fromHex("020000000002") + QByteArray::fromHex("020000000001");
    if (from.ip == 0xC0000201) // from the server
        eth = QByteArray::fromHex("020000000001") + QByteArray::fromHex("020000000002");
    putBig<quint16>(eth, 0x0800);
    return eth + ip + tcp;
}

QByteArray enhancedPacket(qint64 timeUs, const QByteArray &data, const QString &comment)
{
    QByteArray body;
    put<quint32>(body, 0); // interface 0
    put<quint32>(body, quint32(quint64(timeUs) >> 32));
    put<quint32>(body, quint32(quint64(timeUs) & 0xFFFFFFFF));
    put<quint32>(body, quint32(data.size()));
    put<quint32>(body, quint32(data.size()));
    body += data;
    pad4(body);
    if (!comment.isEmpty()) {
        const QByteArray c = comment.toUtf8();
        put<quint16>(body, 1); // opt_comment
        put<quint16>(body, quint16(c.size()));
        body += c;
        pad4(body);
        put<quint32>(body, 0); // opt_endofopt
    }
    return block(6, body);
}

} // namespace

QList<WireRecord> readRecording(QIODevice *device, int *skipped)
{
    QList<WireRecord> out;
    int bad = 0;
    while (!device->atEnd()) {
        const QByteArray line = device->readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        WireRecord r;
        r.timeMs = o.value(QStringLiteral("t")).toInteger();
        r.clientId = quint64(o.value(QStringLiteral("client")).toInteger());
        r.out = o.value(QStringLiteral("dir")).toString() == QLatin1String("out");
        r.kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("http")
            ? WireRecord::Kind::Http
            : WireRecord::Kind::Ws;
        r.length = o.value(QStringLiteral("length")).toInteger();
        r.wire = QByteArray::fromHex(o.value(QStringLiteral("wire")).toString().toLatin1());
        r.cut = o.value(QStringLiteral("cut")).toBool();
        bool ok = !o.isEmpty() && !r.wire.isEmpty() && r.clientId != 0;
        if (ok && r.kind == WireRecord::Kind::Ws) {
            const auto h = ws::decodeHeader(r.wire);
            ok = h.has_value();
            if (ok)
                r.header = *h;
        }
        if (!ok) {
            ++bad;
            continue;
        }
        r.serial = quint64(out.size() + 1);
        out.append(r);
    }
    if (skipped)
        *skipped = bad;
    return out;
}

bool writePcapng(const QList<WireRecord> &records, QIODevice *device, quint16 serverPort,
                 QString *error)
{
    QByteArray shb;
    put<quint32>(shb, 0x1A2B3C4D);
    put<quint16>(shb, 1);
    put<quint16>(shb, 0);
    put<qint64>(shb, -1); // section length unknown
    QByteArray idb;
    put<quint16>(idb, 1); // LINKTYPE_ETHERNET
    put<quint16>(idb, 0);
    put<quint32>(idb, 0); // no snap length
    QByteArray out = block(0x0A0D0D0A, shb) + block(1, idb);

    struct Connection {
        Endpoint client;
        quint32 clientSeq = ClientIsn + 1;
        quint32 serverSeq = ServerIsn + 1;
    };
    std::map<quint64, Connection> connections;
    const Endpoint server {0xC0000201, serverPort}; // 192.0.2.1
    quint16 ipId = 1;
    for (const WireRecord &r : records) {
        const qint64 us = r.timeMs * 1000;
        auto it = connections.find(r.clientId);
        if (it == connections.end()) {
            Connection c;
            c.client
                = {0xC0000200 + quint32(r.clientId % 250 + 2), quint16(40000 + r.clientId % 20000)};
            it = connections.emplace(r.clientId, c).first;
            out += enhancedPacket(us, packet(c.client, server, ClientIsn, 0, 0x02, {}, ipId++), {});
            out += enhancedPacket(
                us, packet(server, c.client, ServerIsn, ClientIsn + 1, 0x12, {}, ipId++), {});
            out += enhancedPacket(
                us, packet(c.client, server, ClientIsn + 1, ServerIsn + 1, 0x10, {}, ipId++), {});
        }
        Connection &c = it->second;
        QByteArray bytes = r.wire;
        QString comment;
        const qint64 full
            = r.kind == WireRecord::Kind::Ws ? qint64(r.header.headerLength) + r.length : r.length;
        if (r.cut && full > bytes.size()) {
            comment = tr("Duplex recording: only the first %1 of %2 bytes were kept; the rest is "
                         "zeros here.")
                          .arg(bytes.size())
                          .arg(full);
            bytes.append(QByteArray(full - bytes.size(), '\0'));
        }
        const Endpoint from = r.out ? server : c.client;
        const Endpoint to = r.out ? c.client : server;
        quint32 &seq = r.out ? c.serverSeq : c.clientSeq;
        const quint32 ack = r.out ? c.clientSeq : c.serverSeq;
        for (qsizetype at = 0; at < bytes.size(); at += SegmentBytes) {
            const QByteArrayView part = QByteArrayView(bytes).sliced(
                at, qMin<qsizetype>(SegmentBytes, bytes.size() - at));
            out += enhancedPacket(us, packet(from, to, seq, ack, 0x18, part, ipId++),
                                  at == 0 ? comment : QString());
            seq += quint32(part.size());
        }
        if (out.size() > (1 << 20)) {
            if (device->write(out) != out.size()) {
                if (error)
                    *error = device->errorString();
                return false;
            }
            out.clear();
        }
    }
    if (device->write(out) != out.size()) {
        if (error)
            *error = device->errorString();
        return false;
    }
    return true;
}

int convertRecordingToPcapng(const QString &recording, const QString &pcapng, quint16 serverPort)
{
    QFile in(recording);
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "duplex-server: %s\n",
                     qPrintable(tr("cannot read %1: %2").arg(recording, in.errorString())));
        return 1;
    }
    int skipped = 0;
    const QList<WireRecord> records = readRecording(&in, &skipped);
    QFile out(pcapng);
    QString error;
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !writePcapng(records, &out, serverPort, &error)) {
        std::fprintf(stderr, "duplex-server: %s\n",
                     qPrintable(tr("cannot write %1: %2")
                                    .arg(pcapng, error.isEmpty() ? out.errorString() : error)));
        return 1;
    }
    std::printf("%s\n",
                qPrintable(tr("%n records written to %1 (%2 lines skipped); open it with "
                              "Wireshark, or: tshark -r %1 -d tcp.port==%3,http",
                              nullptr, int(records.size()))
                               .arg(pcapng)
                               .arg(skipped)
                               .arg(serverPort)));
    return 0;
}

} // namespace duplex::server
