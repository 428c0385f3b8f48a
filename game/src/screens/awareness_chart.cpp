#include "screens/awareness_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ff::game {
namespace {

SDL_FPoint polar(int cx, int cy, float r, size_t i, size_t n) {
    const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
    return SDL_FPoint{static_cast<float>(cx + r * std::cos(a)), static_cast<float>(cy + r * std::sin(a))};
}

SDL_Color score_color(const Theme& t, int v) { return v >= 80 ? t.c.safe : v >= 50 ? t.c.partial : t.c.scammed; }

} // namespace

void draw_stroke(Ui& ui, SDL_FPoint a, SDL_FPoint b, float width, SDL_Color c) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len <= 0) return;
    const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    ui.paint.fill_triangle({a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, c);
    ui.paint.fill_triangle({a.x + nx, a.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}, c);
}

void draw_radar(Ui& ui, int cx, int cy, int radius, const std::vector<CategoryScore>& scores) {
    const size_t n = scores.size();
    if (n < 3) return;
    const Theme& t = ui.theme;
    const float r = static_cast<float>(radius);
    const float thin = std::max(1.0f, static_cast<float>(t.px(1)));
    // Rings at 25/50/75/100 and the spokes.
    for (int ring = 1; ring <= 4; ++ring)
        for (size_t i = 0; i < n; ++i)
            draw_stroke(ui, polar(cx, cy, r * ring / 4, i, n), polar(cx, cy, r * ring / 4, (i + 1) % n, n),
                        ring == 4 ? thin * 1.5f : thin, t.c.panel_border);
    for (size_t i = 0; i < n; ++i) draw_stroke(ui, SDL_FPoint{float(cx), float(cy)}, polar(cx, cy, r, i, n), thin, t.c.panel_border);

    // Best: a filled shape (a fan from the centre works because the shape is star-shaped).
    const SDL_Color fill = with_alpha(t.c.accent, t.high_contrast ? 255 : 90);
    const SDL_FPoint centre{float(cx), float(cy)};
    for (size_t i = 0; i < n; ++i) {
        const size_t j = (i + 1) % n;
        ui.paint.fill_triangle(centre, polar(cx, cy, r * scores[i].best / 100.0f, i, n),
                               polar(cx, cy, r * scores[j].best / 100.0f, j, n), fill);
    }
    for (size_t i = 0; i < n; ++i) {
        const size_t j = (i + 1) % n;
        draw_stroke(ui, polar(cx, cy, r * scores[i].best / 100.0f, i, n), polar(cx, cy, r * scores[j].best / 100.0f, j, n),
                    thin * 2.5f, t.c.accent);
    }
    // Latest: an outline in the "partial" colour, dots on the axes.
    for (size_t i = 0; i < n; ++i) {
        const size_t j = (i + 1) % n;
        draw_stroke(ui, polar(cx, cy, r * scores[i].latest / 100.0f, i, n),
                    polar(cx, cy, r * scores[j].latest / 100.0f, j, n), thin * 1.5f, t.c.partial);
    }
    for (size_t i = 0; i < n; ++i) {
        const SDL_FPoint p = polar(cx, cy, r * scores[i].latest / 100.0f, i, n);
        ui.paint.fill_circle(static_cast<int>(p.x), static_cast<int>(p.y), t.px(3.5f), t.c.partial);
    }
    // Category names around the outside, anchored away from the chart.
    const int size = t.font_small();
    const int lh = ui.text.line_height(size);
    for (size_t i = 0; i < n; ++i) {
        const SDL_FPoint p = polar(cx, cy, r + static_cast<float>(t.px(12)), i, n);
        const int w = ui.text.measure(scores[i].name, size);
        int x = static_cast<int>(p.x) - w / 2;
        if (p.x > static_cast<float>(cx) + r * 0.2f) x = static_cast<int>(p.x);
        if (p.x < static_cast<float>(cx) - r * 0.2f) x = static_cast<int>(p.x) - w;
        int y = static_cast<int>(p.y) - lh / 2;
        if (p.y < static_cast<float>(cy) - r * 0.8f) y = static_cast<int>(p.y) - lh;
        if (p.y > static_cast<float>(cy) + r * 0.8f) y = static_cast<int>(p.y);
        ui.text.draw_line(scores[i].name, x, y, size, scores[i].finished ? t.c.text : t.c.text_muted);
    }
}

int draw_score_bars(Ui& ui, int x, int y, int width, const std::vector<CategoryScore>& scores) {
    const Theme& t = ui.theme;
    const int top = y;
    const int name_w = std::min(width / 3, t.tpx(110));
    const int bar_x = x + name_w + t.px(12);
    const int value_w = ui.text.measure("最佳 100 · 最近 100", t.font_small()) + t.px(12);
    const int bar_w = std::max(t.px(40), width - name_w - t.px(12) - value_w);
    const int lh = ui.text.line_height(t.font_body(), true);
    for (const CategoryScore& s : scores) {
        ui.text.draw_line(ui.text.elide(s.name, t.font_body(), name_w, true), x, y, t.font_body(), t.c.text, true);
        const std::string done = std::to_string(s.finished) + "/" + std::to_string(s.total) + " 已完成";
        ui.text.draw_line(done, x, y + lh, t.font_small(), t.c.text_muted);
        const int bh = t.px(10);
        const int by = y + t.px(4);
        ui.paint.fill_round_rect(SDL_Rect{bar_x, by, bar_w, bh}, bh / 2, t.c.panel_border);
        ui.paint.fill_round_rect(SDL_Rect{bar_x, by + bh + t.px(6), bar_w, bh / 2}, bh / 4, t.c.panel_border);
        std::string value = "未练习";
        if (s.finished > 0) {
            ui.paint.fill_round_rect(SDL_Rect{bar_x, by, std::max(bh, bar_w * s.best / 100), bh}, bh / 2,
                                     score_color(t, s.best));
            ui.paint.fill_round_rect(SDL_Rect{bar_x, by + bh + t.px(6), std::max(bh / 2, bar_w * s.latest / 100), bh / 2},
                                     bh / 4, t.c.partial);
            value = "最佳 " + std::to_string(s.best) + " · 最近 " + std::to_string(s.latest);
        }
        ui.text.draw_line(value, bar_x + bar_w + t.px(12), y, t.font_small(), s.finished ? t.c.text : t.c.text_muted);
        if (s.scammed > 0)
            ui.text.draw_line("最近一次被骗 " + std::to_string(s.scammed) + " 个", bar_x + bar_w + t.px(12),
                              y + ui.text.line_height(t.font_small()), t.font_small(), t.c.scammed);
        y += std::max(lh + ui.text.line_height(t.font_small()), t.px(40)) + t.px(12);
    }
    return y - top;
}

} // namespace ff::game
