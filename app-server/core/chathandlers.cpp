// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "chathandlers.h"

#include "engine.h"
#include "historystore.h"
#include "redisroombroker.h"

#include <codec.h>
#include <names.h>

#include <algorithm>

namespace duplex::server {

using namespace proto;
namespace sv = proto::server;

void ChatHandlers::onText(Peer *p, const QByteArray &json)
{
    if (!m_held.isEmpty() && heldFrame(p, false, json))
        return; // after its hello or nick change, which waits for Redis
    ++p->info.framesIn;
    p->info.bytesIn += json.size();
    ++e.shared.counters.framesIn;
    e.shared.counters.bytesIn += quint64(json.size());

    ClientDecodeResult decoded = decodeClient(QByteArrayView(json));
    auto *error = std::get_if<DecodeError>(&decoded);
    e.recorder.in(*p, json,
                  error ? (error->type.isEmpty() ? peekType(json) : error->type)
                        : typeName(std::get<ClientMessage>(decoded)));
    if (error) {
        if (e.admit(p, error->re))
            e.sendError(p, error->code, error->re, error->message);
        return;
    }
    const ClientMessage &m = std::get<ClientMessage>(decoded);
    // Every request type carries `id`: replies (errors included) echo it as `re`.
    const QString re = std::visit([](const auto &r) { return r.id; }, m);
    if (!e.admit(p, re))
        return;
    if (!p->session && !std::holds_alternative<client::Hello>(m)) {
        e.sendError(p, ErrorCode::NotWelcomed, re);
        return;
    }
    std::visit([this, p](const auto &request) { (*this)(p, request); }, m);
}

void ChatHandlers::onBinary(Peer *p, const QByteArray &data)
{
    if (!m_held.isEmpty() && heldFrame(p, true, data))
        return;
    ++p->info.framesIn;
    p->info.bytesIn += data.size();
    ++e.shared.counters.framesIn;
    e.shared.counters.bytesIn += quint64(data.size());
    e.recorder.in(*p, data, QStringLiteral("binary"));
    if (e.admit(p, {}))
        e.sendError(p, ErrorCode::BinaryUnsupported, {});
}

bool ChatHandlers::resume(Peer *p, const client::Hello &m)
{
    Session *s = e.sessions.byToken(m.resume); // unknown or expired: a new session
    if (!s)
        return false;
    Peer *old = s->peer;
    s->agent = m.agent;
    if (old) {
        // Takeover of a half-open connection: the new peer takes its place in every room
        // silently (membership does not change); the old one is closed with 4000.
        for (const QString &room : std::as_const(s->rooms))
            e.rooms->replace(room, old, p);
        old->keepIdentity();
        old->session = nullptr;
        s->peer = p;
        p->session = s;
        // What the old connection never got to its client comes first on the new one
        // (not yet written to a WebSocket, not acknowledged by a poller).
        e.moveUndelivered(old, p);
        e.recorder.event(
            old, EventKind::Takeover,
            tr("%1: a new connection resumed this session; the old one is closed with 4000.")
                .arg(old->who()));
        e.closePeer(old, close::TakenOver, QStringLiteral("session taken over"));
    } else {
        reattach(p, s);
        e.sessions.changed(s);
    }
    return true;
}

void ChatHandlers::reattach(Peer *p, Session *s)
{
    // Back from a drop: the others saw a `leave` then, so they see a `join` now.
    s->peer = p;
    p->session = s;
    for (const QString &room : std::as_const(s->rooms)) {
        if (e.rooms->join(room, p, s->nick))
            e.recordEvent(RoomEvent::Kind::Join, room, s->nick);
    }
}

void ChatHandlers::operator()(Peer *p, const client::Hello &m)
{
    if (p->session) {
        e.sendError(p, ErrorCode::AlreadyWelcomed, m.id);
        return;
    }
    if (refuseStruckOut(p, m))
        return;
    if (resume(p, m))
        welcome(p, m, true);
    else if (e.redis && !m.resume.isEmpty())
        helloFromCluster(p, m); // the token may be another process's: ask Redis
    else
        helloNew(p, m);
}

void ChatHandlers::helloNew(Peer *p, const client::Hello &m)
{
    if (refuseNewSession(p, m))
        return;
    // Kept composed (NFC): "e" + U+0301 + "mile" is shown and stored as "émile".
    const QString nick = normalizedNick(m.nick);
    if (const auto problem = nickProblem(nick)) {
        e.sendError(p, ErrorCode::BadNick, m.id, *problem);
        return;
    }
    const QString key = nickKey(nick);
    if (refuseNick(p, nick, key, m.id))
        return;
    if (e.redis) {
        claimNewSession(p, m, nick, key); // unique across the cluster: a lease in Redis
        return;
    }
    Session *s = e.sessions.create(nick, key, m.agent);
    s->inbox = TokenBucket(e.config.ratePerSec, e.config.burst, Engine::nowMs());
    s->peer = p;
    p->session = s;
    welcome(p, m, false);
}

void ChatHandlers::welcome(Peer *p, const client::Hello &m, bool resumed)
{
    Session *s = p->session;
    e.attachActivity(p);

    sv::Welcome w;
    w.re = m.id;
    w.server = e.config.name;
    w.nick = s->nick;
    w.session = s->token;
    w.limits.maxText = e.config.maxText;
    w.limits.maxBytes = e.config.maxBytes;
    w.limits.ratePerSec = e.config.ratePerSec;
    w.limits.burst = e.config.burst;
    e.send(p, w);

    const QString endpoint = endpointText(p->info.address, p->info.port);
    e.recorder.event(
        p, EventKind::Hello,
        resumed ? (s->rooms.size() == 1 ? tr("%1 resumed its session as \"%2\" (1 room).")
                                        : tr("%1 resumed its session as \"%2\" (%n rooms).",
                                             nullptr, int(s->rooms.size())))
                      .arg(endpoint, s->nick)
                : tr("%1 said hello as \"%2\"%3.")
                      .arg(endpoint, s->nick,
                           s->agent.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s->agent)));
    Q_EMIT e.events->clientWelcomed(p->id(), s->nick);

