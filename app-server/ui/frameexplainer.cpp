// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "frameexplainer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace duplex::server::xray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::xray", text);
}

/// With a count: Qt's plural forms (German "1 Byte", "2 Bytes").
QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("duplex::server::xray", text, disambiguation, n);
}

/// The fields, each with a light tint of the Okabe-Ito palette (told apart by people with
/// any common colour-vision deficiency, and readable with black text on a washed-out
/// projector) AND a number, so that colour is never the only cue.
struct Field {
    const char *tint;
    const char *mark;
};
constexpr Field Byte0 {"#ffd98a", "\u2460"};   // orange:  FIN, RSV, opcode
constexpr Field Byte1 {"#b7e0f7", "\u2461"};   // sky blue: MASK, 7-bit length
constexpr Field ExtLen {"#a8e3cf", "\u2462"};  // bluish green: 16/64-bit length
constexpr Field MaskKey {"#f2c2dc", "\u2463"}; // reddish purple: masking key
constexpr Field Payload {"#e4e4e4", "\u2464"}; // grey: payload

constexpr int HexShown = 24; ///< payload bytes shown in the hex row
constexpr int XorShown = 8;  ///< payload bytes whose XOR is worked out

QString hex(QByteArrayView bytes)
{
    QString s;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i)
            s += QLatin1Char(' ');
        s += QStringLiteral("%1").arg(quint8(bytes[i]), 2, 16, QLatin1Char('0'));
    }
    return s;
}

QString bits(quint8 byte)
{
    return QStringLiteral("%1").arg(byte, 8, 2, QLatin1Char('0'));
}

QString cell(const Field &f, const QString &text)
{
    return QStringLiteral("<td bgcolor=\"%1\" style=\"font-family:monospace; color:#000\">"
                          "%2&nbsp;%3</td>")
        .arg(QLatin1String(f.tint), QString::fromUtf8(f.mark), text);
}

QString label(const QString &text)
{
    return QStringLiteral("<td style=\"color:#000\"><small>%1</small></td>").arg(text);
}

/// A byte as a character a student can read ("·" when it is not printable ASCII).
QString charFor(quint8 b)
{
    if (b >= 0x20 && b < 0x7f)
        return QString(QChar(b)).toHtmlEscaped();
    return QStringLiteral("\u00b7");
}

QString opcodeWords(quint8 opcode)
{
    switch (opcode) {
    case 0x0: return tr("continuation: the next piece of a message started by an earlier frame");
    case 0x1: return tr("text: the payload is UTF-8 text (Duplex sends JSON)");
    case 0x2: return tr("binary: the payload is raw bytes");
    case 0x8: return tr("close: the sender ends the connection (a code and a reason follow)");
    case 0x9: return tr("ping: \"are you still there?\" - the other side must answer with a pong");
    case 0xA: return tr("pong: the answer to a ping, with the ping's payload");
    default: return tr("reserved: no meaning in RFC 6455 (a protocol error)");
    }
}

QString lengthWhy(const ws::FrameHeader &h)
{
    const QLocale l;
    switch (h.lengthForm) {
    case ws::LengthForm::Short7:
        return tr("%1 fits in the 7 bits of this byte (0-125): the short form, no extra "
                  "length bytes.")
            .arg(l.toString(h.payloadLength));
    case ws::LengthForm::Medium16:
        return tr("126 here means \"the length is in the next 2 bytes\" (16-bit form): %1 is "
                  "more than 125 but at most 65,535.")
            .arg(l.toString(h.payloadLength));
    case ws::LengthForm::Long64:
        return tr("127 here means \"the length is in the next 8 bytes\" (64-bit form): %1 is "
                  "more than 65,535.")
            .arg(l.toString(h.payloadLength));
    }
    return {};
}

