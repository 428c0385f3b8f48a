#include "screens/widgets.h"

#include "text/utf8.h"

#include <algorithm>
#include <functional>

namespace ff::game {

int draw_top_bar(Ui& ui, std::string_view title, std::string_view back_label, bool* back) {
    const Theme& t = ui.theme;
    int h = t.px(56);
    ui.paint.fill_rect(SDL_Rect{0, 0, ui.width, h}, t.c.panel);
    ui.paint.fill_rect(SDL_Rect{0, h - t.px(1), ui.width, t.px(1)}, t.c.panel_border);
    int size = t.font_title();
    int lh = ui.text.line_height(size, true);
    int x = t.px(20);
    if (!back_label.empty()) {
        int bw = ui.text.measure(back_label, t.font_body()) + t.px(44);
        SDL_Rect b{x, (h - t.px(36)) / 2, bw, t.px(36)};
        bool clicked = ui.button(b, std::string("‹ ") + std::string(back_label), ButtonKind::ghost);
        if (back) *back = clicked || ui.key(SDLK_ESCAPE);
        x += bw + t.px(16);
    }
    ui.text.draw_line(ui.text.elide(title, size, ui.width - x - t.px(20), true), x, (h - lh) / 2, size, t.c.text, true);
    return h;
}

void draw_avatar(Ui& ui, int cx, int cy, int radius, const std::string& name, const std::string& key) {
    static const SDL_Color colors[] = {{0x5B, 0x8D, 0xEF, 255}, {0xF0, 0x8A, 0x5D, 255}, {0x4C, 0xAF, 0x83, 255},
                                       {0xB5, 0x6C, 0xE0, 255}, {0xE0, 0x5D, 0x7B, 255}, {0x3E, 0xA8, 0xC4, 255},
                                       {0xD4, 0xA0, 0x17, 255}, {0x6B, 0x7A, 0x8F, 255}};
    size_t h = std::hash<std::string>{}(key.empty() ? name : key);
    SDL_Color bg = ui.theme.high_contrast ? ui.theme.c.accent : colors[h % std::size(colors)];
    ui.paint.fill_circle(cx, cy, radius, bg);
    // The first visible character, skipping brackets and quotes.
    std::string initial;
    size_t pos = 0;
    while (pos < name.size()) {
        size_t start = pos;
        char32_t cp = ff::text::decode_next(name, pos);
        if (cp == U'“' || cp == U'「' || cp == U'（' || cp == U'(' || cp == U'"' || cp == U' ' || cp == U'+') continue;
        // A bare phone number has no name to take a letter from.
        initial = cp >= U'0' && cp <= U'9' ? "陌" : name.substr(start, pos - start);
        break;
    }
    if (initial.empty()) initial = "?";
    int size = std::max(8, radius);
    int w = ui.text.measure(initial, size, true);
    int lh = ui.text.line_height(size, true);
    SDL_Color fg = ui.theme.high_contrast ? ui.theme.c.accent_text : SDL_Color{255, 255, 255, 255};
    ui.text.draw_line(initial, cx - w / 2, cy - lh / 2, size, fg, true);
}

SDL_Color ending_color(const Theme& t, ff::EndingKind k) {
    switch (k) {
    case ff::EndingKind::safe: return t.c.safe;
    case ff::EndingKind::partial: return t.c.partial;
    case ff::EndingKind::scammed: return t.c.scammed;
    }
    return t.c.text;
}

const char* ending_label(ff::EndingKind k) {
    switch (k) {
    case ff::EndingKind::safe: return "安全";
    case ff::EndingKind::partial: return "部分损失";
    case ff::EndingKind::scammed: return "被骗";
    }
    return "";
}

const char* channel_label(ff::Channel c) {
    switch (c) {
    case ff::Channel::chat: return "聊天";
    case ff::Channel::sms: return "短信";
    case ff::Channel::call: return "来电";
    }
    return "";
}

std::string category_name(const Library& lib, const std::string& id) {
    for (const auto& p : lib.packs)
        if (const ff::Category* c = p.find_category(id)) return c->name;
    return id;
}

void Scroll::clamp(int content_h, int view_h) {
    int max_off = std::max(0, content_h - view_h);
    offset = std::clamp(offset, 0, max_off);
}

void Scroll::update(Ui& ui, SDL_Rect view, int content_h, bool keys) {
    ScrollInput in;
    if (ui.hover(view)) in.wheel = ui.wheel();
    if (keys) {
        in.page_up = ui.key(SDLK_PAGEUP);
        in.page_down = ui.key(SDLK_PAGEDOWN);
        in.home = ui.key(SDLK_HOME);
        in.end = ui.key(SDLK_END);
    }
    apply(in, ui.theme.px(60), view.h, content_h);
}

void Scroll::apply(const ScrollInput& in, int step, int view_h, int content_h) {
    int max_off = std::max(0, content_h - view_h);
    int before = offset;
    if (stick_bottom) offset = max_off;
    offset -= in.wheel * step;
    if (in.page_up) offset -= view_h * 9 / 10;
    if (in.page_down) offset += view_h * 9 / 10;
    if (in.home) offset = 0;
    if (in.end) offset = max_off;
    clamp(content_h, view_h);
    // Scrolling up leaves the bottom; coming back to it sticks again, like a messenger.
    if (offset != before || stick_bottom) stick_bottom = offset >= max_off;
    if (stick_bottom || content_h <= view_h) unseen = 0;
}

void Scroll::arrived(int n) {
    if (!stick_bottom && n > 0) unseen += n;
}

void Scroll::to_bottom() {
    stick_bottom = true;
    unseen = 0;
}

void draw_scrollbar(Ui& ui, SDL_Rect view, int content_h, int offset) {
    if (content_h <= view.h || content_h <= 0) return;
    int w = ui.theme.px(4);
    int track = view.h - ui.theme.px(8);
    int thumb = std::max(ui.theme.px(24), track * view.h / content_h);
    int y = view.y + ui.theme.px(4) + (track - thumb) * offset / std::max(1, content_h - view.h);
    ui.paint.fill_round_rect(SDL_Rect{view.x + view.w - w - ui.theme.px(3), y, w, thumb}, w / 2,
                             with_alpha(ui.theme.c.text_muted, 140));
}

} // namespace ff::game
