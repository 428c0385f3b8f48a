#include "theme.h"

#include <algorithm>
#include <cmath>

namespace ff::game {
namespace {
constexpr SDL_Color rgb(Uint8 r, Uint8 g, Uint8 b) { return SDL_Color{r, g, b, 255}; }
} // namespace

Palette normal_palette() {
    Palette p{};
    p.background = rgb(0xE9, 0xEC, 0xF1);
    p.panel = rgb(0xFF, 0xFF, 0xFF);
    p.panel_border = rgb(0xD5, 0xDA, 0xE1);
    p.text = rgb(0x1F, 0x23, 0x29);
    p.text_muted = rgb(0x8A, 0x91, 0x9C);
    p.accent = rgb(0x1F, 0x6F, 0xEB);
    p.accent_text = rgb(0xFF, 0xFF, 0xFF);
    p.phone_frame = rgb(0x23, 0x26, 0x2C);
    p.chat_bg = rgb(0xED, 0xED, 0xED);
    p.header_bg = rgb(0xF7, 0xF7, 0xF7);
    p.header_text = rgb(0x19, 0x19, 0x19);
    p.bubble_them = rgb(0xFF, 0xFF, 0xFF);
    p.bubble_them_text = rgb(0x19, 0x19, 0x19);
    p.bubble_me = rgb(0x95, 0xEC, 0x69);
    p.bubble_me_text = rgb(0x11, 0x11, 0x11);
    p.sms_me = rgb(0x34, 0xC7, 0x59);
    p.sms_them = rgb(0xE5, 0xE5, 0xEA);
    p.choice_bg = rgb(0xFF, 0xFF, 0xFF);
    p.choice_hover = rgb(0xE6, 0xF0, 0xFF);
    p.choice_border = rgb(0xC9, 0xD3, 0xE0);
    p.call_bg_top = rgb(0x2B, 0x3A, 0x55);
    p.call_bg_bottom = rgb(0x10, 0x14, 0x1F);
    p.call_text = rgb(0xFF, 0xFF, 0xFF);
    p.answer = rgb(0x34, 0xC7, 0x59);
    p.decline = rgb(0xFF, 0x3B, 0x30);
    p.safe = rgb(0x1E, 0x9E, 0x4F);
    p.partial = rgb(0xE0, 0x8A, 0x00);
    p.scammed = rgb(0xD9, 0x30, 0x25);
    p.flag_caught = rgb(0x1E, 0x9E, 0x4F);
    p.flag_missed = rgb(0xD9, 0x30, 0x25);
    p.attachment_bg = rgb(0xF6, 0xF7, 0xF9);
    p.error_bg = rgb(0xFF, 0xF0, 0xEE);
    return p;
}

Palette high_contrast_palette() {
    Palette p{};
    p.background = rgb(0x00, 0x00, 0x00);
    p.panel = rgb(0x00, 0x00, 0x00);
    p.panel_border = rgb(0xFF, 0xFF, 0xFF);
    p.text = rgb(0xFF, 0xFF, 0xFF);
    p.text_muted = rgb(0xE0, 0xE0, 0xE0);
    p.accent = rgb(0xFF, 0xD6, 0x00);
    p.accent_text = rgb(0x00, 0x00, 0x00);
    p.phone_frame = rgb(0xFF, 0xFF, 0xFF);
    p.chat_bg = rgb(0x00, 0x00, 0x00);
    p.header_bg = rgb(0x00, 0x00, 0x00);
    p.header_text = rgb(0xFF, 0xFF, 0xFF);
    p.bubble_them = rgb(0xFF, 0xFF, 0xFF);
    p.bubble_them_text = rgb(0x00, 0x00, 0x00);
    p.bubble_me = rgb(0xFF, 0xD6, 0x00);
    p.bubble_me_text = rgb(0x00, 0x00, 0x00);
    p.sms_me = rgb(0xFF, 0xD6, 0x00);
    p.sms_them = rgb(0xFF, 0xFF, 0xFF);
    p.choice_bg = rgb(0x00, 0x00, 0x00);
    p.choice_hover = rgb(0x33, 0x33, 0x00);
    p.choice_border = rgb(0xFF, 0xFF, 0xFF);
    p.call_bg_top = rgb(0x00, 0x00, 0x00);
    p.call_bg_bottom = rgb(0x00, 0x00, 0x00);
    p.call_text = rgb(0xFF, 0xFF, 0xFF);
    p.answer = rgb(0x00, 0xE0, 0x50);
    p.decline = rgb(0xFF, 0x40, 0x40);
    p.safe = rgb(0x00, 0xFF, 0x66);
    p.partial = rgb(0xFF, 0xB0, 0x00);
    p.scammed = rgb(0xFF, 0x50, 0x50);
    p.flag_caught = rgb(0x00, 0xFF, 0x66);
    p.flag_missed = rgb(0xFF, 0x50, 0x50);
    p.attachment_bg = rgb(0x1A, 0x1A, 0x1A);
    p.error_bg = rgb(0x30, 0x00, 0x00);
    return p;
}

int Theme::px(float units) const {
    if (units <= 0) return 0;
    return std::max(1, static_cast<int>(std::lround(units * scale)));
}

int Theme::tpx(float units) const { return px(units * text_scale); }

Theme make_theme(bool high_contrast, int text_scale_percent, float dpi_scale, int window_h_points) {
    Theme t;
    t.high_contrast = high_contrast;
    t.c = high_contrast ? high_contrast_palette() : normal_palette();
    // Larger windows get a little larger everything, so 1920x1080 is not a small phone in a
    // sea of grey; small windows never shrink below 90%.
    float window_factor = std::clamp(static_cast<float>(window_h_points) / 800.0f, 0.9f, 1.35f);
    t.text_scale = static_cast<float>(std::clamp(text_scale_percent, 100, 150)) / 100.0f;
    t.scale = std::max(0.5f, dpi_scale) * window_factor;
    return t;
}

SDL_Color mix(SDL_Color a, SDL_Color b, float t) {
    auto m = [t](Uint8 x, Uint8 y) {
        return static_cast<Uint8>(std::lround(x + (static_cast<float>(y) - x) * t));
    };
    return SDL_Color{m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

SDL_Color with_alpha(SDL_Color c, Uint8 a) {
    c.a = a;
    return c;
}

} // namespace ff::game
