// UTF-8 decoding just far enough to measure and cut text for table columns.
#include "terminal_text.h"

#include <cstdint>
#include <vector>

namespace ff::pack {
namespace {

struct Glyph {
    size_t begin = 0, size = 0;
    int width = 1;
};

bool is_wide(uint32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Invalid bytes count as one narrow glyph each, so bad input can never loop or overrun.
std::vector<Glyph> glyphs(const std::string& s) {
    std::vector<Glyph> out;
    size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
        if (i + len > s.size()) len = 1;
        uint32_t c = len == 1 ? b : (b & (0xFF >> (len + 1)));
        for (size_t k = 1; k < len; ++k) {
            const auto cont = static_cast<unsigned char>(s[i + k]);
            if ((cont & 0xC0) != 0x80) {
                len = 1;
                c = b;
                break;
            }
            c = (c << 6) | (cont & 0x3F);
        }
        const bool control = c < 0x20 || c == 0x7F;
        out.push_back(Glyph{i, len, control ? 0 : (is_wide(c) ? 2 : 1)});
        i += len;
    }
    return out;
}

} // namespace

int display_width(const std::string& utf8) {
    int w = 0;
    for (const Glyph& g : glyphs(utf8)) w += g.width;
    return w;
}

std::string fit(const std::string& utf8, int width, bool right_align) {
    if (width <= 0) return "";
    std::string text = utf8;
    int w = display_width(text);
    if (w > width) {
        std::string cut;
        int used = 0;
        for (const Glyph& g : glyphs(utf8)) {
            if (used + g.width > width - 1) break; // leave one column for "…"
            cut.append(utf8, g.begin, g.size);
            used += g.width;
        }
        text = cut + "…";
        w = used + 1;
    }
    const std::string pad(static_cast<size_t>(width - w), ' ');
    return right_align ? pad + text : text + pad;
}

std::string shorten(const std::string& utf8, int width) {
    std::string flat = utf8;
    for (char& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (display_width(flat) <= width) return flat;
    std::string cut = fit(flat, width);
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    return cut;
}

} // namespace ff::pack
