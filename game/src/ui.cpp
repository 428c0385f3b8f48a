#include "ui.h"

#include <algorithm>

namespace ff::game {

Ui::Ui(Painter& painter, TextRenderer& text_renderer, const Theme& th, int w, int h, Input& input, double t)
    : paint(painter), text(text_renderer), theme(th), width(w), height(h), now(t), input_(input) {}

bool Ui::hover(SDL_Rect r) const { return contains(r, input_.mouse_x, input_.mouse_y); }

bool Ui::clicked(SDL_Rect r) {
    if (!input_.click || !contains(r, input_.click_x, input_.click_y)) return false;
    input_.click = false;
    redraw_ = true;
    return true;
}

bool Ui::any_click() {
    if (!input_.click) return false;
    input_.click = false;
    redraw_ = true;
    return true;
}

bool Ui::key(SDL_Keycode k) {
    auto it = std::find(input_.keys.begin(), input_.keys.end(), k);
    if (it == input_.keys.end()) return false;
    input_.keys.erase(it);
    redraw_ = true;
    return true;
}

void Ui::wake_in(double seconds) {
    seconds = std::max(0.0, seconds);
    if (wake_after_ < 0 || seconds < wake_after_) wake_after_ = seconds;
}

bool Ui::button(SDL_Rect r, std::string_view label, ButtonKind kind, bool focused) {
    hot(r);
    const Palette& c = theme.c;
    bool over = hover(r);
    SDL_Color bg = c.accent, fg = c.accent_text, border = c.accent;
    switch (kind) {
    case ButtonKind::primary: break;
    case ButtonKind::secondary:
        bg = c.panel;
        fg = c.accent;
        border = c.accent;
        break;
    case ButtonKind::danger:
        bg = c.decline;
        fg = SDL_Color{255, 255, 255, 255};
        border = bg;
        break;
    case ButtonKind::ghost:
        bg = c.panel;
        fg = c.text;
        border = c.panel_border;
        break;
    }
    if (over) bg = kind == ButtonKind::primary || kind == ButtonKind::danger ? mix(bg, SDL_Color{0, 0, 0, 255}, 0.12f)
                                                                             : mix(bg, c.accent, 0.10f);
    int radius = std::min(r.h / 2, theme.px(10));
    if (focused) {
        int f = theme.px(3);
        paint.fill_round_rect(SDL_Rect{r.x - f, r.y - f, r.w + 2 * f, r.h + 2 * f}, radius + f, with_alpha(c.accent, 110));
    }
    paint.fill_round_rect_bordered(r, radius, bg, border, std::max(1, theme.px(1.5f)));
    int size = theme.font_body();
    std::string shown = text.elide(label, size, r.w - theme.px(16));
    int lh = text.line_height(size);
    int w = text.measure(shown, size);
    text.draw_line(shown, r.x + (r.w - w) / 2, r.y + (r.h - lh) / 2, size, fg);
    return clicked(r);
}

} // namespace ff::game
