#include "screen_host.h"

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

    Ui ui(painter_, text_, theme, w, h, input, now);
    if (screen_.frame) screen_.frame(ui);
    if (ctx_.overlay) ctx_.overlay(ui);
    draw_notices(ui);
    hot_ = ui.hot_regions();

    FrameOutcome out{ui.redraw_requested(), ui.wake_after()};
    if (pending_) {
        ScreenRequest req = std::move(*pending_);
        pending_.reset();
        open(req);
        out.redraw = true;
    }
    return out;
}

void ScreenHost::draw_notices(Ui& ui) {
    if (ctx_.notices.empty()) return;
    const Theme& t = ui.theme;
    int size = t.font_small();
    int pad = t.px(10);
    int max_w = std::min(ui.width - 2 * pad, t.px(720));
    TextBlock b = ui.text.layout(ctx_.notices.front(), size, max_w - t.px(110), false);
    int h = b.height + 2 * pad;
    SDL_Rect bar{(ui.width - max_w) / 2, ui.height - h - pad, max_w, h};
    ui.paint.fill_round_rect(bar, t.px(8), t.high_contrast ? t.c.panel : SDL_Color{0x33, 0x36, 0x3D, 240});
    if (t.high_contrast) ui.paint.fill_round_rect_bordered(bar, t.px(8), t.c.panel, t.c.panel_border, t.px(2));
    ui.text.draw_block(b, bar.x + pad, bar.y + pad, b.width, SDL_Color{255, 255, 255, 255});
    SDL_Rect ok{bar.x + bar.w - t.px(90), bar.y + (h - t.px(30)) / 2, t.px(80), t.px(30)};
    if (ui.button(ok, "知道了", ButtonKind::primary)) {
        ctx_.notices.erase(ctx_.notices.begin());
        ui.redraw();
    }
}

} // namespace ff::game
