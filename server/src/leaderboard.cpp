// Ranking every class by its progress towards 无诈班级.
#include "leaderboard.h"

#include <algorithm>
#include <map>

namespace ff::server {

ClassProgress load_class_progress(Storage& storage, PackCache& packs, const ClassInfo& cls) {
    return compute_class_progress(cls, storage.students(cls.id), storage.standings(cls.id), assignment_of(cls, packs));
}

std::vector<LeaderboardEntry> Leaderboard::get(Storage& storage, PackCache& packs) {
    std::lock_guard lock(mutex_); // one computation at a time; the others wait and reuse it
    const auto now = std::chrono::steady_clock::now();
    const uint64_t generation = generation_.load();
    if (valid_ && generation == computed_generation_ && now - computed_ < max_age_) return entries_;

    auto all = storage.standings(std::nullopt);
    std::map<int64_t, std::vector<Standing>> by_class;
    for (auto& s : all) by_class[s.class_id].push_back(std::move(s));

    std::vector<LeaderboardEntry> entries;
    for (const auto& cls : storage.classes(std::nullopt)) {
        auto p = compute_class_progress(cls, storage.students(cls.id), by_class[cls.id], assignment_of(cls, packs));
        entries.push_back(LeaderboardEntry{0, cls.id, cls.name, cls.students, p.criterion.progress_pct,
                                           round1(p.mean_best), p.criterion.met});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const LeaderboardEntry& a, const LeaderboardEntry& b) {
        if (a.goal_met != b.goal_met) return a.goal_met;
        if (a.progress_pct != b.progress_pct) return a.progress_pct > b.progress_pct;
        if (a.mean_best != b.mean_best) return a.mean_best > b.mean_best;
        return a.class_id < b.class_id;
    });
    for (size_t i = 0; i < entries.size(); ++i) entries[i].rank = static_cast<int>(i) + 1;
    entries_ = entries;
    computed_ = now;
    computed_generation_ = generation;
    valid_ = true;
    return entries;
}

void Leaderboard::invalidate() { ++generation_; }

} // namespace ff::server
