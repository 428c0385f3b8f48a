// Statistics of a loaded pack for authors: how many paths each scenario has, which endings
// and red flags they reach, and what the pack covers. Every number comes from core's runner.
#pragma once

#include "fraudfree/model.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace ff::pack {

// Indexed by EndingKind (safe, partial, scammed).
using KindCounts = std::array<int, 3>;

struct ScenarioStats {
    const Scenario* scenario = nullptr;
    int nodes = 0;
    int paths = 0;                 // distinct complete paths from start to an ending
    bool paths_capped = false;     // true when the count hit the safety limit
    int longest_path = 0;          // decisions on the longest path
    int shortest_path = 0;         // decisions on the shortest path
    KindCounts endings{};          // endings defined, by kind
    KindCounts reachable_endings{};// endings some path reaches, by kind
    KindCounts paths_by_kind{};    // paths ending in each kind
    int score_min = 0;             // lowest and highest score over all paths
    int score_max = 0;
    std::vector<std::string> flags_shown;  // on some path, in scenario order of first appearance
    std::vector<std::string> flags_caught; // caught on some path
};

struct FlagCoverage {
    const RedFlag* flag = nullptr;
    int shown_in = 0;  // scenarios that show it
    int caught_in = 0; // scenarios where some path catches it
};

struct CategoryCoverage {
    const Category* category = nullptr;
    int scenarios = 0;
};

struct PackStats {
    const Pack* pack = nullptr;
    std::vector<ScenarioStats> scenarios;       // in pack order
    std::vector<CategoryCoverage> categories;   // every category the pack knows, in pack order
    std::map<std::string, int> channels;        // "chat"/"sms"/"call" -> scenarios (all three present)
    std::vector<FlagCoverage> red_flags;        // every red flag the pack knows, in pack order
};

// Plays every path of every scenario (core all_paths + make_result). The pack must outlive the result.
PackStats compute_stats(const Pack& pack);

inline constexpr size_t kPathLimit = 100000;

} // namespace ff::pack
