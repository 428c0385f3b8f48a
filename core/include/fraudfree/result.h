// The result record: one finished play, as saved by the game and re-computed by the server.
// Its JSON form is the single wire and disk format (nlohmann::json).
#pragma once

#include "fraudfree/model.h"
#include "fraudfree/scoring.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ff {

struct ResultRecord {
    std::string id;            // client-made UUID; empty when not yet assigned (e.g. `play --json`)
    std::string pack_id;
    int pack_version = 0;
    std::string pack_hash;
    std::string scenario_id;
    std::string category;
    std::vector<int> choices;  // 1-based
    std::string ending_id;
    EndingKind ending_kind = EndingKind::safe;
    int score = 0;
    std::vector<ScoreItem> score_items;
    std::vector<std::string> flags_shown;
    std::vector<std::string> flags_caught;
    int64_t money_lost = 0;
    bool reported = false;
};

// Replays `choices` and scores them. Errors (unknown scenario, impossible path,
// unfinished path) come back as a message in `error`.
struct MakeResult {
    std::optional<ResultRecord> record;
    std::string error;
};
MakeResult make_result(const Pack& pack, const std::string& scenario_id, const std::vector<int>& choices);

// JSON form. `id` is omitted when empty, so a record that was never queued has no id.
nlohmann::json to_json(const ResultRecord& r);
// Exactly the bytes of to_json(r).dump(), written straight from the fields: the server stores
// and returns this for every submitted result, and building a JSON tree for it cost more than
// replaying the whole path. Throws std::invalid_argument on a string that is not UTF-8.
std::string to_compact_json(const ResultRecord& r);
// The printed form: to_json(r) indented by 2, then a newline. `fraudfree-pack play --json`
// and the game's headless mode both print exactly this, so their bytes cannot drift apart.
std::string to_json_text(const ResultRecord& r);
// Throws std::invalid_argument with a readable message on missing/mistyped fields.
ResultRecord result_from_json(const nlohmann::json& j);

// Parses "1,3,2" into {1,3,2}; nullopt on anything else.
std::optional<std::vector<int>> parse_choice_list(const std::string& s);
// The inverse: {1,3,2} as "1,3,2" ("" for no choices).
std::string format_choice_list(const std::vector<int>& choices);

} // namespace ff
