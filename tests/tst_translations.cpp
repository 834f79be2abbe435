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
#include <QTest>
#include <QTranslator>

using namespace duplex;

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
    void englishLocaleKeepsSourceStrings();
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
    const QString qtCatalog =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (!QFile::exists(qtCatalog))
        QSKIP("Qt's German catalog is not installed (Debian: qt6-translations-l10n)");
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Austria)); // de_AT falls back to de
    installTranslators(*qApp, QStringLiteral("duplex_client"));
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Displays version information."),
             QStringLiteral("Zeigt Versionsinformation an."));
    QCOMPARE(proto::nickProblem(QString()).value_or(QString()),
             QStringLiteral("Der Spitzname darf nicht leer sein."));
}

void TstTranslations::englishLocaleKeepsSourceStrings()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    installTranslators(*qApp, QStringLiteral("duplex_client"));
    QVERIFY(qApp->findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly).isEmpty());
    QCOMPARE(proto::nickProblem(QString()).value_or(QString()),
             QStringLiteral("A nickname cannot be empty."));
}

void TstTranslations::shippedProgramSpeaksGermanUnderGermanLang_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("duplex-server") << QStringLiteral(DUPLEX_SERVER_EXE);
    QTest::newRow("duplex-client") << QStringLiteral(DUPLEX_CLIENT_EXE);
}

void TstTranslations::shippedProgramSpeaksGermanUnderGermanLang()
{
    QFETCH(QString, program);
    const QString qtCatalog =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
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
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
