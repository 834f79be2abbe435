// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// RFC 6455 facts in one place: the accept key, the GUID, the close codes in words, and the
// frame header codec. No sockets and no chat here: the engine, the window's handshake and
// frame views and the tests all use these.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>

namespace duplex::ws {

/// The GUID RFC 6455 appends to the client's key (section 1.3).
inline constexpr char Guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// base64(SHA-1(key + Guid)): the Sec-WebSocket-Accept a server answers to that key.
QByteArray acceptKey(QByteArrayView secWebSocketKey);

/// Frame opcodes (RFC 6455 section 5.2).
enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

/// Which of the three length encodings a frame header uses.
enum class LengthForm : quint8 {
    Short7 = 7,    ///< 0-125: in the 7 bits of the second byte
    Medium16 = 16, ///< 126-65535: 126, then 16 bits
    Long64 = 64,   ///< more: 127, then 64 bits
};

/// One decoded frame header.
struct FrameHeader {
    bool fin = true;
    quint8 rsv = 0; ///< RSV1-3 as bits 2..0
    quint8 opcode = 0;
    bool masked = false;
    quint32 maskKey = 0; ///< big-endian as on the wire (first key byte in bits 31..24)
    quint64 payloadLength = 0;
    LengthForm lengthForm = LengthForm::Short7;
    int headerLength = 2; ///< 2-14 bytes

    bool isControl() const { return opcode >= 0x8; }
    /// The masking key's four bytes.
    QByteArray maskKeyBytes() const;
};

/// Decodes the header at the start of `data`. std::nullopt while it is incomplete.
std::optional<FrameHeader> decodeHeader(QByteArrayView data);

/// Encodes a frame header (and, for masked frames, the key) for a payload of `length`.
QByteArray encodeHeader(const FrameHeader &header);

/// A complete unmasked (server to client) frame: FIN, the opcode, the shortest length
/// form, then the payload.
QByteArray serverFrame(QByteArrayView payload, Opcode opcode = Opcode::Text);

/// XORs `payload` with the mask key, starting at byte `offset` of the payload (masking is
/// its own inverse: the same call masks and unmasks).
QByteArray applyMask(QByteArrayView payload, quint32 maskKey, quint64 offset = 0);

/// One frame as it went over the wire, cut after `keep` bytes (header included).
struct WireFrame {
    FrameHeader header;
    QByteArray wire;        ///< the first bytes on the wire (header, key, payload), <= keep
    quint64 wireLength = 0; ///< header + payload: every byte the frame took on the wire
    bool cut = false;       ///< wire holds less than wireLength
};

/// Splits a byte stream into frames as they arrive: one chunk may carry several frames, one
/// frame may arrive in many chunks. Memory is bounded: the header and at most `keep` bytes
/// of each frame are kept, the rest is only counted.
class FrameStream
{
public:
    explicit FrameStream(qsizetype keep = 4096)
        : m_keep(qMax<qsizetype>(keep, 14))
    {
    }
    /// Feeds the next bytes; calls `done` for every frame they complete, in order.
    void feed(QByteArrayView bytes, const std::function<void(WireFrame &&)> &done);
    /// Bytes of an unfinished frame (0 at a frame boundary).
    quint64 pending() const { return m_have; }
    /// The unfinished frame, when its header is complete (the connection ended in the
    /// middle of it: what arrived, cut); the stream is at a frame boundary again.
    std::optional<WireFrame> takePartial();
    /// Forgets an unfinished frame (the stream is re-synchronised by the caller).
    void reset() { m_current = {}, m_have = 0, m_headerKnown = false; }

private:
    qsizetype m_keep;
    WireFrame m_current;
    quint64 m_have = 0; ///< bytes of the current frame seen so far
    bool m_headerKnown = false;
};

/// The name of an opcode ("text", "binary", "continuation", "close", "ping", "pong", or
/// "reserved 0x3").
QString opcodeName(quint8 opcode);

/// The short words for a close code ("normal", "going away", ... "kicked"); empty for
/// codes we have no words for. Not translated: the engine's logs use them.
QString closeCodeWords(int code);

/// What a close code means, in a translated sentence a teacher can read aloud.
QString closeCodeMeaning(int code);

} // namespace duplex::ws
