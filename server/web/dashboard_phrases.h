// Short phrases a browser must not break across lines: a 「quoted name」 and a count with its
// unit ("6 名同学", "72.5 分"). Chinese text may break between any two characters otherwise.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ff::web {

struct Phrase {
    std::string text;
    bool keep_together = false; // shown inside <span class="nowrap">
};

// The text cut into runs, in order; joined again they give back `text` exactly. A quoted
// name longer than 20 characters stays breakable, so it can never overflow a narrow column.
std::vector<Phrase> split_phrases(std::string_view text);

// The text escaped, each keep-together run in <span class="nowrap">.
std::string phrases_html(std::string_view text);

// The same runs for the projector script: [{"text": ..., "nowrap": true|false}, ...].
nlohmann::json phrases_json(std::string_view text);

// Names joined with "、", each escaped and kept on one line ("刷单返利、奖助学金").
std::string nowrap_list_html(const std::vector<std::string>& names);

} // namespace ff::web
