// What every route handler needs, passed in explicitly (no globals): configuration,
// storage, the pack cache, the join rate limiter, the leaderboard cache and the log.
#pragma once

#include "config.h"
#include "leaderboard.h"
#include "pack_cache.h"
#include "rate_limit.h"
#include "storage.h"

namespace ff::server {

struct App {
    const ServeConfig& config;
    Storage& storage;
    PackCache& packs;
    RateLimiter& joins;
    Leaderboard& leaderboard;
    LogFn log; // one line, no trailing newline; never given a token
};

} // namespace ff::server
