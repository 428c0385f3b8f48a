// The settings screen's layout measured with the real CJK font: at 1024x768 and 1920x1080 and
// every text size, each hint is shown whole (wrapped, never cut with "…"), no line is wider
// than its room, rows do not overlap, and the page fits or scrolls.
#include "screens/settings_screen.h"

#include "font_discovery.h"
#include "text/line_break.h"

#include <SDL_ttf.h>

#include <catch2/catch.hpp>

#include <map>
#include <memory>

using namespace ff::game;

namespace {

class Fonts {
public:
    Fonts() {
        ok_ = TTF_Init() == 0;
        path_ = find_cjk_font("").path;
    }
    ~Fonts() {
        fonts_.clear();
        if (ok_) TTF_Quit();
    }
    bool usable() const { return ok_ && !path_.empty(); }
    TTF_Font* font(int size, bool bold) {
        auto& f = fonts_[{size, bold}];
        if (!f) {
            f.reset(TTF_OpenFont(path_.c_str(), size));
            if (f && bold) TTF_SetFontStyle(f.get(), TTF_STYLE_BOLD);
        }
        return f.get();
    }
    int width(std::string_view s, int size, bool bold = false) {
        int w = 0, h = 0;
        const std::string text(s);
        if (text.empty() || TTF_SizeUTF8(font(size, bold), text.c_str(), &w, &h) != 0) return 0;
        return w;
    }
    TextMetrics metrics() {
        return TextMetrics{[this](const std::string& text, int size, int width) {
                               return ff::text::break_lines(text, width, [&](std::string_view p) { return this->width(p, size); });
                           },
                           [this](int size, bool bold) { return TTF_FontLineSkip(font(size, bold)); }};
    }

private:
    struct Close {
        void operator()(TTF_Font* f) const {
            if (f) TTF_CloseFont(f);
        }
    };
    bool ok_ = false;
    std::string path_;
    std::map<std::pair<int, bool>, std::unique_ptr<TTF_Font, Close>> fonts_;
};

bool inside(const SDL_Rect& inner, const SDL_Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l;
    return s;
}

std::string without_spaces(std::string s) {
    std::erase(s, ' ');
    return s;
}

} // namespace

SCENARIO("settings hints are wrapped in full at every window and text size", "[screens][settings]") {
    Fonts fonts;
    if (!fonts.usable()) {
        WARN("no CJK font on this machine; the layout needs real glyph widths");
        return;
    }
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1024, 768}, {1920, 1080}, {1366, 768}}) {
        for (int scale : {100, 125, 150}) {
            const Theme t = make_theme(false, scale, 1.0f, h);
            // The longest note the server row can show.
            const std::vector<SettingsRow> rows = settings_rows(
                t.px(40), TTF_FontLineSkip(fonts.font(t.font_body(), false)) + t.px(16),
                "这里留空时，使用程序旁 fraudfree.toml 里的 http://192.168.100.200:8080（重新启动游戏后生效）。");
            const std::vector<std::string> footer = {"存档位置：/home/student/.local/share/fraudfree",
                                                     "字体：/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"};
            const int top = t.px(56); // the top bar (draw_top_bar)
            const int view_h = h - top;
            const SettingsPlan plan = plan_settings(t, w, rows, footer, fonts.metrics(), view_h);
            INFO(w << "x" << h << " at " << scale << "%");
            REQUIRE(plan.rows.size() == rows.size());

            for (size_t i = 0; i < rows.size(); ++i) {
                const RowPlace& r = plan.rows[i];
                INFO(rows[i].hint);
                // Whole: the lines hold every character of the hint, with no ellipsis added.
                CHECK(without_spaces(joined(r.hint_lines)) == without_spaces(rows[i].hint));
                CHECK(without_spaces(joined(r.note_lines)) == without_spaces(rows[i].note));
                const int text_w = rows[i].wide ? r.card.w : plan.label_w;
                for (const auto& line : r.hint_lines) CHECK(fonts.width(line, t.font_small()) <= text_w);
                for (const auto& line : r.note_lines) CHECK(fonts.width(line, t.font_small()) <= text_w);
                CHECK(fonts.width(rows[i].title, t.font_body(), true) <= plan.label_w);
                // The text and the control are inside the card; cards follow one another.
                const int hint_lh = TTF_FontLineSkip(fonts.font(t.font_small(), false));
                const int text_bottom = r.note_lines.empty() ? r.hint_y + static_cast<int>(r.hint_lines.size()) * hint_lh
                                                             : r.note_y + static_cast<int>(r.note_lines.size()) * hint_lh;
                CHECK(r.title_y >= r.card.y);
                CHECK(text_bottom <= r.card.y + r.card.h);
                CHECK(inside(r.control, r.card));
                CHECK(r.card.x >= 0);
                CHECK(r.card.x + r.card.w <= w);
                if (!plan.stacked && !rows[i].wide) CHECK(r.control.x >= plan.x + plan.label_w); // beside the text
                if (plan.stacked || rows[i].wide) CHECK(r.control.y >= text_bottom);             // or under it
                if (i > 0) CHECK(r.card.y >= plan.rows[i - 1].card.y + plan.rows[i - 1].card.h);
            }
            for (const auto& para : plan.footer)
                for (const auto& line : para) CHECK(fonts.width(line, t.font_small()) <= plan.col_w);
            CHECK(plan.footer_y >= plan.rows.back().card.y + plan.rows.back().card.h);
            // The whole page, with where the save and the font are, is on screen without scrolling
            // on a 1024x768 lab PC and a 1920x1080 projector at every text size (at 150% on a
            // 768-high window by spacing the rows tighter). Smaller windows scroll and follow the
            // keyboard focus.
            CHECK(plan.content_h <= view_h);
        }
    }
}

SCENARIO("a narrow window puts the controls under the text", "[screens][settings]") {
    Fonts fonts;
    if (!fonts.usable()) return;
    const Theme t = make_theme(false, 150, 1.0f, 600);
    const std::vector<SettingsRow> rows = settings_rows(t.px(40));
    const SettingsPlan plan = plan_settings(t, 400, rows, {}, fonts.metrics());
    CHECK(plan.stacked);
    for (const auto& r : plan.rows) {
        CHECK(r.control.y >= r.hint_y);
        CHECK(r.control.x + r.control.w <= plan.x + plan.col_w);
        for (const auto& line : r.hint_lines) CHECK(fonts.width(line, t.font_small()) <= plan.label_w);
    }
}