    if (!resumed)
        e.enterRoom(p, QString::fromLatin1(DefaultRoom));
    for (const QString &room : std::as_const(s->rooms))
        e.sendJoined(p, room, m.id);
    // The welcome flow ends with the class's transport when it is not push.
    if (e.classTransport.mode != Transport::Push)
        e.tellTransport(p);
    Q_EMIT e.events->roomsChanged();
    Q_EMIT e.events->clientUpdated(p->id());
}

void ChatHandlers::operator()(Peer *p, const client::Join &m)
{
    if (refuseLockedRoom(p, m.room, m.id))
        return;
    if (e.config.maxRoomsPerSession > 0 && !p->session->rooms.contains(m.room)
        && p->session->rooms.size() >= e.config.maxRoomsPerSession) {
        e.sendError(p, ErrorCode::BadRoom, m.id,
                    QStringLiteral("you are in %1 rooms already: leave one first")
                        .arg(e.config.maxRoomsPerSession));
        return;
    }
    const bool entered = e.enterRoom(p, m.room);
    e.sendJoined(p, m.room, m.id);
    if (entered) {
        Q_EMIT e.events->roomsChanged();
        Q_EMIT e.events->clientUpdated(p->id());
    }
}

void ChatHandlers::operator()(Peer *p, const client::Leave &m)
{
    if (!e.rooms->contains(m.room, p)) {
        e.sendError(p, ErrorCode::NotInRoom, m.id);
        return;
    }
    p->session->rooms.removeAll(m.room);
    e.exitRoom(p, m.room, p->session->nick);
    sv::Left l;
    l.re = m.id;
    l.room = m.room;
    e.send(p, l);
    Q_EMIT e.events->roomsChanged();
    Q_EMIT e.events->clientUpdated(p->id());
}

bool ChatHandlers::admitText(Peer *p, const QString &raw, const QString &re, QString *out)
{
    *out = sanitizeText(raw);
    if (const auto problem = textProblem(*out, e.config.maxText)) {
        e.sendError(p, *problem, re);
        return false;
    }
    return !e.refuseIfBusy(p, re);
}

