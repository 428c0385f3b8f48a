// What each TOML file of a pack turns into before the cross-file checks, and the
// functions that read and check them. Private to core; loader.cpp strings them together.
#pragma once

#include "fraudfree/model.h"
#include "toml_fields.h"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace ff::detail {

// Parses one file; a syntax error becomes one diagnostic with toml++'s position.
std::optional<toml::table> parse_toml_file(const std::string& text, const std::string& file, Diags& diags);

// pack.toml: fills the pack's metadata and its own categories and red flags.
void read_pack_toml(const toml::table& root, const std::string& file, Diags& diags, Pack& pack);

// Ids every scenario and quiz item may use: built-ins plus the pack's own.
struct Catalog {
    std::unordered_set<std::string> categories;
    std::unordered_set<std::string> red_flags;
    std::vector<std::string_view> category_ids; // for suggestions
    std::vector<std::string_view> red_flag_ids;
};
// Puts the built-ins before the pack's own entries and reports clashing ids.
Catalog merge_catalog(Pack& pack, Diags& diags);

struct QuizDraft {
    QuizItem item;
    IdRef category;
};
std::vector<QuizDraft> read_quiz_toml(const toml::table& root, const std::string& file, Diags& diags);

struct ScenarioDraft {
    Scenario scenario;
    bool has_id = false;
    SourcePos id_pos;
    std::optional<IdRef> start;
    std::optional<IdRef> category;
    std::vector<IdRef> shown_flags;  // flags on node messages, file order
    std::vector<IdRef> ending_flags; // flags on ending messages
    std::vector<IdRef> caught_flags; // `catches` of every choice
    // A choice without `next` or a node without choices: "no ending reachable" would only
    // repeat that problem, so the dead-end check stays quiet.
    bool incomplete_links = false;
};
ScenarioDraft read_scenario_toml(const toml::table& root, const std::string& file, Diags& diags);

// Messages shared by nodes and endings.
std::vector<Message> read_messages(const std::vector<const toml::table*>& tables, const std::string& file,
                                   std::string_view where, Diags& diags, std::vector<IdRef>& flag_refs);

// Cross-reference checks: categories, red flags, "flag shown but never caught".
void validate_scenario_refs(const ScenarioDraft& d, const Catalog& catalog, Diags& diags);
void validate_quiz_refs(const std::vector<QuizDraft>& quiz, const Catalog& catalog, Diags& diags);

// Graph checks: duplicate ids, start, next, reachability, dead ends, cycles, ending kinds.
void validate_scenario_graph(const ScenarioDraft& d, Diags& diags);

} // namespace ff::detail
