#include "screens/debrief_screen.h"

#include "screens/widgets.h"

#include "fraudfree/runner.h"
#include "fraudfree/scoring.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace ff::game {
namespace {

struct DebriefState {
    const ff::Pack* pack = nullptr;
    const ff::Scenario* scenario = nullptr;
    const ff::Ending* ending = nullptr;
    ff::ResultRecord result;
    ff::Score score;
    Scroll scroll;
    int focus = 0;
    bool keyboard = false;
    bool sounded = false;
};

// The scenario after this one in the list's order (packs, then categories), wrapping round.
std::optional<std::pair<std::string, std::string>> next_scenario(const Library& lib, const std::string& pack_id,
                                                                 const std::string& scenario_id) {
    std::vector<std::pair<std::string, std::string>> order;
    std::vector<std::string> cats;
    for (const auto& p : lib.packs)
        for (const auto& c : p.categories)
            if (std::find(cats.begin(), cats.end(), c.id) == cats.end()) cats.push_back(c.id);
    for (const auto& cat : cats)
        for (const auto& p : lib.packs)
            for (const auto& s : p.scenarios)
                if (s.category == cat) order.emplace_back(p.id, s.id);
    for (size_t i = 0; i < order.size(); ++i)
        if (order[i].first == pack_id && order[i].second == scenario_id && order.size() > 1)
            return order[(i + 1) % order.size()];
    return std::nullopt;
}

const ff::RedFlag* flag_info(const ff::Pack& p, const std::string& id) { return p.find_red_flag(id); }

// A section heading; returns the height used.
int heading(Ui& ui, std::string_view text, int x, int y, bool draw) {
    const Theme& t = ui.theme;
    if (draw) ui.text.draw_line(text, x, y, t.font_title(), t.c.text, true);
    return ui.text.line_height(t.font_title(), true) + t.px(10);
}

// Lays out (draw=false) or draws the whole debrief column; returns its height.
int debrief_column(Ui& ui, const DebriefState& st, int x, int y0, int w, bool draw) {
    const Theme& t = ui.theme;
    const int pad = t.px(20);
    const int body = t.font_body();
    const int small = t.font_small();
    int y = y0;

    // Ending banner with the score.
    SDL_Color kind_color = ending_color(t, st.result.ending_kind);
    {
        int big = t.tpx(44);
        int title_w = w - 2 * pad - t.px(150);
        TextBlock title = ui.text.layout(st.ending ? st.ending->title : st.result.ending_id, t.font_large(), title_w, true);
        int h = std::max(title.height + ui.text.line_height(small) + t.px(10), ui.text.line_height(big, true)) + 2 * pad;
        if (draw) {
            SDL_Rect r{x, y, w, h};
            ui.paint.fill_round_rect(r, t.px(14), kind_color);
            SDL_Color fg = t.high_contrast ? SDL_Color{0, 0, 0, 255} : SDL_Color{255, 255, 255, 255};
            std::string kind = std::string("结局：") + ending_label(st.result.ending_kind);
            ui.text.draw_line(kind, x + pad, y + pad, small, fg, true);
            ui.text.draw_block(title, x + pad, y + pad + ui.text.line_height(small, true) + t.px(6), title_w, fg);
            std::string score = std::to_string(st.result.score);
            int sw = ui.text.measure(score, big, true);
            int unit_w = ui.text.measure(" 分", body, true);
            int sx = x + w - pad - sw - unit_w;
            int sy = y + (h - ui.text.line_height(big, true)) / 2;
            ui.text.draw_line(score, sx, sy, big, fg, true);
            ui.text.draw_line(" 分", sx + sw, sy + ui.text.line_height(big, true) - ui.text.line_height(body, true) - t.px(6), body, fg, true);
        }
        y += h + t.px(18);
    }

    // Score items, as core computed them.
    y += heading(ui, "得分怎么来的", x, y, draw);
    for (const auto& item : st.result.score_items) {
        int lh = ui.text.line_height(body);
        if (draw) {
            ui.text.draw_line(item.label, x, y, body, t.c.text);
            std::string pts = std::to_string(item.points) + " / " + std::to_string(item.max);
            int pw = ui.text.measure(pts, body, true);
            ui.text.draw_line(pts, x + w - pw, y, body, t.c.text, true);
            int bar_x = x + w * 45 / 100, bar_w = w * 40 / 100 - t.px(20);
            int bh = t.px(8);
            SDL_Rect track{bar_x, y + (lh - bh) / 2, bar_w, bh};
            ui.paint.fill_round_rect(track, bh / 2, t.high_contrast ? SDL_Color{0x40, 0x40, 0x40, 255} : SDL_Color{0xDD, 0xE1, 0xE7, 255});
            if (item.max > 0 && item.points > 0) {
                SDL_Rect fill{bar_x, track.y, std::max(bh, bar_w * item.points / item.max), bh};
                ui.paint.fill_round_rect(fill, bh / 2, item.points == item.max ? t.c.safe : t.c.partial);
            }
        }
        y += lh + t.px(8);
    }
    y += t.px(14);

    // Red flags: caught, then missed with the message that showed them.
    int caught = 0, missed = 0;
    for (const auto& f : st.score.flags) (f.caught ? caught : missed)++;
    if (!st.score.flags.empty()) {
        y += heading(ui, "诈骗信号：识破 " + std::to_string(caught) + " 个，漏掉 " + std::to_string(missed) + " 个", x, y, draw);
        for (int pass = 0; pass < 2; ++pass) {
            for (const auto& f : st.score.flags) {
                if (f.caught != (pass == 0)) continue;
                const ff::RedFlag* info = flag_info(*st.pack, f.flag_id);
                std::string name = info ? info->name : f.flag_id;
                SDL_Color col = f.caught ? t.c.flag_caught : t.c.flag_missed;
                int inner_w = w - 2 * t.px(16) - t.px(30);
                std::string head = (f.caught ? "识破：" : "漏掉：") + name;
                TextBlock hb = ui.text.layout(head, body, inner_w, true);
                TextBlock qb = ui.text.layout("「" + f.quote + "」", small, inner_w, false);
                TextBlock eb = ui.text.layout(info ? info->explain : "", small, inner_w, false);
                int h = t.px(12) + hb.height + t.px(4) + qb.height + (f.caught ? 0 : t.px(4) + eb.height) + t.px(12);
                if (draw) {
                    SDL_Rect card{x, y, w, h};
                    ui.paint.fill_round_rect_bordered(card, t.px(10), t.c.panel, t.high_contrast ? col : t.c.panel_border, t.px(1.5f));
                    ui.paint.fill_round_rect(SDL_Rect{x, y, t.px(5), h}, t.px(2), col);
                    int ix = x + t.px(16);
                    const char* mark = f.caught ? "✓" : "×";
                    ui.text.draw_line(mark, ix, y + t.px(12), body, col, true);
                    int tx = ix + t.px(30);
                    int ty = y + t.px(12);
                    ui.text.draw_block(hb, tx, ty, inner_w, col);
                    ty += hb.height + t.px(4);
                    ui.text.draw_block(qb, tx, ty, inner_w, t.c.text);
                    ty += qb.height + t.px(4);
                    if (!f.caught) ui.text.draw_block(eb, tx, ty, inner_w, t.c.text_muted);
                }
                y += h + t.px(10);
            }
        }
        y += t.px(10);
    }
    if (st.result.money_lost > 0) {
        std::string lost = "这次损失：" + std::to_string(st.result.money_lost) + " 元";
        if (draw) ui.text.draw_line(lost, x, y, body, t.c.scammed, true);
        y += ui.text.line_height(body, true) + t.px(14);
    }

    // What happened and what to do.
    if (st.ending && !st.ending->debrief.empty()) {
        y += heading(ui, "发生了什么", x, y, draw);
        TextBlock b = ui.text.layout(st.ending->debrief, body, w, false);
        if (draw) ui.text.draw_block(b, x, y, w, t.c.text);
        y += b.height + t.px(18);
    }
    if (st.ending && !st.ending->action.empty()) {
        int inner = w - 2 * pad;
        TextBlock b = ui.text.layout(st.ending->action, body, inner, false);
        int hh = ui.text.line_height(t.font_title(), true);
        int h = pad + hh + t.px(8) + b.height + pad;
        if (draw) {
            SDL_Rect box{x, y, w, h};
            ui.paint.fill_round_rect_bordered(box, t.px(12), t.high_contrast ? t.c.panel : SDL_Color{0xEA, 0xF3, 0xFF, 255},
                                              t.c.accent, t.px(1.5f));
            ui.text.draw_line("现在应该怎么做", x + pad, y + pad, t.font_title(), t.c.accent, true);
            ui.text.draw_block(b, x + pad, y + pad + hh + t.px(8), inner, t.c.text);
        }
        y += h + t.px(14);
    }
    std::string remember = "记住：陌生来电不接、不信、不回拨；凡是要你先交钱、要验证码、要共享屏幕的，都是诈骗。拿不准就打 96110。";
    TextBlock rb = ui.text.layout(remember, small, w, false);
    if (draw) ui.text.draw_block(rb, x, y, w, t.c.text_muted);
    y += rb.height + t.px(20);
    return y - y0;
}

} // namespace

