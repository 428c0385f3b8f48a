// Test helper for the dashboard tests: how often a piece of text occurs in a page, e.g. that
// the only <script in it is the dashboard's own.
#pragma once

#include <cstddef>
#include <string>

namespace ff::test {

// Non-overlapping occurrences of `needle` in `hay`.
inline size_t occurrences(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
}

} // namespace ff::test
