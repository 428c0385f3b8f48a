#include "screens/awareness_screen.h"

#include "screens/awareness_chart.h"
#include "screens/player_flow.h"
#include "screens/widgets.h"

#include "fraudfree/progress.h"
#include "save/quiz.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

namespace ff::game {
namespace {

struct HistoryRow {
    std::string when;     // local time, "11-25 20:05"
    std::string title;    // scenario title (the id if no loaded pack has it)
    std::string category;
    ff::EndingKind ending = ff::EndingKind::safe;
    int score = 0;
};

struct AwarenessState {
    ff::AwarenessProfile progress;
    std::vector<CategoryScore> scores;
    std::vector<HistoryRow> history; // newest first
    std::string quiz_pack;
    Scroll scroll;
    int content_h = 0;
    std::string back;
};

// "2026-11-25T12:05:00Z" in the computer's local time; the stored text if it does not parse.
std::string local_time(const std::string& iso) {
    std::tm tm{};
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                    &tm.tm_sec) != 6)
        return iso;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t t = timegm(&tm);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                  local.tm_hour, local.tm_min);
    return buf;
}

int rounded(double v) { return static_cast<int>(std::lround(v)); }

void build(Context& ctx, AwarenessState& st) {
    st.progress = ff::compute_progress(ff::save::results_of(ctx.save.profile), ctx.library.packs);
    for (const ff::CategoryProgress& c : st.progress.categories)
        st.scores.push_back(CategoryScore{c.name, c.summary.scenarios_finished, c.summary.scenarios_total,
                                          rounded(c.summary.best), rounded(c.summary.latest), c.summary.latest_scammed});
    const auto& plays = ctx.save.profile.plays;
    for (auto it = plays.rbegin(); it != plays.rend(); ++it) {
        const ff::ResultRecord& r = it->result;
        HistoryRow row{local_time(it->finished_at), r.scenario_id, category_name(ctx.library, r.category),
                       r.ending_kind, r.score};
        if (const ff::Pack* p = ctx.library.find_pack(r.pack_id))
            if (const ff::Scenario* s = p->find_scenario(r.scenario_id)) row.title = s->title;
        st.history.push_back(std::move(row));
    }
    st.quiz_pack = quiz_pack_id(ctx);
}

// One figure with its caption, in a tile.
void stat_tile(Ui& ui, SDL_Rect r, const std::string& value, const std::string& caption, SDL_Color color) {
    const Theme& t = ui.theme;
    ui.paint.fill_round_rect_bordered(r, t.px(12), t.c.panel, t.c.panel_border, t.px(1));
    const int vs = t.tpx(28);
    const int vh = ui.text.line_height(vs, true);
    const int ch = ui.text.line_height(t.font_small());
    const int y = r.y + (r.h - vh - ch) / 2;
    const int vw = ui.text.measure(value, vs, true);
    ui.text.draw_line(value, r.x + (r.w - vw) / 2, y, vs, color, true);
    const std::string cap = ui.text.elide(caption, t.font_small(), r.w - t.px(8));
    const int cw = ui.text.measure(cap, t.font_small());
    ui.text.draw_line(cap, r.x + (r.w - cw) / 2, y + vh, t.font_small(), t.c.text_muted);
}

int section_title(Ui& ui, const std::string& s, int x, int y) {
    ui.text.draw_line(s, x, y, ui.theme.font_title(), ui.theme.c.text, true);
    return y + ui.text.line_height(ui.theme.font_title(), true) + ui.theme.px(12);
}

int draw_quiz_card(Ui& ui, Context& ctx, AwarenessState& st, int x, int y, int w) {
    const Theme& t = ui.theme;
    const int pad = t.px(18);
    const ff::save::LearningGain g = ff::save::learning_gain(ctx.save.profile, st.quiz_pack);
    std::string line;
    if (g.gain)
        line = "课前 " + std::to_string(g.pre_percent) + "% → 课后 " + std::to_string(g.post_percent) + "%（" +
               (*g.gain >= 0 ? "+" : "") + std::to_string(*g.gain) + " 个百分点）";
    else if (g.pre)
        line = "课前小测答对 " + std::to_string(g.pre_percent) + "%。练习几个场景后做课后测验，看看进步了多少。";
    else if (g.post)
        line = "课后测验答对 " + std::to_string(g.post_percent) + "%。";
    else
        line = "还没有做过测验。课后测验每种诈骗类型一题，几分钟就能做完。";
    const int bw = t.px(160), bh = t.px(42);
    TextBlock b = ui.text.layout(line, t.font_body(), w - 3 * pad - bw);
    const int h = std::max(bh, b.height) + 2 * pad;
    ui.paint.fill_round_rect_bordered(SDL_Rect{x, y, w, h}, t.px(12), t.c.panel, t.c.panel_border, t.px(1));
    ui.text.draw_block(b, x + pad, y + (h - b.height) / 2, b.width, g.gain && *g.gain > 0 ? t.c.safe : t.c.text);
    if (has_screen("posttest") &&
        ui.button(SDL_Rect{x + w - pad - bw, y + (h - bh) / 2, bw, bh}, g.post ? "再做一次" : "做课后测验",
                  ButtonKind::secondary))
        ctx.open(request_with_back("posttest", "awareness", st.quiz_pack));
    return h;
}

