// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
#pragma once

// Log-linear latency histogram in microseconds: 64 sub-buckets per power of two, so every
// percentile is within ~1.6% of the true value, with a fixed ~2300-bucket array and no
// allocation per sample (the hot loop records hundreds of thousands of samples a second).

#include <array>
#include <cstdint>

namespace duplex::bench {

class Histogram
{
public:
    void record(uint64_t us)
    {
        ++m_counts[index(us)];
        ++m_total;
        if (us > m_max)
            m_max = us;
    }
    uint64_t count() const { return m_total; }
    uint64_t max() const { return m_max; }

    /// The value at quantile q (0..1), in microseconds (bucket midpoint, capped at max).
    double quantile(double q) const
    {
        if (m_total == 0)
            return 0;
        uint64_t rank = static_cast<uint64_t>(q * static_cast<double>(m_total - 1)) + 1;
        uint64_t seen = 0;
        for (int i = 0; i < Buckets; ++i) {
            seen += m_counts[i];
            if (seen >= rank) {
                const double lo = static_cast<double>(lowerBound(i));
                const double hi = static_cast<double>(lowerBound(i + 1));
                const double mid = (lo + hi) / 2;
                return mid > static_cast<double>(m_max) ? static_cast<double>(m_max) : mid;
            }
        }
        return static_cast<double>(m_max);
    }

private:
    static constexpr int Sub = 64;
    static constexpr int Exponents = 40;
    static constexpr int Buckets = Sub * (Exponents + 2);

    static int index(uint64_t v)
    {
        if (v < 2 * Sub)
            return static_cast<int>(v);
        const int msb = 63 - __builtin_clzll(v);
        const int e = msb - 6; // mantissa v >> e lies in [64, 128)
        const int idx = e * Sub + static_cast<int>(v >> e);
        return idx < Buckets ? idx : Buckets - 1;
    }
    static uint64_t lowerBound(int idx)
    {
        if (idx < 2 * Sub)
            return static_cast<uint64_t>(idx);
        const int e = idx / Sub - 1;
        return static_cast<uint64_t>(idx - e * Sub) << e;
    }

    std::array<uint64_t, Buckets> m_counts {};
    uint64_t m_total = 0;
    uint64_t m_max = 0;
};

} // namespace duplex::bench
