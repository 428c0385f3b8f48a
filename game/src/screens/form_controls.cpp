#include "screens/form_controls.h"

#include "text/utf8.h"

#include <algorithm>

namespace ff::game {

int segmented(Ui& ui, SDL_Rect r, const std::vector<std::string>& labels, int selected) {
    const int n = static_cast<int>(labels.size());
    if (n == 0) return -1;
    const int gap = ui.theme.px(8);
    const int w = (r.w - (n - 1) * gap) / n;
    int hit = -1;
    for (int i = 0; i < n; ++i) {
        SDL_Rect b{r.x + i * (w + gap), r.y, w, r.h};
        if (ui.button(b, labels[static_cast<size_t>(i)], i == selected ? ButtonKind::primary : ButtonKind::ghost))
            hit = i;
    }
    return hit;
}

int slider(Ui& ui, SDL_Rect r, int value, bool enabled) {
    const Theme& t = ui.theme;
    ui.hot(r);
    const int track_h = t.px(6);
    const int knob = t.px(11);
    const int x0 = r.x + knob, x1 = r.x + r.w - knob;
    const int cy = r.y + r.h / 2;
    const SDL_Color on = enabled ? t.c.accent : t.c.text_muted;
    ui.paint.fill_round_rect(SDL_Rect{x0, cy - track_h / 2, x1 - x0, track_h}, track_h / 2, t.c.panel_border);
    const int kx = x0 + (x1 - x0) * std::clamp(value, 0, 100) / 100;
    ui.paint.fill_round_rect(SDL_Rect{x0, cy - track_h / 2, std::max(track_h, kx - x0), track_h}, track_h / 2, on);
    if (ui.hover(r)) ui.paint.fill_circle(kx, cy, knob + t.px(4), with_alpha(on, 60));
    ui.paint.fill_circle(kx, cy, knob, on);
    ui.paint.fill_circle(kx, cy, knob - t.px(3), t.c.panel);
    if (!ui.input().click || !contains(r, ui.input().click_x, ui.input().click_y)) return -1;
    const int cx = ui.input().click_x;
    ui.clicked(r);
    // Steps of 5 are fine enough for a volume and easy to hit with a mouse.
    const int v = (cx - x0) * 100 / std::max(1, x1 - x0);
    return std::clamp((v + 2) / 5 * 5, 0, 100);
}

void focus_ring(Ui& ui, SDL_Rect r) {
    const Theme& t = ui.theme;
    ui.paint.fill_round_rect_bordered(r, t.px(12), mix(t.c.panel, t.c.accent, 0.06f), with_alpha(t.c.accent, 160),
                                      t.px(2));
}

void pop_codepoint(std::string& s) {
    if (s.empty()) return;
    size_t i = s.size() - 1;
    // Step back over UTF-8 continuation bytes (10xxxxxx) to the lead byte.
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    s.erase(i);
}

bool text_field(Ui& ui, SDL_Rect r, TextField& f, std::string_view placeholder) {
    const Theme& t = ui.theme;
    f.changed = false;
    if (!f.active) f.composing.clear();
    if (const auto& editing = ui.input().editing; editing && f.active) f.composing = *editing;
    if (f.active && !ui.typed().empty()) {
        // Typed text is committed text: the composition it came from is over.
        f.composing.clear();
        std::string add = ff::text::sanitize_utf8(ui.typed());
        std::string next = f.text;
        for (size_t pos = 0; pos < add.size();) {
            const size_t start = pos;
            const char32_t cp = ff::text::decode_next(add, pos);
            if (cp < 0x20 || cp == 0x7F) continue; // no control characters in a name
            if (ff::text::count_codepoints(next) >= f.max_codepoints) break;
            next += add.substr(start, pos - start);
        }
        f.changed = next != f.text;
        f.text = std::move(next);
    }
    // While composing, Backspace belongs to the IME.
    if (f.active && f.composing.empty() && ui.key(SDLK_BACKSPACE) && !f.text.empty()) {
        pop_codepoint(f.text);
        f.changed = true;
    }
    const bool enter = f.active && f.composing.empty() && (ui.key(SDLK_RETURN) || ui.key(SDLK_KP_ENTER));

    ui.paint.fill_round_rect_bordered(r, t.px(10), t.c.panel, f.active ? t.c.accent : t.c.panel_border, t.px(2));
    const int size = f.font_size > 0 ? f.font_size : t.tpx(22);
    const int lh = ui.text.line_height(size);
    const int pad = t.px(16);
    const int y = r.y + (r.h - lh) / 2;
    int x = r.x + pad;
    const int max_w = r.w - 2 * pad;
    if (f.text.empty() && f.composing.empty()) {
        ui.text.draw_line(ui.text.elide(placeholder, size, max_w), x, y, size, t.c.text_muted);
    } else {
        x += ui.text.draw_line(ui.text.elide(f.text, size, max_w), x, y, size, t.c.text);
        if (!f.composing.empty()) {
            const int w = ui.text.draw_line(f.composing, x, y, size, t.c.accent);
            ui.paint.fill_rect(SDL_Rect{x, y + lh - t.px(2), w, t.px(2)}, t.c.accent);
            x += w;
        }
    }
    if (!f.active) return false;
    // A steady caret: blinking would need a timer and keep the CPU awake.
    ui.paint.fill_rect(SDL_Rect{x + t.px(2), y + t.px(3), t.px(2), lh - t.px(6)}, t.c.accent);
    // Tell the IME where to put its candidate window (window points equal device pixels
    // except on HiDPI, where the window is off by the scale at worst).
    SDL_Rect ime{x, r.y, r.w - (x - r.x), r.h};
    SDL_SetTextInputRect(&ime);
    return enter;
}

} // namespace ff::game