void ChatHandlers::operator()(Peer *p, const client::Say &m)
{
    if (!e.rooms->contains(m.room, p)) {
        e.sendError(p, ErrorCode::NotInRoom, m.id);
        return;
    }
    if (refuseMuted(p, m.id))
        return;
    QString text;
    if (!admitText(p, m.text, m.id, &text))
        return;
    Session *s = p->session;
    const qint64 now = Engine::nowMs();
    if (e.redis) {
        // Several processes: Redis orders, dedups and stores (redisroombroker.h).
        if (!refuseSlow(p, m.room, m.id))
            e.redis->say(p, m.room, m.id, text, now);
        return;
    }
    if (!m.id.isEmpty()) {
        // A resend of a message already stored (same sender, id, room and text): give the
        // sender its copy again, nothing else. A reused id with another room or text is a
        // new message, and never hands out someone's earlier message of that nick.
        auto original = e.store->findByClientId(s->key, m.id, now - e.config.dedupWindowMs);
        if (original && original->room == m.room && original->text == text) {
            original->re = m.id;
            original->dup = true;
            e.send(p, *original);
            return;
        }
    }
    if (refuseSlow(p, m.room, m.id))
        return;
    auto stored = e.store->append(m.room, s->nick, s->key, m.id, text, now);
    if (!stored) {
        e.recorder.event(
            p, EventKind::Error,
            tr("Could not store a message from %1: %2").arg(p->who(), e.store->lastError()));
        e.sendError(p, ErrorCode::Internal, m.id);
        return;
    }
    ++e.shared.counters.messagesStored;
    Frame shared(ServerMessage {*stored});
    const qint64 storedUs = steadyMicros();
    shared.setStoredUs(storedUs);
    int n = 0;
    if (m.id.isEmpty()) {
        n = e.rooms->publish(m.room, shared, nullptr);
    } else {
        // The sender's own copy carries `re`: everyone else shares one frame.
        stored->re = m.id;
        Frame own(ServerMessage {*stored});
        own.setStoredUs(storedUs);
        n = e.rooms->publish(m.room, shared, p);
        if (p->deliver(own))
            ++n;
    }
    e.recorder.out(nullptr, n, shared);
}

void ChatHandlers::operator()(Peer *p, const client::Whisper &m)
{
    Session *target = e.sessions.byNick(nickKey(m.to));
    if (!target && e.redis && !e.redis->holderOf(nickKey(m.to)).isEmpty()) {
        whisperElsewhere(p, m); // held on another server of the cluster
        return;
    }
    if (!target || !target->peer || target->peer->closing()) {
        e.sendError(p, ErrorCode::NoSuchUser, m.id);
        return;
    }
    if (refuseMuted(p, m.id))
        return;
    QString text;
    if (!admitText(p, m.text, m.id, &text))
        return;
    Session *s = p->session;
    const qint64 now = Engine::nowMs();
    sv::Whisper w;
    w.from = s->nick;
    w.to = target->nick;
    w.text = text;
    w.ts = now;
    const WhisperKeys dedup = whisperKeys(s, m.id, target->key, text);
    if (resentWhisper(p, m.id, dedup, w, now))
        return;
    if (target->peer != p) {
        // What one user receives is limited like what one user sends: ten classmates
        // whispering at once cannot push a student on a slow link past its queue cap.
        if (!target->inbox.take(now)) {
            ++e.shared.counters.rateLimited;
            e.sendError(p, ErrorCode::RateLimited, m.id,
                        QStringLiteral("%1 receives too many whispers").arg(target->nick));
            return;
        }
        e.send(target->peer, w);
    }
    if (dedup.key)
        m_whisperSeen.insert(dedup.key, WhisperSeen {dedup.print, now});
    w.re = m.id;
    e.send(p, w);
}

ChatHandlers::WhisperKeys ChatHandlers::whisperKeys(const Session *sender, const QString &id,
                                                    const QString &toKey, const QString &text)
{
    // Dedup keeps a fingerprint, not the whisper: (sender, id) -> hash of target and text.
    // A resend matches only the same target and text, and its copy is rebuilt from itself.
    WhisperKeys k;
    if (!id.isEmpty())
        k.key = qHash(sender->key + QChar(0x1f) + id, size_t(0x5eed));
    k.print = qHash(toKey + QChar(0x1f) + text, size_t(0x5eed));
    return k;
}

bool ChatHandlers::resentWhisper(Peer *p, const QString &id, const WhisperKeys &k,
                                 proto::server::Whisper w, qint64 now)
{
    if (!k.key)
        return false;
    const auto it = m_whisperSeen.constFind(k.key);
    if (it == m_whisperSeen.constEnd() || now - it->ts >= e.config.dedupWindowMs
        || it->fingerprint != k.print)
        return false;
    w.ts = it->ts;
    w.re = id;
    w.dup = true;
    e.send(p, w);
    return true;
}

