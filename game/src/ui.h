// The per-frame UI context handed to screens: drawing (painter, text, theme), the input that
// arrived since the last frame, small widgets, and requests for the next redraw.
// Immediate mode: a screen's frame function reads input and draws in one pass.
#pragma once

#include "painter.h"
#include "text_renderer.h"
#include "theme.h"

#include <SDL.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ff::game {

// What happened since the previous frame. Coordinates are device pixels (HiDPI applied).
struct Input {
    int mouse_x = -1;
    int mouse_y = -1;
    bool click = false;              // left button released
    int click_x = 0;
    int click_y = 0;
    std::vector<SDL_Keycode> keys;   // key presses, in order
    std::string text;                // typed text (SDL_TEXTINPUT), UTF-8
    int wheel = 0;                   // +1 per notch towards the top of the content
    // IME composition (SDL_TEXTEDITING), e.g. pinyin not yet turned into characters: set
    // when it changed since the last frame, "" when the composition ended.
    std::optional<std::string> editing;
};

enum class ButtonKind { primary, secondary, danger, ghost };

class Ui {
public:
    Ui(Painter& painter, TextRenderer& text, const Theme& theme, int width, int height, Input& input, double now);

    Painter& paint;
    TextRenderer& text;
    const Theme& theme;
    const int width;   // output size in device pixels
    const int height;
    const double now;  // seconds since the game started (monotonic), for animations

    // Input queries. clicked()/key() consume what they report so two widgets never both react.
    bool hover(SDL_Rect r) const;
    bool clicked(SDL_Rect r);
    bool key(SDL_Keycode k);
    bool any_click();               // a click anywhere not yet consumed (consumes it)
    int wheel() const { return input_.wheel; }
    const std::string& typed() const { return input_.text; }
    const Input& input() const { return input_; }

    // Registers a region that looks different under the mouse; the app redraws when the
    // mouse enters or leaves one (and not on other mouse motion).
    void hot(SDL_Rect r) { hot_.push_back(r); }
    const std::vector<SDL_Rect>& hot_regions() const { return hot_; }

    // A rounded button with a centred label; returns true when clicked. `focused` draws a
    // focus ring (keyboard navigation).
    bool button(SDL_Rect r, std::string_view label, ButtonKind kind = ButtonKind::primary, bool focused = false);

    // Draw again right after this frame (state changed while drawing).
    void redraw() { redraw_ = true; }
    // Draw again after `seconds` (typing indicator, ringing, delays). The earliest wins.
    void wake_in(double seconds);

    bool redraw_requested() const { return redraw_; }
    double wake_after() const { return wake_after_; } // < 0: no timer

private:
    Input& input_;
    std::vector<SDL_Rect> hot_;
    bool redraw_ = false;
    double wake_after_ = -1;
};

} // namespace ff::game
