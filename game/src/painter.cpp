#include "painter.h"

#include "theme.h"

#include <algorithm>
#include <cmath>

namespace ff::game {
namespace {
// Discs up to this radius are kept ready-scaled; bigger ones (rare: pulsing rings) are scaled per draw.
constexpr int kMaxCachedRadius = 64;
constexpr size_t kDiscBudgetBytes = 2u << 20;

// `a` without `hole`: up to four rectangles.
int subtract(SDL_Rect a, SDL_Rect hole, SDL_Rect out[4]) {
    SDL_Rect h{};
    if (hole.w <= 0 || hole.h <= 0 || !SDL_IntersectRect(&a, &hole, &h)) {
        out[0] = a;
        return 1;
    }
    int n = 0;
    if (h.y > a.y) out[n++] = SDL_Rect{a.x, a.y, a.w, h.y - a.y};
    if (h.y + h.h < a.y + a.h) out[n++] = SDL_Rect{a.x, h.y + h.h, a.w, a.y + a.h - h.y - h.h};
    if (h.x > a.x) out[n++] = SDL_Rect{a.x, h.y, h.x - a.x, h.h};
    if (h.x + h.w < a.x + a.w) out[n++] = SDL_Rect{h.x + h.w, h.y, a.x + a.w - h.x - h.w, h.h};
    return n;
}
} // namespace

bool contains(SDL_Rect r, int x, int y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

Painter::Painter(SDL_Renderer* renderer) : renderer_(renderer) {
    // A 256 px disc with 4x4 supersampled edges: scaled down with linear filtering it gives
    // smooth corners at every size without per-frame pixel work.
    constexpr int n = 256;
    SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888));
    if (s) {
        SDL_LockSurface(s.get());
        const float r = n / 2.0f;
        for (int y = 0; y < n; ++y) {
            auto* row = reinterpret_cast<Uint32*>(static_cast<Uint8*>(s->pixels) + static_cast<size_t>(y) * s->pitch);
            for (int x = 0; x < n; ++x) {
                int inside = 0;
                for (int sy = 0; sy < 4; ++sy)
                    for (int sx = 0; sx < 4; ++sx) {
                        float dx = x + (sx + 0.5f) / 4.0f - r, dy = y + (sy + 0.5f) / 4.0f - r;
                        if (dx * dx + dy * dy <= r * r) ++inside;
                    }
                Uint32 a = static_cast<Uint32>(inside * 255 / 16);
                row[x] = (a << 24) | 0x00FFFFFFu;
            }
        }
        SDL_UnlockSurface(s.get());
        circle_.reset(SDL_CreateTextureFromSurface(renderer_, s.get()));
        if (circle_) {
            SDL_SetTextureBlendMode(circle_.get(), SDL_BLENDMODE_BLEND);
            SDL_SetTextureScaleMode(circle_.get(), SDL_ScaleModeLinear);
            circle_size_ = n;
            circle_surface_ = std::move(s);
        }
    }
}

SDL_Texture* Painter::disc(int radius) {
    if (radius > kMaxCachedRadius || !circle_surface_) return nullptr;
    if (auto it = discs_.find(radius); it != discs_.end()) return it->second.get();
    // The same linear downscale SDL applies to a scaled copy, done once: each corner is then a
    // plain copy, which SDL's software renderer does without a scratch surface per draw.
    const int d = 2 * radius;
    SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, d, d, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!s || SDL_SoftStretchLinear(circle_surface_.get(), nullptr, s.get(), nullptr) != 0) return nullptr;
    TexturePtr t(SDL_CreateTextureFromSurface(renderer_, s.get()));
    if (!t) return nullptr;
    SDL_SetTextureBlendMode(t.get(), SDL_BLENDMODE_BLEND);
    const size_t bytes = static_cast<size_t>(d) * static_cast<size_t>(d) * 4;
    if (disc_bytes_ + bytes > kDiscBudgetBytes) {
        discs_.clear();
        disc_bytes_ = 0;
    }
    disc_bytes_ += bytes;
    return discs_.emplace(radius, std::move(t)).first->second.get();
}

void Painter::fill_rect(SDL_Rect r, SDL_Color c) {
    if (r.w <= 0 || r.h <= 0) return;
    SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(renderer_, &r);
}

