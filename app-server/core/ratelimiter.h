// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

#include <QtGlobal>

#include <algorithm>

namespace duplex::server {

/// A token bucket: `burst` messages at once, refilled at `ratePerSec`. A rate of 0 (or
/// less) means unlimited. Also tracks how many messages were refused since the client last
/// behaved (the bucket was full again), which decides the flood close (5x burst).
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSec, int burst, qint64 nowMs)
        : m_rate(ratePerSec)
        , m_burst(std::max(1, burst))
        , m_tokens(m_burst)
        , m_lastMs(nowMs)
    {
    }

    /// Takes one token. False when the message must be refused (rate_limited).
    bool take(qint64 nowMs)
    {
        if (m_rate <= 0)
            return true;
        refill(nowMs);
        if (m_tokens >= 1.0) {
            m_tokens -= 1.0;
            return true;
        }
        ++m_refused;
        return false;
    }

    /// Takes `tokens` more (a costly request, after it was served): the bucket may go into
    /// debt, refusing what follows until it has refilled.
    void charge(double tokens, qint64 nowMs)
    {
        if (m_rate <= 0 || tokens <= 0)
            return;
        refill(nowMs);
        m_tokens -= tokens;
    }

    /// Messages refused since the bucket was last full (the flood measure).
    int refusedInARow() const { return m_refused; }

private:
    void refill(qint64 nowMs)
    {
        const qint64 elapsed = nowMs - m_lastMs;
        if (elapsed > 0) {
            m_tokens = std::min(double(m_burst), m_tokens + double(elapsed) * m_rate / 1000.0);
            m_lastMs = nowMs;
        }
        // A full bucket means the client has been calm for burst/rate seconds: forgive it.
        if (m_tokens >= double(m_burst))
            m_refused = 0;
    }

    double m_rate = 0;
    int m_burst = 1;
    double m_tokens = 1;
    qint64 m_lastMs = 0;
    int m_refused = 0;
};

} // namespace duplex::server
