// Drawing the per-category scores: a radar chart (best filled, latest outlined) and a list
// of bars. Values are 0..100; categories without plays are drawn as "未练习".
#pragma once

#include "ui.h"

#include <string>
#include <vector>

namespace ff::game {

struct CategoryScore {
    std::string name;
    int finished = 0;
    int total = 0;
    int best = 0;   // mean best score of the finished scenarios
    int latest = 0; // mean latest score
    int scammed = 0; // finished scenarios whose latest play ended scammed
};

// Needs at least three categories to be a shape; draws nothing otherwise.
void draw_radar(Ui& ui, int cx, int cy, int radius, const std::vector<CategoryScore>& scores);

// Rows of bars inside `width`; returns the height used.
int draw_score_bars(Ui& ui, int x, int y, int width, const std::vector<CategoryScore>& scores);

// A thick line as two triangles (the painter's line() is one pixel wide).
void draw_stroke(Ui& ui, SDL_FPoint a, SDL_FPoint b, float width, SDL_Color c);

} // namespace ff::game
