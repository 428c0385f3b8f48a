// CJK-aware line breaking with kinsoku rules, because SDL_ttf 2.20 only wraps at spaces.
// The caller passes the measuring function (TTF_SizeUTF8 in the game, a fake in tests).
#pragma once

#include "kinsoku.h"
#include "utf8.h"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ff::text {

// Pixel width of a UTF-8 run as the font renders it.
using MeasureFn = std::function<int(std::string_view utf8)>;

// Widths of already measured pieces (single CJK characters, Latin words, space runs).
// Keep one per font and pixel size across many calls so a long chat measures each
// piece once; clear it when the font or size changes.
struct WidthCache {
    std::unordered_map<std::string, int> widths;
};

// Breaks `utf8` into lines no wider than `max_width` pixels:
// - a break is allowed between any two CJK characters, between CJK and Latin text, and
//   after spaces; a number stays with the Han character after it ("500元");
// - no line starts with closing punctuation (，。！？、；：）」』》】〉”’…—～ and ,.!?;:)]}%)
//   and no line ends with opening punctuation (（「『《【〈“‘ and ([{): the character before
//   is carried down to the next line instead;
// - Latin words, numbers such as "200-500", URLs and e-mail addresses stay whole where they
//   fit on a line; only a run wider than a whole line is cut by character, and then one
//   closing punctuation mark may hang past the edge rather than start a line;
// - lines end at '\n' like in a text file: "a\n\nb" gives "a", "", "b"; a final '\n' does
//   not add an empty line; "\r" is ignored, tabs count as spaces, other control
//   characters are dropped;
// - spaces at a break are dropped; leading spaces of a paragraph are kept;
// - invalid UTF-8 is replaced by U+FFFD.
// Empty input gives no lines. A max_width below one character still puts one character on
// each line. `measure` is called once per distinct piece (cached).
std::vector<std::string> break_lines(std::string_view utf8, int max_width, const MeasureFn& measure);
std::vector<std::string> break_lines(std::string_view utf8, int max_width, const MeasureFn& measure,
                                     WidthCache& cache);

} // namespace ff::text
