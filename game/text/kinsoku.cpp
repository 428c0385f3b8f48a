// Kinsoku tables for Simplified Chinese text (with Japanese/Korean characters handled too).
// The lists follow the common GB/T 15834 and JIS X 4051 line-start/line-end prohibitions.
#include "text/kinsoku.h"

#include <string_view>

namespace ff::text {
namespace {

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

// u32string_view tables: short enough that a linear search beats any set.
constexpr std::u32string_view kNoLineStart =
    U"，。！？、；：．）」』》】〉〕〗〙〛］｝＞”’〞〟…‥—～・·々〻ーゝゞヽヾぁぃぅぇぉっゃゅょゎ"
    U"ァィゥェォッャュョヮ％‰℃°»›‼⁇⁈⁉｡､";
constexpr std::u32string_view kAsciiNoLineStart = U",.!?;:)]}%";
constexpr std::u32string_view kNoLineEnd = U"（「『《【〈〔〖〘〚［｛＜“‘〝«‹￥＄｟｢";
constexpr std::u32string_view kAsciiNoLineEnd = U"([{";

bool listed(std::u32string_view table, char32_t cp) { return table.find(cp) != std::u32string_view::npos; }

} // namespace

bool is_ideograph(char32_t cp) {
    return in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xF900, 0xFAFF) ||
           in(cp, 0x20000, 0x3FFFF);
}

bool is_cjk(char32_t cp) {
    return is_ideograph(cp) || in(cp, 0x1100, 0x11FF) || in(cp, 0x2E80, 0x2FFF) ||
           in(cp, 0x3000, 0x33FF) || in(cp, 0xA960, 0xA97F) || in(cp, 0xAC00, 0xD7AF) ||
           in(cp, 0xFE10, 0xFE1F) || in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFFEF);
}

bool is_line_start_forbidden(char32_t cp) {
    return cp < 0x80 ? listed(kAsciiNoLineStart, cp) : listed(kNoLineStart, cp);
}

bool is_line_end_forbidden(char32_t cp) {
    return cp < 0x80 ? listed(kAsciiNoLineEnd, cp) : listed(kNoLineEnd, cp);
}

bool is_attached_mark(char32_t cp) {
    return in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x20D0, 0x20FF) ||
           in(cp, 0xFE00, 0xFE0F) || in(cp, 0xFE20, 0xFE2F) || cp == 0x200D ||
           in(cp, 0x1F3FB, 0x1F3FF) || in(cp, 0xE0100, 0xE01EF) || in(cp, 0x3099, 0x309A);
}

} // namespace ff::text
