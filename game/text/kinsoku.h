// Character classes for East Asian line breaking (kinsoku shori): which characters may be
// broken around, which may not start a line, which may not end one.
#pragma once

namespace ff::text {

// Ideographs, kana, hangul, CJK punctuation and full-width forms: a line may break
// before or after each of them.
bool is_cjk(char32_t cp);
// Han ideographs only (used to keep a number together with its unit, as in "500元").
bool is_ideograph(char32_t cp);
// Closing punctuation: ，。！？、；：）」』》】〉”’…—～ ,.!?;:)]}% and the like.
bool is_line_start_forbidden(char32_t cp);
// Opening punctuation: （「『《【〈“‘ ([{ and the like.
bool is_line_end_forbidden(char32_t cp);
// Marks that belong to the character before them (combining accents, variation
// selectors, zero-width joiner, emoji skin tones, keycap).
bool is_attached_mark(char32_t cp);

} // namespace ff::text
