// The chat's "↓ 新消息" pill on the real chat screen, drawn in-process with SDL's software
// renderer (no window): it shows when messages arrive while the student reads further up,
// never while they are at the bottom, and a click on it jumps to the end and removes it.
#include "context_setup.h"
#include "font_discovery.h"
#include "screen_host.h"
#include "sdl_handles.h"
#include "test_headless_support.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>

using namespace ff::game;

namespace {

constexpr int kW = 1024, kH = 768;

struct Sdl {
    bool ok = false;
    Sdl() { ok = TTF_Init() == 0; }
    ~Sdl() {
        if (ok) TTF_Quit();
    }
};

// The longest horizontal run of accent pixels (the pill's fill) in the picture, and where it is. The pill is
// the only wide accent shape on the chat screen (reply numbers are small discs, text is thin).
struct Run {
    int length = 0, x = 0, y = 0;
};

Run longest_accent_run(SDL_Surface* s) {
    Run best;
    for (int y = 0; y < s->h; ++y) {
        const auto* row = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s->pixels) + y * s->pitch);
        int run = 0;
        for (int x = 0; x < s->w; ++x) {
            run = (row[x] & 0xFFFFFF) == fftest::kNormalAccent ? run + 1 : 0;
            if (run > best.length) best = Run{run, x - run + 1, y};
        }
    }
    return best;
}

} // namespace

SCENARIO("the chat screen's new-messages pill", "[screens][scroll][pill]") {
    Sdl sdl;
    REQUIRE(sdl.ok);
    const FontChoice font = find_cjk_font("");
    if (font.path.empty()) {
        WARN("no CJK font on this machine");
        return;
    }
    Options options;
    options.pack_dir = std::filesystem::path(FRAUDFREE_SOURCE_DIR) / "content" / "outreach";
    options.headless = true; // never touches a real save
    auto ctx = make_context(options, std::filesystem::current_path());
    REQUIRE(ctx->library.packs.size() == 1);
    ctx->save.settings.text_speed = ff::save::Settings::TextSpeed::normal;

    SurfacePtr target(SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(target);
    RendererPtr renderer(SDL_CreateSoftwareRenderer(target.get()));
    REQUIRE(renderer);
    ScreenHost host(*ctx, renderer.get(), font.path);

    // rebate-likes after its first reply: a conversation taller than the phone, three replies.
    ScreenRequest req("chat", "outreach", "rebate-likes");
    req.choices = {1};
    host.open(req);

    double now = 1000;
    // One frame; the mouse rests over the conversation (the phone's middle) so the wheel scrolls it.
    auto frame = [&](double seconds_later, std::optional<SDL_Keycode> key = {}, int wheel = 0,
                     std::optional<SDL_Point> click = {}) {
        Input in;
        in.mouse_x = kW / 2;
        in.mouse_y = kH / 3;
        in.wheel = wheel;
        if (key) in.keys.push_back(*key);
        if (click) {
            in.click = true;
            in.click_x = click->x;
            in.click_y = click->y;
        }
        now += seconds_later;
        host.frame(in, kW, kH, 1.0f, now);
        return longest_accent_run(target.get());
    };
    for (int i = 0; i < 3; ++i) frame(0.1);
    const int no_pill = frame(0.1).length;

    WHEN("the student replies and stays at the bottom while the answers arrive") {
        frame(0.1, SDLK_1);
        const Run after = frame(60); // long enough for every answer's delay
        THEN("the chat follows and no pill shows") { CHECK(after.length <= no_pill); }
    }

    WHEN("the student replies, scrolls up, and then the answers arrive") {
        frame(0.1, SDLK_1);
        const int before = frame(0.1, std::nullopt, 4).length;
        const Run pill = frame(60);
        THEN("a wide accent pill appears over the conversation, which it did not before") {
            CHECK(before <= no_pill);
            CHECK(pill.length > no_pill + 40);
            CHECK(pill.y > kH / 3);
        }
        AND_WHEN("the student clicks the pill") {
            REQUIRE(pill.length > no_pill + 40);
            frame(0.1, std::nullopt, 0, SDL_Point{pill.x + pill.length / 2, pill.y});
            const Run gone = frame(0.1);
            THEN("the view is at the end and the pill is gone") { CHECK(gone.length <= no_pill); }
        }
    }
}
