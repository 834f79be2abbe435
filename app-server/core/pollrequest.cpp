// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "pollrequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace duplex::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("duplex::server::PollRequest", text);
}

/// The largest integer a JSON number holds exactly (2^53 - 1).
constexpr double MaxSafeInteger = 9007199254740991.0;

/// A JSON number that is a whole number in [0, 2^53).
bool wholeNumber(const QJsonValue &v, double *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > MaxSafeInteger || std::floor(d) != d)
        return false;
    *out = d;
    return true;
}

} // namespace

PollParseResult parsePollRequest(QByteArrayView body)
{
    QJsonParseError error {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return PollRequestError {tr("The body must be one JSON object.")};
    const QJsonObject o = doc.object();
    PollRequest r;

    const QJsonValue session = o.value(QLatin1String("session"));
    if (!session.isUndefined() && !session.isNull()) {
        if (!session.isString())
            return PollRequestError {tr("Field 'session' must be a string.")};
        r.session = session.toString();
    }

    const QJsonValue send = o.value(QLatin1String("send"));
    if (!send.isUndefined() && !send.isNull()) {
        if (!send.isArray())
            return PollRequestError {tr("Field 'send' must be an array.")};
        const QJsonArray messages = send.toArray();
        r.send.reserve(messages.size());
        for (const QJsonValue &m : messages) {
            if (m.isObject())
                r.send.append(QJsonDocument(m.toObject()).toJson(QJsonDocument::Compact));
            else if (m.isArray())
                r.send.append(QJsonDocument(m.toArray()).toJson(QJsonDocument::Compact));
            else // a scalar: not a message; the handlers answer it with bad_json
                r.send.append(QJsonDocument(QJsonArray {m}).toJson(QJsonDocument::Compact));
        }
    }

    const QJsonValue ack = o.value(QLatin1String("ack"));
    if (!ack.isUndefined() && !ack.isNull()) {
        double n = 0;
        if (!wholeNumber(ack, &n))
            return PollRequestError {tr("Field 'ack' must be a whole number, 0 or more.")};
        r.ack = qint64(n);
    }

    const QJsonValue wait = o.value(QLatin1String("wait"));
    if (!wait.isUndefined() && !wait.isNull()) {
        double ms = 0;
        if (!wholeNumber(wait, &ms))
            return PollRequestError {tr("Field 'wait' must be a whole number of milliseconds.")};
        r.waitMs = int(std::min<double>(ms, MaxPollWaitMs));
    }
    return r;
}

} // namespace duplex::server
