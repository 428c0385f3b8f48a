// Which scenarios arrived with a downloaded pack and have not been opened yet, so the
// scenario list can mark them "新". Persisted in <data_dir>/new-scenarios.json.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace ff::net {

// Thread-safe: the pack worker adds, the game thread reads and clears.
class NewMarks {
public:
    // Reads the file if present; a missing or damaged file means nothing is new.
    explicit NewMarks(std::filesystem::path data_dir);

    bool is_new(const std::string& pack_id, const std::string& scenario_id) const;
    // Each call persists at once (atomic write); disk errors are swallowed — a lost
    // "新" mark is not worth interrupting the game for.
    void add(const std::string& pack_id, const std::vector<std::string>& scenario_ids);
    void mark_seen(const std::string& pack_id, const std::string& scenario_id);
    std::map<std::string, std::set<std::string>> all() const;

private:
    void save_locked() const;

    std::filesystem::path file_;
    mutable std::mutex mutex_;
    std::map<std::string, std::set<std::string>> marks_; // pack id -> scenario ids
};

// The scenario ids of `now` that `before` did not have (all of them when before is empty).
std::vector<std::string> added_scenarios(const std::vector<std::string>& before, const std::vector<std::string>& now);

} // namespace ff::net
