// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The German catalogs: compiled into the programs, loaded for a German locale (and not for
// an English one), complete, and really used by the shipped programs when LANG=de_DE.UTF-8.
#include "i18n.h"
#include "names.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

using namespace duplex;

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
    bool numerus = false;
    QStringList forms; ///< the numerus forms (German: singular, plural)
};

// The messages of a Linguist .ts file that are in use (vanished/obsolete ones are skipped).
QList<TsMessage> readTs(const QString &path)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool skip = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message") && !skip)
                messages.append(current);
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = TsMessage {
                context,
                {},
                {},
                false,
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                {}};
            skip = false;
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            skip = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            current.unfinished = type == QLatin1String("unfinished");
            if (!current.numerus)
                current.translation = xml.readElementText();
        } else if (xml.name() == QLatin1String("numerusform")) {
            current.forms.append(xml.readElementText());
            if (current.translation.isEmpty())
                current.translation = current.forms.last();
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

bool hasAccelerator(const QString &text)
{
    // "&&" is a literal ampersand, not an accelerator.
    return QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&'));
}

QString catalogPath(const QString &catalog)
{
    return QStringLiteral(DUPLEX_TRANSLATIONS_DIR "/%1_de.ts").arg(catalog);
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void catalogIsEmbedded_data();
    void catalogIsEmbedded();
    void germanLocaleTranslatesSharedStrings_data();
    void germanLocaleTranslatesSharedStrings();
    void germanLocaleTranslatesQtsOwnStrings();
    void lookupFallsBackToTheEnclosingNamespace();
    void englishLocaleKeepsSourceStrings();
    void catalogIsCompleteAndKeepsPlaceholders_data();
    void catalogIsCompleteAndKeepsPlaceholders();
    void numerusStringsHaveEveryGermanForm_data();
    void numerusStringsHaveEveryGermanForm();
    void countsUseNumerus_data();
    void countsUseNumerus();
    void pluralsRenderForOneAndTwo();
    void shippedProgramSpeaksGermanUnderGermanLang_data();
    void shippedProgramSpeaksGermanUnderGermanLang();
};

void TstTranslations::cleanup()
{
    // Deleting a translator uninstalls it, so each test starts from English.
    qDeleteAll(qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly));
    QLocale::setDefault(QLocale::c());
}

void TstTranslations::catalogIsEmbedded_data()
{
    QTest::addColumn<QString>("catalog");
    QTest::newRow("server") << QStringLiteral("duplex_server");
    QTest::newRow("client") << QStringLiteral("duplex_client");
}

void TstTranslations::catalogIsEmbedded()
{
    QFETCH(QString, catalog);
    const QString path = QStringLiteral(":/i18n/%1_de.qm").arg(catalog);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QTranslator translator;
    QVERIFY(translator.load(path));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language(), QStringLiteral("de_DE"));
}

void TstTranslations::germanLocaleTranslatesSharedStrings_data()
{
    catalogIsEmbedded_data();
}

void TstTranslations::germanLocaleTranslatesSharedStrings()
{
    QFETCH(QString, catalog);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslators(*qApp, catalog);

    // What the connect dialog shows under an empty nickname field, from common/names.cpp.
    QCOMPARE(proto::nickProblem(QString()).value_or(QString()),
             QStringLiteral("Der Spitzname darf nicht leer sein."));
    // Placeholders survive translation.
    QCOMPARE(proto::roomProblem(QString(40, QLatin1Char('a'))).value_or(QString()),
             QStringLiteral("Ein Raumname hat höchstens 32 Zeichen."));
}

void TstTranslations::germanLocaleTranslatesQtsOwnStrings()
{
    const QString qtCatalog
        = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (!QFile::exists(qtCatalog))
        QSKIP("Qt's German catalog is not installed (Debian: qt6-translations-l10n)");
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Austria)); // de_AT falls back to de
    installTranslators(*qApp, QStringLiteral("duplex_client"));
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Displays version information."),
             QStringLiteral("Zeigt Versionsinformation an."));
    QCOMPARE(proto::nickProblem(QString()).value_or(QString()),
             QStringLiteral("Der Spitzname darf nicht leer sein."));
}

