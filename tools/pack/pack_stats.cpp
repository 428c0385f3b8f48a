// compute_stats: replays every path with core's make_result, so the numbers are the ones
// a student would actually meet (same runner, same scoring).
#include "pack_stats.h"

#include "fraudfree/result.h"
#include "fraudfree/runner.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace ff::pack {
namespace {

size_t kind_index(EndingKind k) { return static_cast<size_t>(k); }

void add_unique(std::vector<std::string>& list, const std::string& id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

ScenarioStats scenario_stats(const Pack& pack, const Scenario& s) {
    ScenarioStats st;
    st.scenario = &s;
    st.nodes = static_cast<int>(s.nodes.size());
    for (const Ending& e : s.endings) ++st.endings[kind_index(e.kind)];

    const auto paths = all_paths(s, kPathLimit);
    st.paths = static_cast<int>(paths.size());
    st.paths_capped = paths.size() >= kPathLimit;
    std::set<std::string> reached;
    std::set<std::string> caught;
    bool first = true;
    for (const auto& path : paths) {
        const MakeResult r = make_result(pack, s.id, path);
        if (!r.record) throw std::logic_error("stats: a path from all_paths did not replay: " + r.error);
        const ResultRecord& rec = *r.record;
        const int len = static_cast<int>(path.size());
        st.longest_path = first ? len : std::max(st.longest_path, len);
        st.shortest_path = first ? len : std::min(st.shortest_path, len);
        st.score_min = first ? rec.score : std::min(st.score_min, rec.score);
        st.score_max = first ? rec.score : std::max(st.score_max, rec.score);
        first = false;
        ++st.paths_by_kind[kind_index(rec.ending_kind)];
        if (reached.insert(rec.ending_id).second) ++st.reachable_endings[kind_index(rec.ending_kind)];
        for (const std::string& f : rec.flags_shown) add_unique(st.flags_shown, f);
        caught.insert(rec.flags_caught.begin(), rec.flags_caught.end());
    }
    // Caught flags in the order they were first shown, so both lists read alike.
    for (const std::string& f : st.flags_shown)
        if (caught.count(f)) st.flags_caught.push_back(f);
    return st;
}

} // namespace

PackStats compute_stats(const Pack& pack) {
    PackStats ps;
    ps.pack = &pack;
    ps.channels = {{"chat", 0}, {"sms", 0}, {"call", 0}};
    for (const Scenario& s : pack.scenarios) {
        ps.scenarios.push_back(scenario_stats(pack, s));
        ++ps.channels[to_string(s.channel)];
    }
    for (const Category& c : pack.categories) {
        CategoryCoverage cc{&c, 0};
        for (const Scenario& s : pack.scenarios)
            if (s.category == c.id) ++cc.scenarios;
        ps.categories.push_back(cc);
    }
    for (const RedFlag& f : pack.red_flags) {
        FlagCoverage fc{&f, 0, 0};
        for (const ScenarioStats& st : ps.scenarios) {
            const auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), f.id) != v.end(); };
            if (has(st.flags_shown)) ++fc.shown_in;
            if (has(st.flags_caught)) ++fc.caught_in;
        }
        ps.red_flags.push_back(fc);
    }
    return ps;
}

} // namespace ff::pack
