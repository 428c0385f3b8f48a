// Text helpers for the loader.
#include "text_util.h"

#include <algorithm>
#include <cctype>

namespace ff::detail {

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool is_blank(std::string_view s) {
    static constexpr std::string_view ideographic_space = "\u3000";
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (s.substr(i, ideographic_space.size()) == ideographic_space) {
            i += ideographic_space.size();
        } else {
            return false;
        }
    }
    return true;
}

namespace {

// Optimal string alignment distance, so a swapped pair ("dealy") counts as one typo.
size_t edit_distance(std::string_view a, std::string_view b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
    for (size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            const auto ca = std::tolower(static_cast<unsigned char>(a[i - 1]));
            const auto cb = std::tolower(static_cast<unsigned char>(b[j - 1]));
            const size_t cost = ca == cb ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && ca == std::tolower(static_cast<unsigned char>(b[j - 2])) &&
                std::tolower(static_cast<unsigned char>(a[i - 2])) == cb)
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

std::string closest(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Long garbage (a pasted paragraph as a key) is never a typo; skip the quadratic work.
    if (word.empty() || word.size() > 64) return {};
    const size_t allowed = word.size() <= 3 ? 1 : (word.size() <= 8 ? 2 : 3);
    std::string best;
    size_t best_d = allowed + 1;
    for (auto c : candidates) {
        const size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
        }
    }
    return best;
}

std::string join(const std::vector<std::string_view>& items, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

} // namespace ff::detail