void TstTranslations::lookupFallsBackToTheEnclosingNamespace()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslators(*qApp, QStringLiteral("duplex_server"));
    // A file-local helper may ask with a longer context than the one lupdate recorded
    // ("duplex"): the answer must still be German, not the English source.
    QCOMPARE(
        QCoreApplication::translate("duplex::proto::SomeHelper", "A nickname cannot be empty."),
        QStringLiteral("Der Spitzname darf nicht leer sein."));
    QCOMPARE(QCoreApplication::translate("duplex::proto", "A nickname cannot be empty."),
             QStringLiteral("Der Spitzname darf nicht leer sein."));
    // Unknown text stays as it is, in any context.
    QCOMPARE(QCoreApplication::translate("duplex::proto::SomeHelper", "No such string"),
             QStringLiteral("No such string"));
}

void TstTranslations::englishLocaleKeepsSourceStrings()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    installTranslators(*qApp, QStringLiteral("duplex_client"));
    QVERIFY(qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly).isEmpty());
    QCOMPARE(proto::nickProblem(QString()).value_or(QString()),
             QStringLiteral("A nickname cannot be empty."));
}

void TstTranslations::catalogIsCompleteAndKeepsPlaceholders_data()
{
    catalogIsEmbedded_data();
}

void TstTranslations::catalogIsCompleteAndKeepsPlaceholders()
{
    QFETCH(QString, catalog);
    const QList<TsMessage> messages = readTs(catalogPath(catalog));
    QVERIFY2(!messages.isEmpty(), qPrintable(catalogPath(catalog)));

    // After scripts/update-translations.sh, new strings are "unfinished" until someone
    // translates them: list them all so the fix is one look away.
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (m.unfinished || m.translation.isEmpty()) {
            problems << QStringLiteral("untranslated: ") + where;
            continue;
        }
        if (placeholders(m.source) != placeholders(m.translation))
            problems << QStringLiteral("placeholders differ: ") + where;
        if (hasAccelerator(m.source) != hasAccelerator(m.translation))
            problems << QStringLiteral("accelerator (&) lost or added: ") + where;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TstTranslations::numerusStringsHaveEveryGermanForm_data()
{
    catalogIsEmbedded_data();
}

void TstTranslations::numerusStringsHaveEveryGermanForm()
{
    // German has two plural forms (1; everything else). Every tr(..., n) string must give
    // both, each with the source's placeholders, %n included.
    QFETCH(QString, catalog);
    QStringList problems;
    int numerus = 0;
    for (const TsMessage &m : readTs(catalogPath(catalog))) {
        if (!m.numerus)
            continue;
        ++numerus;
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (m.forms.size() != 2) {
            problems << QStringLiteral("%1 forms instead of 2: ").arg(m.forms.size()) + where;
            continue;
        }
        for (const QString &form : m.forms) {
            if (form.isEmpty() || placeholders(form) != placeholders(m.source))
                problems << QStringLiteral("form \"%1\" differs: ").arg(form) + where;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(numerus >= 5, qPrintable(QString::number(numerus)));
}

void TstTranslations::countsUseNumerus_data()
{
    catalogIsEmbedded_data();
}

void TstTranslations::countsUseNumerus()
{
    // "an alle gepusht (1 Clients)": a count in front of a noun needs the plural forms.
    // Flags every translated source with "%1 clients" and the like that is not numerus.
    // Allowed: sentences with two counts (one %n only), and counts that are never 1
    // (limits in bytes, a queue over its threshold).
    static const QRegularExpression counted(
        QStringLiteral("%\\d+ (clients?|members?|messages?|rooms?|records?|connections?|"
                       "lines?|notices?|students?|rows?)\\b"));
    static const QStringList allowed {
        QStringLiteral("Totals: %1 connections"),   // many counts in one sentence
        QStringLiteral("database %1; name \"%2\""), // the limit, never 1 in practice
        QStringLiteral("(%2 lines skipped)"),       // the records count is the %n
    };
    QFETCH(QString, catalog);
    QStringList problems;
    for (const TsMessage &m : readTs(catalogPath(catalog))) {
        if (m.numerus || !counted.match(m.source).hasMatch())
            continue;
        const bool ok = std::any_of(allowed.cbegin(), allowed.cend(),
                                    [&](const QString &a) { return m.source.contains(a); });
        if (!ok)
            problems << m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TstTranslations::pluralsRenderForOneAndTwo()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslators(*qApp, QStringLiteral("duplex_server"));
    const char *push = "pushed to %1 (%n clients): %2";
    QCOMPARE(QCoreApplication::translate("duplex::server::MainWindow", push, nullptr, 1)
                 .arg(QStringLiteral("alle"), QStringLiteral("Test")),
             QStringLiteral("an alle gepusht (1 Client): Test"));
    QCOMPARE(QCoreApplication::translate("duplex::server::MainWindow", push, nullptr, 2)
                 .arg(QStringLiteral("alle"), QStringLiteral("Test")),
             QStringLiteral("an alle gepusht (2 Clients): Test"));
    QCOMPARE(QCoreApplication::translate("duplex::server::xray", "%n bytes", nullptr, 1),
             QStringLiteral("1 Byte"));
    QCOMPARE(QCoreApplication::translate("duplex::server::xray", "%n bytes", nullptr, 2),
             QStringLiteral("2 Bytes"));
    cleanup();

    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslators(*qApp, QStringLiteral("duplex_client"));
    const char *joined = "%n joined: %1";
    QCOMPARE(QCoreApplication::translate("duplex::client::ConversationModel", joined, nullptr, 1)
                 .arg(QStringLiteral("ali")),
             QStringLiteral("1 ist hinzugekommen: ali"));
    QCOMPARE(QCoreApplication::translate("duplex::client::ConversationModel", joined, nullptr, 27)
                 .arg(QStringLiteral("ali, ben")),
             QStringLiteral("27 sind hinzugekommen: ali, ben"));
    const char *caught = "Reconnected — %n messages caught up";
    QCOMPARE(QCoreApplication::translate("duplex::client::ChatState", caught, nullptr, 1),
             QStringLiteral("Wieder verbunden – 1 Nachricht nachgeholt"));
    QCOMPARE(QCoreApplication::translate("duplex::client::ChatState", caught, nullptr, 2),
             QStringLiteral("Wieder verbunden – 2 Nachrichten nachgeholt"));
    // Students are addressed with "du", never "Sie".
    for (const TsMessage &m : readTs(catalogPath(QStringLiteral("duplex_client")))) {
        static const QRegularExpression formal(QStringLiteral("\\b(Sie|Ihr|Ihre|Ihnen|Ihren)\\b"));
        QVERIFY2(!formal.match(m.translation).hasMatch(), qPrintable(m.translation));
    }
}

void TstTranslations::shippedProgramSpeaksGermanUnderGermanLang_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("ownText"); // from our catalog, shown by --help
    QTest::newRow("duplex-server") << QStringLiteral(DUPLEX_SERVER_EXE) << QString();
    QTest::newRow("duplex-client")
        << QStringLiteral(DUPLEX_CLIENT_EXE) << QStringLiteral("Duplex-WebSocket-Chatprogramm");
}

void TstTranslations::shippedProgramSpeaksGermanUnderGermanLang()
{
    QFETCH(QString, program);
    QFETCH(QString, ownText);
    const QString qtCatalog
        = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (!QFile::exists(qtCatalog))
        QSKIP("Qt's German catalog is not installed (Debian: qt6-translations-l10n)");

    // The user's environment as a German desktop session sets it; LC_ALL and LANGUAGE
    // would override LANG, so they go.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    env.insert(QStringLiteral("LC_CTYPE"), QStringLiteral("C.UTF-8")); // de_DE may not be generated
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, {QStringLiteral("--help")});
    QVERIFY2(process.waitForFinished(30000), qPrintable(process.errorString()));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("Zeigt Hilfe zu den Kommandozeilenoptionen an.")),
             qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("Displays help on commandline options.")),
             qPrintable(out));
    if (!ownText.isEmpty())
        QVERIFY2(out.contains(ownText), qPrintable(out));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
