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
            const std::vector<SettingsRow> rows = settings_rows(t.px(40));
            const std::vector<std::string> footer = {"存档位置：/home/student/.local/share/fraudfree",
                                                     "字体：/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"};
            const SettingsPlan plan = plan_settings(t, w, rows, footer, fonts.metrics());
            INFO(w << "x" << h << " at " << scale << "%");
            REQUIRE(plan.rows.size() == rows.size());
            const int top = t.px(56); // the top bar (draw_top_bar)
            const int view_h = h - top;

            for (size_t i = 0; i < rows.size(); ++i) {
                const RowPlace& r = plan.rows[i];
                INFO(rows[i].hint);
                // Whole: the lines hold every character of the hint, with no ellipsis added.
                CHECK(without_spaces(joined(r.hint_lines)) == without_spaces(rows[i].hint));
                for (const auto& line : r.hint_lines) CHECK(fonts.width(line, t.font_small()) <= plan.label_w);
                CHECK(fonts.width(rows[i].title, t.font_body(), true) <= plan.label_w);
                // The text and the control are inside the card; cards follow one another.
                const int text_bottom = r.hint_y + static_cast<int>(r.hint_lines.size()) * TTF_FontLineSkip(fonts.font(t.font_small(), false));
                CHECK(r.title_y >= r.card.y);
                CHECK(text_bottom <= r.card.y + r.card.h);
                CHECK(inside(r.control, r.card));
                CHECK(r.card.x >= 0);
                CHECK(r.card.x + r.card.w <= w);
                if (!plan.stacked) CHECK(r.control.x >= plan.x + plan.label_w); // beside the text, not over it
                if (i > 0) CHECK(r.card.y >= plan.rows[i - 1].card.y + plan.rows[i - 1].card.h);
            }
            for (const auto& para : plan.footer)
                for (const auto& line : para) CHECK(fonts.width(line, t.font_small()) <= plan.col_w);
            CHECK(plan.footer_y >= plan.rows.back().card.y + plan.rows.back().card.h);
            // A 1920x1080 projector shows the whole page at every text size; a 1024x768 lab PC
            // at 100%. Elsewhere it may scroll (the screen scrolls and follows the focus).
            if (h >= 1080 || scale == 100) CHECK(plan.content_h <= view_h);
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
