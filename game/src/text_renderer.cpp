#include "text_renderer.h"

#include "text/utf8.h"

#include <algorithm>
#include <stdexcept>

namespace ff::game {
namespace {
// Enough for several screens of chat at two sizes; evicting re-renders on demand.
constexpr size_t kMaxTextures = 2000;
constexpr size_t kMaxLayouts = 4000;

std::string cache_key(int size, bool bold, std::string_view text, int extra = 0) {
    std::string k = std::to_string(size) + (bold ? "b" : "r") + std::to_string(extra) + '|';
    k.append(text);
    return k;
}

std::uint32_t rgba(SDL_Color c) {
    return static_cast<std::uint32_t>(c.r) << 24 | static_cast<std::uint32_t>(c.g) << 16 |
           static_cast<std::uint32_t>(c.b) << 8 | c.a;
}
} // namespace

TextRenderer::TextRenderer(SDL_Renderer* renderer, std::filesystem::path font_path)
    : renderer_(renderer), font_path_(std::move(font_path)) {
    font(16, false); // fail early with a readable message
}

TTF_Font* TextRenderer::font(int size, bool bold) {
    size = std::max(6, size);
    FontKey key{size, bold};
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return it->second.get();
    FontPtr f(TTF_OpenFont(font_path_.string().c_str(), size));
    if (!f) {
        throw std::runtime_error("无法打开字体 " + font_path_.string() + "：" + TTF_GetError());
    }
    TTF_SetFontHinting(f.get(), TTF_HINTING_LIGHT);
    if (bold) TTF_SetFontStyle(f.get(), TTF_STYLE_BOLD);
    return fonts_.emplace(key, std::move(f)).first->second.get();
}

int TextRenderer::line_height(int size, bool bold) {
    return TTF_FontLineSkip(font(size, bold));
}

int TextRenderer::measure(std::string_view utf8, int size, bool bold) {
    if (utf8.empty()) return 0;
    int w = 0, h = 0;
    std::string s(utf8);
    if (TTF_SizeUTF8(font(size, bold), s.c_str(), &w, &h) != 0) return 0;
    return w;
}

TextBlock TextRenderer::layout(std::string_view utf8, int size, int max_width, bool bold) {
    std::string key = cache_key(size, bold, utf8, max_width);
    if (auto it = layouts_.find(key); it != layouts_.end()) return it->second;
    TextBlock b;
    b.size = size;
    b.bold = bold;
    b.line_height = line_height(size, bold);
    auto& wc = widths_[FontKey{size, bold}];
    b.lines = ff::text::break_lines(utf8, std::max(1, max_width),
                                    [&](std::string_view piece) { return measure(piece, size, bold); }, wc);
    for (const auto& l : b.lines) b.width = std::max(b.width, measure(l, size, bold));
    b.height = static_cast<int>(b.lines.size()) * b.line_height;
    if (layouts_.size() > kMaxLayouts) layouts_.clear();
    layouts_.emplace(std::move(key), b);
    return b;
}

std::string TextRenderer::elide(std::string_view utf8, int size, int max_width, bool bold) {
    std::string s = ff::text::sanitize_utf8(utf8);
    if (measure(s, size, bold) <= max_width) return s;
    int n = ff::text::count_codepoints(s);
    // Binary search the longest prefix that fits together with the ellipsis.
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (measure(ff::text::truncate_codepoints(s, mid + 1), size, bold) <= max_width) lo = mid;
        else hi = mid - 1;
    }
    return ff::text::truncate_codepoints(s, lo + 1);
}

TextRenderer::Line* TextRenderer::line_texture(std::string_view utf8, int size, bool bold, SDL_Color color) {
    if (utf8.empty()) return nullptr;
    // One texture per colour: SDL's software renderer blends a plain texture several times
    // faster than one with a colour or alpha modulation, and lines rarely change colour.
    std::string key = cache_key(size, bold, utf8, static_cast<int>(rgba(color)));
    if (auto it = textures_.find(key); it != textures_.end()) {
        lru_.splice(lru_.begin(), lru_, it->second.lru);
        return &it->second;
    }
    std::string text(utf8);
    SurfacePtr surface(TTF_RenderUTF8_Blended(font(size, bold), text.c_str(), color));
    if (!surface) return nullptr;
    TexturePtr tex(SDL_CreateTextureFromSurface(renderer_, surface.get()));
    if (!tex) return nullptr;
    SDL_SetTextureBlendMode(tex.get(), SDL_BLENDMODE_BLEND);
    if (textures_.size() >= kMaxTextures) {
        // Drop the least recently used quarter at once rather than one per new line.
        for (size_t i = 0; i < kMaxTextures / 4 && !lru_.empty(); ++i) {
            textures_.erase(lru_.back());
            lru_.pop_back();
        }
    }
    lru_.push_front(key);
    Line line{std::move(tex), surface->w, surface->h, lru_.begin()};
    return &textures_.emplace(std::move(key), std::move(line)).first->second;
}

int TextRenderer::draw_line(std::string_view utf8, int x, int y, int size, SDL_Color color, bool bold) {
    Line* l = line_texture(utf8, size, bold, color);
    if (!l) return 0;
    SDL_Rect dst{x, y, l->w, l->h};
    SDL_RenderCopy(renderer_, l->texture.get(), nullptr, &dst);
    return l->w;
}

void TextRenderer::draw_block(const TextBlock& block, int x, int y, int width, SDL_Color color, Align align) {
    int ly = y;
    for (const auto& line : block.lines) {
        int lx = x;
        if (align != Align::left) {
            int w = measure(line, block.size, block.bold);
            lx = align == Align::center ? x + (width - w) / 2 : x + width - w;
        }
        draw_line(line, lx, ly, block.size, color, block.bold);
        ly += block.line_height;
    }
}

int TextRenderer::draw_wrapped(std::string_view utf8, int x, int y, int max_width, int size, SDL_Color color,
                               bool bold, Align align) {
    TextBlock b = layout(utf8, size, max_width, bold);
    draw_block(b, x, y, max_width, color, align);
    return b.height;
}

} // namespace ff::game