void ChatHandlers::operator()(Peer *p, const client::Typing &m)
{
    if (!e.rooms->contains(m.room, p)) {
        e.sendError(p, ErrorCode::NotInRoom, m.id);
        return;
    }
    if (e.rooms->isLarge(e.rooms->count(m.room)))
        return; // the contract: typing is not relayed in large rooms
    sv::Typing t;
    t.room = m.room;
    t.nick = p->session->nick;
    t.on = m.on;
    const Frame f(ServerMessage {t});
    e.recorder.out(nullptr, e.rooms->publish(m.room, f, p), f);
    if (e.redis)
        e.redis->relayTyping(m.room, t.nick, m.on); // the room's members on other servers
}

void ChatHandlers::operator()(Peer *p, const client::History &m)
{
    if (e.rooms->answerHistory(p, m.room, m.id, m.before, m.after, m.limit, false))
        return; // from Redis, costed the same way when it is sent
    sv::History h;
    h.re = m.id;
    h.room = m.room;
    h.messages = e.store->history(m.room, m.before, m.after, m.limit);
    // Costed by its size: 200 messages of 16 KB are 3 MB to encode and send, not one
    // message (issue 16: twenty such askers held the server at 99 % CPU).
    const Frame f(ServerMessage {h});
    if (p->deliver(f))
        e.recorder.out(p, 1, f);
    e.chargeBytes(p, f.json().size());
}

void ChatHandlers::operator()(Peer *p, const client::Nick &m)
{
    Session *s = p->session;
    const QString nick = normalizedNick(m.nick);
    if (const auto problem = nickProblem(nick)) {
        e.sendError(p, ErrorCode::BadNick, m.id, *problem);
        return;
    }
    const QString key = nickKey(nick);
    if (refuseNick(p, nick, key, m.id, s->key))
        return;
    if (e.redis && key != s->key) {
        claimNickChange(p, m, nick, key); // the new nick's lease first
        return;
    }
    applyNick(p, m, nick, key);
}

void ChatHandlers::applyNick(Peer *p, const client::Nick &m, const QString &nick,
                             const QString &key)
{
    Session *s = p->session;
    const QString old = s->nick;
    const QString oldKey = s->key;
    e.control.renamed(s->key, key);
    e.sessions.rename(s, nick, key);
    if (e.redis && oldKey != key && e.control.isMuted(key))
        e.redis->shareMuteRename(oldKey, key, old, nick); // muted on every server under it

    sv::Presence presence;
    presence.event = sv::PresenceEvent::Nick;
    presence.nick = s->nick;
    presence.old = old;
    for (const QString &room : std::as_const(s->rooms)) {
        if (!e.rooms->exists(room))
            continue;
        presence.room = room;
        presence.re.clear();
        const Frame f(ServerMessage {presence});
        e.recorder.out(nullptr, e.rooms->publish(room, f, p), f);
        e.recordEvent(RoomEvent::Kind::Nick, room, s->nick, old);
        presence.re = m.id;
        e.send(p, presence);
    }
    if (s->rooms.isEmpty()) {
        // In no room: the client still learns that its nick changed.
        presence.room.clear();
        presence.re = m.id;
        e.send(p, presence);
    }
    e.recorder.event(p, EventKind::Nick, tr("%1 is now known as \"%2\".").arg(old, s->nick));
    Q_EMIT e.events->roomsChanged();
    Q_EMIT e.events->clientUpdated(p->id());
}

void ChatHandlers::operator()(Peer *p, const client::Rooms &m)
{
    sv::Rooms out;
    out.re = m.id;
    auto counts = e.rooms->roomCounts();
    const qsizetype listed = e.config.maxRoomsListed > 0
        ? qMin<qsizetype>(counts.size(), e.config.maxRoomsListed)
        : counts.size();
    // The fullest first (then by name): a bounded reply however many rooms exist.
    std::partial_sort(counts.begin(), counts.begin() + listed, counts.end(),
                      [](const QPair<QString, int> &a, const QPair<QString, int> &b) {
                          return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    for (qsizetype i = 0; i < listed; ++i)
        out.rooms.append(sv::RoomInfo {counts.at(i).first, counts.at(i).second});
    e.send(p, out);
}

void ChatHandlers::operator()(Peer *p, const client::Ping &m)
{
    sv::Pong pong;
    pong.re = m.id;
    pong.t = m.t;
    e.send(p, pong);
}

void ChatHandlers::prune(qint64 nowMs)
{
    for (auto it = m_whisperSeen.begin(); it != m_whisperSeen.end();) {
        if (nowMs - it->ts >= e.config.dedupWindowMs)
            it = m_whisperSeen.erase(it);
        else
            ++it;
    }
}

} // namespace duplex::server
