// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "names.h"

#include <QCoreApplication>

namespace duplex::proto {

int codePointLength(const QString &s)
{
    int n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

std::optional<QString> nickProblem(const QString &nick)
{
    const int len = codePointLength(nick);
    if (len < 1)
        return QCoreApplication::translate("duplex", "A nickname cannot be empty.");
    if (len > limits::NickMax)
        return QCoreApplication::translate("duplex", "A nickname has at most %1 characters.")
            .arg(limits::NickMax);
    for (qsizetype i = 0; i < nick.size(); ++i) {
        char32_t cp = nick.at(i).unicode();
        if (nick.at(i).isHighSurrogate()) {
            if (i + 1 >= nick.size() || !nick.at(i + 1).isLowSurrogate())
                return QCoreApplication::translate("duplex", "The nickname is not valid text.");
            cp = QChar::surrogateToUcs4(nick.at(i), nick.at(i + 1));
            ++i;
        } else if (nick.at(i).isLowSurrogate()) {
            return QCoreApplication::translate("duplex", "The nickname is not valid text.");
        }
        if (cp == U'_' || cp == U'-' || cp == U'.')
            continue;
        const auto cat = QChar::category(cp);
        const bool ok = QChar::isLetter(cp) || QChar::isDigit(cp) || cat == QChar::Mark_NonSpacing
            || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing;
        if (!ok)
            return QCoreApplication::translate(
                "duplex", "A nickname may contain letters, digits, '_', '-' and '.' only.");
    }
    const QString key = nickKey(nick);
    if (key == QLatin1String("server") || key == QLatin1String("system"))
        return QCoreApplication::translate("duplex", "The nickname \"%1\" is reserved.").arg(nick);
    return std::nullopt;
}

QString nickKey(const QString &nick)
{
    return nick.toCaseFolded();
}

std::optional<QString> roomProblem(const QString &room)
{
    if (room.isEmpty())
        return QCoreApplication::translate("duplex", "A room name cannot be empty.");
    if (room.size() > limits::RoomMax)
        return QCoreApplication::translate("duplex", "A room name has at most %1 characters.")
            .arg(limits::RoomMax);
    for (QChar c : room) {
        const char16_t u = c.unicode();
        const bool ok
            = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!ok)
            return QCoreApplication::translate(
                "duplex", "A room name may contain a-z, 0-9, '_' and '-' only.");
    }
    return std::nullopt;
}

bool isValidId(const QString &id)
{
    const int len = codePointLength(id);
    return len >= 1 && len <= limits::IdMax;
}

static bool isStripped(char32_t cp)
{
    if (cp == U'\n' || cp == U'\t')
        return false;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
        return true;
    if (cp >= 0x202a && cp <= 0x202e)
        return true;
    if (cp >= 0x2066 && cp <= 0x2069)
        return true;
    return false;
}

QString sanitizeText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        if (c.isSurrogate()) {
            out.append(QChar::ReplacementCharacter); // a lone surrogate is not text
            continue;
        }
        if (!isStripped(c.unicode()))
            out.append(c);
    }
    return out.trimmed();
}

std::optional<ErrorCode> textProblem(const QString &text, int maxChars)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return ErrorCode::Empty;
    if (codePointLength(t) > maxChars)
        return ErrorCode::TooLong;
    return std::nullopt;
}

} // namespace duplex::proto
