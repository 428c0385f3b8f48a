// Choice lists as text: "1,3,2" (1-based choice numbers, as typed on a command line and as
// the server stores a result's path).
#include "fraudfree/result.h"

namespace ff {

std::optional<std::vector<int>> parse_choice_list(const std::string& s) {
    std::vector<int> out;
    size_t i = 0;
    auto skip_spaces = [&] {
        while (i < s.size() && s[i] == ' ') ++i;
    };
    while (true) {
        skip_spaces();
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
        long long v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i] - '0');
            if (v > 1000000) return std::nullopt; // no scenario offers that many choices
            ++i;
        }
        if (v < 1) return std::nullopt;
        out.push_back(static_cast<int>(v));
        skip_spaces();
        if (i == s.size()) return out;
        if (s[i] != ',') return std::nullopt;
        ++i;
    }
}

std::string format_choice_list(const std::vector<int>& choices) {
    std::string out;
    for (int c : choices) {
        if (!out.empty()) out += ',';
        out += std::to_string(c);
    }
    return out;
}

} // namespace ff