int draw_history(Ui& ui, const AwarenessState& st, int x, int y, int w) {
    const Theme& t = ui.theme;
    const int top = y;
    if (st.history.empty()) {
        return ui.text.draw_wrapped("还没有玩过场景。回到场景列表，选一个开始吧。", x, y, w, t.font_body(), t.c.text_muted);
    }
    const int row_h = std::max(t.px(44), ui.text.line_height(t.font_body()) + t.px(20));
    const int time_w = ui.text.measure("2026-11-25 20:05", t.font_small()) + t.px(20);
    const int pill_w = ui.text.measure("部分损失", t.font_small(), true) + t.px(20);
    const int score_w = ui.text.measure("100 分", t.font_body(), true) + t.px(8);
    const int cat_w = std::min(t.tpx(110), w / 5);
    const int title_w = std::max(t.px(60), w - time_w - pill_w - score_w - cat_w - t.px(48));
    for (size_t i = 0; i < st.history.size(); ++i) {
        const HistoryRow& h = st.history[i];
        SDL_Rect r{x, y, w, row_h};
        if (i % 2 == 0) ui.paint.fill_round_rect(r, t.px(8), t.c.panel);
        const int ty = y + (row_h - ui.text.line_height(t.font_body())) / 2;
        const int sy = y + (row_h - ui.text.line_height(t.font_small())) / 2;
        int cx = x + t.px(12);
        ui.text.draw_line(h.when, cx, sy, t.font_small(), t.c.text_muted);
        cx += time_w;
        ui.text.draw_line(ui.text.elide(h.title, t.font_body(), title_w), cx, ty, t.font_body(), t.c.text);
        cx += title_w + t.px(12);
        ui.text.draw_line(ui.text.elide(h.category, t.font_small(), cat_w), cx, sy, t.font_small(), t.c.text_muted);
        cx += cat_w + t.px(12);
        const int ph = ui.text.line_height(t.font_small(), true) + t.px(6);
        const SDL_Color ec = ending_color(t, h.ending);
        ui.paint.fill_round_rect(SDL_Rect{cx, y + (row_h - ph) / 2, pill_w, ph}, ph / 2, ec);
        const char* label = ending_label(h.ending);
        const int lw = ui.text.measure(label, t.font_small(), true);
        ui.text.draw_line(label, cx + (pill_w - lw) / 2, y + (row_h - ph) / 2 + t.px(3), t.font_small(),
                          t.high_contrast ? SDL_Color{0, 0, 0, 255} : SDL_Color{255, 255, 255, 255}, true);
        const std::string score = std::to_string(h.score) + " 分";
        const int sw = ui.text.measure(score, t.font_body(), true);
        ui.text.draw_line(score, x + w - t.px(12) - sw, ty, t.font_body(), t.c.text, true);
        y += row_h + t.px(4);
    }
    return y - top;
}

} // namespace

