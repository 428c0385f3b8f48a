#include "screens/list_screen.h"

#include "screens/list_groups.h"
#include "screens/widgets.h"

#include "fraudfree/progress.h"
#include "save/profile.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <memory>

namespace ff::game {
namespace {

struct ListState {
    Scroll scroll;
    int focus = 0; // index over all cards, for the keyboard
    bool focus_moved = false;
    bool keyboard = false; // the focus ring shows once the arrow keys are used
    std::vector<ListGroup> groups;
    bool pack_tags = false;
    ff::AwarenessProfile progress;
};

SDL_Color pack_colour(const Theme& t, int slot) {
    static const SDL_Color colours[] = {{0x1F, 0x6F, 0xEB, 255}, {0xE0, 0x8A, 0x00, 255}, {0x8E, 0x44, 0xAD, 255},
                                        {0x16, 0xA0, 0x85, 255}, {0xC0, 0x39, 0x2B, 255}, {0x2C, 0x3E, 0x50, 255}};
    if (t.high_contrast) return t.c.accent;
    return colours[static_cast<size_t>(slot) % std::size(colours)];
}

// The pack's mark, centred on (cx, cy), about 2 * r across.
void draw_pack_mark(Painter& paint, const Theme& t, PackMark mark, int cx, int cy, int r) {
    const SDL_Color c = pack_colour(t, mark.colour);
    const float x = static_cast<float>(cx), y = static_cast<float>(cy), f = static_cast<float>(r);
    switch (mark.shape) {
    case PackShape::circle: paint.fill_circle(cx, cy, r, c); break;
    case PackShape::square: {
        const int s = r * 9 / 10; // a square looks bigger than a disc of the same width
        paint.fill_rect(SDL_Rect{cx - s, cy - s, 2 * s, 2 * s}, c);
        break;
    }
    case PackShape::triangle:
        paint.fill_triangle({x, y - f * 1.1f}, {x + f * 1.15f, y + f * 0.9f}, {x - f * 1.15f, y + f * 0.9f}, c);
        break;
    case PackShape::triangle_down:
        paint.fill_triangle({x - f * 1.15f, y - f * 0.9f}, {x + f * 1.15f, y - f * 0.9f}, {x, y + f * 1.1f}, c);
        break;
    case PackShape::diamond:
        paint.fill_triangle({x, y - f * 1.2f}, {x + f * 1.2f, y}, {x - f * 1.2f, y}, c);
        paint.fill_triangle({x - f * 1.2f, y}, {x + f * 1.2f, y}, {x, y + f * 1.2f}, c);
        break;
    }
}

void draw_card(Ui& ui, Context& ctx, const ListState& st, const ListEntry& e, SDL_Rect r, bool focused, bool& open) {
    const Theme& t = ui.theme;
    ui.hot(r);
    bool over = ui.hover(r);
    if (focused) {
        int f = t.px(3);
        ui.paint.fill_round_rect(SDL_Rect{r.x - f, r.y - f, r.w + 2 * f, r.h + 2 * f}, t.px(14), with_alpha(t.c.accent, 120));
    }
    ui.paint.fill_round_rect_bordered(r, t.px(12), over ? t.c.choice_hover : t.c.panel,
                                      over ? t.c.accent : t.c.panel_border, t.px(1.5f));
    int pad = t.px(16);
    int x = r.x + pad, y = r.y + pad, w = r.w - 2 * pad;

    // Channel tag and difficulty on the first line.
    const char* ch = channel_label(e.scenario->channel);
    int tag_size = t.font_small();
    int tag_w = ui.text.measure(ch, tag_size) + t.px(16);
    int tag_h = ui.text.line_height(tag_size) + t.px(4);
    SDL_Color tag_bg = e.scenario->channel == ff::Channel::call ? t.c.answer
                       : e.scenario->channel == ff::Channel::sms ? t.c.accent
                                                                 : SDL_Color{0x07, 0xC1, 0x60, 255};
    if (t.high_contrast) tag_bg = t.c.accent;
    ui.paint.fill_round_rect(SDL_Rect{x, y, tag_w, tag_h}, tag_h / 2, tag_bg);
    ui.text.draw_line(ch, x + t.px(8), y + t.px(2), tag_size, t.high_contrast ? t.c.accent_text : SDL_Color{255, 255, 255, 255});
    std::string stars = "难度 ";
    for (int i = 1; i <= 3; ++i) stars += i <= e.scenario->difficulty ? "●" : "○";
    ui.text.draw_line(stars, x + tag_w + t.px(10), y + t.px(2), tag_size, t.c.text_muted);

    // Badge on the right: best score and how the latest play ended, or "新".
    const ff::ScenarioProgress* sp = ff::find_scenario_progress(st.progress, e.pack->id, e.scenario->id);
    if (sp && sp->plays > 0) {
        std::string badge = "最佳 " + std::to_string(sp->best_score) + " 分";
        int bw = ui.text.measure(badge, tag_size, true) + t.px(16);
        SDL_Color bc = sp->best_score >= 80 ? t.c.safe : sp->best_score >= 50 ? t.c.partial : t.c.scammed;
        ui.paint.fill_round_rect(SDL_Rect{r.x + r.w - pad - bw, y, bw, tag_h}, tag_h / 2, bc);
        ui.text.draw_line(badge, r.x + r.w - pad - bw + t.px(8), y + t.px(2), tag_size,
                          t.high_contrast ? SDL_Color{0, 0, 0, 255} : SDL_Color{255, 255, 255, 255}, true);
    } else if (ctx.is_new && ctx.is_new(e.pack->id, e.scenario->id)) {
        int bw = ui.text.measure("新", tag_size, true) + t.px(16);
        ui.paint.fill_round_rect(SDL_Rect{r.x + r.w - pad - bw, y, bw, tag_h}, tag_h / 2, t.c.decline);
        ui.text.draw_line("新", r.x + r.w - pad - bw + t.px(8), y + t.px(2), tag_size, SDL_Color{255, 255, 255, 255}, true);
    }
    y += tag_h + t.px(10);

    int title_size = t.tpx(17);
    TextBlock title = ui.text.layout(e.scenario->title, title_size, w, true);
    if (title.lines.size() > 2) title.lines.resize(2);
    ui.text.draw_block(title, x, y, w, t.c.text);
    y += static_cast<int>(title.lines.size()) * title.line_height + t.px(6);

    // The pack it comes from, on the last line, when packs could be mixed up.
    int bottom = r.y + r.h - pad;
    if (st.pack_tags) {
        const int size = t.font_small();
        const int h = ui.text.line_height(size) + t.px(4);
        const int dot = h * 3 / 10;
        const std::string label = ui.text.elide(pack_label(*e.pack), size, w - t.px(24) - 2 * dot);
        const int lw = ui.text.measure(label, size) + t.px(22) + 2 * dot;
        bottom -= h;
        SDL_Rect tag{x, bottom, lw, h};
        ui.paint.fill_round_rect_bordered(tag, h / 2, t.high_contrast ? t.c.panel : mix(t.c.panel, t.c.text_muted, 0.10f),
                                          t.c.panel_border, t.px(1));
        // A shape and a colour per pack, so cards of one pack are told apart at a glance.
        draw_pack_mark(ui.paint, t, pack_mark(ctx.library, *e.pack), x + t.px(8) + dot, bottom + h / 2, dot);
        ui.text.draw_line(label, x + t.px(14) + 2 * dot, bottom + t.px(2), size, t.high_contrast ? t.c.text : t.c.text_muted);
        bottom -= t.px(6);
    }
    TextBlock sum = ui.text.layout(e.scenario->summary, t.font_small(), w, false);
    int room = std::max(1, (bottom - y) / std::max(1, sum.line_height));
    if (static_cast<int>(sum.lines.size()) > room) {
        sum.lines.resize(static_cast<size_t>(room));
        sum.lines.back() = ui.text.elide(sum.lines.back() + "……", t.font_small(), w);
    }
    ui.text.draw_block(sum, x, y, w, t.c.text_muted);

    if (ui.clicked(r)) open = true;
}

} // namespace

Screen make_list_screen(Context& ctx, const ScreenRequest&) {
    auto st = std::make_shared<ListState>();
    st->groups = group_scenarios(ctx.library);
    st->pack_tags = show_pack_tags(ctx.library);
    std::vector<ff::ResultRecord> records = ff::save::results_of(ctx.save.profile);
    st->progress = ff::compute_progress(records, ctx.library.packs);

    return Screen{"list", [&ctx, st](Ui& ui) {
        const Theme& t = ui.theme;
        bool back = false;
        int top = draw_top_bar(ui, "无诈校园 · 选择场景", has_screen("title") ? "首页" : "", &back);
        if (back) {
            ctx.open(ScreenRequest{"title"});
            return;
        }
        // Buttons to the other screens, on the right of the top bar.
        {
            int bx = ui.width - t.px(20);
            int bh = t.px(36), by = (top - bh) / 2;
            for (auto [id, label] : {std::pair{"settings", "设置"}, std::pair{"awareness", "我的反诈档案"}}) {
                if (!has_screen(id)) continue;
                int bw = ui.text.measure(label, t.font_body()) + t.px(32);
                bx -= bw;
                if (ui.button(SDL_Rect{bx, by, bw, bh}, label, ButtonKind::secondary)) ctx.open(ScreenRequest{id});
                bx -= t.px(10);
            }
            if (!ctx.library.problems.empty()) {
                std::string label = "⚠ " + std::to_string(ctx.library.problems.size()) + " 个场景包有错误";
                int bw = ui.text.measure(label, t.font_body()) + t.px(32);
                bx -= bw;
                if (ui.button(SDL_Rect{bx, by, bw, bh}, label, ButtonKind::danger)) ctx.open(ScreenRequest{"errors"});
            }
        }

        SDL_Rect view{0, top, ui.width, ui.height - top};
        int margin = std::max(t.px(24), (ui.width - t.px(1200)) / 2);
        int inner = ui.width - 2 * margin;
        int gap = t.px(16);
        int cols = std::clamp((inner + gap) / (t.px(300) + gap), 1, 4);
        int card_w = (inner - (cols - 1) * gap) / cols;
        int card_h = t.px(96) + t.tpx(44);
        if (st->pack_tags) card_h += ui.text.line_height(t.font_small()) + t.px(10);

        // Layout pass (content height), then draw with the scroll offset.
        int total_cards = 0;
        int content_h = t.px(20);
        for (const auto& g : st->groups) {
            content_h += t.px(44);
            int rows = (static_cast<int>(g.entries.size()) + cols - 1) / cols;
            content_h += rows * (card_h + gap) + t.px(8);
            total_cards += static_cast<int>(g.entries.size());
        }
        content_h += t.px(20);
        if (total_cards > 0) {
            int before = st->focus;
            if (ui.key(SDLK_RIGHT) || ui.key(SDLK_TAB)) st->focus = (st->focus + 1) % total_cards;
            if (ui.key(SDLK_LEFT)) st->focus = (st->focus + total_cards - 1) % total_cards;
            if (ui.key(SDLK_DOWN)) st->focus = std::min(total_cards - 1, st->focus + cols);
            if (ui.key(SDLK_UP)) st->focus = std::max(0, st->focus - cols);
            if (st->focus != before) st->focus_moved = st->keyboard = true;
        }
        st->scroll.update(ui, view, content_h);
        bool enter = ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER);
        if (enter && !st->keyboard) {
            // The first Enter shows where the focus is; the next one opens it.
            st->keyboard = true;
            enter = false;
        }

        ui.paint.push_clip(view);
        int y = top + t.px(20) - st->scroll.offset;
        int index = 0;
        int focus_top = 0, focus_bottom = 0;
        for (const auto& g : st->groups) {
            const ff::CategoryProgress* cp = ff::find_category_progress(st->progress, g.category);
            int done = cp ? cp->summary.scenarios_finished : 0;
            int total = cp ? cp->summary.scenarios_total : static_cast<int>(g.entries.size());
            ui.text.draw_line(g.name, margin, y + t.px(8), t.font_title(), t.c.text, true);
            int nw = ui.text.measure(g.name, t.font_title(), true);
            std::string count = "已完成 " + std::to_string(done) + "/" + std::to_string(total);
            if (done == total && total > 0) count += "  ✓";
            ui.text.draw_line(count, margin + nw + t.px(14), y + t.px(8) + t.px(4), t.font_small(),
                              done == total && total > 0 ? t.c.safe : t.c.text_muted);
            y += t.px(44);
            for (size_t i = 0; i < g.entries.size(); ++i) {
                int col = static_cast<int>(i) % cols;
                int row = static_cast<int>(i) / cols;
                SDL_Rect r{margin + col * (card_w + gap), y + row * (card_h + gap), card_w, card_h};
                bool focused = st->keyboard && index == st->focus;
                if (index == st->focus) {
                    focus_top = r.y;
                    focus_bottom = r.y + r.h;
                }
                bool open = false;
                if (r.y + r.h >= view.y && r.y <= view.y + view.h) draw_card(ui, ctx, *st, g.entries[i], r, focused, open);
                if (index == st->focus && enter) open = true;
                if (open) {
                    ctx.open(ScreenRequest{"chat", g.entries[i].pack->id, g.entries[i].scenario->id});
                }
                ++index;
            }
            int rows = (static_cast<int>(g.entries.size()) + cols - 1) / cols;
            y += rows * (card_h + gap) + t.px(8);
        }
        if (st->groups.empty()) {
            ui.text.draw_wrapped("没有可玩的场景。请检查 content 文件夹，或用 --pack 指定一个场景包。", margin, y + t.px(20),
                                 inner, t.font_body(), t.c.text_muted);
        }
        ui.paint.pop_clip();
        draw_scrollbar(ui, view, content_h, st->scroll.offset);
        // Keep the keyboard focus visible after moving it.
        if (!st->focus_moved) return;
        st->focus_moved = false;
        if (focus_bottom > view.y + view.h) {
            st->scroll.offset += focus_bottom - (view.y + view.h) + t.px(10);
            ui.redraw();
        } else if (focus_top < view.y && focus_bottom > 0) {
            st->scroll.offset -= view.y - focus_top + t.px(10);
            ui.redraw();
        }
    }, {}};
}

} // namespace ff::game
