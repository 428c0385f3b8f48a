#include "screens/chat_view.h"

#include "screens/widgets.h"
#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ff::game {

bool is_narration(const std::string& text) {
    static const std::string open = "（", close = "）";
    return text.size() > open.size() + close.size() && text.compare(0, open.size(), open) == 0 &&
           text.compare(text.size() - close.size(), close.size(), close) == 0;
}

bool is_system_sender(const std::string& from) {
    return from == "系统提示" || from == "系统" || from == "系统消息";
}

bool is_notification_sender(const std::string& from) {
    return from == "手机通知" || from.rfind("短信", 0) == 0;
}

namespace {

struct BubbleColors {
    SDL_Color bg;
    SDL_Color fg;
};

BubbleColors colors_for(const Theme& t, ChatStyle style, bool me) {
    switch (style) {
    case ChatStyle::messenger:
        return me ? BubbleColors{t.c.bubble_me, t.c.bubble_me_text} : BubbleColors{t.c.bubble_them, t.c.bubble_them_text};
    case ChatStyle::sms:
        return me ? BubbleColors{t.c.sms_me, t.high_contrast ? SDL_Color{0, 0, 0, 255} : SDL_Color{255, 255, 255, 255}}
                  : BubbleColors{t.c.sms_them, t.c.bubble_them_text};
    case ChatStyle::call:
        if (t.high_contrast)
            return me ? BubbleColors{t.c.bubble_me, t.c.bubble_me_text} : BubbleColors{t.c.bubble_them, t.c.bubble_them_text};
        return me ? BubbleColors{SDL_Color{0x34, 0xC7, 0x59, 200}, SDL_Color{255, 255, 255, 255}}
                  : BubbleColors{SDL_Color{255, 255, 255, 38}, SDL_Color{255, 255, 255, 255}};
    }
    return {t.c.bubble_them, t.c.bubble_them_text};
}

// A QR-code-like pattern from the text: a scam QR is drawn, never a working one.
void draw_fake_qr(Ui& ui, SDL_Rect r, const std::string& seed) {
    ui.paint.fill_rect(r, SDL_Color{255, 255, 255, 255});
    const int n = 21;
    int cell = r.w / (n + 2);
    int ox = r.x + (r.w - cell * n) / 2, oy = r.y + (r.h - cell * n) / 2;
    size_t h = std::hash<std::string>{}(seed);
    SDL_Color black{0x11, 0x11, 0x11, 255};
    auto finder = [&](int cx, int cy) {
        ui.paint.fill_rect(SDL_Rect{ox + cx * cell, oy + cy * cell, 7 * cell, 7 * cell}, black);
        ui.paint.fill_rect(SDL_Rect{ox + (cx + 1) * cell, oy + (cy + 1) * cell, 5 * cell, 5 * cell}, SDL_Color{255, 255, 255, 255});
        ui.paint.fill_rect(SDL_Rect{ox + (cx + 2) * cell, oy + (cy + 2) * cell, 3 * cell, 3 * cell}, black);
    };
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            bool in_finder = (x < 8 && y < 8) || (x >= n - 8 && y < 8) || (x < 8 && y >= n - 8);
            if (in_finder) continue;
            h = h * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((h >> 33) & 1) ui.paint.fill_rect(SDL_Rect{ox + x * cell, oy + y * cell, cell, cell}, black);
        }
    finder(0, 0);
    finder(n - 7, 0);
    finder(0, n - 7);
}

const char* attachment_glyph(const std::string& kind) {
    if (kind == "link") return "链";
    if (kind == "app") return "应";
    if (kind == "file") return "文";
    if (kind == "image") return "图";
    if (kind == "transfer") return "¥";
    return "附";
}

