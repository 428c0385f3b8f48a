// Why: on the projector, "7 名同学还没完成「刷单返利」" wrapped as "「刷单返 / 利」", which
// reads as a different word. Only the runs found here get white-space: nowrap.
#include "dashboard_phrases.h"

#include "html_escape.h"

#include <array>

namespace ff::web {
namespace {

constexpr std::string_view kOpen = "「";
constexpr std::string_view kClose = "」";
constexpr size_t kMaxQuoted = 20; // characters between the brackets

// Units that follow a number in the dashboard's sentences; the longest first.
constexpr std::array<std::string_view, 6> kUnits = {"名同学", "个剧本", "分", "类", "人", "%"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Length of a 「name」 starting at `at`, or 0.
size_t quoted_at(std::string_view text, size_t at) {
    if (text.substr(at, kOpen.size()) != kOpen) return 0;
    size_t inner = at + kOpen.size();
    size_t close = text.find(kClose, inner);
    if (close == std::string_view::npos) return 0;
    std::string_view name = text.substr(inner, close - inner);
    if (name.empty() || name.find(kOpen) != std::string_view::npos || code_points(name) > kMaxQuoted) return 0;
    return close + kClose.size() - at;
}

// Length of "6 名同学" / "72.5 分" / "80%" starting at `at` (a digit not preceded by one), or 0.
size_t count_at(std::string_view text, size_t at) {
    if (!is_digit(text[at]) || (at > 0 && (is_digit(text[at - 1]) || text[at - 1] == '.'))) return 0;
    size_t end = at;
    while (end < text.size() && is_digit(text[end])) ++end;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
        ++end;
        while (end < text.size() && is_digit(text[end])) ++end;
    }
    if (end < text.size() && text[end] == ' ') ++end;
    for (auto unit : kUnits)
        if (text.substr(end, unit.size()) == unit) return end + unit.size() - at;
    return 0;
}

} // namespace

std::vector<Phrase> split_phrases(std::string_view text) {
    std::vector<Phrase> out;
    size_t plain_from = 0;
    for (size_t at = 0; at < text.size();) {
        size_t n = quoted_at(text, at);
        if (n == 0) n = count_at(text, at);
        if (n == 0) {
            ++at;
            continue;
        }
        if (at > plain_from) out.push_back({std::string(text.substr(plain_from, at - plain_from)), false});
        out.push_back({std::string(text.substr(at, n)), true});
        at += n;
        plain_from = at;
    }
    if (plain_from < text.size()) out.push_back({std::string(text.substr(plain_from)), false});
    return out;
}

std::string phrases_html(std::string_view text) {
    std::string h;
    for (const auto& p : split_phrases(text))
        h += p.keep_together ? "<span class=\"nowrap\">" + html_escape(p.text) + "</span>" : html_escape(p.text);
    return h;
}

nlohmann::json phrases_json(std::string_view text) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : split_phrases(text)) parts.push_back({{"text", p.text}, {"nowrap", p.keep_together}});
    return parts;
}

std::string nowrap_list_html(const std::vector<std::string>& names) {
    std::string h;
    for (const auto& name : names) {
        if (!h.empty()) h += "、";
        h += "<span class=\"nowrap\">" + html_escape(name) + "</span>";
    }
    return h;
}

} // namespace ff::web
