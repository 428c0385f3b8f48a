// Text helpers for the loader: UTF-8 length, blank checks, "did you mean" suggestions.
// Private to core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ff::detail {

// Code points in valid UTF-8 (toml++ has already rejected invalid UTF-8).
size_t utf8_length(std::string_view s);

// True when s holds only spaces, tabs, newlines or full-width spaces.
bool is_blank(std::string_view s);

// The candidate closest to `word` by edit distance, or "" when none is close enough
// to be a plausible typo.
std::string closest(std::string_view word, const std::vector<std::string_view>& candidates);

// "a、b、c"
std::string join(const std::vector<std::string_view>& items, std::string_view sep = "、");

} // namespace ff::detail
