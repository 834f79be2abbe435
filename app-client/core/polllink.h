// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace duplex::client {

/// One HTTP exchange of the polling transport, as the inspector shows it: the head as it
/// went over the wire (request line or status line, then the header lines and the blank
/// line) and the JSON body.
struct PollExchange {
    bool response = false;
    QByteArray head;
    QByteArray body;
    int status = 0;      ///< responses: the HTTP status (0: no response, a network error)
    int messages = 0;    ///< responses: entries in `messages`
    QStringList sends;   ///< requests: the `type` of each message in `send`
    qint64 waitMs = 0;   ///< requests: the `wait` field
    qint64 elapsed = -1; ///< responses: ms since the request went out
};

/// The client end of `POST /v1/poll` (protocol-v1-http.md, "HTTP polling transport"),
/// built on QNetworkAccessManager. It knows nothing about chat messages: it carries JSON
/// objects out in `send`, hands each server message of `messages` over exactly once and in
/// `n` order, and acknowledges the highest `n` it handed over in the next poll.
///
/// Requests: at most one poll that carries `send` is in flight (so the server sees the
/// client's messages in order); an empty poll goes out every intervalMs (short polling,
/// `wait: 0`) or, with waitMs > 0 (long polling), right after the previous one returned.
/// A poll that carries messages always asks `wait: 0`. Responses may overlap (a held long
/// poll and a send); messages are buffered by `n` and handed over without gaps while
/// another poll is still out, so a message never overtakes an earlier one.
class PollLink final : public QObject
{
    Q_OBJECT
public:
    PollLink(QNetworkAccessManager *nam, const QUrl &pollUrl, QObject *parent = nullptr);
    ~PollLink() override;

    /// waitMs 0 = short polling every intervalMs; waitMs > 0 = long polling.
    void setTiming(int waitMs, int intervalMs);
    int waitMs() const { return m_waitMs; }
    int intervalMs() const { return m_intervalMs; }
    void setUserAgent(const QByteArray &agent) { m_agent = agent; }

    /// Emits opened() from the event loop: HTTP needs no handshake before the first poll.
    void start();
    /// Queues one client message (a compact JSON object) for the next poll with `send`.
    void send(const QByteArray &json);
    /// Stops at once: aborts what is in flight, emits nothing more.
    void stop();
    /// Ends the link politely before another transport takes the session over: no new
    /// sends, the held poll is abandoned, and one last `wait: 0` poll acknowledges what was
    /// handed over (so the server does not deliver it again on the new transport). When
    /// that poll brings messages, they are handed over and one more poll acknowledges
    /// them; what that one brings is not handed over: unacknowledged, the server moves it
    /// to the new transport (handed over here too, it came twice). Calls done when the
    /// last poll returned or failed.
    void finish(std::function<void()> done);

    QString session() const { return m_session; }
    qint64 lastN() const { return m_lastN; }
    int inFlight() const { return int(m_replies.size()); }
    qint64 requestsSent() const { return m_requests; }

    /// The exact request head QNAM writes for a POST of bodySize bytes with our headers
    /// (request line, every header line, blank line). See docs/qt-notes.md.
    static QByteArray requestHead(const QNetworkRequest &request, qint64 bodySize);
    /// The response head rebuilt from what QNetworkReply exposes (status line, headers).
    static QByteArray responseHead(QNetworkReply *reply);

Q_SIGNALS:
    void opened();
    /// One server message (a compact JSON object), in `n` order, each exactly once.
    void received(const QByteArray &json);
    /// The response's `transport` field (the server wants another transport).
    void transportRequested(const QByteArray &json);
    /// A poll failed: sessionGone for `409 session_gone` (start again with hello + resume),
    /// otherwise error says why (network error, bad status, unreadable body).
    void failed(bool sessionGone, const QString &error);
    void exchangeLogged(const duplex::client::PollExchange &exchange);
    /// Round trip of a `wait: 0` poll, ms.
    void roundTrip(qint64 ms);

private:
    void pump();
    /// last: the poll that only acknowledges before another transport takes over.
    void post(bool withSends, bool last = false);
    void onFinished(QNetworkReply *reply);
    void deliver(bool all);

    QNetworkAccessManager *m_nam;
    QUrl m_url;
    QByteArray m_agent = "duplex-client";
    QString m_session;
    int m_waitMs = 0;
    int m_intervalMs = 500;
    bool m_started = false;
    bool m_stopped = false;
    bool m_finishing = false;
    bool m_finalPosted = false;
    bool m_delivering = false;
    bool m_pumpQueued = false;
    bool m_pollDue = true;
    std::function<void()> m_done;
    QList<QByteArray> m_queue;
    QSet<QNetworkReply *> m_replies;
    QNetworkReply *m_sendReply = nullptr;
    QNetworkReply *m_heldReply = nullptr;
    QMap<qint64, QByteArray> m_buffer;
    qint64 m_lastN = 0;
    qint64 m_requests = 0;
    QTimer m_tick;
};

} // namespace duplex::client

Q_DECLARE_METATYPE(duplex::client::PollExchange)
