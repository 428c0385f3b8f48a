// Where the settings screen puts its rows: each hint wrapped in full (never cut with "…") at
// every text size, rows as tall as their hints, and the control under the text when the
// window is too narrow for both side by side. Plain geometry, so it is tested without a window.
#pragma once

#include "theme.h"

#include <SDL.h>

#include <functional>
#include <string>
#include <vector>

namespace ff::game {

// How text is measured: the screen passes the TextRenderer, tests the font directly.
struct TextMetrics {
    std::function<std::vector<std::string>(const std::string& text, int size, int width)> wrap;
    std::function<int(int size, bool bold)> line_height;
};

struct SettingsRow {
    std::string title;
    std::string hint;
    int control_h = 0; // the control's height in device pixels
    std::string note;  // an extra line under the hint (what the server field is doing), may be empty
    bool wide = false; // the control goes under the text across the row (a text field)
};

struct RowPlace {
    SDL_Rect card{};    // y relative to the top of the scrolled content
    SDL_Rect control{};
    int title_y = 0;
    int hint_y = 0;
    std::vector<std::string> hint_lines;
    int note_y = 0;
    std::vector<std::string> note_lines;
};

struct SettingsPlan {
    int x = 0;          // the column
    int col_w = 0;
    int label_w = 0;    // width of the title and hint text
    bool stacked = false; // controls under the text instead of beside it
    std::vector<RowPlace> rows;
    std::vector<std::vector<std::string>> footer; // wrapped footer paragraphs
    int footer_y = 0;
    int footer_line_h = 0;
    int footer_gap = 0; // after each paragraph
    int content_h = 0;  // everything, with the margins
};

// `footer` paragraphs (where the save and the font are) are wrapped across the column.
// `view_h` > 0: the height the page is shown in; when the page would scroll and tighter
// spacing makes it fit, the rows are spaced tighter.
SettingsPlan plan_settings(const Theme& t, int width, const std::vector<SettingsRow>& rows,
                           const std::vector<std::string>& footer, const TextMetrics& m, int view_h = 0);

} // namespace ff::game
