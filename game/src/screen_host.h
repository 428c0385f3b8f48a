// Runs the current screen on a renderer: builds the theme for the output size, draws one
// frame, shows notices, switches screens on request. Shared by the window and headless mode.
#pragma once

#include "painter.h"
#include "screen.h"
#include "text_renderer.h"
#include "theme.h"
#include "ui.h"

#include <SDL.h>

#include <filesystem>
#include <optional>
#include <vector>

namespace ff::game {

struct FrameOutcome {
    bool redraw = false;      // draw again at once
    double wake_after = -1;   // draw again after this many seconds (< 0: only on input)
};

class ScreenHost {
public:
    // Throws std::runtime_error if the font cannot be opened.
    ScreenHost(Context& ctx, SDL_Renderer* renderer, const std::filesystem::path& font_path);

    // Draws one frame of `w` x `h` device pixels. `dpi` = device pixels per window point.
    FrameOutcome frame(Input& input, int w, int h, float dpi, double now);

    // Switches now (the app calls this for the first screen; screens use ctx.open).
    void open(const ScreenRequest& req);
    const Screen& screen() const { return screen_; }

    // True if moving the mouse from (ax, ay) to (bx, by) enters or leaves a hot region.
    bool hover_changes(int ax, int ay, int bx, int by) const;

    TextRenderer& text() { return text_; }

private:
    // The first notice's box at the bottom of a w x h output; `top` is where the screen
    // above it ends.
    struct NoticeBar {
        TextBlock text;
        SDL_Rect box{};
        int top = 0;
    };
    NoticeBar layout_notice(const Theme& t, int w, int h);
    void draw_notice(Ui& ui, const NoticeBar& bar);

    Context& ctx_;
    SDL_Renderer* renderer_;
    Painter painter_;
    TextRenderer text_;
    Screen screen_;
    std::optional<ScreenRequest> pending_;
    std::vector<SDL_Rect> hot_;
};

} // namespace ff::game