Screen make_debrief_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<DebriefState>();
    if (req.result) st->result = *req.result;
    std::string pack_id = req.result ? req.result->pack_id : req.pack_id;
    std::string scenario_id = req.result ? req.result->scenario_id : req.scenario_id;
    st->pack = ctx.library.find_pack(pack_id);
    st->scenario = st->pack ? st->pack->find_scenario(scenario_id) : nullptr;
    std::optional<ff::Runner> run;
    if (st->scenario) run = ff::replay(*st->scenario, req.result ? req.result->choices : req.choices);
    if (!run || !run->finished()) {
        return Screen{"debrief", [&ctx](Ui&) { ctx.open(ScreenRequest{"list"}); }, {}};
    }
    if (!req.result) {
        ff::MakeResult r = ff::make_result(*st->pack, scenario_id, req.choices);
        if (r.record) st->result = *r.record;
    }
    st->ending = run->ending();
    st->score = ff::score_run(*run);

    return Screen{"debrief", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        int top = draw_top_bar(ui, "复盘 · " + st->scenario->title, "场景列表", &back);
        if (back) {
            ctx.open(ScreenRequest{"list"});
            return;
        }
        int bar_h = t.px(76);
        SDL_Rect view{0, top, ui.width, ui.height - top - bar_h};
        int colw = std::min(ui.width - 2 * t.px(24), t.px(860));
        int x = (ui.width - colw) / 2;
        int content_h = debrief_column(ui, *st, x, 0, colw, false) + t.px(40);
        st->scroll.update(ui, view, content_h);
        ui.paint.push_clip(view);
        debrief_column(ui, *st, x, view.y + t.px(24) - st->scroll.offset, colw, true);
        ui.paint.pop_clip();
        draw_scrollbar(ui, view, content_h, st->scroll.offset);

        // Bottom bar: play again / next scenario.
        SDL_Rect bar{0, ui.height - bar_h, ui.width, bar_h};
        ui.paint.fill_rect(bar, t.c.panel);
        ui.paint.fill_rect(SDL_Rect{0, bar.y, ui.width, t.px(1)}, t.c.panel_border);
        auto next = next_scenario(ctx.library, st->pack->id, st->scenario->id);
        int bw = t.px(180), bh = t.px(46), gap = t.px(16);
        int n = next ? 2 : 1;
        int bx = (ui.width - (n * bw + (n - 1) * gap)) / 2, by = bar.y + (bar_h - bh) / 2;
        if (ui.key(SDLK_TAB) || ui.key(SDLK_LEFT) || ui.key(SDLK_RIGHT)) {
            st->keyboard = true;
            st->focus = (st->focus + 1) % n;
        }
        bool enter = ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER);
        bool again = ui.button(SDL_Rect{bx, by, bw, bh}, "再玩一次", ButtonKind::secondary, st->keyboard && st->focus == 0) ||
                     (enter && st->keyboard && st->focus == 0);
        bool go_next = next && (ui.button(SDL_Rect{bx + bw + gap, by, bw, bh}, "下一个场景 ›", ButtonKind::primary,
                                          st->keyboard && st->focus == 1) ||
                                (enter && st->keyboard && st->focus == 1));
        if (again) ctx.open(ScreenRequest{"chat", st->pack->id, st->scenario->id});
        else if (go_next) ctx.open(ScreenRequest{"chat", next->first, next->second});
    }, {}};
}

} // namespace ff::game
