// Loading a pack for the commands that need a valid one (stats, graph, play, publish):
// on errors the diagnostics go to `err` exactly as lint prints them, and nothing comes back.
#pragma once

#include "fraudfree/model.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace ff::pack {

// Prints error diagnostics (not warnings: lint is the place for those) and returns nullopt on errors.
std::optional<Pack> load_valid_pack(const std::string& dir, std::ostream& err);

// The scenario with this id, or nullptr after telling the author which ids exist.
const Scenario* find_scenario_or_explain(const Pack& pack, const std::string& id, std::ostream& err);

} // namespace ff::pack
