// CJK-aware line breaking with kinsoku rules, because SDL_ttf 2.20 only wraps at spaces.
// The caller passes the measuring function (TTF_SizeUTF8 in the game, a fake in tests).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ff::text {

// Pixel width of a UTF-8 run as the font renders it.
using MeasureFn = std::function<int(std::string_view utf8)>;

// Widths of already measured pieces (single CJK characters, Latin words, spaces).
// Keep one per font and pixel size across many calls so a long chat measures each
// piece once; clear it when the font or size changes.
struct WidthCache {
    std::unordered_map<std::string, int> widths;
};

// Breaks `utf8` into lines no wider than `max_width` pixels:
// - a break is allowed between any two CJK characters and at spaces;
// - no line starts with closing punctuation (，。！？、；：）」』》】〉”’…—～ and ,.!?;:)]}%)
//   and no line ends with opening punctuation (（「『《【〈“‘ and ([{): a character is
//   carried down or the punctuation hangs past the edge when nothing else works;
// - Latin words, numbers such as "200-500元"'s "200-500", URLs and e-mail addresses stay
//   whole where they fit on a line; only a run longer than a whole line is cut by character;
// - '\n' forces a break ("\n\n" gives an empty line); spaces at a break are dropped;
// - invalid UTF-8 is replaced by U+FFFD.
// Empty input gives no lines. A max_width below one character still puts at least one
// character on each line. `measure` is called about once per distinct piece.
std::vector<std::string> break_lines(std::string_view utf8, int max_width, const MeasureFn& measure);
std::vector<std::string> break_lines(std::string_view utf8, int max_width, const MeasureFn& measure,
                                     WidthCache& cache);

// Kinsoku classes of a single code point (exposed for tests and for the renderer).
bool is_cjk(char32_t cp);                // ideographs, kana, hangul, full-width forms, CJK punctuation
bool is_line_start_forbidden(char32_t cp); // closing punctuation
bool is_line_end_forbidden(char32_t cp);   // opening punctuation

} // namespace ff::text
