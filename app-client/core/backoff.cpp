// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace duplex::client {

double Backoff::baseMs() const
{
    // 2^20 times any sensible initial delay is past any maximum: no need to go higher.
    return std::min(double(m_params.maxMs),
                    double(m_params.initialMs) * std::pow(2.0, std::min(m_attempts, 20)));
}

int Backoff::next()
{
    return next(QRandomGenerator::global()->generateDouble());
}

int Backoff::next(double unit)
{
    const double base = baseMs();
    const double jittered = base + (unit * 2.0 - 1.0) * base * m_params.jitter;
    ++m_attempts;
    return int(std::clamp(jittered, 0.0, double(m_params.maxMs)));
}

} // namespace duplex::client
