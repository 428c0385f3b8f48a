#include "net/backoff.h"

#include <algorithm>

namespace ff::net {

std::chrono::milliseconds backoff_ceiling(const BackoffPolicy& p, int attempt)
{
    const int64_t base = std::max<int64_t>(1, p.base.count());
    const int64_t cap = std::max<int64_t>(base, p.cap.count());
    int64_t d = base;
    for (int i = 1; i < attempt && d < cap; ++i) d *= 2;
    return std::chrono::milliseconds(std::min(d, cap));
}

std::chrono::milliseconds backoff_delay(const BackoffPolicy& p, int attempt, double random01)
{
    const int64_t ceiling = backoff_ceiling(p, attempt).count();
    const double r = std::clamp(random01, 0.0, 1.0);
    const int64_t half = ceiling / 2;
    return std::chrono::milliseconds(half + static_cast<int64_t>(r * static_cast<double>(ceiling - half)));
}

} // namespace ff::net
