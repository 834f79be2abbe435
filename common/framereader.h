// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// The server's WebSocket frame reader (RFC 6455, client to server): a streaming parser over
// a connection's bytes, with no socket in it, so that it can be unit-tested and fuzzed.
// Bytes may arrive in any pieces; the reader keeps only what it must (a partial header, the
// message being assembled, a control frame's payload), each in an array of its own size, so
// the caller can drop the chunk it read from its socket right after feed().

#include "websocket.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace duplex::ws {

/// What a FrameReader finds, in order. A sink may call FrameReader::stop() from any of
/// these (the connection is closing): feed() then returns without reading further.
class FrameSink
{
public:
    /// A complete message, unmasked: text (valid UTF-8, checked across its fragments) or
    /// binary. `wireBytes`: its frames' bytes on the wire, headers included.
    virtual void frameMessage(bool text, QByteArray &&payload, qint64 wireBytes) = 0;
    virtual void framePing(QByteArray &&payload) = 0;
    virtual void framePong(QByteArray &&payload) = 0;
    /// The peer's close frame (1005 and no reason when it carried no code). The reader stops.
    virtual void frameClose(int code, QString &&reason) = 0;
    /// The peer broke the rules: close with `code` (1002 protocol error, 1007 invalid
    /// UTF-8, 1009 too big) and `reason`. The reader stops.
    virtual void frameError(int code, const QString &reason) = 0;

protected:
    ~FrameSink() = default;
};

/// Sees the bytes a FrameReader consumes, exactly as it consumes them, before it acts on
/// them (the wire tap): what it shows is what the reader parsed, frame boundaries included.
class WireSink
{
public:
    /// `bytes` are the next ones the reader took; `frameStart`: they begin a frame's header.
    /// Called before the FrameSink hears of the frame they complete.
    virtual void wireRead(QByteArrayView bytes, bool frameStart) = 0;

protected:
    ~WireSink() = default;
};

/// Incremental UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF): a character may be split across any two feeds.
class Utf8Validator
{
public:
    /// False at the first invalid byte (the validator stays invalid until reset).
    bool feed(QByteArrayView bytes);
    /// True when no character is left unfinished.
    bool complete() const { return m_need == 0; }
    void reset() { m_need = 0, m_lo = 0x80, m_hi = 0xBF, m_bad = false; }

private:
    quint8 m_need = 0;  ///< continuation bytes still expected
    quint8 m_lo = 0x80; ///< bounds of the next continuation byte
    quint8 m_hi = 0xBF;
    bool m_bad = false;
};

/// Is `code` one a peer may send in a close frame (RFC 6455 7.4, and the IANA registry)?
bool isValidReceivedCloseCode(int code);

class FrameReader
{
public:
    /// maxMessageBytes: per frame and per message (payload), over it 1009. requireMask: a
    /// server reads client frames, which must be masked (else 1002).
    explicit FrameReader(quint64 maxMessageBytes = 64 * 1024, bool requireMask = true)
        : m_max(maxMessageBytes)
        , m_requireMask(requireMask)
    {
    }

    /// Reads the next bytes, calling the sink for everything they complete. Returns the
    /// bytes consumed: all of them, unless the reader stopped on the way. `wire` (may be
    /// null) is handed every piece consumed, in order, before the sink acts on it.
    qsizetype feed(QByteArrayView bytes, FrameSink &sink, WireSink *wire = nullptr);
    /// Reads nothing more (an error, the peer's close, or the caller is closing).
    void stop() { m_stopped = true; }
    bool stopped() const { return m_stopped; }
    /// Bytes held between feeds (a partial frame, a fragmented message).
    qsizetype heldBytes() const { return m_message.capacity() + m_control.capacity(); }
    /// A frame or message is unfinished.
    bool inTheMiddle() const { return m_headHave > 0 || m_inFrame || m_inMessage; }

private:
    bool startFrame(FrameSink &sink);
    bool endFrame(FrameSink &sink);
    void fail(FrameSink &sink, int code, const QString &reason);
    void unmaskInto(QByteArray &out, QByteArrayView bytes);

    quint64 m_max;
    FrameHeader m_header;    ///< the current frame's, once its header is complete
    quint64 m_frameHave = 0; ///< payload bytes of the current frame read so far
    qint64 m_messageWire = 0;
    QByteArray m_message; ///< the data message being assembled (unmasked)
    QByteArray m_control; ///< the control frame being read (<= 125 bytes)
    Utf8Validator m_utf8;
    char m_head[14] = {};
    quint8 m_headHave = 0;
    quint8 m_messageOpcode = 0; ///< Text or Binary while a message is in progress
    bool m_inFrame = false;
    bool m_inMessage = false;
    bool m_requireMask;
    bool m_stopped = false;
};

} // namespace duplex::ws
