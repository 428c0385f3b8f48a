// The awareness profile: per-scenario, per-category and overall progress computed from a
// player's result records in time order. Plain functions over value types.
#pragma once

#include "fraudfree/model.h"
#include "fraudfree/result.h"

#include <string>
#include <vector>

namespace ff {

struct ScenarioProgress {
    std::string pack_id;
    std::string scenario_id;
    std::string category;       // category id from the latest record
    bool in_loaded_pack = false; // false for history of a scenario no loaded pack has now
    int plays = 0;
    int best_score = 0;
    int latest_score = 0;
    EndingKind latest_ending = EndingKind::safe;
    std::string latest_ending_id;
};

// Definitions (so the game, the server and the tests agree):
// - A scenario counts when it is in a loaded pack; records of other scenarios appear only
//   in AwarenessProfile::scenarios (history), never in the aggregates.
// - finished = counted scenarios with at least one play; total = scenarios of the loaded packs.
// - best   = mean of the finished scenarios' best scores   (0 when none is finished);
//   latest = mean of the finished scenarios' latest scores (0 when none is finished).
//   Unplayed scenarios do not pull the mean down; `finished`/`total` show coverage.
// - latest_scammed = finished scenarios whose latest play ended `scammed`.
struct ProgressSummary {
    int scenarios_total = 0;
    int scenarios_finished = 0;
    int plays = 0;
    double best = 0;
    double latest = 0;
    int latest_scammed = 0;
};

struct CategoryProgress {
    std::string category;  // id
    std::string name;      // display name from the packs (the id if no pack names it)
    ProgressSummary summary;
};

struct AwarenessProfile {
    std::vector<ScenarioProgress> scenarios;   // in order of first play
    std::vector<CategoryProgress> categories;  // categories with at least one scenario in a
                                               // loaded pack, in the packs' category order
    ProgressSummary overall;
};

// `records` must be in time order (oldest first): "latest" is the last one per scenario.
// A scenario is identified by (pack_id, scenario_id); pack versions do not split it.
AwarenessProfile compute_progress(const std::vector<ResultRecord>& records, const std::vector<Pack>& packs);

// Lookups; null when absent.
const ScenarioProgress* find_scenario_progress(const AwarenessProfile& p, const std::string& pack_id,
                                               const std::string& scenario_id);
const CategoryProgress* find_category_progress(const AwarenessProfile& p, const std::string& category);

} // namespace ff
