// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Test helpers for the HTTP polling transport (POST /v1/poll): one raw HTTP exchange on a
// bare QTcpSocket (so a test knows every byte it sent and received), and a poll session
// client that numbers, acknowledges and collects messages. Header-only; tests only.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace duplex::test {

/// One HTTP request and its response (complete at its Content-Length, or when the server
/// closes: it may keep the connection alive, or say `Connection: close`).
struct HttpExchange {
    QTcpSocket socket;
    QByteArray request;  ///< exactly what was sent
    QByteArray received; ///< exactly what came back
    bool done = false;   ///< `received` is complete
    int status = 0;
    QByteArray body;
    QJsonObject json;

    void parse()
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray statusLine = received.left(received.indexOf("\r\n"));
        status = statusLine.split(' ').value(1).toInt();
        body = received.mid(end + 4);
        json = QJsonDocument::fromJson(body).object();
    }
    bool wait(int timeoutMs = 10000)
    {
        return done || QTest::qWaitFor([this] { return done; }, timeoutMs);
    }
    /// The whole response is in `received` (its head and Content-Length bytes of body).
    bool complete() const
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        for (const QByteArray &line : received.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0
                && line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                return received.size() - end - 4 >= line.mid(colon + 1).trimmed().toLongLong();
        }
        return received.startsWith("HTTP/1.1 304") || received.startsWith("HTTP/1.1 204");
    }
};

/// Starts one request on 127.0.0.1:port; the exchange completes by itself.
inline std::shared_ptr<HttpExchange> startHttp(quint16 port, const QByteArray &method,
                                               const QByteArray &path, const QByteArray &body)
{
    auto x = std::make_shared<HttpExchange>();
    x->request
        = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    if (method == "POST")
        x->request += "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n";
    x->request += "\r\n" + body;
    HttpExchange *raw = x.get();
    QObject::connect(&x->socket, &QTcpSocket::connected, &x->socket,
                     [raw] { raw->socket.write(raw->request); });
    QObject::connect(&x->socket, &QTcpSocket::readyRead, &x->socket, [raw] {
        raw->received += raw->socket.readAll();
        if (!raw->done && raw->complete()) {
            raw->parse();
            raw->done = true;
            raw->socket.disconnectFromHost(); // one request per exchange
        }
    });
    QObject::connect(&x->socket, &QTcpSocket::disconnected, &x->socket, [raw] {
        if (raw->done)
            return;
        raw->received += raw->socket.readAll();
        raw->parse();
        raw->done = true;
    });
    x->socket.connectToHost(QHostAddress::LocalHost, port);
    return x;
}

/// A poll session: keeps the token and the highest `n` received (sent as `ack`), and
/// every message received once (a message seen again with the same n is not kept twice;
/// resent counts how often that happened).
class PollTestClient
{
public:
    explicit PollTestClient(quint16 port)
        : m_port(port)
    {
    }

    /// Starts a poll (not waiting). ack: the client's ack (default: the highest n seen).
    std::shared_ptr<HttpExchange> start(const QJsonArray &send = {}, int waitMs = 0,
                                        std::optional<qint64> ack = std::nullopt)
    {
        QJsonObject o;
        if (!session.isEmpty())
            o.insert(QStringLiteral("session"), session);
        if (!send.isEmpty())
            o.insert(QStringLiteral("send"), send);
        o.insert(QStringLiteral("ack"), double(ack.value_or(highest)));
        o.insert(QStringLiteral("wait"), waitMs);
        return startHttp(m_port, "POST", "/v1/poll",
                         QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    /// Takes what a finished poll brought. False unless it was a 200.
    bool absorb(const HttpExchange &x)
    {
        bytesSent += x.request.size();
        bytesReceived += x.received.size();
        ++requests;
        if (x.status != 200)
            return false;
        if (x.json.contains(QStringLiteral("session")))
            session = x.json.value(QStringLiteral("session")).toString();
        if (x.json.contains(QStringLiteral("transport")))
            transport = x.json.value(QStringLiteral("transport")).toObject();
        const QJsonArray messages = x.json.value(QStringLiteral("messages")).toArray();
        if (messages.isEmpty())
            ++emptyResponses;
        for (const QJsonValue &v : messages) {
            const qint64 n = v.toObject().value(QStringLiteral("n")).toInteger();
            if (n <= highest) {
                ++resent;
                continue;
            }
            highest = n;
            frames.append(v.toObject().value(QStringLiteral("m")).toObject());
            all.append(frames.constLast());
        }
        return true;
    }
    /// One poll, waited for and absorbed; its exchange (status 0 when it never finished).
    std::shared_ptr<HttpExchange> poll(const QJsonArray &send = {}, int waitMs = 0,
                                       std::optional<qint64> ack = std::nullopt)
    {
        auto x = start(send, waitMs, ack);
        if (x->wait(waitMs + 10000))
            absorb(*x);
        return x;
    }
    /// hello (new, or resuming `resume`) and the welcome: true when welcomed.
    bool hello(const QString &nick, const QString &resume = {})
    {
        QJsonObject h {{"type", "hello"}, {"nick", nick}, {"agent", "tst-poll"}};
        if (!resume.isEmpty()) {
            h.insert(QStringLiteral("resume"), resume);
            session.clear();
            highest = 0; // a session coming back to polling gets a new mailbox
        }
        poll({h});
        welcome = take("welcome", 2000);
        return !welcome.isEmpty();
    }
    /// Waits (long polls: answered as soon as something arrives) for an unconsumed message
    /// matching pred.
    QJsonObject take(const std::function<bool(const QJsonObject &)> &pred, int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            for (qsizetype i = 0; i < frames.size(); ++i) {
                if (pred(frames.at(i)))
                    return frames.takeAt(i);
            }
            const qint64 left = timeoutMs - t.elapsed();
            if (left <= 0)
                return {};
            poll({}, int(qMin<qint64>(left, 1000)));
        }
    }
    QJsonObject take(const QString &type, int timeoutMs = 5000)
    {
        return take([type](const QJsonObject &o) { return o.value("type").toString() == type; },
                    timeoutMs);
    }
    QJsonObject take(const char *type, int timeoutMs = 5000)
    {
        return take(QString::fromLatin1(type), timeoutMs);
    }
    /// Polls (acknowledging) until a response comes back empty: everything sent so far is
    /// here and acknowledged.
    bool drain(int maxPolls = 50)
    {
        for (int i = 0; i < maxPolls; ++i) {
            auto x = poll();
            if (x->status != 200)
                return false;
            if (x->json.value(QStringLiteral("messages")).toArray().isEmpty())
                return true;
        }
        return false;
    }

    QString session;
    qint64 highest = 0;
    QList<QJsonObject> frames; ///< unconsumed
    QList<QJsonObject> all;    ///< everything received, once, in order
    QJsonObject welcome;
    QJsonObject transport; ///< the last `transport` field seen
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    int requests = 0;
    int emptyResponses = 0;
    int resent = 0;

private:
    quint16 m_port;
};

} // namespace duplex::test
