#include "screens/quiz_screen.h"

#include "screens/player_flow.h"
#include "screens/widgets.h"

#include "save/clock.h"
#include "save/quiz.h"

#include <memory>

namespace ff::game {
namespace {

enum class Stage { intro, question, result };

struct QuizState {
    std::string phase; // "pre" | "post"
    const ff::Pack* pack = nullptr;
    std::vector<const ff::QuizItem*> items;
    std::vector<int> answers; // 0 until answered
    size_t index = 0;
    Stage stage = Stage::intro;
    ff::save::QuizAttempt attempt;
    std::string next; // where to go when done or skipped
    Scroll scroll;
    int content_h = 0; // measured by the previous frame
};

const char* option_key(size_t i) {
    static const char* keys[] = {"1", "2", "3", "4"};
    return i < 4 ? keys[i] : "";
}

void finish(Context& ctx, QuizState& st) {
    st.attempt = ff::save::grade_quiz(st.phase, st.pack->id, st.items, st.answers, ff::save::now_iso8601_utc());
    ctx.save.profile.quiz.push_back(st.attempt);
    persist_profile(ctx);
    if (st.phase == "pre" && !ctx.save.settings.pretest_done) {
        ctx.save.settings.pretest_done = true;
        ctx.settings_changed();
    }
    st.stage = Stage::result;
}

void skip(Context& ctx, QuizState& st) {
    if (st.phase == "pre" && !ctx.save.settings.pretest_done) {
        ctx.save.settings.pretest_done = true;
        ctx.settings_changed();
    }
    ctx.open(ScreenRequest{st.next});
}

// A centred column of text; returns the bottom.
int paragraph(Ui& ui, const std::string& s, int x, int y, int w, int size, SDL_Color c, bool bold = false) {
    return y + ui.text.draw_wrapped(s, x, y, w, size, c, bold);
}

int draw_intro(Ui& ui, Context& ctx, QuizState& st, int x, int y, int w) {
    const Theme& t = ui.theme;
    const bool pre = st.phase == "pre";
    y = paragraph(ui, pre ? "课前小测" : "课后测验", x, y, w, t.font_large(), t.c.text, true) + t.px(12);
    const std::string n = std::to_string(st.items.size());
    y = paragraph(ui,
                  pre ? "开始练习之前，先用 " + n + " 道题看看你现在对各类诈骗了解多少。每答一题都会告诉你正确答案和原因。"
                      : "练习过几个场景了？用 " + n + " 道新题检验一下，看看和课前相比进步了多少。",
                  x, y, w, t.font_body(), t.c.text) +
        t.px(8);
    if (pre) y = paragraph(ui, "这是可选的：也可以跳过，直接开始练习。", x, y, w, t.font_small(), t.c.text_muted) + t.px(8);
    y = paragraph(ui, "题目来自「" + st.pack->title + "」。用鼠标点选，或按数字键 1–4。", x, y, w, t.font_small(),
                  t.c.text_muted) +
        t.px(16);
    // The fraud types the questions cover, as chips.
    const int chip_h = ui.text.line_height(t.font_small()) + t.px(10);
    int cx = x;
    for (const ff::QuizItem* q : st.items) {
        const std::string name = category_name(ctx.library, q->category);
        const int cw = ui.text.measure(name, t.font_small()) + t.px(20);
        if (cx + cw > x + w) {
            cx = x;
            y += chip_h + t.px(8);
        }
        ui.paint.fill_round_rect_bordered(SDL_Rect{cx, y, cw, chip_h}, chip_h / 2, t.c.panel, t.c.panel_border, t.px(1));
        ui.text.draw_line(name, cx + t.px(10), y + t.px(5), t.font_small(), t.c.text);
        cx += cw + t.px(8);
    }
    y += chip_h + t.px(28);
    const int bh = t.px(48), gap = t.px(12);
    const int bw = (w - gap) / 2;
    if (ui.button(SDL_Rect{x, y, bw, bh}, "开始答题", ButtonKind::primary, true) || ui.key(SDLK_RETURN) ||
        ui.key(SDLK_KP_ENTER)) {
        st.stage = Stage::question;
        ui.redraw();
    } else if (ui.button(SDL_Rect{x + bw + gap, y, bw, bh}, pre ? "跳过，直接开始" : "返回", ButtonKind::ghost) ||
               ui.key(SDLK_ESCAPE)) {
        skip(ctx, st);
    }
    return y + bh;
}

int draw_question(Ui& ui, Context& ctx, QuizState& st, int x, int y, int w) {
    const Theme& t = ui.theme;
    const ff::QuizItem& q = *st.items[st.index];
    const int answer = st.answers[st.index];

    // Progress: "第 3 / 9 题" and a thin bar.
    const std::string step = "第 " + std::to_string(st.index + 1) + " / " + std::to_string(st.items.size()) + " 题 · " +
                             category_name(ctx.library, q.category);
    ui.text.draw_line(step, x, y, t.font_small(), t.c.text_muted);
    y += ui.text.line_height(t.font_small()) + t.px(6);
    ui.paint.fill_round_rect(SDL_Rect{x, y, w, t.px(6)}, t.px(3), t.c.panel_border);
    const int done = static_cast<int>(st.index) + (answer ? 1 : 0);
    ui.paint.fill_round_rect(SDL_Rect{x, y, std::max(t.px(6), w * done / static_cast<int>(st.items.size())), t.px(6)},
                             t.px(3), t.c.accent);
    y += t.px(22);
    y = paragraph(ui, q.question, x, y, w, t.font_title(), t.c.text, true) + t.px(18);

    // Options: keys 1–4 or a click; after answering they show right and wrong.
    int picked = 0;
    for (size_t i = 0; i < q.options.size(); ++i) {
        if (!answer && ui.key(SDLK_1 + static_cast<int>(i))) picked = static_cast<int>(i) + 1;
        if (!answer && ui.key(SDLK_KP_1 + static_cast<int>(i))) picked = static_cast<int>(i) + 1;
    }
    const int pad = t.px(14);
    const int text_w = w - 2 * pad - t.px(40);
    for (size_t i = 0; i < q.options.size(); ++i) {
        const int n = static_cast<int>(i) + 1;
        TextBlock b = ui.text.layout(q.options[i], t.font_body(), text_w);
        SDL_Rect r{x, y, w, std::max(t.px(48), b.height + 2 * pad)};
        SDL_Color bg = t.c.choice_bg, border = t.c.choice_border, fg = t.c.text;
        if (answer) {
            if (n == q.answer) {
                bg = mix(t.c.panel, t.c.safe, t.high_contrast ? 0.0f : 0.18f);
                border = t.c.safe;
            } else if (n == answer) {
                bg = mix(t.c.panel, t.c.scammed, t.high_contrast ? 0.0f : 0.15f);
                border = t.c.scammed;
            }
        } else {
            ui.hot(r);
            if (ui.hover(r)) {
                bg = t.c.choice_hover;
                border = t.c.accent;
            }
            if (ui.clicked(r)) picked = n;
        }
        ui.paint.fill_round_rect_bordered(r, t.px(10), bg, border, t.px(answer && (n == q.answer || n == answer) ? 3 : 1.5f));
        const int kr = t.px(13);
        const SDL_Color badge = answer && n == q.answer ? t.c.safe : answer && n == answer ? t.c.scammed : t.c.accent;
        ui.paint.fill_circle(x + pad + kr, r.y + r.h / 2, kr, badge);
        // "×" rather than "✗": every CJK font on campus PCs has the multiplication sign.
        const std::string mark = answer && n == q.answer ? "✓" : answer && n == answer ? "×" : option_key(i);
        const int mw = ui.text.measure(mark, t.font_small(), true);
        ui.text.draw_line(mark, x + pad + kr - mw / 2, r.y + r.h / 2 - ui.text.line_height(t.font_small(), true) / 2,
                          t.font_small(), t.c.accent_text, true);
        ui.text.draw_block(b, x + pad + t.px(40), r.y + (r.h - b.height) / 2, text_w, fg);
        y += r.h + t.px(10);
    }
    if (picked) {
        st.answers[st.index] = picked;
        ui.redraw();
        return y;
    }
    if (!answer) return y;

    // The explanation and the way on.
    y += t.px(6);
    const bool right = answer == q.answer;
    TextBlock ex = ui.text.layout(q.explain, t.font_body(), w - 2 * pad);
    const int head_h = ui.text.line_height(t.font_body(), true) + t.px(6);
    SDL_Rect panel{x, y, w, head_h + ex.height + 2 * pad};
    ui.paint.fill_round_rect_bordered(panel, t.px(10), t.c.panel, right ? t.c.safe : t.c.partial, t.px(2));
    ui.text.draw_line(right ? "答对了！" : "正确答案是第 " + std::to_string(q.answer) + " 项", x + pad, y + pad,
                      t.font_body(), right ? t.c.safe : t.c.partial, true);
    ui.text.draw_block(ex, x + pad, y + pad + head_h, w - 2 * pad, t.c.text);
    y += panel.h + t.px(16);
    const bool last = st.index + 1 == st.items.size();
    const std::string label = last ? "查看结果（Enter）" : "下一题（Enter）";
    if (ui.button(SDL_Rect{x + w - t.px(240), y, t.px(240), t.px(46)}, label, ButtonKind::primary, true) ||
        ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER) || ui.key(SDLK_SPACE)) {
        st.scroll.offset = 0;
        if (last) finish(ctx, st);
        else ++st.index;
        ui.redraw();
    }
    return y + t.px(46);
}

int draw_result(Ui& ui, Context& ctx, QuizState& st, int x, int y, int w) {
    const Theme& t = ui.theme;
    const auto& a = st.attempt;
    const int percent = a.total ? a.correct * 100 / a.total : 0;
    y = paragraph(ui, st.phase == "pre" ? "课前小测完成" : "课后测验完成", x, y, w, t.font_title(), t.c.text, true) + t.px(14);
    const std::string big = std::to_string(a.correct) + " / " + std::to_string(a.total);
    ui.text.draw_line(big, x, y, t.tpx(56), percent >= 80 ? t.c.safe : percent >= 50 ? t.c.partial : t.c.scammed, true);
    const int bw = ui.text.measure(big, t.tpx(56), true);
    ui.text.draw_line("题答对（" + std::to_string(percent) + "%）", x + bw + t.px(12),
                      y + ui.text.line_height(t.tpx(56), true) - ui.text.line_height(t.font_body()) - t.px(8),
                      t.font_body(), t.c.text_muted);
    y += ui.text.line_height(t.tpx(56), true) + t.px(16);

    const ff::save::LearningGain g = ff::save::learning_gain(ctx.save.profile, st.pack->id);
    std::string note;
    if (st.phase == "pre") {
        note = "练习几个场景之后，可以在「我的反诈档案」里做课后测验，看看进步了多少。";
    } else if (g.gain) {
        const int d = *g.gain;
        note = "课前 " + std::to_string(g.pre_percent) + "% → 课后 " + std::to_string(g.post_percent) + "%：" +
               (d > 0 ? "提高了 " + std::to_string(d) + " 个百分点，继续保持！"
                      : d == 0 ? "和课前持平。回看答错的题，再练练对应的场景。"
                               : "比课前低了 " + std::to_string(-d) + " 个百分点。回看答错的题，再练练对应的场景。");
    } else {
        note = "你没有做课前小测，所以这次没有对比。";
    }
    y = paragraph(ui, note, x, y, w, t.font_body(), t.c.text) + t.px(24);
    const int bh = t.px(48);
    const std::string label = st.phase == "pre" ? "开始练习" : "返回档案";
    if (ui.button(SDL_Rect{x, y, w, bh}, label, ButtonKind::primary, true) || ui.key(SDLK_RETURN) ||
        ui.key(SDLK_KP_ENTER) || ui.key(SDLK_SPACE)) {
        ctx.open(ScreenRequest{st.next});
    }
    return y + bh;
}

} // namespace