int draw_attachment(Ui& ui, const ff::Attachment& a, ChatStyle style, int x, int y, int max_w, bool right, bool draw) {
    const Theme& t = ui.theme;
    int w = std::min(max_w, t.px(250));
    int pad = t.px(12);
    int title_size = t.font_body();
    int small = t.font_small();
    TextBlock title = ui.text.layout(a.title, title_size, w - 2 * pad - (a.kind == "qr" ? 0 : t.px(48)), true);
    TextBlock detail = ui.text.layout(a.detail, small, w - 2 * pad - (a.kind == "qr" ? 0 : t.px(48)), false);
    int h;
    if (a.kind == "qr") h = pad + title.height + t.px(6) + (w - 2 * pad) + pad + detail.height;
    else h = std::max(t.px(52), title.height + detail.height + t.px(4)) + 2 * pad;
    if (!draw) return h;
    int cx = right ? x + max_w - w : x;
    SDL_Rect card{cx, y, w, h};
    bool transfer = a.kind == "transfer";
    SDL_Color bg = transfer && !t.high_contrast ? SDL_Color{0xF7, 0x9C, 0x42, 255}
                   : style == ChatStyle::call && !t.high_contrast ? SDL_Color{255, 255, 255, 235}
                                                                  : t.c.panel;
    SDL_Color fg = transfer && !t.high_contrast ? SDL_Color{255, 255, 255, 255} : t.c.text;
    SDL_Color muted = transfer && !t.high_contrast ? SDL_Color{255, 240, 225, 255} : t.c.text_muted;
    ui.paint.fill_round_rect_bordered(card, t.px(8), bg, transfer ? bg : t.c.panel_border, t.px(1));
    if (a.kind == "qr") {
        ui.text.draw_block(title, cx + pad, y + pad, w - 2 * pad, fg);
        SDL_Rect q{cx + pad, y + pad + title.height + t.px(6), w - 2 * pad, w - 2 * pad};
        draw_fake_qr(ui, q, a.title + a.detail);
        ui.text.draw_block(detail, cx + pad, q.y + q.h + t.px(6), w - 2 * pad, muted);
        return h;
    }
    int icon = t.px(40);
    SDL_Rect ir{cx + pad, y + (h - icon) / 2, icon, icon};
    SDL_Color icon_bg = transfer ? SDL_Color{255, 255, 255, 70} : with_alpha(t.c.accent, t.high_contrast ? 255 : 40);
    ui.paint.fill_round_rect(ir, t.px(8), icon_bg);
    const char* g = attachment_glyph(a.kind);
    int gs = t.tpx(18);
    int gw = ui.text.measure(g, gs, true);
    ui.text.draw_line(g, ir.x + (icon - gw) / 2, ir.y + (icon - ui.text.line_height(gs, true)) / 2, gs,
                      transfer ? SDL_Color{255, 255, 255, 255} : (t.high_contrast ? t.c.accent_text : t.c.accent), true);
    int tx = ir.x + icon + t.px(10);
    int ty = y + (h - title.height - detail.height) / 2;
    ui.text.draw_block(title, tx, ty, w, fg);
    ui.text.draw_block(detail, tx, ty + title.height, w, muted);
    return h;
}

} // namespace

