// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "names.h"

#include <QCoreApplication>

#ifdef DUPLEX_HAVE_ICU
#include <unicode/uchar.h>
#include <unicode/uspoof.h>
#endif

#include <memory>

namespace duplex::proto {

namespace {

/// Unicode's Default_Ignorable_Code_Point: characters that show nothing (zero-width
/// spaces and joiners, U+3164 HANGUL FILLER, variation selectors, ...).
bool isDefaultIgnorable(char32_t cp)
{
#ifdef DUPLEX_HAVE_ICU
    return u_hasBinaryProperty(UChar32(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
#else
    // DerivedCoreProperties.txt (Unicode 15), the same set.
    static constexpr char32_t ranges[][2] = {
        {0x00AD, 0x00AD},   {0x034F, 0x034F}, {0x061C, 0x061C},   {0x115F, 0x1160},
        {0x17B4, 0x17B5},   {0x180B, 0x180F}, {0x200B, 0x200F},   {0x202A, 0x202E},
        {0x2060, 0x206F},   {0x3164, 0x3164}, {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},
        {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
        {0xE0000, 0xE0FFF},
    };
    for (const auto &r : ranges) {
        if (cp >= r[0] && cp <= r[1])
            return true;
    }
    return false;
#endif
}

bool isMark(char32_t cp)
{
    const auto cat = QChar::category(cp);
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining
        || cat == QChar::Mark_Enclosing;
}

template<typename F> void forEachCodePoint(const QString &s, F f)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t cp = s.at(i).unicode();
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
            ++i;
        }
        if (!f(cp))
            return;
    }
}

#ifdef DUPLEX_HAVE_ICU
/// One checker for the process: ICU's check functions are thread-safe once configured.
const USpoofChecker *spoofChecker()
{
    static const std::unique_ptr<USpoofChecker, void (*)(USpoofChecker *)> checker = [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker *sc = uspoof_open(&status);
        if (U_FAILURE(status)) {
            uspoof_close(sc);
            sc = nullptr;
        }
        return std::unique_ptr<USpoofChecker, void (*)(USpoofChecker *)>(sc, &uspoof_close);
    }();
    return checker.get();
}

/// TR39 skeleton ("Ѕеrvеr" -> "Server"); the input itself if ICU fails.
QString skeleton(const QString &s)
{
    const USpoofChecker *sc = spoofChecker();
    if (!sc || s.isEmpty())
        return s;
    QString out(s.size() * 2 + 8, Qt::Uninitialized);
    UErrorCode status = U_ZERO_ERROR;
    int32_t n
        = uspoof_getSkeleton(sc, 0, reinterpret_cast<const UChar *>(s.utf16()), int32_t(s.size()),
                             reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(n);
        status = U_ZERO_ERROR;
        n = uspoof_getSkeleton(sc, 0, reinterpret_cast<const UChar *>(s.utf16()), int32_t(s.size()),
                               reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), &status);
    }
    if (U_FAILURE(status))
        return s;
    out.resize(n);
    return out;
}
#else
/// Without ICU: no look-alike folding beyond NFKD (compatibility forms) and case.
QString skeleton(const QString &s)
{
    return s.normalized(QString::NormalizationForm_KD);
}
#endif

} // namespace

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
        const bool first = i == 0;
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
        if (isDefaultIgnorable(cp))
            return QCoreApplication::translate("duplex",
                                               "A nickname cannot contain invisible characters.");
        const bool mark = isMark(cp);
        if (mark && first)
            return QCoreApplication::translate(
                "duplex", "A nickname cannot start with an accent or other combining mark.");
        const bool ok = QChar::isLetter(cp) || QChar::isDigit(cp) || mark;
        if (!ok)
            return QCoreApplication::translate(
                "duplex", "A nickname may contain letters, digits, '_', '-' and '.' only.");
    }
    static const QString reserved[]
        = {nickKey(QStringLiteral("server")), nickKey(QStringLiteral("system"))};
    const QString key = nickKey(nick);
    for (const QString &r : reserved) {
        if (key == r)
            return QCoreApplication::translate("duplex", "The nickname \"%1\" is reserved.")
                .arg(nick);
    }
    return std::nullopt;
}

QString normalizedNick(const QString &nick)
{
    return nick.normalized(QString::NormalizationForm_C);
}

QString nickKey(const QString &nick)
{
    return skeleton(normalizedNick(nick).toCaseFolded()).toCaseFolded();
}

bool nickLooksLike(const QString &a, const QString &b)
{
    return nickKey(a) == nickKey(b);
}

bool looksBlank(const QString &text)
{
    bool blank = true;
    forEachCodePoint(text, [&](char32_t cp) {
        const auto cat = QChar::category(cp);
        if (QChar::isSpace(cp) || isDefaultIgnorable(cp) || cat == QChar::Other_Format
            || cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing || cp == 0x2800)
            return true;
        blank = false;
        return false;
    });
    return blank;
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
    if (t.isEmpty() || looksBlank(t))
        return ErrorCode::Empty;
    if (codePointLength(t) > maxChars)
        return ErrorCode::TooLong;
    return std::nullopt;
}

} // namespace duplex::proto
