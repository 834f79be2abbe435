// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Test helpers for the server core tests: a raw QWebSocket client that records every frame
// it receives as JSON, and a hand-made RFC 6455 client on a bare TCP socket for peers that
// misbehave (never answer pings, stop reading). Header-only; tests only.

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QtEndian>

#include <functional>
#include <memory>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace duplex::test {

inline QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto &f : fields)
        o.insert(f.first, f.second);
    return o;
}

/// A protocol-level client on a real QWebSocket. Every text frame is parsed and kept in
/// order; take() consumes the first frame matching a predicate, waiting for it.
class ChatTestClient : public QObject
{
public:
    explicit ChatTestClient(QObject *parent = nullptr)
        : QObject(parent)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, this,
                         [this](const QString &text) {
                             rawFrames.append(text);
                             frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        QObject::connect(&socket, &QWebSocket::disconnected, this, [this] {
            disconnected = true;
            closeCode = int(socket.closeCode());
            closeReason = socket.closeReason();
        });
    }

    bool open(quint16 port, const QStringList &subprotocols = {QStringLiteral("duplex.v1")})
    {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols(subprotocols);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)), options);
        return connected.wait(5000) || connected.count() > 0;
    }

    void send(const QJsonObject &o)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    void sendRaw(const QString &text) { socket.sendTextMessage(text); }

    /// Sends hello and waits for welcome, and for a new session also the joined + history of
    /// `general` (consumed). False when any of them did not come; the welcome is kept in
    /// `welcome` either way (empty when none came).
    [[nodiscard]] bool hello(const QString &nick, const QString &resume = {})
    {
        QJsonObject h = obj({{"type", "hello"}, {"nick", nick}, {"agent", "tst"}});
        if (!resume.isEmpty())
            h.insert(QStringLiteral("resume"), resume);
        send(h);
        welcome = take("welcome");
        if (welcome.isEmpty())
            return false;
        if (!resume.isEmpty())
            return true; // a resume brings one joined + history per kept room
        return !take("joined").isEmpty() && !take("history").isEmpty();
    }

    /// Proof that nothing more is on its way: sends the application `ping` and waits for its
    /// `pong` (consumed). The server handles one connection's frames in order and writes its
    /// replies in order, so every frame it sent this client before handling the ping (all
    /// that an action it has already finished would send) is in `frames` afterwards. Call it
    /// once the server has certainly processed the action (e.g. after the actor got its own
    /// reply), then check with count() that something did NOT arrive.
    [[nodiscard]] bool barrier(int timeoutMs = 5000)
    {
        const QString id = QStringLiteral("barrier-%1").arg(++m_barriers);
        send(obj({{"type", "ping"}, {"id", id}}));
        return !take(
                    [&id](const QJsonObject &o) {
                        return o.value("type").toString() == QLatin1String("pong")
                            && o.value("re").toString() == id;
                    },
                    timeoutMs)
                    .isEmpty();
    }

    /// Waits (up to timeoutMs) for an unconsumed frame matching pred; removes and returns it.
    QJsonObject take(const std::function<bool(const QJsonObject &)> &pred, int timeoutMs = 5000)
    {
        QJsonObject found;
        auto look = [&] {
            for (qsizetype i = 0; i < frames.size(); ++i) {
                if (pred(frames.at(i))) {
                    found = frames.takeAt(i);
                    return true;
                }
            }
            return false;
        };
        if (!look())
            (void)QTest::qWaitFor(look, timeoutMs);
        return found;
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
    /// An error with that code.
    QJsonObject takeError(const QString &code, int timeoutMs = 5000)
    {
        return take(
            [code](const QJsonObject &o) {
                return o.value("type").toString() == QLatin1String("error")
                    && o.value("code").toString() == code;
            },
            timeoutMs);
    }
    int count(const QString &type) const
    {
        int n = 0;
        for (const auto &f : frames)
            n += f.value("type").toString() == type ? 1 : 0;
        return n;
    }
    /// The newest unconsumed frame of that type (empty when none).
    QJsonObject last(const QString &type) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (it->value("type").toString() == type)
                return *it;
        }
        return {};
    }
    bool waitDisconnected(int timeoutMs = 5000)
    {
        return disconnected || QTest::qWaitFor([this] { return disconnected; }, timeoutMs);
    }

    QWebSocket socket;
    QList<QJsonObject> frames;
    QStringList rawFrames;
    QJsonObject welcome; ///< what the last hello() got
    bool disconnected = false;
    int closeCode = -1;
    QString closeReason;

