// Column layout for terminal tables with Chinese text: CJK characters take two columns,
// so padding by byte or code-point count would misalign every row.
#pragma once

#include <string>

namespace ff::pack {

// Terminal columns the UTF-8 text occupies (East Asian wide/fullwidth = 2, others 1;
// ambiguous-width characters such as “ ” count 1, as most terminals draw them).
int display_width(const std::string& utf8);

// Exactly `width` columns: cut with "…" when too long, padded with spaces on the right
// (on the left when `right_align`).
std::string fit(const std::string& utf8, int width, bool right_align = false);

// At most `width` columns: cut with "…" when too long, never padded. Line breaks become spaces.
std::string shorten(const std::string& utf8, int width);

} // namespace ff::pack