Screen make_awareness_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<AwarenessState>();
    build(ctx, *st);
    st->back = req.back.empty() ? "list" : req.back;
    return Screen{"awareness", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        const int top = draw_top_bar(ui, "我的反诈档案", "返回", &back);
        if (back) {
            ctx.open(ScreenRequest{st->back});
            return;
        }
        SDL_Rect view{0, top, ui.width, ui.height - top};
        st->scroll.update(ui, view, st->content_h);
        const int w = std::min(ui.width - 2 * t.px(24), t.px(1100));
        const int x = (ui.width - w) / 2;
        const int start = top + t.px(24) - st->scroll.offset;
        int y = start;
        ui.paint.push_clip(view);

        // Who and how far: avatar, name, and four figures.
        const auto& p = ctx.save.profile;
        const ff::ProgressSummary& o = st->progress.overall;
        const int ar = t.px(30);
        draw_avatar(ui, x + ar, y + ar, ar, p.nickname.empty() ? "?" : p.nickname, "player");
        const std::string name = p.nickname.empty() ? "未设置昵称" : p.nickname;
        ui.text.draw_line(name, x + 2 * ar + t.px(16), y + t.px(4), t.font_title(), t.c.text, true);
        ui.text.draw_line(p.class_name.empty() ? "本地档案 · 只保存在这台电脑上" : "班级：" + p.class_name,
                          x + 2 * ar + t.px(16), y + t.px(4) + ui.text.line_height(t.font_title(), true),
                          t.font_small(), t.c.text_muted);
        y += 2 * ar + t.px(20);
        const int tiles = 4, gap = t.px(12);
        const int tw = (w - (tiles - 1) * gap) / tiles;
        const int th = t.px(64) + t.tpx(28);
        const bool any = o.scenarios_finished > 0;
        stat_tile(ui, SDL_Rect{x, y, tw, th}, std::to_string(o.scenarios_finished) + "/" + std::to_string(o.scenarios_total),
                  "完成的场景", t.c.text);
        stat_tile(ui, SDL_Rect{x + (tw + gap), y, tw, th}, any ? std::to_string(rounded(o.best)) : "—", "平均最佳分",
                  any ? (o.best >= 80 ? t.c.safe : o.best >= 50 ? t.c.partial : t.c.scammed) : t.c.text_muted);
        stat_tile(ui, SDL_Rect{x + 2 * (tw + gap), y, tw, th}, any ? std::to_string(rounded(o.latest)) : "—",
                  "最近一次的平均分", any ? t.c.partial : t.c.text_muted);
        stat_tile(ui, SDL_Rect{x + 3 * (tw + gap), y, tw, th}, std::to_string(o.latest_scammed), "最近一次仍被骗的场景",
                  o.latest_scammed > 0 ? t.c.scammed : t.c.safe);
        y += th + t.px(28);

        // Per fraud type: radar beside the bars when there is room, else the bars alone.
        y = section_title(ui, "各类诈骗的识别能力", x, y);
        const bool radar = st->scores.size() >= 3 && w >= t.px(820);
        int chart_h = 0;
        int bars_x = x, bars_w = w;
        if (radar) {
            const int size = std::min(t.px(460), w * 9 / 20);
            // Leave room for the category names around the chart.
            int label_w = 0;
            for (const auto& c : st->scores) label_w = std::max(label_w, ui.text.measure(c.name, t.font_small()));
            const int radius = std::max(t.px(60), std::min(size / 2 - label_w - t.px(16),
                                                           size / 2 - ui.text.line_height(t.font_small()) - t.px(16)));
            const int box_h = 2 * (radius + ui.text.line_height(t.font_small()) + t.px(16));
            draw_radar(ui, x + size / 2, y + box_h / 2, radius, st->scores);
            // Legend under the chart.
            const int ly = y + box_h + t.px(4);
            const int lx = x + size / 2 - t.px(90);
            ui.paint.fill_round_rect(SDL_Rect{lx, ly + t.px(4), t.px(18), t.px(10)}, t.px(3), with_alpha(t.c.accent, 140));
            ui.text.draw_line("最佳", lx + t.px(24), ly, t.font_small(), t.c.text);
            ui.paint.fill_rect(SDL_Rect{lx + t.px(80), ly + t.px(8), t.px(18), t.px(3)}, t.c.partial);
            ui.text.draw_line("最近一次", lx + t.px(104), ly, t.font_small(), t.c.text);
            chart_h = box_h + t.px(8) + ui.text.line_height(t.font_small());
            bars_x = x + size + t.px(32);
            bars_w = w - size - t.px(32);
        }
        const int bars_h = st->scores.empty()
                               ? ui.text.draw_wrapped("没有加载场景包。", x, y, w, t.font_body(), t.c.text_muted)
                               : draw_score_bars(ui, bars_x, y, bars_w, st->scores);
        y += std::max(chart_h, bars_h) + t.px(24);

        if (!st->quiz_pack.empty()) {
            y = section_title(ui, "测验：学到了多少", x, y);
            y += draw_quiz_card(ui, ctx, *st, x, y, w) + t.px(28);
        }

        y = section_title(ui, "练习记录（共 " + std::to_string(st->history.size()) + " 次）", x, y);
        y += draw_history(ui, *st, x, y, w) + t.px(32);
        ui.paint.pop_clip();

        const int measured = y - start;
        if (measured != st->content_h) {
            st->content_h = measured;
            ui.redraw();
        }
        draw_scrollbar(ui, view, st->content_h, st->scroll.offset);
    }, {}};
}

} // namespace ff::game
