// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "framereader.h"

#include <cstring>

namespace duplex::ws {

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (m_bad)
        return false;
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const quint8 b = *p++;
        if (m_need == 0) {
            if (b < 0x80)
                continue;
            m_lo = 0x80;
            m_hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                m_need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                m_need = 2;
                if (b == 0xE0)
                    m_lo = 0xA0; // no overlong 3-byte forms
                else if (b == 0xED)
                    m_hi = 0x9F; // no surrogates
            } else if (b >= 0xF0 && b <= 0xF4) {
                m_need = 3;
                if (b == 0xF0)
                    m_lo = 0x90; // no overlong 4-byte forms
                else if (b == 0xF4)
                    m_hi = 0x8F; // nothing past U+10FFFF
            } else {
                m_bad = true; // a continuation byte first, C0/C1 (overlong), F5-FF
                return false;
            }
        } else {
            if (b < m_lo || b > m_hi) {
                m_bad = true;
                return false;
            }
            --m_need;
            m_lo = 0x80;
            m_hi = 0xBF;
        }
    }
    return true;
}

bool isValidReceivedCloseCode(int code)
{
    // 1004-1006 and 1015 are reserved (never sent); 1012-1014 were registered after RFC 6455.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
}

qsizetype FrameReader::feed(QByteArrayView bytes, FrameSink &sink, WireSink *wire)
{
    const qsizetype total = bytes.size();
    while (!m_stopped && !bytes.isEmpty()) {
        if (!m_inFrame) {
            // The header (2-14 bytes), a byte at a time at worst.
            const qsizetype take
                = qMin<qsizetype>(bytes.size(), qsizetype(sizeof m_head) - m_headHave);
            std::memcpy(m_head + m_headHave, bytes.data(), size_t(take));
            const auto header = decodeHeader(QByteArrayView(m_head, m_headHave + take));
            if (!header) {
                if (wire)
                    wire->wireRead(bytes.first(take), m_headHave == 0);
                m_headHave = quint8(m_headHave + take);
                bytes = bytes.sliced(take);
                continue;
            }
            if (wire)
                wire->wireRead(bytes.first(header->headerLength - m_headHave), m_headHave == 0);
            bytes = bytes.sliced(header->headerLength - m_headHave);
            m_headHave = 0;
            m_header = *header;
            m_frameHave = 0;
            m_inFrame = true;
            if (!startFrame(sink))
                break;
            if (m_header.payloadLength == 0) {
                endFrame(sink);
                continue;
            }
        }
        const qsizetype take
            = qsizetype(qMin<quint64>(m_header.payloadLength - m_frameHave, quint64(bytes.size())));
        const QByteArrayView piece = bytes.first(take);
        if (wire && take > 0) // none when a feed ended right after a header
            wire->wireRead(piece, false);
        if (m_header.isControl()) {
            unmaskInto(m_control, piece);
        } else {
            const qsizetype before = m_message.size();
            unmaskInto(m_message, piece);
            if (m_messageOpcode == quint8(Opcode::Text)
                && !m_utf8.feed(QByteArrayView(m_message).sliced(before))) {
                bytes = bytes.sliced(take);
                fail(sink, 1007, QStringLiteral("invalid UTF-8 in a text message"));
                break;
            }
        }
        m_frameHave += quint64(take);
        bytes = bytes.sliced(take);
        if (m_frameHave == m_header.payloadLength)
            endFrame(sink);
    }
    return total - bytes.size();
}

