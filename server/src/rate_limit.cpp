// Token buckets per address; full buckets are dropped now and then so memory stays bounded.
#include "rate_limit.h"

#include <algorithm>

namespace ff::server {

bool RateLimiter::allow(const std::string& key, Clock::time_point now) {
    const double capacity = per_minute_;
    const double per_second = per_minute_ / 60.0;
    std::lock_guard lock(mutex_);
    if (buckets_.size() > 10000) {
        for (auto it = buckets_.begin(); it != buckets_.end();) {
            double age = std::chrono::duration<double>(now - it->second.updated).count();
            it = it->second.tokens + age * per_second >= capacity ? buckets_.erase(it) : std::next(it);
        }
    }
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{capacity, now});
    Bucket& b = it->second;
    if (!fresh) {
        double age = std::chrono::duration<double>(now - b.updated).count();
        b.tokens = std::min(capacity, b.tokens + std::max(0.0, age) * per_second);
        b.updated = now;
    }
    if (b.tokens < 1.0) return false;
    b.tokens -= 1.0;
    return true;
}

} // namespace ff::server
