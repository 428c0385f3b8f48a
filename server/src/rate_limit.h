// A per-address rate limit (token bucket): `per_minute` requests a minute, bursts up to that.
// Kept in memory: it protects this process, and a restart forgetting it is harmless.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ff::server {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    explicit RateLimiter(int per_minute) : per_minute_(per_minute > 0 ? per_minute : 1) {}

    // True if `key` may go ahead now (and uses up one request).
    bool allow(const std::string& key, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    int per_minute_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

} // namespace ff::server
