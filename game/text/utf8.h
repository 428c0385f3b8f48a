// UTF-8 decoding helpers for text layout: code points, sanitising and counting.
// Invalid input never throws: each bad byte decodes as U+FFFD (the replacement character).
#pragma once

#include "fraudfree/utf8.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace ff::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `pos` and advances `pos` past it. A malformed or
// truncated sequence, an overlong form, a surrogate or a value above U+10FFFF yields
// kReplacementChar and advances by exactly one byte. Requires pos < s.size().
char32_t decode_next(std::string_view s, size_t& pos);

// Appends the UTF-8 form of `cp` (kReplacementChar for invalid code points); core's one encoder.
using ff::append_utf8;

// The text with every invalid byte replaced by U+FFFD; valid text comes back unchanged.
std::string sanitize_utf8(std::string_view s);

// Number of code points, counting each invalid byte as one.
int count_codepoints(std::string_view utf8);

// At most `max_codepoints` code points; when cut, the last ones make room for `ellipsis`.
std::string truncate_codepoints(std::string_view utf8, int max_codepoints, std::string_view ellipsis = "…");

} // namespace ff::text