int chat_item(Ui& ui, const ChatItem& item, ChatStyle style, const ff::Contact& contact, int x, int y, int w, bool draw) {
    const Theme& t = ui.theme;
    const int gap = t.px(12);
    const int body = t.font_body();
    const int small = t.font_small();
    const SDL_Color muted = style == ChatStyle::call ? SDL_Color{255, 255, 255, 170} : t.c.text_muted;

    if (item.kind == ChatItem::Kind::stamp) {
        int h = ui.text.line_height(small) + t.px(12);
        if (draw) {
            int tw = ui.text.measure(item.text, small);
            ui.text.draw_line(item.text, x + (w - tw) / 2, y + t.px(6), small, t.high_contrast ? t.c.text : muted);
        }
        return h + gap / 2;
    }
    if (item.kind == ChatItem::Kind::narration) {
        int maxw = w * 4 / 5;
        TextBlock b = ui.text.layout(item.text, small, maxw - t.px(20), false);
        int h = b.height + t.px(10);
        if (draw) {
            SDL_Rect pill{x + (w - b.width - t.px(20)) / 2, y, b.width + t.px(20), h};
            SDL_Color bg = style == ChatStyle::call ? SDL_Color{255, 255, 255, 30}
                           : t.high_contrast        ? t.c.panel
                                                    : SDL_Color{0, 0, 0, 22};
            ui.paint.fill_round_rect(pill, t.px(6), bg);
            if (t.high_contrast) ui.paint.fill_round_rect_bordered(pill, t.px(6), t.c.panel, t.c.panel_border, t.px(1));
            ui.text.draw_block(b, pill.x + t.px(10), y + t.px(5), b.width, t.high_contrast ? t.c.text : muted, Align::center);
        }
        return h + gap;
    }

    if (item.kind == ChatItem::Kind::notice) {
        // A phone notification banner: who sent it on top, the text below.
        int bw = std::min(w - 2 * t.px(16), t.px(340));
        int pad = t.px(12);
        TextBlock b = ui.text.layout(item.text, small + t.px(1), bw - 2 * pad, false);
        int head = ui.text.line_height(small, true);
        int h = pad + head + t.px(4) + b.height + pad;
        if (draw) {
            SDL_Rect card{x + (w - bw) / 2, y, bw, h};
            if (t.high_contrast) ui.paint.fill_round_rect_bordered(card, t.px(14), t.c.panel, t.c.panel_border, t.px(2));
            else ui.paint.fill_round_rect_bordered(card, t.px(14), SDL_Color{0xF4, 0xF5, 0xF8, 255}, t.c.panel_border, t.px(1));
            ui.paint.fill_round_rect(SDL_Rect{card.x + pad, y + pad + t.px(1), head - t.px(2), head - t.px(2)}, t.px(4), t.c.accent);
            ui.text.draw_line(item.from, card.x + pad + head + t.px(6), y + pad, small, t.c.text_muted, true);
            ui.text.draw_block(b, card.x + pad, y + pad + head + t.px(4), b.width, t.c.text);
        }
        return h + gap;
    }

    const bool me = item.kind == ChatItem::Kind::me;
    const bool avatars = style == ChatStyle::messenger;
    const int pad_side = t.px(12);
    const int avatar_r = t.px(19);
    const int avatar_space = avatars ? 2 * avatar_r + t.px(10) : 0;
    const int max_bubble = std::max(t.px(80), (w - 2 * pad_side - avatar_space) * (style == ChatStyle::call ? 84 : 76) / 100);
    const int bx_pad = t.px(12), by_pad = t.px(9);
    int label_h = 0;
    if (item.show_sender && !me && !item.from.empty()) label_h = ui.text.line_height(small) + t.px(2);

    if (item.kind == ChatItem::Kind::attachment && item.attachment) {
        int col_x = me ? x + pad_side : x + pad_side + avatar_space;
        int col_w = w - 2 * pad_side - avatar_space;
        int h = draw_attachment(ui, *item.attachment, style, col_x, y, std::min(col_w, max_bubble), me, false);
        if (draw) {
            int ax = me ? x + w - pad_side - avatar_space - std::min(col_w, max_bubble) : col_x;
            draw_attachment(ui, *item.attachment, style, ax, y, std::min(col_w, max_bubble), me, true);
        }
        return h + gap;
    }

    TextBlock b;
    int bw, bh;
    if (item.kind == ChatItem::Kind::typing) {
        bw = t.px(64);
        bh = ui.text.line_height(body) + 2 * by_pad;
    } else {
        b = ui.text.layout(item.text, body, max_bubble - 2 * bx_pad, false);
        bw = b.width + 2 * bx_pad;
        bh = b.height + 2 * by_pad;
    }
    int h = std::max(avatars ? 2 * avatar_r : 0, bh + label_h);
    if (!draw) return h + gap;

    BubbleColors col = colors_for(t, style, me);
    int bx = me ? x + w - pad_side - avatar_space - bw : x + pad_side + avatar_space;
    int by = y + label_h;
    if (avatars) {
        int acx = me ? x + w - pad_side - avatar_r : x + pad_side + avatar_r;
        if (me) draw_avatar(ui, acx, y + avatar_r, avatar_r, "我", "me-student");
        else {
            const std::string& name = item.from.empty() ? contact.name : item.from;
            draw_avatar(ui, acx, y + avatar_r, avatar_r, name, item.from.empty() ? contact.avatar + contact.name : item.from);
        }
    }
    if (label_h) ui.text.draw_line(item.from, bx, y, small, muted);

    int radius = style == ChatStyle::messenger ? t.px(6) : t.px(16);
    SDL_Rect bubble{bx, by, bw, bh};
    if (t.high_contrast) ui.paint.fill_round_rect_bordered(bubble, radius, col.bg, t.c.panel_border, t.px(2));
    else ui.paint.fill_round_rect(bubble, radius, col.bg);
    // Tails: messenger bubbles point at the avatar; SMS bubbles curl at the bottom corner.
    float s = static_cast<float>(t.px(6));
    if (style == ChatStyle::messenger) {
        float ty = static_cast<float>(by + t.px(14));
        if (me) {
            float ex = static_cast<float>(bx + bw);
            ui.paint.fill_triangle({ex - 1, ty - s}, {ex + s, ty}, {ex - 1, ty + s}, col.bg);
        } else {
            float ex = static_cast<float>(bx);
            ui.paint.fill_triangle({ex + 1, ty - s}, {ex - s, ty}, {ex + 1, ty + s}, col.bg);
        }
    } else if (style == ChatStyle::sms) {
        float ty = static_cast<float>(by + bh);
        if (me) {
            float ex = static_cast<float>(bx + bw);
            ui.paint.fill_triangle({ex - 2 * s, ty - 2 * s}, {ex + s * 0.6f, ty}, {ex - 2 * s, ty}, col.bg);
        } else {
            float ex = static_cast<float>(bx);
            ui.paint.fill_triangle({ex + 2 * s, ty - 2 * s}, {ex - s * 0.6f, ty}, {ex + 2 * s, ty}, col.bg);
        }
    }
    if (item.kind == ChatItem::Kind::typing) {
        // Three dots that light up in turn.
        int phase = static_cast<int>(std::floor(ui.now * 3.0)) % 3;
        int r = t.px(3.5f);
        int cy = by + bh / 2;
        for (int i = 0; i < 3; ++i) {
            SDL_Color dot = with_alpha(style == ChatStyle::call ? SDL_Color{255, 255, 255, 255} : t.c.text_muted,
                                       i == phase ? 255 : 110);
            ui.paint.fill_circle(bx + bw / 2 + (i - 1) * t.px(12), cy, r, dot);
        }
    } else {
        ui.text.draw_block(b, bx + bx_pad, by + by_pad, b.width, col.fg);
    }
    return h + gap;
}

} // namespace ff::game
