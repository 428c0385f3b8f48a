// UTF-8 decoding helpers: strict decoding with one U+FFFD per bad byte.
// Strictness matters because the text comes from author files and the network.
#include "text/utf8.h"

#include <algorithm>

namespace ff::text {

char32_t decode_next(std::string_view s, size_t& pos) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else { ++pos; return kReplacementChar; }
    if (pos + len > s.size()) { ++pos; return kReplacementChar; }
    for (int i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) { ++pos; return kReplacementChar; }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return kReplacementChar; }
    pos += len;
    return cp;
}

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t pos = 0; pos < s.size();) append_utf8(out, decode_next(s, pos));
    return out;
}

int count_codepoints(std::string_view utf8) {
    int n = 0;
    for (size_t pos = 0; pos < utf8.size(); ++n) decode_next(utf8, pos);
    return n;
}

std::string truncate_codepoints(std::string_view utf8, int max_codepoints, std::string_view ellipsis) {
    if (max_codepoints <= 0) return {};
    if (count_codepoints(utf8) <= max_codepoints) return sanitize_utf8(utf8);
    const int keep = std::max(0, max_codepoints - count_codepoints(ellipsis));
    std::string out;
    size_t pos = 0;
    for (int i = 0; i < keep && pos < utf8.size(); ++i) append_utf8(out, decode_next(utf8, pos));
    out += sanitize_utf8(ellipsis);
    return out;
}

} // namespace ff::text
