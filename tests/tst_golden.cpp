// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// The golden frames (tests/golden/frames.json) through common/codec: the same file the
// browser's codec runs under `node --test` (tests/js/golden.test.mjs), so the C++ and the
// JavaScript codecs cannot drift apart. Valid frames must decode and re-encode to their
// canonical object; invalid ones must be refused with the listed error code.
#include "codec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace duplex::proto;

namespace {

QJsonObject golden()
{
    QFile f(QStringLiteral(DUPLEX_GOLDEN_FRAMES));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void addRows(const QString &direction)
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QJsonObject>("canonical");
    QTest::addColumn<QString>("error");
    const QJsonArray cases = golden().value(direction).toArray();
    QVERIFY2(cases.size() > 10, "tests/golden/frames.json missing or empty");
    for (const QJsonValue v : cases) {
        const QJsonObject c = v.toObject();
        QTest::newRow(qPrintable(c.value(QLatin1String("name")).toString()))
            << c.value(QLatin1String("frame")).toString().toUtf8()
            << c.value(QLatin1String("canonical")).toObject()
            << c.value(QLatin1String("error")).toString();
    }
}

template<typename Result>
void check(const Result &result, const QJsonObject &canonical, const QString &error)
{
    if (!error.isEmpty()) {
        QVERIFY2(std::holds_alternative<DecodeError>(result), "must be refused");
        const DecodeError &e = std::get<DecodeError>(result);
        QCOMPARE(errorCodeName(e.code), error);
        QVERIFY(!e.message.isEmpty());
        return;
    }
    if (const auto *e = std::get_if<DecodeError>(&result))
        QFAIL(qPrintable(errorCodeName(e->code) + QLatin1String(": ") + e->message));
    const QByteArray encoded = std::visit(
        [](const auto &message) -> QByteArray {
            if constexpr (std::is_same_v<std::decay_t<decltype(message)>, DecodeError>)
                return {};
            else
                return encode(message);
        },
        result);
    const QJsonObject actual = QJsonDocument::fromJson(encoded).object();
    if (actual != canonical) {
        qWarning().noquote() << "actual:   " << encoded.left(400);
        qWarning().noquote() << "expected: "
                             << QJsonDocument(canonical).toJson(QJsonDocument::Compact).left(400);
    }
    QCOMPARE(actual, canonical);
}

} // namespace

class TestGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void client_data() { addRows(QStringLiteral("client")); }
    void client()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QJsonObject, canonical);
        QFETCH(QString, error);
        check(decodeClient(frame), canonical, error);
    }

    void server_data() { addRows(QStringLiteral("server")); }
    void server()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QJsonObject, canonical);
        QFETCH(QString, error);
        check(decodeServer(frame), canonical, error);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
