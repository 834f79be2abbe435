// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

namespace duplex::client {

/// Exponential backoff with jitter, for anything retried against a server: the reconnect
/// and the resend after `rate_limited`. The n-th delay (n counted from 0 since the last
/// reset()) is initialMs * 2^n, at most maxMs, moved at random by up to +-jitter of itself
/// (so that clients of a restarted server do not come back in lockstep) and clamped to
/// [0, maxMs].
class Backoff
{
public:
    /// The longest wait on a LAN (a classroom): a server that is back is found within a
    /// few seconds, not after a delay that grew while it was away.
    static constexpr int LanMaxMs = 5000;

    struct Params {
        int initialMs = 1000;
        int maxMs = LanMaxMs;
        double jitter = 0.2; ///< 0.2 = +-20 %
    };

    Backoff() = default;
    explicit Backoff(const Params &params)
        : m_params(params)
    {
    }

    Params params() const { return m_params; }
    /// Takes effect from the next delay; the attempt count is kept.
    void setParams(const Params &params) { m_params = params; }

    /// The delay before the next attempt, in ms, and counts that attempt.
    int next();
    /// The same with the random draw given: unit in [0, 1), 0.5 = no jitter (tests).
    int next(double unit);
    /// The delay the next attempt centres on, before jitter.
    double baseMs() const;
    /// Attempts counted since the last reset().
    int attempts() const { return m_attempts; }
    /// A success: the next delay is the initial one again.
    void reset() { m_attempts = 0; }

private:
    Params m_params;
    int m_attempts = 0;
};

} // namespace duplex::client
