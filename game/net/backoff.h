// Retry delays for a flaky campus network: exponential growth, a cap, and full jitter so
// a whole lab of PCs does not hammer a restarted server at the same instant.
#pragma once

#include <chrono>
#include <cstdint>

namespace ff::net {

struct BackoffPolicy {
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds cap{60000};
};

// The upper bound for retry number `attempt` (1 = first retry): min(cap, base * 2^(attempt-1)).
std::chrono::milliseconds backoff_ceiling(const BackoffPolicy& p, int attempt);

// A delay in [ceiling/2, ceiling] picked by `random01` in [0, 1): half is kept so a retry
// never comes back almost at once, the other half is jitter.
std::chrono::milliseconds backoff_delay(const BackoffPolicy& p, int attempt, double random01);

} // namespace ff::net