Screen make_quiz_screen(Context& ctx, const ScreenRequest& req) {
    auto st = std::make_shared<QuizState>();
    st->phase = req.id == "posttest" ? "post" : "pre";
    st->pack = ctx.library.find_pack(req.pack_id.empty() ? quiz_pack_id(ctx) : req.pack_id);
    if (st->pack) st->items = ff::save::pick_quiz_items(*st->pack, st->phase);
    st->answers.assign(st->items.size(), 0);
    st->next = !req.back.empty() ? req.back : st->phase == "pre" ? "list" : "awareness";
    const std::string id = req.id == "posttest" ? "posttest" : "pretest";
    return Screen{id, [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        if (st->items.empty()) {
            // Nothing to ask (no pack with a quiz): the test is simply not there.
            ctx.open(ScreenRequest{st->next});
            return;
        }
        bool back = false;
        const int top = draw_top_bar(ui, st->phase == "pre" ? "课前小测" : "课后测验",
                                     st->stage == Stage::result ? "" : st->phase == "pre" ? "跳过" : "返回", &back);
        if (back) {
            skip(ctx, *st);
            return;
        }
        const int w = std::min(ui.width - 2 * t.px(24), t.px(760));
        const int x = (ui.width - w) / 2;
        SDL_Rect view{0, top, ui.width, ui.height - top};
        // Long questions at 150% text may not fit: scroll by wheel / PgUp / PgDn.
        st->scroll.update(ui, view, st->content_h);
        ui.paint.push_clip(view);
        const int y = top + t.px(32) - st->scroll.offset;
        const Stage stage = st->stage;
        int bottom = y;
        switch (stage) {
        case Stage::intro: bottom = draw_intro(ui, ctx, *st, x, y, w); break;
        case Stage::question: bottom = draw_question(ui, ctx, *st, x, y, w); break;
        case Stage::result: bottom = draw_result(ui, ctx, *st, x, y, w); break;
        }
        ui.paint.pop_clip();
        const int measured = bottom - y + t.px(64);
        if (stage == st->stage && measured != st->content_h) {
            st->content_h = measured;
            ui.redraw();
        }
        draw_scrollbar(ui, view, st->content_h, st->scroll.offset);
    }, {}};
}

} // namespace ff::game
