// Screens drawn in-process, without a window: the real ScreenHost on SDL's software renderer
// into a surface whose pixels the test reads (what headless mode does, but frame by frame,
// with the test's own input and clock).
#pragma once

#include "context_setup.h"
#include "font_discovery.h"
#include "screen_host.h"
#include "sdl_handles.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <filesystem>
#include <memory>
#include <optional>

namespace fftest {

class InProcessScreens {
public:
    // `pack_dir`: one pack, as --pack gives it. Never touches a real save (headless context).
    InProcessScreens(const std::filesystem::path& pack_dir, int w, int h) : w_(w), h_(h) {
        ttf_ = TTF_Init() == 0;
        font_ = ff::game::find_cjk_font("").path;
        ff::game::Options options;
        options.pack_dir = pack_dir;
        options.headless = true;
        ctx = ff::game::make_context(options, std::filesystem::current_path());
        target_.reset(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
        if (target_) renderer_.reset(SDL_CreateSoftwareRenderer(target_.get()));
        if (ttf_ && !font_.empty() && renderer_) host = std::make_unique<ff::game::ScreenHost>(*ctx, renderer_.get(), font_);
    }
    ~InProcessScreens() {
        host.reset();
        renderer_.reset();
        if (ttf_) TTF_Quit();
    }
    InProcessScreens(const InProcessScreens&) = delete;
    InProcessScreens& operator=(const InProcessScreens&) = delete;

    // False without SDL_ttf or a CJK font on this machine.
    bool ready() const { return host != nullptr; }

    // One frame `seconds_later` than the last; the mouse rests at (mouse_x, mouse_y).
    void frame(double seconds_later, ff::game::Input in = {}) {
        if (in.mouse_x < 0) {
            in.mouse_x = w_ / 2;
            in.mouse_y = h_ / 3;
        }
        now_ += seconds_later;
        host->frame(in, w_, h_, 1.0f, now_);
    }

    // 0xRRGGBB of the pixel at (x, y).
    uint32_t pixel(int x, int y) const {
        const auto* row = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(target_->pixels) + y * target_->pitch);
        return row[x] & 0xFFFFFF;
    }
    int width() const { return w_; }
    int height() const { return h_; }

    std::unique_ptr<ff::game::Context> ctx;
    std::unique_ptr<ff::game::ScreenHost> host;

private:
    int w_, h_;
    bool ttf_ = false;
    std::filesystem::path font_;
    ff::game::SurfacePtr target_;
    ff::game::RendererPtr renderer_;
    double now_ = 1000;
};

inline ff::game::Input key_press(SDL_Keycode k) {
    ff::game::Input in;
    in.keys.push_back(k);
    return in;
}

inline ff::game::Input wheel_turn(int notches) {
    ff::game::Input in;
    in.wheel = notches;
    return in;
}

inline ff::game::Input click_at(int x, int y) {
    ff::game::Input in;
    in.click = true;
    in.click_x = x;
    in.click_y = y;
    return in;
}

} // namespace fftest
