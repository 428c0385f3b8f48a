// UTF-8 encoding (for the game's text layout and the loader's fuzz test) and a validity check
// (for JSON written by hand). Decoding stays with its users: the game decodes strictly.
#pragma once

#include <string>
#include <string_view>

namespace ff {

// Appends `cp` as valid UTF-8; a surrogate or a value above U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// Appends the bytes of UTF-8's bit layout for any value below 2^21, without the check:
// surrogates and values above U+10FFFF come out as the invalid sequences a fuzz test wants.
void append_utf8_bits(std::string& out, char32_t cp);

// True when `s` is well-formed UTF-8: no overlong forms, surrogates or values above U+10FFFF.
bool utf8_valid(std::string_view s);

} // namespace ff
