// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "websocket.h"

#include "protocol.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace duplex::ws {

QByteArray acceptKey(QByteArrayView secWebSocketKey)
{
    QCryptographicHash sha(QCryptographicHash::Sha1);
    sha.addData(secWebSocketKey);
    sha.addData(QByteArrayView(Guid));
    return sha.result().toBase64();
}

QByteArray FrameHeader::maskKeyBytes() const
{
    QByteArray k(4, Qt::Uninitialized);
    for (int i = 0; i < 4; ++i)
        k[i] = char((maskKey >> (24 - 8 * i)) & 0xFF);
    return k;
}

std::optional<FrameHeader> decodeHeader(QByteArrayView data)
{
    if (data.size() < 2)
        return std::nullopt;
    const auto byte = [&](qsizetype i) { return quint8(data[i]); };
    FrameHeader h;
    h.fin = byte(0) & 0x80;
    h.rsv = quint8((byte(0) >> 4) & 0x07);
    h.opcode = byte(0) & 0x0F;
    h.masked = byte(1) & 0x80;
    const quint8 len7 = byte(1) & 0x7F;
    int pos = 2;
    if (len7 < 126) {
        h.payloadLength = len7;
        h.lengthForm = LengthForm::Short7;
    } else if (len7 == 126) {
        if (data.size() < 4)
            return std::nullopt;
        h.payloadLength = (quint64(byte(2)) << 8) | byte(3);
        h.lengthForm = LengthForm::Medium16;
        pos = 4;
    } else {
        if (data.size() < 10)
            return std::nullopt;
        h.payloadLength = 0;
        for (int i = 0; i < 8; ++i)
            h.payloadLength = (h.payloadLength << 8) | byte(2 + i);
        h.lengthForm = LengthForm::Long64;
        pos = 10;
    }
    if (h.masked) {
        if (data.size() < pos + 4)
            return std::nullopt;
        h.maskKey = (quint32(byte(pos)) << 24) | (quint32(byte(pos + 1)) << 16)
            | (quint32(byte(pos + 2)) << 8) | quint32(byte(pos + 3));
        pos += 4;
    }
    h.headerLength = pos;
    return h;
}

