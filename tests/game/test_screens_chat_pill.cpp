// The chat's "↓ 新消息" pill on the real chat screen, drawn in-process with SDL's software
// renderer (no window): it shows when messages arrive while the student reads further up,
// never while they are at the bottom, and a click on it jumps to the end and removes it.
#include "test_headless_support.h"
#include "test_screen_host_support.h"

#include <catch2/catch.hpp>

using namespace ff::game;

namespace {

// The longest horizontal run of accent pixels (the pill's fill) in the picture, and where it
// is. The pill is the only wide accent shape on the chat screen (reply numbers are small
// discs, text is thin).
struct AccentRun {
    int length = 0, x = 0, y = 0;
};

AccentRun longest_accent_run(const fftest::InProcessScreens& s) {
    AccentRun best;
    for (int y = 0; y < s.height(); ++y) {
        int run = 0;
        for (int x = 0; x < s.width(); ++x) {
            run = s.pixel(x, y) == fftest::kNormalAccent ? run + 1 : 0;
            if (run > best.length) best = AccentRun{run, x - run + 1, y};
        }
    }
    return best;
}

} // namespace

SCENARIO("the chat screen's new-messages pill", "[screens][scroll][pill]") {
    fftest::InProcessScreens screens(std::filesystem::path(FRAUDFREE_SOURCE_DIR) / "content" / "outreach", 1024, 768);
    if (!screens.ready()) {
        WARN("no SDL_ttf or no CJK font on this machine");
        return;
    }
    screens.ctx->save.settings.text_speed = ff::save::Settings::TextSpeed::normal;
    // rebate-likes after its first reply: a conversation taller than the phone, three replies.
    ScreenRequest req("chat", "outreach", "rebate-likes");
    req.choices = {1};
    screens.host->open(req);

    auto frame = [&](double seconds_later, Input in = {}) {
        screens.frame(seconds_later, std::move(in));
        return longest_accent_run(screens);
    };
    for (int i = 0; i < 3; ++i) frame(0.1);
    const int no_pill = frame(0.1).length;

    WHEN("the student replies and stays at the bottom while the answers arrive") {
        frame(0.1, fftest::key_press(SDLK_1));
        const AccentRun after = frame(60); // long enough for every answer's delay
        THEN("the chat follows and no pill shows") { CHECK(after.length <= no_pill); }
    }

    WHEN("the student replies, scrolls up, and then the answers arrive") {
        frame(0.1, fftest::key_press(SDLK_1));
        const int before = frame(0.1, fftest::wheel_turn(4)).length;
        const AccentRun pill = frame(60);
        THEN("a wide accent pill appears over the conversation, which it did not before") {
            CHECK(before <= no_pill);
            CHECK(pill.length > no_pill + 40);
            CHECK(pill.y > screens.height() / 3);
        }
        AND_WHEN("the student clicks the pill") {
            REQUIRE(pill.length > no_pill + 40);
            frame(0.1, fftest::click_at(pill.x + pill.length / 2, pill.y));
            const AccentRun gone = frame(0.1);
            THEN("the view is at the end and the pill is gone") { CHECK(gone.length <= no_pill); }
        }
    }
}
