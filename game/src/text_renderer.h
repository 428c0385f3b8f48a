// Text on screen: CJK-aware wrapping (game/text's kinsoku breaker measured with TTF_SizeUTF8)
// and line-by-line rendering through a texture cache, so a long chat renders each line once.
#pragma once

#include "sdl_handles.h"
#include "text/line_break.h"

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ff::game {

// Wrapped text, ready to draw: lines plus the size of the block.
struct TextBlock {
    std::vector<std::string> lines;
    int width = 0;       // widest line
    int height = 0;      // lines * line_height
    int line_height = 0;
    int size = 0;
    bool bold = false;
};

enum class Align { left, center, right };

class TextRenderer {
public:
    // Throws std::runtime_error (with the font path) if the font cannot be opened.
    TextRenderer(SDL_Renderer* renderer, std::filesystem::path font_path);

    const std::filesystem::path& font_path() const { return font_path_; }

    int line_height(int size, bool bold = false);
    int measure(std::string_view utf8, int size, bool bold = false);
    // Wraps at `max_width` with kinsoku rules; results are cached per (text, size, width).
    TextBlock layout(std::string_view utf8, int size, int max_width, bool bold = false);
    // A single line cut with "…" to fit `max_width`.
    std::string elide(std::string_view utf8, int size, int max_width, bool bold = false);

    // Draws one line with its top-left at (x, y); returns its width.
    int draw_line(std::string_view utf8, int x, int y, int size, SDL_Color color, bool bold = false);
    // Draws a wrapped block inside a column starting at x with `width` (for alignment).
    void draw_block(const TextBlock& block, int x, int y, int width, SDL_Color color, Align align = Align::left);
    // layout + draw_block; returns the height used.
    int draw_wrapped(std::string_view utf8, int x, int y, int max_width, int size, SDL_Color color,
                     bool bold = false, Align align = Align::left);

    // Cached line textures (for tests and the bench).
    size_t cached_textures() const { return textures_.size(); }

private:
    struct FontKey {
        int size;
        bool bold;
        auto operator<=>(const FontKey&) const = default;
    };
    struct Line {
        TexturePtr texture;
        int w = 0;
        int h = 0;
        std::list<std::string>::iterator lru;
    };
    TTF_Font* font(int size, bool bold);
    Line* line_texture(std::string_view utf8, int size, bool bold, SDL_Color color);

    SDL_Renderer* renderer_;
    std::filesystem::path font_path_;
    std::map<FontKey, FontPtr> fonts_;
    std::map<FontKey, ff::text::WidthCache> widths_;
    std::unordered_map<std::string, TextBlock> layouts_;
    std::unordered_map<std::string, Line> textures_;
    std::list<std::string> lru_; // front = most recently used
};

} // namespace ff::game
