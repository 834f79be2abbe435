// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// ChatHandlers, a whisper to a nick another server of the cluster holds (--redis, issue
// 17): the same checks, frames and errors as a local whisper (chathandlers.cpp); the
// holder checks its recipient (still connected, its whisper inbox) and delivers, and the
// sender gets its copy or the error when the holder answers (redisroombroker_relay.cpp).

#include "chathandlers.h"

#include "engine.h"
#include "redisroombroker.h"

#include <names.h>

namespace duplex::server {

using namespace proto;
namespace sv = proto::server;

void ChatHandlers::whisperElsewhere(Peer *p, const client::Whisper &m)
{
    // Locally `no_such_user` comes before muted and a bad text: when this side would refuse,
    // the holder is only asked whether the recipient is there (a probe, nothing delivered).
    if (e.control.isMuted(p->session->key) || textProblem(sanitizeText(m.text), e.config.maxText)) {
        sv::Whisper probe;
        probe.from = p->session->nick;
        const quint64 peerId = p->id();
        const client::Whisper request = m;
        e.redis->whisperElsewhere(
            nickKey(m.to), probe,
            [this, peerId, request](const RedisRoomBroker::WhisperResult &r) {
                Peer *sender = e.find(peerId);
                if (!sender || !sender->session || sender->closing())
                    return;
                if (!r.delivered) {
                    e.sendError(sender, r.code, request.id, r.message);
                    return;
                }
                if (refuseMuted(sender, request.id))
                    return;
                QString text;
                if (admitText(sender, request.text, request.id, &text))
                    whisperElsewhere(sender, request); // unmuted meanwhile: a real whisper
            },
            true);
        return;
    }
    if (refuseMuted(p, m.id))
        return;
    QString text;
    if (!admitText(p, m.text, m.id, &text))
        return;
    const Session *s = p->session;
    const qint64 now = Engine::nowMs();
    const QString toKey = nickKey(m.to);
    sv::Whisper w;
    w.from = s->nick;
    // As its server spells it (a resend's copy too; the first copy takes the holder's word).
    w.to = e.redis->remoteNick(toKey);
    if (w.to.isEmpty())
        w.to = m.to;
    w.text = text;
    w.ts = now;
    const WhisperKeys dedup = whisperKeys(s, m.id, toKey, text); // as locally
    if (resentWhisper(p, m.id, dedup, w, now))
        return;
    const quint64 peerId = p->id();
    const QString re = m.id;
    e.redis->whisperElsewhere(
        toKey, w, [this, peerId, re, w, dedup](const RedisRoomBroker::WhisperResult &r) {
            Peer *sender = e.find(peerId);
            if (!sender || !sender->session || sender->closing())
                return; // the sender went away meanwhile: as a local whisper to a gone peer
            if (!r.delivered) {
                e.sendError(sender, r.code, re, r.message);
                return;
            }
            if (dedup.key)
                m_whisperSeen.insert(dedup.key, WhisperSeen {dedup.print, w.ts});
            sv::Whisper copy = w;
            copy.to = r.nick;
            copy.re = re;
            e.send(sender, copy);
        });
}

} // namespace duplex::server
