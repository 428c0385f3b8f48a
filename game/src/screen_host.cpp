#include "screen_host.h"

#include <algorithm>

namespace ff::game {

ScreenHost::ScreenHost(Context& ctx, SDL_Renderer* renderer, const std::filesystem::path& font_path)
    : ctx_(ctx), renderer_(renderer), painter_(renderer), text_(renderer, font_path) {
    ctx_.open = [this](const ScreenRequest& req) { pending_ = req; };
}

void ScreenHost::open(const ScreenRequest& req) {
    if (screen_.leave) screen_.leave();
    screen_ = make_screen(ctx_, req);
    hot_.clear();
}

bool ScreenHost::hover_changes(int ax, int ay, int bx, int by) const {
    for (const auto& r : hot_)
        if (contains(r, ax, ay) != contains(r, bx, by)) return true;
    return false;
}

FrameOutcome ScreenHost::frame(Input& input, int w, int h, float dpi, double now) {
    const auto& s = ctx_.save.settings;
    Theme theme = make_theme(s.high_contrast, s.text_scale, dpi, static_cast<int>(static_cast<float>(h) / dpi));
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, theme.c.background.r, theme.c.background.g, theme.c.background.b, 255);
    SDL_RenderSetClipRect(renderer_, nullptr);
    SDL_RenderClear(renderer_);

    // A notice gets its own strip at the bottom and the screen is laid out above it, so the
    // notice never covers a button (e.g. the third reply in a chat). A click in the strip is
    // kept from the screen, whose "click anywhere" handlers would otherwise take it.
    std::optional<NoticeBar> bar;
    if (!ctx_.notices.empty()) bar = layout_notice(theme, w, h);
    int screen_h = bar ? bar->top : h;
    bool click_in_bar = bar && input.click && input.click_y >= screen_h;
    if (click_in_bar) input.click = false;

    Ui ui(painter_, text_, theme, w, screen_h, input, now);
    if (screen_.frame) screen_.frame(ui);
    if (ctx_.overlay) ctx_.overlay(ui);
    hot_ = ui.hot_regions();
    FrameOutcome out{ui.redraw_requested(), ui.wake_after()};

    if (bar) {
        if (click_in_bar) input.click = true;
        Ui notice_ui(painter_, text_, theme, w, h, input, now);
        draw_notice(notice_ui, *bar);
        hot_.insert(hot_.end(), notice_ui.hot_regions().begin(), notice_ui.hot_regions().end());
        out.redraw = out.redraw || notice_ui.redraw_requested();
    }

    if (pending_) {
        ScreenRequest req = std::move(*pending_);
        pending_.reset();
        open(req);
        out.redraw = true;
    }
    return out;
}

ScreenHost::NoticeBar ScreenHost::layout_notice(const Theme& t, int w, int h) {
    NoticeBar bar;
    int pad = t.px(10);
    int max_w = std::min(w - 2 * pad, t.px(720));
    bar.text = text_.layout(ctx_.notices.front(), t.font_small(), max_w - t.px(110), false);
    int bar_h = std::max(bar.text.height, t.px(30)) + 2 * pad;
    bar.box = SDL_Rect{(w - max_w) / 2, h - bar_h - pad, max_w, bar_h};
    bar.top = bar.box.y - pad;
    return bar;
}

void ScreenHost::draw_notice(Ui& ui, const NoticeBar& bar) {
    const Theme& t = ui.theme;
    int pad = t.px(10);
    // The strip is the screen's background; the screen was laid out above it.
    SDL_Rect strip{0, bar.top, ui.width, ui.height - bar.top};
    ui.paint.fill_rect(strip, t.c.background);
    const SDL_Rect& b = bar.box;
    ui.paint.fill_round_rect(b, t.px(8), t.high_contrast ? t.c.panel : SDL_Color{0x33, 0x36, 0x3D, 240});
    if (t.high_contrast) ui.paint.fill_round_rect_bordered(b, t.px(8), t.c.panel, t.c.panel_border, t.px(2));
    ui.text.draw_block(bar.text, b.x + pad, b.y + (b.h - bar.text.height) / 2, bar.text.width,
                       SDL_Color{255, 255, 255, 255});
    SDL_Rect ok{b.x + b.w - t.px(90), b.y + (b.h - t.px(30)) / 2, t.px(80), t.px(30)};
    if (ui.button(ok, "知道了", ButtonKind::primary)) {
        ctx_.notices.erase(ctx_.notices.begin());
        ui.redraw();
    }
}

} // namespace ff::game
