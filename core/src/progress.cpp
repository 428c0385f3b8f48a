// The awareness profile: folds a player's result records (oldest first) into per-scenario,
// per-category and overall progress, counting only scenarios that a loaded pack holds now.
#include "fraudfree/progress.h"

#include <algorithm>
#include <map>
#include <utility>

namespace ff {
namespace {

using ScenarioKey = std::pair<std::string, std::string>; // (pack id, scenario id)

// A scenario of a loaded pack, counted once even if two loaded packs share an id
// (e.g. an old and a new version side by side): the first one wins.
struct CountedScenario {
    ScenarioKey key;
    std::string category;
};

// Sums for one ProgressSummary before the means are taken.
struct Tally {
    int total = 0;
    int finished = 0;
    int plays = 0;
    long long best_sum = 0;
    long long latest_sum = 0;
    int latest_scammed = 0;

    void add(const ScenarioProgress* played) {
        ++total;
        if (!played || played->plays == 0) return;
        ++finished;
        plays += played->plays;
        best_sum += played->best_score;
        latest_sum += played->latest_score;
        if (played->latest_ending == EndingKind::scammed) ++latest_scammed;
    }

    ProgressSummary summary() const {
        ProgressSummary s;
        s.scenarios_total = total;
        s.scenarios_finished = finished;
        s.plays = plays;
        if (finished > 0) {
            s.best = static_cast<double>(best_sum) / finished;
            s.latest = static_cast<double>(latest_sum) / finished;
        }
        s.latest_scammed = latest_scammed;
        return s;
    }
};

std::vector<CountedScenario> counted_scenarios(const std::vector<Pack>& packs) {
    std::vector<CountedScenario> out;
    std::map<ScenarioKey, bool> seen;
    for (const Pack& p : packs)
        for (const Scenario& s : p.scenarios) {
            ScenarioKey key{p.id, s.id};
            if (seen.emplace(key, true).second) out.push_back(CountedScenario{key, s.category});
        }
    return out;
}

} // namespace

AwarenessProfile compute_progress(const std::vector<ResultRecord>& records, const std::vector<Pack>& packs) {
    AwarenessProfile profile;

    // History: one entry per scenario, in order of first play; the last record is "latest".
    std::map<ScenarioKey, size_t> index;
    for (const ResultRecord& r : records) {
        ScenarioKey key{r.pack_id, r.scenario_id};
        auto [it, inserted] = index.emplace(key, profile.scenarios.size());
        if (inserted) {
            ScenarioProgress sp;
            sp.pack_id = r.pack_id;
            sp.scenario_id = r.scenario_id;
            sp.best_score = r.score;
            profile.scenarios.push_back(std::move(sp));
        }
        ScenarioProgress& sp = profile.scenarios[it->second];
        ++sp.plays;
        sp.best_score = std::max(sp.best_score, r.score);
        sp.latest_score = r.score;
        sp.latest_ending = r.ending_kind;
        sp.latest_ending_id = r.ending_id;
        sp.category = r.category;
    }

    const std::vector<CountedScenario> counted = counted_scenarios(packs);
    for (const CountedScenario& c : counted) {
        auto it = index.find(c.key);
        if (it != index.end()) profile.scenarios[it->second].in_loaded_pack = true;
    }

    auto played = [&](const ScenarioKey& key) -> const ScenarioProgress* {
        auto it = index.find(key);
        return it == index.end() ? nullptr : &profile.scenarios[it->second];
    };

    // Aggregates group by the category the loaded pack gives the scenario now, so that
    // `total` and `finished` of a category always count the same scenarios.
    Tally overall;
    std::map<std::string, Tally> by_category;
    for (const CountedScenario& c : counted) {
        const ScenarioProgress* sp = played(c.key);
        overall.add(sp);
        by_category[c.category].add(sp);
    }
    profile.overall = overall.summary();

    // Category order: as the packs list them (built-ins first, then each pack's own);
    // a category a scenario names but no pack declares comes last, named by its id.
    std::map<std::string, bool> listed;
    auto list = [&](const std::string& id, const std::string& name) {
        auto t = by_category.find(id);
        if (t == by_category.end() || !listed.emplace(id, true).second) return;
        profile.categories.push_back(CategoryProgress{id, name.empty() ? id : name, t->second.summary()});
    };
    for (const Pack& p : packs)
        for (const Category& c : p.categories) list(c.id, c.name);
    for (const CountedScenario& c : counted) list(c.category, c.category);

    return profile;
}

const ScenarioProgress* find_scenario_progress(const AwarenessProfile& p, const std::string& pack_id,
                                               const std::string& scenario_id) {
    auto it = std::find_if(p.scenarios.begin(), p.scenarios.end(), [&](const ScenarioProgress& s) {
        return s.pack_id == pack_id && s.scenario_id == scenario_id;
    });
    return it == p.scenarios.end() ? nullptr : &*it;
}

const CategoryProgress* find_category_progress(const AwarenessProfile& p, const std::string& category) {
    auto it = std::find_if(p.categories.begin(), p.categories.end(),
                           [&](const CategoryProgress& c) { return c.category == category; });
    return it == p.categories.end() ? nullptr : &*it;
}

} // namespace ff
