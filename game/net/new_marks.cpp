#include "net/new_marks.h"

#include "save/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ff::net {

NewMarks::NewMarks(std::filesystem::path data_dir) : file_(std::move(data_dir) / "new-scenarios.json")
{
    auto text = ff::save::read_file(file_);
    if (!text) return;
    try {
        auto j = nlohmann::json::parse(*text);
        if (!j.is_object()) return;
        for (const auto& [pack, ids] : j.items()) {
            if (!ids.is_array()) continue;
            for (const auto& id : ids)
                if (id.is_string()) marks_[pack].insert(id.get<std::string>());
        }
    } catch (const nlohmann::json::exception&) {
        marks_.clear();
    }
}

bool NewMarks::is_new(const std::string& pack_id, const std::string& scenario_id) const
{
    std::lock_guard lock(mutex_);
    auto it = marks_.find(pack_id);
    return it != marks_.end() && it->second.contains(scenario_id);
}

void NewMarks::add(const std::string& pack_id, const std::vector<std::string>& scenario_ids)
{
    if (scenario_ids.empty()) return;
    std::lock_guard lock(mutex_);
    marks_[pack_id].insert(scenario_ids.begin(), scenario_ids.end());
    save_locked();
}

void NewMarks::mark_seen(const std::string& pack_id, const std::string& scenario_id)
{
    std::lock_guard lock(mutex_);
    auto it = marks_.find(pack_id);
    if (it == marks_.end() || it->second.erase(scenario_id) == 0) return;
    if (it->second.empty()) marks_.erase(it);
    save_locked();
}

std::map<std::string, std::set<std::string>> NewMarks::all() const
{
    std::lock_guard lock(mutex_);
    return marks_;
}

void NewMarks::save_locked() const
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [pack, ids] : marks_) j[pack] = std::vector<std::string>(ids.begin(), ids.end());
    try {
        ff::save::write_file_atomic(file_, j.dump(2));
    } catch (const std::exception&) {
    }
}

std::vector<std::string> added_scenarios(const std::vector<std::string>& before, const std::vector<std::string>& now)
{
    std::vector<std::string> out;
    for (const auto& id : now)
        if (std::find(before.begin(), before.end(), id) == before.end()) out.push_back(id);
    return out;
}

} // namespace ff::net
