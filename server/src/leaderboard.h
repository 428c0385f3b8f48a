// The public leaderboard of classes (no student names), computed from the database and
// kept for a moment so a projector refreshing every few seconds costs one computation.
#pragma once

#include "class_progress.h"
#include "pack_cache.h"
#include "storage.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

namespace ff::server {

struct LeaderboardEntry {
    int rank = 0;
    int64_t class_id = 0;
    std::string name;
    int students = 0;
    int progress_pct = 0;
    double mean_best = 0;
    bool goal_met = false;
};

// Progress of one class, read fresh from storage.
ClassProgress load_class_progress(Storage& storage, PackCache& packs, const ClassInfo& cls);

class Leaderboard {
public:
    explicit Leaderboard(std::chrono::milliseconds max_age) : max_age_(max_age) {}

    // Ranked: goal met first, then progress, then mean best score.
    std::vector<LeaderboardEntry> get(Storage& storage, PackCache& packs);
    // Called after writes in this process so its own changes show at once.
    void invalidate();

private:
    std::chrono::milliseconds max_age_;
    std::mutex mutex_;
    std::atomic<uint64_t> generation_{0}; // bumped by invalidate(); cheap on the hot path
    uint64_t computed_generation_ = 0;
    bool valid_ = false;
    std::chrono::steady_clock::time_point computed_;
    std::vector<LeaderboardEntry> entries_;
};

} // namespace ff::server
