// Scoring: a 0–100 awareness score from a finished path, explainable item by item.
// Pure and deterministic: the same scenario and path always give the same score.
#pragma once

#include "fraudfree/model.h"
#include "fraudfree/runner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ff {

// One line of "how the score was earned", e.g. {"识破诈骗信号 3/4", 23, 30}.
struct ScoreItem {
    std::string key;    // stable id: "ending" | "flags" | "money" | "report"
    std::string label;  // Chinese, for the debrief
    int points = 0;
    int max = 0;
};

// A red flag the student met on the path.
struct FlagOutcome {
    std::string flag_id;
    bool caught = false;
    std::string quote;    // text of the first message on the path that showed it
    std::string node_id;  // node of that message
};

struct Score {
    int total = 0;                  // 0..100, sum of items
    std::vector<ScoreItem> items;
    std::vector<FlagOutcome> flags; // in order of first appearance
    int64_t money_lost = 0;
    bool reported = false;
    EndingKind ending_kind = EndingKind::safe;
    std::string ending_id;
};

// Weights: ending safe 50 / partial 20 / scammed 0; red flags caught 30 × caught/shown
// (30 when none shown); no money lost 10; reported 10. So a safe ending always outscores
// a scammed one. Requires a finished runner (throws std::logic_error otherwise).
Score score_run(const Runner& finished_run);

} // namespace ff