bool FrameReader::startFrame(FrameSink &sink)
{
    const FrameHeader &h = m_header;
    if (h.rsv != 0) {
        fail(sink, 1002, QStringLiteral("reserved bits set (no extension was agreed)"));
        return false;
    }
    switch (Opcode(h.opcode)) {
    case Opcode::Continuation:
    case Opcode::Text:
    case Opcode::Binary:
    case Opcode::Close:
    case Opcode::Ping:
    case Opcode::Pong: break;
    default:
        fail(sink, 1002, QStringLiteral("unknown opcode 0x%1").arg(h.opcode, 0, 16));
        return false;
    }
    if (m_requireMask && !h.masked) {
        fail(sink, 1002, QStringLiteral("unmasked client frame"));
        return false;
    }
    if (h.payloadLength >> 63) {
        fail(sink, 1002, QStringLiteral("invalid payload length"));
        return false;
    }
    if (h.isControl()) {
        if (!h.fin) {
            fail(sink, 1002, QStringLiteral("fragmented control frame"));
            return false;
        }
        if (h.payloadLength > 125) {
            fail(sink, 1002, QStringLiteral("control frame over 125 bytes"));
            return false;
        }
        m_control = QByteArray();
        m_control.reserve(qsizetype(h.payloadLength));
        return true;
    }
    if (h.opcode == quint8(Opcode::Continuation)) {
        if (!m_inMessage) {
            fail(sink, 1002, QStringLiteral("continuation frame without a message"));
            return false;
        }
    } else {
        if (m_inMessage) {
            fail(sink, 1002, QStringLiteral("new message before the last one ended"));
            return false;
        }
        m_inMessage = true;
        m_messageOpcode = h.opcode;
        m_messageWire = 0;
        m_utf8.reset();
    }
    if (h.payloadLength > m_max || quint64(m_message.size()) + h.payloadLength > m_max) {
        fail(sink, 1009, QStringLiteral("message too big"));
        return false;
    }
    m_messageWire += qint64(h.headerLength) + qint64(h.payloadLength);
    const qsizetype need = m_message.size() + qsizetype(h.payloadLength);
    if (m_message.isEmpty() && h.fin)
        m_message.reserve(need); // one frame, one message: exactly its size
    else if (need > m_message.capacity())
        m_message.reserve(
            qsizetype(qMin<quint64>(m_max, quint64(qMax(need, 2 * m_message.capacity())))));
    return true;
}

bool FrameReader::endFrame(FrameSink &sink)
{
    m_inFrame = false;
    const FrameHeader h = m_header;
    if (h.isControl()) {
        QByteArray payload = std::exchange(m_control, {});
        switch (Opcode(h.opcode)) {
        case Opcode::Ping: sink.framePing(std::move(payload)); return true;
        case Opcode::Pong: sink.framePong(std::move(payload)); return true;
        default: break;
        }
        // Close: no payload, or a valid code and a UTF-8 reason.
        if (payload.isEmpty()) {
            m_stopped = true;
            sink.frameClose(1005, {});
            return false;
        }
        if (payload.size() == 1) {
            fail(sink, 1002, QStringLiteral("close frame with a 1-byte payload"));
            return false;
        }
        const int code = (quint8(payload.at(0)) << 8) | quint8(payload.at(1));
        if (!isValidReceivedCloseCode(code)) {
            fail(sink, 1002, QStringLiteral("invalid close code %1").arg(code));
            return false;
        }
        Utf8Validator reason;
        const QByteArrayView text = QByteArrayView(payload).sliced(2);
        if (!reason.feed(text) || !reason.complete()) {
            fail(sink, 1007, QStringLiteral("invalid UTF-8 in the close reason"));
            return false;
        }
        m_stopped = true;
        sink.frameClose(code, QString::fromUtf8(text));
        return false;
    }
    if (!h.fin)
        return true;
    const bool text = m_messageOpcode == quint8(Opcode::Text);
    if (text && !m_utf8.complete()) {
        fail(sink, 1007, QStringLiteral("a text message ends inside a UTF-8 character"));
        return false;
    }
    m_inMessage = false;
    QByteArray message = std::exchange(m_message, {});
    sink.frameMessage(text, std::move(message), std::exchange(m_messageWire, 0));
    return !m_stopped;
}

void FrameReader::fail(FrameSink &sink, int code, const QString &reason)
{
    m_stopped = true;
    m_message = {};
    m_control = {};
    sink.frameError(code, reason);
}

void FrameReader::unmaskInto(QByteArray &out, QByteArrayView bytes)
{
    const qsizetype before = out.size();
    if (!m_header.masked) {
        out.append(bytes);
        return;
    }
    out.resize(before + bytes.size());
    quint8 key[4];
    for (int i = 0; i < 4; ++i)
        key[i] = quint8(m_header.maskKey >> (24 - 8 * i));
    auto *dst = reinterpret_cast<quint8 *>(out.data()) + before;
    const auto *src = reinterpret_cast<const quint8 *>(bytes.data());
    const quint64 offset = m_frameHave;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        dst[i] = src[i] ^ key[(offset + quint64(i)) & 3];
}

} // namespace duplex::ws