QString httpHtml(const WireRecord &r)
{
    QString text = QString::fromLatin1(r.wire).toHtmlEscaped();
    // Show the line ends HTTP requires, so that the blank line that ends the head is seen.
    text.replace(QStringLiteral("\r\n"),
                 QStringLiteral("<font color=\"#0072b2\">\u240d\u240a"
                                "</font>\n"));
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(r.out ? tr("The server's HTTP answer head, byte for byte. A 101 "
                                       "switches this TCP connection to WebSocket frames.")
                                  : tr("The client's HTTP request head, byte for byte. "
                                       "\u240d\u240a is the CR LF that ends each line; an empty "
                                       "line ends the head."));
    html
        += QStringLiteral("<pre style=\"color:#000; background-color:#f4f4f4\">%1</pre>").arg(text);
    html += QStringLiteral("<p>%1</p>")
                .arg((r.length == 1 ? tr("1 byte on the wire%1.")
                                    : tr("%n bytes on the wire%1.", nullptr, int(r.length)))
                         .arg(r.cut ? tr(" (only the first %1 kept)").arg(r.wire.size())
                                    : QString()));
    return html;
}

} // namespace

QString hideTokens(QString text)
{
    static const QRegularExpression token(
        QStringLiteral(R"re("(session|resume)"\s*:\s*"[^"]+")re"));
    text.replace(token,
                 QStringLiteral("\"\\1\":\"\u2022\u2022\u2022\u2022 (%1)\"")
                     .arg(tr("resume token, hidden")));
    return text;
}

QString lengthFormWords(ws::LengthForm form)
{
    switch (form) {
    case ws::LengthForm::Short7: return tr("7-bit (0-125)");
    case ws::LengthForm::Medium16: return tr("16-bit (126-65,535)");
    case ws::LengthForm::Long64: return tr("64-bit (over 65,535)");
    }
    return {};
}

QString kindName(const WireRecord &r)
{
    if (r.kind == WireRecord::Kind::Http)
        return QStringLiteral("HTTP");
    return ws::opcodeName(r.header.opcode);
}

QString summary(const WireRecord &r)
{
    if (r.kind == WireRecord::Kind::Http)
        return QString::fromLatin1(r.wire.left(r.wire.indexOf('\r')));
    const QByteArray p = r.payload();
    QString s = r.header.fin ? QStringLiteral("FIN") : tr("more follows");
    s += QStringLiteral(", ")
        + (r.length == 1 ? tr("1 byte") : tr("%n bytes", nullptr, int(r.length)));
    if (r.header.opcode == 0x8 && p.size() >= 2) {
        const int code = (quint8(p[0]) << 8) | quint8(p[1]);
        s += QStringLiteral(": %1 %2").arg(code).arg(ws::closeCodeWords(code));
        if (p.size() > 2)
            s += QStringLiteral(" \"%1\"").arg(QString::fromUtf8(p.mid(2)));
    } else if (r.header.opcode <= 0x1 || r.header.opcode >= 0x9) {
        if (!p.isEmpty())
            s += QStringLiteral(": ") + hideTokens(QString::fromUtf8(p.left(200))).left(100);
    }
    return s;
}

QString explainHtml(const WireRecord &r, const QString &who)
{
    const QString direction = r.out ? tr("server \u2192 client") : tr("client \u2192 server");
    QString html = QStringLiteral("<h3 style=\"color:#000\">%1</h3>")
                       .arg(tr("%1 %2, %3, %4")
                                .arg(kindName(r), direction,
                                     who.isEmpty() ? tr("client %1").arg(r.clientId) : who,
                                     QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(
                                         QStringLiteral("HH:mm:ss.zzz")))
                                .toHtmlEscaped());
    if (r.kind == WireRecord::Kind::Http)
        return html + httpHtml(r);

    const ws::FrameHeader &h = r.header;
    const QByteArray &w = r.wire;
    if (w.size() < h.headerLength)
        return html + QStringLiteral("<p>%1</p>").arg(tr("The frame's header is incomplete."));
    const int lenBytes = h.headerLength - 2 - (h.masked ? 4 : 0);
    const QByteArray maskedPayload = w.mid(h.headerLength);
    const QByteArray payload = r.payload();

    // --- the bytes, field by field -----------------------------------------------------
    QString top, bottom;
    top += cell(Byte0, hex(w.first(1)));
    bottom += label(tr("FIN, RSV1-3, opcode"));
    top += cell(Byte1, hex(w.sliced(1, 1)));
    bottom += label(tr("MASK, length"));
    if (lenBytes > 0) {
        top += cell(ExtLen, hex(w.sliced(2, lenBytes)));
        bottom += label(tr("length, %1 bits").arg(lenBytes * 8));
    }
    if (h.masked) {
        top += cell(MaskKey, hex(w.sliced(2 + lenBytes, 4)));
        bottom += label(tr("masking key"));
    }
    if (h.payloadLength > 0) {
        QString shown = hex(
            QByteArrayView(maskedPayload).first(qMin<qsizetype>(HexShown, maskedPayload.size())));
        if (qint64(h.payloadLength) > HexShown)
            shown += tr(" \u2026 (%1 more)").arg(qint64(h.payloadLength) - HexShown);
        top += cell(Payload, shown);
        bottom += label(h.masked ? tr("payload (masked)") : tr("payload"));
    }
    html += QStringLiteral("<table cellspacing=\"3\" cellpadding=\"5\"><tr>%1</tr><tr>%2</tr>"
                           "</table>")
                .arg(top, bottom);

    // --- each field in words ---------------------------------------------------------------
    const quint8 b0 = quint8(w[0]);
    const quint8 b1 = quint8(w[1]);
    const QString b0bits = bits(b0);
    const QString b1bits = bits(b1);
    html += QStringLiteral("<p style=\"color:#000\">%1 <b>%2</b> = <tt>%3 %4 %5</tt></p><ul>")
                .arg(QString::fromUtf8(Byte0.mark), tr("byte 1"), b0bits.left(1), b0bits.mid(1, 3),
                     b0bits.mid(4));
    html += QStringLiteral("<li><b>FIN = %1</b>: %2</li>")
                .arg(h.fin ? 1 : 0)
                .arg(h.fin ? tr("this is the last frame of its message (or the only one).")
                           : tr("more frames of this message follow (continuation frames)."));
    html += QStringLiteral("<li><b>RSV1-3 = %1</b>: %2</li>")
                .arg(b0bits.mid(1, 3))
                .arg(h.rsv == 0 ? tr("no extension in use (Qt 6.4 has no compression).")
                                : tr("an extension bit is set; nobody agreed on one, so this is "
                                     "a protocol error."));
    html += QStringLiteral("<li><b>%1 = %2 (0x%3)</b>: %4</li>")
                .arg(tr("opcode"), b0bits.mid(4))
                .arg(h.opcode, 0, 16)
                .arg(opcodeWords(h.opcode).toHtmlEscaped());
    html += QStringLiteral("</ul><p>%1 <b>%2</b> = <tt>%3 %4</tt></p><ul>")
                .arg(QString::fromUtf8(Byte1.mark), tr("byte 2"), b1bits.left(1), b1bits.mid(1));
    html += QStringLiteral("<li><b>MASK = %1</b>: %2</li>")
                .arg(h.masked ? 1 : 0)
                .arg(h.masked ? tr("the payload is masked with the 4-byte key below. Every "
                                   "frame a client sends must be masked.")
                              : tr("not masked. A server never masks its frames."));
    html += QStringLiteral("<li><b>%1 = %2</b>: %3</li>")
                .arg(tr("length"))
                .arg(b1 & 0x7f)
                .arg(lengthWhy(h).toHtmlEscaped());
    html += QStringLiteral("</ul>");
    if (lenBytes > 0)
        html += QStringLiteral("<p>%1 <b>%2</b>: <tt>%3</tt> = %4</p>")
                    .arg(QString::fromUtf8(ExtLen.mark), tr("extended length"),
                         hex(w.sliced(2, lenBytes)),
                         tr("%1 bytes (%2 form)")
                             .arg(QLocale().toString(h.payloadLength),
                                  lengthFormWords(h.lengthForm)));
    if (h.masked)
        html += QStringLiteral("<p>%1 <b>%2</b>: <tt>%3</tt> - %4</p>")
                    .arg(QString::fromUtf8(MaskKey.mark), tr("masking key"),
                         hex(w.sliced(2 + lenBytes, 4)),
                         tr("four random bytes the client chose for this frame alone."));

    // --- unmasking worked out --------------------------------------------------------------
    if (h.masked && !maskedPayload.isEmpty()) {
        const QByteArray key = h.maskKeyBytes();
        html += QStringLiteral("<p>%1 <b>%2</b> %3</p>")
                    .arg(QString::fromUtf8(Payload.mark), tr("unmasking"),
                         tr("payload byte i XOR key byte (i mod 4):"));
        QString rows[4];
        const int n = int(qMin<qsizetype>(XorShown, maskedPayload.size()));
        for (int i = 0; i < n; ++i) {
            const quint8 m = quint8(maskedPayload[i]);
            const quint8 k = quint8(key[i % 4]);
            rows[0] += QStringLiteral("<td bgcolor=\"%1\"><tt>%2</tt></td>")
                           .arg(QLatin1String(Payload.tint))
                           .arg(m, 2, 16, QLatin1Char('0'));
            rows[1] += QStringLiteral("<td bgcolor=\"%1\"><tt>\u2295 %2</tt></td>")
                           .arg(QLatin1String(MaskKey.tint))
                           .arg(k, 2, 16, QLatin1Char('0'));
            rows[2] += QStringLiteral("<td><tt><b>= %1</b></tt></td>")
                           .arg(m ^ k, 2, 16, QLatin1Char('0'));
            rows[3] += QStringLiteral("<td><tt><b>%1</b></tt></td>").arg(charFor(m ^ k));
        }
        html += QStringLiteral("<table cellspacing=\"2\" cellpadding=\"4\">"
                               "<tr><td><small>%1</small></td>%2</tr>"
                               "<tr><td><small>%3</small></td>%4</tr>"
                               "<tr><td><small>%5</small></td>%6</tr>"
                               "<tr><td><small>%7</small></td>%8</tr></table>")
                    .arg(tr("masked"), rows[0], tr("key"), rows[1], tr("unmasked"), rows[2],
                         tr("text"), rows[3]);
    }

    // --- the payload, readable ---------------------------------------------------------------
    if (h.opcode == 0x8) {
        if (payload.size() >= 2) {
            const int code = (quint8(payload[0]) << 8) | quint8(payload[1]);
            html += QStringLiteral("<p><b>%1</b>: <tt>%2</tt> = %3 - %4</p>")
                        .arg(tr("close code"), hex(payload.first(2)))
                        .arg(code)
                        .arg(ws::closeCodeMeaning(code).toHtmlEscaped());
            html += QStringLiteral("<p><b>%1</b>: %2</p>")
                        .arg(tr("reason"),
                             payload.size() > 2 ? QStringLiteral("\"%1\"").arg(
                                 QString::fromUtf8(payload.mid(2)).toHtmlEscaped())
                                                : tr("(none)"));
        } else {
            html += QStringLiteral("<p>%1</p>").arg(tr("No code: the close has no payload."));
        }
    } else if (!payload.isEmpty()) {
        const bool text = h.opcode == 0x1 || h.opcode == 0x0 || h.opcode == 0x9 || h.opcode == 0xA;
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(h.masked ? tr("The payload, unmasked:") : tr("The payload:"));
        html += QStringLiteral("<pre style=\"color:#000; background-color:#f4f4f4\">%1</pre>")
                    .arg(text ? hideTokens(QString::fromUtf8(payload)).toHtmlEscaped()
                              : hex(payload));
    }
    if (r.cut)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Only the first %n bytes of this frame were kept (%1 on the wire).",
                            nullptr, int(w.size()))
                             .arg(QLocale().toString(qint64(h.headerLength) + r.length)));
    return html;
}

} // namespace duplex::server::xray