QByteArray encodeHeader(const FrameHeader &h)
{
    QByteArray w;
    w.reserve(14);
    w.append(char((h.fin ? 0x80 : 0) | ((h.rsv & 0x07) << 4) | (h.opcode & 0x0F)));
    const char mask = h.masked ? char(0x80) : char(0);
    const quint64 n = h.payloadLength;
    if (n < 126) {
        w.append(char(mask | char(n)));
    } else if (n <= 0xFFFF) {
        w.append(char(mask | 126));
        w.append(char(n >> 8));
        w.append(char(n & 0xFF));
    } else {
        w.append(char(mask | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            w.append(char((n >> shift) & 0xFF));
    }
    if (h.masked)
        w.append(h.maskKeyBytes());
    return w;
}

QByteArray serverFrame(QByteArrayView payload, Opcode opcode)
{
    FrameHeader h;
    h.opcode = quint8(opcode);
    h.payloadLength = quint64(payload.size());
    QByteArray w = encodeHeader(h);
    w.reserve(w.size() + payload.size());
    w.append(payload);
    return w;
}

QByteArray applyMask(QByteArrayView payload, quint32 maskKey, quint64 offset)
{
    QByteArray out(payload.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const int k = int((offset + quint64(i)) % 4);
        out[i] = char(quint8(payload[i]) ^ quint8((maskKey >> (24 - 8 * k)) & 0xFF));
    }
    return out;
}

void FrameStream::feed(QByteArrayView bytes, const std::function<void(WireFrame &&)> &done)
{
    while (!bytes.isEmpty()) {
        if (!m_headerKnown) {
            // Collect the header (2-14 bytes) in `wire`, a byte at a time at worst.
            const qsizetype before = m_current.wire.size();
            m_current.wire.append(bytes.first(qMin<qsizetype>(bytes.size(), 14 - before)));
            const auto header = decodeHeader(m_current.wire);
            if (!header) {
                bytes = bytes.sliced(m_current.wire.size() - before);
                m_have = quint64(m_current.wire.size());
                continue;
            }
            // Only the header's own bytes belong to it; give back what we took beyond.
            const qsizetype used = header->headerLength - before;
            m_current.wire.truncate(header->headerLength);
            bytes = bytes.sliced(used);
            m_current.header = *header;
            m_current.wireLength = quint64(header->headerLength) + header->payloadLength;
            m_have = quint64(header->headerLength);
            m_headerKnown = true;
        }
        const quint64 want = m_current.wireLength - m_have;
        const qsizetype take = qsizetype(qMin<quint64>(want, quint64(bytes.size())));
        const qsizetype room = qMax<qsizetype>(0, m_keep - m_current.wire.size());
        if (room > 0)
            m_current.wire.append(bytes.first(qMin(take, room)));
        m_have += quint64(take);
        bytes = bytes.sliced(take);
        if (m_have == m_current.wireLength) {
            m_current.cut = quint64(m_current.wire.size()) < m_current.wireLength;
            done(std::exchange(m_current, {}));
            m_have = 0;
            m_headerKnown = false;
        }
    }
}

std::optional<WireFrame> FrameStream::takePartial()
{
    if (!m_headerKnown) {
        reset();
        return std::nullopt;
    }
    WireFrame f = std::exchange(m_current, {});
    f.cut = true;
    reset();
    return f;
}

QString opcodeName(quint8 opcode)
{
    switch (Opcode(opcode)) {
    case Opcode::Continuation: return QStringLiteral("continuation");
    case Opcode::Text: return QStringLiteral("text");
    case Opcode::Binary: return QStringLiteral("binary");
    case Opcode::Close: return QStringLiteral("close");
    case Opcode::Ping: return QStringLiteral("ping");
    case Opcode::Pong: return QStringLiteral("pong");
    }
    return QStringLiteral("reserved 0x%1").arg(opcode, 0, 16);
}

QString closeCodeWords(int code)
{
    switch (code) {
    case 1000: return QStringLiteral("normal");
    case 1001: return QStringLiteral("going away");
    case 1002: return QStringLiteral("protocol error");
    case 1003: return QStringLiteral("unsupported data");
    case 1005: return QStringLiteral("no status code");
    case 1006: return QStringLiteral("no close frame");
    case 1007: return QStringLiteral("invalid data");
    case 1008: return QStringLiteral("policy violation");
    case 1009: return QStringLiteral("message too big");
    case 1011: return QStringLiteral("internal error");
    case 1013: return QStringLiteral("try again later");
    case proto::close::TakenOver: return QStringLiteral("taken over");
    case proto::close::Kicked: return QStringLiteral("kicked");
    default: return {};
    }
}

QString closeCodeMeaning(int code)
{
    // Literal calls, so that lupdate finds them; the context the server's catalog has
    // always used for these sentences.
    switch (code) {
    case 1000:
        return QCoreApplication::translate("duplex::server",
                                           "normal closure: the client said goodbye");
    case 1001:
        return QCoreApplication::translate(
            "duplex::server",
            "going away: the page or program closed, or the server is shutting down");
    case 1002:
        return QCoreApplication::translate("duplex::server",
                                           "protocol error: a frame broke the WebSocket rules");
    case 1003: return QCoreApplication::translate("duplex::server", "unsupported data");
    case 1005: return QCoreApplication::translate("duplex::server", "no status code was given");
    case 1006:
        return QCoreApplication::translate(
            "duplex::server", "abnormal closure: the connection dropped without a close frame");
    case 1007:
        return QCoreApplication::translate("duplex::server",
                                           "invalid data: the text was not valid UTF-8");
    case 1008:
        return QCoreApplication::translate("duplex::server",
                                           "policy violation: flooding, or reading too slowly");
    case 1009:
        return QCoreApplication::translate("duplex::server",
                                           "message too big: over the size limit");
    case 1011: return QCoreApplication::translate("duplex::server", "internal server error");
    case 1013:
        return QCoreApplication::translate("duplex::server", "try again later: the server is full");
    case proto::close::TakenOver:
        return QCoreApplication::translate(
            "duplex::server", "taken over: the same session resumed on a new connection");
    case proto::close::Kicked:
        return QCoreApplication::translate("duplex::server", "kicked by the operator");
    default: break;
    }
    if (code >= 4000 && code <= 4999)
        return QCoreApplication::translate("duplex::server", "application-defined code");
    return QCoreApplication::translate("duplex::server", "unknown code");
}

} // namespace duplex::ws
