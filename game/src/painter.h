// Shape drawing for the UI: anti-aliased rounded rectangles and circles (from one cached
// circle texture), triangles for bubble tails, vertical gradients.
#pragma once

#include "sdl_handles.h"

#include <SDL.h>

#include <map>
#include <vector>

namespace ff::game {

class Painter {
public:
    explicit Painter(SDL_Renderer* renderer);

    SDL_Renderer* renderer() const { return renderer_; }

    void fill_rect(SDL_Rect r, SDL_Color c);
    // `covered`: a part of `r` the caller paints over opaquely next; it is left out (each
    // pixel a software renderer does not fill twice is time saved).
    void fill_round_rect(SDL_Rect r, int radius, SDL_Color c, SDL_Rect covered = SDL_Rect{0, 0, 0, 0});
    // A rounded rectangle with a border `thickness` thick drawn inside its edge.
    void fill_round_rect_bordered(SDL_Rect r, int radius, SDL_Color fill, SDL_Color border, int thickness);
    void fill_circle(int cx, int cy, int radius, SDL_Color c);
    void fill_triangle(SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color color);
    void vertical_gradient(SDL_Rect r, SDL_Color top, SDL_Color bottom);
    void line(int x1, int y1, int x2, int y2, SDL_Color c);

    // Restricts drawing to `r` until pop_clip(); nests by intersection.
    void push_clip(SDL_Rect r);
    void pop_clip();

private:
    SDL_Renderer* renderer_;
    // A white disc of `radius`, already scaled (null if too big to keep).
    SDL_Texture* disc(int radius);

    TexturePtr circle_; // white anti-aliased disc, drawn scaled with a colour mod
    int circle_size_ = 0;
    SurfacePtr circle_surface_;           // its pixels, to scale from
    std::map<int, TexturePtr> discs_;     // radius -> the disc at that size
    size_t disc_bytes_ = 0;
    std::vector<SDL_Rect> clips_;
};

bool contains(SDL_Rect r, int x, int y);

} // namespace ff::game
