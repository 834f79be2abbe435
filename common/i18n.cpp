// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "i18n.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace duplex {

namespace {

// lupdate files a tr() call by the class or namespace it sits in, while a file-local helper
// such as `tr(text) { return translate("duplex::server::ServerOptions", text); }` asks with
// a longer context at run time, so the lookup would miss and the text stay English. On a
// miss this translator retries with the enclosing namespace ("duplex::server"), then its
// parent, which keeps such helpers translated without each one having to match lupdate.
class NamespaceFallbackTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        QByteArray scope(context ? context : "");
        for (;;) {
            const QString found
                = QTranslator::translate(scope.constData(), sourceText, disambiguation, n);
            if (!found.isNull())
                return found;
            const qsizetype cut = scope.lastIndexOf("::");
            if (cut < 0)
                return QString();
            scope.truncate(cut);
        }
    }
};

// The user's languages in order of preference (e.g. LANGUAGE=fr:de, or just de-DE from
// LANG), cut at the first English one: English is the source language, so a user who ranks
// English above German must not get German just because we happen to ship it.
QStringList wantedLanguages(const QLocale &locale)
{
    QStringList wanted;
    const QStringList ui = locale.uiLanguages();
    for (const QString &language : ui) {
        if (language == QLatin1String("C") || language.startsWith(QLatin1String("en")))
            break;
        wanted.append(QString(language).replace(QLatin1Char('-'), QLatin1Char('_')));
    }
    return wanted;
}

// Loads "<name>_<language>.qm" from the first folder that has it. QTranslator::load also
// strips the country, so "de_AT" falls back to "de".
template<typename Translator = QTranslator>
QTranslator *load(QCoreApplication &app, const QString &language, const QString &name,
                  const QStringList &folders)
{
    for (const QString &folder : folders) {
        auto *translator = new Translator(&app);
        if (translator->load(name + QLatin1Char('_') + language, folder) && !translator->isEmpty())
            return translator;
        delete translator;
    }
    return nullptr;
}

} // namespace

void installTranslators(QCoreApplication &app, const QString &catalog)
{
    const QStringList languages = wantedLanguages(QLocale());
    if (languages.isEmpty())
        return;

    // The first preferred language we have a catalog for wins, and Qt's own strings follow
    // it, so dialogs and --help never mix two languages. Without any catalog, Qt's strings
    // still follow the first preference.
    QString chosen = languages.first();
    for (const QString &language : languages) {
        if (QTranslator *ours = load<NamespaceFallbackTranslator>(app, language, catalog,
                                                                  {QStringLiteral(":/i18n")})) {
            QCoreApplication::installTranslator(ours);
            chosen = language;
            break;
        }
    }
    // Qt's catalog: the system Qt's folder on Linux; next to the program when deployed with
    // windeployqt/macdeployqt, which copy it to <app>/translations.
    if (QTranslator *qt
        = load(app, chosen, QStringLiteral("qtbase"),
               {QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                QCoreApplication::applicationDirPath() + QStringLiteral("/translations")}))
        QCoreApplication::installTranslator(qt);
}

} // namespace duplex