private:
    int m_barriers = 0;
};

/// A client connected to 127.0.0.1:port and welcomed as nick (welcome, joined and history
/// of `general` consumed), or nullptr when any step failed.
inline std::unique_ptr<ChatTestClient> connectClient(quint16 port, const QString &nick)
{
    auto c = std::make_unique<ChatTestClient>();
    if (!c->open(port) || !c->hello(nick))
        return nullptr;
    return c;
}

/// RFC 6455 by hand on a bare TCP socket: for peers Qt's QWebSocket cannot imitate (one
/// that never answers pings, one that stops reading). Optionally with a tiny kernel
/// receive buffer so that "stops reading" fills up quickly.
class RawWsClient : public QObject
{
public:
    explicit RawWsClient(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    /// Connects (blocking connect on loopback; the kernel completes it from the listen
    /// backlog) and sends the upgrade request. receiveBuffer > 0 sets SO_RCVBUF first.
    bool connectTo(quint16 port, int receiveBuffer = 0)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return false;
        if (receiveBuffer > 0)
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            ::close(fd);
            return false;
        }
        if (!tcp.setSocketDescriptor(fd))
            return false;
        // RFC 6455 4.1: 16 random bytes in base64 (the server checks it).
        QByteArray nonce(16, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
        key = nonce.toBase64();
        tcp.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: "
                  + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return true;
    }

    /// Reads until the 101 response head arrived. Call before stopReading-style tests.
    bool waitUpgraded(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [this] {
                if (tcp.bytesAvailable() > 0)
                    inbox += tcp.readAll();
                const qsizetype end = inbox.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                response = inbox.left(end + 4);
                inbox.remove(0, end + 4);
                return true;
            },
            timeoutMs);
    }

    /// One masked text frame (clients must mask).
    void sendText(const QByteArray &payload) { sendFrame(0x1, payload); }
    void sendFrame(quint8 opcode, const QByteArray &payload, bool fin = true)
    {
        QByteArray frame;
        frame.append(char((fin ? 0x80 : 0x00) | opcode));
        const qint64 n = payload.size();
        if (n < 126) {
            frame.append(char(0x80 | n));
        } else if (n < 65536) {
            frame.append(char(0x80 | 126));
            quint16 be = qToBigEndian<quint16>(quint16(n));
            frame.append(reinterpret_cast<const char *>(&be), 2);
        } else {
            frame.append(char(0x80 | 127));
            quint64 be = qToBigEndian<quint64>(quint64(n));
            frame.append(reinterpret_cast<const char *>(&be), 8);
        }
        const quint32 mask = QRandomGenerator::global()->generate();
        const char *m = reinterpret_cast<const char *>(&mask);
        frame.append(m, 4);
        QByteArray body = payload;
        for (qsizetype i = 0; i < body.size(); ++i)
            body[i] = char(body[i] ^ m[i % 4]);
        frame.append(body);
        tcp.write(frame);
        tcp.flush();
    }
    /// Declares a frame of `declared` bytes but sends only the header and a few bytes.
    void sendHugeHeader(quint64 declared)
    {
        QByteArray frame;
        frame.append(char(0x81));
        frame.append(char(0x80 | 127));
        quint64 be = qToBigEndian<quint64>(declared);
        frame.append(reinterpret_cast<const char *>(&be), 8);
        frame.append("\0\0\0\0", 4);
        frame.append(QByteArray(1024, 'x'));
        tcp.write(frame);
        tcp.flush();
    }

    QTcpSocket tcp;
    QByteArray key;
    QByteArray response;
    QByteArray inbox;
};

} // namespace duplex::test