void Painter::fill_round_rect(SDL_Rect r, int radius, SDL_Color c, SDL_Rect covered) {
    if (r.w <= 0 || r.h <= 0) return;
    radius = std::clamp(radius, 0, std::min(r.w, r.h) / 2);
    if (radius <= 1 || !circle_) {
        fill_rect(r, c);
        return;
    }
    int d = radius * 2;
    // Middle band and the two side bands between the corners, less what the caller covers.
    const SDL_Rect bands[3] = {SDL_Rect{r.x, r.y + radius, r.w, r.h - d}, SDL_Rect{r.x + radius, r.y, r.w - d, radius},
                               SDL_Rect{r.x + radius, r.y + r.h - radius, r.w - d, radius}};
    for (const SDL_Rect& band : bands) {
        SDL_Rect parts[4];
        const int n = subtract(band, covered, parts);
        for (int i = 0; i < n; ++i) fill_rect(parts[i], c);
    }
    SDL_Texture* tex = disc(radius);
    const int h = tex ? radius : circle_size_ / 2;
    if (!tex) tex = circle_.get();
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    SDL_Rect dst[4] = {{r.x, r.y, radius, radius},
                       {r.x + r.w - radius, r.y, radius, radius},
                       {r.x, r.y + r.h - radius, radius, radius},
                       {r.x + r.w - radius, r.y + r.h - radius, radius, radius}};
    if (tex != circle_.get() && r.w == d && r.h == d) {
        // A whole disc: one copy instead of four quarters.
        SDL_Rect all{r.x, r.y, d, d};
        SDL_RenderCopy(renderer_, tex, nullptr, &all);
        return;
    }
    SDL_Rect src[4] = {{0, 0, h, h}, {h, 0, h, h}, {0, h, h, h}, {h, h, h, h}};
    for (int i = 0; i < 4; ++i) SDL_RenderCopy(renderer_, tex, &src[i], &dst[i]);
}

void Painter::fill_round_rect_bordered(SDL_Rect r, int radius, SDL_Color fill, SDL_Color border, int thickness) {
    fill_round_rect(r, radius, border);
    SDL_Rect inner{r.x + thickness, r.y + thickness, r.w - 2 * thickness, r.h - 2 * thickness};
    fill_round_rect(inner, std::max(0, radius - thickness), fill);
}

void Painter::fill_circle(int cx, int cy, int radius, SDL_Color c) {
    fill_round_rect(SDL_Rect{cx - radius, cy - radius, radius * 2, radius * 2}, radius, c);
}

void Painter::fill_triangle(SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color color) {
    SDL_Vertex v[3];
    SDL_FPoint pts[3] = {a, b, c};
    for (int i = 0; i < 3; ++i) v[i] = SDL_Vertex{pts[i], color, SDL_FPoint{0, 0}};
    SDL_RenderGeometry(renderer_, nullptr, v, 3, nullptr, 0);
}

void Painter::vertical_gradient(SDL_Rect r, SDL_Color top, SDL_Color bottom) {
    // One flat band per run of rows with the same colour: a vertical gradient is constant along
    // each row, and filled rows cost a memset in SDL's software renderer where interpolated
    // triangles cost a division per channel and pixel.
    if (r.w <= 0 || r.h <= 0) return;
    auto at_row = [&](int row) { return mix(top, bottom, (static_cast<float>(row) + 0.5f) / static_cast<float>(r.h)); };
    int start = 0;
    SDL_Color run = at_row(0);
    for (int row = 1; row <= r.h; ++row) {
        const SDL_Color c = row < r.h ? at_row(row) : run;
        if (row == r.h || c.r != run.r || c.g != run.g || c.b != run.b || c.a != run.a) {
            fill_rect(SDL_Rect{r.x, r.y + start, r.w, row - start}, run);
            start = row;
            run = c;
        }
    }
}

void Painter::line(int x1, int y1, int x2, int y2, SDL_Color c) {
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
    SDL_RenderDrawLine(renderer_, x1, y1, x2, y2);
}

void Painter::push_clip(SDL_Rect r) {
    if (!clips_.empty()) {
        SDL_Rect out{};
        if (!SDL_IntersectRect(&r, &clips_.back(), &out)) out = SDL_Rect{r.x, r.y, 0, 0};
        r = out;
    }
    clips_.push_back(r);
    SDL_RenderSetClipRect(renderer_, &clips_.back());
}

void Painter::pop_clip() {
    if (!clips_.empty()) clips_.pop_back();
    SDL_RenderSetClipRect(renderer_, clips_.empty() ? nullptr : &clips_.back());
}

} // namespace ff::game
